"""Building a grader grows linearly with the pack: `Grader(pack)` beside the pack's load.

Generated packs of 1,000, 10,000 and 50,000 premises, each with its own words (so the
vocabulary grows with the pack, as in a real one), are loaded cold from a file and then
indexed; both are timed in the same run, interleaved, medians of a few runs. Targets (issue
9): at 10,000 items, building at most the cold load time; and linear growth, so the time
per item stays flat from 1,000 to 50,000 items (the grader this replaced took 46 s at
10,000 items against a 0.8 s load).

    .venv/bin/python benchmarks/bench_grader_build.py [--sizes 1000 10000 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from trainer.grading.engine import Grader
from trainer.grading.normalise import normalise
from trainer.grading.reading import read
from trainer.packs.loader import clear_cache, load_pack


def word(n: int) -> str:
    """A made-up word of its own for each number: "baab", "baac"..."""
    letters = ""
    n += 26**3
    while n:
        n, r = divmod(n, 26)
        letters = chr(97 + r) + letters
    return letters


def make_pack(folder: Path, items: int) -> None:
    """A pack whose items are short enough for 50,000 to fit the format's 5 MB limit."""
    lines = []
    for i in range(items):
        a, b = word(i), word((i * 7919 + 13) % items)
        lines.append(
            f"- {{id: p{i}, text: {a} {b}., answer: {{canonical: {a} {b} risk, "
            f"accept: [{b} {a} danger]}}}}\n"
        )
    (folder / "pack.yaml").write_text(
        "format: 1\nid: bench\ntitle: Benchmark\nversion: '1'\n"
        "thesis: {id: thesis, text: The thesis., answer: {canonical: the thesis}}\n"
        "premises:\n" + "".join(lines),
        encoding="utf-8",
    )


def cold_caches() -> None:
    clear_cache()
    normalise.cache_clear()
    read.cache_clear()


def measure(folder: Path, repeat: int) -> tuple[float, float]:
    loads, builds = [], []
    for _ in range(repeat):
        cold_caches()
        started = time.perf_counter()
        pack = load_pack(folder)
        loads.append(time.perf_counter() - started)
        cold_caches()
        started = time.perf_counter()
        Grader(pack)
        builds.append(time.perf_counter() - started)
    return statistics.median(loads), statistics.median(builds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            make_pack(Path(tmp), size)
            rows.append((size, *measure(Path(tmp), args.repeat)))
    print(f"Grader(pack) beside the pack's cold load, medians of {args.repeat} runs")
    print(f"{'items':>8} {'load s':>9} {'build s':>9} {'build/load':>11} {'build us/item':>14}")
    for size, load, build in rows:
        print(
            f"{size:>8,} {load:>9.3f} {build:>9.3f} {build / load:>10.2f}x "
            f"{build / size * 1e6:>14.1f}"
        )
    per_item = [build / size for size, _, build in rows]
    growth = per_item[-1] / per_item[0]
    print(
        f"time per item, largest against smallest pack: {growth:.2f}x "
        f"(linear is 1.0x; quadratic would be {rows[-1][0] / rows[0][0]:.0f}x)"
    )
    at_10k = [build / load for size, load, build in rows if size == 10_000]
    ok = growth <= 2.0 and all(ratio <= 1.0 for ratio in at_10k)
    print("targets: build <= load at 10,000 items; per-item time flat:", "OK" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
