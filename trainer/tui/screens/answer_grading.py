"""The answer box: what is typed reaches it, and what is entered is graded off the UI thread.

A base of `QuizScreen`, so the quiz screen holds the questions and their pacing, and this
the plumbing of the box and of one grade: the answer goes to the session on a worker thread
(a long answer or a big pack must not freeze the keys), stays in the box until its verdict
is shown, and the box says it is grading only if the grade takes a while. What is typed
meanwhile starts the next answer. The screen is told of the grade through `answer_graded`.

When the student has asked for it (the setting is on by default), an entered answer first
waits for one key saying how sure they are (`#confidence`, a `ConfidencePrompt`); the box is
closed meanwhile, so that key cannot land in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events, on, work
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from trainer.confidence import Confidence
from trainer.quiz.events import AnswerState, Event, SummaryEvent
from trainer.quiz.session import Session
from trainer.tui.widgets.confidence_prompt import ConfidencePrompt

GRADING = "Grading your answer\u2026"
"""What the answer box says while a slow grade runs."""
GRADING_NOTE_AFTER = 0.1
"""Seconds a grade may take before the answer box says it is grading (and the keys that
would touch the session are dimmed): most grades take a few milliseconds."""


def placeholder_after(state: AnswerState, recall: bool) -> str:
    """What the answer box asks for after a verdict that leaves the question open (`state`);
    `recall`: a question that asks for several answers in turn ("Name the premises")."""
    if state is AnswerState.SAY_MORE:
        if recall:
            return "Say more: add what you left out"
        return "Say more: add what you left out (Enter alone to settle)"
    if state is AnswerState.MORE:
        return "Name another, or press Enter to move on"
    return "Name another (Enter to submit)" if recall else "Try again (Enter to submit)"


class GradesAnswers(Screen[SummaryEvent | None]):
    """A screen whose `#answer` box is graded by a session on a worker thread."""

    grading: var[bool] = var(False, init=False)
    """An answer is being graded on a worker thread; the session is not touched meanwhile.

    Not a repainting reactive, and the answer stays in the box until its verdict (see
    `_take_back_answer`): a frame drawn between Enter and the verdict put Textual's next
    frame 17 to 33 ms later, so the verdict took 42 ms to show in place of 16."""

    def __init__(self, *, ask_confidence: bool = False) -> None:
        super().__init__()
        self.ask_confidence = ask_confidence
        self.asking: tuple[Session, str] | None = None
        """The answer waiting for how sure the student is, and its session."""
        self._placeholder_before = ""
        self._submitted: str | None = None
        """The answer being graded, still in the box until its verdict is shown."""
        self._grading_note: Timer | None = None

    def on_key(self, event: events.Key) -> None:
        """Typing goes to the answer box wherever the focus is (the feedback pane after Tab,
        or nothing yet while the screen opens), so no letter is lost without a sign."""
        answer = self.query_one("#answer", Input)
        if event.is_printable and event.character and not answer.disabled:
            # The box takes its own keys; one that reaches the screen was meant for it.
            answer.focus()
            answer.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    def answer_graded(self, events: Sequence[Event] | None) -> None:
        """The grade is back: the session's events, or None when grading failed (said)."""
        raise NotImplementedError

    def grade_answer(self, session: Session, text: str) -> None:
        """Grade `text` on a worker (after asking how sure, when asked to); `answer_graded`
        hears how it went. An empty answer is no answer to be sure of."""
        if self.ask_confidence and text.strip():
            self.asking = (session, text)
            self.query_one("#answer", Input).disabled = True
            prompt = self.query_one("#confidence", ConfidencePrompt)
            prompt.display = True
            prompt.focus()
            self.refresh_bindings()
            return
        self._grade_now(session, text, None)

    @on(ConfidencePrompt.Chosen)
    def _sure(self, event: ConfidencePrompt.Chosen) -> None:
        asking = self._close_prompt()
        if asking is not None:
            self._grade_now(*asking, event.confidence)

    @on(ConfidencePrompt.Back)
    def _back_to_answer(self) -> None:
        self._close_prompt()

    def _close_prompt(self) -> tuple[Session, str] | None:
        asking, self.asking = self.asking, None
        self.query_one("#confidence").display = False
        answer = self.query_one("#answer", Input)
        answer.disabled = False
        answer.focus()
        self.refresh_bindings()
        return asking

    def _grade_now(self, session: Session, text: str, confidence: Confidence | None) -> None:
        self._submitted = text
        self.grading = True
        self._grade(session, text, confidence)

    @work(thread=True, exit_on_error=False, group="grade")
    def _grade(self, session: Session, text: str, confidence: Confidence | None) -> list[Event]:
        return session.answer(text, confidence)

    @on(Worker.StateChanged)
    def _graded(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "grade":
            return
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self._take_back_answer()
        self.grading = False
        if event.state is WorkerState.SUCCESS:
            events = event.worker.result
            self.answer_graded(events if isinstance(events, list) else [])
            return
        error = event.worker.error
        self.notify(
            f"Could not grade that answer: {type(error).__name__}: {error}",
            severity="error",
            markup=False,
        )
        self.answer_graded(None)

    def watch_grading(self, grading: bool) -> None:
        answer = self.query_one("#answer", Input)
        if grading:
            # Said only if the grade takes a while: a quick one should not cost a frame.
            self._grading_note = self.set_timer(GRADING_NOTE_AFTER, self._say_grading)
            return
        if self._grading_note is not None:
            self._grading_note.stop()
            self._grading_note = None
        if answer.placeholder == GRADING:  # nothing shown since (an empty answer, an error)
            answer.placeholder = self._placeholder_before
        self.refresh_bindings()

    def _take_back_answer(self) -> None:
        """Take the answer being graded out of the box, keeping what was typed after it."""
        text, self._submitted = self._submitted, None
        answer = self.query_one("#answer", Input)
        if text is not None and text in answer.value:
            answer.value = answer.value.replace(text, "", 1)
            answer.cursor_position = len(answer.value)

    @on(Input.Changed, "#answer")
    def _typed_while_grading(self) -> None:
        """A key typed while the answer is graded starts the next answer in an empty box."""
        if self.grading and self._submitted is not None:
            self._take_back_answer()

    def _say_grading(self) -> None:
        if self.grading:
            self._take_back_answer()
            answer = self.query_one("#answer", Input)
            self._placeholder_before, answer.placeholder = answer.placeholder, GRADING
            self.refresh_bindings()
