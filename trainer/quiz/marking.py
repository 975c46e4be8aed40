"""Marking one answer within a question: which target it is graded as, and what else it names.

Kept apart from the session's state machine: these rules decide what an answer counts as,
the session decides what happens next. The grader is built when the first answer arrives,
so a session that is only started (a `--limit 0` run, the app's first frame) never imports
it.
"""

from __future__ import annotations

from collections.abc import Sequence

from trainer.packs.model import Pack
from trainer.quiz.protocols import (
    CORRECT,
    INCORRECT,
    PARTIAL,
    GraderFactory,
    GraderLike,
    VerdictLike,
)
from trainer.quiz.questions import Question

_RANK: dict[str, int] = {CORRECT: 2, PARTIAL: 1, INCORRECT: 0}


class Marker:
    """Grades answers against a question's targets with one grader, built on first use."""

    def __init__(self, pack: Pack, grader: GraderLike | None, factory: GraderFactory) -> None:
        self.pack = pack
        self._grader = grader
        self._factory = factory

    def grader(self) -> GraderLike:
        if self._grader is None:
            self._grader = self._factory(self.pack)
        return self._grader

    def against(self, text: str, item_ids: Sequence[str]) -> VerdictLike:
        """The verdict on `text` as an answer to any one of `item_ids` (the best of them)."""
        items = [self.pack.item(i) for i in item_ids]
        if len(items) == 1:
            return self.grader().grade(text, items[0])
        return self.grader().grade_best(text, items)

    def best(
        self, remaining: Sequence[str], text: str, partial: tuple[str, str] | None
    ) -> tuple[VerdictLike, str, str]:
        """(verdict, target id, text graded) for an answer to the targets left.

        A say-more try (`partial` is the first answer's text and target) is graded both added
        to the partial answer and on its own, and the better verdict counts.
        """
        alone = self.against(text, remaining)
        best, graded = alone, text
        if partial is not None and partial[1] in remaining:
            combined_text = f"{partial[0]} {text}"
            combined = self.against(combined_text, [partial[1]])
            if _rank(combined) >= _rank(alone):
                best, graded = combined, combined_text
        item_id = best.item_id if best.item_id in remaining else remaining[0]
        return best, item_id, graded

    def named_again(
        self, question: Question, named: Sequence[str], text: str, verdict: VerdictLike
    ) -> str | None:
        """The target already named that `text` names again, in a question that takes several
        answers (name the premises; more answers to a counterargument), if it is one."""
        several = question.kind.recall or question.more
        if not several or not named or str(verdict.outcome) == CORRECT:
            return None
        again = self.against(text, named)
        return again.item_id if str(again.outcome) == CORRECT else None

    def also_named(
        self, question: Question, remaining: Sequence[str], text: str
    ) -> tuple[str, ...]:
        """Other targets of the question that the same right answer names too ("the strikes
        need NATO satellites, so NATO is at war with Russia" names two of Putin's points):
        they count as named, so the result never lists them as answers not given."""
        if len(question.targets) < 2:
            return ()
        grader = self.grader()
        return tuple(
            target
            for target in remaining
            if str(grader.grade(text, self.pack.item(target)).outcome) == CORRECT
        )


def _rank(verdict: VerdictLike) -> tuple[int, float]:
    return _RANK.get(str(verdict.outcome), 0), verdict.score
