"""The pack model: what a content pack says, as plain immutable Python objects.

The loader builds these from YAML after validation, so the rest of the trainer (grading,
quizzes, the terminal app) can trust every reference and never sees raw YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Kind(StrEnum):
    """Which part of the argument an item is, or an instructor's own question; it decides
    which questions ask for it."""

    PERSON = "person"
    THESIS = "thesis"
    PREMISE = "premise"
    COUNTERARGUMENT = "counterargument"
    REBUTTAL = "rebuttal"
    EVIDENCE = "evidence"
    QUOTE = "quote"
    CONCLUSION = "conclusion"
    OTHER_SIDE = "other_side"
    REPLY = "reply"
    QUESTION = "question"
    """A plain question of the pack's `questions:` list: `text` is the prompt, asked as
    written, and `answer` its key; no part of an argument, and no reference to one."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Scores (0-100) at which an answer counts as correct or as partly right."""

    accept: int = 80
    partial: int = 55


@dataclass(frozen=True, slots=True)
class ConceptGroup:
    """Words and phrases that all name one idea: synonyms, spellings, abbreviations."""

    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Concepts:
    """The ideas a right answer must contain; `need` of the groups must be covered."""

    groups: tuple[ConceptGroup, ...] = ()
    need: int = 0


@dataclass(frozen=True, slots=True)
class WrongAnswer:
    """A mistake students are known to make, with feedback aimed at it."""

    answer: str
    feedback: str


@dataclass(frozen=True, slots=True)
class MarkedAnswer:
    """An answer a student gave, marked by the instructor (`marked.csv` beside the pack)."""

    item_id: str
    answer: str
    accept: bool
    line: int = 0
    """Its line in the file, for reports."""


@dataclass(frozen=True, slots=True)
class SelfTests:
    """Student-style responses the grader must accept or reject: the key's own test suite."""

    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Answer:
    """Everything the grader needs to mark one item fairly."""

    canonical: str
    accept: tuple[str, ...] = ()
    concepts: Concepts = field(default_factory=Concepts)
    wrong: tuple[WrongAnswer, ...] = ()
    hint: str = ""
    short_ok: bool = False
    thresholds: Thresholds | None = None
    tests: SelfTests = field(default_factory=SelfTests)

    @property
    def phrasings(self) -> tuple[str, ...]:
        """The canonical answer first, then every accepted alternative."""
        return (self.canonical, *self.accept)


@dataclass(frozen=True, slots=True)
class Item:
    """One gradable part of the argument.

    `ref` is the id this item points at: the counterargument a rebuttal rebuts, the claim a
    piece of evidence or a quote supports, the author's claim an other-side item targets,
    the other-side item a reply answers. `speaker` is the person id of a quote.
    """

    id: str
    kind: Kind
    text: str
    answer: Answer
    path: str
    passage: str = ""
    ref: str = ""
    by: str = ""
    speaker: str = ""
    words: str = ""
    role: str = ""
    name: str = ""
    evidence_kind: str = ""
    title: str = ""
    """The pack's `label:` for the item, "" when it gives none (see `label`)."""

    @property
    def label(self) -> str:
        """A short title for the item wherever items are listed and in feedback: the pack's
        `label:`, or one derived from the model answer (see `derived_label`)."""
        if self.title:
            return self.title
        if self.kind is Kind.PERSON:
            return self.name
        if self.kind is Kind.QUESTION:
            # The question names itself; its model answer would give the answer away in a
            # list of what is due or in feedback that names another question.
            return derived_label(self.text)
        # The model answer is said plainly and differs item to item; the texts share their
        # openings ("Critics of the author's view argue that ...").
        return derived_label(self.answer.canonical or self.text)


LABEL_LENGTH = 40
"""How long a derived label may be, in characters (a pack's own `label:` may be up to
`trainer.packs.format.LABEL_MAX`): short enough for a results table or a checklist line."""

_FRAMES = re.compile(
    r"^(?:the author (?:argues|answers|says|notes|points out|replies|cites|warns|doubts)"
    r"(?: that)?|some (?:argue|say)(?: that)?)\s+",
    re.IGNORECASE,
)
"""Openings that most items share ("The author answers that ..."): five labels that all
read "The author answers that..." tell a student nothing."""


