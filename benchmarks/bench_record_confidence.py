"""Recording an answer with its confidence and the linked reschedule (issue 15).

Target: with 100,000 attempts stored, recording an attempt that carries a confidence, and,
when it is a lapse, brings forward what stands on it (`trainer.progress.linked`: the links
worked out from the pack and written in the same transaction), takes at most 5 ms at p99.
The baseline is plain recording (no confidence, no links) on the same store in the same run,
interleaved with the measured records so both see the same file, cache and machine load.
Also timed: the next review's order (`review_plan`), which reads the links back.

Sizes: 1k, 10k and 100k attempts stored, a third of them given with a confidence and a
third of them lapses, on a pack with an argument's relations (a thesis and conclusion on 20
premises with evidence, 12 counterarguments with 2 rebuttals each).

    .venv/bin/python benchmarks/bench_record_confidence.py [--sizes 1000,10000,100000]
        [--runs 2000] [--dir FOLDER]

Writing the log back (SQLite's WAL checkpoint: the pages copied into the file and the file
synced) is not a record's job: the app's store thread does it when idle and closing does it
too (`trainer.progress.opening.WAL_CAP_PAGES`). Run as the app runs it, this writes the log
back after every 50 records (a quiz's worth of answers), outside the timed records, and
reports that time apart; the cap still makes a record write it back if the log ever holds
8,000 pages. The slowest records follow the disk the store is on; `--dir` puts the store on
another (a tmpfs such as /dev/shm shows the cost without the disk's sync).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.confidence import Confidence
from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.progress import Attempt, ProgressStore
from trainer.progress.attempts import ATTEMPT_COLUMNS, ATTEMPT_MARKS
from trainer.progress.linked import review_plan, standing_on

T0 = datetime(2026, 1, 1, tzinfo=UTC)
TARGET_P99_MS = 5.0
QUIZ = 50
"""Records between two idle moments of the store thread, where it writes the log back."""
PREMISES = 20
COUNTERS = 12
LEVELS = tuple(Confidence)


def _item(item_id: str, kind: Kind, ref: str = "") -> Item:
    text = f"The {item_id.replace('-', ' ')} claim of the argument."
    return Item(id=item_id, kind=kind, text=text, answer=Answer(text), path=item_id, ref=ref)


def argument() -> Pack:
    items = [_item("thesis", Kind.THESIS), _item("conclusion", Kind.CONCLUSION)]
    for n in range(PREMISES):
        items.append(_item(f"premise-{n}", Kind.PREMISE))
        items.append(_item(f"evidence-{n}", Kind.EVIDENCE, f"premise-{n}"))
    for n in range(COUNTERS):
        items.append(_item(f"counter-{n}", Kind.COUNTERARGUMENT))
        for m in range(2):
            items.append(_item(f"rebuttal-{n}-{m}", Kind.REBUTTAL, f"counter-{n}"))
    return Pack(id="bench-argument", title="A benchmark argument", version="1", items=tuple(items))


def attempt(pack: Pack, n: int) -> Attempt:
    item = pack.items[n % len(pack.items)]
    return Attempt(
        pack_id=pack.id,
        pack_version=pack.version,
        item_id=item.id,
        kind=item.kind.value,
        mode="mixed",
        answer=f"an answer a student typed, number {n}",
        outcome=("correct", "partial", "incorrect")[n % 3],  # a third are lapses
        score=60,
        at=T0 + timedelta(minutes=n),
        seconds=9.0,
    )


def prefill(store: ProgressStore, pack: Pack, count: int) -> None:
    """Bulk-load old attempts directly (fast), a third with a confidence; then record one
    lapse per item through the store, so that links are stored as in use."""
    rows = []
    for n in range(count):
        said = replace(attempt(pack, n), confidence=LEVELS[n % 4] if n % 3 == 0 else None)
        rows.append(said.row())
    db = store._db
    db.execute("BEGIN")
    db.executemany(f"INSERT INTO attempts ({ATTEMPT_COLUMNS}) VALUES ({ATTEMPT_MARKS})", rows)
    db.execute("COMMIT")
    for n, item in enumerate(pack):
        lapse = replace(attempt(pack, count + n), item_id=item.id, outcome="incorrect")
        store.record(lapse, standing_on(pack, item.id))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench(size: int, runs: int, folder: str | None) -> bool:
    pack = argument()
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        store = ProgressStore(Path(tmp) / "progress.sqlite3", fuzz=True)
        prefill(store, pack, size)
        linked_ms, plain_ms, idle_ms = [], [], []
        start = size + len(pack.items)
        for n in range(start, start + 2 * runs, 2):
            if (n - start) % (2 * QUIZ) == 0:
                began = time.perf_counter()
                store.checkpoint()  # the store thread's idle moment between quizzes
                idle_ms.append((time.perf_counter() - began) * 1000)
            said = replace(attempt(pack, n), confidence=LEVELS[n % 4])
            began = time.perf_counter()
            store.record(said, standing_on(pack, said.item_id))
            linked_ms.append((time.perf_counter() - began) * 1000)
            plain = attempt(pack, n + 1)
            began = time.perf_counter()
            store.record(plain)
            plain_ms.append((time.perf_counter() - began) * 1000)
        now = T0 + timedelta(minutes=start + 2 * runs)
        plan_ms = []
        for _ in range(50):
            began = time.perf_counter()
            plan = review_plan(store, pack, now)
            plan_ms.append((time.perf_counter() - began) * 1000)
        total = store.attempt_count()
        links = len(store.brought_forward(pack.id, now))
        store.close()
    p99, base_p99 = percentile(linked_ms, 0.99), percentile(plain_ms, 0.99)
    median, base_median = statistics.median(linked_ms), statistics.median(plain_ms)
    ok = p99 <= TARGET_P99_MS
    print(f"{size:>7,} stored ({total:,} at the end, {links} links): {runs:,} timed records each")
    print(
        f"  with confidence and links: median {median:.3f} ms, p99 {p99:.3f} ms "
        f"(target p99 <= {TARGET_P99_MS:g} ms) {'OK' if ok else 'MISSED'}"
    )
    print(f"  plain recording:           median {base_median:.3f} ms, p99 {base_p99:.3f} ms")
    print(f"  ratio: median {median / base_median:.2f}x, p99 {p99 / base_p99:.2f}x")
    print(
        f"  slowest record {max(linked_ms):.3f} ms; idle write-back of the log (every "
        f"{QUIZ} records, not a record's time): median {statistics.median(idle_ms):.3f} ms"
    )
    print(
        f"  next review's order ({len(plan.items)} items, {len(plan.why)} brought forward): "
        f"median {statistics.median(plan_ms):.3f} ms, p99 {percentile(plan_ms, 0.99):.3f} ms"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=2_000)
    parser.add_argument("--dir", help="the folder the store is made in (default: the temp folder)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    results = [bench(size, args.runs, args.dir) for size in sizes]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
