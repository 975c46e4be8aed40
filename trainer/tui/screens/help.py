"""Help: every key binding, what each mode asks, progress and review, how answers are graded.

The key lists are read from the screens' own `BINDINGS`, and the points from the quiz
engine's scoring rules, so this page cannot drift from what the app does. It is built as
`Content` (not Markdown, which takes over a second to lay out a page this long).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from trainer.quiz.scoring import ScoringRules
from trainer.tui.modes import MODES
from trainer.tui.widgets.confidence_prompt import ConfidencePrompt
from trainer.tui.widgets.title_bar import TitleBar

GRADING = (
    "You answer in your own words, and the grader reads your answer as a fair teacher would:",
    "\u2022 It ignores case, punctuation and accents, expands common abbreviations, reads "
    "numbers written as words, and forgives small typos.",
    "\u2022 It compares your words with the model answer and every phrasing the pack accepts.",
    "\u2022 It checks the key concepts of the item, the ideas a right answer must contain; the "
    "feedback lists the concepts you gave and the ones you missed.",
    "\u2022 A negation that flips the meaning, a different number or a different name is never "
    "accepted, however close the words are.",
    "\u2022 If your answer is another item's point, a near-miss line says which one.",
    "\u2022 Some wrong answers are known mistakes: the pack's author wrote feedback for them.",
    "",
    "The verdict is correct, partly right or not right. After a partly right answer you may "
    "say more: what you type next is graded together with what you wrote. If you are sure "
    'the grader is wrong, press "I was right": the answer counts as correct, and the record '
    "shows that you overruled the grader.",
)

PROGRESS = (
    "Every answer you give in a quiz is saved as you go, in your progress file, and each item "
    "gets a review date: soon after a miss, later and later while you keep getting it right. "
    'An answer you mark "I was right" counts as right there too.',
    "\u2022 Review mode asks the items that are due, the most overdue first. The home screen "
    "says how many are due now and this week.",
    "\u2022 The stats screen (Stats, on the home screen) shows your attempts and accuracy, your "
    "streak of days, accuracy per day, per kind of question, and your weakest items.",
    "\u2022 Before each verdict you may say how sure you are (1 guessing to 4 certain, Enter "
    "skips; the palette turns the question off). Stats shows how often you were right at "
    "each level: whether being sure means being right.",
)

KEY_WIDTH = 16
"""Room for the keys column; the longest, "f2 or ^g", is well inside it."""


def _heading(text: str) -> Content:
    return Content.styled(f"\n{text}", "bold $text-accent")


def _rows(app: App[object], bindings: Iterable[BindingType]) -> Iterator[Content]:
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        keys = " or ".join(
            app.get_key_display(Binding(key, binding.action)) for key in binding.key.split(",")
        )
        yield Content.assemble(
            ("  " + keys.ljust(KEY_WIDTH), "bold $text-warning"), binding.description
        )


def help_content(app: App[object]) -> Content:
    """The whole help page (all of it written here, none of it from a pack)."""
    from trainer.tui.screens.flow_sheet import FlowSheetScreen
    from trainer.tui.screens.home import HomeScreen
    from trainer.tui.screens.quiz import QuizScreen
    from trainer.tui.screens.results import ResultsScreen
    from trainer.tui.screens.stats import StatsScreen
    from trainer.tui.screens.study import StudyScreen

    everywhere = [
        *app.BINDINGS,
        Binding("ctrl+p", "command_palette", "Command palette: modes, packs, themes"),
        Binding("ctrl+q", "quit", "Quit"),
    ]
    sections = [
        ("Everywhere", everywhere),
        ("Home", HomeScreen.BINDINGS),
        ("Study", StudyScreen.BINDINGS),
        ("Quiz", QuizScreen.BINDINGS),
        ("How sure are you? (before each verdict)", ConfidencePrompt.BINDINGS),
        ("Results", ResultsScreen.BINDINGS),
        ("Flow sheet (after a spar round)", FlowSheetScreen.BINDINGS),
        ("Stats", StatsScreen.BINDINGS),
        ("This page", HelpScreen.BINDINGS),
    ]
    rules = ScoringRules()
    lines: list[Content] = [
        Content.styled("Keys", "bold underline"),
        Content("The mouse works too: click a pack, a mode, a map item or a button."),
    ]
    for title, bindings in sections:
        lines += [_heading(title), *_rows(app, bindings)]
    lines += [_heading("Modes").stylize("underline", 1)]
    lines += [
        Content.assemble(("  " + mode.title.ljust(KEY_WIDTH), "bold"), mode.line) for mode in MODES
    ]
    lines += [_heading("Progress, review and stats").stylize("underline", 1)]
    lines += [Content(line) for line in PROGRESS]
    lines += [_heading("How answers are graded").stylize("underline", 1)]
    lines += [Content(line) for line in GRADING]
    lines += [
        _heading("Points"),
        Content(f"  A right answer: {rules.correct}; right after saying more: "),
        Content(
            f"  {rules.after_say_more}; still partly right after saying more: {rules.partial}."
        ),
        Content(f"  Each hint costs {rules.hint_cost} points, until the question is passed."),
        Content("  Naming the premises: full points for each one you name."),
        Content(
            f"  In a spar round, an answer after the clock keeps {rules.late_share:.0%} of its "
            "points."
        ),
    ]
    return Content("\n").join(lines)


class HelpScreen(Screen[None]):
    """A scrollable page; Escape goes back to where you were."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="help-page"):
            yield Static(help_content(self.app), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Help"
        self.query_one("#help-page").focus()

    def action_back(self) -> None:
        self.dismiss()
