"""`debate-trainer --version` answers without importing any command (issue 16)."""

from __future__ import annotations

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
