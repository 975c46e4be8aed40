"""Small pieces the commands share: loading a pack or using the store, with a readable failure."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from trainer.packs.errors import PackError
from trainer.packs.loader import load_pack
from trainer.packs.model import Pack
from trainer.packs.safe_text import visible

if TYPE_CHECKING:
    from trainer.progress.store import ProgressStore

T = TypeVar("T")

EXIT_OK = 0
EXIT_DISAGREE = 1
EXIT_INVALID = 2


def load_or_report(path: str | Path) -> Pack | None:
    """The pack, or None after printing every problem to stderr (no traceback)."""
    try:
        return load_pack(path)
    except PackError as error:
        print(f"{visible(str(path))}: {error.report()}", file=sys.stderr)
        return None


def read_input_or_report(command: str, path: Path) -> str | None:
    """A CSV the user named, as text, or None after saying on stderr why not (see
    `read_user_text`: a regular file, within the pack size limit, in UTF-8)."""
    from trainer.packs.class_answers import read_user_text

    try:
        return read_user_text(path)
    except PackError as error:
        for problem in error.problems:
            print(f"{command}: {problem.describe()}", file=sys.stderr)
    return None


def open_store_or_report(command: str, *, read_only: bool = False) -> ProgressStore | None:
    """The progress store, or None after saying why on stderr.

    A notice from the store (an unreadable file moved aside, a folder that cannot be
    written) is printed too: the user must learn where their progress is. `read_only` is
    for commands that only read.
    """
    from trainer.progress.store import ProgressStore, StoreError

    try:
        store = ProgressStore.open_default(read_only=read_only)
    except StoreError as error:
        print(f"{command}: {error}", file=sys.stderr)
        return None
    if store.notice:
        print(store.notice, file=sys.stderr)
    return store


def read_store(command: str, store: ProgressStore, read: Callable[[], T]) -> T | None:
    """`read()`'s result, or None after saying on stderr why the store failed under it.

    A damaged page the open check did not reach shows only when a query meets it: the file
    is then moved aside, never deleted, so the next start begins afresh and nothing in the
    old file is lost. A held lock or a full disk leaves the file where it is.
    """
    import sqlite3

    from trainer.progress.store import StoreError

    try:
        return read()
    except (StoreError, sqlite3.DatabaseError) as error:
        print(f"{command}: {store_failure(store, error)}", file=sys.stderr)
        return None


def store_failure(store: ProgressStore, error: Exception) -> str:
    """What went wrong with the store, and where a damaged file went."""
    from trainer.progress.store import StoreError

    reason = str(error) if isinstance(error, StoreError) else f"cannot read {store.path}: {error}"
    moved = store.set_aside_if_damaged()
    if moved is None:
        return reason
    return (
        f"{reason}. The file is damaged; it was moved to {moved}, nothing in it deleted, "
        "and a fresh progress file starts next time."
    )


def write_replacing(path: Path, write: Callable[[TextIO], int]) -> int:
    """Stream into a file beside `path`, then put it in place: output that fails half
    way (a full disk, a damaged store) leaves an earlier file of the same name whole.
    A path that is not a regular file (a pipe, /dev/stdout) is written directly."""
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="") as out:
            return write(out)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            count = write(out)
        umask = os.umask(0)  # mkstemp makes the file private; an export is as any new file
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
