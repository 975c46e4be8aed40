"""`debate-trainer import-argdown FILE DIR`: a pack skeleton from an Argdown map, for an
instructor to fill in the answers and then `check`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from trainer.commands._common import EXIT_INVALID
from trainer.packs.files import MAX_FILE_BYTES
from trainer.packs.safe_text import visible
from trainer.packs.spec import MAX_ITEMS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import-argdown",
        help="make a pack skeleton from an Argdown argument map",
        description="Read an Argdown map (statements, arguments, support and attack) and "
        "write a pack to DIR: thesis, premises, counterarguments, rebuttals, evidence, "
        "quotes, conclusion and the other side, with answer blocks to fill in.",
    )
    parser.add_argument("file", type=Path, help="the Argdown file (.argdown)")
    parser.add_argument("dir", type=Path, help="a new or empty folder for the pack")
    parser.set_defaults(run=run)


def _fail(message: str) -> int:
    print(f"import-argdown: {message}", file=sys.stderr)
    return EXIT_INVALID


def _read(path: Path) -> str | None:
    """The file's text, or None after saying why it cannot be read."""
    shown = visible(str(path))
    try:
        size = path.stat().st_size
        if not path.is_file():
            _fail(f"{shown} is not a file")
            return None
        if size > MAX_FILE_BYTES:
            _fail(f"{shown} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
            return None
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        _fail(f"{shown} is not UTF-8 text")
    except OSError as error:
        _fail(f"cannot read {shown}: {error.strerror}")
    return None


def run(args: argparse.Namespace) -> int:
    from trainer.interop.argdown import ArgdownError, read_argdown
    from trainer.interop.skeleton import SOURCE_FILE, skeleton

    text = _read(args.file)
    if text is None:
        return EXIT_INVALID
    folder: Path = args.dir
    shown = visible(str(folder))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return _fail(f"{shown} already exists and is not an empty folder; choose a new one")
    try:
        amap = read_argdown(text)
    except ArgdownError as error:
        return _fail(f"{visible(str(args.file))}: {error}")
    if not amap.nodes:
        return _fail(f"{visible(str(args.file))} holds no statements or arguments")
    if len(amap.nodes) > MAX_ITEMS:
        return _fail(f"{len(amap.nodes):,} elements; a pack holds at most {MAX_ITEMS:,}")
    pack_id = re.sub(r"[^a-z0-9._-]+", "-", args.file.stem.lower()).strip("-._")[:80] or "pack"
    result = skeleton(amap, pack_id, args.file.name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "pack.yaml").write_text(result.pack_yaml, encoding="utf-8")
        if result.article:
            (folder / SOURCE_FILE).write_text(result.article, encoding="utf-8")
    except OSError as error:
        return _fail(f"cannot write {visible(str(error.filename or folder))}: {error.strerror}")
    for note in result.notes:
        print(f"import-argdown: note: {visible(note)}", file=sys.stderr)
    print(
        f"Wrote a pack of {len(amap.nodes)} items to {shown}; fill in the answers, "
        f"then run: debate-trainer check {shown}",
        file=sys.stderr,
    )
    return 0
