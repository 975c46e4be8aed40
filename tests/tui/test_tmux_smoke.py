"""Runs scripts/tmux_smoke.sh: the real console script, driven in tmux as a student would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
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


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_closing_the_terminal_ends_the_app_even_under_a_wrapper(tmp_path: Path) -> None:
    """`make run` stands between the terminal and the app, like this shell that traps HUP:
    a closed window then sends the app no SIGHUP. It must still quit, not spin on the tty."""
    socket = f"debate-trainer-hup-{os.getpid()}"

    def tmux(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", socket, *args], capture_output=True, text=True, check=False
        )

    (tmp_path / "settings.json").write_text('{"student": "Sam"}', encoding="utf-8")  # no prompt
    command = f"trap 'exit 1' HUP; DEBATE_TRAINER_HOME='{tmp_path}' '{CONSOLE_SCRIPT}'; true"
    tmux("new-session", "-d", "-s", "hup", "-x", "90", "-y", "28", "sh", "-c", command)
    try:
        for _ in range(100):
            if "Start a quiz" in tmux("capture-pane", "-p", "-t", "hup").stdout:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the app never showed its home screen")
        shell = int(tmux("list-panes", "-t", "hup", "-F", "#{pane_pid}").stdout.split()[0])
        [app_pid] = [
            int(pid)
            for pid in subprocess.run(
                ["pgrep", "-P", str(shell)], capture_output=True, text=True, check=False
            ).stdout.split()
        ]
    finally:
        tmux("kill-server")
    for _ in range(50):
        try:
            os.kill(app_pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(app_pid, 9)
    pytest.fail("the app kept running after its terminal was closed")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_first_quiz_keeps_what_is_typed_right_after_enter() -> None:
    """scripts/tmux_first_quiz.sh: Enter as the home screen appears, type at once, at 80x24."""
    script = ROOT / "scripts" / "tmux_first_quiz.sh"
    env = {**os.environ, "DEBATE_TRAINER_BIN": str(CONSOLE_SCRIPT)}
    done = subprocess.run(
        ["bash", str(script)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok: every character kept" in done.stdout
