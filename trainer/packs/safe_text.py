"""One rule for text from anyone (a pack, its keys, a student's answer) on its way out.

Such text may hold characters that act on a terminal (ESC, BEL, C1 controls such as U+009B),
make displayed text differ from what was written (bidi overrides and isolates), forge extra
report lines (a newline in a key), or cannot be written at all (a lone surrogate from JSON).
The loader refuses them in pack text and headless refuses them in answers; whatever still
has to be shown (a key's name, a file name, an answer in the store) goes through `visible()`
for a terminal or a text report, `json_text()` for JSON, and `csv_cell()` for a spreadsheet.
"""

from __future__ import annotations

import json
import re

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_LOOKALIKES = "\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"

UNSAFE = re.compile(f"[\n{_CONTROLS}{_LOOKALIKES}]")
"""C0 controls but tab, DEL, C1 controls, the bidi marks, overrides and isolates, the
Unicode line and paragraph separators, and lone surrogates: what no one-line text may show."""

UNSAFE_IN_TEXT = re.compile(f"[{_CONTROLS}{_LOOKALIKES}]")
"""The same, less the line break, which a passage or a multi-line answer may hold."""

_RAW_IN_JSON = re.compile(f"[\x7f-\x9f{_LOOKALIKES}]")
"""The unsafe characters `json.dumps` leaves raw (it escapes C0 controls itself)."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's CSV injection list)."""


def is_safe(text: str) -> bool:
    """True when `text` holds none of the characters `UNSAFE` names."""
    return UNSAFE.search(text) is None


def first_unsafe(text: str) -> str | None:
    """The first unsafe character in `text`, or None."""
    found = UNSAFE.search(text)
    return found.group() if found else None


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every unsafe character written as a visible escape (``\\x1b``,
    ``\\u202e``), so a terminal shows it instead of acting on it."""
    return UNSAFE.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(value: object, *, indent: int | None = None) -> str:
    """`value` as JSON that reads back the same, with nothing a terminal would act on.

    JSON already escapes C0 controls inside strings; DEL, C1, bidi controls and the line
    separators are legal raw, so they are escaped here too (still valid JSON: they occur
    only inside strings). A lone surrogate is written as its escape, not as broken UTF-8.
    """
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _RAW_IN_JSON.sub(_json_escape, text)


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: unsafe characters escaped, and a leading
    formula character (``=``, ``+``, ``-``, ``@``, tab, CR) behind an apostrophe."""
    if not isinstance(value, str):
        return value
    shown = visible(value)
    if shown.startswith(_FORMULA_STARTS):
        return "'" + shown
    return shown
