"""The argument map for Graphviz: one box per item, green arrows for support, red for attack."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from trainer.interop.escape import dot_label, dot_string
from trainer.interop.graph import ArgumentMap, Relation, Shape, questions_note, speaker_name
from trainer.packs.model import Kind

LABEL_WIDTH = 40
"""Characters per line of a box's text: wide enough to read, narrow enough to lay out."""

_EDGE_STYLE = {
    Relation.SUPPORT: 'color="#1b7837", label="supports"',
    Relation.ATTACK: 'color="#b2182b", style=dashed, label="attacks"',
}
_SHAPE = {Shape.STATEMENT: "box", Shape.ARGUMENT: "box, style=rounded"}


def write_dot(amap: ArgumentMap) -> str:
    """The map as a DOT digraph; every id and text is a quoted, escaped DOT string."""
    return "".join(_dot_lines(amap))


def _dot_lines(amap: ArgumentMap) -> Iterator[str]:
    yield "digraph argument {\n"
    yield f"  label={dot_string(amap.meta.get('title', ''))};\n"
    yield "  rankdir=BT;\n  node [fontname=Helvetica, fontsize=10];\n"
    note = questions_note(amap)
    if note:
        yield f"  // {note}\n"
    for node in amap.nodes:
        if node.kind in (Kind.PERSON, Kind.QUESTION):
            continue  # a person is not a claim (their quotes name them), nor is a question
        heading = node.kind.value.replace("_", " ").upper()
        if node.kind is Kind.QUOTE:
            heading += f" ({speaker_name(amap, node)})"
        lines = [heading, *textwrap.wrap(node.text, LABEL_WIDTH)]
        yield f"  {dot_string(node.id)} [shape={_SHAPE[node.shape]}, label={dot_label(lines)}];\n"
    for edge in amap.edges:
        style = _EDGE_STYLE[edge.relation]
        yield f"  {dot_string(edge.source)} -> {dot_string(edge.target)} [{style}];\n"
    yield "}\n"
