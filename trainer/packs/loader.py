"""Loading a pack: read safely, validate everything, build the model.

Packs come from other people, so nothing in one may construct objects, reach outside its
folder, or stop the loader with a traceback: every problem becomes a `Problem` with a place,
and all of them are reported together in one `PackError`.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from trainer.packs.builder import ITEM_LISTS, Builder
from trainer.packs.errors import PackError, Problem, sort_problems
from trainer.packs.files import MAX_FILE_BYTES, PACK_FILE, locate, read_bounded
from trainer.packs.format import PACK
from trainer.packs.marked import marked_digest, read_marked
from trainer.packs.model import Pack
from trainer.packs.spec import INVALID, MAX_ITEMS
from trainer.packs.walk import MAX_TOTAL_TEXT, Walk
from trainer.packs.yaml_text import compose, decode

__all__ = ["MAX_FILE_BYTES", "PACK_FILE", "clear_cache", "load_pack", "locate"]

_CACHE_SIZE = 16


@dataclass(frozen=True, slots=True)
class _Cached:
    digest: bytes
    source_digest: bytes
    pack: Pack
    marked: bytes = b""
    """The marked-answers file's digest: marks learnt since reload the pack."""


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
    marks = marked_digest(folder)
    if hit is not None and hit.digest == digest and hit.marked == marks:
        source_file = hit.pack.source.file if hit.pack.source else ""
        if _source_digest(folder, source_file) == hit.source_digest:
            _cache.move_to_end(key)
            return hit.pack

    pack, source_digest = _parse(data, name, folder)
    marked = read_marked(folder, (item.id for item in pack.items))
    if marked:
        pack = replace(pack, marked=marked)
    if cache:
        _cache[key] = _Cached(digest, source_digest, pack, marks)
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


def _refuse_too_many_items(node: yaml.Node, name: str) -> None:
    """Count the entries of the item lists on the node tree, before the walk: a pack of
    100,000 one-line items would take seconds to validate only to be unusable."""
    if not isinstance(node, yaml.MappingNode):
        return
    count = sum(
        len(value.value)
        for key, value in node.value
        if isinstance(value, yaml.SequenceNode) and key.value in ITEM_LISTS
    )
    if count > MAX_ITEMS:
        message = f"has {count:,} items; the limit is {MAX_ITEMS:,}"
        raise PackError([Problem(name, 0, 0, "", message)])


def _parse(data: bytes, name: str, folder: Path) -> tuple[Pack, bytes]:
    text = decode(data, name)
    node = compose(text, name)
    _refuse_too_many_items(node, name)
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
    builder = Builder(raw, walk, folder)
    pack = builder.build()
    if walk.problems:
        raise PackError(sort_problems(walk.problems))
    return pack, builder.source_digest
