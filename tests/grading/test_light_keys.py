"""A light key (a short answer, two or three accepted ones, no concept groups) grades as a
teacher would: generous to what says the key in other letters, strict on what says more.

The packs here are on subjects of their own, so nothing is tuned to the built-in one.
"""

from __future__ import annotations

import pytest

from tests.grading.fixtures import item, question_bank
from trainer.grading import Grader
from trainer.grading.figures import rounded
from trainer.grading.matching import opposed_by_prefix
from trainer.grading.normalise import normalise
from trainer.grading.verdict import Outcome, Reason
from trainer.packs.model import Answer, Kind, Pack


def _pack() -> Pack:
    return question_bank(
        "bank",
        ("capital", "What is the capital city of Australia?", "Canberra", "the city of Canberra"),
        (
            "system",
            "What economic system is based on private ownership?",
            "capitalism",
            "a capitalist economy",
        ),
        ("inflation", "What is a general rise in prices called?", "inflation"),
        ("malware", "What malware locks files until a fee is paid?", "ransomware"),
        ("river", "Which is the longest river in Africa?", "the Nile", "the River Nile"),
        ("height", "How high is Mount Everest?", "8,849 metres", "about 8,800 metres"),
        ("year", "In which year did the first iPhone go on sale?", "2007"),
        (
            "soil",
            "Why do farmers grow crops on volcanoes?",
            "the volcanic soil is fertile",
            "fertile soil",
        ),
    )


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader(_pack())


@pytest.mark.parametrize(
    ("answer", "item_id"),
    [
        ("canbera", "capital"),  # one word is all a one-word key asks for
        ("canberra, in the australian capital territory", "capital"),  # longer, specific
        ("infaltion", "inflation"),  # a swap stemming cannot see through
        ("ransom ware", "malware"),  # a compound written apart
        ("capitalistic system", "system"),  # a derivation; "system" is the question's word
        ("about 8850m", "height"),  # the key's figure rounded, its unit written short
        ("29/06/2007", "year"),  # a date: the day and month are no wrong figures
        ("june 29th, 2007", "year"),
    ],
)
def test_what_says_the_key_in_other_letters_is_right(
    grader: Grader, answer: str, item_id: str
) -> None:
    verdict = grader.grade(answer, item_id)
    assert verdict.outcome is Outcome.CORRECT, verdict


@pytest.mark.parametrize(
    ("answer", "item_id", "reason"),
    [
        ("the nile or the congo", "river", Reason.HEDGED),
        ("2007 or 2008", "year", Reason.HEDGED),
        ("2008", "year", None),  # a year is exact
        ("infertile soil", "soil", None),  # a negating prefix is no typo
        ("sydney", "capital", None),
    ],
)
def test_what_says_something_else_is_wrong(
    grader: Grader, answer: str, item_id: str, reason: Reason | None
) -> None:
    verdict = grader.grade(answer, item_id)
    assert verdict.outcome is Outcome.INCORRECT, verdict
    if reason is not None:
        assert verdict.reason is reason
        assert "Choose one" in verdict.explanation


def test_a_derivation_is_not_called_a_spelling_slip(grader: Grader) -> None:
    assert "spelling" not in grader.grade("capitalistic", "system").explanation
    assert "spelling" in grader.grade("infaltion", "inflation").explanation


def test_figures_are_read_as_students_write_them() -> None:
    assert normalise("30.000 a month").tokens == ("30000", "a", "month")
    assert normalise("18%").tokens == normalise("18 per cent").tokens == ("18", "percent")
    assert normalise("$50.00").tokens == ("50",)
    assert normalise("8bits").tokens == ("8", "bits")
    assert normalise("2007-06-29").tokens == ("2007",)
    assert normalise("30m people").tokens == ("30000000", "people")  # still millions


def test_a_rounded_figure_is_rounder_and_close() -> None:
    assert rounded("8850", "8849", 0.01) and rounded("8800", "8849", 0.01)
    assert not rounded("8851", "8849", 0.01)  # not rounder: another figure
    assert not rounded("31000", "30000", 0.01)  # too far


