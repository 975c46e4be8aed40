"""How sure the student said they were: kept on the attempt, through migration, override and
export (issue 15)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SMALL_PACK
from tests.progress.helpers import T0, attempt
from trainer.cli import main
from trainer.confidence import Confidence
from trainer.locations import progress_db_path
from trainer.packs import Pack, load_pack
from trainer.progress import ProgressStore
from trainer.progress.recorder import SessionRecorder
from trainer.progress.schema import MIGRATIONS, SCHEMA_VERSION

PACK = "school-uniforms"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(SMALL_PACK)


def _version_4_store(path: Path) -> None:
    """A store as debate-trainer wrote it before confidence: one attempt, its card."""
    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:4]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 4")
    db.execute(
        "INSERT INTO attempts (at, pack_id, pack_version, item_id, kind, mode, answer, "
        "outcome, score, student) VALUES ('2026-03-02T09:00:00.000000+00:00', ?, '1', 'cost', "
        "'premises', 'premises', 'old answer', 'correct', 90, 'Ann')",
        (PACK,),
    )
    db.close()


def test_a_store_from_before_confidence_keeps_its_attempts_with_none_said(
    tmp_path: Path,
) -> None:
    path = tmp_path / "progress.sqlite3"
    _version_4_store(path)
    with ProgressStore(path, student="Ann", fuzz=False) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [old] = store.attempts()
        assert (old.answer, old.confidence, old.late) == ("old answer", None, False)
        [tally] = store.history().tallies(PACK)
        assert (tally.attempts, tally.right) == (1, 1)  # the tally triggers still count it
        store.record(replace(attempt("cost", pack=PACK, minutes=5), confidence=Confidence.GUESS))
    with ProgressStore(path, student="Ann", fuzz=False) as reopened:
        assert [a.confidence for a in reopened.attempts()] == [None, Confidence.GUESS]


def test_every_level_and_the_late_mark_are_read_back_as_recorded(tmp_path: Path) -> None:
    with ProgressStore(tmp_path / "p.sqlite3", fuzz=False) as store:
        for minute, level in enumerate(Confidence):
            store.record(replace(attempt(minutes=minute), confidence=level, late=minute == 2))
        saved = list(store.attempts())
    assert [a.confidence for a in saved] == list(Confidence)
    assert [a.late for a in saved] == [False, False, True, False]


def _verdict(seq: int, item: str, outcome: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "verdict",
        "seq": seq,
        "question": f"q{seq}",
        "kind": "premises",
        "answer": "an answer",
        "verdict": {"outcome": outcome, "item_id": item, "score": 10},
        **extra,
    }


def test_the_recorder_keeps_the_said_confidence_and_an_override_keeps_it(
    tmp_path: Path, pack: Pack
) -> None:
    with ProgressStore(tmp_path / "p.sqlite3", fuzz=False) as store:
        recorder = SessionRecorder(store, pack, "premises", "s", now=lambda: T0)
        recorder.consume(
            [
                _verdict(1, "cost", "incorrect", confidence="certain"),
                _verdict(2, "bullying", "correct", also_named=["equality"]),
                _verdict(3, "cost", "correct", confidence="unsure", late=True),
                _verdict(4, "cost", "incorrect", confidence="no-such-level"),
                {"type": "verdict", "seq": 5, "question": "q1", "overrides": 1},
            ]
        )
        saved = list(store.attempts())
    said = [(a.item_id, a.confidence, a.late, a.overridden) for a in saved]
    assert said == [
        ("cost", Confidence.CERTAIN, False, True),  # "I was right" keeps how sure they were
        ("bullying", None, False, False),
        ("equality", None, False, False),  # the same answer, counted once for calibration
        ("cost", Confidence.UNSURE, True, False),
        ("cost", None, False, False),  # a level this version does not know: none said
    ]


def test_export_progress_carries_confidence_and_late(capsys: pytest.CaptureFixture[str]) -> None:
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        store.record(replace(attempt("a"), confidence=Confidence.FAIRLY_SURE, late=True))
        store.record(attempt("b", minutes=1))
    assert main(["export-progress", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["confidence"], r["late"]) for r in rows] == [("fairly_sure", "True"), ("", "False")]
    assert list(rows[0])[-2:] == ["confidence", "late"]  # new columns at the end
    assert main(["export-progress", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["confidence"], r["late"]) for r in data] == [("fairly_sure", True), (None, False)]
