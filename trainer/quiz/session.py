"""A quiz session as a state machine: actions in, events out.

The session does no input or output of its own. The headless command and (later) the
terminal app drive the same object and show the same events, so what the tests and golden
transcripts prove about a session holds for both.

Rules a user notices:

- Recall questions (premises, counterarguments) take one answer at a time, each graded
  against the targets not yet named, until all are named or the user skips or gives up.
- Other questions take one answer. A rebuttal question then lets the user name more
  rebuttals, until `next` (or an empty answer), skip or give up.
- A partial answer earns one "say more" try: the next answer is graded both added to the
  partial one and on its own, and the better verdict counts.
- `override` marks the most recent verdict correct ("I was right"), even when that
  answer ended its question; the question's result is then revised. When the last question
  ends on a verdict that could be overridden, the session waits (phase `review`) for
  `override` or `next` before its summary, so that verdict can be overruled too.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from trainer.packs.model import Item, Pack
from trainer.quiz.events import (
    AnswerState,
    ErrorEvent,
    Event,
    HintEvent,
    Missed,
    QuestionEvent,
    ResultEvent,
    ReviewEvent,
    SummaryEvent,
    VerdictEvent,
)
from trainer.quiz.hints import hint_steps
from trainer.quiz.modes import Mode, plan
from trainer.quiz.protocols import (
    CORRECT,
    INCORRECT,
    PARTIAL,
    Clock,
    GraderFactory,
    GraderLike,
    VerdictLike,
    default_grader,
)
from trainer.quiz.questions import Question
from trainer.quiz.scoring import (
    ItemRecord,
    ItemStatus,
    QuestionOutcome,
    QuestionRecord,
    ScoringRules,
    question_max,
    question_score,
    summarise,
)

_E = TypeVar("_E", bound=Event)


class Phase(StrEnum):
    """What the session waits for."""

    NOT_STARTED = "not_started"
    ANSWER = "answer"
    """An answer to the current question (or a hint, skip, give up)."""
    SAY_MORE = "say_more"
    """The last answer was partly right: one more try to complete it."""
    MORE = "more"
    """The question is passed; the user may name more answers or move on."""
    REVIEW = "review"
    """Every question is over, but the last verdict may still be overridden."""
    FINISHED = "finished"


class EndReason(StrEnum):
    """Why the session ended; the summary says it."""

    FINISHED = "finished"
    END_OF_INPUT = "end_of_input"
    INTERRUPTED = "interrupted"
    TERMINATED = "terminated"
    OUTPUT_CLOSED = "output_closed"
    ERROR = "error"


_RANK: dict[str, int] = {CORRECT: 2, PARTIAL: 1, INCORRECT: 0}
_STATUS_RANK = {
    None: -1,
    ItemStatus.SKIPPED: 0,
    ItemStatus.MISSED: 0,
    ItemStatus.INCORRECT: 1,
    ItemStatus.PARTIAL: 2,
    ItemStatus.CORRECT: 3,
}


@dataclass(slots=True)
class _Attempt:
    """The most recent verdict, kept so that `override` can revise it."""

    seq: int
    record: QuestionRecord
    verdict: VerdictLike
    item_id: str
    answer: str
    graded: str
    attempt: int
    said_more: bool


class Session:
    """One quiz session over a pack: the questions of a mode, in the order of a seed.

    `questions` replaces the mode's plan (a retry of missed questions, a test of one kind).
    `grader` may be given (tests pass a fake); otherwise `grader_factory` builds the real one
    when the first answer arrives. `clock` returns seconds; inject one for exact times.
    """

    def __init__(
        self,
        pack: Pack,
        mode: Mode | str,
        *,
        seed: int | None = None,
        limit: int | None = None,
        questions: Sequence[Question] | None = None,
        grader: GraderLike | None = None,
        grader_factory: GraderFactory = default_grader,
        clock: Clock = time.monotonic,
        rules: ScoringRules | None = None,
    ) -> None:
        self.pack = pack
        self.mode = Mode(mode)
        self.seed = secrets.randbelow(2**31) if seed is None else seed
        self.questions: tuple[Question, ...] = (
            plan(pack, self.mode, seed=self.seed, limit=limit)
            if questions is None
            else tuple(questions)[:limit]
        )
        self.rules = rules or ScoringRules()
        self.events: list[Event] = []
        self._grader = grader
        self._grader_factory = grader_factory
        self._clock = clock
        self._phase = Phase.NOT_STARTED
        self._t0 = 0.0
        self._now = 0.0
        self._index = -1
        self._records: list[QuestionRecord] = []
        self._open: QuestionRecord | None = None
        self._last_step = 0.0
        self._attempts = 0
        self._partial_text = ""
        self._partial_item = ""
        self._return_phase = Phase.ANSWER
        self._missing: dict[str, Sequence[str]] = {}
        self._last: _Attempt | None = None
        self.input_line: int | None = None
        """The input line being applied, set by a line-based driver so that every error
        event points at the line that caused it."""

    # -- state ------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def finished(self) -> bool:
        return self._phase is Phase.FINISHED

    @property
    def current(self) -> Question | None:
        return self._open.question if self._open else None

    @property
    def records(self) -> tuple[QuestionRecord, ...]:
        return tuple(self._records)

    # -- actions ----------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Ask the first question (or, when there is none, end with the summary)."""
        if self._phase is not Phase.NOT_STARTED:
            raise RuntimeError("the session has already started")
        out: list[Event] = []
        self._t0 = self._now = self._clock()
        self._advance(out)
        return out

    def answer(self, text: str) -> list[Event]:
        """Grade an answer. An empty answer moves on where moving on is free (see `next`)."""
        self._require_started()
        text = text.strip()
        if self._phase is Phase.REVIEW:
            return self.next() if not text else self._quiz_over()
        if not text:
            if self._phase is Phase.MORE or self._phase is Phase.SAY_MORE:
                return self.next()
            return self.error("empty_answer", "Type an answer, or ask for a hint, skip or give up.")
        out: list[Event] = []
        record = self._tick()
        said_more = self._phase is Phase.SAY_MORE
        origin = self._return_phase if said_more else self._phase
        verdict, item_id, graded = self._grade(record, text, said_more)
        # A second try at the same target scores as one, whether it was graded added to the
        # first answer or on its own (a repeat of the whole answer is the same addition).
        second_try = said_more and item_id == self._partial_item
        repeated = None if said_more else self._already_named(record, text, verdict)
        if repeated is not None:
            # Not a wrong answer to the targets left: it costs nothing and marks nothing.
            named = self.pack.item(repeated).answer.canonical  # as the checklist shows it
            return self.error(
                "already_named",
                f'You have already named that one ("{named}"). Name another, or give up to '
                "see the rest.",
            )
        self._attempts += 1
        took = self._now - self._last_step
        self._last_step = self._now
        item = record.item(item_id)
        item.attempts += 1
        item.seconds += took
        self._missing[item_id] = tuple(verdict.concepts_missing)
        outcome = str(verdict.outcome)
        ended: QuestionOutcome | None = None
        also: tuple[str, ...] = ()
        if outcome == CORRECT:
            self._name(record, item_id, self.rules.after_say_more if second_try else None)
            also = self._also_named(record, graded)
            ended = self._after_named(record)
        elif outcome == PARTIAL and not said_more:
            self._partial_text, self._partial_item = graded, item_id
            self._return_phase = self._phase
            self._phase = Phase.SAY_MORE
            _raise_status(item, ItemStatus.PARTIAL)
        else:
            # A say-more try that is still not right leaves the first, partial answer standing.
            _raise_status(item, ItemStatus.PARTIAL if outcome == PARTIAL else ItemStatus.INCORRECT)
            standing = record.item(self._partial_item) if said_more else item
            final = ItemStatus.PARTIAL if said_more else ItemStatus.INCORRECT
            _raise_status(standing, final)
            self._partial_text = self._partial_item = ""
            if origin is Phase.ANSWER and not record.question.kind.recall:
                if final is ItemStatus.PARTIAL:
                    standing.points = self.rules.partial
                ended = QuestionOutcome(final.value)
            else:
                self._phase = origin
        event = self._emit(
            VerdictEvent,
            out,
            item_id=item_id,
            question=record.question.id,
            kind=record.question.kind.value,
            attempt=self._attempts,
            answer=text,
            verdict=verdict,
            overrides=None,
            hints=item.hints,
            took=took,
            state=self._state_after(ended),
            named=len(record.named),
            remaining=len(record.remaining),
            graded=graded,
            also_named=also,
        )
        self._last = _Attempt(
            event.seq, record, verdict, item_id, text, graded, self._attempts, second_try
        )
        if ended:
            self._end(out, ended, reveal=True)
        return out

    def hint(self) -> list[Event]:
        """The next hint step for the target the user is on; each costs points until the
        question is passed."""
        self._require_started()
        if self._phase is Phase.REVIEW:
            return self._quiz_over()
        record = self._tick()
        remaining = record.remaining
        target = (
            self._partial_item
            if self._phase is Phase.SAY_MORE and self._partial_item in remaining
            else remaining[0]
        )
        item = record.item(target)
        steps = hint_steps(self.pack.item(target), self._missing.get(target, ()))
        if item.hints >= len(steps):
            return self.error(
                "no_more_hints", "There are no more hints for this answer; give up to see it."
            )
        cost = 0 if self._passed() else self.rules.hint_cost
        item.hints += 1
        record.hints += 1
        if cost:
            item.charged += 1
            record.charged += 1
        self._last_step = self._now
        out: list[Event] = []
        self._emit(
            HintEvent,
            out,
            item_id=target,
            question=record.question.id,
            level=item.hints,
            levels=len(steps),
            text=steps[item.hints - 1],
            cost=cost,
        )
        return out

    def skip(self) -> list[Event]:
        """Move on without seeing the answers (what was named still counts)."""
        self._require_started()
        if self._phase is Phase.REVIEW:
            return self._quiz_over()
        self._tick()
        out: list[Event] = []
        outcome = QuestionOutcome.CORRECT if self._passed() else QuestionOutcome.SKIPPED
        self._end(out, outcome, reveal=False)
        return out

    def give_up(self) -> list[Event]:
        """Show the answers not named and move on."""
        self._require_started()
        if self._phase is Phase.REVIEW:
            return self._quiz_over()
        self._tick()
        out: list[Event] = []
        outcome = QuestionOutcome.CORRECT if self._passed() else QuestionOutcome.GAVE_UP
        self._end(out, outcome, reveal=True)
        return out

    def next(self) -> list[Event]:
        """Move on where that costs nothing, or settle for a partial answer.

        After a passed rebuttal question: move on (showing the other rebuttals). After a
        partial answer to a one-answer question: "that is all I can say", half marks. In
        review: the summary.
        """
        self._require_started()
        if self._phase is Phase.REVIEW:
            return self.finish(EndReason.FINISHED)
        record = self._tick()
        out: list[Event] = []
        if self._passed():
            self._end(out, QuestionOutcome.CORRECT, reveal=True)
        elif (
            self._phase is Phase.SAY_MORE
            and self._return_phase is Phase.ANSWER
            and not record.question.kind.recall
        ):
            item = record.item(self._partial_item)
            item.points = self.rules.partial
            self._end(out, QuestionOutcome.PARTIAL, reveal=True)
        else:
            return self.error(
                "not_now", "Nothing to move on from: answer, ask for a hint, skip or give up."
            )
        return out

    def override(self) -> list[Event]:
        """Mark the most recent verdict correct; revise its question if it has ended."""
        self._require_started()
        last = self._last
        if last is None:
            return self.error("nothing_to_override", "There is no answer to override yet.")
        if last.verdict.overridden or str(last.verdict.outcome) == CORRECT:
            return self.error("nothing_to_override", "The last answer is already marked correct.")
        self._now = self._clock()
        out: list[Event] = []
        verdict = last.verdict.override()
        record = last.record
        is_open = record is self._open
        self._name(record, last.item_id, self.rules.after_say_more if last.said_more else None)
        record.item(last.item_id).overridden = True
        ended: QuestionOutcome | None = None
        if is_open:
            ended = self._after_named(record)  # also leaves a say-more try behind
        event = self._emit(
            VerdictEvent,
            out,
            item_id=last.item_id,
            question=record.question.id,
            kind=record.question.kind.value,
            attempt=last.attempt,
            answer=last.answer,
            verdict=verdict,
            overrides=last.seq,
            hints=record.item(last.item_id).hints,
            took=0.0,
            state=self._state_after(ended),
            named=len(record.named),
            remaining=len(record.remaining),
            graded=last.graded,
        )
        self._last = _Attempt(
            event.seq,
            record,
            verdict,
            last.item_id,
            last.answer,
            last.graded,
            last.attempt,
            last.said_more,
        )
        if ended:
            self._end(out, ended, reveal=True)
        elif not is_open:
            if len(record.named) >= record.question.need:
                record.outcome = QuestionOutcome.CORRECT
            self._emit_result(out, record, reveal=True, revised=True)
            if self._phase is Phase.REVIEW:
                self._finish(out, EndReason.FINISHED)
        return out

    def finish(self, reason: EndReason | str = EndReason.FINISHED) -> list[Event]:
        """End the session now with its summary; a second call does nothing."""
        if self._phase is Phase.FINISHED:
            return []
        if self._phase is Phase.NOT_STARTED:
            self._t0 = self._clock()
        out: list[Event] = []
        self._now = self._clock()
        self._finish(out, EndReason(reason))
        return out

    def error(
        self, code: str, message: str, *, line: int | None = None, input: str | None = None
    ) -> list[Event]:
        """Report input the session cannot use, as an event in its sequence."""
        if self._phase is Phase.FINISHED:
            raise RuntimeError("the session is over")
        if self._phase is not Phase.NOT_STARTED:
            self._now = self._clock()
        out: list[Event] = []
        subject = self._open.question.subject if self._open else None
        self._emit(
            ErrorEvent,
            out,
            item_id=subject,
            code=code,
            message=message,
            line=self.input_line if line is None else line,
            input=input,
        )
        return out

    # -- internals --------------------------------------------------------------------

    def _state_after(self, ended: QuestionOutcome | None) -> AnswerState:
        """What a verdict leaves its question waiting for."""
        return AnswerState.DONE if ended else AnswerState(self._phase.value)

    def _require_started(self) -> None:
        if self._phase is Phase.NOT_STARTED:
            raise RuntimeError("start() the session first")
        if self._phase is Phase.FINISHED:
            raise RuntimeError("the session is over")

    def _quiz_over(self) -> list[Event]:
        return self.error(
            "quiz_over",
            "Every question is over: override the last verdict, or move on to the summary.",
        )

    def _overridable(self) -> bool:
        last = self._last
        return (
            last is not None
            and not last.verdict.overridden
            and str(last.verdict.outcome) != CORRECT
        )

    def _tick(self) -> QuestionRecord:
        self._now = self._clock()
        assert self._open is not None
        return self._open

    def _passed(self) -> bool:
        return self._open is not None and len(self._open.named) >= self._open.question.need

    def _grader_now(self) -> GraderLike:
        if self._grader is None:
            self._grader = self._grader_factory(self.pack)
        return self._grader

    def _grade_against(self, text: str, items: Sequence[Item]) -> VerdictLike:
        grader = self._grader_now()
        if len(items) == 1:
            return grader.grade(text, items[0])
        return grader.grade_best(text, items)

    def _grade(
        self, record: QuestionRecord, text: str, said_more: bool
    ) -> tuple[VerdictLike, str, str]:
        """(verdict, target id, text graded): a say-more try is graded both added to the
        partial answer and on its own, and the better verdict counts."""
        remaining = record.remaining
        candidates = [self.pack.item(i) for i in remaining]
        alone = self._grade_against(text, candidates)
        best, graded = alone, text
        if said_more and self._partial_item in remaining:
            combined_text = f"{self._partial_text} {text}"
            combined = self._grade_against(combined_text, [self.pack.item(self._partial_item)])
            if _rank(combined) >= _rank(alone):
                best, graded = combined, combined_text
        item_id = best.item_id if best.item_id in remaining else remaining[0]
        return best, item_id, graded

    def _already_named(self, record: QuestionRecord, text: str, verdict: VerdictLike) -> str | None:
        """The target already named that `text` names again, in a question that takes several
        answers (name the premises; more answers to a counterargument), if it is one."""
        question = record.question
        several = question.kind.recall or question.more
        if not several or not record.named or str(verdict.outcome) == CORRECT:
            return None
        again = self._grade_against(text, [self.pack.item(i) for i in record.named])
        return again.item_id if str(again.outcome) == CORRECT else None

    def _also_named(self, record: QuestionRecord, text: str) -> tuple[str, ...]:
        """Other targets of the question that the same right answer names too ("the strikes
        need NATO satellites, so NATO is at war with Russia" names two of Putin's points):
        they count as named, so the result never lists them as answers not given."""
        if len(record.question.targets) < 2:
            return ()
        grader = self._grader_now()
        also = tuple(
            target
            for target in record.remaining
            if str(grader.grade(text, self.pack.item(target)).outcome) == CORRECT
        )
        for target in also:
            self._name(record, target, None)
        return also

    def _name(self, record: QuestionRecord, item_id: str, points: int | None) -> None:
        if item_id not in record.named:
            record.named.append(item_id)
        item = record.item(item_id)
        item.status = ItemStatus.CORRECT
        item.points = self.rules.correct if points is None else points

    def _after_named(self, record: QuestionRecord) -> QuestionOutcome | None:
        """The phase after a target is named; the outcome when that ends the question."""
        self._partial_text = self._partial_item = ""
        self._return_phase = Phase.ANSWER
        if len(record.named) < record.question.need:
            self._phase = Phase.ANSWER
            return None
        if record.question.more and record.remaining:
            self._phase = Phase.MORE
            self._return_phase = Phase.MORE
            return None
        return QuestionOutcome.CORRECT

    def _end(self, out: list[Event], outcome: QuestionOutcome, *, reveal: bool) -> None:
        record = self._open
        assert record is not None
        record.outcome = outcome
        record.seconds = self._now - record.started
        question = record.question
        if question.kind.recall or len(record.named) < question.need:
            status = ItemStatus.SKIPPED if outcome is QuestionOutcome.SKIPPED else ItemStatus.MISSED
            for target in record.remaining:
                _raise_status(record.item(target), status)
        self._emit_result(out, record, reveal=reveal)
        self._open = None
        self._advance(out)

    def _emit_result(
        self, out: list[Event], record: QuestionRecord, *, reveal: bool, revised: bool = False
    ) -> None:
        question = record.question
        missed = tuple(
            Missed(t, self.pack.item(t).text, self.pack.item(t).answer.canonical)
            if reveal
            else Missed(t)
            for t in record.remaining
        )
        self._emit(
            ResultEvent,
            out,
            item_id=question.subject,
            question=question.id,
            kind=question.kind.value,
            outcome=(record.outcome or QuestionOutcome.UNFINISHED).value,
            score=question_score(record, self.rules),
            max=question_max(question, self.rules),
            named=tuple(record.named),
            missed=missed,
            hints=record.hints,
            took=record.seconds,
            revised=revised,
        )

    def _advance(self, out: list[Event]) -> None:
        self._index += 1
        if self._index >= len(self.questions):
            if self._overridable():
                assert self._last is not None
                self._phase = Phase.REVIEW
                self._emit(
                    ReviewEvent,
                    out,
                    item_id=self._last.item_id,
                    question=self._last.record.question.id,
                    message="That was the last question. Override the last verdict, "
                    "or move on to the summary.",
                )
            else:
                self._finish(out, EndReason.FINISHED)
            return
        question = self.questions[self._index]
        record = QuestionRecord(question, started=self._now)
        self._records.append(record)
        self._open = record
        self._phase = Phase.ANSWER
        self._return_phase = Phase.ANSWER
        self._partial_text = self._partial_item = ""
        self._attempts = 0
        self._missing = {}
        self._last_step = self._now
        self._emit(
            QuestionEvent,
            out,
            item_id=question.subject,
            question=question.id,
            kind=question.kind.value,
            number=self._index + 1,
            total=len(self.questions),
            prompt=question.prompt,
            expects=question.need,
            more=question.more,
            why=question.why,
        )

    def _finish(self, out: list[Event], reason: EndReason) -> None:
        if self._open is not None:
            self._open.outcome = QuestionOutcome.UNFINISHED
            self._open.seconds = self._now - self._open.started
            self._open = None
        self._phase = Phase.FINISHED
        totals, by_kind, by_item = summarise(
            self._records,
            self.rules,
            planned=len(self.questions),
            seconds=self._now - self._t0,
            kinds={item.id: item.kind.value for item in self.pack},
            labels={item.id: item.label for item in self.pack},
        )
        self._emit(
            SummaryEvent,
            out,
            item_id=None,
            reason=reason.value,
            pack=self.pack.id,
            mode=self.mode.value,
            seed=self.seed,
            totals=totals,
            by_kind=by_kind,
            by_item=by_item,
        )

    def _emit(self, cls: type[_E], out: list[Event], **fields: Any) -> _E:
        event = cls(seq=len(self.events) + 1, time=self._now - self._t0, **fields)
        self.events.append(event)
        out.append(event)
        return event


def _rank(verdict: VerdictLike) -> tuple[int, float]:
    return _RANK.get(str(verdict.outcome), 0), verdict.score


def _raise_status(item: ItemRecord, status: ItemStatus) -> None:
    """Keep the best status an item reached: a later miss does not undo a partial answer."""
    if _STATUS_RANK[status] > _STATUS_RANK[item.status]:
        item.status = status
