"""Matching: each answer word to the pack words it may stand for, typos allowed within bounds.

The bounds are one table (`Tuning.typo_edits`) applied to both words of a match, so "war" and
"was" never meet while "negotiatons" meets "negotiations"; names and figures are exact or
nearly so. Each new answer word costs one rapidfuzz call over the pack's words; the result is
remembered, so a class's repeated words cost a dict lookup.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from trainer.grading.figures import FIGURE_DIGITS, more_precise, rounded
from trainer.grading.lexicon import ENGLISH
from trainer.grading.lexicon.wordnet import wordnet
from trainer.grading.normalise import figure_value, is_figure, stem
from trainer.grading.sounds import SoundIndex
from trainer.grading.tuning import DEFAULT, Tuning
from trainer.grading.written_figures import SHORT_YEAR


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

    __slots__ = ("_names", "_tuning", "allowed", "ids", "words", "written")

    def __init__(self, names: frozenset[str], tuning: Tuning = DEFAULT) -> None:
        self._names = names
        self._tuning = tuning
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self.allowed: list[int] = []
        """For each word, how many letters an answer word may be off by to match it."""
        self.written: dict[str, int] = {}
        """Each word as the pack writes it ("inflation") to the id of its key ("inflat")."""

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

    def add_written(self, written: str, wid: int) -> None:
        """Remember that the pack writes key `wid` as `written`."""
        if not is_figure(written):
            self.written.setdefault(written, wid)

    def one_letter_changed(self, word: str, wid: int) -> bool:
        """Whether pack word `wid` is `word` with one letter changed, in a word shorter than
        `Tuning.changed_letter_length`: how one real word differs from another ("walk",
        "talk"), more than how a word is misspelt."""
        other = self.words[wid]
        return (
            len(other) == len(word) < self._tuning.changed_letter_length
            and sum(a != b for a, b in zip(word, other, strict=True)) == 1
        )

    def is_name(self, wid: int) -> bool:
        return self.words[wid] in self._names

    def _bound(self, word: str) -> int:
        tuning = self._tuning
        if is_figure(word):
            return 0
        if word in self._names:
            return tuning.name_typo_edits if len(word) >= tuning.name_typo_length else 0
        return allowed_edits(len(word), tuning)


class Matcher:
    """Answer word -> the ids of the pack words it matches. Thread-safe for reading: the
    cache only ever gains entries of a pure function."""

    __slots__ = (
        "_by_length",
        "_cache",
        "_cutoff",
        "_decimals",
        "_figure_values",
        "_figures",
        "_fuzzy_from",
        "_related_cache",
        "_sounds",
        "_table",
        "_tuning",
        "_written",
        "_written_cache",
    )

    def __init__(self, table: WordTable, tuning: Tuning = DEFAULT) -> None:
        self._table = table
        self._tuning = tuning
        self._cache: dict[str, frozenset[int]] = {}
        self._cutoff = max((edits for _, edits in tuning.typo_edits), default=0)
        self._fuzzy_from = min((length for length, _ in tuning.typo_edits), default=1 << 30)
        by_length: dict[int, tuple[list[str], list[int]]] = {}
        for wid, word in enumerate(table.words):
            if not is_figure(word):
                words, ids = by_length.setdefault(len(word), ([], []))
                words.append(word)
                ids.append(wid)
        self._by_length = by_length
        """The pack's words by length: a word more than `_cutoff` letters longer or shorter
        cannot be within `_cutoff` edits, so only nearby lengths are compared."""
        written: dict[int, tuple[list[str], list[int]]] = {}
        for word, wid in table.written.items():
            words, ids = written.setdefault(len(word), ([], []))
            words.append(word)
            ids.append(wid)
        self._written = written
        """The same for the pack's words as written, unstemmed."""
        self._written_cache: dict[str, frozenset[int]] = {}
        self._figures = sorted(
            (
                (w, wid)
                for wid, w in enumerate(table.words)
                if w.isdigit() and len(w) <= FIGURE_DIGITS
            ),
            key=lambda figure: int(figure[0]),
        )
        self._figure_values = [int(w) for w, _ in self._figures]
        self._decimals = sorted(
            (figure_value(w), w, wid)
            for wid, w in enumerate(table.words)
            if is_figure(w) and not w.isdigit() and len(w) <= FIGURE_DIGITS
        )
        """The pack's decimal figures by value, for an answer that gives one more precisely."""
        self._related_cache: dict[str, frozenset[int]] = {}
        self._sounds: SoundIndex | None = None
        """The pack's written words by sound, made for the first word that needs it."""

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
        if is_short_year(word):
            found.update(self._years_ending(word[len(SHORT_YEAR) :]))
        elif len(word) >= self._fuzzy_from and not is_figure(word):
            own = allowed_edits(len(word), self._tuning)
            for length in range(len(word) - own, len(word) + own + 1):
                bucket = self._by_length.get(length)
                if bucket is None:
                    continue
                words, ids = bucket
                for near, distance, at in _near(word, words, own):
                    wid = ids[at]
                    if (
                        distance
                        and distance <= table.allowed[wid]
                        and not opposed_by_prefix(word, near)
                    ):
                        found.add(wid)
        elif not found and word.isdigit():
            found.update(self._near_figures(word))
        elif not found and is_figure(word):
            found.update(self._rounded_to(word))
        result = frozenset(found)
        if len(self._cache) < self._tuning.match_cache:
            self._cache[word] = result
        return result

    def _years_ending(self, digits: str) -> list[int]:
        """The pack's years that end in these two digits: "'76" is 1776 in a pack about
        the Declaration and 1976 in one about the 1970s."""
        return [
            wid
            for figure, wid in self._figures
            if len(figure) == YEAR_DIGITS and figure[0] != "0" and figure.endswith(digits)
        ]

    def _rounded_to(self, word: str) -> list[int]:
        """The pack's figures that this decimal gives more precisely: "8848.86" is 8,849,
        "9.81" is 9.8. Only figures within one of it can be, found by bisection."""
        if len(word) > FIGURE_DIGITS:
            return []
        value = figure_value(word)
        start = bisect_left(self._figure_values, value - 1)
        end = bisect_right(self._figure_values, value + 1)
        found = [wid for number, wid in self._figures[start:end] if more_precise(word, number)]
        start = bisect_left(self._decimals, (value - 1,))
        end = bisect_right(self._decimals, (value + 1,))
        found += [wid for _, number, wid in self._decimals[start:end] if more_precise(word, number)]
        return found

    def _near_figures(self, word: str) -> list[int]:
        """The pack's figures within `Tuning.figure_slack` of this one: "8850" for 8,849;
        never a year."""
        tuning = self._tuning
        if len(word) > FIGURE_DIGITS:
            return []
        value, slack = int(word), tuning.figure_slack
        low, high = tuning.years
        if len(word) == 4 and low <= value <= high:
            return []  # a year is exact: 2008 is not 2007 rounded
        # Only figures within the slack of this one can be it rounded: a window of the
        # sorted figures, found by bisection, not a walk over all of a large pack's.
        start = bisect_left(self._figure_values, value / (1 + slack))
        end = bisect_right(self._figure_values, value / (1 - slack))
        return [wid for number, wid in self._figures[start:end] if rounded(word, number, slack)]

    def matches_related(self, word: str) -> frozenset[int]:
        """Ids of the pack words WordNet relates to `word` as written, exact only: words
        derived from or into it ("capitalistic" for "capitalism", "scarcity" for "scarce")
        and the commonest synonyms ("curb" for "control"), never a negator or a function
        word. Looked up only for an answer word that matched nothing else by its letters."""
        cached = self._related_cache.get(word)
        if cached is None:
            relations = wordnet()
            skip = ENGLISH.negators | ENGLISH.stopwords
            found: set[int] = set()
            for form in lemmas(word):
                others = {*relations.derived.get(form, ()), *relations.synonyms.get(form, ())}
                others.update(_reverse_synonyms().get(form, ()))
                for other in others - skip:
                    wid = self._table.ids.get(stem(other))
                    if wid is not None and not self._table.is_name(wid):
                        found.add(wid)
            cached = frozenset(found)
            if len(self._related_cache) < self._tuning.match_cache:
                self._related_cache[word] = cached
        return cached

    def known_word(self, word: str) -> bool:
        """Whether WordNet's table knows `word` (or the plain form it inflects): then a
        match found through its relations is a derivation, not a spelling slip."""
        relations = wordnet()
        return any(form in relations.derived or form in relations.synonyms for form in lemmas(word))

    def written_form(self, word: str) -> frozenset[int]:
        """The id of the pack word `word` is as written or inflected, no typo allowed
        ("monopolies" for "monopoly"): its first form the pack writes, or none."""
        for form in lemmas(word):
            exact = self._table.written.get(form)
            if exact is not None:
                return frozenset({exact})
        return frozenset()

    def sounding_like(self, word: str) -> frozenset[int]:
        """Ids of the pack words `word` misspells by ear (`sounds.SoundIndex`)."""
        sounds = self._sounds
        if sounds is None:
            sounds = self._sounds = SoundIndex(self._table.written.items(), self._tuning)
        table, tuning = self._table, self._tuning
        return frozenset(
            wid
            for wid in sounds.like(word)
            if not (table.is_name(wid) and len(word) < tuning.name_typo_length)
            or OSA.distance(word, table.words[wid]) <= tuning.name_typo_edits
        )

    def matches_written(self, word: str) -> frozenset[int]:
        """Ids of the pack words `word` stands for as written, unstemmed, for an answer word
        whose stem matched nothing: "infaltion" is one swap from "inflation", though its stem
        is not "inflat"; "ransomware" written "ransom ware" is looked up joined."""
        cached = self._written_cache.get(word)
        if cached is None:
            cached = _written_matches(self, word) or self.sounding_like(word)
            if len(self._written_cache) < self._tuning.match_cache:
                self._written_cache[word] = cached
        return cached


