"""The app keeps answering keys while slow work runs: grading, big packs, crafted passages.

Each test holds the slow work on purpose (a grader that waits for the test, a pack of
thousands of items, an article made to stall a naive search) and checks that keys still do
what they should meanwhile, and that a heartbeat on the UI thread never stops for long.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest
from textual.app import App
from textual.widgets import Input

from tests.conftest import SMALL_PACK
from tests.tui.conftest import graded, make_app, open_app, settle
from trainer.packs.model import Item, Pack
from trainer.quiz.protocols import GraderLike, VerdictLike
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.widgets.feedback import FeedbackPanel

pytestmark = pytest.mark.asyncio

UI_STALL_LIMIT = 0.1
"""The longest the UI thread may go without running its event loop (seconds)."""


class Heartbeat:
    """Ticks on the UI thread every 10 ms and keeps the longest gap between two ticks."""

    def __init__(self, app: App[object]) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = app.set_interval(0.01, self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


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


async def test_a_slow_grade_leaves_the_app_answering_keys() -> None:
    graders: list[HeldGrader] = []

    def held(pack: Pack) -> HeldGrader:
        graders.append(HeldGrader(pack))
        return graders[-1]

    app = make_app(SMALL_PACK, grader=held)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        app.start_quiz("attribution")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        (grader,) = graders
        field = quiz.query_one("#answer", Input)
        field.value = "Dana Lee"
        await pilot.press("enter")
        assert await _wait(grader.started), "the answer was never graded"
        beat = Heartbeat(app)
        # The grader is stuck; the app is not.
        await pilot.press(*"next")
        assert field.value == "next"  # typing goes on
        assert field.placeholder.startswith("Grading")
        await pilot.press("f2", "f3", "f4")  # hint, skip, give up: held back, not lost work
        assert quiz.check_action("hint", ()) is None
        assert quiz.session.records[0].hints == 0
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.current_theme.dark is not dark  # an app key works while grading
        await pilot.press("ctrl+t")
        await pilot.pause(0.2)
        assert quiz.query_one(FeedbackPanel).verdict_shown.plain == ""  # still grading
        longest = beat.stop()
        grader.release.set()
        await graded(pilot)
        assert quiz.query_one(FeedbackPanel).verdict_shown.plain.startswith("\u2714 Correct")
        assert not quiz.grading and quiz.awaiting_next  # the question ended: on to the next
        assert grader.threads and "MainThread" not in grader.threads
        assert longest < UI_STALL_LIMIT, f"the UI thread stalled for {longest:.3f} s"


async def test_ending_the_quiz_while_grading_keeps_the_answer() -> None:
    graders: list[HeldGrader] = []

    def held(pack: Pack) -> HeldGrader:
        graders.append(HeldGrader(pack))
        return graders[-1]

    app = make_app(SMALL_PACK, grader=held)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        app.start_quiz("attribution")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        quiz.query_one("#answer", Input).value = "Dana Lee"
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
        assert quiz.summary.totals["outcomes"]["correct"] == 1  # that answer counted


async def _wait(event: threading.Event, seconds: float = 5.0) -> bool:
    import asyncio

    deadline = time.perf_counter() + seconds
    while not event.is_set() and time.perf_counter() < deadline:
        await asyncio.sleep(0.01)
    return event.is_set()
