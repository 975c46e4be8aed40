"""Triage: a class's answers in clusters a teacher can mark at once, then learn from."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.cli import main
from trainer.grading import Grader
from trainer.grading.triage import triage
from trainer.packs.loader import load_pack
from trainer.packs.marked import MARKED_FILE

CLASS = [
    ("thesis", "uniforms should not be compulsory"),
    ("thesis", "uniforms should not be compulsory"),
    ("thesis", "uniforms shoud not be compulsory"),
    ("thesis", "uniforms should be compulsory"),
    ("survey", "300 pounds a year"),
    ("survey", "400 pounds a year"),
]


def test_alike_answers_share_a_cluster_and_opposites_or_other_figures_never_do() -> None:
    clusters = triage(Grader(load_pack(SMALL_PACK)), CLASS)
    by_answer = {g.answer: n for n, c in enumerate(clusters) for g in c.answers}
    assert (
        by_answer["uniforms should not be compulsory"]
        == (by_answer["uniforms shoud not be compulsory"])
    )
    assert (
        by_answer["uniforms should be compulsory"] != by_answer["uniforms shoud not be compulsory"]
    )
    assert by_answer["300 pounds a year"] != by_answer["400 pounds a year"]
    first = clusters[0]
    assert first.size == 3 and first.item_id == "thesis"  # the biggest first


def test_triage_writes_a_sheet_to_mark_that_learn_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("pack.yaml", "article.txt"):
        (folder / name).write_bytes((SMALL_PACK / name).read_bytes())
    answers = tmp_path / "class.csv"
    with answers.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["item", "answer", "student"])
        writer.writerows((item, answer, "s") for item, answer in CLASS)
    sheet = tmp_path / "clusters.csv"
    assert main(["triage", "--pack", str(folder), str(answers), "--out", str(sheet)]) == 0
    assert "6 answers in" in capsys.readouterr().out
    rows = list(csv.DictReader(sheet.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == [
        "item",
        "cluster",
        "size",
        "answer",
        "verdict",
        "score",
        "confidence",
        "human",
    ]
    assert all(row["human"] == "" for row in rows)
    for row in rows:
        row["human"] = "reject" if "400" in row["answer"] else ""
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert main(["learn", "--pack", str(folder), str(sheet)]) == 0
    assert (folder / MARKED_FILE).read_text(encoding="utf-8").splitlines()[1:] == [
        "survey,400 pounds a year,reject"
    ]
