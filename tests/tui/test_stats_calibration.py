"""The Stats screen shows calibration: a pair of bars per level of confidence (issue 15)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import Static

from tests.conftest import SMALL_PACK
from tests.progress.helpers import T0, attempt
from tests.tui.conftest import NOW, make_app, open_app, screen_text, settle, write_history
from trainer.confidence import Confidence
from trainer.locations import progress_db_path
from trainer.progress import ProgressStore
from trainer.progress.calibration import bar
from trainer.tui.screens.stats import StatsScreen


@pytest.mark.asyncio
async def test_stats_shows_the_chance_said_beside_how_often_right_at_80_columns() -> None:
    write_history()
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        for minute, outcome in enumerate(["correct", "incorrect", "correct", "correct"]):
            found = attempt("cost", outcome, at=T0, minutes=4000 + minute, pack="school-uniforms")
            store.record(replace(found, confidence=Confidence.FAIRLY_SURE))
    app = make_app(SMALL_PACK, now=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        panel = screen.query_one("#calibration", Static)
        panel.scroll_visible(animate=False)
        await pilot.pause()
        text = screen_text(app)
        assert "How sure you said you were" in text  # the panel's title
        assert f"fairly sure  said  {bar(0.75, 20)}  75%" in text
        assert f"{'':12} right {bar(0.75, 20)}  75% of 4" in text  # 3 of 4 right, as said
        assert "Brier score" in text


@pytest.mark.asyncio
async def test_stats_says_when_no_confidence_was_given() -> None:
    write_history()
    app = make_app(SMALL_PACK, now=lambda: NOW)
    async with app.run_test(size=(100, 50)) as pilot:
        await open_app(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert "No answers with a confidence yet" in screen_text(app)
