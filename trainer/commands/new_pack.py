"""`debate-trainer new-pack DIR [--from-text FILE]`: start a pack an instructor fills in."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path

from trainer.commands._common import EXIT_INVALID
from trainer.packs.errors import PackError
from trainer.packs.files import read_bounded
from trainer.packs.safe_text import UNSAFE_IN_TEXT, visible
from trainer.packs.scaffold import scaffold


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new-pack",
        help="create a commented, valid pack to fill in",
        description="Create DIR/pack.yaml, a valid pack with comments on every part. "
        "With --from-text, the article is copied into the pack as article.txt.",
    )
    parser.add_argument("folder", metavar="DIR", type=Path)
    parser.add_argument("--from-text", metavar="FILE", type=Path, help="the article's text")
    parser.add_argument("--title", default="", help="the pack's title")
    parser.set_defaults(run=run)


def read_article(path: Path) -> str | None:
    """The article's text, or None after saying why not: it must be a regular UTF-8 file
    within the size a pack's source may have (a pipe or /dev/zero would never end)."""
    shown = visible(str(path))
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError as error:
        print(f"{shown}: cannot be read: {error.strerror}", file=sys.stderr)
        return None
    if not regular:
        print(f"{shown}: is not a regular file (a folder, pipe or device?)", file=sys.stderr)
        return None
    try:
        data = read_bounded(path, str(path))
    except PackError as error:
        print("\n".join(str(problem) for problem in error.problems), file=sys.stderr)
        return None
    try:
        text = data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        print(f"{shown}: is not UTF-8 text; save it as UTF-8", file=sys.stderr)
        return None
    bad = UNSAFE_IN_TEXT.search(text)
    if bad:  # `check` would refuse the pack for it: say so now, where it can be fixed
        before = text[: bad.start()]
        where = f"{before.count(chr(10)) + 1}:{bad.start() - before.rfind(chr(10))}"
        print(
            f"{shown}:{where}: holds the control character U+{ord(bad.group()):04X}, which "
            "a pack may not hold; remove it",
            file=sys.stderr,
        )
        return None
    return text


def run(args: argparse.Namespace) -> int:
    source_text = None
    if args.from_text is not None:
        source_text = read_article(args.from_text)
        if source_text is None:
            return EXIT_INVALID
    try:
        pack_file = scaffold(args.folder, source_text, args.title)
    except (FileExistsError, ValueError) as error:
        print(f"new-pack: {error}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"new-pack: cannot write {args.folder}: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Created {pack_file}")
    print(f"Next: edit it, then run `debate-trainer check {args.folder}`.")
    return 0