def test_a_figure_rounded_to_two_digits_is_the_key_rounded() -> None:
    """ "About 380,000 km" for a key of 384,000 km; not 390,000, nor 370,000."""
    grader = Grader(question_bank("space", ("moon", "How far is the Moon?", "about 384,000 km")))
    assert grader.grade("about 380,000 km", "moon").outcome is Outcome.CORRECT
    for wrong in ("about 390,000 km", "about 370,000 km"):
        assert grader.grade(wrong, "moon").outcome is not Outcome.CORRECT


def test_a_negating_prefix_makes_an_opposite_not_a_typo() -> None:
    assert opposed_by_prefix("infertile", "fertile")
    assert opposed_by_prefix("deflation", "inflation")
    assert not opposed_by_prefix("inflaton", "inflation")


def _questions(*questions: tuple[str, str, str]) -> Grader:
    """A grader for a pack of plain questions only: (id, prompt, canonical answer) each."""
    items = tuple(
        item(item_id, Kind.QUESTION, prompt, Answer(canonical=canonical))
        for item_id, prompt, canonical in questions
    )
    return Grader(Pack(id="questions", title="Questions", version="1", items=items))


def test_a_plain_question_is_explained_without_an_argument_or_its_answer() -> None:
    grader = _questions(
        ("year", "In which year did the euro become a currency?", "1999"),
        ("capital", "What is the capital of Australia?", "Canberra"),
        ("river", "Which is the longest river in Africa?", "the Nile"),
    )
    said = [
        grader.grade("2002", "year"),
        grader.grade("sydney", "capital"),
        grader.grade("it", "river"),
        grader.grade("the nile", "capital"),
    ]
    for verdict in said:
        assert verdict.outcome is Outcome.INCORRECT, verdict
        text = verdict.explanation.casefold()
        for assumed in ("argument", "article", "author", "claim"):
            assert assumed not in text, verdict.explanation
        assert "1999" not in text and "canberra" not in text, verdict.explanation
    assert grader.grade("canberra", "capital").explanation == "Right: that is the answer."


def test_a_number_word_with_two_letters_swapped_is_the_number() -> None:
    assert normalise("fiev out of six").tokens == ("5", "of", "6")
    assert normalise("eihgt bits").tokens == ("8", "bits")
    assert normalise("there were three").tokens[0] == "there"  # a word of its own


def test_years_initials_and_glued_units_are_read_as_written_in_full() -> None:
    assert normalise("nineteen eighty-nine").tokens == ("1989",)
    assert normalise("seventeen seventy six").tokens == ("1776",)
    assert normalise("nineteen soldiers").tokens == ("19", "soldiers")  # not a year
    assert normalise("D.N.A.").tokens == ("dna",)
    assert normalise("100C").tokens == ("100", "celsius")
    assert normalise("taxation withought representation").tokens[1] == "without"


def test_what_the_question_supplies_need_not_be_said() -> None:
    grader = _questions(
        ("seats", "Each state's seats in the House are based on what?", "the state's population"),
        ("term", "How long is a senator's term?", "six years"),
        ("system", "What economic system is based on free markets?", "a free-market economy"),
    )
    assert grader.grade("population", "seats").outcome is Outcome.CORRECT
    assert grader.grade("6", "term").outcome is Outcome.CORRECT  # the figure asked for
    assert grader.grade("72 months", "term").outcome is Outcome.CORRECT  # in other units
    assert grader.grade("7", "term").outcome is Outcome.INCORRECT
    assert grader.grade("84 months", "term").outcome is Outcome.INCORRECT
    # An echo of the question says nothing it did not.
    assert grader.grade("economics", "system").outcome is not Outcome.CORRECT
    assert grader.grade("the state", "seats").outcome is not Outcome.CORRECT


