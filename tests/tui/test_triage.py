"""The triage screen: a class's clusters, marked a cluster at a key, kept for the grader."""

from __future__ import annotations

import csv
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from tests.learning.test_triage import CLASS
from tests.tui.conftest import make_app, open_app, screen_text, settle
from trainer.cli import main
from trainer.packs.loader import load_pack
from trainer.packs.marked import MARKED_FILE
from trainer.tui.app import TrainerApp
from trainer.tui.screens.confirm import ConfirmScreen
from trainer.tui.screens.triage import Stage, TriageScreen

pytestmark = pytest.mark.asyncio

HOSTILE = "[@click=app.quit]uniforms[/] should not be compulsory"


def write_class(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["item", "answer", "student"])
        writer.writerows((item, answer, f"s{n}") for n, (item, answer) in enumerate(rows))
    return path


async def triage_open(pilot: Pilot[object], answers: Path) -> TriageScreen:
    """Open the screen from the palette's action and let the clustering worker finish."""
    app = pilot.app
    assert isinstance(app, TrainerApp)
    await open_app(pilot)
    app.action_triage(answers)
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TriageScreen)
    for _ in range(20):  # the table draws its rows on a later refresh
        if screen.stage is not Stage.READY or "Answer (commonest)" in screen_text(app):
            break
        await pilot.pause(0.02)
    return screen


@asynccontextmanager
async def triaging(
    pack: Path | None, answers: Path
) -> AsyncIterator[tuple[TrainerApp, Pilot[object], TriageScreen]]:
    """The app at 80x24 on `pack`, its triage screen open on `answers`."""
    app = make_app(pack)
    async with app.run_test(size=(80, 24)) as pilot:
        yield app, pilot, await triage_open(pilot, answers)


@pytest.fixture
def class_csv(tmp_path: Path) -> Path:
    return write_class(tmp_path / "class.csv", CLASS)


def marks_row(screen: TriageScreen, index: int) -> str:
    table = screen.query_one("#clusters", DataTable)
    return str(table.get_row_at(index)[4])


def status(screen: TriageScreen) -> str:
    return str(screen.query_one("#status", Static).render())


async def test_the_clusters_show_biggest_first_with_the_graders_verdict(
    small_pack_copy: Path, class_csv: Path
) -> None:
    async with triaging(small_pack_copy, class_csv) as (app, _pilot, screen):
        assert screen.stage is Stage.READY
        text = screen_text(app)
        assert "6 answers in 4 clusters; 0 marked" in text
        assert "uniforms should not be co" in text  # cut to the column's width
        first = screen.query_one("#clusters", DataTable).get_row_at(0)
        assert str(first[1]) == "3" and str(first[2]) == "correct"


async def test_one_key_marks_a_whole_cluster_and_undo_takes_it_back(
    small_pack_copy: Path, class_csv: Path
) -> None:
    async with triaging(small_pack_copy, class_csv) as (_app, pilot, screen):
        await pilot.press("a")
        assert marks_row(screen, 0) == "accept"
        assert "1 marked (3 answers)" in status(screen)
        assert screen.query_one("#clusters", DataTable).cursor_row == 1  # on to the next
        await pilot.press("r")
        assert marks_row(screen, 1) == "reject"
        await pilot.press("u")
        assert marks_row(screen, 1) == ""
        assert marks_row(screen, 0) == "accept"


async def test_split_gives_each_distinct_answer_its_own_row(
    small_pack_copy: Path, class_csv: Path
) -> None:
    async with triaging(small_pack_copy, class_csv) as (_app, pilot, screen):
        await pilot.press("s")
        table = screen.query_one("#clusters", DataTable)
        assert table.row_count == 5
        assert [str(table.get_row_at(i)[1]) for i in (0, 1)] == ["2", "1"]
        assert str(table.get_row_at(1)[5]) == "uniforms shoud not be compulsory"
        await pilot.press("down", "s")  # one answer: nothing to split
        assert table.row_count == 5


async def test_enter_shows_a_clusters_answers_as_plain_text(
    small_pack_copy: Path, tmp_path: Path
) -> None:
    rows = [
        ("thesis", HOSTILE),
        ("thesis", HOSTILE),
        ("thesis", "uniforms shoud not be compulsory"),
    ]
    answers = write_class(tmp_path / "class.csv", rows)
    async with triaging(small_pack_copy, answers) as (app, pilot, screen):
        await pilot.press("enter")
        assert screen.has_class("-answers")
        text = screen_text(app)
        assert "[@click=app.quit]uniforms[/]" in text
        assert "x2" in text and "x1" in text


