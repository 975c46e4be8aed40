"""Concept terms: the key's phrases for one idea, found in an answer as phrases.

A term of content words ("north korea", "not proven") is matched word by word against the
answer's matched words, one stray word allowed between them, and reports the negation parity
it is used with. A term of everyday words that reading drops ("too risky", "more than") is a
`WordTerm`, matched in the answer's words as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.grading.lexicon import ENGLISH, EnglishLexicon
from trainer.grading.normalise import BREAK
from trainer.grading.reading import Reading
from trainer.grading.tuning import DEFAULT, Tuning


@dataclass(frozen=True, slots=True)
class Term:
    """One phrasing of an idea, as word ids."""

    elements: tuple[int | None, ...]
    """Word ids, or None for "a negation here"."""
    internal_negs: int
    """How many negations the term itself holds ("not proven": 1)."""
    anchor: int | None
    """The term's first word: an answer without it cannot hold the term."""


@dataclass(frozen=True, slots=True)
class Group:
    """One key idea: its label (the first term, what a student is told) and its terms."""

    label: str
    terms: tuple[Term, ...]
    expected: int | None
    """The negation parity the key uses this idea with, when all its phrasings agree."""


@dataclass(frozen=True, slots=True)
class WordTerm:
    """A term made of everyday words ("only", "more than"), matched as written."""

    group: int
    """The index of the concept group it belongs to."""
    text: str
    """Its words, joined by single spaces."""
    parity: int | None
    """The negation parity the key's phrasings use it with (None: they disagree or never use
    it), so that "isn't at war" does not cover "at war"."""

    @property
    def padded(self) -> str:
        """The words with a space on each side, to find them as whole words in a text."""
        return f" {self.text} "


def find_term(
    term: Term,
    reading: Reading,
    positions: Sequence[frozenset[int]],
    tuning: Tuning = DEFAULT,
) -> int | None:
    """Where a concept term occurs as a phrase, the negation parity it is used with; None when
    it does not occur. `positions` holds, per reading position, the word ids found there."""
    elements = term.elements
    size = len(reading.keys)
    steps = range(1, tuning.term_gap + 2)
    for start in range(size):
        if not _at(elements[0], reading, positions, start):
            continue
        pos = start
        for element in elements[1:]:
            for step in steps:
                if pos + step < size and _at(element, reading, positions, pos + step):
                    pos += step
                    break
            else:
                break
        else:
            return (reading.negations_before(start, tuning) + term.internal_negs) % 2
    return None


def _at(
    element: int | None, reading: Reading, positions: Sequence[frozenset[int]], at: int
) -> bool:
    if element is None:
        return reading.negs[at]
    return element in positions[at]


def word_term_parity(
    tokens: Sequence[str], text: str, lexicon: EnglishLexicon = ENGLISH
) -> int | None:
    """The negation parity a word term is used with: the negations before it in its clause
    ("nato isn't | at war" -> 1), 0 if any use is plain; None when the term is not there."""
    wanted = tuple(text.split())
    if not wanted:
        return None
    found: int | None = None
    clause_negations = 0
    for i, token in enumerate(tokens):
        if token == BREAK:
            clause_negations = 0
            continue
        if token == wanted[0] and _unbroken(tokens, i, len(wanted)) == wanted:
            if clause_negations % 2 == 0:
                return 0
            found = 1
        if token in lexicon.negators:
            clause_negations += 1
    return found


def _unbroken(tokens: Sequence[str], start: int, size: int) -> tuple[str, ...]:
    """`size` words from `start`, passing over clause marks as the joined text does."""
    out: list[str] = []
    for token in tokens[start:]:
        if len(out) == size:
            break
        if token != BREAK:
            out.append(token)
    return tuple(out)
