"""What the grader says about one answer, in a form the quiz, the CLI and JSON all share.

The JSON field names are an API (`debate-trainer grade --json`, batch reports, stored
progress): add fields, never rename them. docs/grading.md lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    """A teacher's three marks: right, on the way, wrong."""

    CORRECT = "correct"
    PARTIAL = "partial"
    INCORRECT = "incorrect"


class Reason(StrEnum):
    """Why the grader decided, as a stable code a program can branch on.

    The `explanation` says the same thing to a student; this is for tools and tests.
    """

    MATCH = "match"
    """Close to the model answer or an accepted phrasing."""
    CONCEPTS = "concepts"
    """Different words, but every key idea the item needs is there."""
    PARTIAL = "partial"
    """Some of the key ideas or words, not enough for full marks."""
    NO_MATCH = "no-match"
    """Nothing like the answer."""
    EMPTY = "empty"
    """Nothing typed, or nothing that could be read as words."""
    VAGUE = "vague"
    """Too few words or no key idea: true of many items, so it shows no knowledge of this one."""
    ONE_WORD = "one-word"
    """A single word where the item needs a statement."""
    OPPOSITE = "opposite"
    """A negation turns the answer into its opposite."""
    WRONG_NUMBER = "wrong-number"
    """A figure that is not the article's."""
    MISSING_NUMBER = "missing-number"
    """The item is about a figure and the answer gives none."""
    WRONG_NAME = "wrong-name"
    """A person or place that is not the one the item is about."""
    NEIGHBOUR = "neighbour"
    """The answer is another item's point (`belongs_to` says which)."""
    KNOWN_WRONG = "known-wrong"
    """A mistake the pack's author anticipated, with its own feedback."""
    HEDGED = "hedged"
    """The key's answer offered with another beside it ("the Nile or the Congo")."""
    MARKED = "marked"
    """It reads like an answer the instructor marked (`debate-trainer learn`): it takes
    that mark, unless a check above found something wrong with it."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The grade of one answer against one item, with the reasons a student can act on.

    `concepts_missing` names each missing idea by its group's first term, so a student reads
    "north korea", never a synonym list. `belongs_to` is set when another item of the pack
    matches the answer clearly better, whatever the outcome, so the quiz can say "that's the
    Kursk point" even for a wrong answer.
    """

    outcome: Outcome
    score: int
    item_id: str
    reason: Reason
    explanation: str
    concepts_found: tuple[str, ...] = ()
    concepts_missing: tuple[str, ...] = ()
    wrong_answer: str | None = None
    feedback: str | None = None
    belongs_to: str | None = None
    matched: str | None = None
    truncated: bool = False
    overridden: bool = False
    confidence: float = 1.0
    """How sure the grader is, 0-1: near a threshold or with signals that disagree it is
    less sure, and such answers are the ones a teacher should look at first."""

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def override(self) -> Verdict:
        """The same verdict marked correct by the student ("I was right"), so it is recorded.

        The score and the grader's reasons stay, so a later review can see what was overruled.
        """
        return replace(self, outcome=Outcome.CORRECT, overridden=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "outcome": self.outcome.value,
            "score": self.score,
            "reason": self.reason.value,
            "explanation": self.explanation,
            "concepts_found": list(self.concepts_found),
            "concepts_missing": list(self.concepts_missing),
            "wrong_answer": self.wrong_answer,
            "feedback": self.feedback,
            "belongs_to": self.belongs_to,
            "matched": self.matched,
            "truncated": self.truncated,
            "overridden": self.overridden,
            "confidence": round(self.confidence, 2),
        }
