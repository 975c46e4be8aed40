"""Marking a triage sheet (pure state), splitting a cluster, and reading a class's CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from tests.learning.test_triage import CLASS
from trainer.cli import main
from trainer.grading import Grader
from trainer.grading.triage import triage
from trainer.grading.triage_split import split
from trainer.packs.class_answers import parse_class_answers
from trainer.packs.errors import PackError
from trainer.packs.loader import load_pack
from trainer.tui.app import TrainerApp
from trainer.tui.triage_sheet import Mark, Sheet


@pytest.fixture(scope="module")
def sheet() -> Sheet:
    return Sheet.of(triage(Grader(load_pack(SMALL_PACK)), CLASS))


def test_a_mark_covers_every_distinct_answer_of_the_cluster_and_the_same_key_unmarks(
    sheet: Sheet,
) -> None:
    accepted = sheet.marked(0, Mark.ACCEPT)
    assert accepted.marks() == (
        ("thesis", "uniforms should not be compulsory", True),
        ("thesis", "uniforms shoud not be compulsory", True),
    )
    assert (accepted.marked_rows, accepted.marked_answers) == (1, 3)
    assert accepted.marked(0, Mark.ACCEPT).marks() == ()
    assert accepted.marked(0, Mark.REJECT).marks()[0][2] is False


def test_a_split_cluster_keeps_its_mark_and_a_single_answer_does_not_split(
    sheet: Sheet,
) -> None:
    parts = split(sheet.rows[0].cluster)
    assert [(p.size, p.answers[0].answer) for p in parts] == [
        (2, "uniforms should not be compulsory"),
        (1, "uniforms shoud not be compulsory"),
    ]
    marked = sheet.marked(0, Mark.REJECT).split(0)
    assert len(marked.rows) == len(sheet.rows) + 1
    assert [row.mark for row in marked.rows[:2]] == [Mark.REJECT, Mark.REJECT]
    assert marked.split(0) is marked  # two identical answers: nothing to split


def test_a_class_csv_without_the_columns_is_refused_by_name() -> None:
    with pytest.raises(PackError) as caught:
        parse_class_answers("student,response\na,b\n", "class.csv", frozenset({"thesis"}))
    assert "class.csv:1:1: has no item or answer column" in caught.value.report()
    found = parse_class_answers(
        "item,answer\nthesis,yes\nnope,x\nthesis,\n", "c", frozenset({"thesis"})
    )
    assert found.pairs == (("thesis", "yes"),) and found.left_out == 2


def test_triage_refuses_a_sheet_with_no_answer_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "class.csv"
    answers.write_text("item,response\nthesis,uniforms\n", encoding="utf-8")
    assert main(["triage", "--pack", str(SMALL_PACK), str(answers)]) == 2
    assert "has no answer column" in capsys.readouterr().err


def test_triage_tui_checks_the_csv_before_it_opens_the_app(
    small_pack_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    started: list[Path | None] = []
    monkeypatch.setattr(TrainerApp, "run", lambda self: started.append(self.options.triage_answers))
    bad = tmp_path / "bad.csv"
    bad.write_text('item,answer\nthesis,"open\n', encoding="utf-8")
    assert main(["triage", "--pack", str(small_pack_copy), str(bad), "--tui"]) == 2
    assert "bad.csv" in capsys.readouterr().err and not started
    good = _write_class(tmp_path / "class.csv", CLASS)
    assert main(["triage", "--pack", str(small_pack_copy), str(good), "--tui"]) == 0
    assert started == [good]


def _write_class(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("item,answer\n" + "".join(f"{i},{a}\n" for i, a in rows), encoding="utf-8")
    return path
