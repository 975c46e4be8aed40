"""How the quiz engine's modes are named to a student: a title and one line on each.

The engine (`trainer.quiz.modes.Mode`) decides what each mode asks; this only describes it,
for the home screen, the help screen and the command palette. The keys are the engine's mode
values, written out so the home screen does not import the engine before its first frame; a
test checks they match the engine's modes one for one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ModeInfo:
    """A mode as the app lists it; `key` is the engine's `Mode` value."""

    key: str
    title: str
    line: str
    needs: tuple[str, ...] = ()
    """Item kinds (`Kind` values) of which the pack needs one for this mode to ask anything;
    empty: any pack will do. A mode with nothing to ask is greyed out on the home screen."""
    requires: str = ""
    """The item kind without which the home screen does not list the mode at all: a thesis
    for the argument's modes (a pack of questions has none), a question for Questions."""


MODES: tuple[ModeInfo, ...] = (
    ModeInfo(
        "premises",
        "Premises",
        "The thesis and conclusion, the claims behind them, and those rejected.",
        requires="thesis",
    ),
    ModeInfo(
        "rebuttals",
        "Rebuttals",
        "Answer each counterargument as the author does.",
        ("rebuttal",),
        "thesis",
    ),
    ModeInfo(
        "attribution",
        "Attribution",
        "Who said each quote, and what each person argued.",
        ("quote",),
        "thesis",
    ),
    ModeInfo(
        "evidence", "Evidence", "The figures and events behind each claim.", ("evidence",), "thesis"
    ),
    ModeInfo(
        "both-sides",
        "Both sides",
        "Argue against the author, then give the reply.",
        ("other_side",),
        "thesis",
    ),
    ModeInfo(
        "questions", "Questions", "The pack's own questions, one at a time.", requires="question"
    ),
    ModeInfo(
        "spar",
        "Spar",
        "A timed round: rebut the other side's points against the clock.",
        ("rebuttal", "reply"),
        "thesis",
    ),
    ModeInfo("mixed", "Mixed", "Every kind of question, shuffled."),
    ModeInfo("review", "Review", "What spaced repetition says is due, most overdue first."),
)

MODE_INFO: dict[str, ModeInfo] = {info.key: info for info in MODES}
