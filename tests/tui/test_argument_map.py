"""The Study screen's argument map as a student uses it at 80x24: the cursor, opening and
closing branches, searching, the mouse, and pack text that looks like markup."""

from __future__ import annotations

import dataclasses

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import generated_pack, make_app, open_app, screen_text, study_settled
from trainer.packs.model import Pack
from trainer.tui.screens.study import StudyScreen
from trainer.tui.widgets.argument_map import ArgumentMap
from trainer.tui.widgets.item_detail import ItemDetail

pytestmark = pytest.mark.asyncio

SIZE = (80, 24)


async def open_study(pilot: Pilot[object], pack: Pack) -> tuple[StudyScreen, ArgumentMap]:
    await open_app(pilot)
    pilot.app.push_screen(StudyScreen(pack))
    await study_settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen)
    return screen, screen.query_one(ArgumentMap)


def detail(screen: StudyScreen) -> str:
    return screen.query_one(ItemDetail).shown.plain


def row_text(tree: ArgumentMap, row: int) -> str:
    """What the map draws on `row`, which must be on screen."""
    return tree.render_line(row - round(tree.scroll_offset.y)).text


def on_screen(tree: ArgumentMap, row: int) -> bool:
    top = round(tree.scroll_offset.y)
    return top <= row < top + tree.scrollable_content_region.height


async def test_the_cursor_moves_by_row_page_and_end_and_the_details_follow() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen, tree = await open_study(pilot, generated_pack(40))
        assert tree.has_focus and tree.cursor_item == "thesis"
        assert "The thesis." in detail(screen)
        await pilot.press("down")  # the Premises heading
        assert tree.cursor_item == ""
        assert "Choose an item under this heading" in detail(screen)
        await pilot.press("down")
        assert tree.cursor_item == "p1" and "Premise 1 argues a point." in detail(screen)
        await pilot.press("end")
        assert tree.cursor_row == tree.row_count - 1 == 41
        assert tree.cursor_item == "p39" and on_screen(tree, 41)  # the last premise's evidence
        assert "Evidence: Report 39" in screen_text(pilot.app)
        assert "Report 39 supports premise 38." in detail(screen)
        await pilot.press("home")
        assert tree.cursor_row == 0 and "Thesis" in row_text(tree, 0)
        await pilot.press("up")  # nothing above the top
        assert tree.cursor_row == 0
        page = tree.scrollable_content_region.height - 1
        await pilot.press("pagedown")
        assert tree.cursor_row == page and on_screen(tree, page)
        await pilot.press("pagedown", "pageup")
        assert tree.cursor_row == page and on_screen(tree, page)


async def move_to(pilot: Pilot[object], tree: ArgumentMap, item_id: str) -> None:
    for _ in range(tree.row_count):
        if tree.cursor_item == item_id:
            return
        await pilot.press("down")
    raise AssertionError(f"{item_id} is not in the map")


async def test_branches_open_and_close_with_the_arrows_enter_and_space() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        _, tree = await open_study(pilot, generated_pack(40))
        rows = tree.row_count
        await move_to(pilot, tree, "p2")  # a premise with its evidence, p3, under it
        row = tree.cursor_row
        assert row_text(tree, row).lstrip("\u251c\u2514 ").startswith("\u25bc premise number 2")
        assert "Report 3" in row_text(tree, row + 1)
        for close, open_ in (("left", "right"), ("space", "space"), ("enter", "enter")):
            await pilot.press(close)
            assert tree.row_count == rows - 1 and tree.cursor_item == "p2"
            assert "\u25b6 premise number 2" in row_text(tree, row)
            assert "Report 3" not in row_text(tree, row + 1)  # p4 moved up into its place
            await pilot.press(open_)
            assert tree.row_count == rows and "Report 3" in row_text(tree, row + 1)
        await pilot.press("down", "left")  # on the evidence (a leaf): back to its premise
        assert tree.cursor_item == "p2"
        await pilot.press("shift+down")  # the next premise, past the evidence
        assert tree.cursor_item == "p4"
        await pilot.press("shift+up")
        assert tree.cursor_item == "p2"
        await pilot.press("left", "left")  # closed: left goes up to the heading...
        assert tree.cursor_item == "" and tree.cursor_row == 2
        await pilot.press("left")  # ... which closes the whole section
        assert tree.row_count == 3 and "\u25b6 Premises" in row_text(tree, 2)
        await pilot.press("right", "down", "down")  # open again, p2 still closed inside
        assert tree.row_count == rows - 1 and tree.cursor_item == "p2"


