"""`debate-trainer export-progress --format csv|json`: the attempt history, for instructors."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TextIO

from trainer.commands._common import (
    EXIT_INVALID,
    open_store_or_report,
    read_store,
    write_replacing,
)
from trainer.packs.safe_text import csv_cell, json_text

FIELDS = (
    "at",
    "pack_id",
    "pack_version",
    "item_id",
    "kind",
    "mode",
    "answer",
    "outcome",
    "score",
    "hints",
    "overridden",
    "seconds",
    "session",
    "student",
    "confidence",
    "late",
)
"""The export's columns; `student` is the name the student gave the app ("" for attempts
from before the app asked); `confidence` how sure they said they were before the verdict
(guess, unsure, fairly_sure, certain; empty when they did not say); `late` a timed round's
answer after its clock ran out. New columns go at the end, so scripts reading by position
work."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export-progress",
        help="write the attempt history as CSV or JSON",
        description="Write every recorded attempt, for an instructor to collect a class's "
        "results. Columns: " + ", ".join(FIELDS) + ".",
    )
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--pack-id", help="only this pack's attempts")
    parser.add_argument("--student", help="only this student's attempts (the name in the app)")
    parser.add_argument("--out", type=Path, help="write to this file (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store_or_report("export-progress", read_only=True)
    if store is None:
        return EXIT_INVALID
    if args.out is not None and _is_the_store(args.out, store.path):
        store.close()
        print(
            f"export-progress: {args.out} is the progress file itself; writing the export "
            "there would destroy it. Choose another file.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    with store:
        rows = (attempt.to_json() for attempt in store.attempts(args.pack_id, student=args.student))
        write = _write_json if args.format == "json" else _write_csv
        if args.out is None:
            written = read_store("export-progress", store, partial(write, rows, sys.stdout))
            return EXIT_INVALID if written is None else 0
        try:
            count = read_store(
                "export-progress", store, partial(write_replacing, args.out, partial(write, rows))
            )
        except OSError as error:
            print(f"export-progress: cannot write {args.out}: {error.strerror}", file=sys.stderr)
            return EXIT_INVALID
        if count is None:
            return EXIT_INVALID
    print(f"Wrote {count} attempts to {args.out}", file=sys.stderr)
    return 0


def _write_csv(rows: Iterable[dict[str, object]], out: TextIO) -> int:
    """The rows as CSV, one at a time: memory stays flat however long the history."""
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
        count += 1
    return count


def _write_json(rows: Iterable[dict[str, object]], out: TextIO) -> int:
    """The rows as one JSON list, written row by row: byte for byte what
    `json.dump(list(rows), out, indent=2, ensure_ascii=False)` and a newline would write,
    without holding the list."""
    count = 0
    for row in rows:
        text = json_text(row, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if not count else ",\n  ") + text)
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def _is_the_store(out: Path, store: Path) -> bool:
    """True when `out` names the store's file or one of its WAL companions."""
    for end in ("", "-wal", "-shm"):
        try:
            if out.samefile(f"{store}{end}"):
                return True
        except OSError:  # either does not exist: not the same file
            continue
    return False
