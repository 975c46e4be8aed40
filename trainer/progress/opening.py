"""Opening a progress file: connecting, migrating, and what to do when it cannot be read.

A store that cannot be read (a damaged file, or one from a newer debate-trainer) is moved
aside, never overwritten, and the trainer starts on a fresh one with a notice naming where
the old file went. A file that is only busy (another trainer holds it) is never moved: moving
a live database would corrupt it for them.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from trainer.progress.schema import SCHEMA_VERSION, migrate

_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
BUSY_TIMEOUT_MS = 10_000
"""How long a second trainer waits for the write lock before giving up (never in practice)."""

WAL_CAP_PAGES = 8_000
"""Pages the write-ahead log may hold before a commit writes them back itself (about 32 MB).

SQLite's default, 1,000, made about one record in a hundred pay for writing the log back
and syncing the file: 5-6 ms on a shared disk, where a record takes 0.2 ms. The app's store
thread writes the log back when it is idle (`ProgressStore.checkpoint`), and closing the
last connection does too, so this cap is only the bound for a writer that is never idle;
durability is the same either way (the commits are in the log)."""


class StoreError(Exception):
    """The store cannot be used at all (its folder is not writable, the disk is full...)."""


def open_for_writing(path: Path) -> tuple[sqlite3.Connection, str]:
    """A migrated connection to the store at `path`, and a notice for the user ("" unless an
    unreadable file was moved aside)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create {path.parent}: {error.strerror}") from None
    try:
        return connect_and_migrate(path), ""
    except _Unusable as problem:
        moved = move_aside(path)
        notice = (
            f"Your progress file {path} {problem}; it was moved to {moved.name} "
            "and a fresh one started."
        )
    except sqlite3.DatabaseError as error:
        # Only a file SQLite calls damaged is moved aside. "Locked" or "busy" means another
        # trainer is using it: moving a live database would corrupt it for them.
        if primary_code(error) not in _DAMAGED:
            raise StoreError(f"cannot open {path}: {error}") from None
        moved = move_aside(path)
        notice = (
            f"Your progress file {path} could not be read ({error}); it was moved "
            f"to {moved.name} and a fresh one started."
        )
    try:
        return connect_and_migrate(path), notice
    except (sqlite3.DatabaseError, _Unusable) as error:
        raise StoreError(f"cannot start a progress file at {path}: {error}") from None


def open_read_only(path: Path, failure: StoreError) -> tuple[sqlite3.Connection, str]:
    """A read-only connection to a current store that cannot be opened for writing, and the
    notice saying so; or `failure` again. `immutable` is the last resort: in a folder SQLite
    cannot write, it cannot even make the shared-memory file that WAL readers use."""
    if not path.is_file():
        raise failure
    for mode in ("mode=ro", "immutable=1"):
        db = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            db.execute("SELECT count(*) FROM attempts WHERE id < 0").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            continue
        if version != SCHEMA_VERSION:  # it would need migrating, which is a write
            db.close()
            raise failure
        notice = (
            f"Your progress folder {path.parent} cannot be written: showing the "
            "progress saved there; nothing new can be recorded until it can."
        )
        return db, notice
    raise failure


def connect_and_migrate(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _Unusable(
                f"was written by a newer debate-trainer (schema {version}, this one "
                f"reads {SCHEMA_VERSION})"
            )
        # WAL is a property of the file: only its first opener switches it, and may have
        # to wait for another trainer doing the same.
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            retry_busy(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone())
        # NORMAL in WAL mode survives a killed process (the OS holds the pages); it can
        # only lose the last commits on power loss, and it keeps recording fast.
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA wal_autocheckpoint = {WAL_CAP_PAGES}")
        if version > 0:
            # Touch every table so a file with a valid header and garbage pages fails now.
            db.execute("SELECT count(*) FROM attempts WHERE id < 0").fetchone()
            db.execute("SELECT count(*) FROM cards WHERE card_id < 0").fetchone()
        migrate(db, version)
    except BaseException:
        db.close()
        raise
    return db


def move_aside(path: Path) -> Path:
    """Move the file (and its WAL files) to a new `.unreadable-<time>` name; where it went."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    copy = 1
    while any(Path(f"{target}{end}").exists() for end in ("", "-wal", "-shm")):
        copy += 1  # a second damaged file in the same second must not replace the first
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{copy}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.replace(Path(f"{target}{suffix}"))
    return target


def is_damaged(path: Path) -> bool:
    """Whether SQLite finds the file damaged (a bad page the open check did not reach)."""
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        probe = sqlite3.connect(uri, uri=True, timeout=1)
        try:
            return bool(probe.execute("PRAGMA quick_check").fetchall() != [("ok",)])
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        return primary_code(error) in _DAMAGED


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (extended codes carry it in the low byte)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def retry_busy(action: Callable[[], object], attempts: int = 50) -> None:
    """Run `action`, retrying while SQLite says another connection holds the lock.

    Some operations (switching the journal mode) report "locked" at once instead of waiting
    on the busy timeout; two trainers started together must both get through.
    """
    for attempt in range(attempts):
        try:
            action()
            return
        except sqlite3.OperationalError as error:
            code = primary_code(error)
            if code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


class _Unusable(Exception):
    """The file is a database, but not one this version may write to."""
