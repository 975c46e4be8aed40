"""Yes or no: a question whose key answers "yes" ("Can a spoken agreement be a binding
contract?" - "Yes, usually, though some must be in writing").

"Yes" is a function word and "no" a negation, so an answer of "yes" read as nothing to grade,
and "no" the same. For a light key whose every right phrasing starts with the same one, the
answer's first yes or no, in its first clause, is compared with it: the other one is the
opposite; the same one, with nothing wrong said beside it, is right.
"""

from __future__ import annotations

import re
from enum import Enum

from trainer.grading.keys import ItemKey
from trainer.grading.lexicon.yes_no import NO, YES
from trainer.grading.normalise import BREAK, normalise


class YesNo(Enum):
    """Which way a yes-or-no answer goes."""

    YES = "yes"
    NO = "no"


_FIRST_WORDS = re.compile(r"[a-z]+")


def key_yes_no(key: ItemKey) -> YesNo | None:
    """The key's answer, when every right phrasing of a light key begins with it."""
    if key.groups or not key.right:
        return None
    found = {_leading(phrasing.text) for phrasing in key.right}
    return found.pop() if len(found) == 1 else None


def _leading(text: str) -> YesNo | None:
    words = _FIRST_WORDS.findall(text[:20].casefold())
    return _word(words[0]) if words else None


def answer_yes_no(text: str) -> YesNo | None:
    """The first yes or no in an answer's first clause ("usually yes, oral ones count")."""
    for token in normalise(text).tokens:
        if token == BREAK:
            return None
        found = _word(token)
        if found is not None:
            return found
    return None


def _word(word: str) -> YesNo | None:
    if word in YES:
        return YesNo.YES
    return YesNo.NO if word in NO else None


def agrees(key: ItemKey, text: str) -> bool | None:
    """Whether the answer gives the key's yes or no; None where the key is no such answer
    or the answer gives neither."""
    given = answer_yes_no(text)  # most answers give neither: the key is not read for them
    if given is None:
        return None
    wanted = key_yes_no(key)
    return None if wanted is None else given is wanted
