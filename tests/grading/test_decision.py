"""The decision stage alone: each rule, fed facts built by hand, and the order they run in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.grading.fixtures import small_pack
from trainer.grading.decision import RULES, decide
from trainer.grading.facts import Facts
from trainer.grading.findings import FigureSlip, Slip
from trainer.grading.index import PackIndex
from trainer.grading.scoring import ItemScore
from trainer.grading.verdict import Outcome, Reason

INDEX = PackIndex(small_pack())


def facts(
    item: str = "nk-ten-days", raw: float = 90.0, lex: float = 90.0, **extra: object
) -> Facts:
    at = INDEX.positions[item]
    key = INDEX.keys[at]
    score = ItemScore(lex=lex, best=None, covered=(0, 1), raw=raw, strength=raw)
    base = Facts(
        key=key,
        score=score,
        blank=False,
        wordless=False,
        content_words=6,
        admits=INDEX.admits(at),
    )
    return replace(base, **extra)  # type: ignore[arg-type]


def test_a_close_answer_with_nothing_wrong_is_a_match() -> None:
    decision = decide(facts())
    assert (decision.outcome, decision.reason) == (Outcome.CORRECT, Reason.MATCH)


def test_every_key_idea_in_other_words_is_right_by_concepts() -> None:
    decision = decide(facts(lex=30.0))
    assert (decision.outcome, decision.reason) == (Outcome.CORRECT, Reason.CONCEPTS)


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"blank": True}, Reason.EMPTY),
        ({"wordless": True}, Reason.EMPTY),
        ({"known_wrong": 0}, Reason.KNOWN_WRONG),
        ({"opposite": True}, Reason.OPPOSITE),
        ({"figure": FigureSlip(Slip.NUMBER, ("40,000",), ("30,000",))}, Reason.WRONG_NUMBER),
        ({"neighbour": 3}, Reason.NEIGHBOUR),
        ({"stray_names": ("lavrov",)}, Reason.WRONG_NAME),
    ],
)
def test_each_check_rejects_a_close_answer_below_partial(
    extra: dict[str, object], reason: Reason
) -> None:
    decision = decide(facts(**extra))
    assert decision.outcome is Outcome.INCORRECT and decision.reason is reason
    assert decision.score < INDEX.keys[0].thresholds.partial


def test_an_opposite_is_capped_however_many_words_it_shares() -> None:
    assert decide(facts(opposite=True, raw=99.0)).score <= 25


def test_the_checks_run_in_the_documented_order() -> None:
    everything = facts(known_wrong=0, opposite=True, neighbour=3, stray_names=("lavrov",))
    assert decide(everything).reason is Reason.KNOWN_WRONG
    assert decide(replace(everything, known_wrong=None)).reason is Reason.OPPOSITE
    no_flip = replace(everything, known_wrong=None, opposite=False)
    assert decide(no_flip).reason is Reason.NEIGHBOUR
    assert [rule.__name__ for rule in RULES][:7] == [
        "yes_or_no",
        "nothing_to_grade",
        "known_mistake",
        "opposite",
        "wrong_figure",
        "another_item",
        "wrong_name",
    ]


def test_one_word_is_partial_unless_the_key_allows_it() -> None:
    one = facts(content_words=1, score=ItemScore(lex=90, covered=(0,), raw=90, strength=90))
    assert decide(one).reason is Reason.ONE_WORD
    assert decide(replace(one, listed_short=True)).reason is Reason.MATCH


def test_an_item_that_turns_on_a_figure_asks_for_it() -> None:
    no_figure = facts(item="ev-volunteers", has_key_figure=False)
    decision = decide(no_figure)
    assert (decision.outcome, decision.reason) == (Outcome.PARTIAL, Reason.MISSING_NUMBER)
    assert decide(replace(no_figure, has_key_figure=True)).reason is Reason.MATCH


@pytest.mark.parametrize(
    ("raw", "words", "reason"),
    [(60.0, 6, Reason.PARTIAL), (30.0, 2, Reason.VAGUE), (30.0, 6, Reason.NO_MATCH)],
)
def test_below_the_pass_mark(raw: float, words: int, reason: Reason) -> None:
    score = ItemScore(lex=raw, covered=(), raw=raw, strength=raw)
    assert decide(facts(score=score, content_words=words)).reason is reason
