"""`debate-trainer export-progress --format csv|json`: the attempt history, for instructors."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from trainer.commands._common import EXIT_INVALID, open_store_or_report

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
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export-progress",
        help="write the attempt history as CSV or JSON",
        description="Write every recorded attempt, for an instructor to collect a class's "
        "results. Columns: " + ", ".join(FIELDS) + ".",
    )
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--pack-id", help="only this pack's attempts")
    parser.add_argument("--out", type=Path, help="write to this file (default: standard output)")
    parser.set_defaults(run=run)


def _csv_safe(value: object) -> object:
    """Keep a student's answer from running as a formula when the CSV opens in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def run(args: argparse.Namespace) -> int:
    store = open_store_or_report("export-progress")
    if store is None:
        return EXIT_INVALID
    with store:
        rows = [attempt.to_json() for attempt in store.attempts(args.pack_id)]
    buffer = io.StringIO()
    if args.format == "json":
        json.dump(rows, buffer, indent=2, ensure_ascii=False)
        buffer.write("\n")
    else:
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _csv_safe(value) for key, value in row.items()})
    if args.out is None:
        sys.stdout.write(buffer.getvalue())
    else:
        try:
            args.out.write_text(buffer.getvalue(), encoding="utf-8")
        except OSError as error:
            print(f"export-progress: cannot write {args.out}: {error.strerror}", file=sys.stderr)
            return EXIT_INVALID
        print(f"Wrote {len(rows)} attempts to {args.out}", file=sys.stderr)
    return 0
