"""What the index holds for each item: its phrasings, key ideas and figures, ready to score."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from trainer.grading.figures import Duration
from trainer.grading.places import Place
from trainer.grading.reading import Reading
from trainer.grading.terms import Group, WordTerm
from trainer.packs.model import Item, MarkedAnswer, Thresholds


@dataclass(frozen=True, slots=True)
class Phrasing:
    """One way of saying an item's answer (or a known wrong answer), ready for scoring."""

    index: int
    """Its number among all the pack's phrasings."""
    item: int
    text: str
    reading: Reading
    vids: tuple[int, ...]
    """The ids of its distinct content words, in order."""
    vidset: frozenset[int]
    key_vids: tuple[int | None, ...]
    """For each position of its reading, the word id there (None for a negation)."""
    pols: tuple[int, ...]
    """For each of `vids`, the negation parity it is used with."""
    clauses: tuple[int, ...]
    """For each of `vids`, its clause."""
    heads: frozenset[int]
    """Words a negation applies to directly: "proven" in "has not been proven"."""
    weights: tuple[float, ...]
    total: float
    wrong: int | None = None
    """Which of the item's known wrong answers this is; None for a right phrasing."""
    example: bool = False
    """A class's marked answer, read like a phrasing: weighed as a whole answer, never as a
    light key a longer answer may contain ("electoral college" is not like "college")."""


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """The figures an item's key admits."""

    numbers: frozenset[str] = frozenset()
    """Every figure the item's key and text give."""
    key_numbers: frozenset[str] = frozenset()
    """The figures most of its right phrasings give: the ones it turns on."""
    units: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """For each figure, the units of time the key gives it in ("30000": {"month"})."""
    durations: tuple[Duration, ...] = ()
    months: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()
    """Days of a date the key gives ("19 November")."""


@dataclass(frozen=True, slots=True)
class KnownWrong:
    """A known wrong answer: one the pack's author foresaw (with feedback aimed at it), or
    one the instructor marked wrong when a student gave it (`feedback` None)."""

    answer: str
    feedback: str | None


@dataclass(frozen=True, slots=True)
class Example:
    """An answer a student gave to the item, marked by the instructor, read like a phrasing."""

    mark: MarkedAnswer
    phrasing: Phrasing


@dataclass(frozen=True, slots=True)
class ItemKey:
    """Everything about one item the grader needs, computed once."""

    item: Item
    index: int
    thresholds: Thresholds
    right: tuple[Phrasing, ...]
    wrong: tuple[Phrasing, ...]
    groups: tuple[Group, ...]
    need: int
    """How many concept groups a right answer must cover."""
    word_terms: tuple[WordTerm, ...]
    known: tuple[KnownWrong, ...] = ()
    """The item's known wrong answers, by the number each `wrong` phrasing carries."""
    examples: tuple[Example, ...] = ()
    """The class's marked answers to the item (`marked.csv`)."""
    right_vids: frozenset[int] = frozenset()
    """Every word id of the right phrasings, worked out once: a light key's checks (hedges,
    a figure alone, the question's words) ask it for every answer."""


@dataclass(frozen=True, slots=True)
class Asked:
    """The content words of an item's own text (a question's prompt), and their word ids."""

    words: frozenset[str]
    ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class Admits:
    """What an item's key admits besides its words: worked out the first time an answer to
    the item is graded, since it reads the item's study text too, and most items of a large
    pack are never asked about in one session."""

    figures: KeyFigures = field(default_factory=KeyFigures)
    names: frozenset[str] = frozenset()
    """People the item may name: those in its key, text and speaker."""
    places: frozenset[Place] = frozenset()
    """Places and organisations the item may name: those in its key, texts and passage."""
    key_places: frozenset[Place] = frozenset()
    """...of which those its right phrasings name: the places its answer turns on."""


def key_figures(
    right: tuple[Reading, ...], text: Reading, others: tuple[Reading, ...], share: float
) -> KeyFigures:
    """The figures an item admits, from its right phrasings, its own text and its other
    texts (concept terms, quoted words, name); the key's own are those `share` of its
    phrasings give."""
    counts: dict[str, int] = defaultdict(int)
    for reading in right:
        for number in reading.figures.numbers:
            counts[number] += 1
    numbers = set(counts)
    for reading in (text, *others):
        numbers |= reading.figures.numbers
    units: dict[str, set[str]] = defaultdict(set)
    durations: dict[float, str] = {}
    months: set[str] = set()
    days: set[str] = set()
    for reading in (*right, text):
        days |= reading.figures.days
        for number, unit in reading.figures.units:
            units[number].add(unit)
        for duration in reading.figures.durations:
            durations.setdefault(duration.days, duration.shown)
        months |= reading.figures.months
    return KeyFigures(
        numbers=frozenset(numbers),
        key_numbers=frozenset(n for n, c in counts.items() if c >= share * len(right)),
        units={n: frozenset(found) for n, found in units.items()},
        durations=tuple(Duration(d, s) for d, s in sorted(durations.items())),
        months=frozenset(months),
        days=frozenset(days),
    )