def derived_label(text: str) -> str:
    """The text's first sentence without a shared opening, capitalised, and cut at a word
    to `LABEL_LENGTH` characters with an ellipsis ("illu..." would read as a typo)."""
    first = text.strip().split(". ")[0].strip()
    bare = _FRAMES.sub("", first) or first
    bare = bare[:1].upper() + bare[1:]
    if len(bare) <= LABEL_LENGTH:
        return bare
    room = bare[: LABEL_LENGTH - 1]
    cut = room.rsplit(" ", 1)[0] if " " in room else room
    return cut.rstrip(" ,;:") + "\u2026"


@dataclass(frozen=True, slots=True)
class Opposite:
    """Words that say "not" something without the word "not": "weakens" for "strengthens"."""

    words: tuple[str, ...]
    means_not: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How the pack's subject is written, for grading every item of the pack.

    The grader knows general English (contractions, "US" and "U.S.", spelled-out numbers); it
    cannot know that "DPRK" is North Korea or that "Kiev" is Kyiv. Packs on other subjects
    must not inherit this pack's readings, so they live here and not in the grader.
    """

    same: tuple[tuple[str, ...], ...] = ()
    """Groups of spellings of one thing; an answer is read as if it used each group's first."""
    opposites: tuple[Opposite, ...] = ()
    common_names: tuple[str, ...] = ()
    """Names that run through the whole subject, which explanations never name a claim by."""

    def __bool__(self) -> bool:
        """True when answers must be rewritten (common names only change explanations)."""
        return bool(self.same or self.opposites)


@dataclass(frozen=True, slots=True)
class Source:
    """Where the argument comes from."""

    title: str
    author: str = ""
    date: str = ""
    publication: str = ""
    url: str = ""
    file: str = ""


@dataclass(frozen=True, slots=True)
class Pack:
    """A whole content pack, validated: every reference resolves, every id is unique."""

    id: str
    title: str
    version: str
    items: tuple[Item, ...]
    description: str = ""
    language: str = "en"
    credits: str = ""
    licence: str = ""
    source: Source | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    folder: Path | None = None
    source_text: str = ""
    marked: tuple[MarkedAnswer, ...] = ()
    """The class's marked answers kept beside the pack, which the grader learns from."""
    _by_id: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)
    _by_ref: dict[str, tuple[Item, ...]] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )
    _by_kind: dict[Kind, tuple[Item, ...]] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        # Built once, so asking "what points at this item?" or "which items are premises?"
        # costs the answer's size, not a scan of the pack: the outline and a quiz plan ask
        # once or twice per item, which made them grow with the square of the pack.
        self._by_id.update((item.id, item) for item in self.items)
        by_ref: dict[str, list[Item]] = {}
        by_kind: dict[Kind, list[Item]] = {}
        for item in self.items:
            if item.ref:
                by_ref.setdefault(item.ref, []).append(item)
            by_kind.setdefault(item.kind, []).append(item)
        self._by_ref.update((ref, tuple(items)) for ref, items in by_ref.items())
        self._by_kind.update((kind, tuple(items)) for kind, items in by_kind.items())

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def item(self, item_id: str) -> Item:
        """The item with this id; KeyError names the id when there is none."""
        try:
            return self._by_id[item_id]
        except KeyError:
            raise KeyError(f"pack {self.id!r} has no item {item_id!r}") from None

    def get(self, item_id: str) -> Item | None:
        return self._by_id.get(item_id)

    def of_kind(self, kind: Kind) -> tuple[Item, ...]:
        """Items of one kind, in pack order."""
        return self._by_kind.get(kind, ())

    def pointing_at(self, item_id: str, kind: Kind | None = None) -> tuple[Item, ...]:
        """Items whose `ref` is `item_id`, in pack order: a counterargument's rebuttals, a
        claim's evidence."""
        found = self._by_ref.get(item_id, ())
        if kind is None:
            return found
        return tuple(item for item in found if item.kind is kind)

    @property
    def has_argument(self) -> bool:
        """Whether the pack holds an argument (a thesis); a pack of questions only does not."""
        return bool(self.of_kind(Kind.THESIS))

    @property
    def thesis(self) -> Item:
        """The thesis; LookupError for a pack of questions only (see `has_argument`)."""
        found = self.of_kind(Kind.THESIS)
        if not found:
            raise LookupError(f"pack {self.id!r} holds questions only: it has no thesis")
        return found[0]

    @property
    def questions(self) -> tuple[Item, ...]:
        """The pack's own questions (`questions:`), in pack order."""
        return self.of_kind(Kind.QUESTION)

    def thresholds_for(self, item: Item) -> Thresholds:
        """The item's own thresholds where it sets them, else the pack's."""
        return item.answer.thresholds or self.thresholds
