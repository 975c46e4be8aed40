"""`debate-trainer grade` and `batch`: exit codes and output are an API for scripts."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.cli import main
from trainer.commands import batch, grade


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    grade.register(subparsers)
    batch.register(subparsers)
    return parser.parse_args(argv)


def _item_id() -> str:
    from trainer.packs.loader import load_pack

    pack = load_pack(SMALL_PACK)
    return next(i.id for i in pack if i.answer.canonical)


def test_grade_prints_a_verdict_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    item_id = _item_id()
    args = _parse("grade", "--pack", str(SMALL_PACK), "--item", item_id, "some", "answer")
    assert args.run(args) == 0
    out = capsys.readouterr().out
    assert "/100" in out and "model answer:" in out


def test_grade_json_has_the_stable_fields(capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse("grade", "--pack", str(SMALL_PACK), "--item", _item_id(), "--json", "x")
    assert args.run(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"outcome", "score", "item_id", "explanation", "belongs_to"} <= set(data)


def test_grade_unknown_item_suggests_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    item_id = _item_id()
    args = _parse("grade", "--pack", str(SMALL_PACK), "--item", item_id + "x", "answer")
    assert args.run(args) == 2
    assert f"did you mean {item_id!r}" in capsys.readouterr().err


def test_grade_bad_pack_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse("grade", "--pack", str(tmp_path), "--item", "x", "answer")
    assert args.run(args) == 2
    assert capsys.readouterr().err


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_batch_grades_reports_agreement_and_bad_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item_id = _item_id()
    responses = _write(
        tmp_path / "in.csv",
        [
            ["item", "answer", "human"],
            [item_id, "", "reject"],
            ["no-such-item", "whatever", "accept"],
            [item_id, "gibberish qwerty", "yes"],
        ],
    )
    out = tmp_path / "out.csv"
    args = _parse("batch", "--pack", str(SMALL_PACK), str(responses), "--out", str(out))
    assert args.run(args) == 0
    captured = capsys.readouterr()
    assert "line 3: unknown item 'no-such-item'" in captured.err
    assert "Cohen's kappa" in captured.out
    assert "line 4:" in captured.out  # the disagreement, by line number
    graded = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["outcome"] for r in graded] == ["incorrect", "error", "incorrect"]
    assert {"outcome", "score", "matched_item", "explanation"} <= set(graded[0])


def test_batch_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    responses = _write(tmp_path / "in.csv", [["item", "answer"], [_item_id(), "an answer"]])
    args = _parse("batch", "--pack", str(SMALL_PACK), str(responses), "--json")
    assert args.run(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["graded"] == 1 and report["agreement"] is None


def test_batch_missing_file_or_column_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse("batch", "--pack", str(SMALL_PACK), str(tmp_path / "none.csv"))
    assert args.run(args) == 2
    bad = _write(tmp_path / "bad.csv", [["item", "text"], ["a", "b"]])
    args = _parse("batch", "--pack", str(SMALL_PACK), str(bad))
    assert args.run(args) == 2
    assert "answer" in capsys.readouterr().err


def test_batch_of_a_spreadsheet_saved_in_a_legacy_encoding_says_how_to_fix_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = tmp_path / "class.csv"
    legacy.write_bytes("item,answer\ncost,trop ch\u00e8re\n".encode("cp1252"))
    out = tmp_path / "graded.csv"
    args = _parse("batch", "--pack", str(SMALL_PACK), str(legacy), "--out", str(out))
    assert args.run(args) == 2
    err = capsys.readouterr().err
    assert f"{legacy}: is not UTF-8 text" in err and "CSV UTF-8" in err
    assert not out.exists()  # nothing half-written


def test_batch_gives_each_row_a_confidence_and_can_put_the_least_sure_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "answers.csv"
    source.write_text(
        "item,answer\nputin,vladimir putin\nthesis,it was maybe sort of risky\nnope,x\n",
        encoding="utf-8",
    )
    assert main(["batch", str(source), "--least-sure-first"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["item"] == "nope"  # could not be graded: first
    sure = [float(row["confidence"]) for row in rows[1:]]
    assert sure == sorted(sure) and sure[-1] == 1.0
