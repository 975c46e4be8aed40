"""Scoring and coverage: how much of an item's key an answer says.

Two measures, each computed only for the items a verdict asks about:
- word overlap: an IDF-weighted F score of the answer's words against each phrasing's;
- coverage: which of the item's concept groups the answer names, and whether the right way
  round (`Coverage`), so "isn't at war" does not cover "at war".
An item's score is the better of the two, with an answer that covers every needed idea in
other words scored at the default pass mark (`Tuning.concept_base`).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from trainer.grading.analysis import Answer
from trainer.grading.index import PackIndex
from trainer.grading.keys import Asked, ItemKey, Phrasing
from trainer.grading.terms import find_term, word_term_parity


class Coverage(Enum):
    """How an answer names one key idea, when it names it at all."""

    CONTRADICTED = 1
    """Only the other way round from the key."""
    FOUND = 2
    """The way round the key uses it (or the key uses it both ways)."""


@dataclass(frozen=True, slots=True)
class ItemScore:
    """How well an answer fits one item."""

    lex: float = 0.0
    """The best word-overlap score against the item's right phrasings."""
    best: int | None = None
    """The phrasing that gives it."""
    covered: tuple[int, ...] = ()
    """Concept groups named the right way round."""
    contradicted: tuple[int, ...] = ()
    """Concept groups named only the other way round."""
    raw: float = 0.0
    """The item's score: overlap or concepts, whichever is higher."""
    strength: float = 0.0
    """How strongly the answer claims this item when it was asked about another: word overlap,
    or every concept group (covering just `need` of them is enough for the asked item only)."""


class Scores:
    """The scores of one answer against the pack's items, each worked out on first need.

    One per answer: a verdict touches a few items (the asked one, its likely neighbours),
    never the whole pack.
    """

    __slots__ = ("_cover", "_items", "_lex", "_shortlist", "answer", "index")

    def __init__(self, answer: Answer, index: PackIndex) -> None:
        self.answer = answer
        self.index = index
        self._lex: dict[int, float] = {}
        self._cover: dict[int, dict[int, Coverage]] = {}
        self._items: dict[int, ItemScore] = {}
        self._shortlist: list[int] | None = None

    def lex(self, phrasing: Phrasing) -> float:
        """Word overlap with one phrasing (0 when it shares no word)."""
        value = self._lex.get(phrasing.index)
        if value is None:
            value = self._lex[phrasing.index] = overlap(self.answer, phrasing, self.index)
        return value

    def item(self, index: int) -> ItemScore:
        cached = self._items.get(index)
        if cached is None:
            cached = self._items[index] = self._score(self.index.keys[index])
        return cached

    def _score(self, key: ItemKey) -> ItemScore:
        tuning = self.index.tuning
        lex, best = 0.0, None
        used = self.answer.used
        for phrasing in key.right:
            if phrasing.vidset.isdisjoint(used):
                continue  # no word in common: the overlap is 0, not worth a call
            value = self.lex(phrasing)
            if value > lex:
                lex, best = value, phrasing.index
        groups = coverage(self.answer, key)
        covered = tuple(g for g, state in sorted(groups.items()) if state is Coverage.FOUND)
        contradicted = tuple(g for g, s in sorted(groups.items()) if s is Coverage.CONTRADICTED)
        raw = strength = lex
        if key.groups:
            if len(covered) >= key.need:
                concept = tuning.concept_base + (100 - tuning.concept_base) * lex / 100
                if len(covered) == len(key.groups):
                    strength = max(strength, concept)
            elif covered:
                concept = tuning.partial_base + tuning.partial_bonus * len(covered) / key.need
            else:
                concept = 0.0
            raw = max(raw, concept)
        return ItemScore(lex, best, covered, contradicted, raw, strength)

    def shortlist(self, index: int) -> list[int]:
        """The few items, besides the asked one, that this answer could belong to: the asked
        item's siblings, and the items sharing the most (IDF-weighted) words with it."""
        if self._shortlist is None:
            totals: dict[int, float] = defaultdict(float)
            weights, postings = self.index.weights, self.index.postings
            tuning = self.index.tuning
            for vid in self.answer.polarity:
                items = postings[vid]
                if len(items) > tuning.shortlist_postings:
                    continue
                for item in items:
                    totals[item] += weights[vid]
            top = heapq.nlargest(tuning.shortlist, totals, key=totals.__getitem__)
            # An item sharing much less than the best does with the answer cannot match it
            # clearly better than the asked item; skipping it keeps grading cheap.
            floor = tuning.shortlist_share * totals[top[0]] if top else 0.0
            self._shortlist = [i for i in top if totals[i] >= floor]
        return [i for i in (*self._shortlist, *self.index.siblings(index)) if i != index]


