"""How sure a student said they were of an answer, said before its verdict.

Shared by the quiz (which takes it with an answer and puts it in the verdict event) and the
progress store (which keeps it and measures calibration). It lives apart from both so that
neither layer imports the other: the recorder reads the event's JSON, where a level is its
`value`.

Four levels, one key each in the app (1-4), so that saying it costs one keystroke. Each has
the chance of being right it stands for; calibration compares that chance with how often
answers at that level were in fact right, and the Brier score is the mean squared gap
between the chance and the outcome (1 right, 0 not).
"""

from __future__ import annotations

from enum import StrEnum


class Confidence(StrEnum):
    """A level of sureness, in increasing order."""

    GUESS = "guess"
    UNSURE = "unsure"
    FAIRLY_SURE = "fairly_sure"
    CERTAIN = "certain"

    @property
    def chance(self) -> float:
        """The chance of being right this level stands for."""
        return _CHANCE[self]

    @property
    def key(self) -> str:
        """The key that says it in the app (1 for a guess, 4 for certain)."""
        return str(list(Confidence).index(self) + 1)

    @property
    def label(self) -> str:
        """The level as the app and reports word it."""
        return _LABEL[self]

    @classmethod
    def from_key(cls, key: str) -> Confidence | None:
        """The level a key says, or None for any other key."""
        levels = list(cls)
        return levels[int(key) - 1] if key in {"1", "2", "3", "4"} else None


_CHANCE = {
    Confidence.GUESS: 0.25,
    Confidence.UNSURE: 0.5,
    Confidence.FAIRLY_SURE: 0.75,
    Confidence.CERTAIN: 1.0,
}
"""A guess among several answers is right about a quarter of the time; "certain" means it,
so a certain answer that is wrong costs the whole Brier point."""

_LABEL = {
    Confidence.GUESS: "guessing",
    Confidence.UNSURE: "unsure",
    Confidence.FAIRLY_SURE: "fairly sure",
    Confidence.CERTAIN: "certain",
}
