"""Figures as students write them, and comparisons said the other way round, graded on packs
of their own subjects (physics, history, geography), so that nothing is tuned to the built-in
pack: a two-digit year, a decimal, a unit of another system, a unit divided by time, "less
dense than" and "not as dense as".
"""

from __future__ import annotations

import pytest

from tests.grading.fixtures import question_bank
from trainer.grading import Grader
from trainer.grading.figures import more_precise
from trainer.grading.lexicon.number_typos import REAL_WORDS
from trainer.grading.lexicon.numbers import MISSPELT, NUMBER_WORDS
from trainer.grading.lexicon.units import CONVERSIONS
from trainer.grading.normalise import format_number, is_figure, normalise
from trainer.grading.verdict import Outcome, Reason
from trainer.packs.model import Pack


def _pack() -> Pack:
    return question_bank(
        "figures",
        ("moon", "In which year did people first walk on the Moon?", "1969"),
        ("declaration", "When was the Declaration of Independence signed?", "1776"),
        ("boil", "At what temperature does water boil, in degrees Celsius?", "100 °C"),
        ("everest", "How high is Mount Everest?", "8,849 metres", "about 8,800 metres"),
        ("gravity", "What is the acceleration due to gravity?", "9.8 m/s²"),
        ("ice", "Why does ice float on water?", "ice is less dense than liquid water"),
    )


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader(_pack())


@pytest.mark.parametrize(
    ("answer", "item_id"),
    [
        ("'69", "moon"),
        ("in '69", "moon"),
        ("\u201969", "moon"),  # a typographic apostrophe
        ("'76", "declaration"),  # the pack's own century, not the 20th
        ("212 °F", "boil"),
        ("212 degrees fahrenheit", "boil"),
        ("29,000 feet", "everest"),
        ("8,848.86 m", "everest"),  # more precise than the key, rounding to it
        ("9.81 m/s2", "gravity"),
        ("9.8 metres per second squared", "gravity"),
        ("32 feet per second squared", "gravity"),
        ("water is denser than ice", "ice"),
        ("ice is not as dense as water", "ice"),
    ],
)
def test_a_figure_or_comparison_written_another_way_is_not_called_wrong(
    grader: Grader, answer: str, item_id: str
) -> None:
    verdict = grader.grade(answer, item_id)
    assert verdict.reason not in (Reason.WRONG_NUMBER, Reason.OPPOSITE), verdict
    assert "spelling" not in verdict.explanation  # a way of writing a figure is no typo


@pytest.mark.parametrize(
    ("answer", "item_id"),
    [
        ("'68", "moon"),
        ("1968", "moon"),
        ("69", "moon"),  # a plain 69 is no year
        ("100 °F", "boil"),  # the key's figure in another unit: 38 °C
        ("9.6 m/s²", "gravity"),  # a decimal is a figure: never one typo from 9.8
        ("1.6 m/s²", "gravity"),  # the Moon's
        ("8,400 m", "everest"),
        ("ice is denser than water", "ice"),
        ("water is less dense than ice", "ice"),
    ],
)
def test_a_wrong_figure_or_a_comparison_reversed_is_still_wrong(
    grader: Grader, answer: str, item_id: str
) -> None:
    verdict = grader.grade(answer, item_id)
    assert verdict.outcome is not Outcome.CORRECT, verdict
    assert verdict.outcome is Outcome.INCORRECT or verdict.reason is Reason.PARTIAL


def test_a_reversed_comparison_is_called_the_opposite(grader: Grader) -> None:
    assert grader.grade("ice is more dense than water", "ice").reason is Reason.OPPOSITE


