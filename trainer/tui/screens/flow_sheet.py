"""The flow sheet after a timed round: each point, what was said to it, how it went, the
author's reply, the time; and the points to drill, in a round of their own.

Debaters keep a flow sheet during a round, a column per speech, to see which arguments were
answered and which were dropped; this is that sheet for one student against the pack's
other side. Every figure and word comes from the engine's `FlowSheet` and summary.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from trainer.packs.model import Pack
from trainer.quiz.events import SummaryEvent
from trainer.quiz.scoring import QuestionOutcome
from trainer.quiz.spar import FlowRow, FlowSheet
from trainer.tui.screens.results import duration
from trainer.tui.text import plain
from trainer.tui.widgets.title_bar import TitleBar

_OUTCOME_STYLE = {
    QuestionOutcome.CORRECT: "$text-success",
    QuestionOutcome.PARTIAL: "$text-warning",
}


def _row(number: int, row: FlowRow) -> Content:
    outcome = row.outcome.value.replace("_", " ")
    style = _OUTCOME_STYLE.get(row.outcome, "$text-error")
    late = Content.styled(", late", "$text-warning") if row.late else Content("")
    return Content("\n").join(
        [
            Content.assemble(
                (f"{number}. ", "bold"),
                plain(row.label, "bold"),
                "  ",
                (outcome, f"bold {style}"),
                f", {duration(row.seconds)}",
                late,
            ),
            Content.assemble(("They: ", "$text-muted"), plain(row.said)),
            Content.assemble(("You: ", "$text-muted"), plain(row.answer or "(nothing)")),
            Content.assemble(("Author: ", "$text-accent"), plain(row.reply)),
        ]
    )


class FlowSheetScreen(Screen[tuple[str, ...] | None]):
    """Dismisses with the points to drill in another round, or None to go home."""

    CSS_PATH = "flow_sheet.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "drill", "Drill these points"),
        Binding("escape,h", "home", "Home"),
    ]

    def __init__(self, pack: Pack, summary: SummaryEvent, sheet: FlowSheet) -> None:
        super().__init__()
        self.pack = pack
        self.summary = summary
        self.sheet = sheet
        self.sub_title = "Flow sheet"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="flow"):
            yield Static(self._headline(), id="flow-headline")
            with VerticalScroll(id="flow-rows"):
                for number, row in enumerate(self.sheet.rows, 1):
                    yield Static(_row(number, row), classes="flow-row")
            yield Static(self._drill_line(), id="flow-drill")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#flow-rows").focus()

    def _headline(self) -> Content:
        totals = self.summary.totals
        late = sum(row.late for row in self.sheet.rows)
        return Content.assemble(
            ("Spar round  ", "bold"),
            (f"{totals.score} of {totals.max} points ({totals.percent}%)", "bold $text-accent"),
            f"\n{len(self.sheet.rows)} points at {self.sheet.seconds:g} s each, "
            f"{late} answered late, {duration(totals.seconds)} in all",
        )

    def _drill_line(self) -> Content:
        drill = [row for row in self.sheet.rows if row.to_drill]
        if not drill:
            if not self.sheet.rows:
                return Content.styled("No point was put, so there is nothing to drill.", "dim")
            return Content.styled("Every point answered right, in time.", "$text-success")
        labels = "; ".join(row.label for row in drill)
        return Content.assemble(("To drill (d): ", "bold"), plain(labels))

    def action_drill(self) -> None:
        if self.sheet.drill:
            self.dismiss(self.sheet.drill)
        else:
            self.notify("Nothing to drill: every point was answered right, in time.")

    def action_home(self) -> None:
        self.dismiss(None)
