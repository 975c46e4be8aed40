"""From a validated pack.yaml to the model: items, answers, vocabulary, the source text.

The raw mapping has passed the format's checks, so each value has its declared type or is
`INVALID`; what the builder checks is what no single value shows: a passage missing from
the source, an id used twice, a reference to the wrong kind, a spelling read two ways.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from trainer.packs.errors import PackError, Problem
from trainer.packs.files import file_problem, read_bounded, short
from trainer.packs.model import (
    Answer,
    ConceptGroup,
    Concepts,
    Item,
    Kind,
    Opposite,
    Pack,
    SelfTests,
    Source,
    Thresholds,
    Vocabulary,
    WrongAnswer,
)
from trainer.packs.passages import FoldedSource, fold, found_in
from trainer.packs.relations import REFS, check_relations
from trainer.packs.safe_text import UNSAFE_IN_TEXT
from trainer.packs.spec import INVALID, MAX_SPELLINGS
from trainer.packs.walk import Walk
from trainer.packs.yaml_text import decode

# Where each list of items lives in the file, and what kind its items are. The order is the
# order of the argument, which the study screen and quizzes follow; the questions come last.
_LISTS: tuple[tuple[str, Kind], ...] = (
    ("thesis", Kind.THESIS),
    ("premises", Kind.PREMISE),
    ("counterarguments", Kind.COUNTERARGUMENT),
    ("rebuttals", Kind.REBUTTAL),
    ("evidence", Kind.EVIDENCE),
    ("quotes", Kind.QUOTE),
    ("conclusion", Kind.CONCLUSION),
    ("other_side", Kind.OTHER_SIDE),
    ("replies", Kind.REPLY),
    ("people", Kind.PERSON),
    ("questions", Kind.QUESTION),
)
ITEM_LISTS = frozenset(key for key, _kind in _LISTS)
"""The top-level keys that hold items."""


class Builder:
    """Turns the validated raw mapping into the model, checking what spans items."""

    def __init__(self, raw: dict[str, Any], walk: Walk, folder: Path) -> None:
        self.raw = raw
        self.walk = walk
        self.folder = folder
        self.source_text = ""
        self.source_digest = b""
        # The pack's thresholds first: an item that sets only one of its own inherits the other.
        self.pack_thresholds = Thresholds()
        self.pack_thresholds = self._thresholds(raw.get("grading"), "grading") or Thresholds()

    def build(self) -> Pack:
        raw = self.raw
        source = self._source(raw.get("source"))
        items = self._items()
        check_relations(items, self.walk)
        return Pack(
            id=_str(raw.get("id")),
            title=_str(raw.get("title")),
            version=_str(raw.get("version")),
            description=_str(raw.get("description")),
            language=_str(raw.get("language")) or "en",
            credits=_str(raw.get("credits")),
            licence=_str(raw.get("licence")),
            source=source,
            thresholds=self.pack_thresholds,
            vocabulary=self._vocabulary(raw.get("vocabulary")),
            items=tuple(items),
            folder=self.folder,
            source_text=self.source_text,
        )

    # -- source -----------------------------------------------------------------------

    def _source(self, raw: Any) -> Source | None:
        if not isinstance(raw, dict):
            return None
        relative = _str(raw.get("file"))
        if relative:
            self.source_text = self._read_source(relative)
        return Source(
            title=_str(raw.get("title")),
            author=_str(raw.get("author")),
            date=_str(raw.get("date")),
            publication=_str(raw.get("publication")),
            url=_str(raw.get("url")),
            file=relative if self.source_text else "",
        )

    def _read_source(self, relative: str) -> str:
        path = "source.file"
        candidate = Path(relative)
        if candidate.is_absolute() or ".." in candidate.parts:
            self.walk.add_at(path, f"{short(relative)} must be a path inside the pack folder")
            return ""
        target = self.folder / candidate
        problem = file_problem(self.folder, target)
        if problem:
            self.walk.add_at(path, f"{short(relative)} {problem}")
            return ""
        try:
            data = read_bounded(target, relative)
            text = decode(data, relative)
        except PackError as error:
            self.walk.problems.extend(error.problems)
            return ""
        self.source_digest = hashlib.blake2b(data, digest_size=20).digest()
        text = text.replace("\r\n", "\n")  # an article saved on Windows is still text
        bad = UNSAFE_IN_TEXT.search(text)
        if bad:  # the article is shown on the Study screen: it follows the pack's rule
            before = text[: bad.start()]
            line, column = before.count("\n") + 1, bad.start() - before.rfind("\n")
            message = (
                f"holds the control character U+{ord(bad.group()):04X}, which could act on "
                "the terminal; remove it"
            )
            self.walk.problems.append(Problem(relative, line, column, "", message))
            return ""
        return text

    # -- items ------------------------------------------------------------------------

    def _items(self) -> list[Item]:
        items: list[Item] = []
        first_seen: dict[str, str] = {}
        for key, kind in _LISTS:
            value = self.raw.get(key)
            if value is None or value is INVALID:
                continue
            entries = (
                [(key, value)]
                if isinstance(value, dict)
                else [(f"{key}[{index}]", entry) for index, entry in enumerate(value)]
            )
            for path, entry in entries:
                if not isinstance(entry, dict):
                    continue
                item = self._item(entry, kind, path)
                if item is None:
                    continue
                earlier = first_seen.get(item.id)
                if earlier is not None:
                    line = self.walk.marks.get(f"{earlier}.id", (0, 0))[0]
                    self.walk.add_at(
                        f"{path}.id",
                        f'the id "{item.id}" is already used by {earlier} (line {line}); '
                        "ids must be unique in a pack",
                    )
                    continue
                first_seen[item.id] = path
                items.append(item)
        return items

    def _item(self, raw: dict[str, Any], kind: Kind, path: str) -> Item | None:
        item_id = raw.get("id")
        answer = self._answer(raw.get("answer"), f"{path}.answer")
        if not isinstance(item_id, str) or answer is None:
            return None
        ref_key = REFS[kind][0] if kind in REFS else ""
        passage = _str(raw.get("passage"))
        words = _str(raw.get("words"))
        if passage:
            self._check_in_source(passage, f"{path}.passage", "passage")
        if words:
            self._check_in_source(words, f"{path}.words", "quoted words")
        name = _str(raw.get("name"))
        return Item(
            id=item_id,
            kind=kind,
            text=_str(raw.get("text")) or _str(raw.get("prompt")) or name,
            answer=answer,
            path=path,
            passage=passage,
            ref=_str(raw.get(ref_key)) if ref_key else "",
            by=_str(raw.get("by")),
            speaker=_str(raw.get("speaker")),
            words=words,
            role=_str(raw.get("role")),
            name=name,
            evidence_kind=_str(raw.get("kind")),
            title=_str(raw.get("label")),
        )

    def _check_in_source(self, excerpt: str, path: str, what: str) -> None:
        if not self.source_text:
            source = self.raw.get("source")
            if not (isinstance(source, dict) and _str(source.get("file"))):
                self.walk.add_at(path, f"a {what} needs the source text: set source.file")
            return
        if not found_in(self._source_index(), excerpt):
            snippet = " ".join(excerpt.split())
            shown = snippet if len(snippet) <= 60 else snippet[:57] + "..."
            self.walk.add_at(
                path,
                f'the {what} "{shown}" cannot be found in the source text '
                "(copy it exactly; spacing and curly quotes may differ)",
            )

    _folded: FoldedSource | None = None

    def _source_index(self) -> FoldedSource:
        if self._folded is None:
            self._folded = FoldedSource(fold(self.source_text))
        return self._folded

    def _answer(self, raw: Any, path: str) -> Answer | None:
        if not isinstance(raw, dict):
            return None
        canonical = raw.get("canonical")
        if not isinstance(canonical, str):
            return None
        concepts = self._concepts(raw.get("concepts"), f"{path}.concepts")
        tests = raw.get("tests")
        if not isinstance(tests, dict):
            tests = {}
        return Answer(
            canonical=canonical,
            accept=_strings(raw.get("accept")),
            concepts=concepts,
            wrong=tuple(
                WrongAnswer(entry["answer"], entry["feedback"])
                for entry in _valid_list(raw.get("wrong"))
                if isinstance(entry, dict)
                and isinstance(entry.get("answer"), str)
                and isinstance(entry.get("feedback"), str)
            ),
            hint=_str(raw.get("hint")),
            short_ok=raw.get("short_ok") is True,
            thresholds=self._thresholds(raw.get("thresholds"), f"{path}.thresholds"),
            tests=SelfTests(_strings(tests.get("accept")), _strings(tests.get("reject"))),
        )

    def _concepts(self, raw: Any, path: str) -> Concepts:
        if not isinstance(raw, dict):
            return Concepts()
        groups = tuple(
            ConceptGroup(_strings(group))
            for group in _valid_list(raw.get("groups"))
            if _strings(group)
        )
        need = raw.get("need")
        if isinstance(need, int):
            if need > len(groups):
                self.walk.add_at(
                    f"{path}.need",
                    f"asks for {need} concept groups but the answer lists {len(groups)}",
                )
                need = len(groups)
        else:
            need = len(groups)
        return Concepts(groups, need)

    def _thresholds(self, raw: Any, path: str) -> Thresholds | None:
        if not isinstance(raw, dict):
            return None
        base = self.pack_thresholds
        accept = raw.get("accept")
        partial = raw.get("partial")
        accept = accept if isinstance(accept, int) else base.accept
        partial = partial if isinstance(partial, int) else base.partial
        if partial > accept:
            self.walk.add_at(
                f"{path}.partial",
                f"the partial score ({partial}) must not be above the accept score ({accept})",
            )
            partial = accept
        return Thresholds(accept=accept, partial=partial)

    def _vocabulary(self, raw: Any) -> Vocabulary:
        """The pack's spellings and opposites. A spelling read two ways would make grading
        depend on the order of the list, so it is a problem, not a silent choice."""
        if not isinstance(raw, dict):
            return Vocabulary()
        seen: dict[str, str] = {}

        def claim(spelling: str, path: str) -> None:
            key = " ".join(spelling.casefold().split())
            if not any(ch.isalnum() for ch in key):
                self.walk.add_at(path, f"{spelling!r} has no letters or digits to match")
            elif key in seen:
                first = seen[key]
                line = self.walk.marks.get(first, (0, 0))[0]
                where = f"{first} (line {line})" if line else first
                self.walk.add_at(path, f"{spelling!r} is also listed at {where}; list it once")
            else:
                seen[key] = path

        same: list[tuple[str, ...]] = []
        for g, group in enumerate(_valid_list(raw.get("same"))):
            spellings = _strings(group)
            for s, spelling in enumerate(spellings):
                claim(spelling, f"vocabulary.same[{g}][{s}]")
            if len(spellings) >= 2:
                same.append(spellings)
        opposites: list[Opposite] = []
        for o, entry in enumerate(_valid_list(raw.get("opposites"))):
            if not isinstance(entry, dict):
                continue
            words = _strings(entry.get("words"))
            for w, word in enumerate(words):
                claim(word, f"vocabulary.opposites[{o}].words[{w}]")
            means_not = _str(entry.get("means_not"))
            if words and means_not:
                opposites.append(Opposite(words, means_not))
        count = sum(map(len, same)) + sum(len(o.words) for o in opposites)
        if count > MAX_SPELLINGS:
            self.walk.add_at(
                "vocabulary",
                f"lists {count:,} spellings; the limit is {MAX_SPELLINGS:,} "
                "(each is prepared for grading every answer)",
            )
        return Vocabulary(tuple(same), tuple(opposites), _strings(raw.get("common_names")))


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _valid_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(entry for entry in _valid_list(value) if isinstance(entry, str))
