"""Teacher effort with triage: how many clusters must be marked to grade a class's answers
at 97% agreement, against marking each distinct answer.

A class repeats itself: the same point in slightly different words, with typos. The marked
corpus's answers are varied at random the way a class varies them (`answers.py`: typos and
padding only, which leave what an answer says alone), each keeping the teacher's mark of the
answer it came from: an estimate on a synthetic class, not on real answers. The teacher
marks clusters in triage order (biggest and least certain first), giving each the mark most
of its answers deserve; the answers of unmarked clusters keep the grader's verdict.

    .venv/bin/python benchmarks/triage_effort.py [--answers 3000]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.answers import CORPUS, varied_answers  # noqa: E402
from trainer.grading import Grader  # noqa: E402
from trainer.grading.triage import triage  # noqa: E402
from trainer.locations import builtin_pack_dir  # noqa: E402
from trainer.packs.loader import load_pack  # noqa: E402

TARGET = 0.97


def marks() -> dict[tuple[str, str], bool]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return {(r["item"], r["answer"]): r["human"] == "accept" for r in csv.DictReader(handle)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=3000)
    args = parser.parse_args()
    pack = load_pack(builtin_pack_dir())
    grader = Grader(pack)
    human = marks()
    varied = varied_answers(pack, args.answers, seed=3, keep_meaning=True)
    rows = [(item, answer) for item, answer, _ in varied]
    truth = {(item, answer): human[(item, origin)] for item, answer, origin in varied}
    started = time.perf_counter()
    clusters = triage(grader, rows)
    took = time.perf_counter() - started
    right = sum(  # each answer's own verdict, until a teacher marks its cluster
        g.verdict.correct == truth[(c.item_id, g.answer)] for c in clusters for g in c.answers
    )
    total = len(rows)
    marked, needed = 0, None
    print(f"{total:,} different answers in {len(clusters):,} clusters ({took:.1f} s)")
    print(f"  grader alone: {right / total:.1%} agreement")
    for cluster in clusters:
        if right / total >= TARGET and needed is None:
            needed = marked
            break
        votes = Counter(truth[(cluster.item_id, g.answer)] for g in cluster.answers)
        mark = votes.most_common(1)[0][0]
        before = sum(
            g.verdict.correct == truth[(cluster.item_id, g.answer)] for g in cluster.answers
        )
        after = sum(mark == truth[(cluster.item_id, g.answer)] for g in cluster.answers)
        right += after - before
        marked += 1
    if needed is None and right / total >= TARGET:
        needed = marked
    share = f"{needed / total:.1%} of the answers" if needed is not None else "never"
    print(f"  clusters marked to reach {TARGET:.0%}: {needed} ({share}; target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
