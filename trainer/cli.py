"""The `debate-trainer` command line: parses arguments and hands over to a command module.

Each subcommand lives in `trainer.commands.<name>` with `register()` and `run()`, so the CLI
stays a thin switchboard and each command can be tested on its own.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from trainer import __version__

COMMANDS = ("check", "packs", "new_pack", "schema", "outline", "grade", "batch")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debate-trainer",
        description="Take an argument apart and answer it: study a pack, then get quizzed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(metavar="COMMAND", title="commands")
    for name in COMMANDS:
        module = importlib.import_module(f"trainer.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        # No command: show the built-in pack (the terminal app will take this over).
        from trainer.commands import outline

        args = parser.parse_args(["outline", *(argv or [])])
        run = outline.run
    try:
        code: int = run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `debate-trainer schema | head`: not an error worth a traceback
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