def test_a_wrong_decimal_is_named_as_written(grader: Grader) -> None:
    verdict = grader.grade("9.6 m/s²", "gravity")
    assert verdict.reason is Reason.WRONG_NUMBER
    assert "9.6" in verdict.explanation and "9point6" not in verdict.explanation


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("9.8 m/s", ("9point8", "metres", "per", "second")),  # metres, not 9.8 million
        ("$5m/year", ("5000000", "year")),  # millions, per year
        ("60 km/h", ("60", "kilometres", "per", "hour")),
        ("212 °F", ("100", "degrees", "celsius")),
        ("by 09:00", ("by", "09", "|", "00")),  # a time of day is no year
        ("nineteen oh three", ("1903",)),
        ("seventy miles an hour", ("110", "kilometres", "an", "hour")),  # said in words
        ("1225 kph", ("1225", "kilometres", "per", "hour")),
        ("nineteen-oh-eight", ("1908",)),
        ("1,6 mm", ("1point6", "millimetres")),  # a decimal comma before a unit
        ("37,5 °C", ("37point5", "degrees", "celsius")),
        ("items 5,6 and 7", ("items", "5", "|", "6", "and", "7")),  # a list stays a list
        ("chapter 07", ("chapter", "07")),
    ],
)
def test_units_and_short_years_read_as_meant(text: str, tokens: tuple[str, ...]) -> None:
    assert normalise(text).tokens == tokens


def test_decimals_are_figures_and_read_back_as_written() -> None:
    assert is_figure("9point8") and is_figure("30000")
    assert not is_figure("point") and not is_figure("9points")
    assert format_number("9point81") == "9.81"
    assert format_number("30000") == "30,000"


@pytest.mark.parametrize(
    ("number", "exact", "expected"),
    [
        ("8848point86", "8849", True),
        ("9point81", "9point8", True),
        ("9point75", "9point8", True),  # halves round up, as people round
        ("9point84", "9point8", True),
        ("9point86", "9point8", False),  # that is 9.9
        ("9point8", "9point8", False),  # as precise, so the same figure, not a rounding
        ("9point8", "10", True),  # "about 10 m/s²" given as 9.8
        ("9point4", "10", False),
        ("10", "9point8", False),  # less precise is `rounded`'s business, not this
    ],
)
def test_more_precise(number: str, exact: str, expected: bool) -> None:
    assert more_precise(number, exact) is expected


@pytest.mark.parametrize(
    ("unit", "figure", "metric"),
    [
        ("fahrenheit", 32.0, 0.0),
        ("kelvin", 273.15, 0.0),
        ("feet", 10.0, 3.048),
        ("mile", 1.0, 1.609),
    ],
)
def test_each_conversion_gives_the_metric_figure(unit: str, figure: float, metric: float) -> None:
    _, offset, factor = CONVERSIONS[unit]
    assert (figure + offset) * factor == pytest.approx(metric, abs=0.001)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("bigger then the gains", ("bigger", "than", "the", "gains")),
        ("more then enough", ("more", "than", "enough")),
        ("after then we left", ("after", "then", "we", "left")),  # no comparative
    ],
)
def test_then_after_a_comparative_reads_as_than(text: str, tokens: tuple[str, ...]) -> None:
    assert normalise(text).tokens == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("fourtteen", ("14",)),  # a letter doubled
        ("sevnteen lines", ("17", "lines")),  # one left out
        ("twoo", ("2",)),
        ("twenty-sevn", ("27",)),
        ("fiev", ("5",)),  # two swapped
        ("for the people", ("for", "the", "people")),  # English words of their own
        ("a tree", ("a", "tree")),
        ("the nile", ("the", "nile")),  # one letter changed is another word's typo
        ("a thret", ("a", "thret")),
        ("eighty", ("80",)),  # another number word, not "eight" misspelt
    ],
)
def test_a_number_word_misspelt_by_a_letter_is_the_number(
    text: str, tokens: tuple[str, ...]
) -> None:
    assert normalise(text).tokens == tokens


def test_no_misspelt_number_is_an_english_word_or_two_numbers_apart() -> None:
    assert not MISSPELT.keys() & REAL_WORDS
    assert not MISSPELT.keys() & NUMBER_WORDS.keys()
    assert "sixy" not in MISSPELT  # one letter from "six" and from "sixty"


