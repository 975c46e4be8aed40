"""The grader: marks a free-text answer against one item of a pack as a careful teacher would.

How an answer is judged (docs/grading.md has the long version):

1. Both sides are normalised (`normalise.py`) and cut into content words, stemmed; negation
   words are kept aside with the words they reach, because "do not alter" and "do alter" share
   every content word.
2. Each answer word is matched to the pack's vocabulary with bounded typo tolerance (short
   words exactly, names and figures exactly or nearly so) using rapidfuzz in one C call per
   new word; the matches are cached, so a repeated word costs a dict lookup.
3. Word overlap with every phrasing of every item is scored at once through an inverted index
   (IDF-weighted recall and precision), and the key-concept groups are checked as phrases.
   Scoring the whole pack, not just the asked item, is what lets the grader say "that's the
   Kursk point, not the North Korea one".
4. Then the checks a teacher makes: opposite meaning, wrong figure, wrong name, another item's
   point, a known wrong answer, one word or too vague.

`Grader(pack)` does all per-item work once; grading is then a few dict and set operations.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from trainer.grading.normalise import BREAK, format_number, normalise, stem
from trainer.grading.verdict import Outcome, Reason, Verdict
from trainer.grading.vocabulary import NO_REWRITES, Rewrites
from trainer.packs.model import Item, Kind, Pack, Thresholds

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "about",
        "as",
        "into",
        "onto",
        "upon",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "doing",
        "done",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "have",
        "has",
        "had",
        "having",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "they",
        "them",
        "their",
        "theirs",
        "he",
        "him",
        "his",
        "she",
        "her",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "i",
        "me",
        "my",
        "mine",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "how",
        "why",
        "than",
        "then",
        "just",
        "really",
        "very",
        "also",
        "too",
        "even",
        "only",
        "much",
        "many",
        "more",
        "most",
        "any",
        "some",
        "such",
        "like",
        "actually",
        "basically",
        "quite",
        "rather",
        "and",
        "or",
        "if",
        "else",
        "either",
        "whether",
        "said",
        "says",
        "say",
        "saying",
        "argue",
        "argues",
        "argued",
        "arguing",
        "think",
        "thinks",
        "thought",
        "author",
        "writer",
        "article",
        "claim",
        "claims",
        "claimed",
        "point",
        "suggests",
        "suggested",
        "told",
        "tells",
        "tell",
        "get",
        "gets",
        "got",
        "getting",
        "going",
        "gonna",
        "way",
        "thing",
        "things",
        "lot",
        "lots",
        "kind",
        "sort",
        "per",
        "each",
        "every",
        "all",
        "both",
        "one",
        "someone",
        "something",
        "anything",
        "everything",
        "already",
        "still",
        "ever",
        "now",
        "probably",
        "maybe",
        "perhaps",
        "simply",
        "well",
        "ok",
        "okay",
        "yes",
        "yeah",
        "hey",
        "hi",
        "hello",
        "point",
        "points",
        "basically",
        "generally",
        "overall",
    ]
)
"""Words that carry no claim of their own; matching them would reward padding."""

NEGATORS = frozenset(
    [
        "not",
        "no",
        "never",
        "neither",
        "nor",
        "none",
        "nothing",
        "nobody",
        "nowhere",
        "without",
        "unlikely",
        "unlikeli",
        "doubt",
        "doubts",
        "doubted",
        "doubting",
        "doubtful",
        "fail",
        "fails",
        "failed",
        "failing",
        "hardly",
        "barely",
        "scarcely",
        "little",
        "few",
        "lack",
        "lacks",
        "lacked",
        "lacking",
        "refrain",
        "refrains",
        "refrained",
        "avoid",
        "avoids",
        "avoided",
        "avoiding",
        "prevent",
        "prevents",
        "prevented",
        "preventing",
        "ignore",
        "ignores",
        "ignored",
        "ignoring",
        "refuse",
        "refuses",
        "refused",
        "refusing",
    ]
)
"""Words that turn what follows into its opposite ("unlikely to have a dramatic impact")."""

NEG_WINDOW = 12
"""How many content words after a negation it reaches, within its clause."""

SCOPE_BREAKS = frozenset({"and", "or", "that"})

DIRECTIONAL = frozenset(
    {
        "over",
        "instead",
        "rather",
        "ahead",
        "than",
        "outweigh",
        "outweighs",
        "outweighed",
        "outweighing",
        "exceed",
        "exceeds",
    }
)
"""Words that order two things ("Kursk over the Donbas"): swapping the sides reverses it."""
DIRECTIONAL_KEYS = frozenset(stem(w) for w in DIRECTIONAL)
PASSIVE_MARKERS = frozenset({"outweighed", "exceeded"})
"""'A is outweighed by B' says 'B outweighs A': the sides swap."""
"""Negation stops at these too: in "not retaliate and wait", "wait" is not negated."""

CONCEPT_BASE = 80.0
"""Score of an answer with every needed key idea and no word in common with the key; each
shared word adds to it. At the default thresholds that is a pass: a stricter item's own
`accept` then asks for the key's words too."""

PARTIAL_BASE = 55.0
"""Score of an answer with some but not enough key ideas (plus up to 12 for how many)."""

W_UNKNOWN = 1.5
"""Weight of an answer word the pack never uses: it dilutes precision, gently."""

BETA = 1.0
"""F-beta weighting: covering the key's words matters more than adding a few of your own."""

SHORTLIST = 4
"""How many of the items sharing most words with an answer are checked as its real home."""

SHORTLIST_SHARE = 0.6
"""...and only those sharing at least this share of the best one's word weight."""

NEIGHBOUR_MARGIN = 10.0
"""How much better another item must match before the answer is said to belong to it."""

FLIP_MIN = 40.0
"""A phrasing must be at least this close before a negation mismatch with it means anything."""

FLIP_SHARE = 0.25
"""Share of the shared words (by weight) a negation must cover differently to count."""

FLIP_MARGIN = 5.0
"""...and fit the answer this much better than every phrasing read the same way round."""

WRONG_MIN = 40.0
"""A known wrong answer must be at least this close to count as the student's mistake..."""

WRONG_MARGIN = 3.0
"""...and closer than every right phrasing by this much."""

_NOT_NAMES = frozenset(
    ["the", "a", "an", "it", "this", "that", "in", "on", "us", "usa", "west", "western"]
)
"""Capitalised words that never name one claim: sentence furniture and the broadest places."""

COMMON_SHARE = 1 / 3
"""A name in this share of a pack's items is its subject, not the topic of one claim."""

_CAPITAL = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")


