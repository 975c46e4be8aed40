"""Figures as students write them, rewritten as plain digits before a text is cut into words.

"30k", "30.000", "18 per cent", "$50.00", "8850m", "29/06/2007", "9.8 m/s", "212 °F": each
is one figure, in one unit, however it was typed. A unit of another system is converted to
the metric one the key most likely uses ("29,000 feet" is about 8,800 metres), so that the
figure checks compare like with like.
"""

from __future__ import annotations

import re

from trainer.grading.lexicon.spellings import UNITS
from trainer.grading.lexicon.time import TIME_UNITS
from trainer.grading.lexicon.units import CONVERSIONS, CONVERTED_DIGITS, DEGREES, MEASURES

_ISO_DATE = re.compile(r"(?<![\w])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w])")
_SLASH_DATE = re.compile(r"(?<![\w/])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\w])")
"""Dates in figures ("2007-06-29", "29/06/2007"): the year is the figure a key gives; the
day and month would read as wrong figures."""
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])([1-9]\d{0,2})((?:\.\d{3})+)(?![\d.,])")
"""Thousands grouped with dots, as much of Europe writes them: "30.000 a month"; never after
a lone zero ("0.828 km" is a decimal)."""
_ZERO_DECIMALS = re.compile(r"(\d)\.0+(?![\d])")
"""A price's ".00": "$50.00" is 50."""
_GLUED_UNIT = re.compile(r"(?<![\w])(\d+)([a-z]{2,}|[mckf])(?![\w])")
"""A figure with its unit written on: "8bits", "10days", "8850m" (after "30k", "30m" and
"29th" have been read); "10s" stays whole, for "10s of thousands" is no 10."""
_SHORT_UNIT = re.compile(r"(?<=\d) (" + "|".join(UNITS) + r")(?![\w])")
_PERCENT = re.compile(r"%|\bper\s?cent\b")
_DIGIT_GROUPS = re.compile(r"(?<![\d.])(\d{1,3})((?:[, ]\d{3})+)(?![\d])")
_K_SUFFIX = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?k(?![\w])")
_M_SUFFIX = re.compile(
    r"(?<![\w.])([$£€]\s?)?(\d{1,3}(?:\.\d+)?)\s?(mn|mil|m)(?![\w^]|\s?/\s?(?:s|sec|h|hr)(?![a-z]))"
    r"(?=(\s*[^\s\w]|\s*$|\s+[a-z]+)?)"
)
"""Millions ("30m", "$5m"), or metres: four digits or more before an "m" are metres
("8850m"), and so is an "m" a unit is divided by or raised to a power of ("9.8 m/s", "m^2").
A plain "m" is millions only after a sign of money or before the thing counted ("30m
people"); at the end of a clause, or before a word of size ("828m tall"), it is metres."""
_BN_SUFFIX = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s?bn(?![\w])")
"""Billions written short: "86bn"."""
_SIZE_WORDS = frozenset(
    [
        "tall",
        "high",
        "long",
        "deep",
        "wide",
        "away",
        "above",
        "below",
        "up",
        "down",
        "across",
        "thick",
        "in",
        "from",
        "of",
        "at",
        "and",
        "or",
    ]
)
"""Words after "828m" that make it a length, not a count."""
_PER_UNIT = re.compile(r"(?<=[a-z])\s?/\s?(s|sec|h|hr)(\^?2)?(?![\w])")
"""A unit divided by one of time, written short ("m/s", "km/h", "m/s2"), read as words so
that it meets "metres per second" and "per second squared"."""
_PER_WORD = {"s": "second", "sec": "second", "h": "hour", "hr": "hour"}


def _per_unit(match: re.Match[str]) -> str:
    squared = " squared" if match.group(2) else ""
    return f" per {_PER_WORD[match.group(1)]}{squared}"


_FRACTION = re.compile(r"(?<![\w])(\d+)\s*/\s*(\d+)(?![\w])")
_ORDINAL = re.compile(r"(?<![\w])(\d+)(?:st|nd|rd|th)(?![\w])")


def _join_groups(match: re.Match[str]) -> str:
    return match.group(1) + re.sub(r"[, .]", "", match.group(2))


def _thousands(match: re.Match[str]) -> str:
    return str(round(float(match.group(1)) * 1000))


def _millions(match: re.Match[str]) -> str:
    money, figure, suffix, after = match.groups()
    word = (after or "").strip()
    metres = (
        suffix == "m" and not money and (not word or not word[0].isalpha() or word in _SIZE_WORDS)
    )
    if metres:
        return f"{figure} metres"
    return (money or "") + str(round(float(figure) * 1_000_000))


def _billions(match: re.Match[str]) -> str:
    return str(round(float(match.group(1)) * 1_000_000_000))


_DECIMAL_COMMA = re.compile(
    r"(?<![\d,.])(\d+),(\d{1,2})(?=\s?(?:°|%|m/|(?:mm|cm|km|kg|g|l|ml|percent|degrees"
    r"|(?:milli|centi|kilo)?(?:metre|meter|gram|litre|liter)s?)(?![a-z])))"
)
"""A decimal comma before a unit, as much of Europe writes it: "1,6 mm", "9,8 m/s", "37,5 °C";
"5,6 and 7" stays a list, and so does "1,6 m" (millions or metres, `_M_SUFFIX` decides)."""


