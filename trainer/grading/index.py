"""The index: a pack, read once, as everything grading needs about each of its items.

`PackIndex(pack)` reads every phrasing, known wrong answer and concept term; gives each word
an id with its typo bound; weighs words by how few items use them (IDF), so "Kursk" tells
items apart and "Russia" does not; and keeps, per word, the items that use it, so an answer
is compared with the few items it could be about instead of the whole pack. Building it is
linear in the size of the pack: no step walks every item for every item.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from trainer.grading.keys import (
    Admits,
    Asked,
    Example,
    ItemKey,
    KeyFigures,
    KnownWrong,
    Phrasing,
    key_figures,
)
from trainer.grading.lexicon import ENGLISH
from trainer.grading.matching import Matcher, WordTable
from trainer.grading.names import common_names, pack_names
from trainer.grading.normalise import BREAK
from trainer.grading.places import admitted_places
from trainer.grading.reading import Reading, read
from trainer.grading.terms import Group, Term, WordTerm, find_term, word_term_parity
from trainer.grading.tuning import DEFAULT, Tuning
from trainer.grading.vocabulary import NO_REWRITES, Rewrites
from trainer.packs.model import Item, Kind, MarkedAnswer, Pack


@dataclass(slots=True)
class _Draft:
    """An item's readings before the pack's word weights are known."""

    item: Item
    right: list[tuple[str, Reading]]
    wrong: list[tuple[int, str, Reading]]
    groups: list[tuple[str, list[Term]]]
    word_terms: list[tuple[int, str]]
    known: tuple[KnownWrong, ...] = ()
    examples: list[tuple[MarkedAnswer, Reading]] = field(default_factory=list)


class PackIndex:
    """The pack as the grader reads it. Build once per pack; then only read."""

    def __init__(self, pack: Pack, tuning: Tuning = DEFAULT) -> None:
        self._building: dict[str, Reading] | None = {}
        """The key texts read so far, while the index is built: kept apart from `read`'s
        cache, which is for answers and would otherwise be filled with a large pack's keys
        (and their memory) that no answer ever repeats."""
        with _collection_paused(freeze=len(pack.items) >= tuning.freeze_from):
            self._build(pack, tuning)
        self._building = None

    def _build(self, pack: Pack, tuning: Tuning) -> None:
        self.pack = pack
        self.tuning = tuning
        self.rewrites = Rewrites(pack.vocabulary) if pack.vocabulary else NO_REWRITES
        self.items: tuple[Item, ...] = tuple(pack.items)
        self.positions = {item.id: i for i, item in enumerate(self.items)}
        self.common = common_names(pack, tuning)
        self.places = pack_names(pack)
        self.person_names = frozenset(
            key
            for item in self.items
            if item.kind is Kind.PERSON
            for key in self.content(item.name)
        )
        self.words = WordTable(self.person_names, tuning)
        self._marked: dict[str, list[MarkedAnswer]] = {}
        for mark in pack.marked:
            self._marked.setdefault(mark.item_id, []).append(mark)
        self.unread: list[tuple[str, str]] = []
        """(item id, group label) of each concept group with no word to match: ignored."""
        drafts = [self._draft(item) for item in self.items]
        self.weights, self.answer_weights = self._weigh(drafts)
        self.phrasings: list[Phrasing] = []
        self.keys: tuple[ItemKey, ...] = tuple(
            self._key(i, draft) for i, draft in enumerate(drafts)
        )
        self.postings = self._postings()
        self._by_ref = _groups(self.items, lambda item: item.ref)
        self._by_speaker = _groups(self.items, lambda item: item.speaker)
        self.matcher = Matcher(self.words, tuning)
        self._admits: dict[int, Admits] = {}
        self.asked: dict[int, Asked] = {}  # scoring.asked_words
        """Item -> the figures and people it admits, filled as items are first graded."""
        self.person_vids = frozenset(
            wid for word, wid in self.words.ids.items() if word in self.person_names
        )
        """The ids of the words that are people's names."""
        self.antonym_slots: dict[int, tuple[tuple[int, frozenset[str]], ...]] = {}  # slots_of
        self.wrong_cover: dict[tuple[int, int], int] = {}
        """(item, known wrong answer) -> how many concept groups that answer covers: a memo
        filled as grading needs it, since most known wrong answers are never met."""

    def read(self, text: str) -> Reading:
        """`text` read with the pack's spellings, as every answer and key text is."""
        building = self._building
        if building is None:
            return read(text, self.rewrites)
        reading = building.get(text)
        if reading is None:
            reading = building[text] = read.__wrapped__(text, self.rewrites)
        return reading

    def content(self, text: str) -> tuple[str, ...]:
        return self.read(text).content

    # -- relations ------------------------------------------------------------------------

    def linked(self, index: int, other: int) -> bool:
        """Whether `other` legitimately shares this item's content: what it supports, what
        supports it, a reply's whole argument, another speaker's quote on the same claim."""
        item, them = self.items[index], self.items[other]
        if index == other:
            return False
        if (item.ref and them.id == item.ref) or them.ref == item.id:
            return True
        if item.kind is Kind.REPLY and them.kind not in (Kind.REPLY, Kind.OTHER_SIDE):
            return True
        return (
            item.kind is Kind.QUOTE
            and them.kind is Kind.QUOTE
            and bool(item.ref)
            and them.ref == item.ref
            and them.speaker != item.speaker
        )

    def siblings(self, index: int) -> tuple[int, ...]:
        """Items an answer is easily confused with: same kind and same `ref`, or same speaker."""
        item = self.items[index]
        found: set[int] = set()
        if item.ref:
            found.update(self._by_ref.get((item.kind, item.ref), ()))
        if item.speaker:
            found.update(self._by_speaker.get((item.kind, item.speaker), ()))
        found.discard(index)
        return tuple(sorted(found))

    # -- building -------------------------------------------------------------------------

    def _draft(self, item: Item) -> _Draft:
        answer = item.answer
        texts = list(answer.phrasings)
        if item.kind is Kind.PERSON and item.name:
            texts.extend((item.name, item.name.split()[-1]))
        known = tuple(KnownWrong(w.answer, w.feedback) for w in answer.wrong)
        draft = _Draft(item, [], [], [], [], known)
        # The class's marked answers are examples, read like phrasings but apart from them:
        # they add words to match, never weight to the key's own words.
        draft.examples = [
            (mark, self._register(mark.answer)) for mark in self._marked.get(item.id, ())
        ]
        seen: set[str] = set()
        for text in texts:
            folded = text.casefold()
            if text.strip() and folded not in seen:
                seen.add(folded)
                draft.right.append((text, self._register(text)))
        draft.wrong = [
            (n, wrong.answer, self._register(wrong.answer))
            for n, wrong in enumerate(known)
            if wrong.answer.strip()
        ]
        for group in answer.concepts.groups:
            terms: list[Term] = []
            for term in group.terms:
                reading = self.read(term)
                words = [token for token in reading.tokens if token != BREAK]
                dropped = [w for w in words if w in ENGLISH.stopwords - ENGLISH.articles]
                if not reading.keys or dropped:
                    # "too risky" is not "risky", "more than" is not "more": words that
                    # ordinary matching ignores carry the meaning, so match them exactly.
                    if words:
                        draft.word_terms.append((len(draft.groups), " ".join(words)))
                    continue
                elements = tuple(
                    None if neg else self._add(k, written)
                    for k, neg, written in zip(
                        reading.keys, reading.negs, reading.surfaces, strict=True
                    )
                )
                anchor = next((v for v in elements if v is not None), None)
                terms.append(Term(elements, sum(reading.negs), anchor))
            if terms or (draft.word_terms and draft.word_terms[-1][0] == len(draft.groups)):
                # A group of everyday words only ("the Speaker of the House") is a group all
                # the same: its word terms name it, and it counts towards `need`.
                draft.groups.append((group.terms[0], terms))
            else:
                self.unread.append((item.id, group.terms[0]))
        return draft

    def _register(self, text: str) -> Reading:
        reading = self.read(text)
        for key, neg, written in zip(reading.keys, reading.negs, reading.surfaces, strict=True):
            if not neg:
                self._add(key, written)
        return reading

    def _add(self, key: str, written: str) -> int:
        wid = self.words.add(key)
        self.words.add_written(written, wid)
        return wid

    def _weigh(self, drafts: list[_Draft]) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """IDF weights, 1 + log(items / items using the word), from right phrasings and terms;
        and the same for an answer's words, where a word only a known wrong answer or a
        marked answer uses weighs as an unknown one: a class's marks add words to match,
        and do not make an answer that uses them worse."""
        count = max(1, len(drafts))
        df: dict[int, int] = defaultdict(int)
        ids = self.words.ids
        for draft in drafts:
            vids = {
                ids[k] for _, r in draft.right for k, n in zip(r.keys, r.negs, strict=True) if not n
            }
            for _, terms in draft.groups:
                vids.update(v for term in terms for v in term.elements if v is not None)
            for vid in vids:
                df[vid] += 1
        weights = tuple(1.0 + math.log(count / max(1, df.get(v, 1))) for v in range(len(ids)))
        unknown = self.tuning.unknown_weight
        return weights, tuple(w if v in df else unknown for v, w in enumerate(weights))

    def _phrasing(self, item: int, text: str, reading: Reading, wrong: int | None) -> Phrasing:
        ids = self.words.ids
        seen: dict[int, tuple[int, int]] = {}
        key_vids: list[int | None] = []
        for key, neg, pol, clause in zip(
            reading.keys, reading.negs, reading.pols, reading.clause, strict=True
        ):
            vid = None if neg else ids[key]
            key_vids.append(vid)
            if vid is not None:
                seen.setdefault(vid, (pol, clause))
        vids = tuple(seen)
        weights = tuple(self.weights[v] for v in vids)
        phrasing = Phrasing(
            index=len(self.phrasings),
            item=item,
            text=text,
            reading=reading,
            vids=vids,
            vidset=frozenset(vids),
            key_vids=tuple(key_vids),
            pols=tuple(p for p, _ in seen.values()),
            clauses=tuple(c for _, c in seen.values()),
            heads=frozenset(ids[reading.keys[j]] for j in reading.heads),
            weights=weights,
            total=sum(weights) or 1.0,
            wrong=wrong,
        )
        self.phrasings.append(phrasing)
        return phrasing

    def _key(self, index: int, draft: _Draft) -> ItemKey:
        item = draft.item
        right = tuple(self._phrasing(index, t, r, None) for t, r in draft.right)
        wrong = tuple(self._phrasing(index, t, r, n) for n, t, r in draft.wrong)
        examples = tuple(
            Example(mark, replace(self._phrasing(index, mark.answer, reading, None), example=True))
            for mark, reading in draft.examples
        )
        groups = tuple(
            Group(label, tuple(terms), _expected_polarity(terms, right))
            for label, terms in draft.groups
        )
        need = item.answer.concepts.need
        word_terms = tuple(
            WordTerm(g, text, _agreed(word_term_parity(p.reading.tokens, text) for p in right))
            for g, text in draft.word_terms
        )
        return ItemKey(
            item=item,
            index=index,
            thresholds=self.pack.thresholds_for(item),
            right=right,
            wrong=wrong,
            groups=groups,
            need=len(groups) if need <= 0 or need > len(groups) else need,
            word_terms=word_terms,
            known=draft.known,
            examples=examples,
            right_vids=frozenset().union(*(p.vidset for p in right)),
        )

    def admits(self, index: int) -> Admits:
        """The figures and people item `index` admits, worked out on first need."""
        found = self._admits.get(index)
        if found is None:
            key = self.keys[index]
            found = Admits(
                self._figures(key.item, key.right),
                self._names(key.item, key.right),
                *admitted_places(key.item, key.right, self.tuning.key_place_share),
            )
            self._admits[index] = found
        return found

    def _names(self, item: Item, right: tuple[Phrasing, ...]) -> frozenset[str]:
        names: set[str] = set()
        texts = [t for g in item.answer.concepts.groups for t in g.terms]
        for reading in (
            *(p.reading for p in right),
            *(self.read(t) for t in (*texts, item.text, item.words, item.name)),
        ):
            names |= set(reading.content) & self.person_names
        speaker = self.pack.get(item.speaker) if item.speaker else None
        if speaker is not None:
            names |= set(self.content(speaker.name))
        return frozenset(names)

    def _figures(self, item: Item, right: tuple[Phrasing, ...]) -> KeyFigures:
        texts = [t for g in item.answer.concepts.groups for t in g.terms]
        return key_figures(
            tuple(p.reading for p in right),
            self.read(item.text),
            tuple(self.read(t) for t in (*texts, item.words, item.name)),
            self.tuning.key_number_share,
        )

    def _postings(self) -> tuple[tuple[int, ...], ...]:
        """For each word id, the items whose right phrasings or concept terms use it."""
        per_vid: dict[int, set[int]] = defaultdict(set)
        for phrasing in self.phrasings:
            if phrasing.wrong is None:
                for vid in phrasing.vids:
                    per_vid[vid].add(phrasing.item)
        for key in self.keys:
            for group in key.groups:
                for term in group.terms:
                    for element in term.elements:
                        if element is not None:
                            per_vid[element].add(key.index)
        return tuple(tuple(sorted(per_vid.get(v, ()))) for v in range(len(self.words)))