def _is_negator(word: str) -> bool:
    return word in NEGATORS


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A text as the grader sees it: content keys with their negation parity, and figures."""

    keys: tuple[str, ...]
    """Content keys (stemmed words, figures) and negators, in order."""
    negs: tuple[bool, ...]
    pols: tuple[int, ...]
    """For each position: 1 when an odd number of negations reach it."""
    clause: tuple[int, ...]
    numbers: frozenset[str]
    pairs: tuple[tuple[int, int], ...] = ()
    """Positions (before, after) of content words on the two sides of "over", "instead of"..."""
    units: frozenset[tuple[str, str]] = frozenset()
    """(figure, unit of time) pairs: "30,000 volunteers a month" -> ("30000", "month")."""
    durations: tuple[tuple[float, str], ...] = ()
    """Spans of time, in days, with how they were written: "ten days", "about a month"."""
    months: frozenset[str] = frozenset()
    """Names of months: a date is a figure too."""

    @property
    def content(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for key, neg in zip(self.keys, self.negs, strict=True):
            if not neg:
                seen.setdefault(key, None)
        return tuple(seen)


@lru_cache(maxsize=65536)
def _parse(text: str, rewrites: Rewrites = NO_REWRITES) -> tuple[_Parsed, bool]:
    norm = normalise(text)
    return _parse_tokens(rewrites.apply(norm.tokens)), norm.truncated


def _parse_tokens(tokens: Sequence[str]) -> _Parsed:
    keys: list[str] = []
    negs: list[bool] = []
    clause: list[int] = []
    numbers: set[str] = set()
    current = 0
    markers: list[int] = []
    passive: set[int] = set()
    previous = ""
    for at, token in enumerate(tokens):
        if token == "by" and previous in PASSIVE_MARKERS and markers:
            passive.add(markers[-1])
        previous = token
        if token == BREAK:
            current += 1
            continue
        if token in DIRECTIONAL:
            markers.append(len(keys))
            if token in STOPWORDS or token in ("over", "instead", "rather", "ahead"):
                continue
        if token in SCOPE_BREAKS:
            current += 1
            continue
        if token in STOPWORDS:
            continue
        if token.isdigit():
            ratio = at + 1 < len(tokens) and tokens[at + 1] == "times"
            if not ratio:  # "three times as many" is a ratio, not a figure to check
                numbers.add(token)
            keys.append(token)
            negs.append(False)
        elif _is_negator(token):
            keys.append(token)
            negs.append(True)
        else:
            keys.append(stem(token))
            negs.append(False)
        clause.append(current)
    pols: list[int] = []
    for i in range(len(keys)):
        count = 0
        for j in range(max(0, i - NEG_WINDOW), i):
            if negs[j] and clause[j] == clause[i]:
                count += 1
        pols.append(count % 2)
    pairs = tuple(
        (right, left) if at in passive else (left, right)
        for at in markers
        for left in range(at)
        for right in range(at, len(keys))
        if not negs[left]
        and not negs[right]
        and keys[right] not in DIRECTIONAL_KEYS
        and clause[left] == clause[right]
    )
    return _Parsed(
        tuple(keys),
        tuple(negs),
        tuple(pols),
        tuple(clause),
        frozenset(numbers),
        pairs,
        _number_units(tokens),
        _durations(tokens),
        frozenset(token for token in tokens if token in MONTHS),
    )


TIME_UNITS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
UNIT_REACH = 4
"""How many words after a figure its unit may come: "30,000 new volunteers every month"."""


UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}
DURATION_CUES = frozenset(
    {
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "only",
        "just",
        "barely",
        "some",
        "in",
        "within",
        "for",
        "over",
        "under",
        "after",
        "like",
        "approximately",
    }
)
"""Words before "a month" that make it a span of time ("in about a month"), not a rate."""
DURATION_SLACK = 1.5
"""Spans of time this close count as the same ("a week and a half" for "ten days")."""

MONTHS = frozenset(
    {
        "january",
        "february",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
"""Month names that are nothing else: "may" and "march" are left out."""


def _durations(tokens: Sequence[str]) -> tuple[tuple[float, str], ...]:
    """Spans of time: a figure straight before a unit ("10 days"), or "a"/"one" + unit after
    a word such as "about" or "in" ("about a month"), with "and a half" added."""
    found: list[tuple[float, str]] = []
    for i, token in enumerate(tokens):
        unit = TIME_UNITS.get(token)
        if unit not in UNIT_DAYS or i == 0:
            continue
        before = tokens[i - 1]
        if before.isdigit() and len(before) <= 4:
            count = float(before)
        elif before in ("a", "an", "one") and i >= 2 and tokens[i - 2] in DURATION_CUES:
            count = 1.0
        else:
            continue
        shown = f"{before if before.isdigit() else 'a'} {token}"
        if tuple(tokens[i + 1 : i + 4]) == ("and", "a", "half"):
            count += 0.5
            shown += " and a half"
        found.append((count * UNIT_DAYS[unit], shown))
    return tuple(found)


def _number_units(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Each figure with the unit of time that follows it in its clause, if one does."""
    found: set[tuple[str, str]] = set()
    for i, token in enumerate(tokens):
        if not token.isdigit():
            continue
        for following in tokens[i + 1 : i + 1 + UNIT_REACH]:
            if following == BREAK or following.isdigit():
                break
            unit = TIME_UNITS.get(following)
            if unit is not None:
                found.add((token, unit))
                break
    return frozenset(found)


@dataclass(slots=True)
class _Phrasing:
    """One way of saying an item's answer (or a known wrong answer), ready for scoring."""

    index: int
    item: int
    text: str
    parsed: _Parsed
    vids: tuple[int, ...] = ()
    vidset: frozenset[int] = frozenset()
    keystring: str = ""
    pols: tuple[int, ...] = ()
    clauses: tuple[int, ...] = ()
    heads: frozenset[int] = frozenset()
    """Words a negation applies to directly: "proven" in "has not been proven"."""
    weights: tuple[float, ...] = ()
    total: float = 0.0
    wrong: int = -1
    """Index into the item's wrong answers, or -1 for a right phrasing."""


@dataclass(slots=True)
class _Term:
    elements: tuple[int, ...]
    """Vocabulary ids, or -1 for "a negation here"."""
    internal_negs: int
    anchor: int = -1
    """The first word of the term, which the answer must use for the term to be tried."""


@dataclass(slots=True)
class _Group:
    label: str
    terms: list[_Term]
    expected: int | None = None
    """The negation parity the key uses this idea with, when all its phrasings agree."""


@dataclass(slots=True)
class _Key:
    """Everything about one item the grader needs, computed once."""

    item: Item
    index: int
    thresholds: Thresholds
    right: list[_Phrasing] = field(default_factory=list)
    wrong: list[_Phrasing] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    need: int = 0
    numbers: frozenset[str] = frozenset()
    key_numbers: frozenset[str] = frozenset()
    own_names: frozenset[str] = frozenset()
    linked: frozenset[int] = frozenset()
    siblings: tuple[int, ...] = ()
    """Items an answer is easily confused with: same kind and same `ref`, or same speaker."""
    word_terms: list[tuple[int, str]] = field(default_factory=list)
    """(group, " words ") for concept terms made of everyday words ("only", "more than")."""
    word_parity: dict[str, int | None] = field(default_factory=dict)
    """For each word term, the negation parity the key's phrasings use it with (None: they
    disagree, or never use it), so that "isn't at war" does not cover "at war"."""
    units: dict[str, frozenset[str]] = field(default_factory=dict)
    """For each figure, the units of time the key gives it in ("30000": {"month"})."""
    durations: tuple[tuple[float, str], ...] = ()
    months: frozenset[str] = frozenset()


@dataclass(slots=True)
class _ItemScore:
    lex: float = 0.0
    best: int = -1
    covered: tuple[int, ...] = ()
    contradicted: tuple[int, ...] = ()
    raw: float = 0.0
    strength: float = 0.0
    """How strongly the answer claims this item when it was asked about another: word overlap,
    or every concept group (covering just `need` of them is enough for the asked item only)."""


@dataclass(slots=True)
class _Readings:
    right: float = 0.0
    opposite: float = 0.0
    wrong: float = 0.0
    wrong_index: int = -1
    reversed: float = 0.0


