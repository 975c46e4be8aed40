"""The stats as text: what `debate-trainer stats` prints and the app shows with no history.

Kinds are named as the app names them ("The other side"), not by their program names.
"""

from __future__ import annotations

from trainer.progress.calibration import calibration_lines
from trainer.progress.stats import DueCounts, Stats, accuracy_chart
from trainer.quiz.questions import kind_title


def due_line(due: DueCounts) -> str:
    """The due counts in the words both the home screen and Stats use."""
    return f"Due for review: {due.now} now, {due.today} today, {due.week} this week"


def render(stats: Stats) -> str:
    if not stats.total.attempts:
        return "No attempts yet: start a quiz, and your progress will show here."
    lines = [
        f"Attempts: {stats.total.attempts}   accuracy {stats.total.accuracy:.0%}   "
        f"streak {stats.streak_days} day{'s' if stats.streak_days != 1 else ''}",
        due_line(DueCounts(stats.due_now, stats.due_today, stats.due_week)),
        "",
        "Accuracy per day:",
        *accuracy_chart(stats.by_day),
        "",
        "By question kind:",
    ]
    for kind, tally in sorted(stats.by_kind.items()):
        name = kind_title(kind).capitalize()  # as the app names it, not `argue_against`
        lines.append(f"  {name:20} {tally.correct:4}/{tally.attempts:<4} {tally.accuracy:6.0%}")
    if stats.weakest:
        lines += ["", "Weakest items:"]
        for weak in stats.weakest:
            gone = "  (no longer in the pack)" if not weak.in_pack else ""
            lines.append(
                f"  {weak.tally.accuracy:4.0%} of {weak.tally.attempts:<3} {weak.label}{gone}"
            )
    lines += ["", "How sure you said you were, and how often right:"]
    lines += calibration_lines(stats.calibration)
    return "\n".join(lines)
