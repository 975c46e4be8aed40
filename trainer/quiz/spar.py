"""A timed round (`spar`): the other side's points, one at a time, each under a clock.

Debate is answering under time, so the round keeps the session's rules (grading, say more,
hints) and adds a clock per point. An answer after the clock has run out is still graded,
recorded and shown, but marked late and worth less (`ScoringRules.late_share`): in a round
it would not have been heard. The flow sheet at the end is the page a debater keeps: each
point, what was said to it, how that went, the reply the author's reasoning gives, the time
it took; and which points to drill.

Everything reads the session's injected clock, so tests and golden transcripts are exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from trainer.packs.model import Pack
from trainer.quiz.scoring import QuestionOutcome, QuestionRecord

DEFAULT_SECONDS = 60
MIN_SECONDS = 5
"""Shorter is no time to read a point, let alone answer it."""
MAX_SECONDS = 3600


class ClockState(StrEnum):
    """What a `clock` event says."""

    STARTED = "started"
    """A point was put: the clock starts at the round's limit."""
    RUNNING = "running"
    """Asked for (`/clock`): time is left."""
    EXPIRED = "expired"
    """The time for this point has run out; answers from now on are late."""


class SparClock:
    """The clock of the point being answered, in the session clock's seconds."""

    def __init__(self, seconds: float) -> None:
        if not MIN_SECONDS <= seconds <= MAX_SECONDS:
            raise ValueError(f"a point's time must be {MIN_SECONDS} to {MAX_SECONDS} seconds")
        self.seconds = seconds
        self.deadline = 0.0
        self.announced = False
        """Whether this point's `expired` event has been sent (it is sent once)."""

    def restart(self, now: float) -> None:
        self.deadline = now + self.seconds
        self.announced = False

    def left(self, now: float) -> float:
        return max(0.0, self.deadline - now)

    def expired(self, now: float) -> bool:
        return now > self.deadline

    def due_announcement(self, now: float) -> bool:
        """True once, the first time the clock is read after it ran out."""
        if self.announced or not self.expired(now):
            return False
        self.announced = True
        return True


@dataclass(frozen=True, slots=True)
class FlowRow:
    """One point of the round as the flow sheet shows it."""

    point: str
    """The item id of the point put to the student."""
    label: str
    said: str
    """What the other side said (the point's text)."""
    answer: str
    """The student's answer as graded ("" when they gave none)."""
    outcome: QuestionOutcome
    reply: str
    """The reply the author's reasoning gives: the one named, or else the first."""
    seconds: float
    late: bool

    @property
    def to_drill(self) -> bool:
        """Not answered in time with a right answer."""
        return self.late or self.outcome is not QuestionOutcome.CORRECT

    def to_json(self) -> dict[str, Any]:
        return {
            "point": self.point,
            "label": self.label,
            "said": self.said,
            "answer": self.answer,
            "outcome": self.outcome.value,
            "reply": self.reply,
            "seconds": round(self.seconds, 3),
            "late": self.late,
        }


@dataclass(frozen=True, slots=True)
class FlowSheet:
    """The round, point by point, and the points to drill (in the order they were put)."""

    seconds: float
    """The time allowed per point."""
    rows: tuple[FlowRow, ...]

    @property
    def drill(self) -> tuple[str, ...]:
        return tuple(row.point for row in self.rows if row.to_drill)

    def to_json(self) -> dict[str, Any]:
        return {
            "seconds": self.seconds,
            "rows": [row.to_json() for row in self.rows],
            "drill": list(self.drill),
        }


def flow_sheet(
    pack: Pack, seconds: float, records: Iterable[QuestionRecord], answers: Mapping[str, str]
) -> FlowSheet:
    """The flow sheet of the points put so far; `answers` maps a question id to the answer
    that counted for it."""
    rows = []
    for record in records:
        question = record.question
        point = pack.item(question.subject)
        reply_id = record.named[0] if record.named else question.targets[0]
        rows.append(
            FlowRow(
                point=point.id,
                label=point.label,
                said=point.text,
                answer=answers.get(question.id, ""),
                outcome=record.outcome or QuestionOutcome.UNFINISHED,
                reply=pack.item(reply_id).answer.canonical,
                seconds=record.seconds,
                late=record.late,
            )
        )
    return FlowSheet(seconds, tuple(rows))