@dataclass(slots=True)
class _Analysis:
    """One answer, read once; scores against items are filled in as verdicts need them."""

    answer: str
    parsed: _Parsed
    truncated: bool
    content: tuple[str, ...]
    vid_pol: dict[int, int]
    """Each vocabulary word the answer uses, with the negation parity it is used with."""
    names: frozenset[str]
    fuzzy: bool
    positions: list[frozenset[int]]
    heads: frozenset[int]
    akeys: list[tuple[frozenset[int], float]]
    total: float
    text: str
    tokens: tuple[str, ...]
    """The answer's words with clause marks, for where a word term's negation reaches."""
    used: frozenset[int]
    keystring: str
    lex: dict[int, float] = field(default_factory=dict)
    cover: dict[int, dict[int, int]] = field(default_factory=dict)
    """item -> group -> 1 covered with the key's polarity, -1 only with the opposite one."""
    done: set[int] = field(default_factory=set)
    wrong_done: set[int] = field(default_factory=set)
    shortlist: list[int] | None = None
    scores: dict[int, _ItemScore] = field(default_factory=dict)
    readings: dict[int, _Readings] = field(default_factory=dict)


class Grader:
    """Grades answers against one pack. Build once per pack; `grade` is then cheap.

    Thread-safe for reading: grading only adds to caches of pure functions.
    """

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._rewrites = Rewrites(pack.vocabulary) if pack.vocabulary else NO_REWRITES
        self._common = common_names(pack)
        self._items = list(pack.items)
        self._index = {item.id: i for i, item in enumerate(self._items)}
        self._vocab: dict[str, int] = {}
        self._words: list[str] = []
        self._allowed: list[int] = []
        self._phrasings: list[_Phrasing] = []
        self._match_cache: dict[str, frozenset[int]] = {}
        self._wrong_cover: dict[tuple[int, int], int] = {}
        people = [item for item in self._items if item.kind is Kind.PERSON]
        self._person_names = frozenset(
            key for person in people for key in self._parse(person.name)[0].content
        )
        self._keys = [self._build_key(i, item) for i, item in enumerate(self._items)]
        self._has_word_terms = any(key.word_terms for key in self._keys)
        self._finish_vocab()

    def _parse(self, text: str) -> tuple[_Parsed, bool]:
        """`text` read with the pack's vocabulary, as every answer and key text is."""
        return _parse(text, self._rewrites)

    def _tokens(self, text: str) -> tuple[str, ...]:
        """The words of `text` with the pack's vocabulary, clause marks kept."""
        return self._rewrites.apply(normalise(text).tokens)

    def _plain_words(self, text: str) -> tuple[str, ...]:
        """The words of `text` with the pack's vocabulary, clause marks dropped."""
        return tuple(token for token in self._tokens(text) if token != BREAK)

    # -- building -------------------------------------------------------------------------

    def _vid(self, key: str) -> int:
        vid = self._vocab.get(key)
        if vid is None:
            vid = len(self._words)
            self._vocab[key] = vid
            self._words.append(key)
            if key.isdigit():
                allowed = 0
            elif key in self._person_names:
                allowed = 1 if len(key) >= 5 else 0
            elif len(key) <= 3:
                allowed = 0
            elif len(key) <= 6:
                allowed = 1
            else:
                allowed = 2
            self._allowed.append(allowed)
        return vid

    def _phrasing(self, item: int, text: str, wrong: int = -1) -> _Phrasing:
        parsed, _ = self._parse(text)
        phrasing = _Phrasing(len(self._phrasings), item, text, parsed, wrong=wrong)
        seen: dict[int, tuple[int, int]] = {}
        for key, neg, pol, clause in zip(
            parsed.keys, parsed.negs, parsed.pols, parsed.clause, strict=True
        ):
            if neg:
                continue
            vid = self._vid(key)
            seen.setdefault(vid, (pol, clause))
        phrasing.heads = frozenset(self._vid(parsed.keys[j]) for j in _heads(parsed))
        phrasing.vids = tuple(seen)
        phrasing.vidset = frozenset(seen)
        phrasing.keystring = " ".join(
            k for k, n in zip(parsed.keys, parsed.negs, strict=True) if not n
        )
        phrasing.pols = tuple(p for p, _ in seen.values())
        phrasing.clauses = tuple(c for _, c in seen.values())
        self._phrasings.append(phrasing)
        return phrasing

    def _build_key(self, index: int, item: Item) -> _Key:
        answer = item.answer
        key = _Key(item, index, self.pack.thresholds_for(item))
        texts = list(answer.phrasings)
        if item.kind is Kind.PERSON and item.name:
            surname = item.name.split()[-1]
            for extra in (item.name, surname):
                if extra.casefold() not in {t.casefold() for t in texts}:
                    texts.append(extra)
        key.right = [self._phrasing(index, text) for text in texts if text.strip()]
        key.wrong = [
            self._phrasing(index, wrong.answer, wrong=n)
            for n, wrong in enumerate(answer.wrong)
            if wrong.answer.strip()
        ]
        for group in answer.concepts.groups:
            terms: list[_Term] = []
            for term in group.terms:
                parsed, _ = self._parse(term)
                words = self._plain_words(term)
                dropped = [w for w in words if w in STOPWORDS and w not in ("a", "an", "the")]
                if not parsed.keys or dropped:
                    # "too risky" is not "risky", "more than" is not "more": words that
                    # ordinary matching ignores carry the meaning, so match them exactly.
                    if words:
                        key.word_terms.append((len(key.groups), " " + " ".join(words) + " "))
                    continue
                elements = tuple(
                    -1 if neg else self._vid(k)
                    for k, neg in zip(parsed.keys, parsed.negs, strict=True)
                )
                anchor = next((v for v in elements if v >= 0), -1)
                terms.append(_Term(elements, sum(parsed.negs), anchor))
            if terms:
                key.groups.append(_Group(group.terms[0], terms))
        need = answer.concepts.need
        key.need = len(key.groups) if need <= 0 or need > len(key.groups) else need
        numbers: set[str] = set()
        key_numbers: set[str] = set()
        names: set[str] = set()
        counts: dict[str, int] = defaultdict(int)
        for phrasing in key.right:
            numbers |= phrasing.parsed.numbers
            for number in phrasing.parsed.numbers:
                counts[number] += 1
            names |= set(phrasing.parsed.content) & self._person_names
        key_numbers = {n for n, c in counts.items() if 2 * c >= len(key.right)}
        for group in answer.concepts.groups:
            for term in group.terms:
                parsed, _ = self._parse(term)
                numbers |= parsed.numbers
                names |= set(parsed.content) & self._person_names
        for text in (item.text, item.words, item.name):
            parsed, _ = self._parse(text)
            numbers |= parsed.numbers
            names |= set(parsed.content) & self._person_names
        if item.speaker:
            speaker = self.pack.get(item.speaker)
            if speaker is not None:
                names |= set(self._parse(speaker.name)[0].content)
        units: dict[str, set[str]] = defaultdict(set)
        durations: dict[float, str] = {}
        months: set[str] = set()
        for parsed in (*(p.parsed for p in key.right), self._parse(item.text)[0]):
            for number, unit in parsed.units:
                units[number].add(unit)
            for days, shown in parsed.durations:
                durations.setdefault(days, shown)
            months |= parsed.months
        key.units = {number: frozenset(found) for number, found in units.items()}
        key.durations = tuple(sorted(durations.items()))
        key.months = frozenset(months)
        key.numbers = frozenset(numbers)
        key.key_numbers = frozenset(key_numbers)
        key.own_names = frozenset(names)
        for _, term_text in key.word_terms:
            seen = {
                _word_term_parity(self._tokens(phrasing.text), term_text.split())
                for phrasing in key.right
            } - {None}
            key.word_parity[term_text] = seen.pop() if len(seen) == 1 else None
        return key

    def _finish_vocab(self) -> None:
        count = max(1, len(self._keys))
        df: dict[int, int] = defaultdict(int)
        for key in self._keys:
            vids: set[int] = set()
            for phrasing in key.right:
                vids.update(phrasing.vids)
            for group in key.groups:
                for term in group.terms:
                    vids.update(v for v in term.elements if v >= 0)
            for vid in vids:
                df[vid] += 1
        self._weight = weights = [
            1.0 + math.log(count / max(1, df.get(v, 1))) for v in range(len(self._words))
        ]
        for phrasing in self._phrasings:
            phrasing.weights = tuple(weights[v] for v in phrasing.vids)
            phrasing.total = sum(phrasing.weights) or 1.0
        for key in self._keys:
            for group in key.groups:
                group.expected = self._expected_polarity(key, group)
        self._item_postings: list[tuple[int, ...]] = [() for _ in self._words]
        per_vid: dict[int, set[int]] = defaultdict(set)
        for phrasing in self._phrasings:
            if phrasing.wrong < 0:
                for vid in phrasing.vids:
                    per_vid[vid].add(phrasing.item)
        for key in self._keys:
            for group in key.groups:
                for term in group.terms:
                    for vid in term.elements:
                        if vid >= 0:
                            per_vid[vid].add(key.index)
        for vid, items in per_vid.items():
            self._item_postings[vid] = tuple(sorted(items))
        for key in self._keys:
            key.linked = frozenset(self._linked(key.item))
            key.siblings = tuple(
                other.index
                for other in self._keys
                if other.index != key.index
                and other.item.kind is key.item.kind
                and (
                    (key.item.ref and other.item.ref == key.item.ref)
                    or (key.item.speaker and other.item.speaker == key.item.speaker)
                )
            )

    def _exact_positions(self, phrasing: _Phrasing) -> list[frozenset[int]]:
        return [
            frozenset() if neg else frozenset({self._vocab[k]})
            for k, neg in zip(phrasing.parsed.keys, phrasing.parsed.negs, strict=True)
        ]

    def _expected_polarity(self, key: _Key, group: _Group) -> int | None:
        seen: set[int] = set()
        for phrasing in key.right:
            exact = [
                frozenset({self._vocab[k]}) if not n else frozenset()
                for k, n in zip(phrasing.parsed.keys, phrasing.parsed.negs, strict=True)
            ]
            for term in group.terms:
                pol = _find_term(term, phrasing.parsed, exact)
                if pol is not None:
                    seen.add(pol)
        return seen.pop() if len(seen) == 1 else None

    def _linked(self, item: Item) -> set[int]:
        """Items that legitimately share this one's content: what it supports, what supports it."""
        linked: set[int] = set()
        for other in self._items:
            if other.id == item.id:
                continue
            if (item.ref and other.id == item.ref) or other.ref == item.id:
                linked.add(self._index[other.id])
            if item.kind is Kind.REPLY and other.kind not in (Kind.REPLY, Kind.OTHER_SIDE):
                linked.add(self._index[other.id])
            if (
                item.kind is Kind.QUOTE
                and other.kind is Kind.QUOTE
                and item.ref
                and other.ref == item.ref
                and other.speaker != item.speaker
            ):
                linked.add(self._index[other.id])
        return linked

    # -- matching -------------------------------------------------------------------------

    def _matches(self, key: str) -> frozenset[int]:
        """Vocabulary ids this answer word stands for, typos allowed within the word's bound."""
        cached = self._match_cache.get(key)
        if cached is not None:
            return cached
        found: set[int] = set()
        exact = self._vocab.get(key)
        if exact is not None:
            found.add(exact)
        if len(key) >= 4 and not key.isdigit():
            for _, distance, vid in process.extract(
                key, self._words, scorer=OSA.distance, score_cutoff=2, limit=None
            ):
                word = self._words[vid]
                if word.isdigit() or distance == 0:
                    continue
                allowed = min(self._allowed[vid], 2 if len(key) >= 7 else 1)
                if distance <= allowed:
                    found.add(vid)
        result = frozenset(found)
        if len(self._match_cache) < 200_000:
            self._match_cache[key] = result
        return result

    def _analyse(self, answer: str) -> _Analysis:
        """What the answer says, matched to the pack's vocabulary; item scores come later,
        only for the items a verdict needs (`_item`)."""
        parsed, truncated = self._parse(answer)
        content = parsed.content
        per_position: list[frozenset[int]] = []
        vid_pol: dict[int, int] = {}
        fuzzy = False
        for key, neg, pol in zip(parsed.keys, parsed.negs, parsed.pols, strict=True):
            if neg:
                per_position.append(frozenset())
                continue
            vids = self._matches(key)
            per_position.append(vids)
            if vids and self._vocab.get(key) not in vids:
                fuzzy = True
            for vid in vids:
                vid_pol.setdefault(vid, pol)
        weight = self._weight
        akeys: list[tuple[frozenset[int], float]] = []
        total = 0.0
        named: set[str] = set()
        for key in content:
            vids = self._matches(key)
            if not vids:
                total += W_UNKNOWN
                continue
            exact = self._vocab.get(key)
            w = weight[exact] if exact is not None else max(weight[v] for v in vids)
            total += w
            akeys.append((vids, w))
            for vid in vids:
                if self._words[vid] in self._person_names:
                    named.add(self._words[vid])
        tokens = self._tokens(answer) if self._has_word_terms else ()
        words = [token for token in tokens if token != BREAK]
        return _Analysis(
            answer=answer,
            parsed=parsed,
            truncated=truncated,
            content=content,
            vid_pol=vid_pol,
            names=frozenset(named),
            fuzzy=fuzzy,
            positions=per_position,
            heads=frozenset(v for j in _heads(parsed) for v in per_position[j]),
            akeys=akeys,
            total=total,
            text=" " + " ".join(words) + " ",
            tokens=tokens,
            used=frozenset(vid_pol),
            keystring=" ".join(k for k, n in zip(parsed.keys, parsed.negs, strict=True) if not n),
        )

    def _item(self, analysis: _Analysis, index: int) -> None:
        """Score the answer against every phrasing and concept group of one item, once."""
        if index in analysis.done:
            return
        analysis.done.add(index)
        key = self._keys[index]
        vid_pol = analysis.vid_pol
        self._lex(analysis, key.right)
        groups: dict[int, int] = {}
        has_negation = any(analysis.parsed.negs)
        for g, group in enumerate(key.groups):
            for term in group.terms:
                if term.anchor >= 0 and term.anchor not in vid_pol:
                    continue
                if term.anchor < 0 and not has_negation:
                    continue
                pol = _find_term(term, analysis.parsed, analysis.positions)
                if pol is None:
                    continue
                state = 1 if group.expected is None or pol == group.expected else -1
                if groups.get(g, -2) < state:  # -2: not found; -1: found the other way round
                    groups[g] = state
                if state > 0:
                    break
        for g, words in key.word_terms:
            if words in analysis.text:
                expected = key.word_parity.get(words)
                parity = _word_term_parity(analysis.tokens, words.split())
                state = 1 if expected is None or parity is None or parity == expected else -1
                if groups.get(g, -2) < state:  # -2: not found; -1: found the other way round
                    groups[g] = state
        if groups:
            analysis.cover[index] = groups

    def _lex(self, analysis: _Analysis, phrasings: Sequence[_Phrasing]) -> None:
        """IDF-weighted F score of the answer's words against each phrasing's words."""
        if not analysis.total:
            return
        b2 = BETA * BETA
        used = analysis.used
        weight = self._weight
        for phrasing in phrasings:
            common = phrasing.vidset & used
            if not common:
                continue
            recall = 0.0
            for vid in common:
                recall += weight[vid]
            vidset = phrasing.vidset
            precision = 0.0
            for vids, w in analysis.akeys:
                if not vidset.isdisjoint(vids):
                    precision += w
            recall = min(1.0, recall / phrasing.total)
            precision = min(1.0, precision / analysis.total)
            if precision:
                analysis.lex[phrasing.index] = (
                    100.0 * (1 + b2) * precision * recall / (b2 * precision + recall)
                )

    def _shortlist(self, analysis: _Analysis, index: int) -> list[int]:
        """The few items, besides the asked one, that this answer could belong to: the
        asked item's siblings, and the items sharing the most (IDF-weighted) words with it."""
        if analysis.shortlist is None:
            totals: dict[int, float] = defaultdict(float)
            weight = self._weight
            for vid in analysis.vid_pol:
                w = weight[vid]
                for item in self._item_postings[vid]:
                    totals[item] += w
            top = heapq.nlargest(SHORTLIST, totals, key=totals.__getitem__)
            # An item sharing much less than the best does with the answer cannot match it
            # clearly better than the asked item; skipping it keeps grading cheap.
            floor = SHORTLIST_SHARE * totals[top[0]] if top else 0.0
            analysis.shortlist = [i for i in top if totals[i] >= floor]
        key = self._keys[index]
        return [i for i in (*analysis.shortlist, *key.siblings) if i != index]

    def _score(self, analysis: _Analysis, index: int) -> _ItemScore:
        cached = analysis.scores.get(index)
        if cached is not None:
            return cached
        self._item(analysis, index)
        key = self._keys[index]
        score = _ItemScore()
        for phrasing in key.right:
            value = analysis.lex.get(phrasing.index, 0.0)
            if value > score.lex:
                score.lex, score.best = value, phrasing.index
        groups = analysis.cover.get(index, {})
        score.covered = tuple(g for g, state in sorted(groups.items()) if state > 0)
        score.contradicted = tuple(g for g, state in sorted(groups.items()) if state < 0)
        score.raw = score.strength = score.lex
        if key.groups:
            covered = len(score.covered)
            if covered >= key.need:
                concept = CONCEPT_BASE + (100 - CONCEPT_BASE) * score.lex / 100
                if covered == len(key.groups):
                    score.strength = max(score.strength, concept)
            elif covered:
                concept = PARTIAL_BASE + 12 * covered / key.need
            else:
                concept = 0.0
            score.raw = max(score.raw, concept)
        analysis.scores[index] = score
        return score

    def _polarity_agrees(self, analysis: _Analysis, phrasing: _Phrasing) -> bool:
        """Whether the answer uses the words it shares with this phrasing the same way round.

        A flip needs three things: the negations reach the shared words differently, word by
        word; a word a negation applies to directly is among them; and the clauses those words
        sit in differ in negation as a whole, since word order moves words in and out of a
        negation's reach ("little military effect" and "militarily, little effect").
        """
        matched = flipped = 0.0
        vid_pol = analysis.vid_pol
        their_clauses: set[int] = set()
        for vid, pol, clause, w in zip(
            phrasing.vids, phrasing.pols, phrasing.clauses, phrasing.weights, strict=True
        ):
            own = vid_pol.get(vid)
            if own is None:
                continue
            matched += w
            their_clauses.add(clause)
            if own != pol:
                flipped += w
        if matched and flipped >= FLIP_SHARE * matched and self._head_flipped(analysis, phrasing):
            theirs = _negations_in(phrasing.parsed, their_clauses)
            mine_clauses = {
                analysis.parsed.clause[i]
                for i, vids in enumerate(analysis.positions)
                if not vids.isdisjoint(phrasing.vidset)
            }
            if _negations_in(analysis.parsed, mine_clauses) % 2 != theirs % 2:
                return False
        return not self._reversed(analysis, phrasing)

    def _head_flipped(self, analysis: _Analysis, phrasing: _Phrasing) -> bool:
        """Whether a word a negation applies to directly, on either side, is read the other
        way round: an answer that merely leaves out "not proven" is incomplete, not opposite."""
        vid_pol = analysis.vid_pol
        for vid, pol in zip(phrasing.vids, phrasing.pols, strict=True):
            own = vid_pol.get(vid)
            if own is not None and own != pol and (vid in phrasing.heads or vid in analysis.heads):
                return True
        return False

    def _reversed(self, analysis: _Analysis, phrasing: _Phrasing) -> bool:
        """ "Donbas over Kursk" for "Kursk over the Donbas": the same words, the sides swapped."""
        mine = analysis.parsed
        if not mine.pairs or not phrasing.parsed.pairs:
            return False
        theirs = phrasing.parsed
        for left, right in theirs.pairs:
            x, y = self._vocab[theirs.keys[left]], self._vocab[theirs.keys[right]]
            if x == y:
                continue
            for a_left, a_right in mine.pairs:
                if y in analysis.positions[a_left] and x in analysis.positions[a_right]:
                    return True
        return False

    def _ordered(self, analysis: _Analysis, phrasing: _Phrasing) -> float:
        """Word overlap with a little word order mixed in, for close calls between phrasings:
        "Donbas over Kursk" and "Kursk over Donbas" share every word."""
        value = analysis.lex.get(phrasing.index, 0.0)
        if not value:
            return 0.0
        return 0.85 * value + 0.15 * fuzz.ratio(analysis.keystring, phrasing.keystring)

    def _readings(self, analysis: _Analysis, index: int) -> _Readings:
        """How close the answer comes to the item's right phrasings read the same way round,
        to its right phrasings read the other way round, and to its known wrong answers."""
        cached = analysis.readings.get(index)
        if cached is not None:
            return cached
        key = self._keys[index]
        readings = _Readings()
        numbers = analysis.parsed.numbers
        for phrasing in key.right:
            if phrasing.index not in analysis.lex or _conflict(numbers, phrasing):
                continue
            value = self._ordered(analysis, phrasing)
            if self._polarity_agrees(analysis, phrasing):
                readings.right = max(readings.right, value)
            else:
                readings.opposite = max(readings.opposite, value)
                if self._reversed(analysis, phrasing):
                    readings.reversed = max(readings.reversed, value)
        if key.wrong and index not in analysis.wrong_done:
            analysis.wrong_done.add(index)
            self._lex(analysis, key.wrong)
        for phrasing in key.wrong:
            if phrasing.index not in analysis.lex or _conflict(numbers, phrasing):
                continue
            if self._polarity_agrees(analysis, phrasing):
                value = self._ordered(analysis, phrasing)
                if value > readings.wrong:
                    readings.wrong, readings.wrong_index = value, phrasing.wrong
        analysis.readings[index] = readings
        return readings

    def _flipped(self, analysis: _Analysis, index: int) -> bool:
        """True when the answer says the opposite of the item: a phrasing read with the other
        polarity fits it clearly better than any read the same way round."""
        readings = self._readings(analysis, index)
        if readings.opposite >= FLIP_MIN and readings.opposite > readings.right + FLIP_MARGIN:
            return True
        if readings.reversed >= FLIP_MIN and readings.reversed >= readings.right - FLIP_MARGIN:
            # The same words with the two sides of "outweigh"/"over" swapped: few answers do
            # that by accident, so a close second is enough.
            return True
        key = self._keys[index]
        score = self._score(analysis, index)
        return (
            bool(score.contradicted) and len(score.covered) < key.need and readings.right < FLIP_MIN
        )

    def _known_wrong(self, analysis: _Analysis, index: int) -> int | None:
        readings = self._readings(analysis, index)
        if readings.wrong_index < 0 or readings.wrong < WRONG_MIN:
            return None
        if readings.wrong <= readings.right + WRONG_MARGIN:
            return None
        key = self._keys[index]
        if (
            key.need
            and len(self._score(analysis, index).covered) >= key.need
            and self._wrong_coverage(index, readings.wrong_index) < key.need
        ):
            # The answer states every key idea the known mistake lacks: sharing the mistake's
            # words ("long-range missiles") does not make it that mistake.
            return None
        return readings.wrong_index

    def _wrong_coverage(self, index: int, wrong: int) -> int:
        """How many of the item's concept groups its known wrong answer `wrong` covers."""
        cache_key = (index, wrong)
        cached = self._wrong_cover.get(cache_key)
        if cached is None:
            text = self._keys[index].item.answer.wrong[wrong].answer
            cached = len(self._score(self._analyse(text), index).covered)
            self._wrong_cover[cache_key] = cached
        return cached

    # -- public ---------------------------------------------------------------------------

    def grade(self, answer: str, item: Item | str) -> Verdict:
        """Mark one answer against one item of this pack."""
        index = self._item_index(item)
        return self._verdict(self._analyse(_as_text(answer)), index, None)

    def grade_best(self, answer: str, candidates: Iterable[Item | str]) -> Verdict:
        """Mark an answer against whichever candidate it fits best ("name a premise").

        The answer is analysed once against the whole pack; each candidate's verdict then
        costs a few lookups. Correct beats partial beats incorrect, then the higher score.
        """
        indexes = [self._item_index(c) for c in candidates]
        if not indexes:
            raise ValueError("grade_best needs at least one candidate item")
        analysis = self._analyse(_as_text(answer))
        pool = frozenset(indexes)
        order = {Outcome.CORRECT: 2, Outcome.PARTIAL: 1, Outcome.INCORRECT: 0}
        best: Verdict | None = None
        best_rank: tuple[int, int, float] = (-1, -1, -1.0)
        contradicts: Verdict | None = None
        for index in indexes:
            verdict = self._verdict(analysis, index, pool)
            rank = (order[verdict.outcome], verdict.score, self._score(analysis, index).raw)
            if rank > best_rank:
                best, best_rank = verdict, rank
            if contradicts is None and verdict.reason in _CONTRADICTIONS:
                contradicts = verdict
        assert best is not None
        if best.outcome is Outcome.PARTIAL and contradicts is not None:
            # Half like one answer while saying the opposite of another is not half right:
            # "Trump-proofing ends the war sooner" is no step towards "Putin will wait". But
            # a known wrong answer that is the partly matched answer's own point ("that is
            # the ten-days rebuttal") marks a neighbour, not a contradiction.
            wrong = contradicts.wrong_answer
            if wrong is None or self.grade(wrong, best.item_id).outcome is not Outcome.CORRECT:
                return contradicts
        return best

    def _item_index(self, item: Item | str) -> int:
        item_id = item if isinstance(item, str) else item.id
        try:
            return self._index[item_id]
        except KeyError:
            raise KeyError(f"pack {self.pack.id!r} has no item {item_id!r}") from None

    # -- the verdict ----------------------------------------------------------------------

    def _verdict(self, analysis: _Analysis, index: int, pool: frozenset[int] | None) -> Verdict:
        key = self._keys[index]
        item = key.item
        accept, partial = key.thresholds.accept, key.thresholds.partial
        note = " (Only the first 2,000 characters were graded.)" if analysis.truncated else ""

        def verdict(
            outcome: Outcome,
            score: float,
            reason: Reason,
            explanation: str,
            *,
            wrong_answer: str | None = None,
            feedback: str | None = None,
            belongs_to: str | None = None,
        ) -> Verdict:
            found, missing = self._concept_names(key, self._score(analysis, index))
            best = self._score(analysis, index).best
            matched = self._phrasings[best].text if best >= 0 else None
            return Verdict(
                outcome=outcome,
                score=max(0, min(100, round(score))),
                item_id=item.id,
                reason=reason,
                explanation=explanation + note,
                concepts_found=found,
                concepts_missing=missing,
                matched=matched,
                truncated=analysis.truncated,
                wrong_answer=wrong_answer,
                feedback=feedback,
                belongs_to=belongs_to,
            )

        if not analysis.answer.strip():
            return verdict(Outcome.INCORRECT, 0, Reason.EMPTY, "No answer given.")
        if not analysis.content:
            return verdict(Outcome.INCORRECT, 0, Reason.EMPTY, "There are no words here to grade.")
        score = self._score(analysis, index)
        raw = score.raw
        below_partial = min(raw, partial - 1)

        wrong = self._known_wrong(analysis, index)
        if wrong is not None:
            known = item.answer.wrong[wrong]
            return verdict(
                Outcome.INCORRECT,
                below_partial,
                Reason.KNOWN_WRONG,
                known.feedback,
                wrong_answer=known.answer,
                feedback=known.feedback,
            )

        neighbour = self._neighbour(analysis, index, pool)
        if self._flipped(analysis, index):
            return verdict(
                Outcome.INCORRECT,
                min(below_partial, 25),
                Reason.OPPOSITE,
                "That says the opposite of the point: check the negation"
                f' (the key: "{item.answer.canonical}").',
                belongs_to=neighbour,
            )

        if key.numbers:
            stray = sorted(
                (n for n in analysis.parsed.numbers if n not in key.numbers and not _is_year(n)),
                key=int,
            )
            if stray:
                right = ", ".join(
                    format_number(n) for n in sorted(key.key_numbers or key.numbers, key=int)
                )
                given = ", ".join(format_number(n) for n in stray)
                return verdict(
                    Outcome.INCORRECT,
                    below_partial,
                    Reason.WRONG_NUMBER,
                    f"The figure is wrong: {given} is not the article's figure ({right}).",
                    belongs_to=neighbour,
                )

        wrong_time = self._wrong_time(key, analysis.parsed)
        if wrong_time:
            return verdict(
                Outcome.INCORRECT,
                below_partial,
                Reason.WRONG_NUMBER,
                f"The figure is wrong: {wrong_time}.",
                belongs_to=neighbour,
            )

        if neighbour is not None:
            other = self._items[self._index[neighbour]]
            return verdict(
                Outcome.INCORRECT,
                below_partial,
                Reason.NEIGHBOUR,
                self._neighbour_explanation(
                    item, other, several=pool is not None and len(pool) > 1
                ),
                belongs_to=neighbour,
            )

        stray_names = analysis.names - key.own_names
        if stray_names and (key.own_names or item.kind is Kind.PERSON):
            given = ", ".join(sorted(n.title() for n in stray_names))
            who = item.name if item.kind is Kind.PERSON else self._speaker_name(item)
            tail = f"; the answer is about {who}" if who else ""
            return verdict(
                Outcome.INCORRECT,
                below_partial,
                Reason.WRONG_NAME,
                f"Wrong name: {given} does not belong in this answer{tail}.",
            )

        content_words = len(analysis.content)
        if raw >= accept:
            # One word is not an answer, unless it is a name or figure the item allows, or
            # it comes with another key idea written in small words ("only Kursk"), or the
            # key itself lists that word as a full answer ("too expensive").
            if (
                content_words < 2
                and not item.answer.short_ok
                and len(score.covered) < 2
                and not self._listed_short(key, analysis.content)
            ):
                return verdict(
                    Outcome.PARTIAL,
                    min(raw, accept - 1),
                    Reason.ONE_WORD,
                    "Say a bit more: one word is not a full answer to this one.",
                )
            if (
                item.evidence_kind == "figure"
                and key.key_numbers
                and not (analysis.parsed.numbers & key.numbers)
            ):
                right = ", ".join(format_number(n) for n in sorted(key.key_numbers, key=int))
                return verdict(
                    Outcome.PARTIAL,
                    min(raw, accept - 1),
                    Reason.MISSING_NUMBER,
                    f"Give the figure: this answer turns on a number ({right}).",
                )
            if score.lex >= accept:
                typo = " (allowing for spelling)" if analysis.fuzzy else ""
                return verdict(
                    Outcome.CORRECT, raw, Reason.MATCH, f"Right: that is the point{typo}."
                )
            return verdict(
                Outcome.CORRECT,
                raw,
                Reason.CONCEPTS,
                "Right: in your own words, with every key idea.",
            )
        _, missing = self._concept_names(key, score)
        if raw >= partial:
            if missing:
                explanation = "Partly right: you have not mentioned " + _join(missing) + "."
            else:
                explanation = "Partly right, but not the whole point."
            return verdict(Outcome.PARTIAL, raw, Reason.PARTIAL, explanation)
        if content_words < 3 and (raw > 0 or not key.groups):
            return verdict(
                Outcome.INCORRECT,
                raw,
                Reason.VAGUE,
                "Too vague: say what the argument actually claims here.",
            )
        if raw > 0 and missing:
            return verdict(
                Outcome.INCORRECT,
                raw,
                Reason.NO_MATCH,
                "That misses the point: nothing about " + _join(missing) + ".",
            )
        return verdict(Outcome.INCORRECT, raw, Reason.NO_MATCH, "That is not the point here.")

    def _neighbour(
        self, analysis: _Analysis, index: int, pool: frozenset[int] | None
    ) -> str | None:
        """The id of another item this answer clearly belongs to, if any."""
        key = self._keys[index]
        own = self._score(analysis, index).raw
        candidates = self._shortlist(analysis, index)
        ranked = sorted(
            (self._score(analysis, i).strength, i)
            for i in candidates
            if i != index and i not in key.linked
        )
        for raw, other in reversed(ranked):
            other_key = self._keys[other]
            if raw < other_key.thresholds.accept or raw < own + NEIGHBOUR_MARGIN:
                return None
            if pool is not None and other in pool:
                continue
            if self._flipped(analysis, other):
                continue
            return other_key.item.id
        return None

    def _concept_names(
        self, key: _Key, score: _ItemScore
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        covered = set(score.covered)
        found = tuple(g.label for i, g in enumerate(key.groups) if i in covered)
        missing = tuple(g.label for i, g in enumerate(key.groups) if i not in covered)
        return found, missing

    def _speaker_name(self, item: Item) -> str:
        speaker = self.pack.get(item.speaker) if item.speaker else None
        return speaker.name if speaker is not None else ""

    @staticmethod
    def _wrong_time(key: _Key, parsed: _Parsed) -> str:
        """What is wrong with the answer's figures of time, if anything: the right figure in
        the wrong unit ("30,000 a year" for "a month"), a span of time far from the
        article's ("about a month" for "ten days"), or the wrong month."""
        given: dict[str, set[str]] = defaultdict(set)
        for number, unit in parsed.units:
            given[number].add(unit)
        for number, units in sorted(given.items()):
            right = key.units.get(number)
            if right and not units & right:
                return (
                    f"the article's {format_number(number)} is counted in "
                    f"{sorted(right)[0]}s, not {sorted(units)[0]}s"
                )
        if key.durations and parsed.durations:
            close = any(
                days / DURATION_SLACK <= right <= days * DURATION_SLACK
                for days, _ in parsed.durations
                for right, _ in key.durations
            )
            if not close:
                return f"the article says {key.durations[0][1]}, not {parsed.durations[0][1]}"
        if key.months and parsed.months and not parsed.months & key.months:
            wrong, right_month = sorted(parsed.months)[0], sorted(key.months)[0]
            return f"the article says {right_month.title()}, not {wrong.title()}"
        return ""

    @staticmethod
    def _listed_short(key: _Key, content: Sequence[str]) -> bool:
        """Whether one of the item's right phrasings says just these words: the instructor
        has then accepted the short answer, and the one-word rule must not overrule them."""
        words = set(content)
        return any(len(p.vids) < 2 and set(p.keystring.split()) == words for p in key.right)

    def _neighbour_explanation(self, item: Item, other: Item, *, several: bool = False) -> str:
        """Why the answer belongs to `other`. With `several` candidates (name the premises),
        the asked-for side is named as a group: naming one left to find would give it away."""
        if item.kind is Kind.PERSON and other.kind is Kind.PERSON:
            return f"That's {other.name}, not the person who said this."
        if item.kind is Kind.REBUTTAL and other.kind is Kind.REBUTTAL:
            if item.ref != other.ref:
                mine = self.pack.get(item.ref)
                theirs = self.pack.get(other.ref)
                if mine is not None and theirs is not None:
                    return (
                        f"That's the author's answer to the "
                        f"{_topic(theirs, self._common, mine)} claim, "
                        f"not to the {_topic(mine, self._common, theirs)} claim."
                    )
            return f'That\'s a different answer the author gives: "{other.label}".'
        if item.kind is Kind.QUOTE and other.kind is Kind.QUOTE:
            speaker = self._speaker_name(other)
            if other.speaker == item.speaker:
                return f'That\'s another point {speaker} made: "{other.label}".'
            return f"That's what {speaker} argued, not {self._speaker_name(item)}."
        if several:
            asked = _GROUP_NAMES.get(item.kind, "one of the answers asked for")
        else:
            asked = _describe(item, self.pack, self._common)
        return f"That's {_describe(other, self.pack, self._common)}, not {asked}."


def _word_term_parity(tokens: Sequence[str], words: Sequence[str]) -> int | None:
    """The negation parity a word term is used with: the negations before it in its clause
    ("nato isn't | at war" -> 1), 0 if any use is plain; None when the term is not there."""
    if not words:
        return None
    found: int | None = None
    clause_negations = 0
    wanted = tuple(words)
    for i, token in enumerate(tokens):
        if token == BREAK:
            clause_negations = 0
            continue
        if token == wanted[0] and _unbroken(tokens, i, len(wanted)) == wanted:
            if clause_negations % 2 == 0:
                return 0
            found = 1
        if _is_negator(token):
            clause_negations += 1
    return found


def _unbroken(tokens: Sequence[str], start: int, size: int) -> tuple[str, ...]:
    """`size` words from `start`, passing over clause marks as the joined text does."""
    out: list[str] = []
    for token in tokens[start:]:
        if len(out) == size:
            break
        if token != BREAK:
            out.append(token)
    return tuple(out)


def _find_term(term: _Term, parsed: _Parsed, positions: Sequence[frozenset[int]]) -> int | None:
    """Where a concept term occurs as a phrase (one stray word allowed between its words),
    return the negation parity it is used with; None when it does not occur."""
    elements = term.elements
    keys_len = len(parsed.keys)
    for start in range(keys_len):
        if not _element_matches(elements[0], parsed, positions, start):
            continue
        pos = start
        ok = True
        for element in elements[1:]:
            for step in (1, 2):
                nxt = pos + step
                if nxt < keys_len and _element_matches(element, parsed, positions, nxt):
                    pos = nxt
                    break
            else:
                ok = False
                break
        if not ok:
            continue
        before = sum(
            1
            for j in range(max(0, start - NEG_WINDOW), start)
            if parsed.negs[j] and parsed.clause[j] == parsed.clause[start]
        )
        return (before + term.internal_negs) % 2
    return None


def _heads(parsed: _Parsed) -> list[int]:
    """Positions of the first two content words after each negation, within its clause:
    "don't change the balance" negates "change" and, through it, "balance"."""
    heads: list[int] = []
    keys = len(parsed.keys)
    for i in range(keys):
        if not parsed.negs[i]:
            continue
        found = 0
        for j in range(i + 1, keys):
            if parsed.clause[j] != parsed.clause[i] or found == 2:
                break
            if not parsed.negs[j]:
                heads.append(j)
                found += 1
    return heads


def _conflict(numbers: frozenset[str], phrasing: _Phrasing) -> bool:
    """Both give figures and each has one the other lacks: "5 of 6" is not "4 of 6"."""
    theirs = phrasing.parsed.numbers
    return bool(numbers and theirs and (numbers - theirs) and (theirs - numbers))


def _negations_in(parsed: _Parsed, clauses: set[int]) -> int:
    return sum(
        1
        for neg, clause in zip(parsed.negs, parsed.clause, strict=True)
        if neg and clause in clauses
    )


def _element_matches(
    element: int, parsed: _Parsed, positions: Sequence[frozenset[int]], at: int
) -> bool:
    if element < 0:
        return parsed.negs[at]
    return element in positions[at]


def _is_year(number: str) -> bool:
    return len(number) == 4 and 1900 <= int(number) <= 2100


def _join(words: Sequence[str]) -> str:
    quoted = [f'"{w}"' for w in words]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _as_text(answer: object) -> str:
    return answer if isinstance(answer, str) else ""


def _name_words(text: str) -> Iterable[str]:
    """Capitalised words of `text` that are not just the start of a sentence, folded."""
    for match in _CAPITAL.finditer(text):
        if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "!", "?")):
            continue
        for word in match.group(0).split():
            yield word.casefold().rstrip("'\u2019s")


