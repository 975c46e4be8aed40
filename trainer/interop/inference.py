"""From the elements of an Argdown map to items of a pack: ids, and kinds where unstated.

A map written by `export` says each element's kind in its data. A map drawn by hand in
Argdown usually does not, so the kind follows from where the element stands: the claim
everything bears on is the thesis; what supports it is a premise and what attacks it a
counterargument; what attacks a counterargument is a rebuttal; what the thesis supports is
the conclusion; support for any other claim is evidence; an attack on another of the
author's claims is the other side, and an attack on the other side a reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trainer.interop.graph import DETAILS, ArgumentMap, Edge, Node, Relation, Shape
from trainer.packs.model import Kind
from trainer.packs.spec import ID_PATTERN

_KINDS = {kind.value: kind for kind in Kind if kind is not Kind.QUESTION}
"""Kinds an element's data may state; a plain question is no part of a map's argument."""


@dataclass
class MapElement:
    """A statement or argument as read, before it has an id and a kind."""

    title: str
    shape: Shape
    line: int
    text: str = ""
    data: dict[str, str] = field(default_factory=dict)


def _slug(title: str, taken: set[str]) -> str:
    """An id for a title: itself when it is one, else lower case with '-' for the rest."""
    if re.match(ID_PATTERN, title):
        base = title
    else:
        base = re.sub(r"[^a-z0-9._-]+", "-", title.lower()).strip("-._")[:72] or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _stated_kinds(elements: list[MapElement]) -> dict[str, Kind]:
    return {e.title: _KINDS[e.data["kind"]] for e in elements if e.data.get("kind") in _KINDS}


def _thesis(elements: list[MapElement], edges: list[Edge]) -> str:
    """The statement most relations bear on (the first of equals); else the first element."""
    incoming: dict[str, int] = {}
    for edge in edges:
        incoming[edge.target] = incoming.get(edge.target, 0) + 1
    statements = [e.title for e in elements if e.shape is Shape.STATEMENT]
    if not statements:
        return elements[0].title
    return max(statements, key=lambda title: incoming.get(title, 0))


def _kind_from(edge: Edge, target: Kind) -> Kind:
    if edge.relation is Relation.SUPPORT:
        return Kind.PREMISE if target is Kind.THESIS else Kind.EVIDENCE
    if target is Kind.THESIS:
        return Kind.COUNTERARGUMENT
    if target is Kind.COUNTERARGUMENT:
        return Kind.REBUTTAL
    if target is Kind.OTHER_SIDE:
        return Kind.REPLY
    return Kind.OTHER_SIDE


def infer_kinds(elements: list[MapElement], edges: list[Edge]) -> dict[str, Kind]:
    """Every element's kind: stated in its data, else read from its relations."""
    kinds = _stated_kinds(elements)
    if elements and Kind.THESIS not in kinds.values():
        kinds.setdefault(_thesis(elements, edges), Kind.THESIS)
    changed = True
    while changed:  # each pass settles the elements one relation further from the thesis
        changed = False
        for edge in edges:
            source_kind, target_kind = kinds.get(edge.source), kinds.get(edge.target)
            if source_kind is None and target_kind is not None:
                kinds[edge.source] = _kind_from(edge, target_kind)
                changed = True
            elif (
                source_kind is Kind.THESIS
                and target_kind is None
                and edge.relation is Relation.SUPPORT
            ):
                kinds[edge.target] = Kind.CONCLUSION
                changed = True
    for element in elements:
        kinds.setdefault(element.title, Kind.PREMISE)
    return kinds


def build_map(elements: list[MapElement], edges: list[Edge], meta: dict[str, str]) -> ArgumentMap:
    """The argument map of the elements read, with ids and kinds, edges renamed to ids."""
    kinds = infer_kinds(elements, edges)
    taken: set[str] = set()
    ids = {element.title: _slug(element.title, taken) for element in elements}
    nodes = tuple(
        Node(
            ids[element.title],
            kinds[element.title],
            element.text or element.title,
            {name: element.data[name] for name in DETAILS if element.data.get(name)},
        )
        for element in elements
    )
    unique = dict.fromkeys(Edge(ids[e.source], ids[e.target], e.relation) for e in edges)
    return ArgumentMap(nodes, tuple(unique), meta)
