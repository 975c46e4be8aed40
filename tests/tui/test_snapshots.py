"""Snapshots of every screen at 80x24 (the smallest supported) and at 120x40; the stats
screen, whose layout does not change with the size, at 80x24 only.

Textual is pinned exactly in pyproject.toml, so a changed snapshot means the app changed.
Update them with `pytest tests/tui/test_snapshots.py --snapshot-update`, after looking at
the report (the snapshots are SVG files in __snapshots__/).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import SMALL_PACK
from tests.tui.conftest import (
    BUILTIN_PACK,
    NOW,
    graded,
    make_app,
    open_app,
    settle,
    study_settled,
    write_history,
)
from trainer.tui.app import TrainerApp
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.settings import Settings

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

Snap = Callable[..., bool]


async def _steady_cursor(pilot: Pilot[object]) -> None:
    """No text cursor in the picture: whether it is drawn depends on the blink phase and on
    focus returning after Enter, both timing, so a snapshot with it would differ run to run."""
    field = pilot.app.screen.query_one("#answer", Input)
    field.cursor_blink = False
    pilot.app.screen.set_focus(None)
    await pilot.pause()
    assert not field.has_focus


async def _home(pilot: Pilot[object]) -> None:
    await open_app(pilot)


async def _study(pilot: Pilot[object]) -> None:
    await open_app(pilot)
    await pilot.press("s")
    await study_settled(pilot)
    await pilot.press("down", "down", "down")
    await pilot.pause()


async def _past_the_thesis(pilot: Pilot[object]) -> None:
    """Premises mode opens by asking for the thesis: state it and go on to the premises."""
    await pilot.press("m", "home", "enter")
    await settle(pilot)
    quiz = pilot.app.screen
    assert isinstance(quiz, QuizScreen) and quiz.session is not None
    quiz.apply(quiz.session.answer(quiz.pack.item("thesis").answer.canonical))
    quiz.action_next()
    await pilot.pause()
    assert quiz.session.current is not None and quiz.session.current.id == "premises:thesis"


async def _quiz(pilot: Pilot[object]) -> None:
    """The premises question after a hint and a partly right answer."""
    await open_app(pilot)
    await _past_the_thesis(pilot)
    await pilot.press("f2")
    await pilot.press(*"families", "enter")
    await graded(pilot)
    await _steady_cursor(pilot)


async def _checklist(pilot: Pilot[object]) -> None:
    """The built-in pack's premises, two of them named."""
    await open_app(pilot)
    await _past_the_thesis(pilot)
    quiz = pilot.app.screen
    assert isinstance(quiz, QuizScreen) and quiz.session is not None
    question = quiz.session.current
    assert question is not None
    for target in question.targets[:2]:
        answer = quiz.pack.item(target).answer.canonical
        quiz.query_one("#answer", Input).value = answer
        await pilot.press("enter")
        await graded(pilot)
    await settle(pilot)
    await _steady_cursor(pilot)


async def _results(pilot: Pilot[object]) -> None:
    """A mixed session: right answers, wrong ones, a hint, skips and give-ups.

    Driven through the screen's own methods rather than keys (the quiz tests press the
    keys): typing through Pilot is slow, and this test is about how the results look.
    """
    await open_app(pilot)
    app = pilot.app
    assert isinstance(app, TrainerApp)
    app.start_quiz("mixed")
    await settle(pilot)
    plan = ["right", "hint+give up", "skip", "wrong", "right", "give up", "skip", "right"]
    plan += ["wrong", "right"]
    for step in plan:
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        session = quiz.session
        question = session.current
        assert question is not None
        if step == "right":
            quiz.apply(session.answer(quiz.pack.item(question.targets[0]).answer.canonical))
        elif step == "wrong":
            quiz.apply(session.answer("bananas"))
        elif step == "skip":
            quiz.apply(session.skip())
        else:
            if "hint" in step:
                quiz.apply(session.hint())
            quiz.apply(session.give_up())
        if not quiz.awaiting_next:  # a recall question stays open after a wrong answer
            quiz.apply(session.give_up())
        quiz.action_next()
    await pilot.pause()
    assert type(app.screen).__name__ == "ResultsScreen"


class _StoppedClock:
    """A spar round's clock that never moves: the picture shows the same time every run."""

    def __call__(self) -> float:
        return 100.0


async def _spar_asks_how_sure(pilot: Pilot[object]) -> None:
    """A spar point with its clock, an answer entered, and the one key asked before the
    verdict."""
    await open_app(pilot)
    app = pilot.app
    assert isinstance(app, TrainerApp)
    app.start_quiz("spar")
    await settle(pilot)
    app.screen.query_one("#answer", Input).value = "uniforms are ugly"
    await pilot.press("enter")
    await pilot.pause()


async def _flow_sheet(pilot: Pilot[object]) -> None:
    """A spar round's flow sheet: one point answered right, one wrong."""
    await open_app(pilot)
    app = pilot.app
    assert isinstance(app, TrainerApp)
    app.start_quiz("spar")
    await settle(pilot)
    for answer in ("right", "uniforms are ugly"):
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        question = quiz.session.current
        assert question is not None
        if answer == "right":
            answer = quiz.pack.item(question.targets[0]).answer.canonical
        quiz.apply(quiz.session.answer(answer))
        quiz.action_next()
    quiz = app.screen
    if isinstance(quiz, QuizScreen):  # the last verdict could still be overridden
        quiz.action_next()
    await settle(pilot)
    assert type(app.screen).__name__ == "FlowSheetScreen"


async def _stats(pilot: Pilot[object]) -> None:
    await open_app(pilot)
    await pilot.press("t")
    await settle(pilot)


async def _help(pilot: Pilot[object]) -> None:
    await open_app(pilot)
    await pilot.press("f1")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SMALL_PACK), terminal_size=size, run_before=_home)


@pytest.mark.parametrize("size", SIZES)
def test_study(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SMALL_PACK), terminal_size=size, run_before=_study)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_feedback(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SMALL_PACK), terminal_size=size, run_before=_quiz)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_checklist(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(BUILTIN_PACK), terminal_size=size, run_before=_checklist)


@pytest.mark.parametrize("size", SIZES)
def test_results(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SMALL_PACK), terminal_size=size, run_before=_results)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Snap, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(SMALL_PACK), terminal_size=size, run_before=_help)


def test_stats(snap_compare: Snap) -> None:
    """Fixed attempts at fixed times, and a fixed today: the chart ends on `NOW`."""
    write_history()
    app = make_app(SMALL_PACK, now=lambda: NOW)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_stats)


@pytest.mark.parametrize("size", SIZES)
def test_spar_asks_how_sure(snap_compare: Snap, size: tuple[int, int]) -> None:
    app = make_app(SMALL_PACK, clock=_StoppedClock(), settings=Settings(ask_confidence=True))
    assert snap_compare(app, terminal_size=size, run_before=_spar_asks_how_sure)


@pytest.mark.parametrize("size", SIZES)
def test_flow_sheet(snap_compare: Snap, size: tuple[int, int]) -> None:
    app = make_app(SMALL_PACK, clock=_StoppedClock())
    assert snap_compare(app, terminal_size=size, run_before=_flow_sheet)
