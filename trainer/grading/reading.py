"""Reading: a text to the grader's typed `Reading` of it.

Both sides go through this stage, the key's phrasings once per pack and each answer once:
normalised tokens (`normalise.py`) with the pack's spellings applied (`vocabulary.py`), cut
into content keys (stemmed words and figures) and the negations kept beside them, because "do
not alter" and "do alter" share every content word. Each key knows its clause and whether an
odd number of negations reach it; "A over B" is kept as an ordered pair, since "B over A"
says the reverse with the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from trainer.grading.figures import Figures, read_figures
from trainer.grading.lexicon import ENGLISH, EnglishLexicon
from trainer.grading.normalise import BREAK, normalise, stem
from trainer.grading.tuning import DEFAULT, Tuning
from trainer.grading.vocabulary import NO_REWRITES, Rewrites

READ_CACHE = 65536
"""Texts whose reading is remembered: a class repeats the same short answers."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A text as the grader sees it: content keys with their negation parity, and figures."""

    keys: tuple[str, ...]
    """Content keys (stemmed words, figures) and negators, in order."""
    negs: tuple[bool, ...]
    """For each key: whether it is a negator."""
    pols: tuple[int, ...]
    """For each key: 1 when an odd number of negations reach it, else 0."""
    clause: tuple[int, ...]
    """For each key: the number of its clause."""
    heads: tuple[int, ...]
    """Positions of the keys a negation applies to directly: "proven" in "not proven"."""
    pairs: tuple[tuple[int, int], ...]
    """Positions (before, after) of content keys on the two sides of "over", "instead of"..."""
    figures: Figures
    tokens: tuple[str, ...]
    """The normalised words with clause marks, for phrases matched word for word."""
    content: tuple[str, ...] = ()
    """The distinct content keys, in order, negators left out."""
    keystring: str = ""
    """The content keys in order, as one string for a fuzzy comparison of word order."""
    truncated: bool = False
    """Whether the text was cut to `normalise.MAX_CHARS` before reading."""
    surfaces: tuple[str, ...] = ()
    """For each key: the word as written (normalised, not stemmed), for typos that stemming
    cannot see through ("infaltion" does not stem to "inflat")."""

    def negations_in(self, clauses: set[int]) -> int:
        """How many negations these clauses hold."""
        return sum(1 for neg, c in zip(self.negs, self.clause, strict=True) if neg and c in clauses)

    def negations_before(self, at: int, tuning: Tuning = DEFAULT) -> int:
        """How many negations reach position `at` from before it, within its clause."""
        clause = self.clause[at]
        return sum(
            1
            for j in range(max(0, at - tuning.neg_window), at)
            if self.negs[j] and self.clause[j] == clause
        )


@lru_cache(maxsize=READ_CACHE)
def read(text: str, rewrites: Rewrites = NO_REWRITES) -> Reading:
    """The reading of `text` with a pack's spellings, remembered for repeated texts."""
    norm = normalise(text)
    return read_tokens(rewrites.apply(norm.tokens), truncated=norm.truncated)


def read_tokens(
    tokens: Sequence[str],
    *,
    truncated: bool = False,
    lexicon: EnglishLexicon = ENGLISH,
    tuning: Tuning = DEFAULT,
) -> Reading:
    """The reading of normalised tokens; `read` is the usual way in."""
    roles = _roles(lexicon)
    passive_markers = lexicon.passive_markers
    keys: list[str] = []
    surfaces: list[str] = []
    negs: list[bool] = []
    clause: list[int] = []
    current = 0
    markers: list[int] = []
    passive: set[int] = set()
    previous = ""
    echoed = -1  # the clause that repeats an earlier negation, if one does
    for at, token in enumerate(tokens):
        role = roles.get(token)
        if role is None:  # most words: a content word
            surfaces.append(token)
            keys.append(token if token.isdigit() else stem(token))
            negs.append(False)
            clause.append(current)
            previous = token
            continue
        if token == "by" and previous in passive_markers and markers:
            passive.add(markers[-1])
        previous = token
        if role is _Role.BREAK or role is _Role.SCOPE:
            current += 1
            continue
        if role is _Role.ORDER or role is _Role.ORDER_SILENT:
            if _swaps(token, keys, clause, current, lexicon):
                passive.add(len(keys))
            markers.append(len(keys))
            if role is _Role.ORDER_SILENT:
                continue
        elif role is _Role.STOP:
            continue
        negator = role is _Role.NEGATOR
        if negator and (echoed == current or _echoes(tokens, at, clause, negs, current, lexicon)):
            echoed = current  # "not even around Kursk", "not in X nor in Y" after a negated
            continue  # clause: the negation repeated, not a second one
        surfaces.append(token)
        keys.append(token if negator or token.isdigit() else stem(token))
        negs.append(negator)
        clause.append(current)
    pairs = _pairs(keys, negs, clause, markers, passive, lexicon, tuning)
    return _reading(keys, negs, clause, pairs, tokens, surfaces, truncated, lexicon, tuning)