def overlap(answer: Answer, phrasing: Phrasing, index: PackIndex) -> float:
    """IDF-weighted F score (0-100) of the answer's words against one phrasing's words."""
    if not answer.total:
        return 0.0
    common = phrasing.vidset & answer.used
    if not common:
        return 0.0
    weights = index.weights
    recall = sum(map(weights.__getitem__, common))
    if len(common) == 1:
        (vid,) = common
        words: Iterable[int] = answer.words_of.get(vid, ())
    else:  # in the answer's order, so the sum is the same to the last bit
        words = sorted({at for vid in common for at in answer.words_of.get(vid, ())})
    weighted = answer.weighted
    precision = sum(weighted[at][1] for at in words)
    tuning = index.tuning
    light = not index.keys[phrasing.item].groups
    total, key_total = answer.total, phrasing.total
    if light:
        asked = asked_words(index, phrasing.item)
        total -= _asked_weight(answer, phrasing, asked, index)
        if _adds_to(
            answer, common, asked, index.keys[phrasing.item]
        ):  # not only an echo of the question
            key_total -= sum(
                w
                for vid, w in zip(phrasing.vids, phrasing.weights, strict=True)
                if vid in asked.ids and vid not in common
            )
    recall = min(1.0, recall / key_total) if key_total > 0 else 1.0
    precision = min(1.0, precision / total) if total > 0 else 1.0
    if not precision:
        return 0.0
    lean = light and not phrasing.example and total > phrasing.total
    b2 = (tuning.light_beta if lean else tuning.beta) ** 2
    return 100.0 * (1 + b2) * precision * recall / (b2 * precision + recall)


def asked_words(index: PackIndex, item: int) -> Asked:
    """The words of item `item`'s own text: for a question, what it asks, which an answer
    may repeat at no cost ("system" in "What economic system...?") or leave out
    ("population" for "the state's population" when the question names the state)."""
    found = index.asked.get(item)
    if found is None:
        words = frozenset(index.content(index.items[item].text))
        ids = frozenset(v for w in words if (v := index.words.ids.get(w)) is not None)
        found = index.asked[item] = Asked(words, ids)
    return found


def _adds_to(
    answer: Answer, common: frozenset[int] | set[int], asked: Asked, item_key: ItemKey
) -> bool:
    """Whether the answer matches the key with a word the question does not use, and says
    nothing but the key's and the question's words: only then may the key's words the
    question supplies go unsaid ("economics" for "What economic system...?" says nothing
    the question did not)."""
    if any(word not in asked.words for word in answer.unmatched):
        return False  # "a planned economy": a word of its own, so it is not that short answer
    keyed = item_key.right_vids
    pairs = list(zip(answer.weighted_keys, answer.weighted, strict=True))
    if any(word not in asked.words and vids.isdisjoint(keyed) for word, (vids, _) in pairs):
        return False  # a word the pack knows from elsewhere (a marked answer, another item)
    return any(word not in asked.words and not vids.isdisjoint(common) for word, (vids, _) in pairs)


def _asked_weight(answer: Answer, phrasing: Phrasing, asked: Asked, index: PackIndex) -> float:
    """The weight of the answer's words that only repeat the question ("system" in "What
    economic system...?"), which a light key does not count against the answer."""
    given = asked.words
    if not given:
        return 0.0
    weight = index.tuning.unknown_weight * sum(1 for key in answer.unmatched if key in given)
    for key, (vids, value) in zip(answer.weighted_keys, answer.weighted, strict=True):
        if key in given and vids.isdisjoint(phrasing.vidset):
            weight += value
    return weight


def coverage(answer: Answer, key: ItemKey) -> dict[int, Coverage]:
    """Which of the item's concept groups the answer names, and which way round."""
    found: dict[int, Coverage] = {}
    polarity = answer.polarity
    has_negation = any(answer.reading.negs)
    for g, group in enumerate(key.groups):
        for term in group.terms:
            if term.anchor is not None and term.anchor not in polarity:
                continue
            if term.anchor is None and not has_negation:
                continue
            pol = find_term(term, answer.reading, answer.positions)
            if pol is None:
                continue
            state = _state(group.expected, pol)
            _keep_better(found, g, state)
            if state is Coverage.FOUND:
                break
    for word_term in key.word_terms:
        if word_term.padded in answer.joined:
            parity = word_term_parity(answer.reading.tokens, word_term.text)
            _keep_better(found, word_term.group, _state(word_term.parity, parity))
    return found


def _state(expected: int | None, parity: int | None) -> Coverage:
    if expected is None or parity is None or parity == expected:
        return Coverage.FOUND
    return Coverage.CONTRADICTED


def _keep_better(found: dict[int, Coverage], group: int, state: Coverage) -> None:
    old = found.get(group)
    if old is None or old.value < state.value:
        found[group] = state


def concept_labels(key: ItemKey, score: ItemScore) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The labels of the key ideas found and of those missing."""
    covered = set(score.covered)
    found = tuple(g.label for i, g in enumerate(key.groups) if i in covered)
    missing = tuple(g.label for i, g in enumerate(key.groups) if i not in covered)
    return found, missing


def listed_short(key: ItemKey, content: Sequence[str]) -> bool:
    """Whether one of the item's right phrasings says just these words: the instructor has
    then accepted the short answer, and the one-word rule must not overrule them."""
    words = set(content)
    return any(len(p.vids) < 2 and set(p.reading.keystring.split()) == words for p in key.right)