YEAR_DIGITS = 4
"""A year written in full: a two-digit year matches a pack figure this long."""


def is_short_year(word: str) -> bool:
    """A year written with two digits, as `normalise` marks it ("yy69")."""
    return len(word) == len(SHORT_YEAR) + 2 and word.startswith(SHORT_YEAR) and word[-2:].isdigit()


def _written_matches(matcher: Matcher, word: str) -> frozenset[int]:
    """`Matcher.matches_written`, uncached: the same bounds as for stems, on both words as
    written, and never past a name's own bound."""
    table, tuning = matcher._table, matcher._tuning
    exact = matcher.written_form(word)  # "monopolies" as written is "monopoly", stems apart
    if exact:
        return exact
    if len(word) < matcher._fuzzy_from or is_figure(word):
        return frozenset()
    own = allowed_edits(len(word), tuning)
    found: set[int] = set()
    for length in range(len(word) - own, len(word) + own + 1):
        bucket = matcher._written.get(length)
        if bucket is None:
            continue
        words, ids = bucket
        for near, distance, at in _near(word, words, own):
            wid = ids[at]
            bound = min(own, allowed_edits(len(near), tuning))
            if table.is_name(wid):
                bound = min(bound, table.allowed[wid])
            if distance <= bound and not opposed_by_prefix(word, near):
                found.add(wid)
    return frozenset(found)


