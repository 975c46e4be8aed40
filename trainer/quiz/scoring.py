"""Points per question and the session's summary, per kind of question and per item.

Kept apart from the session's state machine so the rules can be read, and changed, in one
place; the session only records what happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
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
    return max(0, raw - rules.hint_cost * record.charged)


def _percent(score: int, maximum: int) -> int:
    return round(100 * score / maximum) if maximum else 0


def summarise(
    records: Iterable[QuestionRecord],
    rules: ScoringRules,
    *,
    planned: int,
    seconds: float,
    kinds: dict[str, str],
    labels: dict[str, str],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], tuple[dict[str, Any], ...]]:
    """(totals, per kind of question, per item) for the summary event.

    Per-item points do not add up to the session's: an any-of question is worth one answer's
    points however many of its targets the user names, but each named item is recorded.
    """
    records = list(records)
    outcomes = {outcome.value: 0 for outcome in QuestionOutcome}
    by_kind: dict[str, dict[str, Any]] = {}
    by_item: dict[str, dict[str, Any]] = {}
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
        kind = by_kind.setdefault(
            question.kind.value,
            {"questions": 0, "correct": 0, "score": 0, "max": 0, "percent": 0, "seconds": 0.0},
        )
        kind["questions"] += 1
        kind["correct"] += outcome is QuestionOutcome.CORRECT
        kind["score"] += score
        kind["max"] += maximum
        kind["seconds"] += record.seconds
        for item in record.items.values():
            if item.status is None:
                continue
            overrides += item.overridden
            entry = by_item.setdefault(
                item.item_id,
                {
                    "item_id": item.item_id,
                    "kind": kinds.get(item.item_id, ""),
                    "label": labels.get(item.item_id, ""),
                    "asked": 0,
                    "correct": 0,
                    "outcome": "",
                    "points": 0,
                    "max": 0,
                    "hints": 0,
                    "attempts": 0,
                    "overridden": 0,
                    "seconds": 0.0,
                },
            )
            entry["asked"] += 1
            entry["correct"] += item.status is ItemStatus.CORRECT
            entry["outcome"] = item.status.value
            entry["points"] += max(0, item.points - rules.hint_cost * item.charged)
            entry["max"] += rules.correct
            entry["hints"] += item.hints
            entry["attempts"] += item.attempts
            entry["overridden"] += item.overridden
            entry["seconds"] += item.seconds
    for kind in by_kind.values():
        kind["percent"] = _percent(kind["score"], kind["max"])
        kind["seconds"] = round(kind["seconds"], 3)
    for entry in by_item.values():
        entry["seconds"] = round(entry["seconds"], 3)
    totals = {
        "planned": planned,
        "asked": len(records),
        "score": total_score,
        "max": total_max,
        "percent": _percent(total_score, total_max),
        "seconds": round(seconds, 3),
        "outcomes": outcomes,
        "hints": hints,
        "overrides": overrides,
    }
    return totals, dict(sorted(by_kind.items())), tuple(by_item.values())
