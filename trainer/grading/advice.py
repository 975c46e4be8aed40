"""Advice on a pack's answer key, for the instructor who writes it: what `check` warns of.

A light key (a canonical answer and a few accepted phrasings) must grade well, and the
concepts, self-tests and known wrong answers are how an instructor makes it sharper. So
`check` warns, without failing, of an item with no accepted phrasing or no self-test, and of
a concept group the grader cannot read; and with `--suggest` it offers, from WordNet, other
words for the key's words (candidate phrasings or concept terms) and their antonyms (the
key with one word turned round: a candidate known wrong answer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from trainer.grading.index import PackIndex
from trainer.grading.lexicon import ENGLISH
from trainer.grading.lexicon.wordnet import wordnet
from trainer.grading.normalise import normalise
from trainer.packs.model import Item, Kind, Pack

SUGGESTED_WORDS = 3
"""Key words per item that get suggestions: the first ones of the canonical answer."""
MIN_WORD = 4
"""Shorter words get no suggestion: they are names, figures or too ambiguous."""


class AdviceKind(Enum):
    """What the advice is about; the first three are warnings, the last two suggestions."""

    NO_ACCEPT = "no-accepted-phrasings"
    NO_TESTS = "no-self-tests"
    UNREAD_GROUP = "unread-concept-group"
    SYNONYMS = "synonyms"
    OPPOSITE = "opposite"

    @property
    def suggestion(self) -> bool:
        return self in (AdviceKind.SYNONYMS, AdviceKind.OPPOSITE)


@dataclass(frozen=True, slots=True)
class Advice:
    """One piece of advice on one item."""

    item_id: str
    kind: AdviceKind
    word: str = ""
    """The group label, or the key's word the suggestion is for."""
    others: tuple[str, ...] = ()
    """Suggested words, or the key turned round by an antonym."""

    def line(self) -> str:
        item, word = self.item_id, self.word
        if self.kind is AdviceKind.NO_ACCEPT:
            return f"{item}: no accepted phrasings; other wordings rely on the concepts alone"
        if self.kind is AdviceKind.NO_TESTS:
            return f"{item}: no self-test responses; check cannot tell how this key grades"
        if self.kind is AdviceKind.UNREAD_GROUP:
            return (
                f"{item}: the concept group {word!r} has no word the grader can match, so it "
                "is ignored (give it a term with a word in it)"
            )
        if self.kind is AdviceKind.SYNONYMS:
            return f"{item}: other words for {word!r}: {', '.join(self.others)}"
        return f"{item}: a candidate wrong answer, {word!r} turned round: {self.others[0]!r}"

    def to_json(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "kind": self.kind.value,
            "suggestion": self.kind.suggestion,
            "word": self.word,
            "others": list(self.others),
        }


def advise(pack: Pack, index: PackIndex, *, suggest: bool = False) -> tuple[Advice, ...]:
    """Warnings for every item, in pack order; with `suggest`, suggestions after them."""
    found: list[Advice] = []
    for item in pack:
        if not item.answer.accept and item.kind is not Kind.PERSON:
            found.append(Advice(item.id, AdviceKind.NO_ACCEPT))
        if not (item.answer.tests.accept or item.answer.tests.reject):
            found.append(Advice(item.id, AdviceKind.NO_TESTS))
    found.extend(Advice(i, AdviceKind.UNREAD_GROUP, label) for i, label in index.unread)
    if suggest:
        for item in pack:
            found.extend(_suggestions(item))
    return tuple(found)


def _suggestions(item: Item) -> list[Advice]:
    if item.kind is Kind.PERSON:
        return []
    relations = wordnet()
    canonical = item.answer.canonical
    known = {w for text in _key_texts(item) for w in normalise(text).words}
    out: list[Advice] = []
    for word in _key_words(canonical)[:SUGGESTED_WORDS]:
        lemma = _lemma(word, relations.synonyms)
        fresh = tuple(w for w in relations.synonyms.get(lemma, ()) if w not in known)
        if fresh:
            out.append(Advice(item.id, AdviceKind.SYNONYMS, word, fresh))
        opposites = sorted(relations.antonyms.get(lemma, ()))
        if opposites:
            turned = " ".join(
                _swap(w, opposites[0]) if _bare(w) == word else w for w in canonical.split()
            )
            out.append(Advice(item.id, AdviceKind.OPPOSITE, word, (turned,)))
    return out


def _key_texts(item: Item) -> list[str]:
    answer = item.answer
    terms = [t for group in answer.concepts.groups for t in group.terms]
    return [*answer.phrasings, *terms, *(w.answer for w in answer.wrong)]


def _key_words(text: str) -> list[str]:
    """The canonical answer's own words that carry its claim, as written, in order."""
    words: list[str] = []
    for word in text.split():
        bare = _bare(word)
        if (
            len(bare) >= MIN_WORD
            and bare.isalpha()
            and bare not in ENGLISH.stopwords
            and bare not in ENGLISH.negators
            and bare not in words
        ):
            words.append(bare)
    return words


def _swap(written: str, other: str) -> str:
    """`other` in the place of `written`, with its capital and its punctuation."""
    bare = written.strip(".,;:!?\"'()")
    if bare[:1].isupper():
        other = other[:1].upper() + other[1:]
    return written.replace(bare, other, 1)


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'()").casefold()


def _lemma(word: str, table: Mapping[str, object]) -> str:
    """`word`, or `word` without a plural "s" where only that form is in the table."""
    if word in table or not word.endswith("s"):
        return word
    return word[:-1] if word[:-1] in table else word
