"""Matching: each answer word to the pack words it may stand for, typos allowed within bounds.

The bounds are one table (`Tuning.typo_edits`) applied to both words of a match, so "war" and
"was" never meet while "negotiatons" meets "negotiations"; names and figures are exact or
nearly so. Each new answer word costs one rapidfuzz call over the pack's words; the result is
remembered, so a class's repeated words cost a dict lookup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from trainer.grading.tuning import DEFAULT, Tuning


def allowed_edits(length: int, tuning: Tuning = DEFAULT) -> int:
    """How many letters a word of this length may be off by (`Tuning.typo_edits`)."""
    edits = 0
    for at_least, allowed in tuning.typo_edits:
        if length >= at_least:
            edits = allowed
    return edits


class WordTable:
    """The pack's words (stemmed keys and figures), each with an id and its own typo bound.

    Built while the pack's index is built, then only read.
    """

    __slots__ = ("_names", "_tuning", "allowed", "ids", "words")

    def __init__(self, names: frozenset[str], tuning: Tuning = DEFAULT) -> None:
        self._names = names
        self._tuning = tuning
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self.allowed: list[int] = []
        """For each word, how many letters an answer word may be off by to match it."""

    def __len__(self) -> int:
        return len(self.words)

    def add(self, word: str) -> int:
        """The id of `word`, added on first sight."""
        wid = self.ids.get(word)
        if wid is None:
            wid = len(self.words)
            self.ids[word] = wid
            self.words.append(word)
            self.allowed.append(self._bound(word))
        return wid

    def _bound(self, word: str) -> int:
        tuning = self._tuning
        if word.isdigit():
            return 0
        if word in self._names:
            return tuning.name_typo_edits if len(word) >= tuning.name_typo_length else 0
        return allowed_edits(len(word), tuning)


class Matcher:
    """Answer word -> the ids of the pack words it matches. Thread-safe for reading: the
    cache only ever gains entries of a pure function."""

    __slots__ = ("_by_length", "_cache", "_cutoff", "_fuzzy_from", "_table", "_tuning")

    def __init__(self, table: WordTable, tuning: Tuning = DEFAULT) -> None:
        self._table = table
        self._tuning = tuning
        self._cache: dict[str, frozenset[int]] = {}
        self._cutoff = max((edits for _, edits in tuning.typo_edits), default=0)
        self._fuzzy_from = min((length for length, _ in tuning.typo_edits), default=1 << 30)
        by_length: dict[int, tuple[list[str], list[int]]] = {}
        for wid, word in enumerate(table.words):
            if not word.isdigit():
                words, ids = by_length.setdefault(len(word), ([], []))
                words.append(word)
                ids.append(wid)
        self._by_length = by_length
        """The pack's words by length: a word more than `_cutoff` letters longer or shorter
        cannot be within `_cutoff` edits, so only nearby lengths are compared."""

    def exact(self, word: str) -> int | None:
        return self._table.ids.get(word)

    def matches(self, word: str) -> frozenset[int]:
        """Ids of the pack words `word` stands for: itself, and those within both bounds."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        table = self._table
        found: set[int] = set()
        exact = table.ids.get(word)
        if exact is not None:
            found.add(exact)
        if len(word) >= self._fuzzy_from and not word.isdigit():
            own = allowed_edits(len(word), self._tuning)
            for length in range(len(word) - own, len(word) + own + 1):
                bucket = self._by_length.get(length)
                if bucket is None:
                    continue
                words, ids = bucket
                for _, distance, at in _near(word, words, own):
                    wid = ids[at]
                    if distance and distance <= table.allowed[wid]:
                        found.add(wid)
        result = frozenset(found)
        if len(self._cache) < self._tuning.match_cache:
            self._cache[word] = result
        return result


def _near(word: str, words: Sequence[str], cutoff: int) -> list[tuple[str, int, int]]:
    return process.extract(word, words, scorer=OSA.distance, score_cutoff=cutoff, limit=None)