def rewrite_figures(text: str) -> str:
    """Figures written the ways students write them, as plain digits ("30k" -> "30000").

    Each rewrite that needs a mark ("-", "/", ".", "%", "cent", ",", a space) runs only when
    the text holds it: a pack's many short texts with a figure each read in one pass or two.
    """
    if "-" in text:
        text = _ISO_DATE.sub(r"\1", text)
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    dotted = "." in text
    if "/" in text or dotted:
        text = _SLASH_DATE.sub(r"\3", text)
    if "%" in text or "cent" in text:
        text = _PERCENT.sub(" percent ", text)
    if "," in text or " " in text:
        text = _DIGIT_GROUPS.sub(_join_groups, text)
    if dotted:
        text = _DOT_THOUSANDS.sub(_join_groups, text)
        text = _ZERO_DECIMALS.sub(r"\1", text)
        text = _SHARE.sub(_share, text)
    if "°" in text:
        text = _DEGREES.sub(_degrees, text)
    if _DIGIT_LETTER.search(text) is None:
        return _FRACTION.sub(r"\1 of \2", text) if "/" in text else text
    text = _K_SUFFIX.sub(_thousands, text)
    text = _M_SUFFIX.sub(_millions, text)
    text = _BN_SUFFIX.sub(_billions, text)
    if "/" in text:
        text = _PER_UNIT.sub(_per_unit, text)
    text = _FRACTION.sub(r"\1 of \2", text)
    text = _ORDINAL.sub(r"\1", text)
    text = _GLUED_UNIT.sub(r"\1 \2", text)
    text = _SHORT_UNIT.sub(lambda m: " " + UNITS[m.group(1)], text)
    return _CONVERTIBLE.sub(_converted, text)


_SHARE = re.compile(r"(?<![\w.,$£€])0?\.(\d{1,3})(?![\d]|[.,]\d)(\s*[°%/])?(?:\s*([a-z]+))?")
"""A decimal below one: a share ("0.71" of the surface, "0.6 of body weight")."""
_MEASURED = frozenset(
    {*UNITS, *MEASURES, *CONVERSIONS, *TIME_UNITS, "degrees", "percent", "per", "hz", "khz"}
)
"""Words after a decimal that make it a measure ("0.16 cm", "0.5 seconds"), not a share."""


def _share(match: re.Match[str]) -> str:
    """A share as the percent a key gives ("0.71" -> "71 percent"), for the two are one
    figure to a teacher; a measure ("0.16 cm") stays as written."""
    digits, sign, word = match.groups()
    if sign or word in _MEASURED:
        return match.group(0)
    percent = int(digits) * 10 ** (2 - len(digits)) if len(digits) <= 2 else int(digits) / 10
    return f"{percent:g} percent" + (f" {word}" if word else "")


_DEGREES = re.compile(r"(?<=\d)\s?°\s?([cfk]?)(?![a-z])")
"""A degree sign, with the scale's letter if one follows."""


def _degrees(match: re.Match[str]) -> str:
    scale = DEGREES.get(match.group(1), "")
    return " degrees " + scale if scale else " degrees"


_CONVERTIBLE = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?) (degrees )?(" + "|".join(CONVERSIONS) + r")(?![\w])"
)
"""A figure in a unit of another system (`CONVERSIONS`)."""


def _converted(match: re.Match[str]) -> str:
    unit, offset, factor = CONVERSIONS[match.group(3)]
    figure = match.group(1)
    value = (float(figure) + offset) * factor
    digits = min(max(_digits_given(figure), 2), CONVERTED_DIGITS)
    return f"{_significant(value, digits)} {match.group(2) or ''}{unit}"


def convert_words(words: list[str]) -> list[str]:
    """The same conversion for figures said in words, once they are digits ("seventy miles
    an hour" is read "70 miles" only after the text's own rewrites)."""
    if not any(word in CONVERSIONS for word in words):
        return words
    text = " ".join(words)
    return _CONVERTIBLE.sub(_converted, text).split()


def _digits_given(figure: str) -> int:
    """The significant digits a figure is given to: 2 in "29,000" (read "29000"), 3 in "9.81"."""
    plain = figure.replace(".", "").lstrip("0")
    return len(plain if "." in figure else plain.rstrip("0")) or 1


def _significant(value: float, digits: int) -> str:
    """`value` to `digits` significant digits, written without a needless ".0"."""
    shown = f"{value:.{digits}g}"
    if "e" in shown:  # a large figure: whole digits, rounded
        return str(round(float(shown)))
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


SHORT_YEAR = "yy"
"""Marks a year written with two digits ("'69", "in '89", "in 07"): `yy69` is matched to a
key's year ending in them (1969, or 1769 in a pack about the 18th century), never to a
plain 69."""

_SHORT_YEAR = re.compile(
    r"(?<![\w'])'(\d\d)(?![\w'])|(?<![\w])((?:in|since|until|by|from) )(0\d)(?![\w':.])",
    re.IGNORECASE,
)
"""An apostrophe before two digits, or a leading zero after a word of time: a year."""


def short_years(text: str) -> str:
    """Years written with two digits marked as such (`SHORT_YEAR`)."""
    return _SHORT_YEAR.sub(_short_year, text)


def _short_year(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return SHORT_YEAR + match.group(1)
    return match.group(2) + SHORT_YEAR + match.group(3)


_DIGIT_LETTER = re.compile(r"\d\s?[a-z]")
"""A figure with a letter after it: the suffixes, ordinals and units below need one."""
