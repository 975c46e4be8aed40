"""The progress store: recording, scheduling, and surviving what users' machines do to files."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating, State

from tests.progress.helpers import T0, attempt
from trainer.progress import ProgressStore
from trainer.progress.rating import rating_for
from trainer.progress.store import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    with ProgressStore(tmp_path / "progress.sqlite3", fuzz=False) as opened:
        yield opened


def test_attempts_are_kept_with_every_field(store: ProgressStore) -> None:
    original = attempt(hints=2, overridden=True, outcome="incorrect", answer="naïve “quote” 🙂")
    store.record(original)
    [saved] = store.attempts()
    assert saved == original


def test_verdicts_map_to_ratings_a_student_can_predict() -> None:
    assert rating_for("correct") is Rating.Good
    assert rating_for("correct", hints=1) is Rating.Hard
    assert rating_for("partial") is Rating.Hard
    assert rating_for("incorrect") is Rating.Again
    assert rating_for("incorrect", overridden=True) is Rating.Good


def test_missed_items_come_back_sooner_than_known_ones(store: ProgressStore) -> None:
    for step in range(3):
        store.record(attempt("known", "correct", minutes=step * 60 * 24))
        store.record(attempt("missed", "incorrect", minutes=step * 60 * 24))
    known = store._card("long-range-strikes", "known", T0)
    missed = store._card("long-range-strikes", "missed", T0)
    assert known.state is State.Review
    assert missed.due < known.due
    assert known.due - T0 > timedelta(days=3)


def test_due_lists_most_overdue_first_and_only_current_items(store: ProgressStore) -> None:
    store.record(attempt("a", "incorrect"))
    store.record(attempt("b", "incorrect", minutes=30))
    store.record(attempt("gone", "incorrect", minutes=5))
    later = T0 + timedelta(days=1)
    assert [card.item_id for card in store.due("long-range-strikes", later)] == ["a", "gone", "b"]
    current = {"a", "b"}
    assert [c.item_id for c in store.due("long-range-strikes", later, current)] == ["a", "b"]
    assert store.due_count("long-range-strikes", later, current) == 2
    assert store.due_count("other-pack", later) == 0
    assert store.due("long-range-strikes", T0 - timedelta(days=1)) == []


def test_scheduling_is_deterministic_without_fuzz(tmp_path: Path) -> None:
    dues = []
    for name in ("one", "two"):
        with ProgressStore(tmp_path / f"{name}.sqlite3", fuzz=False) as store:
            for day in range(6):
                store.record(attempt("x", "correct", minutes=day * 60 * 24 * 3))
            dues.append(store._card("long-range-strikes", "x", T0).due)
    assert dues[0] == dues[1]


def test_naive_times_are_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        store.record(attempt(at=T0.replace(tzinfo=None)))


def test_history_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with ProgressStore(path, fuzz=False) as store:
        store.record(attempt())
    with ProgressStore(path, fuzz=False) as store:
        assert store.attempt_count() == 1
        assert store.notice == ""


def test_damaged_file_is_moved_aside_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list" * 100)
    with ProgressStore(path, fuzz=False) as store:
        assert str(path) in store.notice
        assert "moved to progress.sqlite3.unreadable-" in store.notice
        store.record(attempt())
        assert store.attempt_count() == 1
    [kept] = tmp_path.glob("progress.sqlite3.unreadable-*")
    assert kept.read_bytes().startswith(b"this is not a database")


def test_truncated_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with ProgressStore(path, fuzz=False) as store:
        for minute in range(200):
            store.record(attempt(f"item-{minute}", minutes=minute))
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00" * 100 + data[8192:])
    with ProgressStore(path, fuzz=False) as store:
        assert "moved to" in store.notice
        assert store.attempt_count() == 0


def test_store_from_a_newer_version_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with ProgressStore(path, fuzz=False) as store:
        assert "newer debate-trainer" in store.notice
    [kept] = tmp_path.glob("progress.sqlite3.unreadable-*")
    assert sqlite3.connect(kept).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_schema_version_is_recorded(store: ProgressStore) -> None:
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
