"""How sure are you? One key before the verdict: 1 to 4, or Enter to skip.

Asked after the answer is entered and before it is graded, so the student commits before
seeing the verdict; that is what makes the stats' calibration mean something. One keystroke
is all it costs, and Backspace goes back to the answer unchanged.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from trainer.confidence import Confidence


def _prompt() -> Content:
    first, last = Confidence.GUESS, Confidence.CERTAIN
    return Content.assemble(
        ("How sure are you? ", "bold"),
        "Press ",
        (first.key, "bold $text-accent"),
        f" ({first.label}) to ",
        (last.key, "bold $text-accent"),
        f" ({last.label}); ",
        ("Enter", "bold"),
        " skips.",
    )


class ConfidencePrompt(Static, can_focus=True):
    """The one-line question; posts `Chosen` with the level (None: skipped) or `Back`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(level.key, f"choose('{level.value}')", level.label) for level in Confidence),
        Binding("enter", "choose('')", "Skip"),
        Binding("backspace", "back", "Edit the answer"),
    ]

    class Chosen(Message):
        def __init__(self, confidence: Confidence | None) -> None:
            super().__init__()
            self.confidence = confidence

    class Back(Message):
        """Back to the answer, to change it before it is graded."""

    def on_mount(self) -> None:
        self.update(_prompt())

    def action_choose(self, value: str) -> None:
        self.post_message(self.Chosen(Confidence(value) if value else None))

    def action_back(self) -> None:
        self.post_message(self.Back())
