"""How much a class's marks teach the grader: agreement on answers it has not seen, by how
many of a set's answers the teacher marked first.

For each marked set (the tuning piles only: the built-in pack's corpus and hold-outs, issue
10's spent blind set for it, and the plain-key question banks, each with its own pack), and
for 0, 5, 10, 25 and 50% of its answers marked: the marked share is learnt (as
`debate-trainer learn` would keep it), the rest graded, agreement and Cohen's kappa with the
teacher measured; each point is the median of several random splits.

    .venv/bin/python benchmarks/learning_curve.py [--splits 5]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer.grading import Grader, agreement  # noqa: E402
from trainer.locations import builtin_pack_dir  # noqa: E402
from trainer.packs.loader import load_pack  # noqa: E402
from trainer.packs.model import MarkedAnswer, Pack  # noqa: E402

GRADING = ROOT / "tests" / "grading"
SETS = ("corpus", "holdout", "holdout2", "holdout3")
BANKS = (
    *(GRADING / "sealed" / name for name in ("civics", "science", "history")),
    *(ROOT / "tests" / "grading_tuning" / name for name in ("geography", "economics", "computing")),
)
"""Plain-key question banks: each folder holds its pack and its marked `answers.csv`."""
SHARES = (0.0, 0.05, 0.10, 0.25, 0.50)


def rows(path: Path) -> list[tuple[str, str, bool]]:  # (item, answer, teacher accepted)
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["item"], r["answer"], r["human"] == "accept") for r in csv.DictReader(handle)]


def measure(
    pack: Pack, data: list[tuple[str, str, bool]], share: float, seed: int
) -> tuple[float, float]:
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    cut = round(share * len(data))
    learnt = [data[i] for i in order[:cut]]
    rest = [data[i] for i in order[cut:]]
    marks = tuple(MarkedAnswer(item, answer, accept) for item, answer, accept in learnt)
    grader = Grader(replace(pack, marked=marks))
    pairs = [(grader.grade(answer, item).correct, human) for item, answer, human in rest]
    result = agreement(pairs)
    return result.accuracy, result.kappa


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--splits", type=int, default=5)
    args = parser.parse_args()
    builtin = load_pack(builtin_pack_dir())
    sets: dict[str, tuple[Pack, list[tuple[str, str, bool]]]] = {
        name: (builtin, rows(GRADING / f"{name}.csv")) for name in SETS
    }
    sets["all four"] = (builtin, [row for name in SETS for row in sets[name][1]])
    sets["issue 10"] = (builtin, rows(GRADING / "sealed" / "builtin.csv"))
    for folder in BANKS:
        sets[folder.name] = (load_pack(folder), rows(folder / "answers.csv"))
    print(f"agreement / kappa on the answers not marked, median of {args.splits} splits")
    print(f"{'set':<10} {'answers':>7} " + " ".join(f"{f'{s:.0%} marked':>15}" for s in SHARES))
    for name, (pack, data) in sets.items():
        cells = []
        for share in SHARES:
            runs = [measure(pack, data, share, seed) for seed in range(args.splits)]
            accuracy = statistics.median(a for a, _ in runs)
            kappa = statistics.median(k for _, k in runs)
            cells.append(f"{accuracy:7.1%} / {kappa:.2f}")
        print(f"{name:<10} {len(data):>7} " + " ".join(f"{c:>15}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
