"""The kinds of value a pack holds, each a spec that validates a YAML node and describes
itself as JSON Schema; the limits that bound a pack (the state of one validation pass is
`trainer.packs.walk.Walk`).

`trainer.packs.format` declares pack.yaml with these specs, once: the validator walks the
YAML node tree against them (so every problem has a line and column), and `json_schema()`
turns the same specs into the published JSON Schema, so the two cannot drift apart.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from trainer.packs.safe_text import UNSAFE_IN_TEXT
from trainer.packs.walk import Walk

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"
MAX_TEXT = 20_000
"""Longest string a pack may hold; a quote or passage is far shorter, a runaway paste is not."""
MAX_ITEMS = 50_000
"""Most items in a pack, all lists together: counted before anything is validated, so the
densest file the size limit allows is refused in the time it takes to read; a real pack has
tens of items, a very large one thousands."""
MAX_SELF_TESTS = 10_000
"""Most self-test responses in one pack: `check` grades every one, and this many take about
a second and a half; a real pack has a few hundred."""
MAX_SPELLINGS = 20_000
"""Most spellings in a pack's vocabulary (all groups and opposites together): each is read
by the normaliser when the grader is prepared, about a second for this many; a real pack
lists dozens."""
# Characters that would act on a terminal (ESC, BEL, backspace, C1 controls...) and the
# Unicode bidi overrides that can make displayed text differ from what was written.
_CONTROL_RE = UNSAFE_IN_TEXT

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
PLAIN_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _MAP, _SEQ})
"""Tags a pack may use; anything else (`!!python/object`, `!custom`) could build objects."""

INVALID: Any = object()
"""Returned for a value that failed its check; the problem is already recorded."""


_QUOTED = 60
"""Longest value quoted back in a problem; the rest is cut, the file is not echoed."""


def _describe(node: yaml.Node, quote: bool = True) -> str:
    """What the node is, for a problem; its value only when `quote`, and cut short."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _NULL:
        return "nothing"
    if not quote:
        return "a single value"
    value: str = node.value
    if len(value) > _QUOTED:
        return f"{value[: _QUOTED - 3]!r}..."
    return f"{value!r}"


def did_you_mean(word: str, choices: Any) -> str:
    """' (did you mean "x"?)' when a close choice exists, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


@dataclass(frozen=True, slots=True)
class Spec:
    """Base of every spec: a documentation line for the schema and the docs."""

    doc: str = ""

    def check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        """Validate `node` and return its plain value, or INVALID after recording why."""
        walk.budget -= 1
        if node.tag not in PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            walk.add(
                node,
                path,
                f"the tag {tag} is not allowed: a pack holds only plain text, numbers and lists",
            )
            return INVALID
        return self._check(node, path, walk)

    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Str(Spec):
    """A text field. Numbers and dates are read as the text written, so `1.0` stays "1.0"."""

    pattern: str | None = None
    pattern_doc: str = ""
    max_len: int = MAX_TEXT

    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            walk.add(node, path, f"expected text, found {_describe(node)}")
            return INVALID
        value: str = node.value
        if node.tag == _NULL or not value.strip():
            walk.add(node, path, "is empty")
            return INVALID
        if len(value) > self.max_len:
            walk.add(
                node, path, f"is {len(value):,} characters long; the limit is {self.max_len:,}"
            )
            return INVALID
        walk.text_budget -= len(value)
        if walk.text_budget < 0:
            walk.budget = -1  # stops the walk: the loader reports it once
            return INVALID
        bad = _CONTROL_RE.search(value)
        if bad:
            walk.add(
                node,
                path,
                f"holds the control character U+{ord(bad.group()):04X}, which could act on "
                "the terminal; remove it",
            )
            return INVALID
        if self.pattern and not re.match(self.pattern, value):
            walk.add(node, path, f"{value!r} is not {self.pattern_doc or 'in the right form'}")
            return INVALID
        return value.strip()

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        if self.pattern:
            out["pattern"] = self.pattern
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass(frozen=True, slots=True)
class Int(Spec):
    minimum: int = 0
    maximum: int = 100

    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _INT:
            walk.add(node, path, f"expected a whole number, found {_describe(node)}")
            return INVALID
        try:
            value = int(node.value.replace("_", ""), 0)
        except ValueError:
            walk.add(node, path, f"expected a whole number, found {node.value!r}")
            return INVALID
        if not self.minimum <= value <= self.maximum:
            walk.add(node, path, f"must be from {self.minimum} to {self.maximum}, not {value}")
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer", "minimum": self.minimum}
        out["maximum"] = self.maximum
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass(frozen=True, slots=True)
class Bool(Spec):
    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in {"true", "yes", "on", "y"}
        walk.add(node, path, f"expected true or false, found {_describe(node)}")
        return INVALID

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "boolean"}
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass(frozen=True, slots=True)
class Choice(Spec):
    values: tuple[str, ...] = ()

    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.value in self.values:
            return node.value
        allowed = ", ".join(self.values)
        found = _describe(node)
        hint = did_you_mean(node.value, self.values) if isinstance(node, yaml.ScalarNode) else ""
        walk.add(node, path, f"must be one of {allowed}, not {found}{hint}")
        return INVALID

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"enum": list(self.values)}
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass(frozen=True, slots=True)
class Const(Spec):
    """A field with exactly one allowed value: the format number."""

    value: int = FORMAT_VERSION

    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.value == str(self.value):
            return self.value
        walk.add(node, path, self._problem(node))
        return INVALID

    def _problem(self, node: yaml.Node) -> str:
        """Why the format is refused; "a newer trainer may read it" only for a higher number."""
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_INT, _FLOAT):
            return f"must be {self.value}, the pack format number, not {_describe(node)}"
        try:
            number = float(node.value.replace("_", ""))
        except ValueError:
            number = float("nan")
        if number == self.value:
            return f"write the format as {self.value}, a whole number, not {node.value!r}"
        if number > self.value:
            return (
                f"this trainer reads pack format {self.value}; the pack says {node.value!r} "
                "(a newer debate-trainer may read it)"
            )
        return f"this trainer reads pack format {self.value}; {node.value!r} is not a format"

    def schema(self) -> dict[str, Any]:
        return {"const": self.value, "description": self.doc}


@dataclass(frozen=True, slots=True)
class ListOf(Spec):
    item: Spec = field(default_factory=Str)
    min_items: int = 0
    max_items: int = 100_000
    mark: bool = False
    """Remember where each entry starts, for problems the loader finds later. Off for the
    long lists of items, whose entries' own keys are marked anyway."""

    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
                return []  # `accept:` with nothing after it: an empty list, not an error
            walk.add(node, path, f"expected a list, found {_describe(node)}")
            return INVALID
        children = node.value
        if len(children) < self.min_items:
            walk.add(node, path, f"needs at least {self.min_items} entries")
        if len(children) > self.max_items:
            walk.add(node, path, f"has {len(children):,} entries; the limit is {self.max_items:,}")
            return INVALID
        out = []
        check = self.item.check
        for index, child in enumerate(children):
            if walk.budget < 0:
                return INVALID
            if self.mark:
                start = child.start_mark
                walk.marks[f"{path}[{index}]"] = (start.line + 1, start.column + 1)
            out.append(check(child, f"{path}[{index}]", walk))
        return out

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass(frozen=True, slots=True)
class Key:
    spec: Spec
    required: bool = False


