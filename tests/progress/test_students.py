"""One store, many students: names on attempts, cards kept apart, old stores migrated."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from tests.progress.helpers import T0, attempt
from trainer.cli import main
from trainer.locations import progress_db_path, settings_path
from trainer.progress import ProgressStore
from trainer.progress.store import MIGRATIONS, SCHEMA_VERSION
from trainer.progress.student import MAX_STUDENT_NAME, clean_student_name, saved_student

PACK = "long-range-strikes"


def _version_2_store(path: Path) -> None:
    """A store as debate-trainer wrote it before names: one attempt, its card."""
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO attempts (at, pack_id, pack_version, item_id, kind, mode, answer, "
        "outcome, score) VALUES ('2026-03-02T09:00:00.000000+00:00', ?, '1', 'a', "
        "'rebuttal', 'rebuttals', 'old answer', 'incorrect', 10)",
        (PACK,),
    )
    db.execute(
        "INSERT INTO cards VALUES (?, 'a', 1, 1, 0, 1.0, 5.0, "
        "'2026-03-02T09:10:00.000000+00:00', '2026-03-02T09:00:00.000000+00:00')",
        (PACK,),
    )
    db.commit()
    db.close()


def test_an_old_store_keeps_every_attempt_and_card_as_the_unnamed_students(
    tmp_path: Path,
) -> None:
    path = tmp_path / "progress.sqlite3"
    _version_2_store(path)
    with ProgressStore(path, fuzz=False) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [old] = store.attempts()
        assert (old.answer, old.student) == ("old answer", "")
        assert [c.item_id for c in store.due(PACK, T0 + timedelta(days=1))] == ["a"]
        assert store.students() == ("",)
        # The first name given claims them (one person's own machine).
        assert store.claim_unnamed("Ann") == 1
        store.student = "Ann"
        assert [c.item_id for c in store.due(PACK, T0 + timedelta(days=1))] == ["a"]
        assert store.claim_unnamed("Bob") == 0


def test_students_in_one_store_have_their_own_attempts_cards_and_history(
    tmp_path: Path,
) -> None:
    path = tmp_path / "progress.sqlite3"
    ann = ProgressStore(path, student="Ann", fuzz=False)
    bob = ProgressStore(path, student="Bob", fuzz=False)  # a second app, another tab
    with ann, bob:
        ann.record(replace(attempt("a", "incorrect"), student="Ann"))
        bob.record(replace(attempt("a", "correct"), student="Bob"))
        bob.record(replace(attempt("b", "incorrect", minutes=1), student="Bob"))
        later = T0 + timedelta(hours=1)
        assert [c.item_id for c in ann.due(PACK, later)] == ["a"]
        assert [c.item_id for c in bob.due(PACK, later)] == ["b"]
        assert [(a.student, a.item_id) for a in ann.attempts()] == [
            ("Ann", "a"),
            ("Bob", "a"),
            ("Bob", "b"),
        ]
        assert [a.item_id for a in ann.attempts(student="Bob")] == ["a", "b"]
        tallies = {(t.item_id, t.attempts, t.right) for t in ann.history().tallies(PACK)}
        assert tallies == {("a", 1, 0)}
        assert ann.students() == ("Ann", "Bob")


def test_the_export_names_each_attempts_student(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        store.record(replace(attempt("a"), student="Ann Lee"))
        store.record(replace(attempt("b", minutes=1), student="=cmd"))
    assert main(["export-progress", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["student"] for row in rows] == ["Ann Lee", "'=cmd"]
    assert main(["export-progress", "--format", "json", "--student", "Ann Lee"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(row["student"], row["item_id"]) for row in data] == [("Ann Lee", "a")]


def test_stats_reads_the_saved_students_progress(capsys: pytest.CaptureFixture[str]) -> None:
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        store.record(replace(attempt("a", kind="argue_against"), student="Ann"))
    assert main(["stats"]) == 0
    assert "No attempts yet" in capsys.readouterr().out
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"student": "Ann"}', encoding="utf-8")
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "Attempts: 1" in out
    assert "The other side" in out and "argue_against" not in out
    assert main(["stats", "--student", ""]) == 0
    assert "No attempts yet" in capsys.readouterr().out


def test_names_are_cleaned_and_bounded(tmp_path: Path) -> None:
    assert clean_student_name("  Ann \x1b[31m  Lee\u202e ") == "Ann [31m Lee"
    assert len(clean_student_name("x" * 500)) == MAX_STUDENT_NAME
    assert clean_student_name("\n\t ") == ""
    broken = tmp_path / "settings.json"
    broken.write_text("{not json", encoding="utf-8")
    assert saved_student(broken) == ""
    broken.write_text('{"student": ["list"]}', encoding="utf-8")
    assert saved_student(broken) == ""


def test_an_item_answered_right_first_time_is_not_due_again_today(tmp_path: Path) -> None:
    with ProgressStore(tmp_path / "progress.sqlite3", fuzz=False) as store:
        store.record(attempt("right", "correct"))
        store.record(attempt("wrong", "incorrect"))
        end_of_day = T0.replace(hour=23, minute=59)
        assert [c.item_id for c in store.due(PACK, end_of_day)] == ["wrong"]
        assert store.due_count(PACK, T0 + timedelta(days=7)) == 2
