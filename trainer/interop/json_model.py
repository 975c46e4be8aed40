"""The pack's model as JSON, for other programs: items with their answer keys, and the
argument map's relations. docs/interop.md describes every field; `FORMAT` names the shape
so a reader can refuse one it does not know."""

from __future__ import annotations

from typing import Any

from trainer.interop.graph import ArgumentMap, argument_map
from trainer.packs.model import Answer, Item, Pack
from trainer.packs.safe_text import json_text

FORMAT = "debate-trainer/pack-model/1"


def _answer(answer: Answer) -> dict[str, Any]:
    out: dict[str, Any] = {"canonical": answer.canonical, "accept": list(answer.accept)}
    out["concepts"] = {
        "groups": [list(group.terms) for group in answer.concepts.groups],
        "need": answer.concepts.need,
    }
    out["wrong"] = [{"answer": w.answer, "feedback": w.feedback} for w in answer.wrong]
    out["hint"] = answer.hint
    out["short_ok"] = answer.short_ok
    if answer.thresholds is not None:
        out["thresholds"] = {
            "accept": answer.thresholds.accept,
            "partial": answer.thresholds.partial,
        }
    return out


def _item(item: Item, amap: ArgumentMap) -> dict[str, Any]:
    node = amap.node(item.id)
    out: dict[str, Any] = {"id": item.id, "kind": item.kind.value, "text": item.text}
    if item.ref:
        out["ref"] = item.ref
    out.update(node.details if node is not None else {})
    out["answer"] = _answer(item.answer)
    return out


def pack_model(pack: Pack) -> dict[str, Any]:
    """The pack as plain JSON values, in export order."""
    amap = argument_map(pack)
    return {
        "format": FORMAT,
        "pack": dict(amap.meta),
        "thresholds": {"accept": pack.thresholds.accept, "partial": pack.thresholds.partial},
        "items": [_item(pack.item(node.id), amap) for node in amap.nodes],
        "relations": [
            {"from": edge.source, "to": edge.target, "type": edge.relation.value}
            for edge in amap.edges
        ],
    }


def write_json(pack: Pack) -> str:
    """The model as indented JSON with nothing a terminal would act on."""
    return json_text(pack_model(pack), indent=2) + "\n"
