"""Pack loading speed: a generated 10,000-item pack, cold and cached, beside bare libyaml.

Targets (issue 2): cold load+validate within 1.5x of `yaml.load(..., CSafeLoader)` on the same
file; a cached load (same unchanged files) at most 0.1 s. `check` on the same pack, as the
command in a process of its own (issues 12 and 16): within 3x the cold load and 5 s (it grades
every self-test, on every core). The machine is shared and noisy, so every figure is a median
of several runs, and the baseline is measured in the same run.

    .venv/bin/python benchmarks/bench_load.py [--items 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from trainer.packs.loader import clear_cache, load_pack


def item_yaml(index: int) -> str:
    """One premise with every part of an answer key, written compactly (flow lists).

    10,000 items must fit the loader's 5 MB file limit, so the texts are short; every
    structure the built-in pack uses (phrasings, concept groups, a known wrong answer,
    a hint, self-tests) is there, so validation does the same work per item. One
    self-test each: a pack holds at most 10,000 (`check` grades every one).
    """
    return f"""- id: p{index}
  text: Strikes {index} change little.
  answer:
    canonical: strikes {index} change little
    accept: [strike {index} does little, not much changes {index}, small {index}, minor {index}]
    concepts: {{need: 2, groups: [[strike, missiles], [little, small, minor]]}}
    wrong: [{{answer: strikes {index} change everything, feedback: The opposite.}}]
    hint: Battlefield effect {index}.
    tests: {{accept: [little {index}]}}
"""


def make_pack(folder: Path, items: int) -> Path:
    body = "".join(item_yaml(i) for i in range(items))
    text = (
        "format: 1\nid: bench\ntitle: Benchmark pack\nversion: '1'\n"
        "thesis:\n  id: thesis\n  text: The thesis.\n  answer:\n    canonical: the thesis\n"
        f"premises:\n{body}"
    )
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    return folder / "pack.yaml"


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--check-repeat", type=int, default=3, help="runs of `check`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pack_file = make_pack(folder, args.items)
        size_mb = pack_file.stat().st_size / 1_048_576

        def bare() -> object:
            return yaml.load(pack_file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def cold() -> object:
            clear_cache()
            return load_pack(folder)

        def cached() -> object:
            return load_pack(folder)

        pack = cold()
        assert len(pack) == args.items + 1  # type: ignore[arg-type]
        # Interleave baseline and candidate so a noisy neighbour hits both alike.
        bare_times, cold_times = [], []
        for _ in range(args.repeat):
            bare_times.append(median_seconds(bare, 1))
            cold_times.append(median_seconds(cold, 1))
        cold()
        cached_time = median_seconds(cached, args.repeat * 3)
        command = [sys.executable, "-m", "trainer", "check", str(folder)]
        check_s = median_seconds(
            lambda: subprocess.run(command, stdout=subprocess.DEVNULL, check=False),
            args.check_repeat,
        )

    bare_s = statistics.median(bare_times)
    cold_s = statistics.median(cold_times)
    ratio = cold_s / bare_s
    print(f"pack: {args.items:,} items, {size_mb:.1f} MB; medians of {args.repeat} runs")
    print(f"  yaml.load CSafeLoader (baseline): {bare_s * 1000:8.1f} ms")
    print(
        f"  load_pack cold (parse+validate):  {cold_s * 1000:8.1f} ms   ratio {ratio:.2f}x  "
        f"(target <= 1.50x) {'OK' if ratio <= 1.5 else 'MISSED'}"
    )
    print(
        f"  load_pack cached:                 {cached_time * 1000:8.1f} ms   "
        f"(target <= 100 ms) {'OK' if cached_time <= 0.1 else 'MISSED'}"
    )
    check_ok = check_s <= 3 * cold_s and check_s <= 5
    print(
        f"  check, end to end (a process):    {check_s * 1000:8.1f} ms   "
        f"{check_s / cold_s:.2f}x the cold load  (target <= 3x and <= 5 s) "
        f"{'OK' if check_ok else 'MISSED'}"
    )
    return 0 if ratio <= 1.5 and cached_time <= 0.1 and check_ok else 1


if __name__ == "__main__":
    sys.exit(main())
