"""Figures in a text: numbers, the units of time they are counted in, spans of time, months.

A figure is the easiest thing for a student to get wrong and the easiest for a teacher to
check, so the grader reads them apart from the words: "30,000 a year" has the article's number
in the wrong unit, "about a month" is not "ten days", "December" is not "November".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from trainer.grading.lexicon import ENGLISH, EnglishLexicon
from trainer.grading.normalise import BREAK, is_figure
from trainer.grading.tuning import DEFAULT, Tuning


@dataclass(frozen=True, slots=True)
class Duration:
    """A span of time, in days, with how it was written ("a week and a half")."""

    days: float
    shown: str


@dataclass(frozen=True, slots=True)
class Figures:
    """Every figure a text gives."""

    numbers: frozenset[str] = frozenset()
    """Figures to check ("three times as many" is a ratio, not one)."""
    units: frozenset[tuple[str, str]] = frozenset()
    """(figure, unit of time) pairs: "30,000 volunteers a month" -> ("30000", "month")."""
    durations: tuple[Duration, ...] = ()
    """Spans of time: "ten days", "about a month"."""
    months: frozenset[str] = frozenset()
    """Names of months: a date is a figure too."""
    days: frozenset[str] = frozenset()
    """Figures that are the day of a date ("19 November"): wrong only where the key gives
    a day itself, for a key that names the month or the year alone does not ask for one."""


NO_FIGURES = Figures()
"""The figures of a text that gives none: most texts."""


def read_figures(
    tokens: Sequence[str], lexicon: EnglishLexicon = ENGLISH, tuning: Tuning = DEFAULT
) -> Figures:
    """The figures of a normalised text (its tokens, clause marks kept)."""
    words = set(tokens)
    if (
        not any(token[:1].isdigit() for token in words)
        and words.isdisjoint(lexicon.time_units)
        and words.isdisjoint(lexicon.months)
    ):
        return NO_FIGURES
    numbers = frozenset(
        token
        for at, token in enumerate(tokens)
        if is_figure(token) and not (at + 1 < len(tokens) and tokens[at + 1] == "times")
    )
    return Figures(
        numbers,
        _number_units(tokens, lexicon, tuning),
        _durations(tokens, lexicon, tuning),
        frozenset(token for token in tokens if token in lexicon.months),
        frozenset(
            t for at, t in enumerate(tokens) if t.isdigit() and _day_of_month(tokens, at, lexicon)
        ),
    )


DAYS_IN_MONTH = 31


def _day_of_month(tokens: Sequence[str], at: int, lexicon: EnglishLexicon) -> bool:
    """Whether the figure at `at` is the day of a date ("19 November", "June 29th"): the
    month is the figure a key gives, and the day is no wrong number."""
    if len(tokens[at]) > 2 or not 1 <= int(tokens[at]) <= DAYS_IN_MONTH:
        return False
    before = tokens[at - 1] if at else ""
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    return before in lexicon.months or after in lexicon.months


def _durations(
    tokens: Sequence[str], lexicon: EnglishLexicon, tuning: Tuning
) -> tuple[Duration, ...]:
    """Spans of time: a figure straight before a unit ("10 days"), or "a"/"one" + unit after
    a word such as "about" or "in" ("about a month"), with "and a half" added."""
    found: list[Duration] = []
    for i, token in enumerate(tokens):
        unit = lexicon.time_units.get(token)
        if unit is None or unit not in lexicon.unit_days or i == 0:
            continue
        before = tokens[i - 1]
        if before.isdigit() and len(before) <= tuning.duration_max_digits:
            count = float(before)
        elif before in ("a", "an", "one") and i >= 2 and tokens[i - 2] in lexicon.duration_cues:
            count = 1.0
        else:
            continue
        shown = f"{before if before.isdigit() else 'a'} {token}"
        if tuple(tokens[i + 1 : i + 4]) == ("and", "a", "half"):
            count += 0.5
            shown += " and a half"
        found.append(Duration(count * lexicon.unit_days[unit], shown))
    return tuple(found)


def _number_units(
    tokens: Sequence[str], lexicon: EnglishLexicon, tuning: Tuning
) -> frozenset[tuple[str, str]]:
    """Each figure with the unit (of time, measure or money) that follows it in its clause,
    if one does."""
    found: set[tuple[str, str]] = set()
    for i, token in enumerate(tokens):
        if not is_figure(token):
            continue
        for following in tokens[i + 1 : i + 1 + tuning.unit_reach]:
            if following == BREAK or is_figure(following):
                break
            unit = lexicon.time_units.get(following) or lexicon.measure_units.get(following)
            if unit is not None:
                found.add((token, unit))
                break
    return frozenset(found)


def is_year(number: str, tuning: Tuning = DEFAULT) -> bool:
    """A four-digit figure in the range of years, which an answer may add freely."""
    low, high = tuning.years
    return len(number) == 4 and low <= int(number) <= high


def conflict(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Both give figures and each has one the other lacks: "5 of 6" is not "4 of 6"."""
    return bool(mine and theirs and (mine - theirs) and (theirs - mine))


FIGURE_DIGITS = 18
"""Figures longer than this are compared exactly, never as rounded."""


def rounded(number: str, exact: str, slack: float) -> bool:
    """Whether `number` is `exact` rounded: within `slack` of it as a share, rounder (more
    zeros at the end), and what rounding it gives: "8850" and "8800" for 8,849, never "8851",
    "30001", nor "12,500" for 12,570."""
    if len(number) > FIGURE_DIGITS or len(exact) > FIGURE_DIGITS:
        return False  # no one rounds a figure that long, and int() of it may refuse
    if not (number.isdigit() and exact.isdigit()):
        return False  # decimals are compared as written
    value, key = int(number), int(exact)
    if key < 1 / slack or abs(value - key) > slack * key:
        return False
    zeros = _zeros(number)
    # The key rounded to as many zeros, halves up: "12,600" is 12,570 rounded, "12,500" not.
    return zeros > _zeros(exact) and _round(key, zeros) == value


def _round(value: int, zeros: int) -> int:
    step = int(10**zeros)
    return (value + step // 2) // step * step


def more_precise(number: str, exact: str) -> bool:
    """Whether `number` is `exact` given more precisely: it has more decimal places, and
    rounded to as many as `exact` has, it is `exact` ("8,848.86" for 8,849, "9.81" for
    9.8), rounding halves up as people do."""
    mine, theirs = _places(number), _places(exact)
    if mine <= theirs or len(number) > FIGURE_DIGITS or len(exact) > FIGURE_DIGITS:
        return False
    step = Decimal(1).scaleb(-theirs)
    value = Decimal(number.replace("point", "."))
    return value.quantize(step, rounding=ROUND_HALF_UP) == Decimal(exact.replace("point", "."))


def _places(figure: str) -> int:
    at = figure.find("point")
    return 0 if at < 0 else len(figure) - at - len("point")


def _zeros(number: str) -> int:
    return len(number) - len(number.rstrip("0"))
