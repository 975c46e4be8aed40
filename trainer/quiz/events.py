"""What happens in a session, as events: the headless output, the transcript, the progress log.

Every event has a `type`, a sequence number and the id of the item it concerns, so a consumer
can follow a session without knowing its rules. The JSON shape is an API (docs/headless.md):
add fields, never rename or remove them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from trainer.confidence import Confidence

if TYPE_CHECKING:
    from trainer.quiz.protocols import VerdictLike
    from trainer.quiz.scoring import ItemTally, KindTally, Totals
    from trainer.quiz.spar import ClockState, FlowSheet


def _seconds(value: float) -> float:
    return round(value, 3)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Fields every event carries; `time` is seconds since the session started."""

    type: ClassVar[str] = "event"
    seq: int
    item_id: str | None
    time: float

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "seq": self.seq,
            "item_id": self.item_id,
            "time": _seconds(self.time),
            **self._fields(),
        }

    def _fields(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionEvent(Event):
    """A question is asked; `item_id` is its subject. `expects` answers are needed."""

    type: ClassVar[str] = "question"
    question: str
    kind: str
    number: int
    total: int
    prompt: str
    expects: int
    more: bool
    why: str = ""
    """Why a review asks it now (only in the JSON when there is a reason)."""

    def _fields(self) -> dict[str, Any]:
        why = {"why": self.why} if self.why else {}
        return {
            "question": self.question,
            "kind": self.kind,
            "number": self.number,
            "total": self.total,
            "prompt": self.prompt,
            "expects": self.expects,
            "more": self.more,
            **why,
        }


class AnswerState(StrEnum):
    """What a verdict leaves the question waiting for (`VerdictEvent.state`)."""

    ANSWER = "answer"
    """Another answer: a wrong one to a question that takes several, or a target named."""
    SAY_MORE = "say_more"
    """One more try to complete a partly right answer."""
    MORE = "more"
    """The question is passed; more answers are welcome, or Enter moves on."""
    REVIEW = "review"
    """Every question is over; only an override or the summary is left."""
    DONE = "done"
    """This answer ended its question."""


@dataclass(frozen=True, slots=True, kw_only=True)
class VerdictEvent(Event):
    """One attempt: the answer, the grader's verdict (every field), and what comes next.

    This is the record the progress store keeps. An override is a second verdict event for
    the same attempt, with `overrides` naming the sequence number of the one it replaces.
    `hints` counts the hint steps shown for this item in this question before the verdict;
    `took` is the time since the previous step of the same question: the user's thinking time.
    """

    type: ClassVar[str] = "verdict"
    question: str
    kind: str
    attempt: int
    answer: str
    graded: str
    verdict: VerdictLike
    """The grader's verdict itself (its JSON, every field, is the event's `verdict`)."""
    overrides: int | None
    hints: int
    took: float
    state: AnswerState
    named: int
    remaining: int
    also_named: tuple[str, ...] = ()
    """Other targets the same right answer named too (only in the JSON when there are)."""
    confidence: Confidence | None = None
    """How sure the student said they were, before the verdict (only in the JSON when
    they said)."""
    late: bool = False
    """Answered after the spar clock ran out (only in the JSON of a spar round)."""
    spar: bool = False
    """The session is a timed round, so `late` is part of the JSON."""

    def _fields(self) -> dict[str, Any]:
        also: dict[str, Any] = {"also_named": list(self.also_named)} if self.also_named else {}
        if self.confidence is not None:
            also["confidence"] = self.confidence.value
        if self.spar:
            also["late"] = self.late
        return {
            "question": self.question,
            "kind": self.kind,
            "attempt": self.attempt,
            "answer": self.answer,
            "graded": self.graded,
            "verdict": self.verdict.to_json(),
            "overrides": self.overrides,
            "hints": self.hints,
            "took": _seconds(self.took),
            "state": self.state.value,
            "named": self.named,
            "remaining": self.remaining,
            **also,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class HintEvent(Event):
    """A hint about one target (`item_id`); `level` of `levels`, costing `cost` points."""

    type: ClassVar[str] = "hint"
    question: str
    level: int
    levels: int
    text: str
    cost: int

    def _fields(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "level": self.level,
            "levels": self.levels,
            "text": self.text,
            "cost": self.cost,
        }


@dataclass(frozen=True, slots=True)
class Missed:
    """A target the user did not name; `text` and `answer` are empty when not revealed."""

    id: str
    text: str = ""
    answer: str = ""

    def to_json(self) -> dict[str, Any]:
        if not (self.text or self.answer):
            return {"id": self.id}
        return {"id": self.id, "text": self.text, "answer": self.answer}


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultEvent(Event):
    """A question is over: how it ended, its points, and the answers the user missed.

    `revised` is true when an override changed a question that had already ended.
    """

    type: ClassVar[str] = "result"
    question: str
    kind: str
    outcome: str
    score: int
    max: int
    named: tuple[str, ...]
    missed: tuple[Missed, ...]
    hints: int
    took: float
    revised: bool = False

    def _fields(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "kind": self.kind,
            "outcome": self.outcome,
            "score": self.score,
            "max": self.max,
            "named": list(self.named),
            "missed": [missed.to_json() for missed in self.missed],
            "hints": self.hints,
            "took": _seconds(self.took),
            "revised": self.revised,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewEvent(Event):
    """Every question is over, but the last verdict (`item_id`, `question`) may still be
    overridden: the session waits for `override` or `next` before its summary."""

    type: ClassVar[str] = "review"
    question: str
    message: str

    def _fields(self) -> dict[str, Any]:
        return {"question": self.question, "message": self.message}


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorEvent(Event):
    """Input the session could not use; the session goes on. `code` is stable for programs."""

    type: ClassVar[str] = "error"
    code: str
    message: str
    line: int | None = None
    input: str | None = None

    def _fields(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "line": self.line, "input": self.input}


@dataclass(frozen=True, slots=True, kw_only=True)
class ClockEvent(Event):
    """A timed round's clock for the point `item_id`: started, asked for, or run out."""

    type: ClassVar[str] = "clock"
    question: str
    state: ClockState
    seconds: float
    """The time allowed for the point."""
    left: float
    """The time left (0 once it has run out)."""

    def _fields(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "state": self.state.value,
            "seconds": self.seconds,
            "left": _seconds(self.left),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class FlowEvent(Event):
    """A timed round's flow sheet, just before its summary (`trainer.quiz.spar`)."""

    type: ClassVar[str] = "flow"
    sheet: FlowSheet

    def _fields(self) -> dict[str, Any]:
        return self.sheet.to_json()


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryEvent(Event):
    """The session's totals, per kind of question and per item; always the last event."""

    type: ClassVar[str] = "summary"
    reason: str
    pack: str
    mode: str
    seed: int
    totals: Totals
    by_kind: dict[str, KindTally] = field(default_factory=dict)
    by_item: tuple[ItemTally, ...] = ()

    def _fields(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "pack": self.pack,
            "mode": self.mode,
            "seed": self.seed,
            **self.totals.to_json(),
            "by_kind": {kind: tally.to_json() for kind, tally in self.by_kind.items()},
            "by_item": [tally.to_json() for tally in self.by_item],
        }
