"""The quiz's status line: which question this is, how far through, and the score so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class QuizStatus(Horizontal):
    """ "Question 2 of 9", a bar of the questions done, and "Score 150/200"."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._scores: dict[str, tuple[int, int]] = {}
        """Each question's points and most points, by question id: a question scored again
        ("I was right") counts once, at its new score."""

    def compose(self) -> ComposeResult:
        yield Label(id="counter", markup=False)
        yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
        yield Label("No score yet", id="score", markup=False)

    def begin(self, questions: int) -> None:
        """A session of `questions` questions starts."""
        self.query_one("#progress", ProgressBar).update(total=max(1, questions), progress=0)

    def asking(self, number: int, total: int) -> None:
        self.query_one("#counter", Label).update(f"Question {number} of {total}")

    def scored(self, question: str, score: int, most: int) -> None:
        """A question's result, or its result revised."""
        self._scores[question] = (score, most)
        points = sum(points for points, _ in self._scores.values())
        maximum = sum(most for _, most in self._scores.values())
        self.query_one("#score", Label).update(f"Score {points}/{maximum}")

    def done(self) -> None:
        """A question is over: one more done on the bar."""
        self.query_one("#progress", ProgressBar).advance(1)
