"""Ctrl-C and SIGTERM while headless starts (issue 12, item 11).

Until the session can write its summary, the CLI holds both signals back; the session then
ends with its summary and exit 130 or 143, never a traceback or a silent kill.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK

ROOT = Path(__file__).resolve().parents[2]


SIGNAL_WHILE_LOADING = """
import os, signal, sys
from trainer.cli import main
from trainer.commands import headless

real_load = headless.load_or_report

def load_then_signal(path):
    os.kill(os.getpid(), signal.Signals[sys.argv[2]])  # mid start-up, as a user's Ctrl-C
    return real_load(path)

headless.load_or_report = load_then_signal
sys.exit(main(["headless", "--mode", "evidence", "--pack", sys.argv[1]]))
"""
"""The command in a process of its own, its pack loader made to signal it mid-load: the
test runner's own process (a worker thread, under pytest-xdist) is never the one signalled."""


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"]
)
def test_a_signal_while_the_pack_loads_ends_with_a_summary(
    signum: signal.Signals, code: int
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SIGNAL_WHILE_LOADING, str(SMALL_PACK), signum.name],
        input=b"an answer\n",
        capture_output=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == code, result.stderr
    [summary] = [json.loads(line) for line in result.stdout.splitlines()]
    assert summary["type"] == "summary"
    assert summary["reason"] == {130: "interrupted", 143: "terminated"}[code]
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_in_the_first_half_second_still_gets_a_summary(signum: int) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "trainer", "headless", "--mode", "premises", "--seed", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    time.sleep(0.25)
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert process.returncode == {signal.SIGINT: 130, signal.SIGTERM: 143}[signum], err
    assert json.loads(out.splitlines()[-1])["type"] == "summary"
    assert b"Traceback" not in err
