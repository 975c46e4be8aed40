"""Calibration: whether the student's "how sure I am" matches how often they are right.

For each level of `trainer.confidence.Confidence` the number of answers given at it and how
many of them were right, where right is what the rest of the stats count as right: the
verdict was correct, or the student marked it right ("I was right"). A well-calibrated
student is right about as often as each level's chance says (a quarter of their guesses,
every one of their "certain" answers).

The Brier score is the mean of (chance - outcome)^2 over every answer with a confidence
(outcome 1 right, 0 not): 0 is perfect, 0.25 is what saying "unsure" to everything scores,
and a wrong "certain" costs a whole point. It is computed from the per-level counts, so the
SQL path (`History.calibration_counts`) and the walk over attempts (`counts_of`) agree.

Over time: the same score per week (weeks start on Monday, in the student's time zone as
`now` gives its offset today). Answers with no confidence are not counted anywhere here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from trainer.confidence import Confidence
from trainer.progress.attempts import Attempt

DayCounts = Mapping[tuple[date, Confidence], tuple[int, int]]
"""(day, level) -> (answers, right): what both paths count before `calibration` sums."""


@dataclass(frozen=True, slots=True)
class CalibrationConfig:
    """How calibration is shown."""

    bar_width: int = 20
    """Cells of each bar in the text chart: 5% a cell, so the chart fits 80 columns."""
    recent_weeks: int = 4
    """Weeks of the Brier score the text report shows (the JSON has every week)."""


CONFIG = CalibrationConfig()


@dataclass(frozen=True, slots=True)
class LevelTally:
    """The answers given at one level of confidence, and how many were right."""

    level: Confidence
    answers: int = 0
    right: int = 0

    @property
    def rate(self) -> float | None:
        """How often right; None with no answers (never a division by zero)."""
        return self.right / self.answers if self.answers else None

    @property
    def squared_error(self) -> float:
        """Sum of (chance - outcome)^2 over these answers."""
        chance = self.level.chance
        return self.right * (chance - 1) ** 2 + (self.answers - self.right) * chance**2


@dataclass(frozen=True, slots=True)
class WeekScore:
    """The Brier score of the answers given with a confidence in one week."""

    start: date
    """The week's Monday."""
    answers: int
    brier: float


@dataclass(frozen=True, slots=True)
class Calibration:
    levels: tuple[LevelTally, ...] = tuple(LevelTally(level) for level in Confidence)
    """One per level, in increasing order of sureness, levels with no answers included."""
    weeks: tuple[WeekScore, ...] = ()
    """Every week with an answer given with a confidence, oldest first."""

    @property
    def answers(self) -> int:
        return sum(tally.answers for tally in self.levels)

    @property
    def brier(self) -> float | None:
        """The Brier score over every answer with a confidence; None when there is none."""
        return _brier(self.levels)

    def to_json(self) -> dict[str, object]:
        brier = self.brier
        return {
            "answers": self.answers,
            "brier": round(brier, 4) if brier is not None else None,
            "levels": [
                {
                    "level": tally.level.value,
                    "label": tally.level.label,
                    "chance": tally.level.chance,
                    "answers": tally.answers,
                    "right": tally.right,
                    "rate": round(tally.rate, 3) if tally.rate is not None else None,
                }
                for tally in self.levels
            ],
            "by_week": [
                {
                    "week": week.start.isoformat(),
                    "answers": week.answers,
                    "brier": round(week.brier, 4),
                }
                for week in self.weeks
            ],
        }


def _brier(tallies: Iterable[LevelTally]) -> float | None:
    tallies = tuple(tallies)
    answers = sum(tally.answers for tally in tallies)
    return sum(tally.squared_error for tally in tallies) / answers if answers else None


def day_shift(now: datetime) -> timedelta:
    """What to add to a UTC time for its day in the student's zone: `now`'s offset (the
    system's when `now` is naive)."""
    offset = (now if now.tzinfo is not None else now.astimezone()).utcoffset()
    return offset or timedelta()


def counts_of(
    attempts: Iterable[Attempt], now: datetime
) -> dict[tuple[date, Confidence], tuple[int, int]]:
    """(day, level) -> (answers, right) over the attempts with a confidence."""
    shift = day_shift(now)
    counts: dict[tuple[date, Confidence], tuple[int, int]] = {}
    for attempt in attempts:
        if attempt.confidence is None:
            continue
        key = ((attempt.at.astimezone(UTC) + shift).date(), attempt.confidence)
        answers, right = counts.get(key, (0, 0))
        counts[key] = (answers + 1, right + (attempt.outcome == "correct" or attempt.overridden))
    return counts


def calibration(counts: DayCounts) -> Calibration:
    """Per level and per week, from the counts per (day, level)."""
    per_level: dict[Confidence, tuple[int, int]] = {}
    per_week: dict[date, dict[Confidence, tuple[int, int]]] = {}
    for (day, level), (answers, right) in counts.items():
        total = per_level.get(level, (0, 0))
        per_level[level] = (total[0] + answers, total[1] + right)
        week = per_week.setdefault(day - timedelta(days=day.weekday()), {})
        seen = week.get(level, (0, 0))
        week[level] = (seen[0] + answers, seen[1] + right)
    levels = tuple(LevelTally(level, *per_level.get(level, (0, 0))) for level in Confidence)
    weeks = []
    for start in sorted(per_week):
        tallies = [LevelTally(level, *pair) for level, pair in per_week[start].items()]
        brier = _brier(tallies)
        if brier is not None:
            weeks.append(WeekScore(start, sum(t.answers for t in tallies), brier))
    return Calibration(levels, tuple(weeks))


def calibration_lines(found: Calibration, config: CalibrationConfig = CONFIG) -> list[str]:
    """The text report's calibration: a pair of bars per level (the chance the level stands
    for, how often its answers were right), the Brier score, and the latest weeks'.

    Plain characters, so it reads the same in a terminal, a log and a test.
    """
    brier = found.brier
    if brier is None:
        return [
            "  No answers with a confidence yet. Say how sure you are (keys 1-4)",
            "  before an answer is marked, to see how often you are right.",
        ]
    plural = "s" if found.answers != 1 else ""
    lines = [f"  Brier score {brier:.2f} over {found.answers} answer{plural} (0 is perfect)"]
    width = config.bar_width
    for tally in found.levels:
        chance = tally.level.chance
        lines.append(f"  {tally.level.label:12} said  {bar(chance, width)} {chance:4.0%}")
        rate = tally.rate
        if rate is None:
            lines.append(f"  {'':12} right {'·' * width}  none yet")
        else:
            lines.append(f"  {'':12} right {bar(rate, width)} {rate:4.0%} of {tally.answers}")
    recent = found.weeks[-config.recent_weeks :]
    lines.append("  By week: " + "   ".join(f"{w.start:%d %b} {w.brier:.2f}" for w in recent))
    return lines


def bar(share: float, width: int) -> str:
    """`share` (0-1) of `width` cells, in eighths of a cell; the rest dotted, so bars of
    one chart line up and an empty one still shows its length."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    cells = "█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")
    return cells + "·" * (width - len(cells))
