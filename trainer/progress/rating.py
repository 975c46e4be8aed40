"""How a graded attempt becomes an FSRS rating.

The mapping is deliberately simple so a student can predict it: right unaided is Good, right
with hints or only partly right is Hard, wrong (or skipped, or given up) is Again. An
override counts as the student claims: they said they were right.
"""

from __future__ import annotations

from fsrs import Rating

CORRECT = "correct"
PARTIAL = "partial"


def rating_for(outcome: str, hints: int = 0, overridden: bool = False) -> Rating:
    if overridden or outcome == CORRECT:
        return Rating.Hard if hints else Rating.Good
    if outcome == PARTIAL:
        return Rating.Hard
    return Rating.Again
