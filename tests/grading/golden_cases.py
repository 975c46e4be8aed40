"""The golden verdicts: every labelled answer, self-test and recall question, graded in full.

The grader is restructured one stage at a time; after each step every verdict it gives on
these answers must be what it was, to the letter (`test_golden.py`). A change that is meant to
alter verdicts rewrites the file with `python -m tests.grading.golden_cases --write`, in a
commit of its own whose diff of `golden/verdicts.jsonl` has been read.

Only the tuning piles are read here: the marked sets directly in `tests/grading/`, never the
sealed blind sets below it.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from trainer.grading import Grader
from trainer.packs import load_pack
from trainer.packs.model import Pack
from trainer.quiz.questions import QuestionKind, questions_of_kind

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = HERE / "golden" / "verdicts.jsonl"
MARKED_SETS = ("corpus.csv", "holdout.csv", "holdout2.csv", "holdout3.csv")
"""The built-in pack's marked answers (tuning piles only)."""
TUNING_BANKS = ROOT / "tests" / "grading_tuning"
"""Plain-key question banks on other subjects, each a pack with its marked `answers.csv`
(tuning piles only)."""
PACKS = (
    ROOT / "content" / "long-range-strikes",
    ROOT / "tests" / "packs" / "small",
    *sorted(folder for folder in TUNING_BANKS.iterdir() if (folder / "pack.yaml").is_file()),
)


@dataclass(frozen=True, slots=True)
class Case:
    """One answer graded against one item (`grade`) or several (`grade_best`)."""

    pack: str
    source: str
    items: tuple[str, ...]
    answer: str

    def key(self) -> str:
        return json.dumps([self.pack, self.source, list(self.items), self.answer])


def _marked(pack: Pack) -> Iterator[Case]:
    for name in MARKED_SETS:
        with (HERE / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield Case(pack.id, name, (row["item"],), row["answer"])


def _bank(pack: Pack, folder: Path) -> Iterator[Case]:
    answers = folder / "answers.csv"
    if not answers.is_file():
        return
    with answers.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield Case(pack.id, "answers.csv", (row["item"],), row["answer"])


def _self_tests(pack: Pack) -> Iterator[Case]:
    for item in pack:
        for response in (*item.answer.tests.accept, *item.answer.tests.reject):
            yield Case(pack.id, "self-test", (item.id,), response)


def _recall(pack: Pack, answers: list[Case]) -> Iterator[Case]:
    """Each question with several targets, graded with `grade_best` on every answer written
    for one of its targets: the quiz's "name a premise" and "answer this claim"."""
    for kind in QuestionKind:
        for question in questions_of_kind(pack, kind):
            if len(question.targets) < 2:
                continue
            targets = set(question.targets)
            for case in answers:
                if case.items[0] in targets:
                    yield Case(pack.id, f"best:{question.id}", question.targets, case.answer)


def cases() -> Iterator[tuple[Pack, Case]]:
    for folder in PACKS:
        pack = load_pack(folder)
        single = list(_self_tests(pack))
        if pack.id == "long-range-strikes":
            single = [*_marked(pack), *single]
        single = [*_bank(pack, folder), *single]
        for case in (*single, *_recall(pack, single)):
            yield pack, case


def verdicts() -> Iterator[dict[str, object]]:
    graders: dict[str, Grader] = {}
    for pack, case in cases():
        grader = graders.get(pack.id)
        if grader is None:
            grader = graders[pack.id] = Grader(pack)
        if len(case.items) == 1:
            verdict = grader.grade(case.answer, case.items[0])
        else:
            verdict = grader.grade_best(case.answer, case.items)
        yield {"case": case.key(), "verdict": verdict.to_json()}


def write() -> int:
    lines = [json.dumps(entry, ensure_ascii=False, sort_keys=True) for entry in verdicts()]
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.grading.golden_cases --write")
    print(f"wrote {write()} verdicts to {GOLDEN.relative_to(ROOT)}")
