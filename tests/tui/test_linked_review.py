"""The app's review follows the argument and says why; a setting turns it off (issue 15)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import SMALL_PACK
from tests.tui.conftest import NOW, make_app, open_app, screen_text, settle
from trainer.locations import progress_db_path
from trainer.packs import load_pack
from trainer.progress import Attempt, ProgressStore
from trainer.progress.linked import standing_on
from trainer.tui.commands import TrainerCommands
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.settings import Settings, load_settings

WHY = "You missed \u201cUniforms cost families money some\u2026\u201d; the thesis rests on it."


def _premise_just_missed() -> None:
    """Every item of the small pack right yesterday; the premise "cost" missed just now."""
    pack = load_pack(SMALL_PACK)
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        for item in pack:
            yesterday = NOW - timedelta(days=1)
            store.record(
                Attempt(pack.id, "1", item.id, "k", "mixed", "x", "correct", 90, yesterday)
            )
        missed = Attempt(pack.id, "1", "cost", "k", "mixed", "", "incorrect", 0, NOW)
        store.record(missed, standing_on(pack, "cost"))


async def _review(pilot: Pilot[object]) -> None:
    await pilot.press("m", "end", "enter")  # Review, the last mode
    await settle(pilot)


@pytest.mark.asyncio
async def test_review_asks_the_thesis_first_and_says_why_above_the_prompt() -> None:
    _premise_just_missed()
    app = make_app(SMALL_PACK, now=lambda: NOW + timedelta(minutes=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await _review(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        first, *_ = quiz.session.questions
        assert (first.targets, first.why) == (("thesis",), WHY)
        text = screen_text(app)
        assert "You missed \u201cUniforms cost families money some\u2026\u201d; the thesis" in text
        assert text.index("You missed") < text.index("What is the author's thesis?")


@pytest.mark.asyncio
async def test_linked_review_off_from_the_palette_is_plain_fsrs_order_and_kept() -> None:
    _premise_just_missed()
    app = make_app(SMALL_PACK, now=lambda: NOW + timedelta(minutes=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        [hit] = [h async for h in TrainerCommands(app.screen).search("Linked review")]
        assert hit.text == "Linked review: turn off"
        hit.command()
        await settle(pilot)
        assert app.settings.linked_review is False
        [hit] = [h async for h in TrainerCommands(app.screen).search("Linked review")]
        assert hit.text == "Linked review: turn on"
        await _review(pilot)  # the missed premise is due in ten minutes; nothing before
        assert not isinstance(app.screen, QuizScreen)
        assert "Nothing in this pack is due" in " ".join(n.message for n in app._notifications)


def test_the_setting_is_kept_in_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert Settings().linked_review is True  # on by default
    path.write_text('{"linked_review": false}', encoding="utf-8")
    assert load_settings(path) == (Settings(linked_review=False), "")
    path.write_text('{"linked_review": "no"}', encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.linked_review is True and "wrong type" in notice
