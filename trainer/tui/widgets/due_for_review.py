"""The home screen's line on what spaced repetition says is due in the open pack.

It shows counts the screen hands it (the screen asks the progress store); with nothing due
this week, or no progress yet, it takes no space at all.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def due_content(now: int, week: int) -> Content | None:
    """What the widget says for these counts; None when there is nothing to say.

    `week` counts what is due within seven days, so it includes `now`.
    """
    if not week and not now:
        return None
    return Content.assemble(
        ("Due for review: ", "bold"),
        (f"{now} now", "bold $text-warning") if now else "0 now",
        f", {week} this week" if week > now else "",
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

    def show_due(self, now: int, week: int) -> None:
        """Show the counts, or hide when nothing is due within the week."""
        content = due_content(now, week)
        if content is None:
            self.display = False
            return
        self.update(content)
        self.display = True

    def hide(self) -> None:
        if self.display:
            self.display = False
