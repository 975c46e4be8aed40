"""What a student meets at 80x24 and 120x40 (issue 13): nothing cut off, nothing lost."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.conftest import SMALL_PACK
from tests.tui.conftest import (
    BUILTIN_PACK,
    NOW,
    make_app,
    open_app,
    saved,
    screen_text,
    settle,
    write_history,
)
from trainer.locations import progress_db_path
from trainer.progress import ProgressStore
from trainer.tui.screens.confirm import ConfirmScreen
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.screens.results import ResultsScreen
from trainer.tui.screens.student_name import StudentNameScreen
from trainer.tui.settings import Settings
from trainer.tui.widgets.due_for_review import DueForReview
from trainer.tui.widgets.feedback import FeedbackPanel

pytestmark = pytest.mark.asyncio

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
async def test_the_verdict_stays_on_screen_after_hints_and_many_named(
    size: tuple[int, int],
) -> None:
    """Premises: name four, take three hints, answer again: the verdict and the whole
    answer box are on screen, and the hints about the premise just named are gone."""
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=size) as pilot:
        await open_app(pilot)
        await pilot.press("m", "home", "enter")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        session = quiz.session
        quiz.act(session.answer(quiz.pack.item("thesis").answer.canonical))
        quiz.action_next()
        await pilot.pause()
        assert session.current is not None
        targets = session.current.targets
        for item in targets[:4]:
            quiz.act(session.answer(quiz.pack.item(item).answer.canonical))
        for _ in range(3):
            await pilot.press("f2")
        await pilot.pause()
        assert "Hint 3 of" in screen_text(app)
        quiz.act(session.answer(quiz.pack.item(targets[4]).answer.canonical))
        await pilot.pause()
        text = screen_text(app)
        assert "\u2714 Correct" in text
        assert "Hint 1 of" not in text
        field = quiz.query_one("#answer", Input)
        assert field.region.height == 3
        assert field.region.bottom <= app.size.height - 1  # above the footer


async def test_typing_right_after_enter_on_a_loading_pack_is_kept() -> None:
    """Enter on the home screen before the pack has opened, then type at once: the quiz
    opens straight away and every character reaches its answer box, none a shortcut."""
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.pack is None  # still loading
        sentence = "the risks outweigh the illusory benefits"
        await pilot.press("enter", *sentence)
        assert isinstance(app.screen, QuizScreen)
        field = app.screen.query_one("#answer", Input)
        assert field.value == sentence
        await open_app(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session is not None
        assert app.screen.query_one("#answer", Input).value == sentence
        await pilot.press("enter")
        await settle(pilot)
        assert "You wrote: the risks outweigh the illusory benefits" in screen_text(app)


async def test_keys_that_arrive_in_one_burst_after_enter_all_reach_the_quiz() -> None:
    """A terminal delivers a fast typist's keys together: Enter on a mode, then letters that
    are also Home's shortcuts ("s" opens Study). None of them may go to Home."""
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        sentence = "saw the risks"
        app.post_message(events.Key("enter", "\r"))
        for char in sentence:
            app.post_message(events.Key("space" if char == " " else char, char))
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.query_one("#answer", Input).value == sentence


async def test_typing_after_tab_to_the_feedback_goes_into_the_answer() -> None:
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("enter")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await pilot.press("tab")
        assert not quiz.query_one("#answer", Input).has_focus
        await pilot.press(*"risk")
        field = quiz.query_one("#answer", Input)
        assert field.has_focus and field.value == "risk"


async def test_an_answer_that_names_two_of_a_speakers_points_is_not_listed_as_missed() -> None:
    """What did Putin argue? An answer naming the satellites and the war with NATO counts
    both; the result lists only the point not given."""
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        app.start_quiz("mixed", ("q-putin-war",))
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert "What did Vladimir Putin" in screen_text(app)
        answer = "the strikes need nato satellite data so then nato is at war with russia"
        await pilot.press(*answer)
        await pilot.press("enter")
        await settle(pilot)
        shown = quiz.query_one(FeedbackPanel).result_shown.plain
        assert "Question passed" in shown
        assert "at war with Russia" not in shown
        assert "change the very nature of the conflict" in shown


@pytest.mark.parametrize("size", SIZES)
async def test_home_and_stats_say_the_same_about_what_is_due(size: tuple[int, int]) -> None:
    write_history()
    app = make_app(SMALL_PACK, now=lambda: NOW)
    async with app.run_test(size=size) as pilot:
        await open_app(pilot)
        await settle(pilot)
        home = app.screen.query_one("#due", DueForReview)
        said_at_home = str(home.content)
        assert said_at_home.startswith("Due for review: ")
        await pilot.press("t")
        await settle(pilot)
        assert said_at_home in screen_text(app)


