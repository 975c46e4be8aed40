"""`stats` counted by SQLite gives exactly what adding up every attempt in Python gave.

`pack_stats` no longer walks the history row by row; `compute` (the Python walk) is kept as
the reference. Random histories, with ties, overrides, other packs, removed items and days
that straddle midnight in several time zones (a DST change included), must agree field by
field, so the `stats` command and the Stats screen show the same figures as before.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.progress.helpers import attempt
from trainer.confidence import Confidence
from trainer.locations import progress_db_path
from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.progress import ProgressStore
from trainer.progress.attempts import ATTEMPT_COLUMNS
from trainer.progress.schema import MIGRATIONS, statements
from trainer.progress.stats import Stats, compute, pack_stats

ITEMS = ("cost", "bullying", "lee", "survey", "moves", "renamed-away")
ZONES = (
    UTC,
    timezone(timedelta(hours=5, minutes=45)),
    timezone(timedelta(hours=-8)),
    ZoneInfo("America/New_York"),
)
START = datetime(2026, 2, 20, 3, 0, tzinfo=UTC)
"""Three weeks before the last attempt, with New York's change to summer time between."""


def _pack() -> Pack:
    items = tuple(
        Item(id=i, kind=Kind.PREMISE, text=f"The {i} claim.", answer=Answer(i), path=i)
        for i in ITEMS[:-1]  # the last was removed from the pack since it was practised
    )
    return Pack(id="long-range-strikes", title="T", version="1", items=items)


def _history(seed: int) -> ProgressStore:
    chooser = random.Random(seed)
    store = ProgressStore(progress_db_path(), fuzz=False)
    minutes = 0.0
    for _ in range(chooser.randint(0, 120)):
        # Mostly short gaps, some of a day or more, some of none (two answers at one time).
        minutes += chooser.choice([0, 1, 7, 90, 600, 1440, 2000, 4000])
        item = chooser.choice(ITEMS)
        level = chooser.choice([None, None, *Confidence])
        recorded = store.record(
            replace(
                attempt(
                    item,
                    chooser.choice(["correct", "partial", "incorrect"]),
                    at=START,
                    minutes=minutes,
                    kind=chooser.choice(["rebuttal", "premises", "evidence"]),
                    pack=chooser.choice(["long-range-strikes"] * 5 + ["another-pack"]),
                ),
                confidence=level,
            )
        )
        if chooser.random() < 0.1:
            store.override(recorded.attempt_id)
    return store


@pytest.mark.parametrize("seed", range(24))
def test_sql_stats_equal_the_python_walk_over_every_attempt(seed: int) -> None:
    """The tallies kept by the store's triggers, through records and overrides."""
    pack = _pack()
    chooser = random.Random(seed)
    with _history(seed) as store:
        for zone in ZONES:
            # "Now" at the end of the history, or days after it (a broken streak).
            now = (START + timedelta(days=chooser.choice([14, 20, 24, 30]))).astimezone(zone)
            now += timedelta(minutes=chooser.randint(0, 24 * 60))
            expected = compute(
                store.attempts(pack.id),
                now,
                labels={item.id: item.label for item in pack},
                due_today=store.due_count(
                    pack.id,
                    now.replace(hour=23, minute=59, second=59, microsecond=999_999),
                    [i.id for i in pack],
                ),
                due_week=store.due_count(pack.id, now + timedelta(days=7), [i.id for i in pack]),
                due_now=store.due_count(pack.id, now, [i.id for i in pack]),
            )
            assert pack_stats(store, pack, now) == expected, (seed, zone)


def test_an_empty_history_has_empty_stats() -> None:
    pack = _pack()
    now = START.astimezone(ZONES[1])
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        assert pack_stats(store, pack, now) == compute(
            [], now, labels={i.id: i.label for i in pack}
        )


def test_a_streak_and_a_chart_day_follow_the_students_midnight() -> None:
    """23:30 and 00:30 in Kathmandu are two days of practice, though the same UTC day."""
    kathmandu = ZONES[1]
    late = datetime(2026, 3, 4, 23, 30, tzinfo=kathmandu)
    pack = _pack()
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        store.record(attempt("cost", "correct", at=late.astimezone(UTC)))
        store.record(attempt("cost", "incorrect", at=late.astimezone(UTC), minutes=60))
        stats = pack_stats(store, pack, late + timedelta(hours=2))
    assert stats.streak_days == 2
    assert [(d.day, t.attempts, t.correct) for d, t in stats.by_day[-2:]] == [(4, 1, 1), (5, 1, 0)]
    assert stats.weakest[0].last_outcome == "incorrect"


def _expected(store: ProgressStore, pack: Pack, now: datetime) -> Stats:
    return compute(store.attempts(pack.id), now, labels={i.id: i.label for i in pack})


def test_attempts_removed_or_moved_behind_the_stores_back_leave_true_tallies() -> None:
    """The tallies are kept by triggers, so even a write that bypasses the store (a user's
    own SQL clean-up) leaves `stats` equal to a count of what is there."""
    pack = _pack()
    now = (START + timedelta(days=30)).astimezone(UTC)
    with _history(3) as store:
        store._db.execute("DELETE FROM attempts WHERE id % 3 = 0")
        store._db.execute("UPDATE attempts SET item_id = 'cost' WHERE item_id = 'lee'")
        store._db.execute("UPDATE attempts SET outcome = 'correct' WHERE id % 5 = 0")
        stats = pack_stats(store, pack, now)
        expected = _expected(store, pack, now)
        assert (stats.total, stats.by_kind, stats.weakest) == (
            expected.total,
            expected.by_kind,
            expected.weakest,
        )


SCHEMA_3_COLUMNS = ", ".join(ATTEMPT_COLUMNS.split(", ")[:14])
"""The attempt columns a schema-3 store has (confidence and late came in schema 5)."""


def test_a_store_from_before_the_tallies_counts_its_old_attempts(tmp_path: Path) -> None:
    """Opening a schema-3 store fills the tallies from the attempts it already holds."""
    path = tmp_path / "progress.sqlite3"
    with _history(5) as store:
        before = list(store.attempts())
        rows = store._db.execute(f"SELECT {SCHEMA_3_COLUMNS} FROM attempts ORDER BY id").fetchall()
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        for statement in statements(script):
            db.execute(statement)
    marks = ",".join("?" * len(rows[0]))
    db.executemany(f"INSERT INTO attempts ({SCHEMA_3_COLUMNS}) VALUES ({marks})", rows)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    pack = _pack()
    now = (START + timedelta(days=30)).astimezone(UTC)
    with ProgressStore(path, fuzz=False) as old:
        # What a schema-3 store held: everything but how sure the student said they were.
        assert list(old.attempts()) == [replace(a, confidence=None) for a in before]
        stats = pack_stats(old, pack, now)
        expected = _expected(old, pack, now)
        assert stats.total == expected.total
        assert stats.by_kind == expected.by_kind
        assert stats.overrides == expected.overrides