@cache
def _reverse_synonyms() -> dict[str, tuple[str, ...]]:
    reverse: dict[str, list[str]] = {}
    for word, others in wordnet().synonyms.items():
        for other in others:
            reverse.setdefault(other, []).append(word)
    return {word: tuple(others) for word, others in reverse.items()}


def lemmas(word: str) -> tuple[str, ...]:
    """The word and the plain forms it may be an inflection of, for a lookup in WordNet's
    table of lemmas: "monopolies" -> "monopoly", "specialising" -> "specialise",
    "monopolised" -> "monopolise"; each also in the American spelling
    WordNet keeps ("monopolize", "fiber")."""
    forms = [word]
    for ending, plain in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= LEMMA_STEM:
            forms.append(word[: -len(ending)] + plain)
    forms += [american for form in forms for american in _american(form)]
    return tuple(dict.fromkeys(forms))


LEMMA_STEM = 3
"""What is left of a word once an inflection is taken off it is at least this long."""

_INFLECTIONS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ing", "e"),
    ("ing", ""),
    ("ed", "e"),
    ("ed", ""),
)
"""Endings of inflected forms and what the plain form ends in instead."""

_BRITISH = (
    (re.compile(r"(?<=\w\w)is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w\w[bt])re$"), "er"),
    (re.compile(r"(?<=\w\w[lvnbmr])our$"), "or"),
)
"""British endings and their American spelling: "-ise", "-isation" as "-ize", "-ization";
"-tre", "-bre" as "-ter", "-ber" ("centre", "fibre"); "-our" as "-or" ("colour")."""


def _american(form: str) -> list[str]:
    """The American spelling of a British form, which WordNet's table keeps, if it has one."""
    return [pattern.sub(american, form) for pattern, american in _BRITISH if pattern.search(form)]


def opposed_by_prefix(word: str, other: str) -> bool:
    """Whether two words differ by a prefix that negates ("fertile" / "infertile") or by one
    such prefix for another ("inflation" / "deflation"): opposites, not a typo."""
    prefixes = ENGLISH.negating_prefixes
    for prefix in prefixes:
        if word == prefix + other or other == prefix + word:
            return True
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if any(other == p + rest for p in prefixes if p != prefix):
                return True
    return False


def _near(word: str, words: Sequence[str], cutoff: int) -> list[tuple[str, int, int]]:
    return process.extract(word, words, scorer=OSA.distance, score_cutoff=cutoff, limit=None)
