"""Loading a pack: read safely, validate everything, build the model.

Packs come from other people, so nothing in one may construct objects, reach outside its
folder, or stop the loader with a traceback: every problem becomes a `Problem` with a place,
and all of them are reported together in one `PackError`.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from trainer.packs.errors import PackError, Problem, sort_problems
from trainer.packs.files import (
    MAX_FILE_BYTES,
    PACK_FILE,
    file_problem,
    locate,
    read_bounded,
    short,
)
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
from trainer.packs.passages import FoldedSource
from trainer.packs.spec import (
    INVALID,
    MAX_SELF_TESTS,
    MAX_SPELLINGS,
    MAX_TOTAL_TEXT,
    PACK,
    Walk,
    did_you_mean,
)

try:  # libyaml's C parser when the platform has it; the pure-Python one otherwise.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

__all__ = ["MAX_FILE_BYTES", "PACK_FILE", "clear_cache", "load_pack", "locate"]

_CACHE_SIZE = 16
_WS = re.compile(r"\s+")
_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2026": "..."}
)

# Where each list of items lives in the file, and what kind its items are. The order is the
# order of the argument, which the study screen and quizzes follow.
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
)

_NOT_PEOPLE = frozenset(Kind) - {Kind.PERSON}
# Which key of an item points where, and which kinds it may point at.
_REFS: dict[Kind, tuple[str, frozenset[Kind], str]] = {
    Kind.REBUTTAL: ("rebuts", frozenset({Kind.COUNTERARGUMENT}), "a counterargument"),
    Kind.EVIDENCE: ("supports", _NOT_PEOPLE, "a claim"),
    Kind.QUOTE: ("supports", _NOT_PEOPLE, "a claim"),
    Kind.OTHER_SIDE: (
        "targets",
        _NOT_PEOPLE - {Kind.OTHER_SIDE, Kind.REPLY},
        "one of the author's claims",
    ),
    Kind.REPLY: ("replies_to", frozenset({Kind.OTHER_SIDE}), "an other_side argument"),
}


@dataclass(frozen=True, slots=True)
class _Cached:
    digest: bytes
    source_digest: bytes
    pack: Pack


_cache: OrderedDict[Path, _Cached] = OrderedDict()


def load_pack(path: str | Path, *, cache: bool = True) -> Pack:
    """Load and validate the pack at `path` (its folder or its pack.yaml).

    Loading the same unchanged pack again returns the cached model, after reading and
    hashing the files to prove they are unchanged.
    """
    folder, pack_file = locate(path)
    name = str(pack_file)
    data = read_bounded(pack_file, name)
    digest = hashlib.blake2b(data, digest_size=20).digest()
    key = pack_file.resolve()
    hit = _cache.get(key) if cache else None
    if hit is not None and hit.digest == digest:
        source_file = hit.pack.source.file if hit.pack.source else ""
        if _source_digest(folder, source_file) == hit.source_digest:
            _cache.move_to_end(key)
            return hit.pack

    pack, source_digest = _parse(data, name, folder)
    if cache:
        _cache[key] = _Cached(digest, source_digest, pack)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return pack


def clear_cache() -> None:
    _cache.clear()


def _source_digest(folder: Path, relative: str) -> bytes:
    if not relative:
        return b""
    try:
        return hashlib.blake2b((folder / relative).read_bytes(), digest_size=20).digest()
    except OSError:
        return b"?"


def _decode(data: bytes, name: str) -> str:
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


def _compose(text: str, name: str) -> yaml.Node:
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


def _parse(data: bytes, name: str, folder: Path) -> tuple[Pack, bytes]:
    text = _decode(data, name)
    node = _compose(text, name)
    walk = Walk(name)
    raw = PACK.check(node, "", walk)
    if walk.text_budget < 0:
        message = (
            f"holds more than {MAX_TOTAL_TEXT:,} characters of text once its YAML aliases "
            "are expanded; an alias may repeat a short text, not multiply a long one"
        )
        raise PackError([*walk.problems, Problem(name, 0, 0, "", message)])
    if walk.budget < 0:
        walk.problems.append(
            Problem(name, 0, 0, "", "expands to too many values (are YAML aliases nested?)")
        )
        raise PackError(walk.problems)
    if raw is INVALID:
        raise PackError(sort_problems(walk.problems))
    builder = _Builder(raw, walk, folder)
    pack = builder.build()
    if walk.problems:
        raise PackError(sort_problems(walk.problems))
    return pack, builder.source_digest


def _fold(text: str) -> str:
    """Text as compared for passages: typographic quotes and spacing do not matter."""
    return _WS.sub(" ", text.translate(_QUOTES)).strip().casefold()


class _Builder:
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
        self._check_references(items)
        self._check_self_test_count(items)
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
            text = _decode(data, relative)
        except PackError as error:
            self.walk.problems.extend(error.problems)
            return ""
        self.source_digest = hashlib.blake2b(data, digest_size=20).digest()
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
        ref_key = _REFS[kind][0] if kind in _REFS else ""
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
            text=_str(raw.get("text")) or name,
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
        )

    def _check_in_source(self, excerpt: str, path: str, what: str) -> None:
        if not self.source_text:
            source = self.raw.get("source")
            if not (isinstance(source, dict) and _str(source.get("file"))):
                self.walk.add_at(path, f"a {what} needs the source text: set source.file")
            return
        folded_source = self._source_index()
        # An ellipsis in quoted words marks a cut: each fragment must appear in order.
        fragments = [f for f in re.split(r"\.\.\.|\[\.\.\.\]", _fold(excerpt)) if f.strip()]
        position = 0
        for fragment in fragments:
            found = folded_source.find(fragment.strip(), position)
            if found < 0:
                snippet = " ".join(excerpt.split())
                shown = snippet if len(snippet) <= 60 else snippet[:57] + "..."
                self.walk.add_at(
                    path,
                    f'the {what} "{shown}" cannot be found in the source text '
                    "(copy it exactly; spacing and curly quotes may differ)",
                )
                return
            position = found + len(fragment.strip())

    _folded: FoldedSource | None = None

    def _source_index(self) -> FoldedSource:
        if self._folded is None:
            self._folded = FoldedSource(_fold(self.source_text))
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

    def _check_self_test_count(self, items: list[Item]) -> None:
        count = sum(len(i.answer.tests.accept) + len(i.answer.tests.reject) for i in items)
        if count > MAX_SELF_TESTS:
            self.walk.add_at(
                "",
                f"has {count:,} self-test responses; the limit is {MAX_SELF_TESTS:,} "
                "(check grades every one)",
            )

    # -- relations --------------------------------------------------------------------

    def _check_references(self, items: list[Item]) -> None:
        by_id = {item.id: item for item in items}
        for item in items:
            if item.kind is Kind.QUOTE:
                self._check_ref(
                    item, "speaker", item.speaker, frozenset({Kind.PERSON}), "a person", by_id
                )
            if item.kind not in _REFS or not item.ref:
                continue
            key, allowed, wanted = _REFS[item.kind]
            self._check_ref(item, key, item.ref, allowed, wanted, by_id)

    def _check_ref(
        self,
        item: Item,
        key: str,
        target_id: str,
        allowed: frozenset[Kind],
        wanted: str,
        by_id: dict[str, Item],
    ) -> None:
        if not target_id:
            return
        path = f"{item.path}.{key}"
        target = by_id.get(target_id)
        if target is None:
            self.walk.add_at(
                path,
                f'names "{target_id}", but no item has that id{did_you_mean(target_id, by_id)}',
            )
        elif target.kind not in allowed:
            self.walk.add_at(
                path,
                f'names "{target_id}", which is a {target.kind.value.replace("_", " ")}; '
                f"it must name {wanted}",
            )


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _valid_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(entry for entry in _valid_list(value) if isinstance(entry, str))
