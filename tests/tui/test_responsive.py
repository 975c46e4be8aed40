"""The app keeps answering keys while slow work runs: grading, big packs, crafted passages.

Each test holds the slow work on purpose (a grader that waits for the test, a pack of
thousands of items, an article made to stall a naive search) and checks that keys still do
what they should meanwhile, and that a heartbeat on the UI thread never stops for long.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Sequence

import pytest
from textual.app import App
from textual.widgets import Input

from tests.conftest import SMALL_PACK
from tests.tui.conftest import generated_pack, graded, make_app, open_app, settle, study_settled
from trainer.packs.model import Item, Pack
from trainer.quiz.protocols import GraderLike, VerdictLike
from trainer.tui.app import TrainerApp
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.widgets.feedback import FeedbackPanel
from trainer.tui.widgets.item_detail import ItemDetail

pytestmark = pytest.mark.asyncio

UI_STALL_LIMIT = 0.1
"""The most CPU time the UI thread may spend between two turns of its event loop (s)."""
UI_WAIT_LIMIT = 1.0
"""The longest the UI thread may go between turns in wall time (s): generous, because the
machine is shared and the process can be descheduled, but a UI thread that waited on a slow
grader (10 s here) or searched an article for 28 s would break it."""


class Heartbeat:
    """Ticks on the UI thread every 10 ms and keeps the longest gap between two ticks, in
    wall time and in the UI thread's own CPU time (which load on the machine does not add to:
    only work done on the UI thread does)."""

    def __init__(self, app: App[object]) -> None:
        # What earlier tests left on the heap is set aside, so a full collection of it (0.15 s
        # late in the suite) is not charged to the work under test.
        gc.collect()
        gc.freeze()
        self.last = (time.perf_counter(), time.thread_time())
        self.longest = 0.0
        self.busiest = 0.0
        self.timer = app.set_interval(0.01, self._tick)

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())
        self.longest = max(self.longest, now[0] - self.last[0])
        self.busiest = max(self.busiest, now[1] - self.last[1])
        self.last = now

    def stop(self) -> tuple[float, float]:
        """(longest wall gap, longest CPU gap) in seconds."""
        self._tick()
        self.timer.stop()
        gc.unfreeze()
        return self.longest, self.busiest


def assert_responsive(gaps: tuple[float, float]) -> None:
    longest, busiest = gaps
    assert busiest < UI_STALL_LIMIT, f"the UI thread worked {busiest:.3f} s without a break"
    assert longest < UI_WAIT_LIMIT, f"the UI thread stalled for {longest:.3f} s"


class HeldGrader:
    """The real grader, but each grade waits until the test lets it go (a slow grader)."""

    def __init__(self, pack: Pack) -> None:
        from trainer.grading import grader_for

        self.real: GraderLike = grader_for(pack)
        self.started = threading.Event()
        self.release = threading.Event()
        self.threads: list[str] = []

    def _hold(self) -> None:
        self.threads.append(threading.current_thread().name)
        self.started.set()
        assert self.release.wait(10), "the test never released the grader"

    def grade(self, answer: str, item: Item) -> VerdictLike:
        self._hold()
        return self.real.grade(answer, item)

    def grade_best(self, answer: str, candidates: Sequence[Item]) -> VerdictLike:
        self._hold()
        return self.real.grade_best(answer, candidates)


def held_app() -> tuple[TrainerApp, list[HeldGrader]]:
    """An app whose quizzes grade with a `HeldGrader`, and the graders it has made."""
    graders: list[HeldGrader] = []

    def held(pack: Pack) -> HeldGrader:
        graders.append(HeldGrader(pack))
        return graders[-1]

    return make_app(SMALL_PACK, grader=held), graders


async def test_a_slow_grade_leaves_the_app_answering_keys() -> None:
    app, graders = held_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        app.start_quiz("attribution")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        (grader,) = graders
        field = quiz.query_one("#answer", Input)
        field.value = "Uniforms don't help children learn."  # what Dana Lee argued
        await pilot.press("enter")
        assert await _wait(grader.started), "the answer was never graded"
        beat = Heartbeat(app)
        # The grader is stuck; the app is not.
        await pilot.press(*"next")
        assert field.value == "next"  # typing goes on
        await pilot.pause(0.15)  # a grade that takes a while says so
        assert field.placeholder.startswith("Grading")
        await pilot.press("f2", "f3", "f4")  # hint, skip, give up: held back, not lost work
        assert quiz.check_action("hint", ()) is None
        assert quiz.session.records[0].hints == 0
        typing = beat.stop()
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.current_theme.dark is not dark  # an app key works while grading
        await pilot.press("ctrl+t")
        # Switching the theme restyles every widget, work the student asked for and the same
        # with or without a grade pending (near 0.1 s of CPU on a loaded machine): the
        # heartbeat times the waiting on either side of it, which a UI thread stuck on the
        # grader would stretch to the grader's whole time.
        beat = Heartbeat(app)
        await pilot.pause(0.2)
        assert quiz.query_one(FeedbackPanel).verdict_shown.plain == ""  # still grading
        waiting = beat.stop()
        gaps = (max(typing[0], waiting[0]), max(typing[1], waiting[1]))
        grader.release.set()
        await graded(pilot)
        assert quiz.query_one(FeedbackPanel).verdict_shown.plain.startswith("\u2714 Correct")
        assert not quiz.grading and quiz.awaiting_next  # the question ended: on to the next
        assert grader.threads and "MainThread" not in grader.threads
        assert_responsive(gaps)


async def test_a_wrong_answer_leaves_the_box_with_only_what_was_typed_after_it() -> None:
    app, graders = held_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        app.start_quiz("premises")  # a recall question: a wrong name leaves it open
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        field = quiz.query_one("#answer", Input)
        (grader,) = graders
        grader.release.set()  # the opening question (the thesis) is graded at once
        field.value = app.pack.item("thesis").answer.canonical  # type: ignore[union-attr]
        await pilot.press("enter")
        await graded(pilot)
        await pilot.press("enter")  # on to "name the premises"
        await pilot.pause()
        grader.release.clear()
        grader.started.clear()
        field.value = "bananas"
        await pilot.press("enter")
        assert await _wait(grader.started)
        await pilot.press(*"Dana")  # the next try, typed before the verdict is back
        assert field.value == "Dana"
        grader.release.set()
        await graded(pilot)
        assert quiz.query_one(FeedbackPanel).verdict_shown.plain.startswith("\u2718 Not right")
        assert not quiz.awaiting_next  # the question is still open
        assert field.value == "Dana"  # the graded answer is gone, the new try is kept
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"kiwis")
        await pilot.press("enter")  # the grader is let go now: this one is graded at once
        await graded(pilot)
        assert field.value == ""  # a graded answer leaves the box


async def test_ending_the_quiz_while_grading_keeps_the_answer() -> None:
    app, graders = held_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        app.start_quiz("attribution")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        quiz.query_one("#answer", Input).value = "Uniforms don't help children learn."
        await pilot.press("enter")
        assert await _wait(graders[0].started)
        await pilot.press("escape")  # End quiz? ...
        await pilot.pause()
        await pilot.press("y")  # ... yes, while the answer is still being graded
        await pilot.pause()
        assert quiz.summary is None  # the quiz waits for the grade in hand
        graders[0].release.set()
        await settle(pilot)
        assert quiz.summary is not None
        assert quiz.summary.totals.outcomes["correct"] == 1  # that answer counted


async def _wait(event: threading.Event, seconds: float = 5.0) -> bool:
    import asyncio

    deadline = time.perf_counter() + seconds
    while not event.is_set() and time.perf_counter() < deadline:
        await asyncio.sleep(0.01)
    return event.is_set()


def _crafted_pack() -> Pack:
    """The small pack with an 800 KB article of "a a a ..." and passages made to stall a
    backtracking search: 3,000 "a" then "... b", and "straße" against "strasse"."""
    import dataclasses

    from trainer.packs.loader import load_pack

    pack = load_pack(SMALL_PACK)
    article = "a " * 400_000 + "\n\n" + "strasse " * 20_000
    crafted = {
        "thesis": " ".join(["a"] * 3000) + " ... b",
        "cost": "stra\u00dfe " * 3000 + "x",
        "bullying": "a a strasse",  # there, across the two parts: found and shown
    }
    items = tuple(
        dataclasses.replace(item, passage=crafted.get(item.id, item.passage)) for item in pack
    )
    return dataclasses.replace(pack, items=items, _by_id={}, source_text=article)


async def test_a_crafted_passage_never_blocks_the_study_screen() -> None:
    from trainer.tui.screens.study import StudyScreen
    from trainer.tui.widgets.argument_map import ArgumentMap

    crafted = _crafted_pack()
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_app(pilot)
        beat = Heartbeat(app)
        await app.push_screen(StudyScreen(crafted))
        for _ in range(200):  # the map is built and the article folded on a worker
            await pilot.pause(0.02)
            screen = app.screen
            if isinstance(screen, StudyScreen) and screen.ready:
                break
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.ready
        tree = screen.query_one(ArgumentMap)
        seen: dict[str, str] = {}
        for _ in range(tree.row_count):  # every item's details, passages searched
            await pilot.pause()  # the cursor's item reaches the details pane
            item_id = tree.cursor_item
            if item_id in ("thesis", "cost", "bullying"):
                seen[item_id] = screen.query_one(ItemDetail).shown.plain
            await pilot.press("down")
        await pilot.press("escape")
        await pilot.pause()
        gaps = beat.stop()
        assert type(app.screen).__name__ == "HomeScreen"  # Escape answered at once
    # Not found, so shown as the pack gives it, cut short: the pane stays quick to draw.
    assert "a a a" in seen["thesis"] and seen["thesis"].endswith("\u2026")
    assert "stra\u00dfe stra\u00dfe" in seen["cost"] and seen["cost"].endswith("\u2026")
    assert "a a strasse" in " ".join(seen["bullying"].split())  # found across the paragraphs
    assert_responsive(gaps)


KEY_LIMIT = 1.0
"""The longest a key may take to be handled while the map of a big pack fills (s): generous,
as the machine is shared, but the Tree this map replaced stopped the UI for seconds."""


async def test_a_big_pack_s_map_fills_while_keys_are_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """10,000 items: the map is prepared on a worker, held here until keys have been typed so
    that they are typed while it fills, then shown, searched and cleared, the UI answering."""
    from trainer.tui.screens import study
    from trainer.tui.widgets.argument_map import ArgumentMap

    go = threading.Event()
    real_prepare = study.prepare

    def held_prepare(pack: Pack) -> study.StudyMap:
        assert go.wait(10), "the test never let the map be built"
        return real_prepare(pack)

    monkeypatch.setattr(study, "prepare", held_prepare)
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        big = generated_pack(10_000)  # the test's own setup: not the app's work to time
        beat = Heartbeat(app)
        await app.push_screen(study.StudyScreen(big))
        screen = app.screen
        assert isinstance(screen, study.StudyScreen)
        slowest = 0.0
        for key in ("down", "slash", *"number 9999", "release", "enter", "down", "up"):
            if key == "release":
                assert screen.query_one("#search", Input).value == "number 9999"
                assert not screen.ready  # typed while the map was still to be built
                go.set()
                continue
            began = time.perf_counter()
            await pilot.press(key)
            slowest = max(slowest, time.perf_counter() - began)
        await study_settled(pilot)  # built, then filtered by what was typed meanwhile
        tree = screen.query_one(ArgumentMap)
        assert tree.shown_item_ids() == {"", "p9998", "p9999"} and tree.has_focus
        await pilot.press("down")
        assert "Report 9999 supports premise 9998." in screen.query_one(ItemDetail).shown.plain
        await pilot.press("slash", "escape")  # the whole map again
        await study_settled(pilot)
        assert tree.row_count == 10_002 and tree.cursor_item == "thesis"
        await pilot.press("tab", "end")
        gaps = beat.stop()
        assert tree.has_focus and tree.cursor_item == "p9999"
    assert slowest < KEY_LIMIT, f"a key took {slowest:.3f} s while the map filled"
    assert_responsive(gaps)
