"""The study screen: the argument map, the details pane, and searching."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.conftest import SMALL_PACK
from tests.tui.conftest import make_app, open_app, screen_text, study_settled
from trainer.tui.outline import VOCABULARY
from trainer.tui.screens.study import StudyScreen
from trainer.tui.widgets.argument_map import ArgumentMap
from trainer.tui.widgets.item_detail import ItemDetail

pytestmark = pytest.mark.asyncio


def detail_text(screen: StudyScreen) -> str:
    return screen.query_one(ItemDetail).shown.plain


async def test_study_shows_the_map_and_the_first_item() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_app(pilot)
        await pilot.press("s")
        await study_settled(pilot)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        tree = screen.query_one(ArgumentMap)
        assert tree.has_focus
        assert tree.cursor_item == "thesis"
        text = screen_text(app)
        for heading in ("Thesis", "Premises", "Counterarguments", "The other side", "People"):
            assert heading in text
        detail = detail_text(screen)
        assert "Model answer" in detail
        assert "Uniforms should not be compulsory in schools." in detail
        assert "Also accepted" in detail and "uniforms should be optional" in detail
        assert "Key concepts" in detail and "uniform / uniforms / dress code" in detail
        assert "In the article" in detail
        assert "Schools should not make uniforms compulsory." in detail


async def test_moving_through_the_map_shows_each_item_with_its_passage() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_app(pilot)
        await pilot.press("s")
        await study_settled(pilot)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        tree = screen.query_one(ArgumentMap)
        seen = []
        for _ in range(tree.row_count):
            item_id = tree.cursor_item
            if item_id:
                seen.append(item_id)
                if item_id == "bullying-moves":
                    detail = detail_text(screen)
                    assert "Rebuttal" in detail
                    assert "Answers the counterargument" in detail
                    assert "bullies simply move on to shoes, bags and\nphones." in detail
                if item_id == "equality":
                    assert "Not from the article" in detail_text(screen)
                if item_id == VOCABULARY:
                    assert "Before grading, every answer is read this way" in detail_text(screen)
            await pilot.press("down")
        assert seen[0] == "thesis"
        assert set(seen) == {item.id for item in screen.pack} | {VOCABULARY}
        text = screen_text(app)
        assert "How answers are read" in text  # the pack's vocabulary, last
        assert "optional, voluntary = not compulsory" in text


async def test_search_filters_the_map_and_escape_clears_it() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_app(pilot)
        await pilot.press("s", "slash", *"phones")
        await study_settled(pilot)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        tree = screen.query_one(ArgumentMap)
        shown = tree.shown_item_ids() - {""}
        assert shown == {"bullying", "bullying-moves", "equality", "equality-reply"}
        assert tree.cursor_item == "bullying"
        await pilot.press("enter")
        assert tree.has_focus
        await pilot.press("slash", "escape")
        await study_settled(pilot)
        assert screen.query_one("#search", Input).value == ""
        assert len(tree.shown_item_ids() - {"", VOCABULARY}) == len(screen.pack)
        screen.query_one("#search", Input).value = "mandatory"  # vocabulary lines match too
        await study_settled(pilot)
        assert tree.shown_item_ids() - {""} == {"thesis", VOCABULARY}
        await pilot.press("slash", *"zzzz")
        await study_settled(pilot)
        assert "Nothing in this pack matches" in detail_text(screen)
        await pilot.press("escape", "escape")  # clear the search, then leave
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
