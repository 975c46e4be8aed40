"""`debate-trainer grade --item ID "answer"`: grade one answer from the shell.

For pack authors trying their key ("would this be accepted?") and for scripts: `--json`
prints the verdict's stable JSON fields. Exit 0 when graded, 2 when the pack or item is bad.
"""

from __future__ import annotations

import argparse
import difflib
import sys

from trainer.grading import Grader
from trainer.grading.verdict import Verdict
from trainer.packs.errors import PackError
from trainer.packs.loader import load_pack
from trainer.packs.model import Item, Pack
from trainer.packs.safe_text import json_text, visible

EXIT_OK = 0
EXIT_INVALID = 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "grade",
        help="grade one answer against one item of a pack",
        description="Grade a free-text answer against one item and say why. "
        "Exit 0: graded (whatever the outcome); 2: bad pack or unknown item.",
    )
    parser.add_argument(
        "--pack", metavar="PATH", help="a pack folder or pack.yaml (default: the built-in pack)"
    )
    parser.add_argument("--item", required=True, metavar="ID", help="the item's id")
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    parser.add_argument("answer", nargs="+", help="the answer, as a student would type it")
    parser.set_defaults(run=run)


def load(path: str | None) -> Pack | None:
    """The pack, or None after printing every problem in it to stderr."""
    if path is None:
        from trainer.locations import builtin_pack_dir

        path = str(builtin_pack_dir())
    try:
        return load_pack(path)
    except PackError as error:
        print(f"{visible(path)}: {error}", file=sys.stderr)
        return None
    except OSError as error:
        print(f"{visible(path)}: cannot read the pack: {error.strerror}", file=sys.stderr)
        return None


def suggest(pack: Pack, item_id: str) -> str:
    """ "did you mean ..." for a mistyped id, or a pointer to where the ids are listed."""
    close = difflib.get_close_matches(item_id, [item.id for item in pack], n=3, cutoff=0.5)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    return "`debate-trainer outline` lists the pack's item ids."


def find_item(pack: Pack, item_id: str) -> Item | None:
    item = pack.get(item_id)
    if item is None:
        print(f"no item {item_id!r} in pack {pack.id!r}: {suggest(pack, item_id)}", file=sys.stderr)
    return item


def describe(verdict: Verdict, item: Item) -> list[str]:
    """The verdict as a student or pack author reads it."""
    lines = [
        f"{verdict.outcome.value.upper()}  {verdict.score}/100  ({item.id})",
        verdict.explanation,
    ]
    if verdict.feedback and verdict.feedback != verdict.explanation:
        lines.append(f"feedback: {verdict.feedback}")
    if verdict.concepts_found:
        lines.append("key ideas found: " + ", ".join(verdict.concepts_found))
    if verdict.concepts_missing:
        lines.append("key ideas missing: " + ", ".join(verdict.concepts_missing))
    if verdict.belongs_to:
        lines.append(f"matches better: {verdict.belongs_to}")
    lines.append(f"model answer: {item.answer.canonical}")
    return lines


def run(args: argparse.Namespace) -> int:
    pack = load(args.pack)
    if pack is None:
        return EXIT_INVALID
    item = find_item(pack, args.item)
    if item is None:
        return EXIT_INVALID
    answer = " ".join(args.answer)
    verdict = Grader(pack).grade(answer, item)
    if args.json:
        print(json_text(verdict.to_json(), indent=2))
    else:
        # The answer may come from a script or a spreadsheet: what it quotes back is shown,
        # never acted on by the terminal.
        print("\n".join(visible(line) for line in describe(verdict, item)))
    return EXIT_OK
