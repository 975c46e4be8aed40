"""Places: the countries, cities, states, continents and organisations a text names.

The names stage knows the people of a pack; a student also names places and parties the pack
never mentions ("to deter China", "hubs in Hungary and Slovakia"). A place of the same kind
as one the item's key admits, that the item does not admit, is a wrong place, as a wrong
person is a wrong name. Names that are also English words count only when capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from trainer.grading.lexicon.organisations import IRREGULAR_DEMONYMS
from trainer.grading.lexicon.places import DEMONYM_ENDINGS, Gazetteer, PlaceKind, gazetteer
from trainer.grading.normalise import fold
from trainer.packs.model import Item


class HasText(Protocol):
    """Anything with the text of a phrasing."""

    @property
    def text(self) -> str: ...


_WORD = re.compile(r"[^\W\d_]+(?:[.'\u2019][^\W\d_]+)*", re.UNICODE)
"""A word, apostrophes and the dots of "U.S." inside it."""

PLACES_CACHE = 4096
"""Texts whose places are remembered: a pack's texts, and answers graded again."""


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """One name a text gives, folded ("north korea"), with its kind."""

    name: str
    kind: PlaceKind


def _fold(word: str) -> str:
    plain = fold(word)
    for ending in ("'s", "\u2019s"):
        plain = plain.removesuffix(ending)
    return plain.replace(".", "").replace("'", " ").replace("\u2019", " ").strip()


@lru_cache(maxsize=PLACES_CACHE)
def places_in(text: str) -> frozenset[Place]:
    """The places `text` names, longest name first at each word ("North Korea", not
    "Korea"); linear in the text: a word that begins no name costs one lookup, and one
    more for an adjective of place ("Hungarian")."""
    table = gazetteer()
    lower_case = not any(c.isupper() for c in text)
    words = [m.group(0) for m in _WORD.finditer(text)]
    folded = [_fold(word) for word in words]
    found: set[Place] = set()
    at = 0
    while at < len(words):
        size = _name_at(folded, at, table)
        if not size and _bare_possessive(folded[at], table):
            folded[at] = folded[at][:-1]  # "chinas red lines": the apostrophe left out
            size = 1
        if size:
            name = " ".join(folded[at : at + size])
            kind = table.kinds.get(name)
            if kind is None:  # "North Korean": the adjective of a place of two words
                name = name[:-1]
                kind = table.kinds[name]
            if (
                name not in table.needs_capital
                or words[at][:1].isupper()
                or (lower_case and name in table.lower_case_ok)
            ):
                found.add(Place(table.canonical.get(name, name), kind))
                at += size
                continue
        elif folded[at].endswith(DEMONYM_ENDINGS) or folded[at] in IRREGULAR_DEMONYMS:
            country = table.demonym_place(folded[at])
            if country is not None:
                found.add(Place(table.canonical.get(country, country), PlaceKind.COUNTRY))
        at += 1
    return frozenset(found)


PLURAL_PLACES = frozenset({"americas"})
"""Words that are a place's name and an "s" but name places of their own ("the Americas")."""


def _bare_possessive(word: str, table: Gazetteer) -> bool:
    """A place's name with an "s" and no apostrophe ("chinas", "irans"), which students
    write for "China's": the word itself names no place, the word without it does."""
    return (
        len(word) > 3
        and word.endswith("s")
        and word not in table.kinds
        and word not in PLURAL_PLACES
        and word[:-1] in table.kinds
    )


def _name_at(folded: list[str], at: int, table: Gazetteer) -> int:
    """How many words the longest name starting at `at` has; 0 for none."""
    most = table.starts.get(folded[at], 0)
    for size in range(min(most, len(folded) - at), 0, -1):
        name = " ".join(folded[at : at + size])
        if name in table.kinds or (size > 1 and name.endswith("n") and name[:-1] in table.kinds):
            return size
    return 0


def stray_places(
    answer: frozenset[Place],
    admitted: frozenset[Place],
    common: frozenset[str],
    key_places: frozenset[Place] = frozenset(),
) -> tuple[Place, ...]:
    """The answer's places of a kind the item admits that the item does not admit. A capital
    and its country stand for each other ("Pyongyang" is admitted where "North Korea" is).

    A place the whole pack runs on (`common`: "Russia" in a pack on the war) is named in
    passing in many right answers, so it is wrong only where it takes the place of one the
    key itself names (`key_places`), of its kind, that the answer leaves out: "Russia should
    push for talks" where the key says the US; not "the US should, not Russia", nor "any
    deal with Russia" for a key that names no country.
    """
    kinds = {place.kind for place in admitted}
    names = _with_capitals({place.name for place in admitted})
    keyed = {place.kind for place in key_places}
    named = {place.kind for place in answer if place.name in names}
    return tuple(
        sorted(
            place
            for place in answer
            if place.kind in kinds
            and place.name not in names
            and not (
                set(place.name.split()) <= common
                and (place.kind not in keyed or place.kind in named)
            )
        )
    )


def admitted_places(
    item: Item, right: Sequence[HasText], share: float
) -> tuple[frozenset[Place], frozenset[Place]]:
    """The places an item admits (`item_places`), and those its answer turns on
    (`key_places`), from its right phrasings."""
    texts = tuple(phrasing.text for phrasing in right)
    return item_places(item, texts), key_places(texts, share)


def key_places(phrasings: tuple[str, ...], share: float) -> frozenset[Place]:
    """The places an item's answer turns on: those at least `share` of its right phrasings
    name, a capital counting for its country and a country for its capital."""
    if not phrasings:
        return frozenset()
    named = [places_in(text) for text in phrasings]
    every = frozenset().union(*named)
    counts: dict[Place, int] = {}
    for places in named:
        names = _with_capitals({place.name for place in places})
        for place in every:
            if place.name in names:
                counts[place] = counts.get(place, 0) + 1
    return frozenset(place for place, count in counts.items() if count >= share * len(named))


def _with_capitals(names: set[str]) -> set[str]:
    """The names, and the capital of each country and country of each capital among them."""
    capital_of = gazetteer().capital_of
    return names | {capital_of[name] for name in names if name in capital_of}


def item_places(item: Item, phrasings: tuple[str, ...]) -> frozenset[Place]:
    """The places an item admits: those of its right phrasings, concept terms, own text,
    quoted words, name and passage (a student may name what the passage names)."""
    texts = (
        *phrasings,
        *(term for group in item.answer.concepts.groups for term in group.terms),
        item.text,
        item.words,
        item.name,
        item.passage,
    )
    return frozenset(place for text in texts for place in places_in(text))
