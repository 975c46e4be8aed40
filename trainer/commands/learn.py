"""`debate-trainer learn --pack PATH marked.csv`: keep a class's marked answers with the pack.

The marks go to `marked.csv` in the pack's folder (never into `pack.yaml`); from then on the
grader takes each accepted answer as one more way of saying the item's answer and each
rejected one as a known wrong answer, and `check` runs them as self-tests. Exit 0 when every
mark was kept; 1 when some contradict a mark for the same answer (they are listed, and left
out); 2 for a bad pack or file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.commands._common import (
    EXIT_DISAGREE,
    EXIT_INVALID,
    EXIT_OK,
    load_or_report,
    read_input_or_report,
)
from trainer.packs.class_answers import is_builtin
from trainer.packs.errors import PackError
from trainer.packs.learning import Conflict, merge, read_marks
from trainer.packs.marked import MARKED_FILE, write_marked
from trainer.packs.safe_text import visible


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "learn",
        help="keep a class's marked answers beside the pack, for the grader to learn from",
        description="Store marked answers (a CSV with item, answer and human columns, as "
        "batch and triage write them) in the pack's marked.csv. Exit 0: all kept; 1: some "
        "contradict another mark and were left out; 2: bad pack or file.",
    )
    parser.add_argument("marked", metavar="CSV", help="the marked answers")
    parser.add_argument("--pack", metavar="PATH", required=True, help="the pack folder")
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would be kept, write nothing"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack)
    if pack is None or pack.folder is None:
        return EXIT_INVALID
    if is_builtin(pack.folder):
        print(
            "learn: the built-in pack is not changed; copy its folder into your packs folder "
            "(`debate-trainer packs` says where) and learn into the copy",
            file=sys.stderr,
        )
        return EXIT_INVALID
    source = Path(args.marked)
    text = read_input_or_report("learn", source)
    if text is None:
        return EXIT_INVALID
    try:
        new = read_marks(text, str(source), frozenset(item.id for item in pack))
    except PackError as error:
        for problem in error.problems:
            print(f"learn: {problem.describe()}", file=sys.stderr)
        return EXIT_INVALID
    result = merge(pack.marked, new)
    for conflict in result.conflicts:
        print(_conflict_line(source, conflict), file=sys.stderr)
    if not args.dry_run and result.added:
        try:
            write_marked(pack.folder, result.marks)
        except OSError as error:
            print(f"learn: cannot write {MARKED_FILE}: {error.strerror}", file=sys.stderr)
            return EXIT_INVALID
    verb = "would keep" if args.dry_run else "kept"
    print(
        f"{verb} {result.added} new marked answers ({len(result.marks)} in all) in "
        f"{visible(str(pack.folder / MARKED_FILE))}; `debate-trainer check` runs them"
    )
    return EXIT_DISAGREE if result.conflicts else EXIT_OK


def _conflict_line(source: Path, conflict: Conflict) -> str:
    mark, other = conflict.mark, conflict.other
    where = f"{MARKED_FILE} line {other.line}" if conflict.kept else f"line {other.line}"
    verdict = "accept" if mark.accept else "reject"
    return visible(
        f"{source}:{mark.line}: {mark.item_id}: marked {verdict} here but the opposite at "
        f"{where}; left out ({'the kept mark stays' if conflict.kept else 'neither is kept'})"
    )
