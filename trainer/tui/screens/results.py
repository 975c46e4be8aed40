"""Results: the session's score, per kind of question and per item, and what to practise.

Every figure comes from the engine's summary event; this screen only sorts and shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from trainer.packs.model import Kind, Pack
from trainer.quiz.events import SummaryEvent
from trainer.quiz.questions import QuestionKind
from trainer.quiz.scoring import ItemTally
from trainer.tui.modes import MODE_INFO
from trainer.tui.outline import KIND_NAMES
from trainer.tui.quiz_session import QUESTION_NAMES
from trainer.tui.text import plain, plain_text
from trainer.tui.widgets.title_bar import TitleBar

WEAKEST = 5
"""How many items the "practise these again" list offers."""

_STATUS_STYLE = {
    "correct": "green",
    "partial": "yellow",
    "incorrect": "red",
    "missed": "red",
    "skipped": "dim",
}


def duration(seconds: float) -> str:
    """Seconds as a student reads a time: 42s, 3m 05s, 1h 02m."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


def weakest(by_item: Sequence[ItemTally], count: int = WEAKEST) -> list[ItemTally]:
    """The items with the lowest share of their points, not those answered right."""
    shaky = [entry for entry in by_item if entry.outcome != "correct"]
    shaky.sort(key=lambda entry: (entry.points / max(1, entry.max), -entry.hints))
    return shaky[:count]


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _right(value: object) -> Text:
    return Text(str(value), justify="right")


class ResultsScreen(Screen[tuple[str, ...] | None]):
    """Dismisses with the items to practise again (weakest first), or None to go home."""

    CSS_PATH = "results.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "practise", "Practise these again"),
        Binding("escape,h", "home", "Home"),
    ]

    def __init__(self, pack: Pack, summary: SummaryEvent, title: str = "") -> None:
        """`title`: what the quiz was called on its screen ("Practice", "Premises quiz");
        by default the mode's name."""
        super().__init__()
        self.pack = pack
        self.summary = summary
        mode = MODE_INFO.get(summary.mode)
        self.quiz_title = title or f"{mode.title if mode else summary.mode} quiz"
        self.weak_items = weakest(summary.by_item)
        self.sub_title = "Results"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="results"):
            yield Static(self._headline(), id="headline")
            with Horizontal(id="middle"):
                yield DataTable(id="kinds", cursor_type="row", zebra_stripes=True)
                with Vertical(id="weak-column"):
                    yield Static(self._weak_list(), id="weakest")
                    yield Button(
                        "Practise these again", id="practise", variant="primary", compact=True
                    )
            yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#kinds").border_title = "By kind of question"
        self.query_one("#items").border_title = "By item"
        self.query_one("#weak-column").border_title = "Weakest"
        self.query_one("#practise", Button).disabled = not self.weak_items
        self._fill_kinds()
        self._fill_items()
        self.query_one("#items", DataTable).focus()

    def _headline(self) -> Content:
        totals = self.summary.totals
        outcomes = totals.outcomes
        parts = [
            Content.styled(f"{self.quiz_title}  ", "bold"),
            Content.styled(
                f"{totals.score} of {totals.max} points ({totals.percent}%)",
                "bold $text-accent",
            ),
            Content(
                f"\n{totals.asked} of {totals.planned} questions in "
                f"{duration(totals.seconds)}; {outcomes.get('correct', 0)} passed, "
                f"{_count(totals.hints, 'hint')}, {totals.overrides} overridden"
            ),
        ]
        return Content("").join(parts)

    def _nothing_to_practise(self) -> str:
        """Why the list is empty, in words that cannot contradict a low score."""
        if not self.summary.by_item:
            return "Nothing was answered, so there is nothing to practise yet."
        return "Nothing to practise: every item you answered was right."

    def _weak_list(self) -> Content:
        if not self.weak_items:
            answered = bool(self.summary.by_item)
            style = "$text-success" if answered else "$text-muted"
            return Content.styled(self._nothing_to_practise(), style)
        lines = [plain(f"\u2022 {entry.label or entry.item_id}") for entry in self.weak_items]
        return Content("\n").join(lines)

    def _fill_kinds(self) -> None:
        table = self.query_one("#kinds", DataTable)
        table.add_columns("Kind", "Right", "Points", "Time")
        # In the argument's order (thesis ... conclusion), the same in every session.
        order = {kind.value: n for n, kind in enumerate(QuestionKind)}
        kinds = sorted(self.summary.by_kind.items(), key=lambda pair: order.get(pair[0], 99))
        for kind, row in kinds:
            table.add_row(
                Text(QUESTION_NAMES.get(kind, kind).capitalize()),
                _right(f"{row.correct}/{row.questions}"),
                _right(f"{row.score}/{row.max}"),
                _right(duration(row.seconds)),
            )

    def _fill_items(self) -> None:
        table = self.query_one("#items", DataTable)
        table.add_columns("Result", "Kind", "Points", "Hints", "Time", "Item")
        for entry in self.summary.by_item:
            outcome = str(entry.outcome)
            kind = KIND_NAMES.get(Kind(entry.kind)) if entry.kind else ""
            result = Text(outcome, style=_STATUS_STYLE.get(outcome, ""))
            if entry.overridden:
                result.append(" (you)", style="italic")
            table.add_row(
                result,
                Text(kind or ""),
                _right(f"{entry.points}/{entry.max}"),
                _right(entry.hints),
                _right(duration(entry.seconds)),
                plain_text(str(entry.label or entry.item_id)),
                key=str(entry.item_id),
            )

    @on(Button.Pressed, "#practise")
    def _practise_pressed(self) -> None:
        self.action_practise()

    def action_practise(self) -> None:
        if self.weak_items:
            self.dismiss(tuple(str(entry.item_id) for entry in self.weak_items))
        else:
            self.notify(self._nothing_to_practise())

    def action_home(self) -> None:
        self.dismiss(None)
