"""`debate-trainer stats [--pack PATH] [--json]`: how practice is going, from the store."""

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
from trainer.progress.stats import Stats, accuracy_chart, pack_stats


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="accuracy over time, per question kind, weakest items, streak, what is due",
        description="Show practice statistics for a pack from the progress store.",
    )
    parser.add_argument("--pack", help="a pack folder (default: the built-in pack)")
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
    with store:
        stats = read_store("stats", store, partial(pack_stats, store, pack, now))
    if stats is None:
        return EXIT_INVALID
    if args.json:
        print(json_text(stats.to_json(), indent=2))
        return 0
    print("\n".join(visible(line) for line in render(stats).splitlines()))
    return 0


def render(stats: Stats) -> str:
    if not stats.total.attempts:
        return "No attempts yet: start a quiz, and your progress will show here."
    lines = [
        f"Attempts: {stats.total.attempts}   accuracy {stats.total.accuracy:.0%}   "
        f"streak {stats.streak_days} day{'s' if stats.streak_days != 1 else ''}",
        f"Due today: {stats.due_today}   due this week: {stats.due_week}",
        "",
        "Accuracy per day:",
        *accuracy_chart(stats.by_day),
        "",
        "By question kind:",
    ]
    for kind, tally in sorted(stats.by_kind.items()):
        lines.append(f"  {kind:16} {tally.correct:4}/{tally.attempts:<4} {tally.accuracy:6.0%}")
    if stats.weakest:
        lines += ["", "Weakest items:"]
        for weak in stats.weakest:
            gone = "  (no longer in the pack)" if not weak.in_pack else ""
            lines.append(
                f"  {weak.tally.accuracy:4.0%} of {weak.tally.attempts:<3} {weak.label}{gone}"
            )
    return "\n".join(lines)
