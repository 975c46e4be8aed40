"""Which files a pack may be read from, and reading them within bounds.

A pack folder comes from someone else: its pack.yaml or source file may be a link to a
private file, a folder, a pipe that blocks forever, a loop of links or a name the system
refuses. Each of these is a `Problem` naming the file and what it is, never a traceback,
and nothing outside the pack's folder is ever read.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from pathlib import Path

from trainer.packs.errors import PackError, Problem

PACK_FILE = "pack.yaml"
MARKED_FILE = "marked.csv"
"""The class's marked answers beside the pack (`trainer.packs.marked`)."""
MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest pack.yaml or source file read; a real pack is a few hundred KB."""

_SHOWN = 60
"""Longest file name quoted back in a problem."""


def _problem(name: str, message: str) -> PackError:
    return PackError([Problem(name, 0, 0, "", message)])


def short(text: str) -> str:
    """A name as quoted in a problem: cut to a readable length."""
    return repr(text) if len(text) <= _SHOWN else repr(text[: _SHOWN - 3]) + "..."


def locate(path: str | Path) -> tuple[Path, Path]:
    """The pack's folder and its pack.yaml, from either of them; a `PackError` saying what
    the path is when it is neither."""
    given = Path(path)
    try:
        if given.is_dir():
            folder, pack_file = given, given / PACK_FILE
            if not _exists(pack_file):
                raise _problem(str(given), f"this folder has no {PACK_FILE}")
        elif given.is_file():
            folder, pack_file = given.parent, given
        elif given.is_symlink():
            raise _problem(str(given), "is a link to something that does not exist")
        elif _exists(given):
            raise _problem(
                str(given), "is not a pack folder or a pack.yaml file (a device, pipe or socket?)"
            )
        else:
            raise _problem(str(given), "no such pack: the path does not exist")
    except OSError as error:
        raise _problem(str(given), f"cannot be read: {error.strerror}") from None
    problem = file_problem(folder, pack_file)
    if problem:
        raise _problem(str(pack_file), problem)
    return folder, pack_file


def _exists(path: Path) -> bool:
    """True when something (even a dangling link) is at `path`; OSError if it cannot be told."""
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    return True


def file_problem(folder: Path, file: Path) -> str | None:
    """Why `file` may not be read as part of the pack in `folder`, or None when it may: it
    must be a regular file that is, after following every link, inside the folder."""
    try:
        if not _exists(file):
            return "does not exist in the pack folder"
        target = file.resolve(strict=True)
        if not target.is_relative_to(folder.resolve(strict=True)):
            return "leads outside the pack folder (a link?); it is not read"
        mode = target.stat().st_mode
    except RuntimeError:  # Python 3.11 reports a loop of links this way
        return "is a link that loops back on itself"
    except FileNotFoundError:
        return "is a link to something that does not exist"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a link that loops back on itself"
        return f"cannot be read: {error.strerror}"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a pipe, device or socket?); it is not read"
    return None


def file_digest(folder: Path, file: Path) -> bytes:
    """A digest of `file` in the pack's `folder`, so what was built from it is rebuilt when it
    changes: empty when there is no such file, ``?`` for one that may not or cannot be read
    (it is never opened here; the loader then reports it)."""
    if not file.exists() and not file.is_symlink():
        return b""
    if file_problem(folder, file) is not None:
        return b"?"
    try:
        return hashlib.blake2b(read_bounded(file, str(file)), digest_size=20).digest()
    except PackError:
        return b"?"


def read_bounded(file: Path, name: str) -> bytes:
    """The file's bytes, refusing a huge file before reading it."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PackError([_too_big(name, size)])
        with file.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _problem(name, f"cannot be read: {error.strerror}") from None
    if len(data) > MAX_FILE_BYTES:  # grew after stat
        raise PackError([_too_big(name, len(data))])
    return data


def _too_big(name: str, size: int) -> Problem:
    return Problem(
        name,
        0,
        0,
        "",
        f"is {size / 1_048_576:.1f} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB",
    )
