"""Whole quiz sessions driven with keys, as a student would, for every mode.

Each test checks both what the screen shows and what the engine recorded: the app only
drives the quiz engine, so the two must agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, ProgressBar

from tests.conftest import SMALL_PACK
from tests.tui.conftest import BUILTIN_PACK, graded, make_app, open_app, screen_text, settle
from trainer.quiz.events import HintEvent, ResultEvent, VerdictEvent
from trainer.quiz.session import Phase
from trainer.tui.app import TrainerApp
from trainer.tui.screens.quiz import QuizScreen
from trainer.tui.screens.results import ResultsScreen
from trainer.tui.widgets.checklist import Checklist
from trainer.tui.widgets.feedback import FeedbackPanel

pytestmark = pytest.mark.asyncio


class Student:
    """Types and presses keys in a quiz, and reads the screen and the engine back."""

    def __init__(self, pilot: Pilot[object]) -> None:
        self.pilot = pilot
        app = pilot.app
        assert isinstance(app, TrainerApp)
        self.app = app

    @property
    def quiz(self) -> QuizScreen:
        screen = self.app.screen
        assert isinstance(screen, QuizScreen), screen
        return screen

    @property
    def session(self):  # type: ignore[no-untyped-def]
        assert self.quiz.session is not None
        return self.quiz.session

    @property
    def targets(self) -> tuple[str, ...]:
        question = self.session.current
        assert question is not None
        return question.targets

    def model(self, item_id: str) -> str:
        return self.app.pack.item(item_id).answer.canonical  # type: ignore[union-attr]

    async def answer(self, text: str) -> None:
        """Type an answer and press Enter (long ones are pasted: typing is slow in tests)."""
        if len(text) <= 12:
            await self.pilot.press(*text, "enter")
        else:
            self.quiz.query_one("#answer", Input).value = text
            await self.pilot.press("enter")
        await graded(self.pilot)

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def state_the_thesis(self) -> None:
        """Premises mode opens with "What is the author's thesis?": answer it and go on."""
        assert self.session.current.id == "thesis:thesis"
        assert "What is the author's thesis?" in screen_text(self.app)
        assert not self.quiz.query_one(Checklist).display  # one answer, no checklist
        await self.answer(self.model("thesis"))
        assert self.verdict.startswith("\u2714 Correct")
        await self.press("enter")

    @property
    def verdict(self) -> str:
        return self.quiz.query_one(FeedbackPanel).verdict_shown.plain

    @property
    def result(self) -> str:
        return self.quiz.query_one(FeedbackPanel).result_shown.plain

    @property
    def last_verdict(self) -> VerdictEvent:
        return [e for e in self.session.events if isinstance(e, VerdictEvent)][-1]

    @property
    def last_result(self) -> ResultEvent:
        return [e for e in self.session.events if isinstance(e, ResultEvent)][-1]

    @property
    def placeholder(self) -> str:
        return self.quiz.query_one("#answer", Input).placeholder


@asynccontextmanager
async def quiz(
    mode: str, pack: Path = SMALL_PACK, size: tuple[int, int] = (100, 40)
) -> Iterator[Student]:  # type: ignore[misc]
    app = make_app(pack)
    async with app.run_test(size=size) as pilot:
        await open_app(pilot)
        app.start_quiz(mode)
        await settle(pilot)
        yield Student(pilot)


def results_screen(student: Student) -> ResultsScreen:
    screen = student.app.screen
    assert isinstance(screen, ResultsScreen), screen
    return screen


async def test_premises_wrong_then_hint_then_right_then_partial_and_say_more() -> None:
    async with quiz("premises") as s:
        await s.state_the_thesis()
        assert s.session.current.id == "premises:thesis"
        assert "Name the premises behind the author's thesis (1)" in screen_text(s.app)
        checklist = s.quiz.query_one(Checklist)
        assert checklist.display and checklist.wanted == 1 and checklist.named == ()
        assert "Named 0 of 1" in screen_text(s.app)

        await s.answer("bananas are yellow")
        assert s.verdict.startswith("\u2718 Not right")
        assert "You wrote: bananas are yellow" in s.verdict
        assert "Model answer" not in s.verdict  # the question is still open
        assert s.last_verdict.verdict.outcome == "incorrect"
        assert s.session.phase is Phase.ANSWER

        await s.press("f2")
        hint = [e for e in s.session.events if isinstance(e, HintEvent)][-1]
        assert f"Hint 1 of {hint.levels}" in screen_text(s.app)
        assert hint.text.split()[0] in screen_text(s.app)

        await s.answer(s.model("cost"))
        assert s.verdict.startswith("\u2714 Correct")
        assert "Model answer: Uniforms cost families money some cannot afford." in s.verdict
        assert checklist.named == ("Uniforms cost families money some\u2026",)
        assert "Named 1 of 1" in screen_text(s.app)
        assert s.result.startswith("Question passed")
        assert s.last_result.score == 80  # 100 less one hint
        assert "Score 180/200" in screen_text(s.app)  # the thesis, then this one
        assert s.quiz.awaiting_next and s.quiz.query_one("#answer", Input).disabled
        assert s.quiz.query_one(ProgressBar).progress == 2  # of 4 questions

        await s.press("enter")
        assert s.session.current.id == "counterarguments:thesis"
        assert s.verdict == "" and s.result == ""
        await s.answer("bullying")
        assert s.verdict.startswith("\u25d0 Partly right")
        assert s.session.phase is Phase.SAY_MORE
        assert s.placeholder.startswith("Say more")
        await s.answer("they stop bullying")
        assert s.verdict.startswith("\u2714 Correct")
        assert s.last_verdict.graded == "bullying they stop bullying"
        assert s.last_result.score == 75  # right after saying more

        await s.press("enter")
        assert s.session.current.id == "conclusion:conclusion"  # the argument's last step
        await s.answer(s.model("conclusion"))
        await s.press("enter")
        results = results_screen(s)
        assert results.summary.totals.score == 355
        assert "355 of 400 points (89%)" in screen_text(s.app)


async def test_rebuttals_give_up_reveals_the_answer() -> None:
    async with quiz("rebuttals") as s:
        assert "How does the author answer?" in screen_text(s.app)
        await s.press("f4")
        assert s.last_result.outcome == "gave_up"
        assert s.result.startswith("You gave up")
        assert "Bullies just pick on shoes, bags and phones instead." in s.result
        await s.press("enter")
        results = results_screen(s)
        assert results.summary.totals.outcomes["gave_up"] == 1
        assert [e.item_id for e in results.weak_items] == ["bullying-moves"]


async def test_attribution_override_and_skip() -> None:
    async with quiz("attribution") as s:
        # What Lee argued comes before "Who said '<her words>'?", which would answer it.
        assert s.session.current.id == "what_argued:lee"
        await s.answer("Sam Writer")
        assert s.verdict.startswith("\u2718 Not right")
        assert f"Model answer: {s.model('lee-quote')}" in s.verdict  # one answer: it ends
        assert s.result.startswith("Question over")
        await s.press("f5")  # "I was right"
        assert s.last_verdict.overrides is not None
        assert s.last_verdict.verdict.overridden is True
        assert "(you marked this right)" in s.verdict
        assert s.last_result.revised and s.last_result.score == 100
        assert "(revised)" in s.result and "Score 100/100" in screen_text(s.app)
        assert s.quiz.check_action("override", ()) is None  # nothing left to override

        await s.press("enter")
        assert s.session.current.id == "who_said:lee-quote"
        await s.press("f3")
        assert s.last_result.outcome == "skipped"
        assert s.result.startswith("Skipped")
        assert "1 answer not shown" in s.result
        await s.press("enter")
        results = results_screen(s)
        assert results.summary.totals.overrides == 1
        assert "correct (you)" in screen_text(s.app)


async def test_evidence_partial_then_settle_for_part_marks() -> None:
    async with quiz("evidence") as s:
        await s.answer("pounds a year")  # the unit without the figure ("300" alone is right)
        assert s.verdict.startswith("\u25d0 Partly right")
        assert s.quiz.check_action("next", ()) is True
        await s.answer("")  # Enter alone: "that is all I can say"
        assert s.last_result.outcome == "partial"
        assert s.result.startswith("Question over: part marks")
        assert "50 of 100 points" in s.result
        await s.press("enter")
        assert results_screen(s).summary.totals.score == 50


async def test_both_sides_near_miss_and_known_wrong_feedback() -> None:
    async with quiz("both-sides") as s:
        assert s.session.current.id == "argue_against:thesis"
        await s.answer("stops bullying")
        assert "Near miss: that is the counterargument" in s.verdict
        assert "\u201cUniforms reduce bullying.\u201d" in s.verdict
        assert s.last_verdict.verdict.belongs_to == "bullying"
        await s.press("enter")
        assert s.session.current.id == "author_reply:equality"
        await s.answer(s.model("equality-reply"))
        assert s.verdict.startswith("\u2714 Correct")
        await s.press("enter")
        assert results_screen(s).summary.totals.outcomes["correct"] == 1


async def test_naming_a_premise_twice_is_a_notice_not_a_wrong_answer() -> None:
    async with quiz("premises", BUILTIN_PACK) as s:
        await s.state_the_thesis()
        first = s.targets[0]
        await s.answer(s.model(first))
        verdicts = len([e for e in s.session.events if isinstance(e, VerdictEvent)])
        await s.answer(s.model(first))
        assert len([e for e in s.session.events if isinstance(e, VerdictEvent)]) == verdicts
        notices = [str(n.message) for n in s.app._notifications]
        assert any("You have already named that one" in n for n in notices)
        assert s.verdict.startswith("\u2714 Correct")  # the panel still shows the last grade


async def test_known_wrong_answer_gets_its_targeted_feedback() -> None:
    async with quiz("premises") as s:
        await s.state_the_thesis()
        await s.answer("uniforms are cheaper than normal clothes")
        # Said once: the explanation already quotes the pack's feedback for that answer.
        assert (
            s.verdict.count("That is the other side's claim; the author argues the opposite.") == 1
        )


async def test_mixed_session_ends_with_results_and_practise_again() -> None:
    async with quiz("mixed") as s:
        asked = 0
        while isinstance(s.app.screen, QuizScreen):
            asked += 1
            target = s.targets[0]
            if asked % 2:
                await s.answer(s.model(target))
            else:
                await s.answer("bananas are yellow")
                if not s.quiz.awaiting_next:  # a recall question stays open: give up
                    await s.press("f4")
            await s.press("enter")
        assert asked == 10
        results = results_screen(s)
        text = screen_text(s.app)
        assert "Mixed quiz" in text and "10 of 10 questions" in text
        assert "By kind of question" in text and "By item" in text and "Weakest" in text
        weak = {e.item_id for e in results.weak_items}
        assert weak and all(e.outcome != "correct" for e in results.weak_items)

        await s.press("p")  # practise these again
        await settle(s.pilot)
        practice = s.quiz
        assert practice.items == tuple(e.item_id for e in results.weak_items)
        assert practice.session is not None
        asked_for = {t for question in practice.session.questions for t in question.targets}
        assert weak <= asked_for
        for question in practice.session.questions:
            assert weak & set(question.targets)
        assert "Practice" in screen_text(s.app)


async def test_ending_a_quiz_early_asks_first_then_shows_results() -> None:
    async with quiz("mixed") as s:
        await s.press("escape")
        assert type(s.app.screen).__name__ == "ConfirmScreen"
        await s.press("n")
        assert isinstance(s.app.screen, QuizScreen)
        await s.press("escape", "y")
        await s.pilot.pause()
        results = results_screen(s)
        assert results.summary.reason == "interrupted"
        assert results.summary.totals.asked == 1
        await s.press("escape")
        assert type(s.app.screen).__name__ == "HomeScreen"


async def test_empty_answer_is_refused_with_a_notice() -> None:
    async with quiz("rebuttals") as s:
        await s.answer("")
        assert s.session.events[-1].type == "error"
        assert any("Type an answer" in str(n.message) for n in s.app._notifications)


async def test_builtin_pack_whole_premises_session_fills_the_checklist() -> None:
    async with quiz("premises", BUILTIN_PACK, size=(80, 24)) as s:
        await s.state_the_thesis()
        question = s.session.current
        assert question.kind.value == "premises"
        checklist = s.quiz.query_one(Checklist)
        wanted = len(question.targets)
        assert checklist.wanted == wanted and wanted > 1
        for number, target in enumerate(question.targets, start=1):
            await s.answer(s.model(target))
            assert s.last_verdict.verdict.outcome == "correct", s.verdict
            assert len(checklist.named) == number
            assert f"Named {number} of {wanted}" in screen_text(s.app)
        assert s.last_result.outcome == "correct"
        await s.press("enter")

        question = s.session.current
        assert question.kind.value == "counterarguments"
        first = question.targets[0]
        await s.answer(s.model(first))
        assert checklist.named == (s.app.pack.item(first).label,)  # type: ignore[union-attr]
        await s.press("f4")
        missed = [s.app.pack.item(m.id).label for m in s.last_result.missed]  # type: ignore[union-attr]
        assert checklist.missed == tuple(missed) and len(missed) == len(question.targets) - 1
        await s.press("enter")
        assert s.session.current.id == "conclusion:conclusion"
        await s.press("f3")  # skip
        await s.press("enter")
        results = results_screen(s)
        assert results.summary.totals.asked == 4
        assert results.summary.pack == "long-range-strikes"


async def test_i_was_right_on_the_last_question_before_the_summary() -> None:
    async with quiz("evidence") as s:
        await s.answer("bananas are yellow")
        assert s.result.startswith("Question over")
        assert s.session.phase is Phase.REVIEW  # the engine waits: the verdict may be overruled
        assert s.quiz.check_action("override", ()) is True
        await s.press("f5")
        assert s.last_result.revised and "(you marked this right)" in s.verdict
        assert s.session.finished
        await s.press("enter")
        results = results_screen(s)
        assert results.summary.totals.overrides == 1
        assert results.summary.totals.score == 100


async def test_enter_after_the_last_result_goes_to_the_summary() -> None:
    async with quiz("evidence") as s:
        await s.answer("bananas are yellow")
        assert s.session.phase is Phase.REVIEW
        await s.press("enter")
        assert results_screen(s).summary.reason == "finished"
