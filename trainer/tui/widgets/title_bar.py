"""A one-line title bar: the app's name and what this screen is showing.

Textual's `Header` does more (an icon, a clock) and costs several milliseconds to build on
the first frame, which counts against start-up; this shows the same text for less.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from trainer.tui.text import plain


class TitleBar(Static):
    """Shows `App.title` and the screen's `sub_title` (which may name a pack: plain text)."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 1fr;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "sub_title", self._retitle)

    def _retitle(self, sub_title: str) -> None:
        # Spaces end a span rather than start one: an SVG screenshot drops a span's leading
        # spaces, which read "debate-trainer\u2014" there.
        if sub_title:
            title = Content.assemble(
                (f"{self.app.title}  ", "bold"), ("\u2014  ", "$text-muted"), plain(sub_title)
            )
        else:
            title = Content.styled(self.app.title, "bold")
        self.update(title)
