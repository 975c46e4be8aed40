"""Hedges: an answer that offers the key and something else besides ("the Nile or the
Congo", "2007 or 2008"). A teacher marks it wrong: it leaves the choice to them.

Read only for a light key (no concept groups), where an answer is a choice among things;
in an argument "or" is ordinary reasoning ("Poland or Romania", "war or escalation").
"""

from __future__ import annotations

from collections.abc import Iterator

from trainer.grading.analysis import Answer
from trainer.grading.keys import ItemKey
from trainer.grading.lexicon import ENGLISH
from trainer.grading.normalise import BREAK, is_figure, stem

ALTERNATIVE = "or"


def hedged(answer: Answer, key: ItemKey, reach: int = 2) -> bool:
    """Whether the answer gives alternatives, one of them the key's and another naming
    something the key does not: "the pacific or indian ocean" for "the Indian Ocean". The
    alternatives are the `reach` words on each side of an "or", in its clause: "an overdraft
    lets you spend more than you have, with interest or fees" offers no other answer. A key
    that itself says "or" is left alone."""
    tokens = answer.reading.tokens
    if ALTERNATIVE not in tokens or key.groups:
        return False
    if any(ALTERNATIVE in p.reading.tokens for p in key.right):
        return False
    if _figures_offered(tokens, key, answer):
        return True
    for both in _sides(tokens, reach):
        # What the two sides share is no alternative: "april 15 or april 30" offers 15 or 30.
        before = [word for word in both[0] if word not in both[1]]
        after = [word for word in both[1] if word not in both[0]]
        hits = [
            any(_words_in(word, key.right_vids, answer) for word in side)
            for side in (before, after)
        ]
        if before and after and any(hits) and not all(hits):
            return True
    return False


def _figures_offered(tokens: tuple[str, ...], key: ItemKey, answer: Answer) -> bool:
    """Two figures either side of an "or", one the key's and one not: "60 or 80 percent",
    "mach 1.5 or 2". The figures are what is offered; the unit after them ("percent") is
    shared, so comparing the words around the "or" would miss it."""
    for at, token in enumerate(tokens):
        if token != ALTERNATIVE or at == 0 or at + 1 == len(tokens):
            continue
        before, after = tokens[at - 1], tokens[at + 1]
        if before == after or not (is_figure(before) and is_figure(after)):
            continue
        hits = [_words_in(word, key.right_vids, answer) for word in (before, after)]
        if any(hits) and not all(hits):
            return True
    return False


def _sides(tokens: tuple[str, ...], reach: int) -> list[tuple[list[str], list[str]]]:
    """For each "or", the content words nearest it on each side, within its clause."""
    skip = ENGLISH.stopwords | ENGLISH.negators | ENGLISH.scope_breaks
    sides: list[tuple[list[str], list[str]]] = []
    for at, token in enumerate(tokens):
        if token != ALTERNATIVE:
            continue
        before = _nearest(reversed(tokens[:at]), skip, reach)
        after = _nearest(iter(tokens[at + 1 :]), skip, reach)
        sides.append((before, after))
    return sides


def _nearest(words: Iterator[str], skip: frozenset[str], reach: int) -> list[str]:
    found: list[str] = []
    for word in words:
        if word in (BREAK, ALTERNATIVE) or len(found) == reach:
            break
        if word not in skip:
            found.append(word)
    return found


def _words_in(word: str, matches: frozenset[int], answer: Answer) -> bool:
    """Whether the answer's `word` is one of the key's: by the answer's own matching."""
    key = word if word.isdigit() else stem(word)
    for at, own in enumerate(answer.reading.keys):
        if own == key and not answer.positions[at].isdisjoint(matches):
            return True
    return False
