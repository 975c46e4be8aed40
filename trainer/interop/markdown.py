"""The argument as a study sheet to print: in the order it is made, evidence and quotes
under the claims they back, the other side with the author's replies.

Every piece of pack text goes through `markdown_text`, so a pack cannot add a heading, a
link, an image, emphasis or raw HTML to the sheet; the structure is the sheet's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from trainer.interop.escape import markdown_text as md
from trainer.interop.graph import QUESTION_ANSWER, ArgumentMap, Node, speaker_name
from trainer.packs.model import Kind

SECTIONS: tuple[tuple[str, Kind, str], ...] = (
    ("The thesis", Kind.THESIS, ""),
    ("Premises", Kind.PREMISE, ""),
    ("Claims the author rejects", Kind.COUNTERARGUMENT, "Rebuttal"),
    ("Conclusion", Kind.CONCLUSION, ""),
    ("The other side (not from the source)", Kind.OTHER_SIDE, "The author's reply"),
)
"""Each section's heading, the kind it lists, and how an answer to that kind is labelled."""


def write_markdown(amap: ArgumentMap) -> str:
    return "\n".join(_sheet(amap)) + "\n"


def _pointing_at(amap: ArgumentMap, node: Node, kinds: tuple[Kind, ...]) -> Iterator[Node]:
    for edge in amap.edges_to(node.id):
        source = amap.node(edge.source)
        if source is not None and source.kind in kinds:
            yield source


def _backing(amap: ArgumentMap, node: Node, indent: str) -> Iterator[str]:
    """The evidence and quotes for a claim, as a nested list."""
    for item in _pointing_at(amap, node, (Kind.EVIDENCE, Kind.QUOTE)):
        if item.kind is Kind.EVIDENCE:
            yield f"{indent}- *Evidence:* {md(item.text)}"
            continue
        who = md(speaker_name(amap, item))
        words = md(item.details.get("words", ""))
        yield f"{indent}- *Quote:* “{words}” — **{who}** ({md(item.text)})"


def _questions(amap: ArgumentMap) -> Iterator[str]:
    """The pack's own questions, each with its model answer beneath it."""
    nodes = list(amap.of_kind(Kind.QUESTION))
    if not nodes:
        return
    yield ""
    yield "## Questions"
    yield ""
    for number, node in enumerate(nodes, 1):
        yield f"{number}. {md(node.text)}"
        yield f"    - *Answer:* {md(node.details.get(QUESTION_ANSWER, ''))}"


def _sheet(amap: ArgumentMap) -> Iterator[str]:
    yield f"# {md(amap.meta.get('title', 'An argument'))}"
    if amap.meta.get("source_title"):
        source = ", ".join(
            md(amap.meta[key])
            for key in ("source_title", "source_author", "source_date")
            if amap.meta.get(key)
        )
        yield ""
        yield f"Source: {source}"
    for heading, kind, answer_label in SECTIONS:
        nodes = list(amap.of_kind(kind))
        if not nodes:
            continue
        yield ""
        yield f"## {heading}"
        yield ""
        for number, node in enumerate(nodes, 1):
            by = f" *({md(node.details['by'])})*" if node.details.get("by") else ""
            yield f"{number}. {md(node.text)}{by}"
            yield from _backing(amap, node, "    ")
            answers = (Kind.REBUTTAL, Kind.REPLY)
            for answer in _pointing_at(amap, node, answers) if answer_label else ():
                yield f"    - **{answer_label}:** {md(answer.text)}"
                yield from _backing(amap, answer, "        ")
    yield from _questions(amap)
    yield ""
    yield f"_{len(amap.nodes)} items, {len(amap.edges)} relations._"
