"""Finding an item's passage in the article, with the text around it.

The loader checks that a passage occurs in the source "ignoring differences in spacing" (and
typographic quotes and case, with an ellipsis marking a cut), so the search here reads both
the same way: the article is folded once (quotes made plain, spacing collapsed, case folded
as "straße" is "strasse") into a copy that remembers where each of its characters came
from, and each passage is then found in the copy with `str.find`, which never backtracks.
The old search was a regular expression of the words joined by "any spacing"; a crafted
quote made it retry from every position of an 800 KB article, for 28 s.

Folding costs one pass over the article, so the study screen does it on a worker thread
(`fold_source`) before the first item is shown; each look-up after that is a plain find.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2026": "..."}
)
"""As the loader reads them: typographic quotes are plain ones, an ellipsis three dots."""
_RUNS = re.compile(r"\s+|\S+")
_CUT = re.compile(r"\.\.\.|\[\.\.\.\]")
"""An ellipsis in quoted words marks a cut: each fragment must appear, in order."""


@dataclass(frozen=True, slots=True)
class FoldedSource:
    """The article folded for matching, and for each folded character its place in the
    article (so a match found in the copy is shown in the article's own text)."""

    text: str
    origin: array[int]


@lru_cache(maxsize=4)
def fold_source(source: str) -> FoldedSource:
    """The article folded once; linear in its length, cached for the pack's lifetime."""
    parts: list[str] = []
    origin: array[int] = array("q")
    for run in _RUNS.finditer(source):
        start, chunk = run.start(), run.group()
        if chunk[0].isspace():
            parts.append(" ")
            origin.append(start)
            continue
        folded = chunk.translate(_QUOTES).casefold()
        parts.append(folded)
        if len(folded) == len(chunk):
            origin.extend(range(start, start + len(chunk)))
        else:  # a character that folds to several ("ß", "…"): map each one back
            for offset, char in enumerate(chunk):
                origin.extend([start + offset] * len(char.translate(_QUOTES).casefold()))
    return FoldedSource("".join(parts), origin)


def _fold(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def _span(folded: FoldedSource, passage: str) -> tuple[int, int] | None:
    """Where the passage's fragments stand in the article, first to last, in order."""
    fragments = [f.strip() for f in _CUT.split(_fold(passage)) if f.strip()]
    if not fragments:
        return None
    position, first = 0, -1
    for fragment in fragments:
        found = folded.text.find(fragment, position)
        if found < 0:
            return None
        first = found if first < 0 else first
        position = found + len(fragment)
    return folded.origin[first], folded.origin[position - 1] + 1


@dataclass(frozen=True, slots=True)
class PassageInContext:
    """The passage as it stands in the source, with up to a paragraph on either side.

    `before` and `after` keep the source's own spacing next to the passage, so the three
    read as the original text when put together.
    """

    before: str
    passage: str
    after: str


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
    """The passage in `source` with its paragraph around it, or None when it is not there.

    Linear in the article and the passage; the first call on an article folds it (see
    `fold_source`), later ones only search.
    """
    if not source or not passage.strip():
        return None
    span = _span(fold_source(source), passage)
    if span is None:
        return None
    start, end = span
    return PassageInContext(
        before=_trim_start(source[:start], context),
        passage=source[start:end],
        after=_trim_end(source[end:], context),
    )
