"""Runs scripts/tmux_smoke.sh: the real console script, driven in tmux as a student would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "tmux_smoke.sh"
CONSOLE_SCRIPT = Path(sys.executable).parent / "debate-trainer"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_student_session_in_tmux() -> None:
    env = {**os.environ, "DEBATE_TRAINER_BIN": str(CONSOLE_SCRIPT)}
    done = subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok: quit" in done.stdout