def common_names(pack: Pack) -> frozenset[str]:
    """The names that run through a pack and so say nothing about any one of its claims:
    those the pack lists as common, and those in a third of its items or more. "Russia" in
    a pack on the war names no claim; "Kursk", in fewer items, tells one claim from another.
    """
    counts: dict[str, int] = defaultdict(int)
    for item in pack:
        for word in {w for t in (item.text, item.answer.canonical) for w in _name_words(t)}:
            counts[word] += 1
    common = {word for word, count in counts.items() if count >= COMMON_SHARE * len(pack)}
    for name in pack.vocabulary.common_names:
        common.update(word.casefold().rstrip("'\u2019s") for word in name.split())
    return frozenset(common | _NOT_NAMES)


def _topic(item: Item, common: frozenset[str], other: Item | None = None) -> str:
    """A short name for a claim ("Kursk", "North Korea"), for explanations; falls back to
    its label. Prefers a proper name the other item does not share, so the two differ."""
    other_text = f"{other.text} {other.answer.canonical}" if other is not None else ""
    first = ""
    for text in (item.answer.canonical, item.text):
        for match in _CAPITAL.finditer(text):
            phrase = match.group(0).strip().rstrip("'\u2019s").strip()
            words = [w for w in phrase.split() if w.casefold().rstrip("'\u2019s") not in common]
            if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "!", "?")):
                words = words[1:]  # a capital that only starts the sentence
            if not words:
                continue
            name = " ".join(words)
            if name.endswith(("ean", "eans")):
                name = name[: name.rfind("ean")] + "ea"
            if name not in other_text:
                return name
            first = first or name
    return first or f'"{item.label}"'


