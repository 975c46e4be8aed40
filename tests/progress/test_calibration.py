"""Calibration: how sure the student said they were, against how often they were right
(issue 15)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from tests.progress.helpers import T0, attempt
from trainer.cli import main
from trainer.confidence import Confidence
from trainer.locations import progress_db_path
from trainer.packs import load_pack
from trainer.progress import Attempt, ProgressStore
from trainer.progress.calibration import bar, calibration, calibration_lines, counts_of
from trainer.progress.report import render
from trainer.progress.stats import compute, pack_stats

PACK = "school-uniforms"
C, G, U, F = Confidence.CERTAIN, Confidence.GUESS, Confidence.UNSURE, Confidence.FAIRLY_SURE


def said(level: Confidence | None, outcome: str, minutes: float = 0, **extra: object) -> Attempt:
    found = attempt("cost", outcome, pack=PACK, minutes=minutes, **extra)  # type: ignore[arg-type]
    return replace(found, confidence=level)


ANSWERS = (
    said(C, "correct", 1),
    said(C, "incorrect", 2),
    said(G, "correct", 3),
    said(G, "incorrect", 4),
    said(G, "partial", 5),  # partly right is not right
    said(G, "incorrect", 6, overridden=True),  # "I was right" is right, as everywhere
    said(None, "incorrect", 7),  # no confidence said: not counted here
)


def test_each_level_counts_its_answers_and_how_often_right_with_the_brier_score() -> None:
    found = compute(ANSWERS, T0 + timedelta(days=1)).calibration
    by_level = {t.level: (t.answers, t.right, t.rate) for t in found.levels}
    assert by_level == {G: (4, 2, 0.5), U: (0, 0, None), F: (0, 0, None), C: (2, 1, 0.5)}
    # certain: (1-1)^2 + (1-0)^2 = 1; guess: 2 * 0.75^2 + 2 * 0.25^2 = 1.25; over 6 answers.
    assert found.answers == 6
    assert found.brier == pytest.approx((1 + 1.25) / 6)


def test_a_perfectly_calibrated_student_scores_what_the_levels_alone_cost() -> None:
    right_as_said = [said(C, "correct", n) for n in range(4)] + [
        said(U, "correct", 10),
        said(U, "incorrect", 11),
    ]
    found = compute(right_as_said, T0 + timedelta(days=1)).calibration
    assert [t.rate for t in found.levels if t.answers] == [0.5, 1.0]
    assert found.brier == pytest.approx(2 * 0.25 / 6)  # certain and right costs nothing


def test_no_confidence_said_yet_is_said_plainly_with_no_score() -> None:
    found = compute([said(None, "correct")], T0).calibration
    assert (found.answers, found.brier) == (0, None)
    assert all(t.rate is None for t in found.levels)
    assert "No answers with a confidence yet" in "\n".join(calibration_lines(found))
    data = found.to_json()
    assert (data["answers"], data["brier"], data["by_week"]) == (0, None, [])


def test_the_score_over_time_is_per_week_in_the_students_time_zone() -> None:
    zone = timezone(timedelta(hours=-8))
    sunday_late = datetime(2026, 3, 8, 23, 30, tzinfo=zone)  # Monday 07:30 in UTC
    answers = [
        replace(said(C, "incorrect"), at=sunday_late.astimezone(UTC)),
        replace(said(C, "correct"), at=sunday_late + timedelta(hours=1)),
        replace(said(C, "correct"), at=sunday_late + timedelta(days=2)),
    ]
    found = compute(answers, sunday_late + timedelta(days=3)).calibration
    weeks = [(w.start.isoformat(), w.answers, w.brier) for w in found.weeks]
    assert weeks == [("2026-03-02", 1, 1.0), ("2026-03-09", 2, 0.0)]


def test_the_store_counts_what_the_walk_over_attempts_counts(tmp_path: Path) -> None:
    pack = load_pack(SMALL_PACK)
    now = datetime(2026, 3, 20, 1, 0, tzinfo=timezone(timedelta(hours=5, minutes=45)))
    with ProgressStore(tmp_path / "p.sqlite3", student="", fuzz=False) as store:
        for n, level in enumerate([C, G, U, F, None, C, G] * 9):
            outcome = ("correct", "incorrect", "partial")[n % 3]
            recorded = store.record(said(level, outcome, n * 500))
            if n % 7 == 1:
                store.override(recorded.attempt_id)
        from_store = pack_stats(store, pack, now).calibration
        walked = calibration(counts_of(store.attempts(PACK), now))
    assert from_store == walked
    assert len(from_store.weeks) >= 2 and from_store.answers == 54


def test_the_chart_shows_the_chance_said_beside_the_rate_right() -> None:
    lines = calibration_lines(compute(ANSWERS, T0 + timedelta(days=1)).calibration)
    text = "\n".join(lines)
    assert f"guessing     said  {bar(0.25, 20)}  25%" in text
    assert f"right {bar(0.5, 20)}  50% of 4" in text
    assert f"right {'·' * 20}  none yet" in text  # unsure: no answers, no division
    assert "Brier score 0.38 over 6 answers" in text
    assert "By week: 02 Mar 0.38" in text
    assert all(len(line) <= 80 for line in lines)
    assert bar(0.0, 4) == "····" and bar(1.0, 4) == "████" and bar(0.5625, 4) == "██▎·"


def test_stats_command_text_and_json_carry_calibration(capsys: pytest.CaptureFixture[str]) -> None:
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        for answer in ANSWERS:
            store.record(answer)
    assert main(["stats", "--pack", str(SMALL_PACK)]) == 0
    out = capsys.readouterr().out
    assert "How sure you said you were, and how often right:" in out
    assert "Brier score 0.38 over 6 answers" in out
    assert main(["stats", "--pack", str(SMALL_PACK), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["calibration"]
    assert (data["answers"], data["brier"]) == (6, 0.375)
    assert data["levels"][0] == {
        "level": "guess",
        "label": "guessing",
        "chance": 0.25,
        "answers": 4,
        "right": 2,
        "rate": 0.5,
    }
    assert data["levels"][1]["rate"] is None
    assert [w["answers"] for w in data["by_week"]] == [6]


def test_the_report_says_when_no_confidence_was_given() -> None:
    text = render(compute([said(None, "correct")], T0))
    assert "No answers with a confidence yet" in text
