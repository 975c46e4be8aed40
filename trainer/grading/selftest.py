"""Running a pack's own self-test responses through the grader.

A pack's author writes responses students would give and marks each accept or reject; if the
grader disagrees, either the key or the grader is wrong, and `debate-trainer check` says so
before any student sees it (the Open University pattern-match "test responses" idea).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trainer.grading.engine import Grader, grader_for
from trainer.grading.verdict import Verdict
from trainer.packs.model import Pack


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A self-test response graded against its author's mark."""

    item_id: str
    response: str
    expected: str
    """"accept" or "reject": the pack author's mark."""
    verdict: Verdict
    source: str = "self-test"
    """Where the mark comes from: the pack's own self-tests, or "marked" (`marked.csv`)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "response": self.response,
            "expected": self.expected,
            "verdict": self.verdict.to_json(),
            "source": self.source,
        }

    def line(self) -> str:
        got = self.verdict.outcome.value
        marked = " (a marked answer)" if self.source == "marked" else ""
        return (
            f"  {self.item_id}: {self.response!r}{marked} should be {self.expected}ed, "
            f"graded {got} "
            f"({self.verdict.score}): {self.verdict.explanation}"
        )


@dataclass(frozen=True, slots=True)
class SelfTestReport:
    pack_id: str
    checked: int
    disagreements: tuple[Disagreement, ...]
    unread: tuple[tuple[str, str], ...] = ()
    """(item id, group label) of concept groups the grader cannot read and so ignores: an
    instructor must hear of them, since they make an item easier than it was written."""

    @property
    def ok(self) -> bool:
        return not self.disagreements

    def to_json(self) -> dict[str, Any]:
        return {
            "pack_id": self.pack_id,
            "checked": self.checked,
            "disagreements": [d.to_json() for d in self.disagreements],
            "unread_concepts": [{"item_id": i, "group": g} for i, g in self.unread],
        }

    def lines(self) -> list[str]:
        if self.ok:
            return [f"{self.pack_id}: all {self.checked} self-test responses graded as marked"]
        head = (
            f"{self.pack_id}: {len(self.disagreements)} of {self.checked} self-test "
            "responses graded against their mark"
        )
        return [head, *(d.line() for d in self.disagreements)]


def run_self_tests(pack: Pack, grader: Grader | None = None) -> SelfTestReport:
    """Grade every `tests.accept` (must be correct) and `tests.reject` (must not be)."""
    grader = grader or grader_for(pack)
    found: list[Disagreement] = []
    checked = 0
    for item in pack:
        tests = item.answer.tests
        for response in tests.accept:
            checked += 1
            verdict = grader.grade(response, item)
            if not verdict.correct:
                found.append(Disagreement(item.id, response, "accept", verdict))
        for response in tests.reject:
            checked += 1
            verdict = grader.grade(response, item)
            if verdict.correct:
                found.append(Disagreement(item.id, response, "reject", verdict))
    for mark in pack.marked:  # the class's marked answers are self-tests too
        checked += 1
        verdict = grader.grade(mark.answer, mark.item_id)
        if verdict.correct != mark.accept:
            expected = "accept" if mark.accept else "reject"
            found.append(Disagreement(mark.item_id, mark.answer, expected, verdict, "marked"))
    return SelfTestReport(pack.id, checked, tuple(found), tuple(grader.index.unread))
