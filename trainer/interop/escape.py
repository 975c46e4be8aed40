"""Pack text made inert for each format it is written into.

A pack comes from someone else: its text must read as text in every export, never as an
Argdown relation or comment, a Graphviz attribute, Markdown emphasis, a link or raw HTML.
Each format gets its own rule here, and every rule starts from `one_line()`, which folds
line breaks and writes any terminal control as a visible escape (the loader refuses them,
so this only matters for a model built by other code).
"""

from __future__ import annotations

import re

from trainer.packs.safe_text import visible

_MARKDOWN_ACTIVE = re.compile(r"""([!#$*\[\\\]_`{|}~])""")
"""What can start Markdown inside a paragraph: emphasis, links and images, code, tables,
strikethrough, math and attribute blocks (``<``, ``>`` and ``&`` become entities)."""
_ARGDOWN_ACTIVE = re.compile(r"""([#*+/<=>@\[\\\]_`{|}~])""")
"""What can start something in Argdown text: a tag, emphasis, a comment, a reference, a
mention, data, code; the rest of ASCII punctuation reads as itself."""


def one_line(text: str) -> str:
    """`text` on one line, runs of white space as one space, controls shown as escapes."""
    return visible(" ".join(text.split()))


def argdown_text(text: str) -> str:
    """Text for an Argdown statement or argument: each mark that could start markup escaped
    with a backslash, which Argdown reads as that character and nothing more (no relation,
    reference, tag, mention, comment, data block or emphasis can start)."""
    return _ARGDOWN_ACTIVE.sub(r"\\\1", one_line(text))


def argdown_string(text: str) -> str:
    """A double-quoted YAML string for Argdown's `{...}` data, with every character but
    letters, digits, spaces and plain punctuation as a ``\\uXXXX`` escape, so no brace,
    quote, backslash or slash can end the data block or the string early."""
    return '"' + "".join(_yaml_char(char) for char in text) + '"'


_PLAIN_IN_DATA = frozenset(" .,;:'?!()-")
"""Punctuation left as it is in data strings: none can end a YAML string or Argdown data."""


def _yaml_char(char: str) -> str:
    if (char.isalnum() and char.isprintable()) or char in _PLAIN_IN_DATA:
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def dot_string(text: str) -> str:
    """A double-quoted DOT string: backslashes and quotes escaped, so nothing in it is an
    escape sequence (``\\N``, ``\\G``), an attribute or the end of the string."""
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_label(lines: list[str]) -> str:
    """A DOT label of several lines: each escaped as `dot_string` does, joined by ``\\n``."""
    escaped = (one_line(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines)
    return '"' + "\\n".join(escaped) + '"'


def markdown_text(text: str) -> str:
    """Text for a Markdown paragraph: ``&``, ``<`` and ``>`` as entities (no raw HTML) and
    each mark that could start markup backslash-escaped (no emphasis, link, image, table,
    code or math can start), as CommonMark allows for any punctuation."""
    shown = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_ACTIVE.sub(r"\\\1", shown)
