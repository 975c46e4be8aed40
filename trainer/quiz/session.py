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

from trainer.confidence import Confidence
from trainer.quiz.course import EndReason, LastAttempt, Phase, SessionCourse, raise_status
from trainer.quiz.events import Event, HintEvent, VerdictEvent
from trainer.quiz.hints import hint_steps
from trainer.quiz.protocols import CORRECT, PARTIAL
from trainer.quiz.scoring import ItemStatus, QuestionOutcome, QuestionRecord
from trainer.quiz.spar import ClockState

__all__ = ["EndReason", "Phase", "Session"]


class Session(SessionCourse):
    """One quiz session over a pack: the questions of a mode, in the order of a seed.

    `questions` replaces the mode's plan (a retry of missed questions, a test of one kind).
    `grader` may be given (tests pass a fake); otherwise `grader_factory` builds the real one
    when the first answer arrives. `clock` returns seconds; inject one for exact times.
    """

    # -- actions ----------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Ask the first question (or, when there is none, end with the summary)."""
        if self._phase is not Phase.NOT_STARTED:
            raise RuntimeError("the session has already started")
        out: list[Event] = []
        self._t0 = self._now = self._clock()
        self._advance(out)
        return out

    def answer(self, text: str, confidence: Confidence | None = None) -> list[Event]:
        """Grade an answer. An empty answer moves on where moving on is free (see `next`).

        `confidence` is how sure the student said they were, before the verdict; the verdict
        event carries it, for calibration.
        """
        self._require_started()
        text = text.strip()
        if self._phase is Phase.REVIEW:
            return self.next() if not text else self._quiz_over()
        if not text:
            if self._phase is Phase.MORE or self._phase is Phase.SAY_MORE:
                return self.next()
            return self.error("empty_answer", "Type an answer, or ask for a hint, skip or give up.")
        record = self._tick()
        out = self._clock_news()
        late = self.spar is not None and self.spar.expired(self._now)
        said_more = self._phase is Phase.SAY_MORE
        origin = self._return_phase if said_more else self._phase
        partial = (self._partial_text, self._partial_item) if said_more else None
        verdict, item_id, graded = self._marker.best(record.remaining, text, partial)
        # A second try at the same target scores as one, whether it was graded added to the
        # first answer or on its own (a repeat of the whole answer is the same addition).
        second_try = said_more and item_id == self._partial_item
        repeated = (
            None
            if said_more
            else self._marker.named_again(record.question, record.named, text, verdict)
        )
        if repeated is not None:
            # Not a wrong answer to the targets left: it costs nothing and marks nothing.
            named = self.pack.item(repeated).answer.canonical  # as the checklist shows it
            return out + self.error(
                "already_named",
                f'You have already named that one ("{named}"). Name another, or give up to '
                "see the rest.",
            )
        self._attempts += 1
        record.late = record.late or late
        self._answers[record.question.id] = graded
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
            raise_status(item, ItemStatus.PARTIAL)
        else:
            # A say-more try that is still not right leaves the first, partial answer standing.
            raise_status(item, ItemStatus.PARTIAL if outcome == PARTIAL else ItemStatus.INCORRECT)
            standing = record.item(self._partial_item) if said_more else item
            final = ItemStatus.PARTIAL if said_more else ItemStatus.INCORRECT
            raise_status(standing, final)
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
            confidence=confidence,
            late=late,
            spar=self.spar is not None,
        )
        self._last = LastAttempt(
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
        news = self._clock_news()
        remaining = record.remaining
        target = (
            self._partial_item
            if self._phase is Phase.SAY_MORE and self._partial_item in remaining
            else remaining[0]
        )
        item = record.item(target)
        steps = hint_steps(self.pack.item(target), self._missing.get(target, ()))
        if item.hints >= len(steps):
            return news + self.error(
                "no_more_hints", "There are no more hints for this answer; give up to see it."
            )
        cost = 0 if self._passed() else self.rules.hint_cost
        item.hints += 1
        record.hints += 1
        if cost:
            item.charged += 1
            record.charged += 1
        self._last_step = self._now
        out = news
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
        out = self._clock_news()
        outcome = QuestionOutcome.CORRECT if self._passed() else QuestionOutcome.SKIPPED
        self._end(out, outcome, reveal=False)
        return out

    def give_up(self) -> list[Event]:
        """Show the answers not named and move on."""
        self._require_started()
        if self._phase is Phase.REVIEW:
            return self._quiz_over()
        self._tick()
        out = self._clock_news()
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
        out = self._clock_news()
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
            return out + self.error(
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
        self._last = LastAttempt(
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

    def tick(self) -> list[Event]:
        """What the clock has to say now: the `expired` event of a timed round's point, the
        first time it is asked after the time ran out; otherwise nothing. The app calls it
        on a timer; an answer, a hint, skip, give up and next read it first."""
        if self.spar is None or self._open is None or self._phase is Phase.FINISHED:
            return []
        self._now = self._clock()
        return self._clock_news()

    def clock(self) -> list[Event]:
        """The `clock` command: the time left for the point being answered."""
        self._require_started()
        if self.spar is None:
            return self.error("no_clock", "Only a timed round (mode spar) has a clock.")
        if self._phase is Phase.REVIEW:
            return self._quiz_over()
        self._tick()
        out = self._clock_news()
        if not out:
            expired = self.spar.expired(self._now)
            self._emit_clock(out, ClockState.EXPIRED if expired else ClockState.RUNNING)
        return out

    def time_left(self) -> float | None:
        """Seconds left for the point being answered in a timed round; None otherwise."""
        if self.spar is None or self._open is None:
            return None
        return self.spar.left(self._clock())

    def restart_clock(self) -> list[Event]:
        """Put the point being answered from now: its clock and its time taken start again.

        The app calls it when it shows a point the student could not see until now (the
        last point's result was still on screen), so reading a result costs no time of the
        next point. Only before the point's first answer; otherwise nothing happens.
        """
        if self.spar is None or self._open is None or self._attempts:
            return []
        if self._phase is not Phase.ANSWER:
            return []
        self._now = self._clock()
        self._open.started = self._last_step = self._now
        self.spar.restart(self._now)
        out: list[Event] = []
        self._emit_clock(out, ClockState.STARTED)
        return out

    def _clock_news(self) -> list[Event]:
        out: list[Event] = []
        spar = self.spar
        if spar is not None and self._open is not None and spar.due_announcement(self._now):
            self._emit_clock(out, ClockState.EXPIRED)
        return out

    def _also_named(self, record: QuestionRecord, text: str) -> tuple[str, ...]:
        """Other targets the same right answer names too, now counted as named."""
        also = self._marker.also_named(record.question, record.remaining, text)
        for target in also:
            self._name(record, target, None)
        return also
