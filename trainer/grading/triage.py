"""Triage: a class's answers to one item, grouped into clusters that say the same thing.

The Powergrading idea (Basu, Jacobs and Vanderwende, 2013): a teacher marks a cluster once
instead of each answer in it. Answers are grouped by the grader's own reading first (said
the way round the key says it or not, the same figures, the same people named, the same
other item), so a cluster never mixes an answer with its opposite, a wrong figure or a wrong
name; then by how alike their words are. Answers the grader marks differently may share a
cluster: the same words with a typo more are where one mark from a teacher helps most.
The biggest clusters come first, and among equals the least certain, since those are where
a teacher's mark does most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from trainer.grading.analysis import analyse
from trainer.grading.engine import Grader
from trainer.grading.normalise import normalise
from trainer.grading.verdict import Reason, Verdict

_CONTRADICTS = frozenset({Reason.OPPOSITE, Reason.KNOWN_WRONG})
"""Verdicts that say the answer contradicts the key: never clustered with answers that do
not, however alike their words (nor is an answer like a marked wrong one)."""


@dataclass(frozen=True, slots=True)
class Graded:
    answer: str
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Cluster:
    """Answers to one item that say the same thing, as far as the grader can tell."""

    item_id: str
    answers: tuple[Graded, ...]

    @property
    def size(self) -> int:
        return len(self.answers)

    @property
    def verdict(self) -> Verdict:
        """The verdict of its commonest answer, which stands for the cluster."""
        return self.answers[0].verdict

    @property
    def confidence(self) -> float:
        """The least sure verdict among its answers."""
        return min(graded.verdict.confidence for graded in self.answers)


def triage(
    grader: Grader, rows: Sequence[tuple[str, str]], similar: float | None = None
) -> tuple[Cluster, ...]:
    """Clusters of (item id, answer) rows, item by item in the order items first appear,
    each item's biggest and least certain clusters first."""
    if similar is None:
        similar = grader.index.tuning.cluster_min
    by_item: dict[str, list[str]] = {}
    for item_id, answer in rows:
        by_item.setdefault(item_id, []).append(answer)
    out: list[Cluster] = []
    for item_id, answers in by_item.items():
        counts = Counter(answers)  # in the order answers first appear
        ordered = sorted(counts, key=lambda a: -counts[a])
        buckets: dict[tuple[object, ...], list[list[Graded]]] = {}
        for answer in ordered:
            verdict = grader.grade(answer, item_id)
            groups = buckets.setdefault(_signature(grader, answer, verdict), [])
            graded = [Graded(answer, verdict)] * counts[answer]
            _place(groups, graded, similar)
        clusters = [Cluster(item_id, tuple(g)) for groups in buckets.values() for g in groups]
        clusters.sort(key=lambda c: (-c.size, c.confidence))
        out.extend(clusters)
    return tuple(out)


def _signature(grader: Grader, answer: str, verdict: Verdict) -> tuple[object, ...]:
    """What two answers in one cluster must share: the grader's reading of them."""
    analysis = analyse(answer, grader.index)
    reading = analysis.reading
    names = analysis.names
    return (
        verdict.reason in _CONTRADICTS or (verdict.reason is Reason.MARKED and not verdict.correct),
        verdict.belongs_to,
        verdict.wrong_answer,
        reading.figures.numbers,
        reading.figures.months,
        names,
    )


def _place(groups: list[list[Graded]], graded: list[Graded], similar: float) -> None:
    """Into the first group whose first answer is alike enough, or a group of its own."""
    words = normalise(graded[0].answer).text
    heads = [normalise(group[0].answer).text for group in groups]
    best = process.extractOne(words, heads, scorer=fuzz.token_sort_ratio, score_cutoff=similar)
    if best is None:
        groups.append(graded)
    else:
        groups[best[2]].extend(graded)
