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
from trainer.grading.lexicon.change import OPPOSED
from trainer.grading.lexicon.wordnet import wordnet
from trainer.grading.matching import lemmas
from trainer.grading.normalise import is_figure, stem


@cache
def _antonym_stems(written: str) -> frozenset[str]:
    """The stems of the antonyms of a word as written, both ways round in the table."""
    table = wordnet().antonyms
    found: set[str] = set()
    for form in lemmas(written):
        # WordNet's pairs by their base forms only: inflected, "live" met "lives" (the
        # noun: "costs more lives" read as the antonym of "more dead").
        found.update(stem(other) for other in table.get(form, ()))
        for pair in OPPOSED:
            for one, many in (pair, pair[::-1]):
                if form in one:
                    for verb in many:
                        found.update(_inflected_stems(verb))
    return frozenset(found)


@cache
def _change_stems() -> frozenset[str]:
    verbs = {verb for pair in OPPOSED for side in pair for verb in side}
    return frozenset(stem_ for verb in verbs for stem_ in _inflected_stems(verb))


def is_change(key: str) -> bool:
    """Whether a key word (a stem) is a verb of change (`lexicon/change.py`): a turned verb
    of change is plain enough to outweigh a phrasing that does not say it; WordNet's other
    pairs ("dead" / "live", which met "lives") are not."""
    return key in _change_stems()


def _inflected_stems(base: str) -> set[str]:
    """The stems an answer's inflections of a verb of change read as: the list gives
    "lose", an answer says "loses" (stem "los") or "losing"."""
    root = base[:-1] if base.endswith("e") else base
    return {stem(form) for form in (base, f"{base}s", f"{base}d", f"{root}ed", f"{root}ing")}


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


def aligned_antonym(answer: Answer, phrasing: Phrasing, slots: Slots, reach: int) -> str | None:
    """The phrasing's word (its stem) whose antonym the answer puts in its place, with the
    same polarity (so it says the opposite), never using that word; None if there is none."""
    if not slots:
        return None
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
                return theirs.keys[j]
    return None


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
    figures: set[str] = set()  # a figure has no word id, but anchors a slot all the same
    theirs = phrasing.reading.keys
    for k in range(max(0, j - reach), min(len(phrasing.key_vids), j + reach + 1)):
        vid = phrasing.key_vids[k]
        if k != j and vid is not None:
            near.add(vid)
        elif k != j and is_figure(theirs[k]):
            figures.add(theirs[k])
    positions, mine = answer.positions, answer.reading.keys
    return any(
        not positions[k].isdisjoint(near) or mine[k] in figures
        for k in range(max(0, i - reach), min(len(positions), i + reach + 1))
        if k != i
    )
