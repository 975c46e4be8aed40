"""A timed round in the app, as a student meets it at 80x24: the clock counting down, time
running out, saying how sure before the verdict, and the flow sheet at the end.

A hand-set clock drives the session, so the clock on screen and the engine's late marks
move only when the test moves them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import SMALL_PACK
from tests.tui.conftest import graded, make_app, open_app, screen_text, settle
from trainer.confidence import Confidence
from trainer.quiz.events import ClockEvent, VerdictEvent
from trainer.tui.app import TrainerApp
from trainer.tui.screens.flow_sheet import FlowSheetScreen
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.settings import Settings
from trainer.tui.widgets.confidence_prompt import ConfidencePrompt
from trainer.tui.widgets.round_clock import READ_EVERY

pytestmark = pytest.mark.asyncio


class HandClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@asynccontextmanager
async def round_of(
    clock: HandClock, *, ask: bool = True, seconds: int = 30
) -> Iterator[Pilot[object]]:  # type: ignore[misc]
    settings = Settings(ask_confidence=ask, spar_seconds=seconds)
    app = make_app(SMALL_PACK, clock=clock, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        app.start_quiz("spar")
        await settle(pilot)
        yield pilot


def quiz_of(pilot: Pilot[object]) -> QuizScreen:
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen), screen
    return screen


def model_answer(pilot: Pilot[object]) -> str:
    quiz = quiz_of(pilot)
    assert quiz.session is not None and quiz.session.current is not None
    return quiz.pack.item(quiz.session.current.targets[0]).answer.canonical


async def read_clock(pilot: Pilot[object]) -> None:
    await pilot.pause(READ_EVERY * 2)
    await pilot.pause()


async def enter(pilot: Pilot[object], text: str) -> None:
    quiz_of(pilot).query_one("#answer", Input).value = text
    await pilot.press("enter")
    await pilot.pause()


def last_verdict(pilot: Pilot[object]) -> VerdictEvent:
    session = quiz_of(pilot).session
    assert session is not None
    return [e for e in session.events if isinstance(e, VerdictEvent)][-1]


async def test_the_clock_counts_down_runs_out_and_the_late_answer_counts_half() -> None:
    clock = HandClock()
    async with round_of(clock) as pilot:
        assert "Clock 30 s of 30" in screen_text(pilot.app)
        clock.now += 12.5
        await read_clock(pilot)
        assert "Clock 18 s of 30" in screen_text(pilot.app)
        clock.now += 20
        await read_clock(pilot)
        assert "Time is up: answer now and it counts half" in screen_text(pilot.app)
        session = quiz_of(pilot).session
        assert session is not None
        clocks = [e.state.value for e in session.events if isinstance(e, ClockEvent)]
        assert clocks[-1] == "expired"

        await enter(pilot, model_answer(pilot))
        assert "How sure are you?" in screen_text(pilot.app)
        await pilot.press("4")
        await graded(pilot)
        verdict = last_verdict(pilot)
        assert verdict.late and verdict.confidence is Confidence.CERTAIN
        assert str(verdict.verdict.outcome) == "correct"
        assert "50/100" in screen_text(pilot.app)  # half marks, on the status line


async def test_reading_the_last_result_costs_the_next_point_no_time() -> None:
    clock = HandClock()
    async with round_of(clock, ask=False) as pilot:
        await enter(pilot, model_answer(pilot))
        await graded(pilot)
        clock.now += 45  # reading the result, longer than a point's time
        await read_clock(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Clock 30 s of 30" in screen_text(pilot.app)
        await enter(pilot, model_answer(pilot))
        await graded(pilot)
        assert not last_verdict(pilot).late


async def test_saying_how_sure_is_one_key_enter_skips_and_backspace_edits() -> None:
    clock = HandClock()
    async with round_of(clock) as pilot:
        quiz = quiz_of(pilot)
        await enter(pilot, "uniforms are ugly")
        prompt = quiz.query_one(ConfidencePrompt)
        assert prompt.display and prompt.has_focus
        assert quiz.query_one("#answer", Input).disabled  # the key cannot land in the box
        assert quiz.check_action("skip", ()) is None  # nothing else touches the session
        await pilot.press("backspace")
        assert not prompt.display
        answer = quiz.query_one("#answer", Input)
        assert answer.value == "uniforms are ugly" and answer.has_focus
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # skips saying how sure
        await graded(pilot)
        verdict = last_verdict(pilot)
        assert verdict.confidence is None and verdict.answer == "uniforms are ugly"


async def test_the_flow_sheet_shows_each_point_and_drills_the_missed_ones() -> None:
    clock = HandClock()
    async with round_of(clock, ask=False) as pilot:
        first = model_answer(pilot)
        await enter(pilot, first)
        await graded(pilot)
        await pilot.press("enter")
        await settle(pilot)
        clock.now += 7
        await enter(pilot, "uniforms are ugly")
        await graded(pilot)
        await pilot.press("enter")  # past the last result
        await settle(pilot)
        screen = pilot.app.screen
        if isinstance(screen, QuizScreen):  # the last verdict may still be overridden
            await pilot.press("enter")
            await settle(pilot)
        sheet = pilot.app.screen
        assert isinstance(sheet, FlowSheetScreen), sheet
        text = screen_text(pilot.app)
        assert "Spar round" in text and "2 points at 30 s each, 0 answered late" in text
        assert "1. " in text and "2. " in text
        assert "You: uniforms are ugly" in text
        assert "To drill (d):" in text
        missed = sheet.sheet.drill
        assert len(missed) == 1
        await pilot.press("d")
        await settle(pilot)
        again = quiz_of(pilot)
        assert again.session is not None and again.sub_title == "Spar drill"
        assert [q.subject for q in again.session.questions] == list(missed)


async def test_settings_off_means_no_question_before_the_verdict() -> None:
    clock = HandClock()
    async with round_of(clock, ask=False) as pilot:
        await enter(pilot, "uniforms are ugly")
        await graded(pilot)
        assert not quiz_of(pilot).query_one(ConfidencePrompt).display
        assert isinstance(pilot.app, TrainerApp)
        assert last_verdict(pilot).confidence is None
