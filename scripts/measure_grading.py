"""Measure the grader against a teacher-marked answer set, the way docs/grading.md reports it.

    python scripts/measure_grading.py PACK_DIR ANSWERS.csv [--json OUT] [--show]

ANSWERS.csv has the header `item,answer,human,kind` (`human` is accept or reject). Prints
agreement, Cohen's kappa, macro-F1 over the two marks, the precision and recall of
"accept", the share of the teacher's rejections the grader accepts, the opposites it
accepts, and agreement per kind; beside them, the naive rule the issues compare with
(`rapidfuzz.fuzz.partial_ratio` of the answer against any key phrasing >= 60).

A blind set is measured once: run this, record the figures, and only then look at `--show`
(the disagreements) or move the set to the tuning pile.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from trainer.grading import Grader, agreement
from trainer.grading.verdict import Outcome
from trainer.packs import load_pack

OPPOSITE_KINDS = ("opposite", "opposite-no-negation", "opposite_negation", "opposite_antonym")
"""Kinds that state the contrary of the key (both spellings the sets use)."""
REVERSED_KINDS = ("comparison-reversed",)
NAIVE_CUTOFF = 60


def macro_f1(pairs: list[tuple[bool, bool]]) -> float:
    """The mean of the F1 of "accept" and of "reject" (human, machine)."""
    scores = []
    for mark in (True, False):
        tp = sum(1 for h, m in pairs if h is mark and m is mark)
        fp = sum(1 for h, m in pairs if h is not mark and m is mark)
        fn = sum(1 for h, m in pairs if h is mark and m is not mark)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 2


def measure(pack_dir: Path, answers: Path, show: bool = False) -> dict[str, object]:
    pack = load_pack(pack_dir)
    grader = Grader(pack)
    pairs: list[tuple[bool, bool]] = []
    naive: list[tuple[bool, bool]] = []
    kinds: dict[str, Counter[bool]] = defaultdict(Counter)
    opposites = Counter[str]()
    wrong: list[str] = []
    with answers.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            verdict = grader.grade(row["answer"], row["item"])
            human, machine = row["human"] == "accept", verdict.outcome is Outcome.CORRECT
            pairs.append((human, machine))
            kinds[row["kind"]][human == machine] += 1
            phrasings = pack.item(row["item"]).answer.phrasings
            guess = max(fuzz.partial_ratio(row["answer"].lower(), p.lower()) for p in phrasings)
            naive.append((human, guess >= NAIVE_CUTOFF))
            if row["kind"] in OPPOSITE_KINDS + REVERSED_KINDS:
                opposites["total"] += 1
                opposites["accepted"] += machine
            if human != machine:
                wrong.append(
                    f"  {row['item']}: {row['answer']!r} human {row['human']}, grader "
                    f"{verdict.outcome.value} ({verdict.score}, {verdict.reason.value}) "
                    f"[{row['kind']}]"
                )
    figures = agreement((m, h) for h, m in pairs)
    rejected = sum(1 for h, _ in pairs if not h)
    result: dict[str, object] = {
        "answers": len(pairs),
        "agreement": round(figures.accuracy, 4),
        "kappa": round(figures.kappa, 4),
        "macro_f1": round(macro_f1(pairs), 4),
        "accept_precision": round(figures.precision, 4),
        "accept_recall": round(figures.recall, 4),
        "false_accepts": round(figures.machine_only / rejected, 4) if rejected else 0.0,
        "opposites_accepted": f"{opposites['accepted']} of {opposites['total']}",
        "naive_agreement": round(agreement((m, h) for h, m in naive).accuracy, 4),
        "naive_macro_f1": round(macro_f1(naive), 4),
        "per_kind": {k: f"{c[True]}/{c[True] + c[False]}" for k, c in sorted(kinds.items())},
    }
    if show:
        result["disagreements"] = wrong
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pack", type=Path)
    parser.add_argument("answers", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--show", action="store_true", help="list the disagreements")
    args = parser.parse_args(argv)
    result = measure(args.pack, args.answers, show=args.show)
    for key, value in result.items():
        if key == "disagreements":
            print("disagreements:", *value, sep="\n")  # type: ignore[misc]
        else:
            print(f"{key}: {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