async def test_a_search_narrows_the_map_marks_its_words_and_clears() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen, tree = await open_study(pilot, generated_pack(40))
        rows = tree.row_count
        await pilot.press("slash", *"report NUMBER 12")
        await study_settled(pilot)
        assert tree.shown_item_ids() == {"", "p11", "p12"}  # the match under its premise
        assert tree.row_count == 3 and tree.cursor_item == "p11"
        assert "Premise 11 argues a point." in detail(screen)
        assert row_text(tree, 2).strip(" \u2502\u2514").startswith("Evidence: Report 12")
        marked = [
            segment.text
            for segment in tree.render_line(2)
            if segment.style is not None and segment.style.reverse
        ]
        assert marked == ["Report", "12"]  # "number" is in its answer, not its label
        await pilot.press("enter", "down", "down")  # back to the map, on to the match
        assert tree.has_focus and tree.cursor_item == "p12"
        await pilot.press("slash", "escape")  # Esc in the box clears the search
        await study_settled(pilot)
        assert tree.row_count == rows and tree.cursor_item == "thesis"
        await pilot.press(*"nothing like this")
        await study_settled(pilot)
        assert tree.row_count == 0 and tree.cursor_item is None
        assert "Nothing in this pack matches" in detail(screen)


async def test_a_click_selects_a_row_and_a_click_on_its_icon_toggles_it() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen, tree = await open_study(pilot, generated_pack(40))
        rows = tree.row_count
        # The map has a border: row r is drawn on line r + 1, its text after the guides.
        await pilot.click(tree, offset=(8, 1 + 6))
        assert tree.cursor_item == "p4" and "Premise 4 argues a point." in detail(screen)
        await pilot.click(tree, offset=(3, 1 + 4))  # the icon of p2, above the cursor
        assert tree.row_count == rows - 1
        assert tree.cursor_item == "p4" and tree.cursor_row == 5  # the same item, a row up
        await pilot.click(tree, offset=(3, 1 + 4))
        assert tree.row_count == rows and tree.cursor_row == 6


async def test_markup_and_control_characters_in_labels_are_shown_literally() -> None:
    def hostile(n: int) -> str:
        return f"[b]{n}[/] [@click=app.quit]q[/]\x1b\nsecond line"

    pack = generated_pack(6, label=hostile)
    async with make_app().run_test(size=(100, 30)) as pilot:
        _, tree = await open_study(pilot, pack)
        shown = row_text(tree, 3)
        assert "[b]1[/] [@click=app.quit]q[/]\\x1b" in shown
        assert "second line" not in shown  # a label is its first line, as Tree drew it
        await pilot.click(tree, offset=(20, 1 + 3))  # on the would-be link
        await pilot.pause()
        assert pilot.app.is_running and pilot.app.return_code is None
        assert tree.cursor_item == "p1"
        await pilot.press("slash", *"[@click=app.quit]")  # found as the text it is
        await study_settled(pilot)
        assert {"p1", "p2", "p4", "p5"} <= tree.shown_item_ids()
        assert "p3" not in tree.shown_item_ids()


async def test_keys_at_the_edges_of_a_two_row_map_keep_the_cursor_on_the_item() -> None:
    pack = generated_pack(3)
    lone = dataclasses.replace(pack, items=pack.items[:1], _by_id={})  # a thesis only
    async with make_app().run_test(size=SIZE) as pilot:
        _, tree = await open_study(pilot, lone)
        assert tree.row_count == 2 and tree.cursor_item == "thesis"
        await pilot.press("down", "pagedown", "end", "space", "right", "shift+down")
        assert tree.cursor_item == "thesis"
