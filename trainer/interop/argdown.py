"""The argument as an Argdown map (https://argdown.org), and an Argdown map read back.

The writer puts every item at the top level with its outgoing relation below it
(``+> [thesis]``), the item's kind and details in Argdown's ``{...}`` data, and every
punctuation mark of pack text escaped, so the real Argdown parser sees exactly the pack's
items and relations. The reader understands the part of Argdown a map of one argument uses:
statements, arguments, the six support and attack arrows, nesting, headings, comments and
front matter; anything else is an error at its line, not a silent guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from trainer.interop.escape import argdown_string, argdown_text, one_line
from trainer.interop.graph import (
    ORDER,
    ArgumentMap,
    Edge,
    Node,
    Relation,
    Shape,
    questions_note,
)
from trainer.interop.inference import MapElement, build_map
from trainer.packs.model import Kind

HEADINGS: dict[Kind, str] = {
    Kind.THESIS: "Thesis",
    Kind.PREMISE: "Premises",
    Kind.COUNTERARGUMENT: "Counterarguments",
    Kind.REBUTTAL: "Rebuttals",
    Kind.EVIDENCE: "Evidence",
    Kind.QUOTE: "Quotes",
    Kind.CONCLUSION: "Conclusion",
    Kind.OTHER_SIDE: "The other side (not from the source)",
    Kind.REPLY: "Replies to the other side",
    Kind.PERSON: "People quoted",
}

_BRACKETS = {Shape.STATEMENT: ("[", "]"), Shape.ARGUMENT: ("<", ">")}
_OUT_ARROW = {Relation.SUPPORT: "+>", Relation.ATTACK: "->"}


class ArgdownError(ValueError):
    """An Argdown file this reader cannot turn into an argument, at a line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


def _ref(node: Node) -> str:
    opening, closing = _BRACKETS[node.shape]
    return f"{opening}{node.id}{closing}"


def _data(node: Node) -> str:
    fields = [f"kind: {node.kind.value}"]
    fields += [f"{name}: {argdown_string(node.details[name])}" for name in node.details]
    return "{" + ", ".join(fields) + "}"


def write_argdown(amap: ArgumentMap) -> str:
    """The map as Argdown text; ids are titles, so references need no escaping."""
    return "".join(_argdown_lines(amap))


def _argdown_lines(amap: ArgumentMap) -> Iterator[str]:
    yield "===\n"
    for key, value in amap.meta.items():
        yield f"{key}: {argdown_string(value)}\n"
    yield "===\n"
    by_id = {node.id: node for node in amap.nodes}
    note = questions_note(amap)
    if note:  # ORDER holds the argument's kinds only
        yield f"\n// {note}\n"
    for kind in ORDER:
        nodes = [node for node in amap.nodes if node.kind is kind]
        if not nodes:
            continue
        yield f"\n# {HEADINGS[kind]}\n"
        for node in nodes:
            yield f"\n{_ref(node)}: {argdown_text(node.text)} {_data(node)}\n"
            for edge in amap.edges_from(node.id):
                target = by_id.get(edge.target)
                if target is not None:
                    yield f"  {_OUT_ARROW[edge.relation]} {_ref(target)}\n"


_ELEMENT = re.compile(
    r"(?P<indent>[ \t]*)(?:(?P<arrow><\+|<-|\+>|->|\+|-)[ \t]+)?"
    r"(?P<open>[\[<])(?P<title>(?:\\.|[^\]>\\])+)(?P<close>[\]>])"
    r"(?::[ \t]*(?P<rest>.*))?$"
)
_INCOMING = {"+": Relation.SUPPORT, "<+": Relation.SUPPORT, "-": Relation.ATTACK}
_INCOMING["<-"] = Relation.ATTACK
_OUTGOING = {"+>": Relation.SUPPORT, "->": Relation.ATTACK}
_SHAPES = {("[", "]"): Shape.STATEMENT, ("<", ">"): Shape.ARGUMENT}


def unescape(text: str) -> str:
    """Argdown's backslash escapes read as the characters they stand for."""
    return re.sub(r"\\(.)", r"\1", text)