@dataclass(frozen=True, slots=True)
class MapOf(Spec):
    """A mapping with known keys; unknown keys are errors, with a suggestion."""

    keys: dict[str, Key] = field(default_factory=dict)
    title: str = ""
    one_of: tuple[str, ...] = ()
    """Keys of which at least one must be present and not empty (a thesis, or questions)."""
    requires: dict[str, str] = field(default_factory=dict)
    """Key -> the key it needs beside it (premises need the thesis they support)."""
    why: str = ""
    """Why `one_of` and `requires` hold, said after the problem."""

    def _check(self, node: yaml.Node, path: str, walk: Walk) -> Any:
        if not isinstance(node, yaml.MappingNode):
            # The whole file not a mapping may not be a pack at all (a key file behind a
            # link): its content is never quoted back.
            found = _describe(node, quote=bool(path))
            walk.add(node, path, f"expected a mapping of keys, found {found}")
            return INVALID
        out: dict[str, Any] = {}
        seen: set[str] = set()
        keys = self.keys
        prefix = f"{path}." if path else ""
        for key_node, value_node in node.value:
            if walk.budget < 0:
                return INVALID
            if not isinstance(key_node, yaml.ScalarNode):
                walk.add(key_node, path, "a key must be a plain word, not a list or mapping")
                continue
            name = key_node.value
            key = keys.get(name)
            if key is None:
                walk.add(
                    key_node,
                    f"{prefix}{name}",
                    f'unknown key "{name}"{did_you_mean(name, keys)}',
                )
                continue
            if name in seen:
                walk.add(key_node, f"{prefix}{name}", f'the key "{name}" appears twice')
                continue
            seen.add(name)
            mark = value_node.start_mark
            walk.marks[f"{prefix}{name}"] = (mark.line + 1, mark.column + 1)
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL:
                if key.required:
                    walk.add(value_node, f"{prefix}{name}", "is empty")
                    out[name] = INVALID
                continue
            out[name] = key.spec.check(value_node, f"{prefix}{name}", walk)
        for name, key in keys.items():
            if key.required and name not in out:
                walk.add(node, path, f'is missing the required key "{name}"')
        if self.one_of or self.requires:
            self._check_together(node, path, out, walk)
        return out

    def _check_together(self, node: yaml.Node, path: str, out: dict[str, Any], walk: Walk) -> None:
        """`one_of` and `requires`: the keys that must come together. When none of `one_of`
        is there, that one problem says it; each dependent key would only repeat it."""
        why = f" ({self.why})" if self.why else ""
        if self.one_of and not any(out.get(name) not in (None, []) for name in self.one_of):
            wanted = " or ".join(f'"{name}"' for name in self.one_of)
            walk.add(node, path, f"is missing the required key {wanted}{why}")
            return
        prefix = f"{path}." if path else ""
        for name, needed in self.requires.items():
            if name in out and needed not in out:
                walk.add_at(f"{prefix}{name}", f'needs the key "{needed}" beside it{why}')

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: key.spec.schema() for name, key in self.keys.items()},
        }
        required = [name for name, key in self.keys.items() if key.required]
        if required:
            out["required"] = required
        if self.one_of:
            out["anyOf"] = [
                {"required": [name], "properties": {name: {"minItems": 1}}}
                if isinstance(self.keys[name].spec, ListOf)
                else {"required": [name]}
                for name in self.one_of
            ]
        if self.requires:
            out["dependentRequired"] = {name: [needed] for name, needed in self.requires.items()}
        if self.title:
            out["title"] = self.title
        if self.doc:
            out["description"] = self.doc
        return out
