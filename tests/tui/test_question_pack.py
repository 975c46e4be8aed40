"""A pack of questions only in the app: Home lists what it can run, a question is asked as
written and graded, and the study screen lists the questions with their answers."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from tests.tui.conftest import graded, make_app, open_app, screen_text, settle, study_settled
from trainer.locations import builtin_pack_dir
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.widgets.feedback import FeedbackPanel

pytestmark = pytest.mark.asyncio

QUESTION_PACK = builtin_pack_dir("questions-geography")


async def test_a_pack_of_questions_opens_asks_a_question_and_grades_it() -> None:
    app = make_app(QUESTION_PACK)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        assert app.pack is not None and app.pack.id == "questions-geography"
        modes = app.screen.query_one("#modes", OptionList)
        listed = [modes.get_option_at_index(i) for i in range(modes.option_count)]
        assert [o.id for o in listed] == ["questions", "mixed", "review"]
        assert not any(o.disabled for o in listed)
        assert "7 questions" in screen_text(app)

        await pilot.press("m", "enter")  # the first mode listed: Questions
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        question = quiz.session.current
        assert question is not None
        item = app.pack.item(question.subject)
        text = screen_text(app)
        assert "Question 1 of 7" in text and item.text in text and "author" not in text

        wrong = "Sydney" if item.id != "canberra" else "Melbourne"
        quiz.query_one("#answer", Input).value = wrong
        await pilot.press("enter")
        await graded(pilot)
        panel = quiz.query_one(FeedbackPanel)
        assert not panel.verdict_shown.plain.startswith("\u2714 Correct")
        assert item.answer.canonical in panel.result_shown.plain  # the model answer, shown

        await pilot.press("enter")  # on to the next question
        await pilot.pause()
        following = quiz.session.current
        assert following is not None and following.subject != item.id
        quiz.query_one("#answer", Input).value = app.pack.item(following.subject).answer.canonical
        await pilot.press("enter")
        await graded(pilot)
        assert panel.verdict_shown.plain.startswith("\u2714 Correct")


async def test_the_study_screen_lists_the_questions() -> None:
    app = make_app(QUESTION_PACK)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await pilot.press("s")
        await study_settled(pilot)
        text = screen_text(app)
        assert "\u25bc Questions" in text and "What is the equator?" in text
        assert "In the article" not in text and "Thesis" not in text
