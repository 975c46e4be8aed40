"""class-report over 30 students' exports of 1,000 attempts each (issue 14: under 2 s),
at several sizes, beside a bare csv read of the same files as the baseline. Medians of 5."""

from __future__ import annotations

import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from trainer.interop.class_results import class_report

FIELDS = ("at", "pack_id", "pack_version", "item_id", "kind", "mode", "answer", "outcome")
FIELDS += ("score", "hints", "overridden", "seconds", "session", "student")


def make_exports(folder: Path, students: int, attempts: int) -> list[Path]:
    rng = random.Random(14)
    paths = []
    for number in range(students):
        path = folder / f"student-{number:02d}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(FIELDS)
            for index in range(attempts):
                outcome = rng.choice(("correct", "partial", "incorrect"))
                writer.writerow(
                    ["2026-11-30T10:00:00", "long-range-strikes", "1.0.0",
                     f"item-{rng.randrange(63)}", "premise", "recall",
                     f"answer {rng.randrange(20)}", outcome, rng.randrange(100), 0, False,
                     1.5, f"s{index // 20}", f"Student {number}"]
                )  # fmt: skip
        paths.append(path)
    return paths


def median_seconds(run: object, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_read(paths: list[Path]) -> None:
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for _row in csv.DictReader(handle):
                pass


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        for students, attempts in ((10, 1000), (30, 1000), (60, 1000)):
            sub = Path(folder) / f"{students}x{attempts}"
            sub.mkdir()
            paths = make_exports(sub, students, attempts)
            report = median_seconds(lambda paths=paths: class_report(paths))
            baseline = median_seconds(lambda paths=paths: bare_read(paths))
            print(
                f"{students} students x {attempts:,} attempts: class-report {report:.3f} s, "
                f"bare csv read {baseline:.3f} s, ratio {report / baseline:.2f}"
            )
            if students == 30 and report >= 2.0:
                ok = False
    print("target (30 x 1,000 under 2 s):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
