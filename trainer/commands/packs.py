"""`debate-trainer packs`: the packs this trainer can open, built-in first."""

from __future__ import annotations

import argparse
from dataclasses import asdict, dataclass, field
from pathlib import Path

from trainer.locations import builtin_packs_dir, user_packs_dir
from trainer.packs.errors import PackError
from trainer.packs.loader import PACK_FILE, load_pack
from trainer.packs.safe_text import json_text, visible


@dataclass(frozen=True, slots=True)
class PackEntry:
    """One pack found on disk; `problems` > 0 means it did not load."""

    path: str
    origin: str
    id: str = ""
    title: str = ""
    version: str = ""
    items: int = 0
    problems: int = 0
    item_ids: tuple[str, ...] = field(default=(), repr=False)
    """The gradable items, so what is due can be counted without loading the pack again."""

    def to_json(self) -> dict[str, object]:
        entry = asdict(self)
        del entry["item_ids"]  # the JSON lists packs, not their contents
        return entry


def discover(packs_dir: str | None = None) -> list[PackEntry]:
    """Every pack folder in the built-in and user folders, loaded to show its title."""
    found: list[PackEntry] = []
    for origin, folder in (("built-in", builtin_packs_dir()), ("user", user_packs_dir(packs_dir))):
        try:
            if not folder.is_dir():
                continue
            candidates = sorted(folder.iterdir())
        except OSError:  # an unreadable pack folder: listed as broken, `check` says why
            found.append(PackEntry(str(folder), origin, id=folder.name, problems=1))
            continue
        found.extend(pack_entry(c, origin) for c in candidates if _may_hold_a_pack(c))
    return found


def _may_hold_a_pack(candidate: Path) -> bool:
    """True when `candidate` has a pack.yaml of any kind, or cannot be looked into: an
    unreadable folder is listed as broken rather than hidden or allowed to stop the list."""
    try:
        (candidate / PACK_FILE).lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return candidate.is_dir()
    return True


def pack_entry(folder: Path, origin: str) -> PackEntry:
    """Load the pack in `folder` to describe it; a broken one is listed with its problem count."""
    try:
        pack = load_pack(folder)
    except PackError as error:
        return PackEntry(str(folder), origin, id=folder.name, problems=len(error.problems))
    ids = tuple(item.id for item in pack)
    return PackEntry(str(folder), origin, pack.id, pack.title, pack.version, len(pack), 0, ids)


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
