"""class-report over students' export-progress files, with and without a student column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.cli import main

HEADER = (
    "at,pack_id,pack_version,item_id,kind,mode,answer,outcome,score,hints,overridden,seconds,"
    "session"
)


def _export(path: Path, rows: list[tuple[str, str, str]], student: str | None = None) -> Path:
    head = HEADER + (",student" if student else "")
    lines = [head]
    for item, answer, outcome in rows:
        cells = ["2026-11-30T10:00:00", "p", "1", item, "premise", "recall", answer, outcome]
        cells += ["50", "0", "False", "1.0", "s1"] + ([student] if student else [])
        lines.append(",".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_hardest_items_first_with_the_answers_most_often_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = _export(tmp_path / "ann.csv", [("easy", "x", "correct"), ("hard", "cheap", "incorrect")])
    bob = _export(
        tmp_path / "export.csv",
        [("easy", "x", "correct"), ("hard", "Cheap", "incorrect"), ("hard", "y", "correct")],
        student="Bob",
    )
    assert main(["class-report", str(ann), str(bob), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["item_id"] for i in data["items"]] == ["hard", "easy"]
    assert data["items"][0]["most_wrong"] == [{"answer": "cheap", "count": 2}]
    assert {s["student"]: s["attempts"] for s in data["students"]} == {"ann": 2, "Bob": 3}
    assert data["due"] == [{"pack_id": "p", "item_id": "hard", "students": 1}]


def test_student_text_cannot_act_on_a_terminal_or_a_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path / "a.csv", [("hard", "=HYPERLINK(1)\x1b[31m", "incorrect")])
    assert main(["class-report", str(export)]) == 0
    table = capsys.readouterr().out
    assert "\x1b" not in table and "\\x1b" in table
    assert main(["class-report", str(export), "--format", "csv"]) == 0
    assert ",'=hyperlink(1)" in capsys.readouterr().out


def test_a_file_that_is_not_an_export_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notes.csv"
    other.write_text("name,mark\nann,3\n", encoding="utf-8")
    assert main(["class-report", str(other)]) == 2
    error = capsys.readouterr().err
    assert "notes.csv" in error and "not an export-progress file" in error
    assert main(["class-report", str(tmp_path / "missing.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err
