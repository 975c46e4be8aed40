"""Names in a pack's text: which run through the whole pack and so name no single claim.

"Russia" in a pack on the war names no claim; "Kursk", in fewer items, tells one claim from
another. Explanations use this to name a claim by what sets it apart ("the Kursk claim").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from trainer.grading.lexicon import ENGLISH
from trainer.grading.tuning import DEFAULT, Tuning
from trainer.packs.model import Pack

CAPITALISED = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")
"""A run of capitalised words: a candidate name."""


def starts_sentence(text: str, at: int) -> bool:
    """Whether a capital at `at` may only be there because a sentence starts."""
    return at == 0 or text[:at].rstrip().endswith((".", "!", "?"))


_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


def bare(word: str) -> str:
    """A name without its possessive: "Russia's" -> "Russia", "the allies'" -> "the allies";
    "Paris" and "Brussels" keep their last letter."""
    for ending in _POSSESSIVES:
        if word.endswith(ending):
            return word.removesuffix(ending)
    return word


def place_of(name: str, known: frozenset[str]) -> str:
    """The place an adjective of place names, where the pack names that place itself:
    "North Korean" -> "North Korea" in a pack that says "North Korea". Otherwise the name
    as it is: "European" stays "European", never "Europea"."""
    for ending in ("eans", "ean"):
        if name.endswith(ending):
            place = name.removesuffix(ending) + "ea"
            if place.split()[-1].casefold() in known:
                return place
    return name


def pack_names(pack: Pack) -> frozenset[str]:
    """Every capitalised word of the pack's texts and keys, folded, possessives removed."""
    return frozenset(
        word for item in pack for t in (item.text, item.answer.canonical) for word in name_words(t)
    )


def name_words(text: str) -> Iterable[str]:
    """Capitalised words of `text` that are not just the start of a sentence, folded."""
    for match in CAPITALISED.finditer(text):
        if starts_sentence(text, match.start()):
            continue
        for word in match.group(0).split():
            yield bare(word.casefold())


def common_names(pack: Pack, tuning: Tuning = DEFAULT) -> frozenset[str]:
    """The names that run through a pack and so say nothing about any one of its claims:
    those the pack lists as common, and those in `Tuning.common_share` of its items or more."""
    counts: dict[str, int] = defaultdict(int)
    for item in pack:
        for word in {w for t in (item.text, item.answer.canonical) for w in name_words(t)}:
            counts[word] += 1
    common = {word for word, count in counts.items() if count >= tuning.common_share * len(pack)}
    for name in pack.vocabulary.common_names:
        common.update(bare(word.casefold()) for word in name.split())
    return frozenset(common | ENGLISH.not_names)
