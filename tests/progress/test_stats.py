"""Stats a student reads: accuracy over time and per kind, weakest items, streak, export."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.progress.helpers import T0, attempt
from trainer.cli import main
from trainer.locations import progress_db_path
from trainer.progress import ProgressStore
from trainer.progress.stats import Tally, accuracy_chart, compute

DAY = 60 * 24


def test_accuracy_by_day_kind_and_overall() -> None:
    attempts = [
        attempt("a", "correct", minutes=0, kind="premise"),
        attempt("b", "incorrect", minutes=1, kind="premise"),
        attempt("c", "incorrect", minutes=DAY, kind="rebuttal", overridden=True),
        attempt("c", "partial", minutes=DAY + 1, kind="rebuttal"),
    ]
    stats = compute(attempts, T0 + timedelta(days=1, hours=1), chart_days=3)
    assert (stats.total.attempts, stats.total.correct) == (4, 2)
    assert [(day.day, t.attempts, t.correct) for day, t in stats.by_day] == [
        (1, 0, 0),
        (2, 2, 1),
        (3, 2, 1),
    ]
    assert stats.by_kind["premise"] == Tally(2, 1)
    assert stats.by_kind["rebuttal"] == Tally(2, 1)
    assert [o.item_id for o in stats.overrides] == ["c"]


def test_weakest_items_first_and_removed_items_marked() -> None:
    attempts = [
        attempt("solid", "correct"),
        attempt("shaky", "correct", minutes=1),
        attempt("shaky", "incorrect", minutes=2),
        attempt("lost", "incorrect", minutes=3),
        attempt("lost", "incorrect", minutes=4),
        attempt("renamed", "incorrect", minutes=5),
    ]
    labels = {"solid": "Solid item", "shaky": "Shaky item", "lost": "Lost item"}
    stats = compute(attempts, T0, labels=labels)
    assert [w.item_id for w in stats.weakest] == ["lost", "renamed", "shaky"]
    assert stats.weakest[0].label == "Lost item"
    assert stats.weakest[1].in_pack is False
    assert "solid" not in {w.item_id for w in stats.weakest}


def test_streak_counts_days_in_a_row_ending_today_or_yesterday() -> None:
    days = [0, 1, 2, 4, 5]  # a gap on day 3
    attempts = [attempt(minutes=d * DAY) for d in days]
    assert compute(attempts, T0 + timedelta(days=5)).streak_days == 2
    assert compute(attempts, T0 + timedelta(days=6)).streak_days == 2  # not yet today
    assert compute(attempts, T0 + timedelta(days=7)).streak_days == 0
    assert compute([], T0).streak_days == 0


def test_chart_draws_full_empty_and_missed_days() -> None:
    attempts = [
        attempt("a", "correct"),
        attempt("b", "incorrect", minutes=DAY),
        attempt("c", "correct", minutes=3 * DAY),
        attempt("d", "incorrect", minutes=3 * DAY + 1),
    ]
    stats = compute(attempts, T0 + timedelta(days=3), chart_days=4)
    chart = accuracy_chart(stats.by_day, height=4)

    def column(day: int) -> str:
        return "".join(row[5 + 2 * day] for row in chart[:4])

    assert chart[0].startswith("100%")
    assert column(0) == "████"  # all right
    assert column(1) == "   ▁"  # practised, all wrong
    assert column(2) == "   ·"  # no practice
    assert column(3) == "  ██"  # half right
    assert chart[-1].strip().startswith("02 Mar")


@pytest.fixture
def filled_store() -> Path:
    path = progress_db_path()
    with ProgressStore(path, fuzz=False) as store:
        store.record(attempt("nk-ten-days", "correct"))
        store.record(attempt("nk-unproven", "incorrect", minutes=1, answer='=HYPERLINK("x")'))
        store.record(attempt("gone-item", "incorrect", minutes=2))
    return path


def test_stats_command_json(capsys: pytest.CaptureFixture[str], filled_store: Path) -> None:
    assert main(["stats", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["total"] == {"attempts": 3, "correct": 1, "accuracy": 0.333}
    weakest = {w["item_id"]: w for w in report["weakest"]}
    assert weakest["gone-item"]["in_pack"] is False
    assert weakest["nk-unproven"]["in_pack"] is True
    assert report["due_this_week"] >= 2


def test_stats_command_text_with_no_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert "No attempts yet" in capsys.readouterr().out


def test_export_csv_and_json(
    capsys: pytest.CaptureFixture[str], filled_store: Path, tmp_path: Path
) -> None:
    assert main(["export-progress", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["item_id"] for row in rows] == ["nk-ten-days", "nk-unproven", "gone-item"]
    assert rows[1]["answer"].startswith("'=HYPERLINK")  # not a live spreadsheet formula
    out = tmp_path / "progress.json"
    assert main(["export-progress", "--format", "json", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data[0]["outcome"] == "correct"
    assert data[1]["answer"] == '=HYPERLINK("x")'


def test_stats_on_a_damaged_store_starts_fresh_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = progress_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 1000)
    assert main(["stats"]) == 0
    err = capsys.readouterr().err
    assert str(path) in err
    assert "moved to" in err


def test_check_lists_answers_students_overruled(
    capsys: pytest.CaptureFixture[str], filled_store: Path
) -> None:
    with ProgressStore(filled_store, fuzz=False) as store:
        recorded = store.record(
            attempt("nk-ten-days", "incorrect", minutes=9, answer="only 10 days of recruits")
        )
        store.override(recorded.attempt_id)
    from trainer.locations import builtin_pack_dir

    assert main(["check", "--overrides", str(builtin_pack_dir())]) == 0
    out = capsys.readouterr().out
    assert "1 answer students overruled as right" in out
    assert "nk-ten-days: 'only 10 days of recruits' (graded incorrect)" in out
    assert main(["check", "--json", "--overrides", str(builtin_pack_dir())]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["packs"][0]["overrides"][0]["answer"] == "only 10 days of recruits"


def _old_export_json(store: ProgressStore) -> str:
    """The JSON export as it was first written: the whole list in memory, then dumped."""
    buffer = io.StringIO()
    json.dump([a.to_json() for a in store.attempts()], buffer, indent=2, ensure_ascii=False)
    return buffer.getvalue() + "\n"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_json_export_is_byte_for_byte_the_old_one(
    count: int, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = ['line one\nline two "quoted"', "Straße \u2014 naïve", "  {\n  [1, 2]\n} "]
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        for n in range(count):
            store.record(attempt(answer=answers[n], minutes=n, overridden=n == 1))
        expected = _old_export_json(store)
    assert main(["export-progress", "--format", "json"]) == 0
    assert capsys.readouterr().out == expected
    out = tmp_path / "export.json"
    assert main(["export-progress", "--format", "json", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == expected
    assert f"Wrote {count} attempts" in capsys.readouterr().err


def test_an_export_that_fails_half_way_leaves_the_earlier_file_whole(
    filled_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.commands import export_progress

    out = tmp_path / "class.csv"
    out.write_text("last week's export\n", encoding="utf-8")

    def fail_after_the_header(rows: object, stream: io.TextIOBase) -> int:
        stream.write("at,pack_id\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_progress, "_write_csv", fail_after_the_header)
    assert main(["export-progress", "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "last week's export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["class.csv"]  # no half-written file left
