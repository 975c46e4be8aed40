"""Recording an attempt with 100,000 attempts stored; `stats` and exports on long histories.

Targets:

- recording (issue 6): p99 at most 5 ms, beside a bare SQLite INSERT+COMMIT of the same row
  in the same run and folder (the floor any store pays), with the home screen's due count;
- `stats` (issue 16): at 10k, 100k and 1M attempts within 1.5x a bare SQL aggregate (one
  grouped count over the same table), growing linearly; the Python walk it replaced is
  timed beside it (skip with --no-before). `stats` reads the tallies the store's triggers
  keep as attempts are written (schema 4), so its cost follows the pack's items, not the
  history; what the triggers cost a write is in the recording figure (the bare INSERT
  beside it goes to a table without them);
- `export-progress` (issue 16): CSV and JSON under 100 MB resident at any size, each run as
  the real command in a process of its own beside a bare streamed dump of the same rows.

    .venv/bin/python benchmarks/bench_progress.py [--existing 100000] [--runs 2000]
        [--history 10000,100000,1000000] [--no-before]
"""

from __future__ import annotations

import argparse
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.progress import Attempt, ProgressStore
from trainer.progress.attempts import iso
from trainer.progress.stats import compute, pack_stats

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
                iso(a.at),
                a.pack_id,
                a.pack_version,
                a.item_id,
                a.kind,
                a.mode,
                a.answer,
                a.outcome,
                a.score,
                0,
                int(n % 997 == 0),  # a few answers marked right by the student, as in life
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


def bench_recording(existing: int, runs: int) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        store = ProgressStore(Path(tmp) / "progress.sqlite3", fuzz=True)
        prefill(store, existing)
        bare = sqlite3.connect(Path(tmp) / "bare.sqlite3", isolation_level=None)
        bare.execute("PRAGMA journal_mode = WAL")
        bare.execute("PRAGMA synchronous = NORMAL")
        bare.execute("CREATE TABLE t (at, pack_id, item_id, answer, outcome, score)")

        record_ms, bare_ms = [], []
        start = existing + ITEMS
        for n in range(start, start + runs):
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
    print(f"store: {total:,} attempts; {runs:,} timed records")
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
    return p99 <= 5


PEAK = "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')), file=sys.stderr)"
"""The child's own peak resident set. Not `ru_maxrss`: Linux carries that over `exec` from
the forked parent, so every child would report this benchmark's own size."""

BARE_AGGREGATE = (
    "SELECT item_id, count(*), sum(outcome = 'correct') FROM attempts "
    "WHERE pack_id = ? GROUP BY item_id"
)
"""The floor for `stats`: one grouped count over the pack's attempts, nothing else, read the
way SQLite chooses (through the pack's index)."""
BARE_SCAN = BARE_AGGREGATE.replace("pack_id = ?", "+pack_id = ?")
"""The same count read as a plain scan of the table: the lower of the two is the floor."""
BARE_GROUPS = (
    "SELECT item_id, kind, count(*), sum(outcome = 'correct' OR overridden) FROM attempts "
    "WHERE +pack_id = ? GROUP BY item_id, kind"
)
"""The least one query can do to give what `stats` reports per item and per kind."""

BARE_DUMP = (
    textwrap.dedent(
        """
    import csv, json, sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    rows = db.execute(
        "SELECT at, pack_id, pack_version, item_id, kind, mode, answer, outcome, score, hints,"
        " overridden, seconds, session FROM attempts ORDER BY at, id"
    )
    with open(sys.argv[3], "w", encoding="utf-8", newline="") as out:
        if sys.argv[2] == "csv":
            writer = csv.writer(out, lineterminator="\\n")
            for row in rows:
                writer.writerow(row)
        else:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\\n")
    """
    )
    + PEAK
)
"""The floor for an export: the same rows streamed straight from SQLite to a file."""


def bench_pack() -> Pack:
    items = tuple(
        Item(id=f"item-{n}", kind=Kind.PREMISE, text=f"Item {n}.", answer=Answer("a"), path="p")
        for n in range(ITEMS)
    )
    return Pack(id="long-range-strikes", title="Bench", version="1", items=items)