async def test_saving_keeps_the_marks_where_learn_and_the_grader_read_them(
    small_pack_copy: Path, class_csv: Path
) -> None:
    async with triaging(small_pack_copy, class_csv) as (app, pilot, screen):
        rows = [screen.sheet.rows[i].cluster.answers[0].answer for i in range(4)]
        wrong = rows.index("400 pounds a year")
        await pilot.press("a")  # the cluster of three
        for _ in range(wrong - 1):
            await pilot.press("down")
        await pilot.press("r", "w")
        await settle(pilot)
        assert "all kept" in status(screen)
        assert app.pack is not None and len(app.pack.marked) == 3  # reopened with them
    kept = (small_pack_copy / MARKED_FILE).read_text(encoding="utf-8").splitlines()
    assert kept[0] == "item,answer,human"
    assert sorted(kept[1:]) == [
        "survey,400 pounds a year,reject",
        "thesis,uniforms shoud not be compulsory,accept",
        "thesis,uniforms should not be compulsory,accept",
    ]
    pack = load_pack(small_pack_copy)
    assert len(pack.marked) == 3
    assert main(["learn", "--pack", str(small_pack_copy), str(small_pack_copy / MARKED_FILE)]) == 0


async def test_a_second_save_adds_only_new_marks_and_reports_a_contradiction(
    small_pack_copy: Path, class_csv: Path
) -> None:
    async with triaging(small_pack_copy, class_csv) as (app, pilot, _screen):
        await pilot.press("a", "up", "w")
        await settle(pilot)
        await pilot.press("r", "w")  # the same cluster, now the opposite mark
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert any("contradict a mark already kept" in note for note in notes)
    kept = (small_pack_copy / MARKED_FILE).read_text(encoding="utf-8").splitlines()
    assert len(kept) == 3 and all(line.endswith("accept") for line in kept[1:])


async def test_a_bad_csv_says_what_is_wrong_and_asks_again(
    small_pack_copy: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,response\nAl,uniforms\n", encoding="utf-8")
    app = make_app(small_pack_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await triage_open(pilot, bad)
        assert screen.stage is Stage.ASKING
        assert "has no item or answer column" in status(screen)
        good = write_class(tmp_path / "class.csv", CLASS)
        path = screen.query_one("#path", Input)
        assert path.has_focus
        path.value = str(good)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.stage is Stage.READY


async def test_the_built_in_pack_is_never_changed(tmp_path: Path) -> None:
    answers = write_class(tmp_path / "class.csv", [("thesis", "the strikes are a mistake")])
    async with triaging(None, answers) as (app, pilot, screen):
        await pilot.press("a", "w")
        await settle(pilot)
        assert "The built-in pack is not changed" in status(screen)
        assert app.pack is not None and app.pack.folder is not None
        assert not (app.pack.folder / MARKED_FILE).exists()
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)  # the marks were not kept


async def test_leaving_with_marks_not_kept_asks_first(
    small_pack_copy: Path, class_csv: Path
) -> None:
    async with triaging(small_pack_copy, class_csv) as (app, pilot, _screen):
        await pilot.press("a", "escape")
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        # the cluster of three holds two distinct answers, and a mark is kept per answer
        assert question.question == "Leave without keeping 2 marked answers?"
        await pilot.press("y")
        assert not isinstance(app.screen, TriageScreen)
    assert not (small_pack_copy / MARKED_FILE).exists()


async def test_triage_tui_opens_the_screen_once_the_pack_loads(
    small_pack_copy: Path, tmp_path: Path
) -> None:
    answers = write_class(tmp_path / "class.csv", CLASS)
    app = make_app(small_pack_copy, triage_answers=answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TriageScreen) and screen.stage is Stage.READY


async def test_the_palette_opens_triage_which_asks_for_the_csv(
    small_pack_copy: Path, class_csv: Path
) -> None:
    app = make_app(small_pack_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Triage a class")
        hits = app.screen.query_one(OptionList)
        for _ in range(100):  # the palette searches after a pause
            if hits.option_count == 1 and "Triage" in str(hits.get_option_at_index(0).prompt):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TriageScreen) and screen.stage is Stage.ASKING
        screen.query_one("#path", Input).value = str(class_csv)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.stage is Stage.READY and screen.sheet.answers == len(CLASS)