def _reading(
    keys: list[str],
    negs: list[bool],
    clause: list[int],
    pairs: tuple[tuple[int, int], ...],
    tokens: Sequence[str],
    surfaces: list[str],
    truncated: bool,
    lexicon: EnglishLexicon,
    tuning: Tuning,
) -> Reading:
    """The reading, from the keys and marks `read_tokens` collected."""
    return Reading(
        keys=tuple(keys),
        negs=tuple(negs),
        pols=_polarities(negs, clause, tuning),
        clause=tuple(clause),
        heads=_heads(negs, clause, tuning),
        pairs=pairs,
        figures=read_figures(tokens, lexicon, tuning),
        tokens=tuple(tokens),
        content=tuple(dict.fromkeys(k for k, n in zip(keys, negs, strict=True) if not n)),
        keystring=" ".join(k for k, n in zip(keys, negs, strict=True) if not n),
        truncated=truncated,
        surfaces=tuple(surfaces),
    )


def _echoes(
    tokens: Sequence[str],
    at: int,
    clause: list[int],
    negs: list[bool],
    current: int,
    lexicon: EnglishLexicon,
) -> bool:
    """Whether the negator at `at` opens its clause, is followed by an echo word
    (`lexicon.negation_echoes`) and follows a clause that was negated: it repeats that
    negation rather than turning the words after it round."""
    opens = not clause or clause[-1] != current
    follows = at + 1 < len(tokens) and tokens[at + 1] in lexicon.negation_echoes
    return opens and follows and any(negs)


def _swaps(
    token: str, keys: list[str], clause: list[int], current: int, lexicon: EnglishLexicon
) -> bool:
    """Whether the order word `token` reads the other way round, after a lesser comparative:
    "the benefits are smaller than the risks" says the risks outweigh the benefits, and "ice
    is less dense than water" that water is denser than ice.

    A negated order word ("not worth", "can't justify") is left to the negation: read as a
    swap instead, it disagreed with the keys' other negated verbs of weighing ("cannot
    balance"), and lost more right answers on the hold-outs than it gained.
    """
    if token != "than":
        return False
    lesser = _stems(lexicon.lesser)
    # The comparative itself, or the word before the one it qualifies: "less dense than",
    # "fewer soldiers than".
    return any(
        len(keys) >= back and clause[-back] == current and keys[-back] in lesser for back in (1, 2)
    )


class _Role(Enum):
    """What a word does in a reading besides carrying content."""

    BREAK = "break"
    """A clause mark from normalisation."""
    SCOPE = "scope"
    """Ends a negation's reach ("and", "or", "that")."""
    ORDER = "order"
    """Orders two things and is content too ("outweighs")."""
    ORDER_SILENT = "order-silent"
    """Orders two things and is then dropped ("over", "rather", "than")."""
    STOP = "stop"
    """A function word, dropped."""
    NEGATOR = "negator"
    """Reverses what follows in its clause."""


_ROLES: dict[int, tuple[EnglishLexicon, dict[str, _Role]]] = {}


def _roles(lexicon: EnglishLexicon) -> dict[str, _Role]:
    """Each special word's role, in the order `read_tokens` has always tested them: one dict
    lookup per word instead of five set lookups, and none but that for a content word."""
    cached = _ROLES.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    roles: dict[str, _Role] = dict.fromkeys(lexicon.negators, _Role.NEGATOR)
    roles.update((word, _Role.STOP) for word in lexicon.stopwords)
    roles.update((word, _Role.SCOPE) for word in lexicon.scope_breaks)
    for word in lexicon.directional:
        silent = word in lexicon.stopwords or word in lexicon.silent_directional
        roles[word] = _Role.ORDER_SILENT if silent else _Role.ORDER
    roles[BREAK] = _Role.BREAK
    _ROLES[id(lexicon)] = (lexicon, roles)
    return roles


@lru_cache(maxsize=8)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(word) for word in words)


def _polarities(negs: list[bool], clause: list[int], tuning: Tuning) -> tuple[int, ...]:
    """For each key, the parity of the negations before it in its clause and window."""
    if not any(negs):
        return (0,) * len(negs)
    pols: list[int] = []
    window = tuning.neg_window
    for i in range(len(negs)):
        count = 0
        for j in range(max(0, i - window), i):
            if negs[j] and clause[j] == clause[i]:
                count += 1
        pols.append(count % 2)
    return tuple(pols)


def _heads(negs: list[bool], clause: list[int], tuning: Tuning) -> tuple[int, ...]:
    """Positions of the first content keys after each negation, within its clause:
    "don't change the balance" negates "change" and, through it, "balance"."""
    if not any(negs):
        return ()
    heads: list[int] = []
    size = len(negs)
    for i in range(size):
        if not negs[i]:
            continue
        found = 0
        for j in range(i + 1, size):
            if clause[j] != clause[i] or found == tuning.head_reach:
                break
            if not negs[j]:
                heads.append(j)
                found += 1
    return tuple(heads)


def _pairs(
    keys: list[str],
    negs: list[bool],
    clause: list[int],
    markers: list[int],
    passive: set[int],
    lexicon: EnglishLexicon,
    tuning: Tuning,
) -> tuple[tuple[int, int], ...]:
    """Each content key shortly before a directional word with each shortly after it, in the
    same clause; swapped after a passive ("outweighed by"). The reach keeps a long answer of
    many comparisons linear, not quadratic, in its length."""
    directional = _stems(lexicon.directional)
    reach = tuning.pair_reach
    return tuple(
        (right, left) if at in passive else (left, right)
        for at in markers
        for left in range(max(0, at - reach), at)
        for right in range(at, min(len(keys), at + reach))
        if not negs[left]
        and not negs[right]
        and keys[right] not in directional
        and clause[left] == clause[right]
    )