@contextmanager
def _collection_paused(*, freeze: bool) -> Iterator[None]:
    """Keep Python's cycle collector off the index. Building it allocates hundreds of
    thousands of small tuples and sets, none of them in a cycle, and every full collection
    walked all of them again: indexing a 10,000-item pack took twice as long, and grading
    against it half as fast, as the same work with no collector. So the collector pauses
    while the index is built; and a large index is then frozen (`gc.freeze`), out of the
    collector's view, still freed by reference counting when the grader goes. Freezing
    moves every object of the process out of view, so a cycle that was alive then and dies
    later is never collected: for a small pack, where the collector costs little, the
    index is not frozen."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _groups(
    items: Iterable[Item], field_of: Callable[[Item], str]
) -> dict[tuple[Kind, str], tuple[int, ...]]:
    """Items by kind and one field (`ref`, `speaker`), for finding siblings in linear time."""
    found: dict[tuple[Kind, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        value = field_of(item)
        if value:
            found[(item.kind, value)].append(i)
    return {k: tuple(v) for k, v in found.items()}


def _expected_polarity(terms: list[Term], right: tuple[Phrasing, ...]) -> int | None:
    """The negation parity the key uses an idea with, when all its phrasings agree."""
    seen: set[int] = set()
    for phrasing in right:
        exact = [frozenset() if v is None else frozenset({v}) for v in phrasing.key_vids]
        for term in terms:
            pol = find_term(term, phrasing.reading, exact)
            if pol is not None:
                seen.add(pol)
    return seen.pop() if len(seen) == 1 else None


def _agreed(parities: Iterable[int | None]) -> int | None:
    """The one parity all the phrasings that use a word term agree on, else None."""
    seen = set(parities) - {None}
    return seen.pop() if len(seen) == 1 else None
