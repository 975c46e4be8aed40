"""A pack's argument as a map: its items as nodes, and who supports or attacks whom.

Every export format (Argdown, DOT, the study sheet) writes this one map, and the Argdown
import reads a map back into it, so "export then import keeps every item and relation" is a
statement about this module's two directions, not about four formats' own rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from trainer.packs.model import Item, Kind, Pack


class Relation(StrEnum):
    """How one item bears on another, in Argdown's words."""

    SUPPORT = "support"
    ATTACK = "attack"


class Shape(StrEnum):
    """Argdown's two kinds of element: a claim (statement) or a line of reasoning (argument)."""

    STATEMENT = "statement"
    ARGUMENT = "argument"


KIND_SHAPE: Mapping[Kind, Shape] = {
    Kind.PERSON: Shape.STATEMENT,
    Kind.THESIS: Shape.STATEMENT,
    Kind.PREMISE: Shape.STATEMENT,
    Kind.CONCLUSION: Shape.STATEMENT,
    Kind.EVIDENCE: Shape.STATEMENT,
    Kind.QUOTE: Shape.STATEMENT,
    Kind.COUNTERARGUMENT: Shape.ARGUMENT,
    Kind.REBUTTAL: Shape.ARGUMENT,
    Kind.OTHER_SIDE: Shape.ARGUMENT,
    Kind.REPLY: Shape.ARGUMENT,
    Kind.QUESTION: Shape.STATEMENT,
}
"""Claims and facts are statements; what one side argues against the other is an argument.
A plain question is in the map with no relation; Argdown and DOT leave it out (they draw the
argument), the study sheet and JSON list it."""

ORDER: tuple[Kind, ...] = (
    Kind.THESIS,
    Kind.PREMISE,
    Kind.COUNTERARGUMENT,
    Kind.REBUTTAL,
    Kind.EVIDENCE,
    Kind.QUOTE,
    Kind.CONCLUSION,
    Kind.OTHER_SIDE,
    Kind.REPLY,
    Kind.PERSON,
)
"""The order the sections of every export follow: the pack file's own, people last. The
pack's own questions are no part of the argument and come after it (`argument_map`)."""

DETAILS = ("by", "speaker", "words", "role", "name", "evidence_kind", "passage")
"""Item fields that are neither its text nor a relation, carried through every export."""


@dataclass(frozen=True, slots=True)
class Node:
    """One item of the argument; `details` holds only the fields the item sets."""

    id: str
    kind: Kind
    text: str
    details: Mapping[str, str] = field(default_factory=dict)

    @property
    def shape(self) -> Shape:
        return KIND_SHAPE[self.kind]


@dataclass(frozen=True, slots=True)
class Edge:
    """`source` supports or attacks `target`."""

    source: str
    target: str
    relation: Relation


@dataclass(frozen=True, slots=True)
class ArgumentMap:
    """The whole argument: nodes in pack order, edges, and the pack's own description."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    meta: Mapping[str, str] = field(default_factory=dict)
    """The pack's id, title, version, description and source fields, where set."""
    _by_id: dict[str, Node] = field(default_factory=dict, compare=False, repr=False)
    _from: dict[str, list[Edge]] = field(default_factory=dict, compare=False, repr=False)
    _to: dict[str, list[Edge]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Built once, so each export stays linear in the pack's size (as Pack's indexes).
        self._by_id.update((node.id, node) for node in self.nodes)
        for edge in self.edges:
            self._from.setdefault(edge.source, []).append(edge)
            self._to.setdefault(edge.target, []).append(edge)

    def node(self, node_id: str) -> Node | None:
        return self._by_id.get(node_id)

    def of_kind(self, kind: Kind) -> Iterator[Node]:
        return (node for node in self.nodes if node.kind is kind)

    def edges_from(self, node_id: str) -> list[Edge]:
        return self._from.get(node_id, [])

    def edges_to(self, node_id: str) -> list[Edge]:
        return self._to.get(node_id, [])


def edge_of(item: Item, thesis_id: str) -> Edge | None:
    """The one relation an item of the pack has, or None (a person, or the thesis).

    A premise supports and a counterargument attacks the thesis without naming it in the
    pack; the conclusion follows from the thesis; every other kind names its target in `ref`.
    """
    kind = item.kind
    if kind is Kind.PREMISE:
        return Edge(item.id, thesis_id, Relation.SUPPORT)
    if kind is Kind.COUNTERARGUMENT:
        return Edge(item.id, thesis_id, Relation.ATTACK)
    if kind is Kind.CONCLUSION:
        return Edge(thesis_id, item.id, Relation.SUPPORT)
    if not item.ref:
        return None
    if kind in (Kind.EVIDENCE, Kind.QUOTE):
        return Edge(item.id, item.ref, Relation.SUPPORT)
    if kind in (Kind.REBUTTAL, Kind.OTHER_SIDE, Kind.REPLY):
        return Edge(item.id, item.ref, Relation.ATTACK)
    return None


def argument_map(pack: Pack) -> ArgumentMap:
    """The pack's items in the export order, each with the relation the pack gives it."""
    thesis_id = pack.thesis.id if pack.has_argument else ""
    nodes: list[Node] = []
    edges: list[Edge] = []
    for kind in ORDER:
        for item in pack.of_kind(kind):
            details = {name: getattr(item, name) for name in DETAILS if getattr(item, name)}
            nodes.append(Node(item.id, kind, item.text, details))
            edge = edge_of(item, thesis_id)
            if edge is not None:
                edges.append(edge)
    # A question's text is its prompt; the study sheet prints its model answer beside it.
    nodes.extend(
        Node(item.id, Kind.QUESTION, item.text, {QUESTION_ANSWER: item.answer.canonical})
        for item in pack.questions
    )
    return ArgumentMap(tuple(nodes), tuple(edges), pack_meta(pack))


def questions_note(amap: ArgumentMap) -> str:
    """What Argdown and DOT, which draw the argument, say of the questions they leave out;
    "" when the pack has none."""
    count = sum(1 for _ in amap.of_kind(Kind.QUESTION))
    if not count:
        return ""
    return (
        f"{count} plain question(s) left out: they are no part of the argument "
        "(export --format json or markdown lists them)"
    )


QUESTION_ANSWER = "answer"
"""The detail that holds a question's model answer in the map (JSON writes the whole answer
block under the same name)."""


def pack_meta(pack: Pack) -> dict[str, str]:
    """The pack-level fields an export states once at the top."""
    meta = {
        "id": pack.id,
        "title": pack.title,
        "version": pack.version,
        "description": pack.description,
        "language": pack.language,
        "credits": pack.credits,
        "licence": pack.licence,
    }
    if pack.source is not None:
        for name in ("title", "author", "date", "publication", "url"):
            meta[f"source_{name}"] = getattr(pack.source, name)
    return {key: value for key, value in meta.items() if value}


def speaker_name(amap: ArgumentMap, node: Node) -> str:
    """Who said a quote, by name where the map has the person, else by id."""
    speaker_id = node.details.get("speaker", "")
    person = amap.node(speaker_id)
    if person is None:
        return speaker_id
    return person.details.get("name", person.text)
