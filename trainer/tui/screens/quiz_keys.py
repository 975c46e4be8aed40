"""What the quiz's keys do: hint, skip, give up, "I was right", next, end; and which are live.

A base of `QuizScreen`, which shows the questions and their pacing; this holds the keys, the
footer that lists them, and the rule that a key which would do nothing right now is dimmed
rather than left to fail. Every action is the session's; the screen shows what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widgets import Footer

from trainer.quiz.events import Event, SummaryEvent, VerdictEvent
from trainer.quiz.session import EndReason, Phase, Session
from trainer.tui.footer_keys import footer_keys
from trainer.tui.screens.answer_grading import GradesAnswers
from trainer.tui.screens.confirm import ConfirmScreen


class QuizKeys(GradesAnswers):
    """The quiz screen's keys over its session (`QuizScreen` shows what they return)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2,ctrl+g", "hint", "Hint"),
        Binding("f3,ctrl+s", "skip", "Skip"),
        Binding("f4,ctrl+r", "give_up", "Give up"),
        Binding("f5,ctrl+o", "override", "I was right"),
        Binding("f6,ctrl+n", "next", "Next"),
        Binding("enter", "next", "Next", show=False),
        Binding("escape", "end", "End quiz"),
    ]

    awaiting_next: reactive[bool] = reactive(False, init=False)
    """A question has ended and its result is shown; Enter moves on."""

    def __init__(self, *, ask_confidence: bool = False) -> None:
        super().__init__(ask_confidence=ask_confidence)
        self.session: Session | None = None
        self.summary: SummaryEvent | None = None
        self._pending: list[Event] = []
        """What the engine said after a result, held until the student presses Enter."""
        self._last_verdict: VerdictEvent | None = None
        self._end_when_graded = False
        self._footer = Footer()
        self._footer_shown: tuple[object, ...] | None = None
        """What the footer was last told to show (`refresh_bindings`)."""

    def act(self, events: Sequence[Event]) -> None:
        """What the session just returned: log it, then show it (the screen's)."""
        raise NotImplementedError

    def apply(self, events: Iterable[Event]) -> None:
        """Show what the engine said (the screen's)."""
        raise NotImplementedError

    def answer_graded(self, events: Sequence[Event] | None) -> None:
        raise NotImplementedError

    def refresh_bindings(self) -> None:
        """Tell the footer about the keys only when what it would show has changed.

        Textual's `Footer` rebuilds every key it shows each time it is told (10 to 30 ms),
        and one answer told it about seven times (the grade's end, the verdict, a focus
        move, the result, Textual's own refresh after each focus move), keeping the app
        from the next key just after the verdict; now about three, one per real change.
        """
        shown = footer_keys(self, self._footer)
        if shown is not None and shown == self._footer_shown:
            return
        self._footer_shown = shown
        super().refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim the keys that do nothing right now, rather than let them fail."""
        session = self.session
        if (self.grading or self.asking is not None) and action != "end":
            return None  # nothing else may touch the session until its verdict is back
        is_open = session is not None and not session.finished and not self.awaiting_next
        if action in ("hint", "skip", "give_up"):
            return True if is_open else None
        if action == "next":
            more = session is not None and session.phase in (Phase.MORE, Phase.SAY_MORE)
            return True if self.awaiting_next or (is_open and more) else None
        if action == "override":
            last = self._last_verdict
            allowed = (
                session is not None
                and not session.finished
                and last is not None
                and str(last.verdict.outcome) != "correct"
            )
            return True if allowed else None
        return True

    def action_hint(self) -> None:
        if self.session is not None:
            self.act(self.session.hint())

    def action_skip(self) -> None:
        if self.session is not None:
            self.act(self.session.skip())

    def action_give_up(self) -> None:
        if self.session is not None:
            self.act(self.session.give_up())

    def action_override(self) -> None:
        if self.session is not None and not self.session.finished:
            self.act(self.session.override())

    def action_next(self) -> None:
        if self.awaiting_next:
            pending, self._pending = self._pending, []
            self.awaiting_next = False
            self.apply(pending)
        elif self.session is not None and not self.session.finished:
            self.act(self.session.next())

    def action_end(self) -> None:
        if self.summary is not None:
            self.dismiss(self.summary)
            return

        def answered(end: bool | None) -> None:
            if end and self.grading:
                self._end_when_graded = True  # the answer being graded still counts
            elif end:
                self._end_now()

        self.app.push_screen(
            ConfirmScreen("End this quiz now? The answers so far are scored.", "End", "Go on"),
            answered,
        )

    def _end_now(self) -> None:
        if self.session is not None and self.session.finished:
            return  # the answer that was being graded ended the quiz
        if self.session is not None:
            self.awaiting_next = False
            self._pending.clear()
            self.act(self.session.finish(EndReason.INTERRUPTED))
        else:
            self.dismiss(None)
