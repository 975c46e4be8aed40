"""Sessions reach the store: attempts as they happen, overrides re-rated, review of what's due."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from tests.progress.helpers import T0
from tests.quiz.fakes import Ticker
from trainer.commands.headless import serve
from trainer.locations import builtin_pack_dir
from trainer.packs import Kind, Pack, load_pack
from trainer.progress import ProgressStore
from trainer.progress.rating import rating_for
from trainer.progress.recorder import SessionRecorder
from trainer.quiz.questions import QuestionKind, questions_of_kind
from trainer.quiz.review import questions_for
from trainer.quiz.session import Session


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(builtin_pack_dir())


def run_session(
    store: ProgressStore, pack: Pack, mode: str, script: str, questions: list | None = None
) -> SessionRecorder:
    session = Session(pack, mode, seed=3, clock=Ticker(), questions=questions)
    clock = iter(T0 + timedelta(seconds=n) for n in range(10_000))
    recorder = SessionRecorder(store, pack, mode, "test", now=lambda: next(clock))
    serve(
        session, io.BytesIO(script.encode()), io.BytesIO(), observer=lambda e: recorder.consume([e])
    )
    return recorder


def nk_question(pack: Pack) -> list:
    return [
        q
        for q in questions_of_kind(pack, QuestionKind.REBUTTAL)
        if q.subject == "deter-north-korea"
    ]


def test_each_verdict_is_an_attempt_and_an_override_rerates_it(tmp_path: Path, pack: Pack) -> None:
    with ProgressStore(tmp_path / "p.sqlite3", fuzz=False) as store:
        script = "\n".join(
            [
                "10,000 north koreans are only about ten days of russian recruits",
                "bananas are yellow",
                '{"command": "override"}',
                "",
            ]
        )
        run_session(store, pack, "rebuttals", script + "\n", nk_question(pack))
        attempts = list(store.attempts())
        assert [(a.item_id, a.outcome, a.overridden) for a in attempts] == [
            ("nk-ten-days", "correct", False),
            (attempts[1].item_id, "incorrect", True),
        ]
        assert attempts[0].answer.startswith("10,000 north koreans")
        overridden = store._card(pack.id, attempts[1].item_id, T0)
        # Re-rated as the student claims: Good from a new card, not Again.
        with ProgressStore(tmp_path / "fresh.sqlite3", fuzz=False) as fresh:
            from fsrs import Card

            expected, _ = fresh.scheduler.review_card(
                Card(card_id=1, due=attempts[1].at),
                rating_for("incorrect", overridden=True),
                review_datetime=attempts[1].at,
            )
        assert overridden.due == expected.due
        assert rating_for("incorrect", overridden=True) is Rating.Good


def test_recall_question_records_named_items_and_every_missed_one(
    tmp_path: Path, pack: Pack
) -> None:
    premises = list(questions_of_kind(pack, QuestionKind.PREMISES))
    with ProgressStore(tmp_path / "p.sqlite3", fuzz=False) as store:
        run_session(
            store,
            pack,
            "premises",
            "putin says nato would be at war with russia because of satellite data\n"
            "bananas are yellow\n"
            '{"command": "giveup"}\n',
            premises,
        )
        attempts = list(store.attempts())
    outcomes = {a.item_id: a.outcome for a in attempts}
    assert outcomes.pop("risk-war-with-nato") == "correct"
    # The five not named are each one miss, the banana's premise included (issue 13, item 9:
    # the wrong answer itself is kept, with its text, where it used to be dropped).
    others = [p.id for p in pack.of_kind(Kind.PREMISE) if p.id != "risk-war-with-nato"]
    assert sorted(a.item_id for a in attempts[1:]) == sorted(others)
    assert set(outcomes.values()) == {"incorrect"}
    assert [a.answer for a in attempts if a.answer] == [
        "putin says nato would be at war with russia because of satellite data",
        "bananas are yellow",
    ]


def test_i_was_right_on_a_wrong_premise_answer_rerates_the_kept_attempt(
    tmp_path: Path, pack: Pack
) -> None:
    premises = list(questions_of_kind(pack, QuestionKind.PREMISES))
    with ProgressStore(tmp_path / "p.sqlite3", fuzz=False) as store:
        run_session(
            store,
            pack,
            "premises",
            'nothing here would help anyone\n{"command": "override"}\n{"command": "giveup"}\n',
            premises,
        )
        attempts = list(store.attempts())
    [kept] = [a for a in attempts if a.answer]
    assert (kept.answer, kept.overridden) == ("nothing here would help anyone", True)
    assert len(attempts) == len(premises[0].targets)  # the other five: one miss each


def test_review_asks_due_items_most_overdue_first(tmp_path: Path, pack: Pack) -> None:
    with ProgressStore(tmp_path / "p.sqlite3", fuzz=False) as store:
        run_session(store, pack, "rebuttals", "bananas are yellow\n/giveup\n", nk_question(pack))
        due = store.due(pack.id, T0 + timedelta(days=1), [i.id for i in pack])
    assert due
    questions = questions_for(pack, [card.item_id for card in due])
    assert questions[0].subject == "deter-north-korea"


def _cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "headless", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "DEBATE_TRAINER_HOME": str(home)},
    )


def test_headless_records_only_when_asked_and_reviews_what_is_due(tmp_path: Path) -> None:
    db = tmp_path / "progress.sqlite3"
    _cli(tmp_path, "--mode", "attribution", "--seed", "1", "--limit", "1", stdin="nobody\n")
    assert not db.exists()
    result = _cli(
        tmp_path,
        "--mode",
        "attribution",
        "--seed",
        "1",
        "--limit",
        "2",
        "--record",
        stdin="nobody\n\nnobody\n\n",
    )
    assert result.returncode == 0, result.stderr
    rows = sqlite3.connect(db).execute("SELECT item_id, outcome FROM attempts").fetchall()
    assert rows and {outcome for _, outcome in rows} == {"incorrect"}
    # Missed just now: due again after a short learning step. Let an hour pass.
    db_conn = sqlite3.connect(db)
    db_conn.execute("UPDATE cards SET due = '2000-01-01T00:00:00.000000+00:00'")
    db_conn.commit()
    db_conn.close()
    later = _cli(tmp_path, "--mode", "review", "--seed", "1", "--record", stdin="nobody\n\n")
    assert later.returncode == 0, later.stderr
    asked = [json.loads(line) for line in later.stdout.splitlines()]
    questions = [e for e in asked if e["type"] == "question"]
    assert questions
    assert {e["item_id"] for e in asked if e["type"] == "verdict"} <= {item for item, _ in rows}
    assert asked[-1]["type"] == "summary"
    assert asked[-1]["mode"] == "review"
    count = sqlite3.connect(db).execute("SELECT count(*) FROM attempts").fetchone()[0]
    assert count > len(rows)


def test_review_with_nothing_due_says_so(tmp_path: Path) -> None:
    result = _cli(tmp_path, "--mode", "review")
    assert result.returncode == 0
    assert "nothing in long-range-strikes is due" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["type"] for e in events] == ["summary"]


def test_a_version_1_store_is_migrated_keeping_its_history(tmp_path: Path) -> None:
    from trainer.progress.store import MIGRATIONS

    path = tmp_path / "progress.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO attempts (at, pack_id, pack_version, item_id, kind, mode, answer, outcome,"
        " score) VALUES ('2026-01-01T00:00:00.000000+00:00', 'p', '1', 'i', 'k', 'm', 'old', "
        "'correct', 90)"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with ProgressStore(path, fuzz=False) as store:
        assert store.notice == ""
        [old] = store.attempts()
        assert old.answer == "old"
        recorded = store.record(
            replace(old, answer="new", outcome="incorrect", at=datetime(2026, 1, 2, tzinfo=UTC))
        )
        assert store.override(recorded.attempt_id) is not None
        assert store.override(recorded.attempt_id) is None  # once only
