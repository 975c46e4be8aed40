"""Finding a pack's passages and quoted words in its source text, fast even when absent.

Each passage is looked up in the folded source. A plain `str.find` is linear, but a pack of
20,000 passages missing from a 4 MB article made 20,000 whole scans (45 s). Once the scans
add up, the source's word pairs are indexed: a passage with a pair the source never has is
absent at once, and a present one is checked only where its rarest pair occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2026": "..."}
)
_CUT = re.compile(r"\.\.\.|\[\.\.\.\]")


def fold(text: str) -> str:
    """Text as compared for passages: typographic quotes and spacing do not matter."""
    return _WS.sub(" ", text.translate(_QUOTES)).strip().casefold()


@dataclass(frozen=True, slots=True)
class SearchLimits:
    """When the index pays for itself, and when it does not help."""

    index_after: int = 20_000_000
    """Characters scanned by plain searches before the word-pair index is built; a normal
    pack (a few dozen passages in a short article) never reaches it."""
    max_candidates: int = 64
    """Most places a passage's rarest word pair may occur before a plain search is cheaper
    than checking each of them."""


@dataclass(slots=True)
class FoldedSource:
    """The folded source text, searched as `str.find` would, with the index when it pays."""

    text: str
    limits: SearchLimits = field(default_factory=SearchLimits)
    _scanned: int = 0
    _pairs: dict[int, list[int]] | None = None

    def find(self, fragment: str, start: int = 0) -> int:
        """Where `fragment` first occurs at or after `start`, or -1 (as `str.find`)."""
        if self._pairs is None:
            found = self.text.find(fragment, start)
            self._scanned += (found if found >= 0 else len(self.text)) - start
            if self._scanned > self.limits.index_after:
                self._pairs = _pair_index(self.text)
            return found
        return self._indexed_find(fragment, start, self._pairs)

    def _indexed_find(self, fragment: str, start: int, pairs: dict[int, list[int]]) -> int:
        # Only interior words are whole words of the source: the first and last may be cut.
        words = fragment.split(" ")
        rarest: list[int] | None = None
        shift = 0
        offset = len(words[0]) + 1
        for i in range(1, len(words) - 2):
            places = pairs.get(hash((words[i], words[i + 1])))
            if places is None:
                return -1  # a pair of whole words the source never has
            if rarest is None or len(places) < len(rarest):
                rarest, shift = places, offset
            offset += len(words[i]) + 1
        if rarest is None or len(rarest) > self.limits.max_candidates:
            return self.text.find(fragment, start)
        for place in rarest:  # in text order
            begin = place - shift
            if begin >= start and self.text.startswith(fragment, begin):
                return begin
        return -1


def found_in(source: FoldedSource, excerpt: str) -> bool:
    """True when `excerpt` is in the source; an ellipsis in it marks a cut, and each
    fragment must then appear in order."""
    position = 0
    for fragment in (f.strip() for f in _CUT.split(fold(excerpt)) if f.strip()):
        found = source.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


def _pair_index(text: str) -> dict[int, list[int]]:
    """Where each pair of consecutive words starts, by the pair's hash (a clash only sends
    a lookup to more candidates, never to a wrong answer: each is checked)."""
    index: dict[int, list[int]] = {}
    words = text.split(" ")
    position = 0
    for first, second in pairwise(words):
        index.setdefault(hash((first, second)), []).append(position)
        position += len(first) + 1
    return index
