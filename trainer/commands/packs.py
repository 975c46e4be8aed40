"""`debate-trainer packs`: the packs this trainer can open, built-in first."""

from __future__ import annotations

import argparse

from trainer.locations import user_packs_dir
from trainer.packs.discovery import PackEntry, discover, pack_entry
from trainer.packs.safe_text import json_text, visible

__all__ = ["PackEntry", "discover", "pack_entry", "register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "packs",
        help="list the built-in packs and those in your pack folder",
        description="List built-in packs and the packs in your pack folder "
        "(DEBATE_TRAINER_PACKS or --packs-dir overrides where that is).",
    )
    parser.add_argument("--packs-dir", metavar="DIR", help="your pack folder")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    entries = discover(args.packs_dir)
    if args.json:
        print(json_text([entry.to_json() for entry in entries], indent=2))
        return 0
    user_dir = user_packs_dir(args.packs_dir)
    if not entries:
        print(f"No packs found. Your pack folder is {user_dir}")
        return 0
    for entry in entries:
        # A folder's name or a title is anyone's text: one line, never acted on.
        path, name = visible(entry.path), visible(entry.id)
        if entry.problems:
            noun = "problem" if entry.problems == 1 else "problems"
            status = f"INVALID ({entry.problems} {noun}: run `debate-trainer check {path}`)"
            print(f"{entry.origin:8}  {name:24}  {status}")
        else:
            print(
                f"{entry.origin:8}  {name:24}  {visible(entry.title)} "
                f"(v{visible(entry.version)}, {entry.items} items)  {path}"
            )
    if user_dir.exists() and not user_dir.is_dir():
        print(f"\nYour pack folder: {user_dir} is a file, not a folder: no packs are read from it")
    else:
        print(f"\nYour pack folder: {user_dir}")
    return 0
