"""A class in a real browser: headless Chromium opens `debate-trainer serve` on 127.0.0.1 in
two tabs at once, and in each a student types a name, sees the home screen, starts the
Premises quiz, types an answer and sees the verdict. Each tab's attempt is then in the
shared progress store under that tab's name.

playwright-core drives Debian's Chromium (`serve_browser.cjs`); .ci/run installs both. The
test is skipped, saying which is missing, where Node, playwright-core or Chromium is absent:
`make test` does not depend on them. Every load the page tries from a host other than the
server (stopped by its Content-Security-Policy, or refused by the test) is reported, so the
test also shows the page works with no internet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.interop.helpers import ROOT
from tests.interop.serve_support import served
from trainer.cli import main

PLAYWRIGHT = ROOT / ".ci" / "node" / "node_modules" / "playwright-core"
DRIVER = Path(__file__).with_name("serve_browser.cjs")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or ""
NODE = shutil.which("node") or ""
STEP_MS = 30_000
"""How long each step may wait for the screen it expects (a tab starts a Python process)."""
BROWSER_SECONDS = 240
"""The whole browser run, at most: it stops itself before this."""

STUDENTS = {
    "Alice": "the risks of the strikes outweigh their illusory benefits",
    "Bob": "I think it was a brave and sensible decision",
}

missing = [
    what
    for what, there in (
        ("Node (apt-get install nodejs)", NODE),
        (
            f"playwright-core at {PLAYWRIGHT} (npm install --prefix .ci/node playwright-core)",
            PLAYWRIGHT.is_dir(),
        ),
        ("Chromium (apt-get install chromium)", CHROMIUM),
    )
    if not there
]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(missing),
        reason=f"no {' and no '.join(missing)}: "
        ".ci/run installs Chromium (apt) and playwright-core (npm)",
    ),
]


def _drive(url: str, shots: Path) -> dict[str, Any]:
    done = subprocess.run(
        [NODE, str(DRIVER), url, str(shots), *(f"{n}={a}" for n, a in STUDENTS.items())],
        capture_output=True,
        text=True,
        timeout=BROWSER_SECONDS,
        check=False,
        env={
            **os.environ,
            "PLAYWRIGHT_CORE": str(PLAYWRIGHT),
            "CHROMIUM": CHROMIUM,
            "STEP_MS": str(STEP_MS),
        },
    )
    assert done.stdout.strip(), done.stderr
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


def test_two_students_answer_in_two_tabs_of_a_real_browser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shots = tmp_path / "screens"
    shots.mkdir()
    with served() as server:
        report = _drive(server.url, shots)
        deadline = time.monotonic() + 10
        while server.children() and time.monotonic() < deadline:
            time.sleep(0.1)  # the browser closed its tabs: their apps end
        apps_left = server.children()
    assert report["errors"] == [], report["errors"]
    assert report["outside"] == [], "the page asked another host for something"
    screens = {
        tab["name"]: {step["label"]: step["text"] for step in tab["steps"]}
        for tab in report["tabs"]
    }
    for name, answer in STUDENTS.items():
        seen = screens[name]
        assert list(seen) == ["name", "home", "quiz", "sure", "verdict"], name
        assert "Start a quiz" in seen["home"] and "Premises" in seen["home"]
        assert "Thesis" in seen["quiz"]
        assert f"You wrote: {answer}" in seen["verdict"]
    assert "\u2714 Correct" in screens["Alice"]["verdict"]
    assert apps_left == []

    assert main(["export-progress", "--format", "json"]) == 0
    attempts = json.loads(capsys.readouterr().out)
    answers = {(a["student"], a["answer"]) for a in attempts}
    assert answers == set(STUDENTS.items())  # each answer under its own tab's student
    assert len({a["session"] for a in attempts}) == 2  # two apps, one per tab
    alice = next(a for a in attempts if a["student"] == "Alice")
    assert (alice["item_id"], alice["outcome"]) == ("thesis", "correct")
    assert alice["confidence"] == "certain"  # said with one key in the browser
    assert next(a for a in attempts if a["student"] == "Bob")["confidence"] is None
