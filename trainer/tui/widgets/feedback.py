"""The quiz's feedback panel: what the grader said about an answer, and how a question ended.

It only formats what the quiz engine's events carry (the verdict's fields, the result's
missed answers); every string from the pack or the keyboard is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainer.packs.model import Pack
from trainer.quiz.events import HintEvent, ResultEvent, VerdictEvent
from trainer.tui.outline import KIND_NAMES
from trainer.tui.text import plain

OUTCOME_LOOK: dict[str, tuple[str, str]] = {
    "correct": ("\u2714 Correct", "bold $text-success"),
    "partial": ("\u25d0 Partly right", "bold $text-warning"),
    "incorrect": ("\u2718 Not right", "bold $text-error"),
}
"""How each verdict is shown: a symbol and word (readable without colour) and its colour."""

RESULT_LOOK: dict[str, tuple[str, str]] = {
    "correct": ("Question passed", "$text-success"),
    "partial": ("Question over: part marks", "$text-warning"),
    "incorrect": ("Question over", "$text-error"),
    "gave_up": ("You gave up", "$text-error"),
    "skipped": ("Skipped", "$text-muted"),
    "unfinished": ("Not finished", "$text-muted"),
}


def _label(text: str, style: str = "bold") -> Content:
    return Content.styled(text, style)


def _terms(terms: Sequence[str]) -> Content:
    return plain(", ".join(terms)) if terms else Content.styled("none", "$text-muted")


def verdict_content(pack: Pack, event: VerdictEvent, *, reveal: bool) -> Content:
    """The verdict in colour, the score, concepts, targeted feedback, near miss, model answer.

    `reveal` shows the model answer; the quiz holds it back while the student may still
    complete or correct the answer, so that the panel does not give it away.
    """
    verdict = event.verdict
    outcome = str(verdict.outcome)
    word, style = OUTCOME_LOOK.get(outcome, OUTCOME_LOOK["incorrect"])
    lines: list[Content] = []
    # Spaces end a span, never start one: an SVG screenshot drops leading spaces
    # ("Partly rightscore 61/100").
    # The grader's match, not the question's points: "score 87/100" beside "100 of 100
    # points" read as a contradiction.
    score = f"match {verdict.score}%"
    if verdict.overridden:
        head = Content.assemble(
            (f"{word}  ", style), f"{score}  ", ("(you marked this right)", "italic $text-accent")
        )
    else:
        head = Content.assemble((f"{word}  ", style), score)
    lines.append(head)
    lines.append(Content.assemble(_label("You wrote: "), plain(event.answer)))
    if event.confidence is not None or event.late:
        sure = f"{event.confidence.label} of it" if event.confidence is not None else ""
        late = "late, after the clock ran out" if event.late else ""
        said = ", ".join(part for part in (sure, late) if part)
        lines.append(Content.assemble(_label("You were: "), said))
    belongs_to = verdict.belongs_to
    explanation = verdict.explanation
    if explanation and not (belongs_to and verdict.reason == "neighbour"):
        lines.append(plain(explanation))
    feedback = verdict.feedback or ""
    if feedback and feedback not in explanation:  # a rejection often quotes it already
        lines.append(Content.assemble(_label("Feedback: "), plain(feedback)))
    found = tuple(verdict.concepts_found)
    missing = tuple(verdict.concepts_missing)
    if found or missing:
        lines.append(Content.assemble(_label("Key concepts found: "), _terms(found)))
        lines.append(Content.assemble(_label("Missing: "), _terms(missing)))
    if belongs_to:
        other = pack.get(belongs_to)
        if other is not None:
            lines.append(
                Content.assemble(
                    ("Near miss: ", "bold $text-warning"),
                    f"that is the {KIND_NAMES[other.kind].lower()} ",
                    plain(f"\u201c{other.label}\u201d", "italic"),
                )
            )
    item = pack.get(event.item_id or "")
    if reveal and item is not None:
        lines.append(Content.assemble(_label("Model answer: "), plain(item.answer.canonical)))
    return Content("\n").join(lines)


def result_content(pack: Pack, event: ResultEvent) -> Content:
    """How the question ended, its points, and the answers the student did not give."""
    word, style = RESULT_LOOK.get(event.outcome, (event.outcome, ""))
    lines = [
        Content.assemble(
            (f"{word}  ", f"bold {style}"),
            f"{event.score} of {event.max} points" + ("  " if event.revised else ""),
            ("(revised)", "italic") if event.revised else "",
        )
    ]
    revealed = [missed for missed in event.missed if missed.answer]
    if revealed:
        lines.append(_label("The answers you did not give:" if len(revealed) > 1 else "Answer:"))
        lines.extend(plain(f"\u2022 {missed.answer}") for missed in revealed)
    elif event.missed:
        count = len(event.missed)
        lines.append(Content.styled(f"{count} answer{'s' if count > 1 else ''} not shown.", "dim"))
    return Content("\n").join(lines)


def hint_content(event: HintEvent) -> Content:
    return Content.assemble(
        (f"Hint {event.level} of {event.levels} ", "bold $text-accent"),
        (f"(\u2212{event.cost} points): ", "$text-muted"),
        plain(event.text),
    )


class FeedbackPanel(VerticalScroll, can_focus=True):
    """Scrollable feedback: the latest verdict, then the question's result when it ends."""

    DEFAULT_CSS = """
    FeedbackPanel {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    FeedbackPanel > Static {
        width: 1fr;
    }
    FeedbackPanel > #result {
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="verdict")
        yield Static(id="result")

    verdict_shown: Content = Content("")
    """The verdict part as shown now (tests and the benchmark read it)."""
    result_shown: Content = Content("")
    """The question's result as shown now, empty while the question is open."""

    def show_verdict(self, content: Content) -> None:
        self.verdict_shown, self.result_shown = content, Content("")
        self.query_one("#verdict", Static).update(content)
        self.query_one("#result", Static).update(self.result_shown)
        self.scroll_home(animate=False)

    def show_result(self, content: Content) -> None:
        self.result_shown = content
        self.query_one("#result", Static).update(content)

    def clear(self) -> None:
        self.verdict_shown = self.result_shown = Content("")
        self.query_one("#verdict", Static).update("")
        self.query_one("#result", Static).update("")
