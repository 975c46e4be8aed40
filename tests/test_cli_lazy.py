"""`debate-trainer --version` answers without importing any command (issue 16)."""

from __future__ import annotations

import ast
import subprocess
import sys


def test_version_imports_no_command_module() -> None:
    probe = (
        "import sys\n"
        "from trainer.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('trainer.commands')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("debate-trainer ")
    assert done.stdout.splitlines()[-1] == "[]"


def test_help_still_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "trainer", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("check", "stats", "export-progress", "headless", "outline"):
        assert command in done.stdout


def test_the_entry_point_holds_signals_before_it_imports_anything_slow() -> None:
    """A Ctrl-C or SIGTERM sent to `headless` as it starts meets Python's default handling
    (a traceback, no summary) until `main` holds it: so importing the entry point imports
    nothing the parser or the commands need (argparse alone widened that window by 6 ms)."""
    probe = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import trainer.cli\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    imported = set(ast.literal_eval(done.stdout))
    assert imported.isdisjoint({"argparse", "typing", "importlib", "contextlib"}), imported
    assert {"trainer", "trainer.cli"} <= imported
