"""The explanation stage alone: each kind of decision in words, from data only."""

from __future__ import annotations

import pytest

from tests.grading.fixtures import small_pack
from trainer.grading.explanation import Context, explain, figure_text, join_ideas
from trainer.grading.findings import Decision, FigureSlip, Slip
from trainer.grading.keys import KnownWrong
from trainer.grading.names import common_names, pack_names
from trainer.grading.verdict import Outcome, Reason

PACK = small_pack()


def context(item: str, missing: tuple[str, ...] = (), truncated: bool = False) -> Context:
    return Context(PACK, common_names(PACK), pack_names(PACK), PACK.item(item), missing, truncated)


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (
            FigureSlip(Slip.NUMBER, ("40,000",), ("30,000",)),
            "The figure is wrong: 40,000 is not the article's figure (30,000).",
        ),
        (
            FigureSlip(Slip.UNIT, ("30,000", "year"), ("30,000", "month")),
            "The figure is wrong: the article's 30,000 is counted in months, not years.",
        ),
        (
            FigureSlip(Slip.SPAN, ("a month",), ("ten days",)),
            "The figure is wrong: the article says ten days, not a month.",
        ),
        (
            FigureSlip(Slip.MONTH, ("december",), ("november",)),
            "The figure is wrong: the article says November, not December.",
        ),
        (
            FigureSlip(Slip.MISSING, (), ("30,000",)),
            "Give the figure: this answer turns on a number (30,000).",
        ),
    ],
)
def test_each_wrong_figure_says_what_the_article_gives(figure: FigureSlip, text: str) -> None:
    assert figure_text(figure) == text


def test_an_opposite_quotes_the_key_and_a_known_mistake_gives_its_own_feedback() -> None:
    opposite = Decision(Outcome.INCORRECT, 10, Reason.OPPOSITE)
    assert explain(opposite, context("nk-ten-days")).startswith(
        'That says the opposite of the point: check the negation (the key: "10,000 North'
    )
    known = Decision(Outcome.INCORRECT, 10, Reason.KNOWN_WRONG, wrong=0)
    foreseen = KnownWrong("they tip the balance", "The opposite: the author says they do not.")
    assert explain(known, context("nk-ten-days"), known=foreseen) == foreseen.feedback
    marked = KnownWrong("north korea changes everything", None)
    assert explain(known, context("nk-ten-days"), known=marked) == (
        'Like an answer your teacher marked wrong: "north korea changes everything".'
    )


def test_another_rebuttal_names_both_claims() -> None:
    other = PACK.item("kursk-retaken")
    decision = Decision(Outcome.INCORRECT, 10, Reason.NEIGHBOUR, belongs_to=1)
    assert explain(decision, context("nk-ten-days"), other) == (
        "That's the author's answer to the Kursk claim, not to the North Korea claim."
    )


def test_a_question_with_several_answers_names_the_asked_side_as_a_group() -> None:
    other = PACK.item("kursk-chip")
    decision = Decision(Outcome.INCORRECT, 10, Reason.NEIGHBOUR, belongs_to=1, several=True)
    text = explain(decision, context("little-effect"), other)
    assert text.endswith("not a premise of the thesis.")


def test_partial_and_no_match_name_only_missing_ideas() -> None:
    partial = Decision(Outcome.PARTIAL, 60, Reason.PARTIAL)
    assert explain(partial, context("nk-ten-days", ("recruitment",))) == (
        'Partly right: you have not mentioned "recruitment".'
    )
    assert explain(partial, context("nk-ten-days")) == "Partly right, but not the whole point."
    miss = Decision(Outcome.INCORRECT, 20, Reason.NO_MATCH)
    assert explain(miss, context("nk-ten-days", ("a", "b"))) == (
        'That misses the point: nothing about "a" or "b".'
    )
    nothing = Decision(Outcome.INCORRECT, 0, Reason.NO_MATCH)
    assert explain(nothing, context("nk-ten-days", ("a",))) == "That is not the point here."


def test_a_wrong_name_says_who_the_answer_is_about() -> None:
    decision = Decision(Outcome.INCORRECT, 10, Reason.WRONG_NAME, names=("lavrov",))
    assert explain(decision, context("q-roberts")) == (
        "Wrong name: Lavrov does not belong in this answer; the answer is about Geoffrey Roberts."
    )


def test_a_cut_answer_says_so() -> None:
    decision = Decision(Outcome.CORRECT, 90, Reason.MATCH, fuzzy=True)
    assert explain(decision, context("nk-ten-days", truncated=True)) == (
        "Right: that is the point (allowing for spelling). "
        "(Only the first 2,000 characters were graded.)"
    )


def test_ideas_are_listed_with_or() -> None:
    assert join_ideas(["a"]) == '"a"'
    assert join_ideas(["a", "b", "c"]) == '"a", "b" or "c"'


def test_wrong_figures_read_back_as_written_and_in_good_grammar() -> None:
    from trainer.grading.explanation import question_figure_text
    from trainer.grading.findings import FigureSlip, Slip
    from trainer.grading.normalise import format_number

    assert format_number("1723") == "1723"  # a year is written without a comma
    assert format_number("3000") == "3,000" and format_number("1000") == "1,000"
    two = FigureSlip(Slip.NUMBER, ("1723", "1790"), ("1776",))
    assert question_figure_text(two) == "The figure is wrong: 1723 and 1790 are not the answer."
    one = FigureSlip(Slip.NUMBER, ("5",), ("6",))
    assert question_figure_text(one) == "The figure is wrong: 5 is not the answer."
