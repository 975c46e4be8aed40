"""Points per question and the session's summary, per kind of question and per item.

Kept apart from the session's state machine so the rules can be read, and changed, in one
place; the session only records what happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any

from trainer.quiz.questions import Question


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """Points for one target item; a recall question is worth `correct` per target."""

    correct: int = 100
    """A right answer at the first try."""
    after_say_more: int = 75
    """Right after a "say more" prompt: the prompt itself told the user they were close."""
    partial: int = 50
    """Still partly right after saying more: the question ends with half marks."""
    hint_cost: int = 20
    """Taken off the question's points for every hint step shown (never below zero), except
    once the question is passed: extra rebuttals earn nothing, so learning them is free."""
    late_share: float = 0.5
    """In a timed round, the share of its points a question keeps when an answer to it came
    after its clock ran out: graded and recorded, but worth less, as a round would not have
    heard it."""


class ItemStatus(StrEnum):
    """The best an item reached in one question: what a progress store schedules from."""

    CORRECT = "correct"
    PARTIAL = "partial"
    INCORRECT = "incorrect"
    MISSED = "missed"
    SKIPPED = "skipped"


class QuestionOutcome(StrEnum):
    """How a question ended."""

    CORRECT = "correct"
    """Every needed target named (for a rebuttal: at least one)."""
    PARTIAL = "partial"
    INCORRECT = "incorrect"
    GAVE_UP = "gave_up"
    """The user asked for the answers; what they had named still counts."""
    SKIPPED = "skipped"
    """Moved on without seeing the answers; what they had named still counts."""
    UNFINISHED = "unfinished"
    """The session ended (end of input, Ctrl-C) while the question was open."""


@dataclass(slots=True)
class ItemRecord:
    """What happened to one target item within one question."""

    item_id: str
    status: ItemStatus | None = None
    points: int = 0
    """Before hint costs: hints are charged to the question, so a hint on one premise cannot
    be dodged by naming another."""
    hints: int = 0
    charged: int = 0
    """The hints that cost points (not those taken after the question was passed)."""
    attempts: int = 0
    seconds: float = 0.0
    overridden: bool = False


@dataclass(slots=True)
class QuestionRecord:
    """One asked question, its targets' records and, once over, its outcome and time."""

    question: Question
    started: float
    items: dict[str, ItemRecord] = field(default_factory=dict)
    named: list[str] = field(default_factory=list)
    hints: int = 0
    charged: int = 0
    outcome: QuestionOutcome | None = None
    seconds: float = 0.0
    late: bool = False
    """An answer to it came after its clock ran out (timed rounds only)."""

    def item(self, item_id: str) -> ItemRecord:
        record = self.items.get(item_id)
        if record is None:
            record = self.items[item_id] = ItemRecord(item_id)
        return record

    @property
    def remaining(self) -> tuple[str, ...]:
        return tuple(t for t in self.question.targets if t not in self.named)


def question_max(question: Question, rules: ScoringRules) -> int:
    return rules.correct * question.need


def question_score(record: QuestionRecord, rules: ScoringRules) -> int:
    """The question's points: named targets (best one for an any-of question) less hints."""
    points = [record.items[i].points for i in record.named if i in record.items]
    partial = [r.points for r in record.items.values() if r.status is ItemStatus.PARTIAL]
    # Recall: every named target counts. Any-of: the best answer counts, however many.
    raw = sum(points) if record.question.kind.recall else max([*points, *partial], default=0)
    raw = min(raw, question_max(record.question, rules))
    return _late(record, rules, max(0, raw - rules.hint_cost * record.charged))


def _late(record: QuestionRecord, rules: ScoringRules, points: int) -> int:
    """Points as a late answer keeps them (all of them when it was in time)."""
    return round(points * rules.late_share) if record.late else points


def _percent(score: int, maximum: int) -> int:
    return round(100 * score / maximum) if maximum else 0


@dataclass(frozen=True, slots=True)
class Totals:
    """The whole session: points, questions asked, how they ended, hints and overrides."""

    planned: int
    asked: int
    score: int
    max: int
    percent: int
    seconds: float
    outcomes: dict[str, int]
    """Questions per `QuestionOutcome` value, every outcome listed (0 when none)."""
    hints: int
    overrides: int

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "outcomes": dict(self.outcomes)}


@dataclass(frozen=True, slots=True)
class KindTally:
    """One kind of question in a session."""

    questions: int = 0
    correct: int = 0
    score: int = 0
    max: int = 0
    percent: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ItemTally:
    """One item in a session: how often asked and right, its best outcome, its points.

    Per-item points do not add up to the session's: an any-of question is worth one answer's
    points however many of its targets the user names, but each named item is recorded.
    """

    item_id: str
    kind: str = ""
    label: str = ""
    asked: int = 0
    correct: int = 0
    outcome: str = ""
    points: int = 0
    max: int = 0
    hints: int = 0
    attempts: int = 0
    overridden: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def summarise(
    records: Iterable[QuestionRecord],
    rules: ScoringRules,
    *,
    planned: int,
    seconds: float,
    kinds: dict[str, str],
    labels: dict[str, str],
) -> tuple[Totals, dict[str, KindTally], tuple[ItemTally, ...]]:
    """(totals, per kind of question, per item) for the summary event."""
    records = list(records)
    outcomes = {outcome.value: 0 for outcome in QuestionOutcome}
    by_kind: dict[str, KindTally] = {}
    by_item: dict[str, ItemTally] = {}
    total_score = total_max = hints = overrides = 0
    for record in records:
        question = record.question
        score = question_score(record, rules)
        maximum = question_max(question, rules)
        outcome = record.outcome or QuestionOutcome.UNFINISHED
        outcomes[outcome.value] += 1
        total_score += score
        total_max += maximum
        hints += record.hints
        kind = by_kind.get(question.kind.value, KindTally())
        by_kind[question.kind.value] = replace(
            kind,
            questions=kind.questions + 1,
            correct=kind.correct + (outcome is QuestionOutcome.CORRECT),
            score=kind.score + score,
            max=kind.max + maximum,
            seconds=kind.seconds + record.seconds,
        )
        for item in record.items.values():
            if item.status is None:
                continue
            overrides += item.overridden
            entry = by_item.get(item.item_id) or ItemTally(
                item.item_id, kinds.get(item.item_id, ""), labels.get(item.item_id, "")
            )
            by_item[item.item_id] = replace(
                entry,
                asked=entry.asked + 1,
                correct=entry.correct + (item.status is ItemStatus.CORRECT),
                outcome=item.status.value,
                points=entry.points
                + _late(record, rules, max(0, item.points - rules.hint_cost * item.charged)),
                max=entry.max + rules.correct,
                hints=entry.hints + item.hints,
                attempts=entry.attempts + item.attempts,
                overridden=entry.overridden + item.overridden,
                seconds=entry.seconds + item.seconds,
            )
    kind_tallies = {
        name: replace(k, percent=_percent(k.score, k.max), seconds=round(k.seconds, 3))
        for name, k in sorted(by_kind.items())
    }
    item_tallies = tuple(replace(e, seconds=round(e.seconds, 3)) for e in by_item.values())
    totals = Totals(
        planned=planned,
        asked=len(records),
        score=total_score,
        max=total_max,
        percent=_percent(total_score, total_max),
        seconds=round(seconds, 3),
        outcomes=outcomes,
        hints=hints,
        overrides=overrides,
    )
    return totals, kind_tallies, item_tallies
