"""A pack file's bytes to a YAML node tree, with every refusal placed in the file.

Only composing happens here, never constructing: the node tree is validated against the
format before anything is built from it, so no tag can make an object.
"""

from __future__ import annotations

import yaml

from trainer.packs.errors import PackError, Problem

try:  # libyaml's C parser when the platform has it; the pure-Python one otherwise.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def decode(data: bytes, name: str) -> str:
    """The text, or a `PackError` placing the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise PackError(
            [Problem(name, line, column, "", "is not UTF-8 text; save it as UTF-8")]
        ) from None
    return text.removeprefix("\ufeff")


def compose(text: str, name: str) -> yaml.Node:
    """The node tree, or a `PackError` at the place YAML gives up (never its content)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = ", ".join(part for part in (error.context, error.problem) if part)
        what = what or "is not valid YAML"
        raise PackError([Problem(name, line, column, "", f"YAML syntax: {what}")]) from None
    except yaml.reader.ReaderError as error:  # a character YAML refuses anywhere in the file
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"holds the character U+{code:04X}, which YAML does not allow; remove it"
        raise PackError([Problem(name, line, column, "", message)]) from None
    except yaml.YAMLError:  # pragma: no cover - every other YAML error carries a mark
        raise PackError([Problem(name, 0, 0, "", "is not valid YAML")]) from None
    if node is None:
        raise PackError([Problem(name, 0, 0, "", "is empty")])
    return node
