"""The argument map's lines in reading order, and the text a search finds each item by.

Pure data, no widgets: the study screen flattens the rows (`trainer.tui.map_rows`), and tests
check the shape as a tree of nodes without starting the app.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


Row = tuple[int, str, str]
"""One line of the map in reading order: (depth, label, item id); depth 0 is a section."""


def _under(pack: Pack, item: Item, depth: int) -> Iterator[Row]:
    """What hangs off an item: its evidence and quotes, and the answers to it (a rebuttal,
    the author's reply) with their own support."""
    found = (*pack.pointing_at(item.id, Kind.EVIDENCE), *pack.pointing_at(item.id, Kind.QUOTE))
    for child in found:
        yield depth, item_label(pack, child, True), child.id
    answers = {Kind.COUNTERARGUMENT: Kind.REBUTTAL, Kind.OTHER_SIDE: Kind.REPLY}.get(item.kind)
    if answers is not None:
        for answer in pack.pointing_at(item.id, answers):
            yield depth, item_label(pack, answer, True), answer.id
            yield from _under(pack, answer, depth + 1)


VOCABULARY = "#vocabulary"
"""The `item_id` of the vocabulary's lines: no pack id can start with "#"."""

VOCABULARY_NOTE = (
    "Before grading, every answer is read this way: write any of the words on the left and "
    "it counts as the word on the right. The pack's author chose these for its subject; "
    "spelling, case and everyday abbreviations (US, dont, 30k) are understood anyway."
)


def outline_rows(pack: Pack) -> Iterator[Row]:
    """The sections of the argument, in the order a student should read them, then how the
    pack's vocabulary reads answers (if it has one): a stream of rows, so the Study screen
    can flatten a big pack's map without building a node for each line."""
    for heading, kind in SECTIONS:
        items = pack.of_kind(kind)
        if items:
            yield 0, heading, ""
            for item in items:
                yield 1, item_label(pack, item, False), item.id
                yield from _under(pack, item, 2)
    vocabulary = pack.vocabulary
    if vocabulary:
        yield 0, "How answers are read", VOCABULARY
        for group in vocabulary.same:
            yield 1, f"{', '.join(group[1:])} = {group[0]}", VOCABULARY
        for opposite in vocabulary.opposites:
            yield 1, f"{', '.join(opposite.words)} = not {opposite.means_not}", VOCABULARY


def nest(rows: Iterable[Row]) -> tuple[Node, ...]:
    """Rows in reading order as a tree of nodes."""
    open_nodes: list[tuple[str, str, list[Node]]] = [("", "", [])]  # the root, then a path

    def close() -> None:
        label, item_id, children = open_nodes.pop()
        open_nodes[-1][2].append(Node(label, item_id, tuple(children)))

    for depth, label, item_id in rows:
        while len(open_nodes) > depth + 1:
            close()
        open_nodes.append((label, item_id, []))
    while len(open_nodes) > 1:
        close()
    return tuple(open_nodes[0][2])


def build_outline(pack: Pack) -> tuple[Node, ...]:
    """The map as a tree of nodes (the rows of `outline_rows`, nested)."""
    return nest(outline_rows(pack))


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
