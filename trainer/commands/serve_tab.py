"""One browser tab's app under `debate-trainer serve`: `tui` with the tab's arguments.

Run as `python -m trainer.commands.serve_tab ARGS...` by textual-serve, once per tab. The app
watches for a terminal that was hung up under it (`trainer.tui.app.terminal_gone`), and that
check reads a failed `tcgetattr` as a hang-up; a tab's standard input is the pipe
textual-serve feeds, on which `tcgetattr` always fails, so every tab quit after a second.
A tab has no terminal to lose (it ends when its browser tab closes: textual-serve then tells
the app to quit), so the watch is turned off here until the app tells a pipe from a
hung-up terminal itself.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    import trainer.tui.app
    from trainer.cli import main as cli_main

    if hasattr(trainer.tui.app, "terminal_gone"):
        trainer.tui.app.terminal_gone = lambda: False
    return cli_main(["tui", *argv])


if __name__ == "__main__":  # pragma: no cover - run by textual-serve for each tab
    sys.exit(main(sys.argv[1:]))
