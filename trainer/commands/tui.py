"""`debate-trainer tui [--pack PATH]`: the terminal app (also what no command at all opens,
and what `debate-trainer PATH` opens).

Textual is imported only inside `run`, so the other commands start without it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

BENCH_EXIT_ENV = "DEBATE_TRAINER_BENCH_EXIT"
"""Set to 1 to quit as soon as the first frame is drawn (benchmarks/bench_tui.py)."""


@dataclass(frozen=True, slots=True)
class _Defaults:
    """What `add_arguments` gives when nothing is given: the app's start with no arguments,
    which the CLI runs without building a parser."""

    pack: str | None = None
    packs_dir: str | None = None
    student: str | None = None
    ask_student: bool = False
    seed: int | None = None


DEFAULTS = _Defaults()


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "tui",
        help="open the trainer (the default when no command is given)",
        description="Open the terminal app: study a pack's argument map, then get quizzed.",
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from argparse import SUPPRESS

    parser.add_argument("--pack", metavar="PATH", help="open this pack instead of the built-in one")
    parser.add_argument("--packs-dir", metavar="DIR", help="your pack folder")
    parser.add_argument(
        "--student",
        metavar="NAME",
        help="record progress under this name this time (the saved name is not changed)",
    )
    parser.add_argument(
        "--ask-student",
        action="store_true",
        help="ask for the student's name at every start and do not save it (a shared app)",
    )
    parser.add_argument("--seed", type=int, help=SUPPRESS)


def run(args: argparse.Namespace | _Defaults) -> int:
    from trainer.tui.app import AppOptions, TrainerApp
    from trainer.tui.settings import load_settings

    settings, notice = load_settings()
    pack = Path(args.pack).expanduser() if args.pack else None
    if pack is None and settings.pack and Path(settings.pack).exists():
        pack = Path(settings.pack)  # the pack the student last opened
    options = AppOptions(
        pack_path=pack,
        student=args.student,
        ask_student=args.ask_student,
        packs_dir=args.packs_dir,
        seed=args.seed,
        settings=settings,
        settings_notice=notice,
        exit_after_first_frame=os.environ.get(BENCH_EXIT_ENV) == "1",
    )
    TrainerApp(options).run()
    return 0
