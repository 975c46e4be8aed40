"""The Stats screen on a progress file damaged where opening does not look (issue 12, item 12).

The screen says what happened and offers a way out: move the file aside (never deleted)
and start afresh, or go back. Either way the app goes on.
"""

from __future__ import annotations

import pytest

from tests.conftest import SMALL_PACK
from tests.progress.helpers import damaged_store
from tests.tui.conftest import make_app, open_app, screen_text, settle
from trainer.locations import progress_db_path
from trainer.tui.screens.stats import StatsScreen

pytestmark = pytest.mark.asyncio


async def test_a_damaged_store_is_explained_and_can_be_set_aside() -> None:
    _path, damaged = damaged_store(item="cost")
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        shown = screen_text(app)
        assert "Your progress file could not be read" in shown
        assert "Press m to move it aside" in shown
        assert screen.check_action("set_aside", ()) is True
        await pilot.press("m")
        await settle(pilot)
        notices = [str(n.message) for n in app._notifications]
        moved = [n for n in notices if "was moved to" in n]
        assert moved and "nothing in it was deleted" in moved[0]
        assert "No attempts yet" in screen_text(app)  # a fresh store, counted at once
        assert screen.check_action("set_aside", ()) is False  # nothing damaged any more
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    aside = [p for p in progress_db_path().parent.iterdir() if ".unreadable-" in p.name]
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [damaged]


async def test_escape_leaves_a_damaged_store_where_it_is() -> None:
    _path, damaged = damaged_store(item="cost")
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert "could not be read" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    assert progress_db_path().read_bytes() == damaged  # untouched until the student says
