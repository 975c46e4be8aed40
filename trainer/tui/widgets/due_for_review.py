"""The home screen's line on what spaced repetition says is due in the open pack.

It shows counts the screen hands it (the screen asks the progress store); with nothing due
this week, or no progress yet, it takes no space at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from trainer.progress.stats import DueCounts


def due_content(due: DueCounts) -> Content | None:
    """What the widget says for these counts (Stats says the same); None when nothing is
    due this week."""
    if not due.week:
        return None
    return Content.assemble(
        ("Due for review: ", "bold"),
        (f"{due.now} now", "bold $text-warning") if due.now else "0 now",
        f", {due.today} today, {due.week} this week",
    )


class DueForReview(Static):
    """How many items of the open pack are due now and this week; hidden when none."""

    DEFAULT_CSS = """
    DueForReview {
        display: none;
        height: auto;
        padding: 0 2;
    }
    """

    def show_due(self, due: DueCounts) -> None:
        """Show the counts, or hide when nothing is due within the week."""
        content = due_content(due)
        if content is None:
            self.display = False
            return
        self.update(content)
        self.display = True

    def hide(self) -> None:
        if self.display:
            self.display = False
