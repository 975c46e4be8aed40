"""Hedges: an answer that offers the key and something else besides ("the Nile or the
Congo", "2007 or 2008"). A teacher marks it wrong: it leaves the choice to them.

Read only for a light key (no concept groups), where an answer is a choice among things;
in an argument "or" is ordinary reasoning ("Poland or Romania", "war or escalation").
"""

from __future__ import annotations

from trainer.grading.analysis import Answer
from trainer.grading.keys import ItemKey
from trainer.grading.lexicon import ENGLISH
from trainer.grading.normalise import BREAK, stem

ALTERNATIVE = "or"


def hedged(answer: Answer, key: ItemKey) -> bool:
    """Whether the answer gives alternatives, one of them the key's and another naming
    something the key does not: "the pacific or indian ocean" for "the Indian Ocean". A key
    that itself says "or" is left alone."""
    tokens = answer.reading.tokens
    if ALTERNATIVE not in tokens or key.groups:
        return False
    if any(ALTERNATIVE in p.reading.tokens for p in key.right):
        return False
    hits: list[bool] = []
    for segment in _segments(tokens):
        if segment:
            hits.append(any(_words_in(word, key.right_vids, answer) for word in segment))
    return len(hits) > 1 and any(hits) and not all(hits)


def _segments(tokens: tuple[str, ...]) -> list[list[str]]:
    """The content words on each side of each "or"."""
    segments: list[list[str]] = [[]]
    skip = ENGLISH.stopwords | ENGLISH.negators | ENGLISH.scope_breaks
    for token in tokens:
        if token == ALTERNATIVE:
            segments.append([])
        elif token != BREAK and token not in skip:
            segments[-1].append(token)
    return segments


def _words_in(word: str, matches: frozenset[int], answer: Answer) -> bool:
    """Whether the answer's `word` is one of the key's: by the answer's own matching."""
    key = word if word.isdigit() else stem(word)
    for at, own in enumerate(answer.reading.keys):
        if own == key and not answer.positions[at].isdisjoint(matches):
            return True
    return False
