"""An answer saved by any face of the app leaves the store safe to show (issue 12, item 4).

The terminal app may store what a student typed, bidi controls included; `export-progress`
writes it escaped the one way safe_text defines, as CSV and as JSON that reads back the same.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.progress.helpers import attempt
from trainer.cli import main
from trainer.progress import ProgressStore

ANSWER = "it is \u202eright\u2066 \x1b[2J"


@pytest.fixture
def stored() -> None:
    with ProgressStore.open_default(fuzz=False) as store:
        store.record(attempt("a", "correct", answer=ANSWER))


@pytest.mark.usefixtures("stored")
def test_export_escapes_bidi_and_terminal_controls(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-progress", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in "\u202e\u2066\x1b")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["answer"] == "it is \\u202eright\\u2066 \\x1b[2J"
    assert main(["export-progress", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\u2066" not in out
    assert json.loads(out)[0]["answer"] == ANSWER
