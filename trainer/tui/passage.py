"""Finding an item's passage in the article, with the text around it.

The loader checks that a passage occurs in the source "ignoring differences in spacing" (and
typographic quotes), so the search here allows the same differences; the study screen then
shows the passage highlighted inside its paragraph, trimmed to a readable length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_CLASSES = {
    '"': '["\u201c\u201d]',
    "\u201c": '["\u201c\u201d]',
    "\u201d": '["\u201c\u201d]',
    "'": "['\u2018\u2019]",
    "\u2018": "['\u2018\u2019]",
    "\u2019": "['\u2018\u2019]",
}


@dataclass(frozen=True, slots=True)
class PassageInContext:
    """The passage as it stands in the source, with up to a paragraph on either side.

    `before` and `after` keep the source's own spacing next to the passage, so the three
    read as the original text when put together.
    """

    before: str
    passage: str
    after: str


def _pattern(passage: str) -> re.Pattern[str] | None:
    words = passage.split()
    if not words:
        return None
    parts = ["".join(_QUOTE_CLASSES.get(char, re.escape(char)) for char in word) for word in words]
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def _trim_start(text: str, limit: int) -> str:
    """The end of `text` within its paragraph, at most `limit` characters, cut at a word."""
    paragraph = text[text.rfind("\n\n") + 2 :] if "\n\n" in text else text
    paragraph = paragraph.lstrip()
    if len(paragraph) <= limit:
        return paragraph
    cut = paragraph[-limit:]
    space = cut.find(" ")
    return "\u2026" + (cut[space + 1 :] if space != -1 else cut)


def _trim_end(text: str, limit: int) -> str:
    """The start of `text` within its paragraph, at most `limit` characters, cut at a word."""
    end = text.find("\n\n")
    paragraph = (text[:end] if end != -1 else text).rstrip()
    if len(paragraph) <= limit:
        return paragraph
    cut = paragraph[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + "\u2026"


def find_passage(source: str, passage: str, context: int = 240) -> PassageInContext | None:
    """The passage in `source` with its paragraph around it, or None when it is not there."""
    pattern = _pattern(passage)
    if pattern is None or not source:
        return None
    match = pattern.search(source)
    if match is None:
        return None
    return PassageInContext(
        before=_trim_start(source[: match.start()], context),
        passage=match.group(),
        after=_trim_end(source[match.end() :], context),
    )
