"""What a decision found, as data: the explanation stage turns it into words.

Deciding and explaining are apart so each can be tested alone, and so no rule's wording can
drift from what the rule decided: a `Decision` carries ids, figures and names, never prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from trainer.grading.verdict import Outcome, Reason


class Slip(Enum):
    """How a figure is wrong."""

    NUMBER = "number"
    """A figure the key does not give."""
    UNIT = "unit"
    """The key's figure, in another unit of time ("30,000 a year" for "a month")."""
    SPAN = "span"
    """A span of time far from the key's ("about a month" for "ten days")."""
    MONTH = "month"
    """Another month."""
    MISSING = "missing"
    """No figure, where the item turns on one."""


@dataclass(frozen=True, slots=True)
class FigureSlip:
    """A figure gone wrong: what the answer gave and what the key gives, as written."""

    slip: Slip
    given: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """A verdict before it is put into words."""

    outcome: Outcome
    score: float
    reason: Reason
    belongs_to: int | None = None
    """Another item the answer clearly belongs to (its position in the pack)."""
    wrong: int | None = None
    """The known wrong answer the student gave (its position in the item's list)."""
    figure: FigureSlip | None = None
    names: tuple[str, ...] = ()
    """People named who do not belong in the answer."""
    fuzzy: bool = False
    """A match that needed typos allowed."""
    blank: bool = False
    """Nothing typed at all (as against nothing readable)."""
    several: bool = False
    """The question takes several answers: name none that is still to be found."""
    example: int | None = None
    """The class's marked answer it reads like (its position among the item's examples)."""
