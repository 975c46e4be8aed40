"""Progress in the app: quizzes are saved as they happen, home says what is due, review asks
it, the stats screen shows the figures, and a damaged or failing store never stops a quiz.

The store is the user's progress file under the test's own DEBATE_TRAINER_HOME (see
tests/conftest.py); what the app saved is read back through a connection of the test's own,
after the app has closed.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from tests.conftest import SMALL_PACK
from tests.progress.helpers import attempt
from tests.tui.conftest import (
    NOW,
    graded,
    make_app,
    open_app,
    saved,
    screen_text,
    settle,
    write_history,
)
from trainer.locations import progress_db_path
from trainer.packs import load_pack
from trainer.progress import ProgressStore, StoreError
from trainer.progress.report import due_line
from trainer.progress.stats import DueCounts, accuracy_chart, pack_stats
from trainer.tui.app import TrainerApp
from trainer.tui.commands import TrainerCommands
from trainer.tui.progress import ProgressKeeper, StoreUnavailable
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.screens.stats import StatsScreen
from trainer.tui.widgets.due_for_review import DueForReview, due_content

LONG_AGO = "2000-01-01T00:00:00.000000+00:00"
"""A due date in the past, whatever the date the tests run on."""


def stored() -> list[tuple[str, str, str, bool]]:
    """(item, outcome, mode, overridden) of every attempt in the user's progress file."""
    with ProgressStore(progress_db_path()) as store:
        return [(a.item_id, a.outcome, a.mode, a.overridden) for a in store.attempts()]


def notices(app: TrainerApp) -> list[tuple[str, str]]:
    return [(str(n.message), n.severity) for n in app._notifications]


async def start(pilot: Pilot[object], mode: str) -> QuizScreen:
    app = pilot.app
    assert isinstance(app, TrainerApp)
    app.start_quiz(mode)
    await settle(pilot)
    assert isinstance(app.screen, QuizScreen), app.screen
    return app.screen


async def answer(pilot: Pilot[object], text: str) -> None:
    """Answer and press Enter (pasted: typing key by key is slow in tests)."""
    pilot.app.screen.query_one("#answer", Input).value = text
    await pilot.press("enter")
    await graded(pilot)


def due_text(app: TrainerApp) -> str:
    due = app.screen.query_one("#due", DueForReview)
    return str(due.content) if due.display else ""


# -- the store thread, without the app -------------------------------------------------------


class FakeStore:
    notice = ""

    def __init__(self) -> None:
        self.closed = False
        self.checkpoints = 0

    def close(self) -> None:
        self.closed = True

    def checkpoint(self) -> None:
        self.checkpoints += 1


def test_the_store_thread_writes_the_log_back_once_idle_not_while_recording() -> None:
    fake = FakeStore()
    keeper = ProgressKeeper(lambda: fake, idle_checkpoint=0.2)  # type: ignore[arg-type,return-value]
    for _ in range(20):
        keeper.submit(lambda store: None).result(timeout=5)
    assert fake.checkpoints == 0  # jobs arriving: none of them waits for a checkpoint
    time.sleep(0.5)
    assert fake.checkpoints == 1  # a quiet spell after writes: one
    time.sleep(0.5)
    assert fake.checkpoints == 1  # and none more while nothing is written
    keeper.submit(lambda store: None).result(timeout=5)
    time.sleep(0.5)
    assert fake.checkpoints == 2
    assert keeper.stop()


def test_jobs_run_in_order_on_one_thread_and_queued_ones_finish_before_closing() -> None:
    fake = FakeStore()
    keeper = ProgressKeeper(lambda: fake)  # type: ignore[arg-type,return-value]
    seen: list[tuple[int, int]] = []
    futures = [
        keeper.submit(lambda store, n=n: seen.append((n, threading.get_ident()))) for n in range(50)
    ]
    assert keeper.stop()
    assert all(future.done() for future in futures)
    assert [n for n, _ in seen] == list(range(50))
    assert len({thread for _, thread in seen}) == 1
    assert seen[0][1] != threading.get_ident()
    assert fake.closed
    with pytest.raises(StoreUnavailable, match="closing"):
        keeper.submit(lambda store: None).result()


