"""Asks the student's name: once on the first start, again whenever they choose to change it.

The name goes with every attempt (and into `export-progress`), so an instructor can tell
whose progress is whose. The screen only asks; the app saves the answer.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from trainer.progress.student import MAX_STUDENT_NAME, clean_student_name


class StudentNameScreen(ModalScreen[str | None]):
    """Dismisses with the cleaned name, or None when the student declines (Escape)."""

    CSS_PATH = "student_name.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "decline", "Not now")]

    def __init__(self, current: str = "") -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("What is your name? Your progress is kept under it.", markup=False)
            yield Input(
                self.current,
                placeholder="Your name (Enter to save)",
                max_length=MAX_STUDENT_NAME,
                id="name",
            )
            yield Label(
                "Your teacher sees it in exported progress. Change it later from the "
                "palette (Ctrl+P, \u201cYour name\u201d). Esc: not now.",
                id="name-note",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = clean_student_name(event.value)
        if not name:
            self.notify("Type your name, or press Esc to skip for now.", severity="warning")
            return
        self.dismiss(name)

    def action_decline(self) -> None:
        self.dismiss(None)
