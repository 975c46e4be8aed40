"""A pack's summary (its title, description, source and counts), and a cache of it.

The terminal app's home screen shows the summary on its first frame. Loading and validating
a pack takes longer than drawing that frame (the loader, YAML and a walk of every item), so
the app shows a summary kept from the last load while the pack loads on a worker. The cache
is trusted for nothing else, and for the summary only while every file the pack was loaded
from is byte for byte the same (checked by digest on every read) and the same trainer wrote
it: a changed pack never shows the summary of its old self, and a pack that no longer loads
shows its problems once the load fails, as it would without a cache.

This module imports neither the loader nor YAML, nor the pack model at run time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer import __version__
from trainer.locations import cache_dir
from trainer.packs.errors import PackError
from trainer.packs.files import MARKED_FILE, file_digest, locate, read_bounded
from trainer.packs.safe_text import UNSAFE_IN_TEXT, is_safe

if TYPE_CHECKING:
    from trainer.packs.model import Pack

CACHE_FORMAT = 1
"""Bumped when a record's shape changes: older records are then ignored, never misread."""


@dataclass(frozen=True, slots=True)
class PackSummary:
    """What the home screen says of a pack before a quiz."""

    title: str
    description: str = ""
    source: tuple[str, ...] = ()
    """The source's title, author, publication and date; empty when the pack names none."""
    counts: tuple[tuple[str, int], ...] = ()
    """How many items of each kind (a `Kind` value) the pack holds, kinds it lacks left out."""

    def count(self, kind: str) -> int:
        """How many items of `kind` (a `Kind` value) the pack holds."""
        return dict(self.counts).get(kind, 0)


def summarise(pack: Pack) -> PackSummary:
    """The summary of a loaded pack."""
    source = pack.source
    shown = (source.title, source.author, source.publication, source.date) if source else ()
    counts = Counter(item.kind.value for item in pack.items)
    return PackSummary(pack.title, pack.description, shown, tuple(counts.items()))


@dataclass(frozen=True, slots=True)
class _Inputs:
    """Digests (hex) of the files a pack was loaded from."""

    pack: str
    source_file: str
    """The source text's file, as the pack names it ("" for none)."""
    source: str
    marked: str


def _inputs(folder: Path, pack_file: Path, source_file: str) -> _Inputs:
    source = file_digest(folder, folder / source_file).hex() if source_file else ""
    marked = file_digest(folder, folder / MARKED_FILE).hex()
    return _Inputs(_digest(pack_file), source_file, source, marked)


def _digest(pack_file: Path) -> str:
    return hashlib.blake2b(read_bounded(pack_file, str(pack_file)), digest_size=20).hexdigest()


def _record_file(pack_file: Path) -> Path:
    """One record per pack file, named for where it is."""
    where = str(pack_file.resolve()).encode("utf-8", "surrogateescape")
    return cache_dir() / "summaries" / f"{hashlib.blake2b(where, digest_size=16).hexdigest()}.json"


def pack_digest(path: str | Path) -> str | None:
    """The digest of the pack file at `path`, taken before loading it (see `keep_summary`)."""
    try:
        return _digest(locate(path)[1])
    except PackError:
        return None


def cached_summary(path: str | Path) -> PackSummary | None:
    """The summary kept for the pack at `path`, if every file it was loaded from is unchanged;
    None otherwise, or when there is none or it cannot be read."""
    try:
        folder, pack_file = locate(path)
        record = json.loads(_record_file(pack_file).read_bytes())
        if record.get("format") != CACHE_FORMAT or record.get("trainer") != __version__:
            return None
        kept = _Inputs(**record["inputs"])
        if not all(isinstance(value, str) for value in record["inputs"].values()):
            return None
        if _inputs(folder, pack_file, kept.source_file) != kept:
            return None
        return _summary_from_json(record["summary"])
    except (PackError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def keep_summary(path: str | Path, pack: Pack, digest_before: str | None) -> None:
    """Keep the summary of `pack`, just loaded from `path`, for the next start.

    Only when the pack file is still what it was before loading (`digest_before`), so the
    summary kept is the one of the file it is kept for. A cache that cannot be written is
    no problem: the next start loads the pack before showing it, as without a cache.
    """
    source_file = pack.source.file if pack.source else ""
    try:
        folder, pack_file = locate(path)
        inputs = _inputs(folder, pack_file, source_file)
        if digest_before is None or inputs.pack != digest_before:
            return
        summary = summarise(pack)
        record = {
            "format": CACHE_FORMAT,
            "trainer": __version__,
            "inputs": {
                "pack": inputs.pack,
                "source_file": inputs.source_file,
                "source": inputs.source,
                "marked": inputs.marked,
            },
            "summary": {
                "title": summary.title,
                "description": summary.description,
                "source": list(summary.source),
                "counts": [list(pair) for pair in summary.counts],
            },
        }
        text = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        _write(_record_file(pack_file), text)
    except (PackError, OSError, UnicodeError):
        return


def _write(file: Path, text: bytes) -> None:
    """Write `text` whole or not at all (two trainers may start at once); unchanged, not
    at all."""
    try:
        if file.read_bytes() == text:
            return
    except OSError:
        pass
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_name(f"{file.stem}.{os.getpid()}.partial")
    partial.write_bytes(text)
    os.replace(partial, file)


def _summary_from_json(data: object) -> PackSummary | None:
    """The summary in a record, or None for anything but what `keep_summary` writes (a
    damaged or edited file), text a terminal would act on included."""
    if not isinstance(data, dict):
        return None
    title, description = data.get("title"), data.get("description")
    source, counts = data.get("source"), data.get("counts")
    if not (isinstance(title, str) and isinstance(description, str) and is_safe(title)):
        return None
    if UNSAFE_IN_TEXT.search(description):
        return None
    if not isinstance(source, list) or len(source) not in (0, 4):
        return None
    if not all(isinstance(part, str) and is_safe(part) for part in source):
        return None
    if not isinstance(counts, list):
        return None
    pairs: list[tuple[str, int]] = []
    for pair in counts:
        if not (isinstance(pair, list) and len(pair) == 2):
            return None
        kind, count = pair
        if not (isinstance(kind, str) and type(count) is int and count > 0):
            return None
        pairs.append((kind, count))
    return PackSummary(title, description, tuple(source), tuple(pairs))