_CONTRADICTIONS = frozenset({Reason.OPPOSITE, Reason.KNOWN_WRONG})
"""Verdicts that say the answer contradicts the key, not merely that it falls short."""

_GROUP_NAMES = {
    Kind.PREMISE: "a premise of the thesis",
    Kind.COUNTERARGUMENT: "a claim the author rejects",
    Kind.REBUTTAL: "one of the author's answers to this claim",
    Kind.EVIDENCE: "the evidence for this claim",
    Kind.QUOTE: "one of the quotes asked about",
    Kind.OTHER_SIDE: "an argument against this claim",
    Kind.REPLY: "the author's reply to this argument",
}
"""How a question with several candidates names them: "not a premise of the thesis"."""


def _describe(item: Item, pack: Pack, common: frozenset[str]) -> str:
    """How an explanation names an item: "the premise ...", "the author's answer to ..."."""
    if item.kind is Kind.PERSON:
        return item.name
    if item.kind is Kind.THESIS:
        return "the author's thesis"
    if item.kind is Kind.CONCLUSION:
        return "the author's conclusion"
    if item.kind is Kind.REBUTTAL:
        ref = pack.get(item.ref)
        return f"the author's answer to the {_topic(ref, common)} claim" if ref else "a rebuttal"
    if item.kind is Kind.QUOTE:
        speaker = pack.get(item.speaker)
        who = speaker.name if speaker is not None else "someone"
        return f'what {who} argued ("{item.label}")'
    names = {
        Kind.PREMISE: "the premise",
        Kind.COUNTERARGUMENT: "the claim",
        Kind.EVIDENCE: "the evidence",
        Kind.OTHER_SIDE: "the other side's argument",
        Kind.REPLY: "the reply",
    }
    return f'{names.get(item.kind, "the point")} "{item.label}"'


_GRADERS: dict[int, tuple[Pack, Grader]] = {}


def grader_for(pack: Pack) -> Grader:
    """A Grader for this pack, built once and reused (the quiz grades many answers)."""
    entry = _GRADERS.get(id(pack))
    if entry is not None and entry[0] is pack:
        return entry[1]
    if len(_GRADERS) > 8:
        _GRADERS.clear()
    grader = Grader(pack)
    _GRADERS[id(pack)] = (pack, grader)
    return grader


def grade(answer: str, item: Item, pack: Pack | None = None) -> Verdict:
    """Grade one answer without managing a Grader.

    Without `pack`, the item is graded alone: no "that's another item's point" check, since
    there is nothing to compare with.
    """
    if pack is None:
        pack = Pack(id="_single", title="", version="0", items=(item,))
    return grader_for(pack).grade(answer, item)
