"""A session's state and its course: asking each question, ending it, the summary.

`trainer.quiz.session.Session` adds what the user does (answer, hint, skip, give up, move
on, override) on top of this; the split keeps each part a screen's worth of reading. Nothing
here grades: `trainer.quiz.marking` does.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from trainer.packs.model import Pack
from trainer.quiz.events import (
    AnswerState,
    ClockEvent,
    ErrorEvent,
    Event,
    FlowEvent,
    Missed,
    QuestionEvent,
    ResultEvent,
    ReviewEvent,
    SummaryEvent,
)
from trainer.quiz.marking import Marker
from trainer.quiz.modes import Mode, plan
from trainer.quiz.protocols import (
    CORRECT,
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
from trainer.quiz.spar import DEFAULT_SECONDS, ClockState, SparClock, flow_sheet

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


_STATUS_RANK = {
    None: -1,
    ItemStatus.SKIPPED: 0,
    ItemStatus.MISSED: 0,
    ItemStatus.INCORRECT: 1,
    ItemStatus.PARTIAL: 2,
    ItemStatus.CORRECT: 3,
}


@dataclass(slots=True)
class LastAttempt:
    """The most recent verdict, kept so that `override` can revise it."""

    seq: int
    record: QuestionRecord
    verdict: VerdictLike
    item_id: str
    answer: str
    graded: str
    attempt: int
    said_more: bool


class SessionCourse:
    """The state of one quiz session and the steps every action shares (see `Session`)."""

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
        seconds: float | None = None,
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
        self._marker = Marker(pack, grader, grader_factory)
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
        self._last: LastAttempt | None = None
        self.spar = (
            SparClock(DEFAULT_SECONDS if seconds is None else seconds)
            if self.mode is Mode.SPAR
            else None
        )
        """The clock of a timed round (`spar`); None in every other mode."""
        self._answers: dict[str, str] = {}
        """Question id -> the answer that counted for it, for a round's flow sheet."""
        self.input_line: int | None = None
        """The input line being applied, set by a line-based driver so that every error
        event points at the line that caused it."""

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
        if record.question.more and record.remaining and self.spar is None:
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
                raise_status(record.item(target), status)
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
            more=question.more and self.spar is None,
            why=question.why,
        )
        if self.spar is not None:
            self.spar.restart(self._now)
            self._emit_clock(out, ClockState.STARTED)

    def _finish(self, out: list[Event], reason: EndReason) -> None:
        if self._open is not None:
            self._open.outcome = QuestionOutcome.UNFINISHED
            self._open.seconds = self._now - self._open.started
            self._open = None
        self._phase = Phase.FINISHED
        if self.spar is not None:
            sheet = flow_sheet(self.pack, self.spar.seconds, self._records, self._answers)
            self._emit(FlowEvent, out, item_id=None, sheet=sheet)
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

    def _emit_clock(self, out: list[Event], state: ClockState) -> None:
        assert self.spar is not None and self._open is not None
        question = self._open.question
        self._emit(
            ClockEvent,
            out,
            item_id=question.subject,
            question=question.id,
            state=state,
            seconds=self.spar.seconds,
            left=self.spar.left(self._now),
        )

    def _emit(self, cls: type[_E], out: list[Event], **fields: Any) -> _E:
        event = cls(seq=len(self.events) + 1, time=self._now - self._t0, **fields)
        self.events.append(event)
        out.append(event)
        return event


def raise_status(item: ItemRecord, status: ItemStatus) -> None:
    """Keep the best status an item reached: a later miss does not undo a partial answer."""
    if _STATUS_RANK[status] > _STATUS_RANK[item.status]:
        item.status = status
