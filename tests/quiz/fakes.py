"""A small pack built in code, a fake grader with rules a test can reason about, a fake clock.

The fake grader keeps session tests about the session: "cost" is partly right because it
names one of two concepts, not because of how the real grader weighs words today.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from trainer.packs.model import Answer, ConceptGroup, Concepts, Item, Kind, Pack


def _answer(
    canonical: str, *groups: Sequence[str], hint: str = "", accept: Sequence[str] = ()
) -> Answer:
    return Answer(
        canonical=canonical,
        accept=tuple(accept),
        concepts=Concepts(tuple(ConceptGroup(tuple(g)) for g in groups), len(groups)),
        hint=hint,
    )


def _item(item_id: str, kind: Kind, answer: Answer, *, text: str = "", **extra: str) -> Item:
    return Item(
        id=item_id,
        kind=kind,
        text=text or answer.canonical,
        answer=answer,
        path=f"{kind.value}:{item_id}",
        **extra,
    )


def make_pack() -> Pack:
    """Three premises, two counterarguments (one with two rebuttals), a person with a quote,
    evidence, and one other-side argument with its reply."""
    items = (
        _item(
            "thesis",
            Kind.THESIS,
            _answer("Uniforms should be optional.", ["uniform"], ["optional"]),
        ),
        _item(
            "cost",
            Kind.PREMISE,
            _answer(
                "Uniforms cost too much.",
                ["cost", "expensive"],
                ["money", "much"],
                hint="Think of the price.",
            ),
        ),
        _item(
            "bullying",
            Kind.PREMISE,
            _answer("Bullying moves elsewhere.", ["bullying"], ["elsewhere"]),
        ),
        _item(
            "learning",
            Kind.PREMISE,
            _answer("Clothes do not help learning.", ["clothes"], ["learning"]),
        ),
        _item("equality", Kind.COUNTERARGUMENT, _answer("Uniforms make pupils equal.", ["equal"])),
        _item("smart", Kind.COUNTERARGUMENT, _answer("Uniforms look smart.", ["smart"])),
        _item(
            "phones",
            Kind.REBUTTAL,
            _answer("Wealth still shows in phones.", ["wealth"], ["phones"]),
            ref="equality",
        ),
        _item(
            "poor-pay",
            Kind.REBUTTAL,
            _answer("Uniforms cost poor families most.", ["poor"], ["families"]),
            ref="equality",
        ),
        _item(
            "not-learning",
            Kind.REBUTTAL,
            _answer("Looking smart is not learning.", ["smart"], ["learning"]),
            ref="smart",
        ),
        _item("survey", Kind.EVIDENCE, _answer("300 pounds a year.", ["300"]), ref="cost"),
        _item(
            "blazer",
            Kind.QUOTE,
            _answer("Blazers do not teach reading.", ["blazer"], ["reading"]),
            ref="learning",
            speaker="lee",
            words="I have never seen a blazer teach a child to read.",
        ),
        _item(
            "hide-wealth",
            Kind.OTHER_SIDE,
            _answer("Uniforms hide wealth.", ["hide"], ["wealth"]),
            ref="thesis",
        ),
        _item(
            "still-shows",
            Kind.REPLY,
            _answer("Wealth still shows anyway.", ["shows"]),
            ref="hide-wealth",
        ),
        _item(
            "lee",
            Kind.PERSON,
            _answer("Dana Lee", ["lee"], hint="She runs the school."),
            name="Dana Lee",
            role="head teacher",
        ),
    )
    return Pack(id="tiny", title="Tiny", version="1", items=items)


_WORDS = re.compile(r"[^\w\s]")


def _norm(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


@dataclass(frozen=True, slots=True)
class FakeVerdict:
    outcome: str
    score: int
    item_id: str
    concepts_found: tuple[str, ...] = ()
    concepts_missing: tuple[str, ...] = ()
    feedback: str | None = None
    explanation: str = ""
    overridden: bool = False
    belongs_to: str | None = None
    reason: str = "fake"

    def override(self) -> FakeVerdict:
        return replace(self, outcome="correct", overridden=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "outcome": self.outcome,
            "score": self.score,
            "explanation": self.explanation,
            "concepts_found": list(self.concepts_found),
            "concepts_missing": list(self.concepts_missing),
            "feedback": self.feedback,
            "overridden": self.overridden,
        }


class FakeGrader:
    """Correct: a model phrasing, or every concept group named. Partial: some. Else incorrect."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    def grade(self, answer: str, item: Item) -> FakeVerdict:
        self.calls.append((answer, (item.id,)))
        return self._grade(answer, item)

    def grade_best(self, answer: str, candidates: Sequence[Item]) -> FakeVerdict:
        self.calls.append((answer, tuple(c.id for c in candidates)))
        verdicts = [self._grade(answer, c) for c in candidates]
        rank = {"correct": 2, "partial": 1, "incorrect": 0}
        return max(verdicts, key=lambda v: (rank[v.outcome], v.score))

    def _grade(self, answer: str, item: Item) -> FakeVerdict:
        said = _norm(answer)
        if said in {_norm(p) for p in item.answer.phrasings}:
            return FakeVerdict("correct", 100, item.id, explanation="Right.")
        groups = item.answer.concepts.groups
        found = tuple(g.terms[0] for g in groups if any(_norm(t) in said.split() for t in g.terms))
        missing = tuple(g.terms[0] for g in groups if g.terms[0] not in found)
        if groups and not missing:
            return FakeVerdict("correct", 85, item.id, found, missing, explanation="Right.")
        if found:
            return FakeVerdict("partial", 60, item.id, found, missing, explanation="Partly.")
        return FakeVerdict("incorrect", 10, item.id, (), missing, explanation="Not that.")


class Ticker:
    """A clock that moves `step` seconds each time it is read: exact, repeatable times."""

    def __init__(self, step: float = 2.0) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def of_type(events: Iterable[Any], kind: str) -> list[dict[str, Any]]:
    """The JSON of the events of one type."""
    return [e.to_json() for e in events if e.type == kind]
