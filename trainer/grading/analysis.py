"""Analysis: one answer, read once and matched to the pack's words.

Everything later stages ask of an answer that does not depend on which item it is graded
against is worked out here, once: each position's matched word ids, each matched word's
negation parity, the people it names, the weights its words carry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from trainer.grading.index import PackIndex
from trainer.grading.normalise import BREAK
from trainer.grading.reading import Reading


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer as the scoring and contradiction stages see it."""

    text: str
    """What the student typed."""
    reading: Reading
    positions: tuple[frozenset[int], ...]
    """For each position of the reading, the pack word ids matched there (none for a
    negation)."""
    polarity: Mapping[int, int]
    """Each pack word the answer uses, with the negation parity of its first use."""
    used: frozenset[int]
    heads: frozenset[int]
    """Pack words a negation in the answer applies to directly."""
    weighted: tuple[tuple[frozenset[int], float], ...]
    """Each distinct content word that matched: its word ids and its weight."""
    words_of: Mapping[int, tuple[int, ...]]
    """For each pack word matched, which of `weighted` matched it: the answer's side of an
    overlap is then summed over the shared words only, not over the whole answer."""
    total: float
    """The weight of all the answer's content words, unmatched ones included."""
    names: frozenset[str]
    """People of the pack the answer names."""
    fuzzy: bool
    """Whether some word matched only with a typo allowed."""
    joined: str
    """The answer's words, space-padded, for finding word terms as written."""

    @property
    def content(self) -> tuple[str, ...]:
        return self.reading.content

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def analyse(text: str, index: PackIndex) -> Answer:
    """Read `text` and match each of its words to the pack's."""
    matcher = index.matcher
    reading = index.read(text)
    positions: list[frozenset[int]] = []
    polarity: dict[int, int] = {}
    fuzzy = False
    for key, neg, pol in zip(reading.keys, reading.negs, reading.pols, strict=True):
        if neg:
            positions.append(frozenset())
            continue
        vids = matcher.matches(key)
        positions.append(vids)
        if vids and matcher.exact(key) not in vids:
            fuzzy = True
        for vid in vids:
            polarity.setdefault(vid, pol)
    weights = index.weights
    weighted: list[tuple[frozenset[int], float]] = []
    total = 0.0
    named: set[str] = set()
    words = index.words.words
    for key in reading.content:
        vids = matcher.matches(key)
        if not vids:
            total += index.tuning.unknown_weight
            continue
        exact = matcher.exact(key)
        weight = weights[exact] if exact is not None else max(weights[v] for v in vids)
        total += weight
        weighted.append((vids, weight))
        if not vids.isdisjoint(index.person_vids):
            named.update(words[v] for v in vids & index.person_vids)
    words_of: dict[int, list[int]] = {}
    for at, (vids, _) in enumerate(weighted):
        for vid in vids:
            words_of.setdefault(vid, []).append(at)
    plain = [token for token in reading.tokens if token != BREAK]
    return Answer(
        text=text,
        reading=reading,
        positions=tuple(positions),
        polarity=polarity,
        used=frozenset(polarity),
        heads=frozenset(v for j in reading.heads for v in positions[j]),
        weighted=tuple(weighted),
        words_of={vid: tuple(at) for vid, at in words_of.items()},
        total=total,
        names=frozenset(named),
        fuzzy=fuzzy,
        joined=" " + " ".join(plain) + " ",
    )
