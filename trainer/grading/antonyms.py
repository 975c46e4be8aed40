"""Antonyms on aligned slots: "Russia is short of troops" against "Russia has plenty of
troops", "prices rise" against "prices fall". An answer word that WordNet gives as the
antonym of a key word, in the key word's place (a word the two share stands next to both),
turns the answer round as a negation would; the two together ("does not fall" for "rises")
cancel out.

General antonyms applied to every word of an answer break right answers (measured: 14
broken for 2 fixed); aligned with a key's word, they are the signal lexical entailment
systems use.
"""

from __future__ import annotations

from functools import cache

from trainer.grading.analysis import Answer
from trainer.grading.index import PackIndex
from trainer.grading.keys import Phrasing
from trainer.grading.lexicon.wordnet import wordnet
from trainer.grading.matching import lemmas
from trainer.grading.normalise import stem


@cache
def _antonym_stems(written: str) -> frozenset[str]:
    """The stems of the antonyms of a word as written, both ways round in the table."""
    table = wordnet().antonyms
    found: set[str] = set()
    for form in lemmas(written):
        found.update(stem(other) for other in table.get(form, ()))
    return frozenset(found)


Slots = tuple[tuple[int, frozenset[str]], ...]
"""A phrasing's positions that have antonyms, each with the stems of those antonyms."""


def antonym_slots(phrasing: Phrasing) -> Slots:
    """The phrasing's words that WordNet gives antonyms for, less any antonym the phrasing
    itself uses ("win or lose"); worked out once per phrasing by the index."""
    theirs = phrasing.reading
    own = set(theirs.keys)
    slots: list[tuple[int, frozenset[str]]] = []
    for j, (written, neg) in enumerate(zip(theirs.surfaces, theirs.negs, strict=True)):
        if not neg:
            opposites = _antonym_stems(written) - own
            if opposites:
                slots.append((j, opposites))
    return tuple(slots)


def slots_of(index: PackIndex, phrasing: Phrasing) -> Slots:
    """`antonym_slots`, remembered in the index: a class meets the same phrasings often."""
    slots = index.antonym_slots.get(phrasing.index)
    if slots is None:
        slots = index.antonym_slots[phrasing.index] = antonym_slots(phrasing)
    return slots


def aligned_antonym(answer: Answer, phrasing: Phrasing, slots: Slots, reach: int) -> bool:
    """Whether the answer puts an antonym of one of the phrasing's words (`slots`) in its
    place, with the same polarity (so it says the opposite), and never uses that word."""
    if not slots:
        return False
    mine, theirs = answer.reading, phrasing.reading
    own_keys = set(mine.keys)
    for j, opposites in slots:
        if theirs.keys[j] in own_keys or opposites.isdisjoint(own_keys):
            continue
        for i, (own, own_neg) in enumerate(zip(mine.keys, mine.negs, strict=True)):
            if own_neg or own not in opposites:
                continue
            if mine.pols[i] != theirs.pols[j]:
                continue  # "does not fall" for "rises": the two reversals cancel
            if _phrasal(theirs.surfaces, j) and _phrasal(mine.surfaces, i):
                continue  # "push the lines back" and "pull the lines back" say one thing
            if _anchored(answer, phrasing, i, j, reach):
                return True
    return False


PARTICLES = frozenset({"back", "up", "down", "out", "off", "away", "in"})
"""Particles that make a verb phrasal, whose sense its antonym may share ("push back",
"pull back")."""


PARTICLE_REACH = 5
"""How far after a verb its particle may come: "push Russian supply lines further back"."""


def _phrasal(written: tuple[str, ...], at: int) -> bool:
    return not PARTICLES.isdisjoint(written[at + 1 : at + 1 + PARTICLE_REACH])


def _anchored(answer: Answer, phrasing: Phrasing, i: int, j: int, reach: int) -> bool:
    """Whether a word the two share stands within `reach` of position i in the answer and
    of position j in the phrasing: the antonym fills the key word's slot."""
    near: set[int] = set()
    for k in range(max(0, j - reach), min(len(phrasing.key_vids), j + reach + 1)):
        vid = phrasing.key_vids[k]
        if k != j and vid is not None:
            near.add(vid)
    positions = answer.positions
    return any(
        not positions[k].isdisjoint(near)
        for k in range(max(0, i - reach), min(len(positions), i + reach + 1))
        if k != i
    )
