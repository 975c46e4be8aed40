"""An argument map as a pack skeleton: pack.yaml with answer blocks to fill in.

Each item's answer starts as its own text, so the skeleton loads and `check` passes before
the instructor writes a single accepted phrasing; what the map cannot hold (the article, the
answer keys) is left for them, and what a pack cannot hold (a second relation from one item)
is named in the notes, not dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from trainer.interop.escape import one_line
from trainer.interop.graph import ORDER, ArgumentMap, Edge, Node, Relation
from trainer.packs.model import Kind
from trainer.packs.relations import REFS

SOURCE_FILE = "article.txt"

SECTIONS: dict[Kind, str] = {
    Kind.PERSON: "people",
    Kind.PREMISE: "premises",
    Kind.COUNTERARGUMENT: "counterarguments",
    Kind.REBUTTAL: "rebuttals",
    Kind.EVIDENCE: "evidence",
    Kind.QUOTE: "quotes",
    Kind.OTHER_SIDE: "other_side",
    Kind.REPLY: "replies",
}
"""The pack file's list for each kind; the thesis and the conclusion are single items."""

IMPLIED: dict[Kind, tuple[Relation, bool]] = {
    Kind.PREMISE: (Relation.SUPPORT, True),
    Kind.COUNTERARGUMENT: (Relation.ATTACK, True),
}
"""Kinds whose relation to the thesis the pack implies rather than names."""

_HEADER = """\
# A debate-trainer pack skeleton imported from an Argdown map ({origin}).
# Every answer block starts with the item's own text as its canonical answer: add the
# phrasings students may write (accept), the key ideas (concepts), hints and self-tests
# (tests), then run `debate-trainer check` on this folder. See docs/pack-format.md.
"""

_ARTICLE_NOTE = (
    "The argument map held only these excerpts of the source. Replace this file with the "
    "full source text; each passage and quote must still occur in it."
)


@dataclass(frozen=True, slots=True)
class Skeleton:
    """The files of a new pack, and what the map said that the pack could not keep."""

    pack_yaml: str
    article: str
    notes: tuple[str, ...]


def _answer(node: Node) -> dict[str, Any]:
    canonical = node.details.get("name", node.text) if node.kind is Kind.PERSON else node.text
    return {"canonical": canonical, "accept": [], "tests": {"accept": [], "reject": []}}


def _entry(node: Node, amap: ArgumentMap, notes: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": node.id}
    details = node.details
    if node.kind is Kind.PERSON:
        entry["name"] = details.get("name", node.text)
        if node.text != entry["name"]:
            entry["text"] = node.text
    else:
        entry["text"] = node.text
    for name, key in (("by", "by"), ("speaker", "speaker"), ("words", "words")):
        if details.get(name):
            entry[key] = details[name]
    if node.kind is Kind.EVIDENCE and details.get("evidence_kind"):
        entry["kind"] = details["evidence_kind"]
    if details.get("role"):
        entry["role"] = details["role"]
    _relation(node, amap, entry, notes)
    if details.get("passage"):
        entry["passage"] = details["passage"]
    entry["answer"] = _answer(node)
    return entry


def _relation(node: Node, amap: ArgumentMap, entry: dict[str, Any], notes: list[str]) -> None:
    """The item's one reference, from its first outgoing relation; others become notes."""
    outgoing = list(amap.edges_from(node.id))
    if node.kind is Kind.THESIS:
        outgoing = [e for e in outgoing if amap_kind(amap, e.target) is not Kind.CONCLUSION]
    if node.kind in REFS and outgoing:
        entry[REFS[node.kind][0]] = outgoing[0].target
        outgoing = outgoing[1:]
    elif node.kind in IMPLIED:
        outgoing = [e for e in outgoing if not _implied(e, amap)]
    for edge in outgoing:
        notes.append(
            f"{node.id} {edge.relation.value}s {edge.target} in the map; a {node.kind.value} "
            "in a pack has one relation, so this one is not in the pack"
        )


def amap_kind(amap: ArgumentMap, node_id: str) -> Kind | None:
    node = amap.node(node_id)
    return node.kind if node is not None else None


def _implied(edge: Edge, amap: ArgumentMap) -> bool:
    source = amap.node(edge.source)
    relation = IMPLIED[source.kind][0] if source is not None else None
    return edge.relation is relation and amap_kind(amap, edge.target) is Kind.THESIS


def skeleton(amap: ArgumentMap, pack_id: str, origin: str) -> Skeleton:
    """The pack files for `amap`; `pack_id` is used when the map's front matter has none."""
    meta = amap.meta
    notes: list[str] = []
    doc: dict[str, Any] = {"format": 1, "id": meta.get("id", pack_id)}
    doc["title"] = meta.get("title", f"Imported from {origin}")
    for key in ("description", "language"):
        if meta.get(key):
            doc[key] = meta[key]
    doc["version"] = meta.get("version", "0.1.0")
    for key in ("credits", "licence"):
        if meta.get(key):
            doc[key] = meta[key]
    excerpts = [
        n.details[name] for n in amap.nodes for name in ("passage", "words") if n.details.get(name)
    ]
    source = {
        k: meta.get(f"source_{k}", "") for k in ("title", "author", "date", "publication", "url")
    }
    source = {key: value for key, value in source.items() if value}
    if excerpts:
        source.setdefault("title", doc["title"])
        source["file"] = SOURCE_FILE
    if source.get("title"):
        doc["source"] = source
    for kind in ORDER:
        entries = [_entry(node, amap, notes) for node in amap.of_kind(kind)]
        if kind in (Kind.THESIS, Kind.CONCLUSION):
            if entries:
                doc[kind.value] = entries[0]
            for extra in entries[1:]:
                notes.append(f"{extra['id']} is a second {kind.value}; a pack has one, so not kept")
        elif entries:
            doc[SECTIONS[kind]] = entries
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=96)
    article = "\n\n".join([_ARTICLE_NOTE, *dict.fromkeys(excerpts)]) + "\n" if excerpts else ""
    return Skeleton(_HEADER.format(origin=one_line(origin)) + body, article, tuple(notes))