def test_a_store_that_does_not_open_fails_every_job_with_its_reason() -> None:
    def broken() -> ProgressStore:
        raise StoreError("cannot create /nowhere: Permission denied")

    keeper = ProgressKeeper(broken)
    with pytest.raises(StoreUnavailable, match="Permission denied"):
        keeper.submit(lambda store: 1).result(timeout=5)
    with pytest.raises(StoreUnavailable, match="Permission denied"):
        keeper.submit(lambda store: 2).result(timeout=5)
    assert keeper.stop()


def test_a_failing_job_is_its_askers_problem_not_the_threads() -> None:
    keeper = ProgressKeeper(lambda: FakeStore())  # type: ignore[arg-type,return-value]
    with pytest.raises(ZeroDivisionError):
        keeper.submit(lambda store: 1 / 0).result(timeout=5)
    assert keeper.submit(lambda store: "still here").result(timeout=5) == "still here"
    assert keeper.stop()


def test_due_line_says_what_is_due_now_today_and_this_week_as_stats_does() -> None:
    assert due_content(DueCounts(0, 0, 0)) is None
    assert str(due_content(DueCounts(0, 1, 2))) == "Due for review: 0 now, 1 today, 2 this week"
    assert str(due_content(DueCounts(3, 5, 5))) == due_line(DueCounts(3, 5, 5))


# -- the app ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_store_is_opened_once_and_only_after_the_pack_has_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[bool] = []
    open_store = TrainerApp._open_store

    def spy(self: TrainerApp) -> ProgressStore:
        opened.append(app.pack is not None)
        return open_store(self)

    monkeypatch.setattr(TrainerApp, "_open_store", spy)
    app = make_app(SMALL_PACK, exit_after_first_frame=True)  # as the start-up benchmark runs
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert opened == [] and not progress_db_path().exists()

    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await saved(app)
        await saved(app)
    assert opened == [True]


@pytest.mark.asyncio
async def test_answers_are_saved_as_they_happen() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await start(pilot, "attribution")  # what Dana Lee argued, then who said her words
        assert app.pack is not None
        await answer(pilot, app.pack.item("lee-quote").answer.canonical)
        await saved(app)
        # Saved before the quiz is over, by the app's own connection.
        so_far = await app.progress.ask(lambda store: [a.item_id for a in store.attempts()])
        assert so_far == ["lee-quote"]
        await pilot.press("enter", "f3", "enter")  # skip the second question: a miss
        await settle(pilot)
        assert type(app.screen).__name__ == "ResultsScreen"
    assert stored() == [
        ("lee-quote", "correct", "attribution", False),
        ("lee", "incorrect", "attribution", False),
    ]
    with ProgressStore(progress_db_path()) as store:
        sessions = {a.session for a in store.attempts()}
    assert len(sessions) == 1 and sessions.pop().startswith("app-")


@pytest.mark.asyncio
async def test_i_was_right_marks_the_saved_attempt_overridden_and_rerates_it() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await start(pilot, "attribution")
        await answer(pilot, "Sam Writer")
        await pilot.press("f5")
        await pilot.pause()
        # Closing the app straight away still saves the override.
    assert stored() == [("lee-quote", "incorrect", "attribution", True)]  # what Lee argued
    db = sqlite3.connect(progress_db_path())
    at, due = db.execute(
        "SELECT a.at, c.due FROM attempts a JOIN cards c USING (item_id)"
    ).fetchone()
    db.close()
    # Rated as right (Good: the ten-minute step), not Again (one minute).
    assert datetime.fromisoformat(due) - datetime.fromisoformat(at) >= timedelta(minutes=5)


