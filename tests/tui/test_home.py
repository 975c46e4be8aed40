"""The home screen and the app shell: packs, errors, themes, help, the command palette."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from tests.conftest import BROKEN_PACKS, SMALL_PACK
from tests.tui.conftest import make_app, open_app, screen_text, settle
from trainer.tui.app import AppOptions, TrainerApp
from trainer.tui.settings import Settings

pytestmark = pytest.mark.asyncio


async def test_home_shows_the_given_pack_the_builtin_one_and_the_modes() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        assert app.pack is not None and app.pack.id == "school-uniforms"
        text = screen_text(app)
        assert "Should schools require uniforms?" in text
        assert "1 premise, 1 counterargument" in text
        assert "Long-range strikes into Russia" in text  # the built-in pack, listed first
        for mode in ("Premises", "Rebuttals", "Attribution", "Evidence", "Both sides", "Mixed"):
            assert mode in text
        assert "Review" in text
        packs = app.screen.query_one("#packs", OptionList)
        origins = [str(packs.get_option_at_index(i).prompt) for i in range(packs.option_count)]
        assert "built-in" in origins[0] and "given" in origins[-1]
        assert packs.highlighted == packs.option_count - 1  # the --pack one is chosen
        assert app.screen.query_one("#due").display is False  # no progress yet


async def test_a_broken_pack_is_a_readable_message_not_a_crash() -> None:
    app = make_app(BROKEN_PACKS / "dangling-reference")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        assert app.pack is None
        assert "problem" in app.pack_error
        info = app.screen.query_one("#pack-info-text", Static)
        assert app.screen.query_one("#pack-info").has_class("error")
        assert "Could not open" in screen_text(app)
        # The wrapped screen lines depend on where the checkout lives; the panel's text does not.
        shown = str(info.content)
        assert 'pack.yaml:17:13: rebuttals[0].rebuts: names "bulying"' in shown
        assert "no item has that id" in shown
        assert str(BROKEN_PACKS) not in shown.split("\n", 1)[1]  # problems name files inside it
        await pilot.press("s")  # study without a pack: a notice, no crash
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_a_missing_pack_path_is_reported() -> None:
    app = make_app(Path("/no/such/pack"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        assert "does not exist" in app.pack_error


async def test_choosing_another_pack_opens_it() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await pilot.press("p", "home", "enter")  # the first pack: the built-in one
        await settle(pilot)
        assert app.pack is not None and app.pack.id != "school-uniforms"
        assert "Long-range strikes" in app.screen.sub_title


async def test_enter_on_a_mode_starts_that_quiz() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await pilot.press("m", "down", "enter")  # Rebuttals
        await settle(pilot)
        quiz = app.screen
        assert type(quiz).__name__ == "QuizScreen"
        assert quiz.session is not None and quiz.session.mode.value == "rebuttals"  # type: ignore[attr-defined]


async def test_mouse_click_on_a_mode_starts_it() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        modes = app.screen.query_one("#modes", OptionList)
        await pilot.click(modes, offset=(4, 1))
        await settle(pilot)
        assert type(app.screen).__name__ == "QuizScreen"


async def test_theme_choice_is_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBATE_TRAINER_HOME", str(tmp_path))
    app = TrainerApp(
        AppOptions(pack_path=SMALL_PACK, settings=Settings(theme="textual-light"), student="")
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.theme == "textual-dark"
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["theme"] == "textual-dark"


async def test_an_unknown_theme_falls_back_and_a_settings_notice_is_shown() -> None:
    app = make_app(
        SMALL_PACK, settings=Settings(theme="no-such-theme"), settings_notice="settings damaged"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        assert app.theme == "textual-dark"
        assert any("settings damaged" in str(n.message) for n in app._notifications)


async def test_help_lists_every_binding_and_the_modes() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_app(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        from trainer.tui.screens.help import help_content

        page = help_content(app).plain
        for words in ("I was right", "Give up", "f2 or ^g", "Search", "Practise these again"):
            assert words in page
        for mode in ("Premises", "Both sides", "Mixed", "Review"):
            assert f"  {mode}" in page
        assert "Progress, review and stats" in page and "Review mode asks" in page
        assert "Review what is due" in page  # the stats screen's keys
        assert "How answers are graded" in page and "Each hint costs 20 points" in page
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_command_palette_lists_modes_and_packs() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        from trainer.tui.commands import TrainerCommands

        provider = TrainerCommands(app.screen)
        names = [hit.text async for hit in provider.discover()]
        assert "Quiz: Both sides" in names and "Quiz: Review" in names
        assert "Progress and stats" in names
        assert "Open pack: Should schools require uniforms?" in names
        assert any(name.startswith("Open pack: Long-range strikes") for name in names)
        hits = [hit async for hit in provider.search("evidence")]
        assert hits and hits[0].text == "Quiz: Evidence"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"both")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "QuizScreen"
        assert app.screen.mode.value == "both-sides"  # type: ignore[attr-defined]


async def test_home_asks_the_app_by_message_and_stats_by_its_result() -> None:
    """Issue 13: screens called app methods; now Home posts its own typed messages
    (`HomeScreen.PackChosen`, `ModeChosen`) that the app handles, and Stats dismisses with
    True when the student asks to review (the app starts the review)."""
    from trainer.tui.screens.home import HomeScreen

    seen: list[type[object]] = []
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24), message_hook=lambda m: seen.append(type(m))) as pilot:
        await open_app(pilot)
        await pilot.press("p", "home", "enter")
        await settle(pilot)
        assert HomeScreen.PackChosen in seen and app.pack is not None
        modes = app.screen.query_one("#modes", OptionList)
        await pilot.click(modes, offset=(4, 1))
        await settle(pilot)
        assert HomeScreen.ModeChosen in seen and type(app.screen).__name__ == "QuizScreen"
        await app.pop_screen()  # no answer given: nothing to score
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), app.screen
        await pilot.press("t")
        await settle(pilot)
        assert type(app.screen).__name__ == "StatsScreen"
        await pilot.press("r")  # review what is due: nothing yet, and home says so
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), app.screen
        assert any("Nothing in this pack is due" in str(n.message) for n in app._notifications)
