"""A progress store damaged where opening does not look, or locked too long (issue 12, item 12).

`stats`, `export-progress` and `check --overrides` meet the bad page only when they read:
each says so, exits 2, and moves the file aside (never deleting it), so the next start
begins afresh. A write lock held past the busy timeout is a `StoreError`, not a crash.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, tzinfo

import pytest

from tests.conftest import SMALL_PACK
from tests.hardening.conftest import run
from tests.progress.helpers import attempt, damaged_store
from trainer.locations import progress_db_path
from trainer.progress import ProgressStore, StoreError


@pytest.mark.parametrize(
    "argv",
    [
        ["stats", "--pack", str(SMALL_PACK)],
        ["export-progress", "--format", "csv"],
        ["check", "--overrides", str(SMALL_PACK)],
    ],
    ids=["stats", "export", "check-overrides"],
)
def test_a_damaged_page_is_exit_2_and_the_file_is_moved_aside_whole(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path, damaged = damaged_store()
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err and "internal error" not in err
    [moved] = path.parent.glob(f"{path.name}.unreadable-*[0-9]")
    assert err.startswith(f"{argv[0]}: cannot read")
    assert err.endswith(
        f"The file is damaged; it was moved to {moved}, nothing in it deleted, "
        "and a fresh progress file starts next time.\n"
    )
    assert moved.read_bytes() == damaged
    # The next start begins afresh.
    code, out, err = run(capsys, "stats", "--pack", str(SMALL_PACK))
    assert (code, err) == (0, "")
    assert "No attempts yet" in out


def test_a_write_lock_held_too_long_is_a_store_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.progress.opening.BUSY_TIMEOUT_MS", 50)
    with ProgressStore.open_default(fuzz=False) as store:
        store.record(attempt())
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match=r"database is locked\. Earlier attempts"):
                store.record(attempt(minutes=1))
            with pytest.raises(StoreError, match="could not save the override"):
                store.override(1)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.attempt_count() == 1


class _OneSecond(datetime):
    """A clock stopped in one second, as two quick starts on a damaged store would see."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _OneSecond:
        return cls(2026, 3, 2, 9, 0, 0, tzinfo=UTC)


def test_two_damaged_files_moved_aside_in_one_second_are_both_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("trainer.progress.opening.datetime", _OneSecond)
    path = progress_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for content in (b"first damaged file" * 100, b"second damaged file" * 100):
        path.write_bytes(content)
        with ProgressStore.open_default(fuzz=False) as store:
            assert "moved to" in store.notice
    kept = sorted(p.read_bytes()[:6] for p in path.parent.glob(f"{path.name}.unreadable-*"))
    assert kept == [b"first ", b"second"]


def test_check_overrides_says_where_a_store_damaged_at_open_went(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = progress_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database at all" * 100)
    code, _out, err = run(capsys, "check", "--overrides", str(SMALL_PACK))
    assert code == 0
    [moved] = path.parent.glob(f"{path.name}.unreadable-*")
    assert err.startswith(f"Your progress file {path} could not be read")
    assert f"it was moved to {moved.name}" in err
    assert moved.read_bytes() == b"not a database at all" * 100