@pytest.mark.asyncio
async def test_home_shows_what_is_due_after_a_session_with_a_wrong_answer() -> None:
    # A fixed clock at 18:00: run near midnight, a miss due again in minutes is due
    # tomorrow, not today, and the count would rightly differ.
    app = make_app(SMALL_PACK, now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        assert due_text(app) == ""  # no progress yet: the line takes no space
        await start(pilot, "evidence")
        await answer(pilot, "bananas")
        await pilot.press("enter")  # to the results
        await pilot.press("escape")  # home
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        # Missed a minute ago: due again within minutes, not yet.
        assert due_text(app) == "Due for review: 0 now, 1 today, 1 this week"
        db = sqlite3.connect(progress_db_path())
        with db:
            db.execute("UPDATE cards SET due = ?", (LONG_AGO,))
        db.close()
        await pilot.press("f1", "escape")  # back home: counted again
        await settle(pilot)
        assert due_text(app) == "Due for review: 1 now, 1 today, 1 this week"
        assert "Due for review: 1 now" in screen_text(app)


def pack_lines(app: TrainerApp) -> list[str]:
    packs = app.screen.query_one("#packs", OptionList)
    return [str(packs.get_option_at_index(i).prompt) for i in range(packs.option_count)]


@pytest.mark.asyncio
async def test_the_pack_list_says_what_is_due_in_each_pack() -> None:
    with ProgressStore(progress_db_path(), fuzz=False) as store:  # missed long ago, both packs
        when = datetime.fromisoformat(LONG_AGO)
        store.record(attempt("nk-ten-days", "incorrect", at=when))
        store.record(attempt("kursk-no-trade", "incorrect", at=when))
        store.record(attempt("no-such-item", "incorrect", at=when))  # gone from the pack
        store.record(attempt("cost", "incorrect", at=when, pack="school-uniforms"))
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        builtin, *_, given = pack_lines(app)  # the long-range pack first, the given one last
        assert "63 items \u00b7 2 due" in builtin  # not the open pack, still counted
        assert given.endswith("\u00b7 1 due")
        packs = app.screen.query_one("#packs", OptionList)
        assert packs.highlighted == packs.option_count - 1  # recounting kept the open pack

        with ProgressStore(progress_db_path(), fuzz=False) as store:  # reviewed: none due
            store.record(attempt("cost", "correct", pack="school-uniforms", at=datetime.now(UTC)))
        await pilot.press("f1", "escape")  # back home: counted again
        await settle(pilot)
        builtin, *_, given = pack_lines(app)
        assert "2 due" in builtin and "due" not in given


@pytest.mark.asyncio
async def test_review_asks_what_is_due_and_says_so_when_nothing_is() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await pilot.press("m", "end", "enter")  # Review, the last mode
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert any("Nothing in this pack is due" in text for text, _ in notices(app))

        with ProgressStore(progress_db_path(), fuzz=False) as store:  # missed long ago
            missed = attempt("bullying-moves", "incorrect", at=datetime.fromisoformat(LONG_AGO))
            store.record(replace(missed, pack_id="school-uniforms"))
        await pilot.press("enter")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        assert quiz.mode.value == "review" and quiz.sub_title == "Review"
        assert [q.targets for q in quiz.session.questions] == [("bullying-moves",)]
        await pilot.press("f4", "enter")  # gave up: recorded as a review attempt
        await settle(pilot)
    assert stored()[-1] == ("bullying-moves", "incorrect", "review", False)


@pytest.mark.asyncio
async def test_stats_screen_shows_the_figures_the_stats_command_computes() -> None:
    write_history()
    with ProgressStore(progress_db_path()) as store:
        expected = pack_stats(store, load_pack(SMALL_PACK), NOW)
    assert expected is not None
    app = make_app(SMALL_PACK, now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_app(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.stats == expected
        text = screen_text(app)
        assert "8 attempts, 62% right; streak 4 days; 1 marked right by you" in text
        due = DueCounts(expected.due_now, expected.due_today, expected.due_week)
        assert due_line(due) in text
        for line in accuracy_chart(expected.by_day):
            assert line.rstrip() in text
        assert "  0% of 2   Bullies just pick on shoes, bags and…" in text
        assert " 50% of 2   Uniforms reduce bullying." in text
        kinds = screen.query_one("#kinds", DataTable)
        rows = [[str(cell) for cell in kinds.get_row_at(i)] for i in range(kinds.row_count)]
        assert rows[0] == ["Rebuttal", "0/2", "0%"]  # weakest kind first
        assert ["Evidence", "2/2", "100%"] in rows
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


@pytest.mark.asyncio
async def test_stats_from_the_palette_says_when_there_is_nothing_yet() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        [best, *_] = [hit async for hit in TrainerCommands(app.screen).search("stats")]
        assert best.text == "Progress and stats"
        best.command()  # what Enter on it in the palette does
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert "No attempts yet" in screen_text(app)


@pytest.mark.asyncio
async def test_a_damaged_progress_file_is_moved_aside_with_a_warning() -> None:
    path = progress_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database, whatever it once was\n" * 200)
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await saved(app)
        await settle(pilot)
        [(text, severity)] = [n for n in notices(app) if "progress file" in n[0]]
        assert severity == "warning" and "moved to progress.sqlite3.unreadable-" in text
        await start(pilot, "evidence")
        await answer(pilot, "bananas")
        await settle(pilot)
    assert [item for item, *_ in stored()] == ["survey"]
    [moved] = Path(path.parent).glob("progress.sqlite3.unreadable-*")
    assert moved.read_bytes().startswith(b"not a database")


@pytest.mark.asyncio
async def test_a_failed_save_is_a_notice_and_the_quiz_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(self: ProgressStore, attempt: object, standing_on: object = ()) -> None:
        raise StoreError("could not save the attempt: database or disk is full")

    monkeypatch.setattr(ProgressStore, "record", full_disk)
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await start(pilot, "attribution")
        await answer(pilot, "Sam Writer")
        await saved(app)
        await settle(pilot)
        failures = [n for n in notices(app) if "not saved from here on" in n[0]]
        assert len(failures) == 1 and failures[0][1] == "error"
        assert "disk is full" in failures[0][0]
        await pilot.press("enter", "f3", "enter")  # the quiz goes on, to its results
        await settle(pilot)
        assert type(app.screen).__name__ == "ResultsScreen"
        assert len([n for n in notices(app) if "not saved" in n[0]]) == 1  # said once


@pytest.mark.asyncio
async def test_a_store_that_cannot_be_opened_is_a_notice_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "a-file"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DEBATE_TRAINER_HOME", str(home))
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await settle(pilot)
        assert any("not saved this time" in text for text, _ in notices(app))
        await pilot.press("m", "end", "enter")  # review needs the store: a notice
        await settle(pilot)
        assert any("Review needs your progress file" in text for text, _ in notices(app))
        await start(pilot, "evidence")
        await answer(pilot, "bananas")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ResultsScreen"


@pytest.mark.asyncio
async def test_a_wrong_answer_to_name_the_premises_is_saved_with_its_words() -> None:
    # Issue 13, item 9: wrong answers in a question that takes several answers were dropped.
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        quiz = await start(pilot, "premises")
        await pilot.press("f3", "enter")  # skip the thesis: on to the premises
        await settle(pilot)
        assert quiz._question is not None and quiz._question.kind == "premises"
        await answer(pilot, "bananas are yellow")
        await pilot.press("f4")
        await saved(app)
    with ProgressStore(progress_db_path()) as store:
        kept = [(a.kind, a.outcome) for a in store.attempts() if a.answer == "bananas are yellow"]
    assert kept == [("premises", "incorrect")]
