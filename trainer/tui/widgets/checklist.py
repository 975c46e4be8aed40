"""The checklist of a question that wants several answers ("Name the premises (4)").

A line per answer named, ticked, with its model answer; when the question ends, a crossed
line per answer missed; and one line counting what is still to name. The order is the
order named, so the list never hints at which answers remain.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from trainer.tui.text import plain


class Checklist(Static):
    """Shows `wanted` slots; `named` and `missed` hold model answers to show in them."""

    DEFAULT_CSS = """
    Checklist {
        height: auto;
        padding: 0 1;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    wanted: reactive[int] = reactive(0, layout=True)
    named: reactive[tuple[str, ...]] = reactive((), layout=True)
    missed: reactive[tuple[str, ...]] = reactive((), layout=True)

    def ask(self, wanted: int, *, shown: bool) -> None:
        """A new question that wants `wanted` answers; `shown` when it takes several (or
        is a recall question), else the checklist takes no space."""
        self.display = shown
        self.wanted = wanted
        self.named = ()
        self.missed = ()

    def tick(self, answers: Iterable[str]) -> None:
        """Tick these model answers, once each, after those already named."""
        for answer in answers:
            if answer not in self.named:
                self.named = (*self.named, answer)

    def miss(self, answers: Iterable[str]) -> None:
        """The question is over: cross these out, the answers not named."""
        self.missed = tuple(answers)

    def render(self) -> Content:
        lines = [
            Content.assemble(("\u2714 ", "bold $text-success"), plain(answer))
            for answer in self.named
        ]
        lines += [
            Content.assemble(("\u2718 ", "bold $text-error"), plain(answer, "$text-muted"))
            for answer in self.missed
        ]
        left = max(0, self.wanted - len(lines))
        if left:
            lines.append(Content.styled(f"\u25cb {left} more to name", "$text-muted"))
        heading = Content.styled(f"Named {len(self.named)} of {self.wanted}", "bold")
        return Content("\n").join([heading, *lines])
