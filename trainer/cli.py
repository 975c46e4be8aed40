"""The `debate-trainer` command line: parses arguments and hands over to a command module.

Each subcommand lives in `trainer.commands.<name>` with `register()` and `run()`, so the CLI
stays a thin switchboard and each command can be tested on its own.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Callable, Sequence

from trainer import __version__

# Only what holding the signals needs is imported before `main` runs: each import here
# widens the window in which a Ctrl-C or SIGTERM meets Python's default handling.
TYPE_CHECKING = False  # not typing's, which costs 3 ms
if TYPE_CHECKING:
    import argparse
    from typing import Any

COMMANDS = {
    # command name: module in trainer.commands
    "check": "check",
    "packs": "packs",
    "new-pack": "new_pack",
    "schema": "schema",
    "outline": "outline",
    "grade": "grade",
    "batch": "batch",
    "learn": "learn",
    "triage": "triage",
    "stats": "stats",
    "export-progress": "export_progress",
    "export": "export",
    "import-argdown": "import_argdown",
    "class-report": "class_report",
    "serve": "serve",
    "tui": "tui",
    "headless": "headless",
}


INTERNAL_ERROR = 70
"""Exit status for a bug (EX_SOFTWARE): 1 and 2 already mean "a self-test disagrees" and
"bad input" to scripts."""


OUTPUT_FAILURES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""System errors that mean the output (a file, or standard output on a disk) could not be
written: the user's machine, not a bug, so exit 2 with a message, not 70."""


def cannot_write(error: OSError) -> int:
    """Say which output failed and why; exit 2. Standard output is pointed at /dev/null so
    that Python's flush at exit does not fail a second time with a traceback."""
    where = error.filename or "the output"
    print(f"debate-trainer: cannot write {where}: {error.strerror}", file=sys.stderr)
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to redirect
        return 2
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
    return 2


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The argument parser; with a command in `argv`, only that command's module is imported.

    Importing every command would import every engine (grader, progress store, the app), and
    a script calling one command should not pay for the others at each start.
    """
    import argparse
    import importlib

    parser = argparse.ArgumentParser(
        prog="debate-trainer",
        description="Take an argument apart and answer it: study a pack, then get quizzed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(metavar="COMMAND", title="commands")
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    if first in COMMANDS:
        wanted = [first]
    elif "--version" in argv:
        wanted = []  # argparse prints it and exits before any command is looked at
    else:
        wanted = list(COMMANDS)  # the usage and help list every command
    for name in wanted:
        module = importlib.import_module(f"trainer.commands.{COMMANDS[name]}")
        module.register(subparsers)
    return parser


STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


def _hold_stop_signals(words: Sequence[str]) -> set[int | signal.Signals] | None:
    """For headless, hold Ctrl-C and SIGTERM back from the very start until the session can
    write its summary (headless releases them then); the previous mask, or None.

    Without this a signal in the first half second, while the engine is imported and the
    pack loaded, killed the process with no summary or printed a traceback.
    """
    first = next((word for word in words if not word.startswith("-")), None)
    if first != "headless" or not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)


def _release_stop_signals(previous: set[int | signal.Signals]) -> None:
    """Put the signal mask back; a Ctrl-C held until now, with no session left to end, is
    the end of the run, not a traceback."""
    import contextlib

    with contextlib.suppress(KeyboardInterrupt):
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    held = _hold_stop_signals(words)
    try:
        return _main(words)
    finally:
        if held is not None:
            _release_stop_signals(held)


def app_words(words: list[str]) -> list[str]:
    """No command opens the terminal app: `debate-trainer`, `debate-trainer --pack DIR` and
    `debate-trainer DIR` are `debate-trainer tui [--pack DIR]`. Only the app's command module
    is then imported, not every command's engine (start-up is the app's first impression)."""
    if not words:
        return ["tui"]
    first = words[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return words
    if first.startswith("-"):
        return ["tui", *words]
    if os.path.exists(first):  # a pack folder or file, not a misspelt command
        return ["tui", "--pack", first, *words[1:]]
    return words


def _main(words: list[str]) -> int:
    words = app_words(words)
    if words == ["tui"]:
        # The app with no arguments (most starts): nothing to parse, so argparse and gettext
        # (2 ms of the start-up measured against a bare Textual app) are never imported.
        from trainer.commands import tui

        return _run(tui.run, tui.DEFAULTS)
    parser = build_parser(words)
    args = parser.parse_args(words)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_usage(sys.stderr)
        return 2
    return _run(run, args)


def _run(run: Callable[[Any], int], args: object) -> int:
    """Run a command, turning an interrupt, a closed pipe, a full disk or a bug of ours into
    its exit status."""
    try:
        code: int = run(args)
        sys.stdout.flush()  # a full disk is reported here, not as a warning at exit
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `debate-trainer schema | head`: not an error worth a traceback
        sys.stderr.close()
        return 0
    except Exception as error:  # a bug of ours: say so plainly, keep the traceback at hand
        if isinstance(error, OSError) and error.errno in OUTPUT_FAILURES:
            return cannot_write(error)
        if os.environ.get("DEBATE_TRAINER_DEBUG"):
            raise
        print(
            f"debate-trainer: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in debate-trainer. Please report it with the command you ran "
            "(DEBATE_TRAINER_DEBUG=1 shows the traceback).",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
