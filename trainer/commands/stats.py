"""`debate-trainer stats [--pack PATH] [--student NAME] [--json]`: how practice is going.

The text report is `trainer.progress.report.render`, which the app's Stats screen shows too.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from functools import partial

from trainer.commands._common import (
    EXIT_INVALID,
    load_or_report,
    open_store_or_report,
    read_store,
)
from trainer.locations import builtin_pack_dir
from trainer.packs.safe_text import json_text, visible
from trainer.progress.report import render
from trainer.progress.stats import pack_stats


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="accuracy over time, per question kind, weakest items, streak, what is due",
        description="Show practice statistics for a pack from the progress store.",
    )
    parser.add_argument("--pack", help="a pack folder (default: the built-in pack)")
    parser.add_argument(
        "--student",
        help="whose progress (default: the name saved in the app; '' for unnamed attempts)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    now = datetime.now().astimezone()
    store = open_store_or_report("stats", read_only=True)
    if store is None:
        return EXIT_INVALID
    pack = load_or_report(args.pack or builtin_pack_dir())
    if pack is None:
        store.close()
        return EXIT_INVALID
    from trainer.progress.student import clean_student_name, saved_student

    store.student = saved_student() if args.student is None else clean_student_name(args.student)
    with store:
        stats = read_store("stats", store, partial(pack_stats, store, pack, now))
    if stats is None:
        return EXIT_INVALID
    if args.json:
        print(json_text(stats.to_json(), indent=2))
        return 0
    print("\n".join(visible(line) for line in render(stats).splitlines()))
    return 0
