"""`batch` on hostile and damaged CSV files (issue 12, items 3 and 14).

The graded CSV opens in a spreadsheet: no cell (answer, item id, or a pack's feedback in
the explanation) may start a formula, and nothing may reach the terminal raw. A file read
only in part is an error (exit 2) naming the line, never a silently shorter result.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.hardening.conftest import run

FEEDBACK = "That is the other side's claim; the author argues the opposite."


@pytest.fixture
def planted_pack(small_pack_copy: Path) -> Path:
    """The small pack, with a wrong answer's feedback that is a spreadsheet formula."""
    pack_file = small_pack_copy / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8")
    pack_file.write_text(text.replace(FEEDBACK, "\"=HYPERLINK('http://x','ok')\""), "utf-8")
    return small_pack_copy


def _graded(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_no_cell_of_the_graded_csv_is_a_formula(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, planted_pack: Path
) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "item,answer\n"
        'cost,"=HYPERLINK(""http://evil"")"\n'
        "cost,+1+1\n"
        "cost,@SUM(A1)\n"
        "=1+1,anything\n"
        "cost,uniforms are cheaper than normal clothes\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "batch", str(answers), "--pack", str(planted_pack), "--jobs", "1")
    assert code == 0
    rows = _graded(out)
    assert [row["answer"] for row in rows[:3]] == [
        '\'=HYPERLINK("http://evil")',
        "'+1+1",
        "'@SUM(A1)",
    ]
    assert rows[3]["item"] == "'=1+1"
    assert rows[4]["explanation"].startswith("'=HYPERLINK(")
    for row in rows:
        assert not any(cell[:1] in "=+-@" for cell in row.values() if cell)


def test_an_escape_in_an_answer_is_not_written_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_pack_copy: Path
) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text('item,answer,human\ncost,"\x1b[2Jwiped \u202eit",accept\n', "utf-8")
    code, out, err = run(capsys, "batch", str(answers), "--pack", str(small_pack_copy))
    assert code == 0
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert _graded(out)[0]["answer"] == "\\x1b[2Jwiped \\u202eit"


def test_a_cell_over_the_limit_is_reported_at_its_line_and_nothing_is_graded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_pack_copy: Path
) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "item,answer\ncost,fine\ncost," + "x" * 140_000 + "\ncost,after\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "batch", str(answers), "--pack", str(small_pack_copy))
    assert (code, out) == (2, "")
    assert err == (
        f"{answers}:3: a cell is longer than 131,072 characters (an unclosed quote "
        "swallowing the rest of the file?); nothing was graded\n"
    )


def test_an_unclosed_quote_is_reported_not_merged_into_one_answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, small_pack_copy: Path
) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text('item,answer\ncost,fine\ncost,"never closed\ncost,after\n', "utf-8")
    out_file = tmp_path / "graded.csv"
    code, out, err = run(
        capsys, "batch", str(answers), "--pack", str(small_pack_copy), "--out", str(out_file)
    )
    assert (code, out) == (2, "")
    assert err == f"{answers}:3: a quote opened in this row is never closed; nothing was graded\n"
    assert not out_file.exists()


def test_a_full_disk_while_writing_out_leaves_the_earlier_file_whole(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    small_pack_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from trainer.commands import batch

    answers = tmp_path / "answers.csv"
    answers.write_text("item,answer\ncost,too expensive\n", encoding="utf-8")

    def half_then_full(target: io.StringIO, columns: list[str], rows: list[object]) -> int:
        target.write("item,answer,outcome\ncost,")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch, "_write_csv", half_then_full)
    code, _out, err = run(
        capsys, "batch", str(answers), "--pack", str(small_pack_copy), "--out", str(answers)
    )
    assert (code, err) == (2, f"{answers}: cannot write: No space left on device\n")
    assert answers.read_text(encoding="utf-8") == "item,answer\ncost,too expensive\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
