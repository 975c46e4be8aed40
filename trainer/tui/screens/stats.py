"""Stats: how practice on the open pack is going, from the progress store.

The figures are the `stats` command's (`trainer.progress.stats.pack_stats`), computed on the
store's thread, so the app and the command line always agree. The chart is the command's
plain-text chart, shown as it is.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState

from trainer.packs.model import Pack
from trainer.progress.calibration import calibration_lines
from trainer.progress.report import render
from trainer.progress.stats import DueCounts, Stats, Tally, accuracy_chart
from trainer.tui.context import context_of
from trainer.tui.progress import StoreUnavailable, pack_stats
from trainer.tui.quiz_session import QUESTION_NAMES
from trainer.tui.text import plain
from trainer.tui.widgets.due_for_review import due_content
from trainer.tui.widgets.title_bar import TitleBar


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def headline(stats: Stats) -> Content:
    """Totals, streak and what is due, in two lines."""

    def figure(text: str) -> Content:
        return Content.styled(text, "bold $text-accent")

    total = stats.total
    first = [
        figure(_plural(total.attempts, "attempt")),
        Content(", "),
        figure(f"{total.accuracy:.0%} "),
        Content("right; streak "),
        figure(_plural(stats.streak_days, "day")),
    ]
    if stats.overrides:
        first.append(Content(f"; {len(stats.overrides)} marked right by you"))
    due = due_content(DueCounts(stats.due_now, stats.due_today, stats.due_week))
    second = [Content("\n"), due or Content("Nothing is due for review this week.")]
    return Content("").join([*first, *second])


def weakest_lines(stats: Stats) -> Content:
    """The items answered right least often (pack labels: plain text)."""
    if not stats.weakest:
        return Content.styled("Nothing weak: every item you tried was right.", "$text-success")
    lines = []
    for weak in stats.weakest:
        share = Content.styled(
            f"{weak.tally.accuracy:4.0%} of {weak.tally.attempts:<3} ", "$text-muted"
        )
        gone = Content.styled(" (no longer in the pack)", "italic") if not weak.in_pack else ""
        lines.append(Content.assemble(share, plain(weak.label), gone))
    return Content("\n").join(lines)


def _store_failure(error: BaseException | None) -> bool:
    """The store itself failed (a damaged page, a lock), not the counting."""
    import sqlite3

    from trainer.progress.store import StoreError

    return isinstance(error, StoreError | sqlite3.DatabaseError)


def _right(text: str) -> Text:
    return Text(text, justify="right")


class StatsScreen(Screen[bool]):
    """Totals, accuracy per day, per kind of question, the weakest items, what is due.

    Dismissed with True when the student asks to review what is due (the app starts it).
    """

    CSS_PATH = "stats.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back"),
        Binding("r", "review", "Review what is due"),
        Binding("m", "set_aside", "Move a damaged progress file aside"),
    ]

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.stats: Stats | None = None
        self.unreadable = False
        """The store failed under the count: offer to move the file aside and start afresh."""
        self.sub_title = f"Progress: {pack.title}"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="stats"):
            yield Static(
                Content.styled("Counting your attempts\u2026", "$text-muted"), id="headline"
            )
            with Vertical(id="figures"):
                with Horizontal(id="top"):
                    yield Static(id="chart", markup=False)
                    yield Static(id="weakest")
                yield DataTable(id="kinds", cursor_type="row", zebra_stripes=True)
                yield Static(id="calibration", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#chart").border_title = "Accuracy per day"
        self.query_one("#weakest").border_title = "Weakest items"
        self.query_one("#kinds").border_title = "By kind of question"
        self.query_one("#calibration").border_title = "How sure you said you were"
        self.query_one("#stats").focus()
        self._compute()

    @work(exclusive=True, exit_on_error=False, group="stats")
    async def _compute(self) -> None:
        app = context_of(self)
        try:
            stats = await app.progress.ask(partial(pack_stats, self.pack, app.now()))
        except StoreUnavailable as error:
            self._say(f"Your progress is not available: {error}")
            return
        self.show_stats(stats)

    @on(Worker.StateChanged)
    def _failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "stats" and event.state is WorkerState.ERROR:
            error = event.worker.error
            if _store_failure(error):
                self.unreadable = True
                self.refresh_bindings()
                self._say(
                    f"Your progress file could not be read ({error}).\n\n"
                    "Press m to move it aside (nothing in it is deleted) and start a fresh "
                    "one, or Escape to go back."
                )
            else:
                self._say(f"Could not count your progress: {type(error).__name__}: {error}")
        elif event.worker.group == "set-aside" and event.state is WorkerState.ERROR:
            self._say(f"Could not move your progress file aside: {event.worker.error}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "set_aside":
            return self.unreadable  # the key is hidden unless the file is damaged
        return True

    def action_set_aside(self) -> None:
        if self.unreadable:
            self.unreadable = False
            self.refresh_bindings()
            self._set_aside()

    @work(exclusive=True, exit_on_error=False, group="set-aside")
    async def _set_aside(self) -> None:
        moved = await asyncio.wrap_future(context_of(self).progress.renew_if_damaged())
        if moved is None:
            self._say(
                "Your progress file is not damaged: another trainer may be using it. "
                "Try again in a moment (Escape to go back)."
            )
            return
        self.notify(
            f"Your damaged progress file was moved to {moved}; nothing in it was deleted. "
            "A fresh one has started.",
            title="Progress",
            severity="warning",
            markup=False,
            timeout=30,
        )
        self._compute()

    def _say(self, message: str) -> None:
        self.remove_class("-ready")
        self.query_one("#headline", Static).update(plain(message))

    def show_stats(self, stats: Stats) -> None:
        self.stats = stats
        if not stats.total.attempts:
            self._say(render(stats))
            return
        self.query_one("#headline", Static).update(headline(stats))
        self.query_one("#chart", Static).update(Content("\n".join(accuracy_chart(stats.by_day))))
        self.query_one("#weakest", Static).update(weakest_lines(stats))
        self._fill_kinds(stats.by_kind)
        calibration = Content("\n".join(calibration_lines(stats.calibration)))
        self.query_one("#calibration", Static).update(calibration)
        self.add_class("-ready")

    def _fill_kinds(self, by_kind: dict[str, Tally]) -> None:
        table = self.query_one("#kinds", DataTable)
        table.clear(columns=True)
        table.add_columns("Kind", "Right", "Accuracy")
        for kind, tally in sorted(by_kind.items(), key=lambda pair: (pair[1].accuracy, pair[0])):
            table.add_row(
                Text(QUESTION_NAMES.get(kind, kind).capitalize()),
                _right(f"{tally.correct}/{tally.attempts}"),
                _right(f"{tally.accuracy:.0%}"),
            )

    def action_back(self) -> None:
        self.dismiss(False)

    def action_review(self) -> None:
        self.dismiss(True)
