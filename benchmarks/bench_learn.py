"""Issue 11's bounds on learning from a class: learning 10,000 marked answers takes at most
5 s; with 10,000 examples in a pack, one grade stays at p99 at most 2 ms, and grading many
answers runs within 2x of its speed without them.

Learning is timed end to end, as `debate-trainer learn --pack COPY marks.csv` runs it, beside
the same-run baseline of loading the copied pack; grading with examples beside grading the
same distinct answers without them. Medians of several runs; the machine is shared.

    .venv/bin/python benchmarks/bench_learn.py
"""

from __future__ import annotations

import csv
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.answers import CORPUS, varied_answers  # noqa: E402
from trainer.cli import main as cli  # noqa: E402
from trainer.grading import Grader  # noqa: E402
from trainer.locations import builtin_pack_dir  # noqa: E402
from trainer.packs.loader import load_pack  # noqa: E402
from trainer.packs.model import MarkedAnswer  # noqa: E402

MARKS = 10_000
RUNS = 3
GRADED = 2_000


def marks(
    triples: list[tuple[str, str, str]], marked: dict[tuple[str, str], bool]
) -> list[MarkedAnswer]:
    """Each varied answer with the mark of the corpus answer it came from."""
    return [MarkedAnswer(item, answer, marked[(item, source)]) for item, answer, source in triples]


def main() -> int:
    pack = load_pack(builtin_pack_dir())
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        marked = {(r["item"], r["answer"]): r["human"] == "accept" for r in csv.DictReader(handle)}
    triples = varied_answers(pack, MARKS + GRADED, seed=11)
    learnt = marks(triples[:MARKS], marked)
    graded = [(item, answer) for item, answer, _ in triples[MARKS:]]

    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "marks.csv"
        with sheet.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["item", "answer", "human"])
            for mark in learnt:
                writer.writerow([mark.item_id, mark.answer, "accept" if mark.accept else "reject"])
        learn_times, load_times = [], []
        for run in range(RUNS):
            copy = Path(tmp) / f"pack{run}"
            shutil.copytree(builtin_pack_dir(), copy)
            started = time.perf_counter()
            load_pack(copy)
            load_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            code = cli(["learn", "--pack", str(copy), str(sheet)])
            learn_times.append(time.perf_counter() - started)
            assert code in (0, 1), code
    learn, load = statistics.median(learn_times), statistics.median(load_times)
    print(f"learn {MARKS:,} marked answers: median {learn:.2f} s (load of the pack {load:.3f} s)")
    print(f"    target <= 5 s: {'met' if learn <= 5 else 'MISSED'}")

    def timings(grader: Grader) -> list[float]:
        out = []
        for item, answer in graded:
            started = time.perf_counter()
            grader.grade(answer, item)
            out.append(time.perf_counter() - started)
        return out

    plain = Grader(pack)
    taught = Grader(replace(pack, marked=tuple(learnt)))
    without, with_examples = timings(plain), timings(taught)
    p99 = sorted(with_examples)[int(0.99 * len(with_examples))] * 1000
    ratio = sum(with_examples) / sum(without)
    met = "met" if p99 <= 2 else "MISSED"
    print(f"grade with {MARKS:,} examples: p99 {p99:.2f} ms (target <= 2 ms: {met})")
    met = "met" if ratio <= 2 else "MISSED"
    print(f"    {GRADED:,} distinct answers: {ratio:.2f}x the time without them (<= 2x: {met})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
