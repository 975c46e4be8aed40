"""Headless start-up time beside `python -c "import trainer.quiz"`, in fresh processes.

Target (quiz issue): `debate-trainer headless` starts in at most 1.5x the time it takes just
to import the quiz engine. Two headless runs are timed, both on the built-in pack:

- `--limit 0`: parse arguments, load and validate the pack, write the summary;
- empty standard input: the same, plus planning the session and asking the first question;
- one answer: the same, plus building the built-in pack's grader and grading it (the
  linear-everywhere issue asks for this one within 1.5x too).

The first two grade nothing, so they should not import the grader; none may import Textual.
The machine is shared and noisy: each figure is a median of interleaved runs, and the
baseline is measured in the same run.

    .venv/bin/python benchmarks/bench_headless_start.py [--repeat 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET = 1.5

BASELINE = [sys.executable, "-c", "import trainer.quiz"]
HEADLESS = [sys.executable, "-m", "trainer", "headless", "--mode", "mixed"]
CANDIDATES = {
    "headless --limit 0": [*HEADLESS, "--limit", "0"],
    "headless, empty stdin": HEADLESS,
    "headless, one answer": [*HEADLESS, "--limit", "1"],
}
INPUT = {"headless, one answer": b"the risks outweigh the benefits\n"}


def once(command: list[str], stdin: bytes = b"") -> float:
    started = time.perf_counter()
    result = subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    for command in (BASELINE, *CANDIDATES.values()):  # warm the OS file cache
        once(command)
    times: dict[str, list[float]] = {"baseline": [], **{name: [] for name in CANDIDATES}}
    # Interleave baseline and candidates so a noisy neighbour hits all of them alike.
    for _ in range(args.repeat):
        times["baseline"].append(once(BASELINE))
        for name, command in CANDIDATES.items():
            times[name].append(once(command, INPUT.get(name, b"")))
    base = statistics.median(times["baseline"])
    print(f"medians of {args.repeat} runs each, fresh processes")
    print(f"  python -c 'import trainer.quiz' (baseline): {base * 1000:7.1f} ms")
    ok = True
    for name in CANDIDATES:
        median = statistics.median(times[name])
        ratio = median / base
        ok = ok and ratio <= TARGET
        verdict = "OK" if ratio <= TARGET else "MISSED"
        print(
            f"  {name + ':':<43} {median * 1000:7.1f} ms   ratio {ratio:.2f}x  "
            f"(target <= {TARGET:.2f}x) {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