async def _end_quiz(pilot: Pilot[object]) -> None:
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("y")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_results_of_a_quiz_ended_before_any_answer_do_not_say_all_was_right(
    size: tuple[int, int],
) -> None:
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=size) as pilot:
        await open_app(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await _end_quiz(pilot)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Premises quiz  0 of 100 points (0%)" in text
        assert "every item" not in text
        assert "Nothing was answered" in text


async def test_a_practice_sessions_results_are_called_practice() -> None:
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        app.start_quiz("mixed", ("q-putin-war",))
        await settle(pilot)
        await pilot.press(*"nato would be at war with russia", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.quiz_title == "Practice"
        assert "Practice  " in screen_text(app) and "Mixed quiz" not in screen_text(app)


async def test_the_verdict_line_and_title_read_right_in_a_screenshot() -> None:
    """A screenshot (the palette's, or an SVG snapshot) drops spaces that start a span:
    the title read "debate-trainer\u2014" and the verdict "Partly rightscore 61/100". The
    verdict's number is the grader's match, so it cannot contradict the question's points."""
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"the risks of the strikes outweigh", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "debate-trainer  \u2014  Premises quiz" in text
        assert re.search(r"(Partly right|Correct|Not right)  match \d+%", text), text
        svg = app.export_screenshot()
        assert not re.search(r">(&#160;)+(\u2014|match|score)", svg)


async def test_the_first_start_asks_the_name_and_every_attempt_carries_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_TRAINER_HOME", str(tmp_path))
    app = make_app(SMALL_PACK, student=None, save_settings=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StudentNameScreen)
        assert "What is your name?" in screen_text(app)
        await pilot.press(*"Ann Lee", "enter")
        await open_app(pilot)
        assert app.student == "Ann Lee"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"uniforms should be optional", "enter")
        await settle(pilot)
        await saved(app)
    settings = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert settings["student"] == "Ann Lee"
    with ProgressStore(progress_db_path()) as store:
        students = {attempt.student for attempt in store.attempts()}
    assert students == {"Ann Lee"}


async def test_the_name_can_be_changed_from_the_palette_and_is_not_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_TRAINER_HOME", str(tmp_path))
    app = make_app(SMALL_PACK, student=None, settings=Settings(student="Ann"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        assert not isinstance(app.screen, StudentNameScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Your name")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StudentNameScreen)
        field = app.screen.query_one(Input)
        assert field.value == "Ann"
        field.value = ""
        await pilot.press(*"Bob", "enter")
        await settle(pilot)
        assert app.student == "Bob"
        assert await app.progress.ask(lambda store: store.student) == "Bob"


@pytest.fixture
def one_sided_pack(tmp_path: Path) -> Path:
    """The small pack without its other side (and so without replies)."""
    target = tmp_path / "one-sided"
    shutil.copytree(SMALL_PACK, target)
    pack_file = target / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8")
    pack_file.write_text(text[: text.index("\nother_side:")] + "\n", encoding="utf-8")
    return target


async def test_a_mode_the_pack_has_nothing_for_cannot_be_started(one_sided_pack: Path) -> None:
    app = make_app(one_sided_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        assert app.pack is not None and app.pack.id == "school-uniforms"
        modes = app.screen.query_one("#modes", OptionList)
        both = modes.get_option_index("both-sides")
        assert modes.get_option_at_index(both).disabled
        assert not modes.get_option_at_index(modes.get_option_index("premises")).disabled
        # Past Review, Mixed and Spar: Both sides is skipped.
        await pilot.press("m", "end", "up", "up", "up")
        assert modes.highlighted_key == "evidence"  # type: ignore[attr-defined]


async def test_ctrl_q_in_a_quiz_asks_first() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Quit debate-trainer now?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running


async def test_m_always_starts_the_modes_at_the_top() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("m", "down", "down", "down", "p", "m")
        modes = app.screen.query_one("#modes", OptionList)
        assert modes.has_focus and modes.highlighted == 0


async def test_the_about_panel_can_be_read_to_its_end_with_the_keyboard() -> None:
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        about = app.screen.query_one("#pack-info")
        for _ in range(4):
            await pilot.press("tab")
            if about.has_focus:
                break
        assert about.has_focus
        await pilot.press("end")
        await pilot.pause()
        assert "argue both sides." in screen_text(app)  # the end of the description


async def test_the_screenshot_is_saved_without_a_downloads_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setenv("DEBATE_TRAINER_HOME", str(tmp_path))
    monkeypatch.setattr(platformdirs, "user_downloads_dir", lambda: str(tmp_path / "nowhere"))
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        app.deliver_screenshot()
        for _ in range(20):
            await pilot.pause(0.05)
            if list((tmp_path / "screenshots").glob("*.svg")):
                break
        assert list((tmp_path / "screenshots").glob("*.svg"))


async def test_i_was_right_on_a_finished_question_still_says_press_enter() -> None:
    app = make_app(SMALL_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("m", "down", "enter")  # Rebuttals: one answer ends the question
        await settle(pilot)
        await pilot.press(*"no idea at all", "enter")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.awaiting_next
        await pilot.press("f5")
        await pilot.pause()
        assert quiz.query_one("#answer", Input).placeholder == "Press Enter for the next question"


async def test_a_rejection_says_its_feedback_once() -> None:
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_app(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"the US should send Ukraine more long-range missiles", "enter")
        await settle(pilot)
        shown = app.screen.query_one(FeedbackPanel).verdict_shown.plain
        assert "\u2718 Not right" in shown
        assert shown.count("The author argues the opposite direction") == 1, shown


@pytest.mark.parametrize("size", SIZES)
async def test_items_are_listed_by_short_titles_that_tell_them_apart(
    size: tuple[int, int],
) -> None:
    """Results, the checklist and Stats list items by label: at most about 40 characters,
    none of them the shared opening "The author answers that..."."""
    app = make_app(BUILTIN_PACK)
    async with app.run_test(size=size) as pilot:
        await open_app(pilot)
        await pilot.press("m", "down", "enter")  # Rebuttals
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        while not quiz.session.finished:
            quiz.action_skip()
            await pilot.pause()
            quiz.action_next()
            await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "The author answers that" not in text
        labels = [entry.label for entry in app.screen.summary.by_item]
        assert len(labels) >= 5 and len(set(labels)) == len(labels)
        assert all(len(label) <= 41 for label in labels)
        for label in labels[:3]:
            assert label.rstrip("\u2026")[:20] in text
