"""Pack texts and typed answers are shown as plain text: markup, links and control
characters in them are displayed literally and do nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from tests.tui.conftest import graded, make_app, open_app, screen_text, settle, study_settled
from trainer.packs.loader import load_pack
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.screens.study import StudyScreen

pytestmark = pytest.mark.asyncio

LINK = "[@click=app.quit]click me[/]"


async def test_markup_in_a_pack_is_shown_literally_everywhere(hostile_pack: Path) -> None:
    app = make_app(hostile_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_app(pilot)
        home = screen_text(app)
        assert "[@click=app.quit]Quit[/] [red]title" in home  # pack list, about, title bar
        # Clicking on the would-be link does nothing.
        await pilot.click("#pack-info", offset=(3, 1))
        await pilot.pause()
        assert app.is_running and app.return_code is None

        await pilot.press("s")
        await study_settled(pilot)
        study = app.screen
        assert isinstance(study, StudyScreen)
        tree_cost = [
            line for line in screen_text(app).splitlines() if "Uniforms cost money" in line
        ]
        assert tree_cost and "[@click=app.bell]Uniforms cost money[/]" in tree_cost[0]
        await pilot.press("down", "down", "down")  # thesis, its quote, the premise
        await pilot.pause()
        detail = study.query_one("#detail-text")
        shown = screen_text(app)
        assert f"[bold red]Cost[/] {LINK}" in shown
        assert "[link=https://x.invalid]l[/]" in shown
        await pilot.click(detail, offset=(20, 1))
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_typed_answers_and_prompts_are_echoed_literally(hostile_pack: Path) -> None:
    app = make_app(hostile_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_app(pilot)
        app.start_quiz("evidence")  # asks for the figure behind the hostile premise
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert "[@click=app.bell]Uniforms cost money[/]" in screen_text(app)
        typed = "[@click=app.quit]300[/] [red]pounds"
        await pilot.press(*typed, "enter")
        await graded(pilot)
        shown = screen_text(app)
        assert f"You wrote: {typed}" in shown
        await pilot.click("#feedback", offset=(14, 1))
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_control_characters_are_made_visible_not_sent() -> None:
    pack = load_pack(SMALL_PACK)
    items = tuple(
        dataclasses.replace(item, text="Bell\x07 and \x1b[31mred\x1b[0m")
        if item.id == "cost"
        else item
        for item in pack.items
    )
    hostile = dataclasses.replace(pack, items=items, _by_id={}, title="T\x1b]0;pwned\x07")
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_app(pilot)
        app.pack = hostile
        app.push_screen(StudyScreen(hostile))
        await pilot.pause()
        await pilot.press("down", "down", "down")
        await pilot.pause()
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        assert "Bell\\x07 and \\x1b[31mred\\x1b[0m" in shown
        assert "T\\x1b]0;pwned\\x07" in shown  # the title bar