def test_a_class_marks_never_make_a_right_answer_that_contains_one_wrong() -> None:
    from dataclasses import replace

    from trainer.packs.model import MarkedAnswer

    question = item(
        "college",
        Kind.QUESTION,
        "Who formally elects the US president?",
        Answer(canonical="the Electoral College", accept=("the electors",)),
    )
    pack = Pack(id="civics", title="Civics", version="1", items=(question,))
    marks = (
        MarkedAnswer("college", "college", False),
        MarkedAnswer("college", "the voters in each state, counted in the census", False),
    )
    plain, taught = Grader(pack), Grader(replace(pack, marked=marks))
    for answer in ("electorial college", "the electoral college, who meet in december"):
        assert plain.grade(answer, "college").outcome is Outcome.CORRECT, answer
        assert taught.grade(answer, "college").outcome is Outcome.CORRECT, answer
    assert taught.grade("college", "college").outcome is Outcome.INCORRECT


def test_a_figure_too_long_to_round_is_compared_exactly_and_never_fails() -> None:
    long = "9" * 5000  # int() refuses strings this long by default: it must never be asked
    assert not rounded(long, long, 0.01)
    pack = Pack(
        id="huge",
        title="Huge",
        version="1",
        items=(item("thesis", Kind.THESIS, f"About {long} stars.", Answer(canonical=long)),),
    )
    assert Grader(pack).grade(long[:1500], "thesis").outcome is Outcome.INCORRECT


def _measures() -> Pack:
    return question_bank(
        "measures",
        ("spot", "How far is the penalty spot from the goal line?", "11 metres", "12 yards"),
        ("protein", "How much energy is in a gram of protein?", "4 kcal", "4 calories"),
        ("allowance", "What is the yearly tax-free allowance?", "12,570 pounds"),
        ("share", "What share of the body is water?", "about 60 percent", "60%"),
    )


@pytest.mark.parametrize(
    ("answer", "item_id", "correct"),
    [
        ("11 yards", "spot", False),  # the key's figure, in another key unit
        ("11 meters", "spot", True),
        ("twelve yards", "spot", True),
        ("4 kJ", "protein", False),
        ("4 kcal", "protein", True),
        ("12,570 euros", "allowance", False),  # the key's figure, in another currency
        ("£12,570", "allowance", True),  # a sign is no other unit
        ("60 per cent", "share", True),
    ],
)
def test_a_figure_in_another_unit_is_another_figure(
    answer: str, item_id: str, correct: bool
) -> None:
    verdict = Grader(_measures()).grade(answer, item_id)
    assert (verdict.outcome is Outcome.CORRECT) is correct, verdict
    if not correct:
        assert verdict.outcome is Outcome.INCORRECT and verdict.reason is Reason.WRONG_NUMBER


def test_a_wrong_unit_is_explained_in_the_units_a_student_counts_in() -> None:
    verdict = Grader(_measures()).grade("4 kJ", "protein")
    assert "counted in kilocalories, not kilojoules" in verdict.explanation


@pytest.mark.parametrize(
    ("answer", "hedge"),
    [
        ("60 or 80 percent", True),  # two figures offered, one the key's
        ("60 or 70%", True),
        ("about 60 percent", False),
        ("60 percent or so", False),  # an "or" with no second figure
    ],
)
def test_two_figures_either_side_of_or_are_a_hedge(answer: str, hedge: bool) -> None:
    verdict = Grader(_measures()).grade(answer, "share")
    assert (verdict.outcome is Outcome.CORRECT) is not hedge, verdict


@pytest.mark.parametrize(
    ("answer", "item_id", "correct"),
    [
        ("roughly 500 seconds", "light", True),  # 8 minutes in seconds, 4% off
        ("about 80 seconds", "light", False),
        ("12 months", "orbit", True),  # a year in months, with nothing of the key's words
        ("about 52 weeks", "orbit", True),
        ("356 days", "orbit", False),  # the key's unit: another figure, however close
        ("about 10 months", "orbit", False),
    ],
)
def test_a_span_of_time_is_the_key_s_in_any_unit_of_time(
    answer: str, item_id: str, correct: bool
) -> None:
    grader = Grader(
        question_bank(
            "sky",
            ("light", "How long does sunlight take to reach Earth?", "About 8 minutes"),
            ("orbit", "How long does Earth take to go round the Sun?", "About 365 days"),
        )
    )
    assert (grader.grade(answer, item_id).outcome is Outcome.CORRECT) is correct
