"""Turning untrusted strings (pack texts, what the student typed) into inert content.

Textual reads a plain `str` given to most widgets as markup, so `[@click=app.quit]x[/]` in a
pack would become a live link. Everything from a pack or the keyboard therefore goes through
`plain()` (a `Content`, never parsed) or `plain_text()` (a Rich `Text`, for widgets such as
`Tree` that still take Rich text). Both also make control characters visible as escapes, since
Rich strips only some of them and an ESC would otherwise reach the terminal.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides that
# can make text read differently from what it is.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character written out as an escape such as `\\x1b`."""
    return _UNSAFE.sub(_escape, text).expandtabs(4)


def plain(text: str, style: str = "") -> Content:
    """Untrusted text as content that is shown literally, optionally in one style."""
    return Content.styled(visible(text), style) if style else Content(visible(text))


def plain_text(text: str, style: str = "") -> Text:
    """Untrusted text as a Rich `Text`, for widgets that take Rich text (tree labels)."""
    return Text(visible(text), style=style)