def _yes_no_bank() -> Pack:
    return question_bank(
        "law",
        (
            "spoken",
            "Can a spoken agreement be a binding contract?",
            "Yes, usually, though some contracts must be in writing",
            "yes, oral contracts are generally binding",
        ),
        ("minor", "Can a ten-year-old sign a binding loan?", "No", "no, a child cannot"),
        ("fee", "What is an overdraft?", "spending more than you have in your account"),
        ("rate", "What is the UK's basic rate of income tax?", "20%"),
        ("allowance", "How much is the UK personal allowance?", "£12,570"),
        ("tax-day", "When are US tax returns due?", "15 April", "April 15"),
    )


@pytest.mark.parametrize(
    ("answer", "item_id", "outcome"),
    [
        ("yes", "spoken", Outcome.CORRECT),  # no words to grade, yet the whole answer
        ("yeah it can", "spoken", Outcome.CORRECT),
        ("yes, usually it can", "spoken", Outcome.CORRECT),
        ("no", "spoken", Outcome.INCORRECT),
        ("no, it must be in writing", "spoken", Outcome.INCORRECT),
        ("nope", "minor", Outcome.CORRECT),
        ("yes", "minor", Outcome.INCORRECT),
    ],
)
def test_a_yes_or_no_question_is_graded_on_its_yes_or_no(
    answer: str, item_id: str, outcome: Outcome
) -> None:
    verdict = Grader(_yes_no_bank()).grade(answer, item_id)
    assert verdict.outcome is outcome, verdict
    assert verdict.reason is not Reason.EMPTY  # "there are no words here" would be false


def test_yes_is_no_answer_to_a_question_that_asks_for_something_else() -> None:
    assert Grader(_yes_no_bank()).grade("yes", "fee").outcome is Outcome.INCORRECT


def test_an_or_beside_a_right_answer_is_no_hedge_unless_it_offers_another() -> None:
    grader = Grader(_yes_no_bank())
    fees = grader.grade("spending more than you have in your account, with interest or fees", "fee")
    assert fees.reason is not Reason.HEDGED
    weekend = grader.grade("april 15, unless it falls on a weekend or holiday", "tax-day")
    assert weekend.outcome is Outcome.CORRECT
    assert grader.grade("april 15 or april 30", "tax-day").reason is Reason.HEDGED


def test_a_figure_that_no_rounding_gives_is_wrong() -> None:
    grader = Grader(_yes_no_bank())
    assert grader.grade("£12,570", "allowance").outcome is Outcome.CORRECT
    assert grader.grade("about £12,600", "allowance").outcome is Outcome.CORRECT  # rounded
    assert grader.grade("£12,500", "allowance").reason is Reason.WRONG_NUMBER  # no rounding


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("0.71", ("71", "percent")),  # a share is the percent a key gives
        ("0.6 of body weight", ("60", "percent", "of", "body", "weight")),
        ("0.16 cm", ("0point16", "centimetres")),  # a measure stays a decimal
        ("0.08%", ("0point08", "percent")),
        ("0.828 km", ("0point828", "kilometres")),  # no thousands after a lone zero
        ("828m", ("828", "metres")),  # a length, not 828 million
        ("about 830 m", ("about", "830", "metres")),
        ("30m people", ("30000000", "people")),  # the thing counted: millions
        ("£30m", ("30000000",)),
        ("86bn", ("86000000000",)),
        ("half a dozen years", ("6", "years")),
        ("a dozen", ("12",)),
        ("a decade", ("10", "years")),
    ],
)
def test_shares_lengths_and_counts_read_as_meant(text: str, tokens: tuple[str, ...]) -> None:
    assert normalise(text).tokens == tokens


def test_a_share_or_a_dozen_is_the_keys_figure() -> None:
    grader = Grader(
        question_bank(
            "shares",
            ("water", "How much of the Earth's surface is water?", "about 71 percent"),
            ("jury", "How many people sit on a jury in England?", "12"),
        )
    )
    assert grader.grade("0.71", "water").outcome is Outcome.CORRECT
    assert grader.grade("0.17", "water").outcome is Outcome.INCORRECT
    assert grader.grade("a dozen", "jury").outcome is Outcome.CORRECT
    assert grader.grade("half a dozen", "jury").outcome is Outcome.INCORRECT
