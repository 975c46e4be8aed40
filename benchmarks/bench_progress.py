"""Recording an attempt and rescheduling its card, with 100,000 attempts already stored.

Target (issue 6): p99 at most 5 ms. Printed beside a bare SQLite INSERT+COMMIT of the same row
in the same run and folder (the floor any store pays), and with the home screen's due-count
query on the same store.

    .venv/bin/python benchmarks/bench_progress.py [--existing 100000] [--runs 2000]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.progress import Attempt, ProgressStore
from trainer.progress.store import _iso

T0 = datetime(2026, 1, 1, tzinfo=UTC)
ITEMS = 60


def attempt(n: int) -> Attempt:
    return Attempt(
        pack_id="long-range-strikes",
        pack_version="1.0.0",
        item_id=f"item-{n % ITEMS}",
        kind="rebuttal",
        mode="mixed",
        answer=f"an answer a student typed, number {n}",
        outcome=("correct", "partial", "incorrect")[n % 3],
        score=80,
        at=T0 + timedelta(minutes=n),
        seconds=9.0,
    )


def prefill(store: ProgressStore, count: int) -> None:
    """Bulk-load old attempts directly (fast), then review each item once through the store."""
    rows = []
    for n in range(count):
        a = attempt(n)
        rows.append(
            (
                _iso(a.at),
                a.pack_id,
                a.pack_version,
                a.item_id,
                a.kind,
                a.mode,
                a.answer,
                a.outcome,
                a.score,
                0,
                0,
                a.seconds,
                "",
            )
        )
    db = store._db
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO attempts (at, pack_id, pack_version, item_id, kind, mode, answer, outcome,"
        " score, hints, overridden, seconds, session) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    db.execute("COMMIT")
    for n in range(ITEMS):
        store.record(attempt(count + n))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--existing", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = ProgressStore(Path(tmp) / "progress.sqlite3", fuzz=True)
        prefill(store, args.existing)
        bare = sqlite3.connect(Path(tmp) / "bare.sqlite3", isolation_level=None)
        bare.execute("PRAGMA journal_mode = WAL")
        bare.execute("PRAGMA synchronous = NORMAL")
        bare.execute("CREATE TABLE t (at, pack_id, item_id, answer, outcome, score)")

        record_ms, bare_ms = [], []
        start = args.existing + ITEMS
        for n in range(start, start + args.runs):
            a = attempt(n)
            began = time.perf_counter()
            store.record(a)
            record_ms.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            bare.execute("BEGIN IMMEDIATE")
            bare.execute(
                "INSERT INTO t VALUES (?,?,?,?,?,?)",
                (a.at.isoformat(), a.pack_id, a.item_id, a.answer, a.outcome, a.score),
            )
            bare.execute("COMMIT")
            bare_ms.append((time.perf_counter() - began) * 1000)

        now = T0 + timedelta(days=400)
        due_ms = []
        for _ in range(50):
            began = time.perf_counter()
            store.due_count("long-range-strikes", now)
            due_ms.append((time.perf_counter() - began) * 1000)
        total = store.attempt_count()
        store.close()

    p99 = percentile(record_ms, 0.99)
    print(f"store: {total:,} attempts; {args.runs:,} timed records")
    print(
        f"  record+reschedule: median {statistics.median(record_ms):.3f} ms, "
        f"p99 {p99:.3f} ms  (target p99 <= 5 ms) {'OK' if p99 <= 5 else 'MISSED'}"
    )
    print(
        f"  bare INSERT+COMMIT: median {statistics.median(bare_ms):.3f} ms, "
        f"p99 {percentile(bare_ms, 0.99):.3f} ms  "
        f"(ratio of medians {statistics.median(record_ms) / statistics.median(bare_ms):.1f}x)"
    )
    print(f"  due count (home screen): median {statistics.median(due_ms):.3f} ms")
    return 0 if p99 <= 5 else 1


if __name__ == "__main__":
    sys.exit(main())
