"""A class's marked answers kept beside a pack: read like the pack, learnt by the grader."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.cli import main
from trainer.grading import Grader, Outcome, Reason
from trainer.packs.errors import PackError
from trainer.packs.loader import load_pack
from trainer.packs.marked import MARKED_FILE
from trainer.packs.model import MarkedAnswer


def _pack_with(tmp_path: Path, marked: str | None) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("pack.yaml", "article.txt"):
        (folder / name).write_bytes((SMALL_PACK / name).read_bytes())
    if marked is not None:
        (folder / MARKED_FILE).write_text(marked, encoding="utf-8")
    return folder


def test_the_loader_reads_the_marks_beside_the_pack(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, "item,answer,human\nthesis,uniforms are optional,accept\n")
    pack = load_pack(folder)
    assert pack.marked == (MarkedAnswer("thesis", "uniforms are optional", True, 2),)


def test_new_marks_reload_a_cached_pack(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, None)
    assert load_pack(folder).marked == ()
    (folder / MARKED_FILE).write_text("item,answer,human\nthesis,x y z,reject\n", "utf-8")
    assert len(load_pack(folder).marked) == 1


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("answer,item,human\n", ":1:1:", "must start with the header item,answer,human"),
        ("item,answer,human\nnope,an answer,accept\n", ":2:1:", "names no item of the pack"),
        ("item,answer,human\nthesis,an answer,maybe\n", ":2:3:", "accept or reject"),
        ("item,answer,human\nthesis,a \x1b[2J b,accept\n", ":2:2:", "control character"),
        ('item,answer,human\nthesis,"never closed,accept\n', "", "not valid CSV"),
    ],
)
def test_a_bad_marks_file_names_its_line_and_never_echoes_it(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    folder = _pack_with(tmp_path, text)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    report = caught.value.report()
    assert message in report and where in report and "\x1b" not in report


def test_a_marks_file_that_leads_out_of_the_pack_is_not_read(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, None)
    secret = tmp_path / "secret.csv"
    secret.write_text("item,answer,human\nthesis,TOKEN-123,accept\n", encoding="utf-8")
    os.symlink(secret, folder / MARKED_FILE)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert "leads outside the pack folder" in caught.value.report()
    assert "TOKEN" not in caught.value.report()


def test_an_answer_like_a_marked_one_takes_its_mark_unless_a_check_says_otherwise() -> None:
    pack = load_pack(SMALL_PACK)
    marks = (
        MarkedAnswer("thesis", "pupils ought to be free to wear what they like to school", True),
        MarkedAnswer("thesis", "uniforms make every pupil look the same", False),
    )
    grader = Grader(replace(pack, marked=marks))
    plain = Grader(pack)
    like_right = "pupils ought to be free to wear whatever they like to school"
    verdict = grader.grade(like_right, "thesis")
    assert (verdict.outcome, verdict.reason) == (Outcome.CORRECT, Reason.MARKED)
    assert verdict.explanation.startswith("Right: it reads like an answer your teacher marked")
    assert plain.grade(like_right, "thesis").reason is not Reason.MARKED
    like_wrong = grader.grade("uniforms make every single pupil look the same", "thesis")
    assert (like_wrong.outcome, like_wrong.reason) == (Outcome.INCORRECT, Reason.MARKED)
    assert like_wrong.explanation == (
        "That reads like an answer your teacher marked wrong: "
        '"uniforms make every pupil look the same".'
    )


def test_learn_keeps_marks_reports_contradictions_and_check_runs_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _pack_with(tmp_path, None)
    marks = tmp_path / "class.csv"
    marks.write_text(
        "item,answer,human,kind\n"
        "thesis,pupils ought to be free to wear what they like,accept,x\n"
        "thesis,uniforms should be optional,accept,x\n"
        "thesis,Uniforms  should be optional,reject,x\n"
        "thesis,,,\n",
        encoding="utf-8",
    )
    assert main(["learn", "--pack", str(folder), str(marks), "--dry-run"]) == 1
    assert not (folder / MARKED_FILE).exists()
    assert main(["learn", "--pack", str(folder), str(marks)]) == 1
    out, err = capsys.readouterr()
    assert "kept 1 new marked answers (1 in all)" in out
    assert "class.csv:4: thesis: marked reject here but the opposite at line 3" in err
    assert load_pack(folder).marked[0].answer == "pupils ought to be free to wear what they like"
    assert main(["check", "--json", str(folder)]) == 0
    assert '"checked": 61' in capsys.readouterr().out


def test_learn_refuses_a_bad_file_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _pack_with(tmp_path, None)
    marks = tmp_path / "class.csv"
    marks.write_text("item,answer,human\nnope,an answer,accept\n", encoding="utf-8")
    assert main(["learn", "--pack", str(folder), str(marks)]) == 2
    assert "class.csv:2:1: names no item of the pack" in capsys.readouterr().err
    assert not (folder / MARKED_FILE).exists()


def test_learn_never_changes_the_built_in_pack_nor_reads_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.locations import builtin_pack_dir

    marks = tmp_path / "class.csv"
    marks.write_text("item,answer,human\nthesis,x y z,accept\n", encoding="utf-8")
    assert main(["learn", "--pack", str(builtin_pack_dir()), str(marks)]) == 2
    assert "the built-in pack is not changed" in capsys.readouterr().err
    assert not (builtin_pack_dir() / MARKED_FILE).exists()
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    folder = _pack_with(tmp_path, None)
    assert main(["learn", "--pack", str(folder), str(pipe)]) == 2
    assert "is not a readable file" in capsys.readouterr().err
