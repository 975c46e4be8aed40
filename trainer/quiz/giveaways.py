"""No question gives an answer away: not its own, and not another's in the same quiz.

A text *gives away* an item's answer when it holds one of the answer's phrasings whole, or a
term of every one of its concept groups, one of them a term few other answers use
(`DISTINCTIVE`): what a student could copy into the box and have accepted. Two rules
follow from it, both applied by the engine:

- a prompt is trimmed of the key words of the answer it asks for (`trim_own_answer`): the
  evidence prompt "...where it massed tens of thousands..." asked for "tens of thousands";
- the questions of a quiz are ordered so that no prompt or hint of a question comes before
  a question whose answer it gives away (`ask_before_giving_away`): the premises' hint
  "It begins: Putin says ..." comes after "Who said '...NATO satellites'?".

Two questions can give each other away: "What did Dana Lee argue?" names the answer to
"Who said '<her words>'?", whose prompt quotes the answer to the first. Such a circle is
broken by `CYCLE_ORDER` (what a person argued before who said it), and `giveaways` with
`circles_of` still report what is left, so a test can say exactly which giveaways a quiz
keeps: only those inside such a circle.

Matching is by words, folded as the grader folds them in the ways that matter here (case,
accents, possessives, digit groups, a plural "s"), with an index from each term's first word,
so a pack of thousands of questions is checked in time linear in its text.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from trainer.packs.model import Item, Pack
from trainer.quiz.hints import hint_steps

if TYPE_CHECKING:
    from trainer.quiz.questions import Question, QuestionKind

ELLIPSIS = "\u2026"

DISTINCTIVE = 2
"""A concept term in the keys of at most this many items tells an answer apart: a text that
covers every concept of an answer gives it away only with one such term. The subject's own
words ("Kursk", "North Korea"), in the keys of half the pack, do not."""

_WORD = re.compile(r"\d{1,3}(?:,\d{3})+|\w+(?:[\u2019']\w+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"[\u2019']s$")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """One word as it is compared: folded case and accents, no possessive or digit commas,
    no plural "s" (so "North Koreans" holds "north korean")."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(c for c in word if not unicodedata.combining(c))
    word = _POSSESSIVE.sub("", word).replace(",", "").replace("\u2019", "'")
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def _words(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) of each word of `text`."""
    return [(_fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _key(text: str) -> tuple[str, ...]:
    return tuple(word for word, _, _ in _words(text))


@dataclass(frozen=True, slots=True)
class _Term:
    """One way an answer can be given: a whole phrasing, or a term of one concept group."""

    item_id: str
    words: tuple[str, ...]
    group: int
    """The concept group's index; -1 for a whole phrasing."""


class AnswerIndex:
    """Every answer's phrasings and concept terms, by first word: which answers a text gives
    away, and where in it."""

    def __init__(self, items: Iterable[Item]) -> None:
        self._by_first: dict[str, list[_Term]] = {}
        self._need: dict[str, int] = {}
        users: dict[tuple[str, ...], set[str]] = {}
        for item in items:
            answer = item.answer
            groups = answer.concepts.groups
            self._need[item.id] = len(groups)
            terms = [_Term(item.id, _key(p), -1) for p in answer.phrasings]
            terms += [
                _Term(item.id, _key(t), n) for n, group in enumerate(groups) for t in group.terms
            ]
            for term in terms:
                if term.words:
                    self._by_first.setdefault(term.words[0], []).append(term)
                    if term.group >= 0:
                        users.setdefault(term.words, set()).add(item.id)
        self._distinctive = {words for words, used in users.items() if len(used) <= DISTINCTIVE}

    def _found(self, text: str) -> Iterator[tuple[_Term, int, int]]:
        """Each term found in `text`, with the span of text it covers."""
        words = _words(text)
        folded = [word for word, _, _ in words]
        for place, word in enumerate(folded):
            for term in self._by_first.get(word, ()):
                end = place + len(term.words)
                if tuple(folded[place:end]) == term.words:
                    yield term, words[place][1], words[end - 1][2]

    def given_away(self, text: str, among: Iterable[str] | None = None) -> set[str]:
        """The items (of `among`, or any) whose answer `text` gives away."""
        wanted = None if among is None else set(among)
        groups: dict[str, set[int]] = {}
        telling: set[str] = set()
        whole: set[str] = set()
        for term, _, _ in self._found(text):
            if wanted is not None and term.item_id not in wanted:
                continue
            if term.group < 0:
                whole.add(term.item_id)
            else:
                groups.setdefault(term.item_id, set()).add(term.group)
                if term.words in self._distinctive:
                    telling.add(term.item_id)
        covered = {i for i, found in groups.items() if len(found) >= self._need[i] > 0}
        return whole | (covered & telling)

    def trim(self, text: str, item_ids: Iterable[str]) -> str:
        """`text` with as few words cut to an ellipsis as stop it giving away these items'
        answers: a whole phrasing, or one telling term at a time."""
        wanted = set(item_ids)
        for _ in range(_MOST_CUTS):
            given = self.given_away(text, wanted)
            if not given:
                break
            spans = [
                (start, end)
                for term, start, end in self._found(text)
                if term.item_id in given and (term.group < 0 or term.words in self._distinctive)
            ]
            start, end = spans[0]
            text = text[:start] + ELLIPSIS + text[end:]
        return text