def median_of(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


EXPORT = "import sys\nfrom trainer.cli import main\ncode = main(sys.argv[1:])\n" + PEAK
"""The real command, in a process of its own, reporting its peak."""


def run_measured(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak resident MB of one process."""
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{argv} failed: {done.stderr!r}")
    line = done.stderr.decode().strip().splitlines()[-1]  # "VmHWM:   12345 kB"
    return seconds, int(line.split()[1]) / 1024


def bench_history(size: int, before: bool) -> dict[str, float]:
    """`stats` and both exports on a store of `size` attempts, each beside its floor."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DEBATE_TRAINER_HOME": home}
        path = Path(home) / "progress.sqlite3"
        store = ProgressStore(path, fuzz=True)
        prefill(store, size - ITEMS)
        pack = bench_pack()
        now = (T0 + timedelta(minutes=size)).astimezone(timezone(timedelta(hours=2)))
        db = store._db
        repeat = 3 if size >= 1_000_000 else 5
        bare_s, scan_s, groups_s, stats_s = [], [], [], []
        for _ in range(repeat):  # interleaved, so a noisy neighbour hits both alike
            bare_s.append(median_of(lambda: db.execute(BARE_AGGREGATE, (pack.id,)).fetchall(), 1))
            scan_s.append(median_of(lambda: db.execute(BARE_SCAN, (pack.id,)).fetchall(), 1))
            groups_s.append(median_of(lambda: db.execute(BARE_GROUPS, (pack.id,)).fetchall(), 1))
            stats_s.append(median_of(lambda: pack_stats(store, pack, now), 1))
        figures["bare aggregate"] = statistics.median(bare_s)
        figures["bare scan"] = statistics.median(scan_s)
        figures["bare groups"] = statistics.median(groups_s)
        figures["stats"] = statistics.median(stats_s)
        if before:
            figures["stats, Python walk (before)"] = median_of(
                lambda: compute(store.attempts(pack.id), now), 1
            )
        store.close()
        python = str(Path(sys.executable))
        for form in ("csv", "json"):
            out = str(Path(home) / f"export.{form}")
            seconds, rss = run_measured(
                [python, "-c", EXPORT, "export-progress", "--format", form, "--out", out], env
            )
            figures[f"export {form} s"], figures[f"export {form} MB"] = seconds, rss
            seconds, rss = run_measured([python, "-c", BARE_DUMP, str(path), form, out], env)
            figures[f"bare dump {form} s"], figures[f"bare dump {form} MB"] = seconds, rss
    return figures


def report_history(sizes: list[int], before: bool) -> bool:
    runs = {size: bench_history(size, before) for size in sizes}
    ok = True
    print(
        "stats (median ms) beside a bare SQL aggregate (SQLite's plan / a table scan; the ratio"
        " is to the faster), by attempts stored:"
    )
    for size, f in runs.items():
        floor = min(f["bare aggregate"], f["bare scan"])
        ratio = f["stats"] / floor
        ok &= ratio <= 1.5
        walk = f.get("stats, Python walk (before)")
        walked = f"   Python walk (before) {walk * 1000:7.1f} ms" if walk else ""
        print(
            f"  {size:>9,}: stats {f['stats'] * 1000:7.1f} ms   "
            f"bare {f['bare aggregate'] * 1000:7.1f} / {f['bare scan'] * 1000:7.1f} ms   "
            f"ratio {ratio:4.2f}x (target <= 1.50x)" + walked
        )
        print(
            f"  {'':>9}  one (item, kind) grouped count alone: {f['bare groups'] * 1000:7.1f} ms"
            f"   stats / it {f['stats'] / f['bare groups']:4.2f}x"
        )
    print(f"  growth order {_order(sizes, [runs[s]['stats'] for s in sizes]):.2f} (1.00 = linear)")
    for form in ("csv", "json"):
        print(f"export-progress --format {form} (a process each) beside a bare streamed dump:")
        for size, f in runs.items():
            mb = f[f"export {form} MB"]
            ok &= mb < 100
            print(
                f"  {size:>9,}: {f[f'export {form} s']:6.2f} s {mb:6.1f} MB   bare "
                f"{f[f'bare dump {form} s']:6.2f} s {f[f'bare dump {form} MB']:6.1f} MB   "
                f"time ratio {f[f'export {form} s'] / f[f'bare dump {form} s']:4.2f}x"
                f"   (target < 100 MB) {'OK' if mb < 100 else 'MISSED'}"
            )
        times = [runs[s][f"export {form} s"] for s in sizes]
        print(f"  growth order {_order(sizes, times):.2f} (1.00 = linear)")
    return ok


def _order(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log time against log size, smallest to largest."""
    return math.log(seconds[-1] / seconds[0]) / math.log(sizes[-1] / sizes[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--existing", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2_000)
    parser.add_argument("--history", default="10000,100000,1000000")
    parser.add_argument("--no-before", action="store_true", help="skip the old Python walk")
    args = parser.parse_args()
    recording_ok = bench_recording(args.existing, args.runs)
    sizes = [int(size) for size in args.history.split(",") if size]
    history_ok = report_history(sizes, not args.no_before) if sizes else True
    return 0 if recording_ok and history_ok else 1


if __name__ == "__main__":
    sys.exit(main())
