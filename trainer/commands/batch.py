"""`debate-trainer batch responses.csv`: grade many answers, and measure the grader.

Input: a CSV with `item` and `answer` columns and, optionally, `human` (accept/reject,
1/0, yes/no, correct/incorrect). Output: the same rows with `outcome`, `score`,
`matched_item`, `reason` and `explanation` added. Where humans marked answers, an agreement
report (accuracy, precision and recall of accept, Cohen's kappa, every disagreement) goes to
stderr, or to stdout when the graded CSV goes to `--out`: the Open University's
"test responses" idea, so an instructor can see where the key and the marker part ways.
Bad rows are reported with their line number and kept in the output as `error`.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, TextIO

from trainer.commands._common import write_replacing
from trainer.commands.grade import load, suggest
from trainer.grading import agreement
from trainer.grading.parallel import grade_many
from trainer.packs.marked import ACCEPT, REJECT
from trainer.packs.model import Pack
from trainer.packs.safe_text import csv_cell, json_text, visible

EXIT_OK = 0
EXIT_INVALID = 2

ADDED = ("outcome", "score", "matched_item", "reason", "explanation", "confidence")
_YES = ACCEPT
_NO = REJECT


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="grade a CSV of answers; report agreement with human marks",
        description="Grade every row of a CSV (columns item, answer, optional human) and "
        "write the graded CSV. Exit 0 when graded; 2 for a missing file or a bad pack.",
    )
    parser.add_argument("responses", metavar="CSV", help="the answers to grade")
    parser.add_argument(
        "--pack", metavar="PATH", help="a pack folder or pack.yaml (default: the built-in pack)"
    )
    parser.add_argument("--out", metavar="PATH", help="write the graded CSV here (default: stdout)")
    parser.add_argument(
        "--json", action="store_true", help="print the report (rows, agreement, problems) as JSON"
    )
    parser.add_argument(
        "--least-sure-first",
        action="store_true",
        help="order the graded rows by the grader's confidence, least sure first (rows it "
        "could not grade before them): the answers worth a teacher's look come first",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="grading processes for large files (default: one per core; 1 for none)",
    )
    parser.set_defaults(run=run)


@dataclass(frozen=True, slots=True)
class Disagreement:
    line: int
    item: str
    answer: str
    human: bool
    outcome: str
    score: int
    explanation: str

    def text(self) -> str:
        mark = "accept" if self.human else "reject"
        return (
            f"  line {self.line}: {self.item}: {self.answer!r}: human {mark}, "
            f"grader {self.outcome} ({self.score}): {self.explanation}"
        )


def human_mark(value: str | None) -> bool | str | None:
    """True/False for a mark, None for no mark, the text itself when it is not a mark."""
    if value is None or not value.strip():
        return None
    folded = value.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return value


def run(args: argparse.Namespace) -> int:
    try:
        handle = open(args.responses, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as error:
        print(f"{args.responses}: cannot read: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
    pack = load(args.pack)
    if pack is None:
        handle.close()
        return EXIT_INVALID
    try:
        with handle:
            return _grade_file(args, pack, handle)
    except UnicodeDecodeError as error:
        # Spreadsheets often export in a legacy encoding; say so rather than guess at one.
        print(
            f"{args.responses}: is not UTF-8 text ({error.reason}); save it as UTF-8 CSV "
            "(in Excel: 'CSV UTF-8') and try again",
            file=sys.stderr,
        )
        return EXIT_INVALID


def _grade_file(args: argparse.Namespace, pack: Pack, handle: TextIO) -> int:
    """Read every row before grading or writing anything: a file that turns out unreadable
    half-way leaves no half-written output behind."""
    reader = csv.DictReader(handle, strict=True)
    try:
        fields = list(reader.fieldnames or [])
    except csv.Error as error:
        print(f"{visible(args.responses)}:1: {_csv_problem(error)}", file=sys.stderr)
        return EXIT_INVALID
    missing = [name for name in ("item", "answer") if name not in fields]
    if missing:
        found = visible(", ".join(fields)) or "nothing"
        print(
            f"{visible(args.responses)}:1: the header needs column(s) {', '.join(missing)} "
            f"(found: {found})",
            file=sys.stderr,
        )
        return EXIT_INVALID
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    pending: list[tuple[int, int, str, str, bool | str | None]] = []
    next_line = reader.line_num + 1  # where the next row starts
    try:
        for row in reader:
            line, next_line = next_line, reader.line_num + 1
            out: dict[str, Any] = {name: row.get(name) or "" for name in fields}
            item_id = (row.get("item") or "").strip()
            answer = row.get("answer")
            problem = ""
            if answer is None:
                problem = "missing column 'answer'"
            elif not item_id:
                problem = "missing item id"
            elif pack.get(item_id) is None:
                problem = f"unknown item {item_id!r}: {suggest(pack, item_id)}"
            rows.append(out)
            if problem:
                problems.append(f"line {line}: {problem}")
                out.update(
                    outcome="error",
                    score="",
                    matched_item="",
                    reason="error",
                    explanation=problem,
                    confidence="",
                )
                continue
            assert answer is not None
            pending.append((len(rows) - 1, line, item_id, answer, human_mark(row.get("human"))))
    except csv.Error as error:
        # Nothing is graded from a file read only in part: the rows after this one would be
        # lost without a word, or (an unclosed quote) merged into one answer.
        print(f"{visible(args.responses)}:{next_line}: {_csv_problem(error)}", file=sys.stderr)
        return EXIT_INVALID
    verdicts = grade_many(
        pack, [(item_id, answer) for _, _, item_id, answer, _ in pending], args.jobs
    )
    pairs: list[tuple[bool, bool]] = []
    disagreements: list[Disagreement] = []
    for (index, line, item_id, answer, mark), verdict in zip(pending, verdicts, strict=True):
        rows[index].update(
            outcome=verdict.outcome.value,
            score=verdict.score,
            matched_item=verdict.belongs_to or item_id,
            reason=verdict.reason.value,
            explanation=verdict.explanation,
            confidence=round(verdict.confidence, 2),
        )
        if isinstance(mark, str):
            problems.append(f"line {line}: human mark {mark!r} is not accept or reject")
        elif mark is not None:
            pairs.append((verdict.correct, mark))
            if verdict.correct != mark:
                disagreements.append(
                    Disagreement(
                        line,
                        item_id,
                        answer,
                        mark,
                        verdict.outcome.value,
                        verdict.score,
                        verdict.explanation,
                    )
                )
    columns = fields + [name for name in ADDED if name not in fields]
    if args.least_sure_first:
        rows.sort(key=lambda row: -1.0 if row["confidence"] == "" else float(row["confidence"]))
    figures = agreement(pairs) if pairs else None
    if args.out:
        try:
            # Written beside and put in place: `--out` may name the input itself, and a full
            # disk half way must not leave it cut short.
            write_replacing(Path(args.out), partial(_write_csv, columns=columns, rows=rows))
        except OSError as error:
            print(f"{args.out}: cannot write: {error.strerror or error}", file=sys.stderr)
            return EXIT_INVALID
    if args.json:
        report = {
            "graded": sum(1 for r in rows if r["outcome"] != "error"),
            "problems": problems,
            "agreement": figures.to_json() if figures else None,
            "disagreements": [
                {
                    "line": d.line,
                    "item": d.item,
                    "answer": d.answer,
                    "human": "accept" if d.human else "reject",
                    "outcome": d.outcome,
                    "score": d.score,
                    "explanation": d.explanation,
                }
                for d in disagreements
            ],
            "rows": rows,
        }
        print(json_text(report, indent=2))
        return EXIT_OK
    if not args.out:
        _write_csv(sys.stdout, columns, rows)
    report_to = sys.stdout if args.out else sys.stderr
    for problem in problems:
        print(visible(problem), file=sys.stderr)
    if figures is not None:
        lines = figures.lines()
        if disagreements:
            lines.append(f"disagreements ({len(disagreements)}):")
            lines.extend(d.text() for d in disagreements)
        print("\n".join(visible(line) for line in lines), file=report_to)
    return EXIT_OK


def _csv_problem(error: csv.Error) -> str:
    """The reader's complaint in an instructor's words."""
    text = str(error)
    if "field larger than field limit" in text:
        return (
            f"a cell is longer than {csv.field_size_limit():,} characters (an unclosed quote "
            "swallowing the rest of the file?); nothing was graded"
        )
    if "unexpected end of data" in text:
        return "a quote opened in this row is never closed; nothing was graded"
    return f"unreadable CSV ({visible(text)}); nothing was graded"


def _write_csv(target: IO[str], columns: list[str], rows: list[dict[str, Any]]) -> int:
    """The graded rows as CSV, every cell kept from acting as a formula or an escape: the
    answers are students' text and the explanations quote a pack from someone else."""
    writer = csv.DictWriter(target, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writerow({name: csv_cell(name) for name in columns})
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
    return len(rows)
