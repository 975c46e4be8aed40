"""Placeholder for the home screen's "due for review" list.

Progress tracking is a later issue. Until it lands this widget is mounted but hidden and shows
nothing; the progress work fills `show_due()` and un-hides it, without touching the screen.
"""

from __future__ import annotations

from textual.widgets import Static


class DueForReview(Static):
    """What is due for review in the open pack: nothing yet, so it takes no space."""

    DEFAULT_CSS = """
    DueForReview {
        display: none;
        height: auto;
    }
    """

    def show_due(self, item_ids: tuple[str, ...]) -> None:
        """Hook for the progress issue: stays hidden until it is given something to show."""
        self.display = False