_MOST_CUTS = 8
"""A bound on the cuts to one prompt (each cut removes a term the index found)."""


_INDEXES: dict[int, tuple[Pack, AnswerIndex]] = {}
"""The index of the last few packs, by identity (the pack is kept, so its id stays its own):
each kind of question and each plan reads the same one."""


def answer_index(pack: Pack) -> AnswerIndex:
    """Every answer of `pack`, indexed once per pack."""
    kept = _INDEXES.get(id(pack))
    if kept is not None and kept[0] is pack:
        return kept[1]
    index = AnswerIndex(pack)
    if len(_INDEXES) >= 4:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(pack)] = (pack, index)
    return index


def trim_own_answer(pack: Pack, questions: Iterable[Question]) -> Iterator[Question]:
    """Each question with its prompt trimmed of the key words of the answers it asks for."""
    for question in questions:
        prompt = answer_index(pack).trim(question.prompt, question.targets)
        yield question if prompt == question.prompt else replace(question, prompt=prompt)


def question_texts(pack: Pack, question: Question) -> tuple[str, ...]:
    """What a student may read while a question is open: its prompt and every hint of every
    target (each "one key idea" a hint could name)."""
    texts = [question.prompt]
    for target in question.targets:
        item = pack.item(target)
        texts += hint_steps(item)
        texts += (f"One key idea: {g.terms[0]}." for g in item.answer.concepts.groups if g.terms)
    return tuple(dict.fromkeys(texts))


@dataclass(frozen=True, slots=True)
class Giveaway:
    """A question (`by`) whose prompt or hint gives away an answer (`item`) of a question
    asked after it (`of`)."""

    by: str
    of: str
    item: str
    text: str


def _must_precede(pack: Pack, questions: Sequence[Question]) -> tuple[AnswerIndex, list[set[int]]]:
    """For each question, the places of the questions whose answers it gives away."""
    owner: dict[str, set[int]] = {}
    for place, question in enumerate(questions):
        for target in question.targets:
            owner.setdefault(target, set()).add(place)
    index = answer_index(pack)
    before: list[set[int]] = [set() for _ in questions]
    for place, question in enumerate(questions):
        for text in question_texts(pack, question):
            for item_id in index.given_away(text, owner):
                before[place] |= owner[item_id] - {place}
    return index, before


