"""`debate-trainer class-report EXPORTS... [--format table|markdown|csv|json]`: a class's
results from its students' export-progress files: the hardest items first with the answers
most often wrong, a line per student, and the items most students have due."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from trainer.commands._common import EXIT_INVALID
from trainer.interop.class_results import (
    WRONG_ANSWERS_SHOWN,
    ClassReport,
    ExportError,
    class_report,
)
from trainer.interop.escape import markdown_text
from trainer.packs.safe_text import csv_cell, json_text, visible


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "class-report",
        help="merge students' export-progress files into one class report",
        description="Per item the class's accuracy and the answers most often wrong (hardest "
        "first), per student a summary, and which items most students have due (their last "
        "answer was not right). A file without a student column is one student, named by "
        "the file's name.",
    )
    parser.add_argument("exports", nargs="+", type=Path, metavar="EXPORTS")
    parser.add_argument("--format", choices=("table", "markdown", "csv", "json"), default="table")
    parser.set_defaults(run=run)


def as_json(report: ClassReport) -> dict[str, Any]:
    return {
        "items": [
            {
                "pack_id": r.pack_id,
                "item_id": r.item_id,
                "attempts": r.attempts,
                "accuracy": round(r.accuracy, 4),
                "students": len(r.students),
                "most_wrong": [
                    {"answer": a, "count": n}
                    for a, n in r.wrong_answers.most_common(WRONG_ANSWERS_SHOWN)
                ],
            }
            for r in report.hardest_first()
        ],
        "students": [
            {
                "student": s.student,
                "attempts": s.attempts,
                "accuracy": round(s.accuracy, 4),
                "items": len(s.last),
                "due": len(s.due),
            }
            for s in sorted(report.students.values(), key=lambda s: s.student)
        ],
        "due": [
            {"pack_id": key[0], "item_id": key[1], "students": count}
            for key, count in report.due_counts()
        ],
    }


def _table(data: dict[str, Any], markdown: bool) -> list[str]:
    show = markdown_text if markdown else visible
    lines: list[str] = []

    def section(title: str, header: list[str], rows: list[list[str]]) -> None:
        lines.append(f"## {title}" if markdown else title.upper())
        if markdown:
            lines.append("| " + " | ".join(header) + " |")
            lines.append("|" + "---|" * len(header))
            lines.extend("| " + " | ".join(show(cell) for cell in row) + " |" for row in rows)
        else:
            widths = [max(len(h), *(len(show(r[i])) for r in rows)) for i, h in enumerate(header)]
            lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
            for row in rows:
                cells = zip(row, widths, strict=True)
                lines.append("  ".join(show(c).ljust(w) for c, w in cells).rstrip())
        lines.append("")

    section(
        "Items, hardest first",
        ["item", "accuracy", "attempts", "most often wrong"],
        [
            [
                f"{i['pack_id']}/{i['item_id']}",
                f"{i['accuracy']:.0%}",
                str(i["attempts"]),
                "; ".join(f"{w['answer']} ({w['count']})" for w in i["most_wrong"]),
            ]
            for i in data["items"]
        ],
    )
    section(
        "Students",
        ["student", "accuracy", "attempts", "items", "due"],
        [
            [
                s["student"],
                f"{s['accuracy']:.0%}",
                str(s["attempts"]),
                str(s["items"]),
                str(s["due"]),
            ]
            for s in data["students"]
        ],
    )
    section(
        "Due for most students",
        ["item", "students"],
        [[f"{d['pack_id']}/{d['item_id']}", str(d["students"])] for d in data["due"]],
    )
    return lines


def _csv(data: dict[str, Any]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["pack_id", "item_id", "accuracy", "attempts", "students", "most_wrong"])
    for i in data["items"]:
        wrong = "; ".join(f"{w['answer']} ({w['count']})" for w in i["most_wrong"])
        row = [i["pack_id"], i["item_id"], i["accuracy"], i["attempts"], i["students"], wrong]
        writer.writerow([csv_cell(cell) for cell in row])


def run(args: argparse.Namespace) -> int:
    try:
        report = class_report(args.exports)
    except ExportError as error:
        print(f"class-report: {visible(str(error))}", file=sys.stderr)
        return EXIT_INVALID
    data = as_json(report)
    if args.format == "json":
        print(json_text(data, indent=2))
    elif args.format == "csv":
        _csv(data)
    else:
        print("\n".join(_table(data, markdown=args.format == "markdown")))
    return 0
