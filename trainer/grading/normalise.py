"""Turning what a student typed into comparable words.

Students write "NK troops dont matter, russia gets 30k a month" where the key says "North
Korean troops do not alter the balance: Russia recruits 30,000 a month". Every spelling of the
same thing must become one token before any fuzzy comparison, or typo tolerance would be spent
on "dont" vs "do not" and "30k" vs "30,000" instead of on real typos.

The output keeps clause breaks (`BREAK`) because negation only reaches so far: "not" in
"it's not a stunt, it changes the war" says nothing about "changes".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from trainer.grading.lexicon.clauses import CLAUSE_WORDS
from trainer.grading.lexicon.numbers import MISSPELT, NUMBER_WORDS, SCALE_WORDS, SCALES
from trainer.grading.lexicon.rewrites import CASED, CONTRACTIONS, PHRASES, Rule, Trigger
from trainer.grading.lexicon.spellings import ABBREVIATIONS, MISSPELLINGS
from trainer.grading.lexicon.suffixes import SUFFIXES
from trainer.grading.written_figures import convert_words, rewrite_figures, short_years

MAX_CHARS = 2000
"""Answers longer than this are graded on their first MAX_CHARS characters, and say so."""

BREAK = "|"
"""A clause boundary token: punctuation or a conjunction that stops negation's reach."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")
_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u2026": ".",
    }
)

_ALPHA_WORD = re.compile(r"(?<![\w])[a-z]{5,}(?![\w])")


def _fix_spelling(match: re.Match[str]) -> str:
    return _spelling(match.group())


@lru_cache(maxsize=16384)
def _spelling(word: str) -> str:
    """A known misspelling, or a scale word one typo away ("thousnds" -> "thousands")."""
    fixed = MISSPELLINGS.get(word)
    if fixed is not None:
        return fixed
    if len(word) >= 6 and word[0] in "thmb" and word not in SCALE_WORDS:
        best = process.extractOne(word, SCALE_WORDS, scorer=OSA.distance, score_cutoff=1)
        if best is not None:
            return best[0]
    return word


_DECIMAL = re.compile(r"(\d)\.(\d)")
_CLAUSE = re.compile(r"[,.;:!?()\[\]{}\"<>\n\t]+|\s-\s|--+")
_JOINERS = re.compile(r"[&+]")
_EQUALS = re.compile(r"=+|->|=>")
_NON_WORD = re.compile(r"[^\w|\s]+")
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Normalised:
    """An answer as comparable tokens; `BREAK` tokens mark clause boundaries."""

    tokens: tuple[str, ...]
    truncated: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t for t in self.tokens if t != BREAK)

    @property
    def text(self) -> str:
        """Plain words joined by spaces: what string-level fuzzy scorers compare."""
        return " ".join(self.words)


def clean(text: str) -> tuple[str, bool]:
    """Strip what can never be part of an answer; cap the length. Returns (text, truncated)."""
    truncated = len(text) > MAX_CHARS
    if truncated:
        text = text[:MAX_CHARS]
    text = _CONTROL.sub(" ", text)
    return text, truncated