def _split_data(rest: str) -> tuple[str, str]:
    """(text, data) of an element's line: the data is a last ``{...}`` not escaped."""
    depth, start, index = 0, -1, 0
    while index < len(rest):
        char = rest[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            start = index if depth == 0 else start
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0 and not rest[index + 1 :].strip():
                return rest[:start], rest[start : index + 1]
        index += 1
    return rest, ""


@dataclass
class _Reader:
    """The elements and relations met so far, and the indentation stack of open elements."""

    elements: dict[str, MapElement] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    stack: list[tuple[int, str]] = field(default_factory=list)
    last: str | None = None

    def element(self, number: int, match: re.Match[str]) -> str:
        shape = _SHAPES.get((match["open"], match["close"]))
        title = unescape(match["title"]).strip()
        if shape is None or not title:
            raise ArgdownError(number, "a title must be [in brackets] or <in angle brackets>")
        text, data = _split_data(match["rest"] or "")
        found = self.elements.setdefault(title, MapElement(title, shape, number))
        if found.shape is not shape:
            raise ArgdownError(number, f"{one_line(title)!r} is both a statement and an argument")
        if text.strip() and not found.text:
            found.text = " ".join(unescape(text).split())
        if data:
            found.data.update(_read_data(number, data))
        return title

    def line(self, number: int, line: str) -> None:
        match = _ELEMENT.match(line)
        if match is None:
            if self.last is not None and line.strip() and line[:1] in " \t":
                self.elements[self.last].text += " " + " ".join(unescape(line).split())
                return
            raise ArgdownError(
                number,
                "cannot read this line: debate-trainer reads statements [..], arguments <..>, "
                "their support and attack relations, headings and comments",
            )
        indent = len(match["indent"].expandtabs(4))
        title = self.element(number, match)
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        arrow = match["arrow"]
        if arrow is None and indent:
            raise ArgdownError(
                number, "an indented element needs a relation (+, -, <+, <-, +>, ->)"
            )
        if arrow is not None:
            if not self.stack:
                raise ArgdownError(number, "a relation needs an element above it to belong to")
            parent = self.stack[-1][1]
            if arrow in _OUTGOING:
                self.edges.append(Edge(parent, title, _OUTGOING[arrow]))
            else:
                self.edges.append(Edge(title, parent, _INCOMING[arrow]))
        self.stack.append((indent, title))
        self.last = title


def _read_data(number: int, data: str) -> dict[str, str]:
    try:
        value: Any = yaml.safe_load(data)
    except yaml.YAMLError:
        raise ArgdownError(number, "the {...} data is not valid YAML") from None
    if not isinstance(value, dict):
        raise ArgdownError(number, "the {...} data must be a mapping of names to values")
    return {
        str(key): str(item)
        for key, item in value.items()
        if isinstance(item, str | int | float) and not isinstance(item, bool)
    }


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The ``===``-fenced front matter's string fields, and the line index after it."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "===":
        return {}, 0
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
    if end is None:
        raise ArgdownError(first + 1, "the front matter opened here is never closed with ===")
    try:
        value: Any = yaml.safe_load("\n".join(lines[first + 1 : end]))
    except yaml.YAMLError:
        raise ArgdownError(first + 1, "the front matter is not valid YAML") from None
    meta = value if isinstance(value, dict) else {}
    return {str(k): str(v) for k, v in meta.items() if isinstance(v, str | int | float)}, end + 1


def read_argdown(text: str) -> ArgumentMap:
    """The argument an Argdown map holds; ArgdownError names the first line it cannot read."""
    lines = text.splitlines()
    meta, start = _front_matter(lines)
    reader = _Reader()
    in_comment = False
    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        stripped = line.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        if not stripped:
            reader.last = None
            continue
        if line.startswith("#"):  # a heading ends every open element
            reader.stack.clear()
            continue
        if stripped.startswith("//"):
            continue
        reader.line(number, line)
    return build_map(list(reader.elements.values()), reader.edges, meta)
