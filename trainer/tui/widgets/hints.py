"""The hints shown for the open question, each kept with the answer it is about.

A hint about an answer the student has since named is dropped: it would only crowd out the
ones still useful (at 80x24 it pushed the verdict off the screen).
"""

from __future__ import annotations

from collections.abc import Collection

from textual.content import Content
from textual.widgets import Static


class Hints(Static):
    """One line per hint, in the order given; takes no space when there is none."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hints: list[tuple[str | None, Content]] = []
        """Each hint with the target (an item id) it is about; None: the whole question."""

    def add(self, about: str | None, hint: Content) -> None:
        self._hints.append((about, hint))
        self._show()

    def clear(self) -> None:
        """No hints: a new question."""
        self._hints.clear()
        self._show()

    def drop_about(self, named: Collection[str]) -> None:
        """Drop the hints about the answers (item ids) just named."""
        self._hints = [hint for hint in self._hints if hint[0] not in named]
        self._show()

    def _show(self) -> None:
        self.update(Content("\n").join(content for _, content in self._hints))
        self.display = bool(self._hints)
