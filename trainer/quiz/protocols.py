"""What the quiz needs from a grader, as a structural interface.

The engine depends on these protocols, not on `trainer.grading`, so it can be tested with a
tiny fake grader and so the real one (and its fuzzy-matching dependencies) is imported only
when the first answer arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from trainer.grading.verdict import Outcome
from trainer.packs.model import Item, Pack

Clock = Callable[[], float]
"""Seconds from an arbitrary origin; injected so tests and golden transcripts are exact."""

# The grader's own outcomes: `trainer.grading.verdict` imports nothing heavy (the package
# loads its engine lazily), and a fake grader's plain strings still compare equal to them.
CORRECT = Outcome.CORRECT
PARTIAL = Outcome.PARTIAL
INCORRECT = Outcome.INCORRECT


class VerdictLike(Protocol):
    """The grader's verdict on one answer; `to_json()` is copied into events verbatim."""

    @property
    def outcome(self) -> str: ...

    @property
    def score(self) -> float: ...

    @property
    def item_id(self) -> str: ...

    @property
    def overridden(self) -> bool: ...

    @property
    def concepts_missing(self) -> Sequence[str]: ...

    @property
    def concepts_found(self) -> Sequence[str]: ...

    @property
    def explanation(self) -> str: ...

    @property
    def feedback(self) -> str | None: ...

    @property
    def belongs_to(self) -> str | None:
        """Another item the answer makes (a near miss), when the grader found one."""

    @property
    def reason(self) -> str: ...

    def override(self) -> VerdictLike: ...

    def to_json(self) -> dict[str, Any]: ...


class GraderLike(Protocol):
    def grade(self, answer: str, item: Item) -> VerdictLike: ...

    def grade_best(self, answer: str, candidates: Sequence[Item]) -> VerdictLike: ...


GraderFactory = Callable[[Pack], GraderLike]


def default_grader(pack: Pack) -> GraderLike:
    """The real grader (shared per pack), imported here so asking questions never pays for it."""
    from trainer.grading import grader_for

    return grader_for(pack)