def fold(text: str) -> str:
    """Accents and compatibility forms away ("Peskóv", full-width digits), case folded."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def _numbers_in_words(words: list[str]) -> list[str]:
    """ "thirty thousand" -> "30000", "30 thousand" -> "30000"; a lone "one" stays a word."""
    if not any(w in _NUMBERISH or w[0].isdigit() for w in words):
        return words  # most texts: no number at all
    out: list[str] = []
    words = [MISSPELT.get(word, word) for word in words]
    i = 0
    while i < len(words):
        word = words[i]
        year = _spoken_year(words, i)
        if year is not None:
            out.append(str(year[0]))
            i += year[1]
            continue
        if word in NUMBER_WORDS or word in SCALES or (word.isdigit() and _next_is_scale(words, i)):
            total = current = 0
            j = i
            seen: list[str] = []
            while j < len(words):
                w = words[j]
                if w in NUMBER_WORDS:
                    current += NUMBER_WORDS[w]
                elif w.isdigit() and not seen:
                    current += int(w)
                elif w in SCALES:
                    scale = SCALES[w]
                    if scale == 100:
                        current = max(current, 1) * 100
                    else:
                        total += max(current, 1) * scale
                        current = 0
                elif w == "and" and seen and j + 1 < len(words) and words[j + 1] in NUMBER_WORDS:
                    pass
                else:
                    break
                seen.append(w)
                j += 1
            if seen == ["one"]:
                out.append("one")
            else:
                out.append(str(total + current))
            i = j
            continue
        out.append(word)
        i += 1
    return out


_NUMBERISH = frozenset(NUMBER_WORDS) | frozenset(SCALES) | frozenset(MISSPELT)


SPOKEN_ZERO = frozenset({"oh", "o"})
"""The nought of a year said aloud: "nineteen oh three" is 1903."""


def _spoken_year(words: list[str], i: int) -> tuple[int, int] | None:
    """A year said as two numbers ("nineteen eighty nine", "seventeen seventy six",
    "twenty twenty four", "nineteen oh three"): (the year, how many words it took), or None."""
    century = NUMBER_WORDS.get(words[i], 0)
    if not 10 <= century <= 20 or i + 1 >= len(words):
        return None
    if words[i + 1] in SPOKEN_ZERO and i + 2 < len(words):
        units = NUMBER_WORDS.get(words[i + 2], 0)
        return (century * 100 + units, 3) if 1 <= units <= 9 else None
    tens = NUMBER_WORDS.get(words[i + 1], 0)
    if tens < 20 or tens % 10:
        return None
    units = NUMBER_WORDS.get(words[i + 2], 0) if i + 2 < len(words) else 0
    if 1 <= units <= 9:
        return century * 100 + tens + units, 3
    return century * 100 + tens, 2


def _next_is_scale(words: list[str], i: int) -> bool:
    return i + 1 < len(words) and words[i + 1] in SCALES


class _Rewrites:
    """Rules applied in order, each only to a text that holds one of its triggers.

    The triggers present are found once, with one substring test or search each; only when
    a rule changes the text are they looked for again, for the rules after it."""

    __slots__ = ("_by_trigger", "_patterns", "_rules", "_strings")

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._rules = tuple(rules)
        triggers = {t for _, _, ts in rules for t in ts}
        self._strings = tuple(sorted(t for t in triggers if isinstance(t, str)))
        self._patterns = tuple(t for t in triggers if not isinstance(t, str))
        self._by_trigger: dict[Trigger, tuple[int, ...]] = {
            t: tuple(i for i, (_, _, ts) in enumerate(rules) if t in ts) for t in triggers
        }

    def __call__(self, text: str) -> str:
        start = 0
        while True:
            present: list[Trigger] = [t for t in self._strings if t in text]
            present += [t for t in self._patterns if t.search(text) is not None]
            todo = sorted({i for t in present for i in self._by_trigger[t] if i >= start})
            for i in todo:
                pattern, replacement, _ = self._rules[i]
                changed = pattern.sub(replacement, text)
                if changed != text:
                    text, start = changed, i + 1
                    break
            else:
                return text


_CASED = _Rewrites(CASED)
_CONTRACTIONS = _Rewrites(CONTRACTIONS)
_PHRASES = _Rewrites(PHRASES)


_DIGIT = re.compile(r"\d")
_SPELLING_GATE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(sorted((re.escape(w) for w in MISSPELLINGS if len(w) >= 5), key=len, reverse=True))
    + r"|[thmb][a-z]{5,})(?![\w])"
)
"""Words `_fix_spelling` may change: known misspellings, and scale-like words ("thousnds")."""


_DOTTED = re.compile(r"(?<![\w.])((?:[a-z]\.){2,})(?![\w])")
"""Initials with dots ("d.n.a.", "u.s.a."), read as the word ("dna")."""


def _undot(match: re.Match[str]) -> str:
    return match.group(1).replace(".", "")


@lru_cache(maxsize=65536)
def normalise(text: str) -> Normalised:
    """The comparable form of any text, never raising: odd input just yields fewer tokens."""
    text, truncated = clean(text)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if "'" in text or " 0" in text:
        text = short_years(text)
    text = _CASED(text)
    text = fold(text)
    text = _CONTRACTIONS(text)
    if "." in text:
        text = _DOTTED.sub(_undot, text)
    if _SPELLING_GATE.search(text) is not None:
        text = _ALPHA_WORD.sub(_fix_spelling, text)
    digits = _DIGIT.search(text) is not None
    if digits:
        text = rewrite_figures(text)
    text = _PHRASES(text)
    if digits:
        text = _DECIMAL.sub(r"\1point\2", text)
    if "=" in text or ">" in text:
        text = _EQUALS.sub(" is ", text)
    if "&" in text or "+" in text:
        text = _JOINERS.sub(" and ", text)
    text = _CLAUSE.sub(f" {BREAK} ", text)
    text = text.replace("-", " ").replace("_", " ").replace("/", " ")
    text = _NON_WORD.sub(" ", text)
    words = [ABBREVIATIONS.get(w, w) for w in _WS.split(text) if w]
    words = " ".join(words).split()
    words = convert_words(_numbers_in_words(words))
    tokens: list[str] = []
    for word in words:
        if word in CLAUSE_WORDS:
            word = BREAK
        if word == BREAK and (not tokens or tokens[-1] == BREAK):
            continue
        tokens.append(word)
    while tokens and tokens[-1] == BREAK:
        tokens.pop()
    return Normalised(tuple(tokens), truncated)


def is_number(token: str) -> bool:
    return token.isdigit()


_DECIMAL_TOKEN = re.compile(r"\d+point\d+")
"""A decimal figure as normalisation writes it ("9.8" -> "9point8")."""


def is_figure(token: str) -> bool:
    """Whether a normalised token is a figure: digits, or a decimal ("9point8"). A figure
    is checked as a figure and never matched with a typo allowed ("9.6" is not "9.8")."""
    return token.isdigit() or (
        "point" in token and token[0].isdigit() and _DECIMAL_TOKEN.fullmatch(token) is not None
    )


YEAR_LIKE = (4, 1100, 2100)
"""Figures of 4 digits from 1100 to 2099 read back without a comma, as years are written."""


def figure_value(token: str) -> float:
    """The value of a figure token (`is_figure`), for putting figures in order."""
    return float(token.replace("point", "."))


def format_number(token: str) -> str:
    """30000 -> "30,000", "9point8" -> "9.8", 1723 -> "1723" (a figure that may be a year is
    written as years are): how a figure reads back to a student."""
    if token.isdigit() and len(token) == YEAR_LIKE[0] and YEAR_LIKE[1] <= int(token) < YEAR_LIKE[2]:
        return token
    if token.isdigit():
        return f"{int(token):,}" if len(token) < 19 else token
    return token.replace("point", ".") if is_figure(token) else token


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper so "negotiations", "negotiating" and "negotiate" meet.

    Deliberately crude: typo tolerance absorbs what it misses, and it never maps two
    different figures or names together because those are not stemmed.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and not (suffix == "s" and word.endswith(("ss", "us", "is"))):
            base = word[: len(word) - len(suffix)] + replacement
            if len(base) >= 3:
                word = base
                break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word