def ask_before_giving_away(questions: list[Question], pack: Pack) -> None:
    """Reorder `questions` in place so that each comes after every question whose answer it
    would give away, keeping the given order wherever that allows (each time, the earliest
    question that may be asked).

    Questions that give each other away, directly or around a longer circle (a strongly
    connected component), cannot all be satisfied: inside each circle only the giveaways
    that agree with `CYCLE_ORDER` are kept as rules, then the given order decides.
    """
    if len(questions) < 2:
        return
    _, waits_for = _must_precede(pack, questions)
    for circle in _circles(waits_for):
        if len(circle) < 2:
            continue
        rank = {
            p: n
            for n, p in enumerate(sorted(circle, key=lambda p: (_cycle_rank(questions[p].kind), p)))
        }
        for place in circle:
            waits_for[place] -= {o for o in waits_for[place] if rank.get(o, -1) > rank[place]}
    order = _earliest_first(
        waits_for, range(len(questions)), lambda p: _cycle_rank(questions[p].kind)
    )
    questions[:] = [questions[place] for place in order]


def _earliest_first(
    waits_for: Sequence[set[int]], place: Sequence[int], rank: Callable[[int], int]
) -> list[int]:
    """Nodes in an order that puts each after those it waits for, taking the earliest
    `place` it may; in a circle, the blocked node of least `rank`, then fewest waits."""
    waiting = [len(w) for w in waits_for]
    released: list[list[int]] = [[] for _ in waits_for]
    for node, blocking in enumerate(waits_for):
        for other in blocking:
            released[other].append(node)
    ready = [(place[n], n) for n, count in enumerate(waiting) if count == 0]
    heapq.heapify(ready)
    left = set(range(len(waits_for)))
    order: list[int] = []
    while left:
        if ready:
            node = heapq.heappop(ready)[1]
        else:  # a circle: break it
            node = min(left, key=lambda n: (rank(n), waiting[n], place[n]))
        if node not in left:
            continue
        left.discard(node)
        order.append(node)
        for later in released[node]:
            waiting[later] -= 1
            if waiting[later] == 0 and later in left:
                heapq.heappush(ready, (place[later], later))
    return order


def _circles(waits_for: Sequence[set[int]]) -> list[list[int]]:
    """The strongly connected components of the "waits for" graph (Tarjan's algorithm, run
    with a stack of its own so a pack of thousands of questions cannot overflow Python's)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    found: list[list[int]] = []
    for root in range(len(waits_for)):
        if root in index:
            continue
        work: list[tuple[int, Iterator[int]]] = [(root, iter(sorted(waits_for[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(waits_for[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members: list[int] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                found.append(members)
    return found


def circles_of(pack: Pack, questions: Sequence[Question]) -> list[set[str]]:
    """The groups of questions (by id) that give each other away around a circle: no order
    of them avoids every giveaway, so `giveaways` inside one is the price of asking them all."""
    _, waits_for = _must_precede(pack, questions)
    return [{questions[p].id for p in g} for g in _circles(waits_for) if len(g) > 1]


def giveaways(pack: Pack, questions: Sequence[Question]) -> list[Giveaway]:
    """Every prompt or hint that gives away an answer of a question asked after it."""
    index, _ = _must_precede(pack, questions)
    found: list[Giveaway] = []
    later: dict[str, Question] = {}  # each target, by the next question that asks for it
    for question in reversed(questions):
        for text in question_texts(pack, question):
            for item_id in sorted(index.given_away(text, later)):
                if item_id not in question.targets:
                    found.append(Giveaway(question.id, later[item_id].id, item_id, text))
        later.update(dict.fromkeys(question.targets, question))
    return found[::-1]


def _cycle_rank(kind: QuestionKind) -> int:
    return _CYCLE_RANK.get(kind.value, len(CYCLE_ORDER))


CYCLE_ORDER = (
    "thesis",
    "premises",
    "counterarguments",
    "rebuttal",
    "evidence",
    "what_argued",
    "who_said",
    "argue_against",
    "author_reply",
    "conclusion",
)
"""How a circle of questions that give each other away is broken: the kinds in the order
the argument is read (its claims, their support, who said what, then the other side), so
"What did Peskov argue?" comes before "Who said '<his words>'?" and the other side's case
before the author's reply to it. A kind not listed comes last."""

_CYCLE_RANK = {kind: rank for rank, kind in enumerate(CYCLE_ORDER)}
