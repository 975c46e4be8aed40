"""Ctrl-C and SIGTERM while headless starts (issue 12, item 11).

Until the session can write its summary, the CLI holds both signals back; the session then
ends with its summary and exit 130 or 143, never a traceback or a silent kill.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.cli import main
from trainer.commands import headless
from trainer.packs import Pack

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"]
)
def test_a_signal_while_the_pack_loads_ends_with_a_summary(
    monkeypatch: pytest.MonkeyPatch,
    capfdbinary: pytest.CaptureFixture[bytes],
    signum: int,
    code: int,
) -> None:
    real_load = headless.load_or_report

    def load_then_signal(path: str | Path) -> Pack | None:
        os.kill(os.getpid(), signum)  # arrives mid start-up, as a user's Ctrl-C would
        return real_load(path)

    monkeypatch.setattr(headless, "load_or_report", load_then_signal)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"an answer\n")))
    assert main(["headless", "--mode", "evidence", "--pack", str(SMALL_PACK)]) == code
    out, err = capfdbinary.readouterr()
    [summary] = [json.loads(line) for line in out.splitlines()]
    assert summary["type"] == "summary"
    assert summary["reason"] == {130: "interrupted", 143: "terminated"}[code]
    assert b"Traceback" not in err


@pytest.mark.slow
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
