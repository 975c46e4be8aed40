"""The argument map as a tree of nodes, and filtering it by text.

Pure data, no widgets: the study screen's tree is built from these nodes, and tests check the
shape and the filter without starting the app.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from trainer.packs.model import Item, Kind, Pack

SECTIONS: tuple[tuple[str, Kind], ...] = (
    ("Thesis", Kind.THESIS),
    ("Premises", Kind.PREMISE),
    ("Counterarguments the author answers", Kind.COUNTERARGUMENT),
    ("Conclusion", Kind.CONCLUSION),
    ("The other side (not from the article)", Kind.OTHER_SIDE),
    ("People quoted", Kind.PERSON),
    ("Questions", Kind.QUESTION),
)

KIND_NAMES: dict[Kind, str] = {
    Kind.PERSON: "Person",
    Kind.THESIS: "Thesis",
    Kind.PREMISE: "Premise",
    Kind.COUNTERARGUMENT: "Counterargument",
    Kind.REBUTTAL: "Rebuttal",
    Kind.EVIDENCE: "Evidence",
    Kind.QUOTE: "Quote",
    Kind.CONCLUSION: "Conclusion",
    Kind.OTHER_SIDE: "The other side",
    Kind.REPLY: "Author's reply",
    Kind.QUESTION: "Question",
}
"""How each kind is named to a student."""


@dataclass(frozen=True, slots=True)
class Node:
    """One line of the map: a section heading (no item) or an item, with what hangs off it."""

    label: str
    item_id: str = ""
    children: tuple[Node, ...] = field(default=())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def speaker_name(pack: Pack, item: Item) -> str:
    person = pack.get(item.speaker)
    return person.name if person else item.speaker


def item_label(pack: Pack, item: Item, nested: bool) -> str:
    """The line a tree shows for an item; nested items say what they are."""
    if item.kind is Kind.PERSON:
        return f"{item.name}, {item.role}" if item.role else item.name
    if item.kind is Kind.QUOTE:
        return f'{speaker_name(pack, item)}: "{item.words}"'
    # Claims are listed by their model answer: it is shorter than the study text, which
    # often opens with the same "The author argues that ..." and would all look alike.
    # A question is listed by its prompt: its model answer is what the student must recall.
    plain_text = item.kind in (Kind.EVIDENCE, Kind.QUESTION)
    text = item.text if plain_text else item.answer.canonical or item.text
    return f"{KIND_NAMES[item.kind]}: {text}" if nested else text


def _support(pack: Pack, item: Item) -> tuple[Node, ...]:
    found = (*pack.pointing_at(item.id, Kind.EVIDENCE), *pack.pointing_at(item.id, Kind.QUOTE))
    return tuple(Node(item_label(pack, child, True), child.id) for child in found)


def _item_node(pack: Pack, item: Item) -> Node:
    children = list(_support(pack, item))
    answers = {Kind.COUNTERARGUMENT: Kind.REBUTTAL, Kind.OTHER_SIDE: Kind.REPLY}.get(item.kind)
    if answers is not None:
        for answer in pack.pointing_at(item.id, answers):
            children.append(Node(item_label(pack, answer, True), answer.id, _support(pack, answer)))
    return Node(item_label(pack, item, False), item.id, tuple(children))


VOCABULARY = "#vocabulary"
"""The `item_id` of the vocabulary's lines: no pack id can start with "#"."""

VOCABULARY_NOTE = (
    "Before grading, every answer is read this way: write any of the words on the left and "
    "it counts as the word on the right. The pack's author chose these for its subject; "
    "spelling, case and everyday abbreviations (US, dont, 30k) are understood anyway."
)


def build_outline(pack: Pack) -> tuple[Node, ...]:
    """The sections of the argument, in the order a student should read them, then how the
    pack's vocabulary reads answers (if it has one)."""
    sections = []
    for heading, kind in SECTIONS:
        items = pack.of_kind(kind)
        if items:
            sections.append(Node(heading, "", tuple(_item_node(pack, item) for item in items)))
    vocabulary = pack.vocabulary
    if vocabulary:
        lines = [f"{', '.join(group[1:])} = {group[0]}" for group in vocabulary.same]
        lines += [f"{', '.join(o.words)} = not {o.means_not}" for o in vocabulary.opposites]
        entries = tuple(Node(line, VOCABULARY) for line in lines)
        sections.append(Node("How answers are read", VOCABULARY, entries))
    return tuple(sections)


def search_text(pack: Pack, item: Item) -> str:
    """Everything a search may match in an item, folded for case-insensitive matching."""
    parts: Iterable[str] = (
        item.text,
        item.words,
        item.name,
        item.role,
        item.by,
        speaker_name(pack, item) if item.speaker else "",
        *item.answer.phrasings,
    )
    return " ".join(part for part in parts if part).casefold()


def filter_outline(
    pack: Pack, nodes: Iterable[Node], query: str, texts: Mapping[str, str] | None = None
) -> tuple[Node, ...]:
    """The nodes that match every word of `query`, with the nodes above them for context.

    A matching node keeps only its matching descendants, so a search narrows the map to
    what was asked for instead of dragging whole branches along. `texts` holds each item's
    `search_text` made once, so a search does not rebuild them all.
    """
    words = query.casefold().split()
    if not words:
        return tuple(nodes)

    def matches(node: Node) -> bool:
        if node.item_id == VOCABULARY:
            text = node.label.casefold() if not node.children else ""
        elif node.item_id:
            known = texts.get(node.item_id) if texts is not None else None
            text = known if known is not None else search_text(pack, pack.item(node.item_id))
        else:
            text = ""
        return all(word in text for word in words)

    def prune(node: Node) -> Node | None:
        kept = tuple(child for child in map(prune, node.children) if child is not None)
        if kept or matches(node):
            return Node(node.label, node.item_id, kept)
        return None

    return tuple(node for node in map(prune, nodes) if node is not None)
