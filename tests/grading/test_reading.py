"""The reading and figures stages: a text to content keys, negations, pairs and figures."""

from __future__ import annotations

import pytest

from tests.grading.fixtures import item
from trainer.grading import Grader
from trainer.grading.figures import Duration, conflict, is_year, read_figures
from trainer.grading.normalise import normalise, stem
from trainer.grading.reading import Reading, read
from trainer.grading.verdict import Outcome
from trainer.packs.model import Answer, Kind, Pack


def _polarity(text: str) -> dict[str, int]:
    reading = read(text)
    return {k: p for k, n, p in zip(reading.keys, reading.negs, reading.pols, strict=True) if not n}


def test_content_words_are_stemmed_and_function_words_dropped() -> None:
    reading = read("The negotiations were stalling in Kursk")
    assert reading.content == ("negotiat", "stall", "kursk")
    assert "the" not in reading.content and "were" not in reading.content


def test_a_negation_reaches_the_words_after_it_in_its_clause_only() -> None:
    pols = _polarity("the troops do not change the balance, but russia recruits more")
    assert pols["chang"] == 1 and pols["balanc"] == 1
    assert pols["russia"] == 0 and pols["recruit"] == 0


def test_two_negations_cancel() -> None:
    assert _polarity("it is not unproven")["proven"] == 0


def test_and_ends_a_negations_reach() -> None:
    assert _polarity("do not retaliate and wait")["wait"] == 0


def test_negation_heads_are_the_words_right_after_it() -> None:
    reading = read("it has not been proven that troops are there")
    heads = {reading.keys[i] for i in reading.heads}
    assert "proven" in heads and "there" not in heads


def test_a_comparison_is_kept_as_ordered_pairs_and_a_passive_swaps_them() -> None:
    active = read("the risks outweigh the benefits")
    passive = read("the benefits are outweighed by the risks")

    def named(reading: Reading) -> set[tuple[str, str]]:
        return {(reading.keys[a], reading.keys[b]) for a, b in reading.pairs}

    assert ("risk", "benefit") in named(active)
    assert ("risk", "benefit") in named(passive)


def test_a_long_run_of_comparisons_keeps_pairs_linear_in_its_length() -> None:
    short = read("kursk over donbas, " * 10)
    long = read("kursk over donbas, " * 100)
    assert len(long.pairs) <= 12 * len(short.pairs)


def test_figures_count_units_spans_and_months() -> None:
    figures = read_figures(normalise("30,000 volunteers a month since November").tokens)
    assert figures.numbers == {"30000"}
    assert ("30000", "month") in figures.units
    assert figures.months == {"november"}
    spans = read_figures(normalise("in about a week and a half").tokens).durations
    assert spans == (Duration(10.5, "a week and a half"),)


def test_a_ratio_is_not_a_figure_to_check() -> None:
    assert read_figures(normalise("three times as many troops").tokens).numbers == frozenset()


def test_years_and_conflicting_figures() -> None:
    assert is_year("2024") and not is_year("3000") and not is_year("30000")
    assert conflict(frozenset({"5", "6"}), frozenset({"4", "6"}))
    assert not conflict(frozenset({"5", "6"}), frozenset({"5"}))


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\x00\x1b\u202e"])
def test_odd_text_reads_as_nothing_without_raising(text: str) -> None:
    assert read(text).content == ()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # After a negated clause, "not even X" / "not in X" repeats the negation to cover X.
        ("the drug won't cure the disease, not even in children", "children"),
        ("prices did not rise in spring, not in summer and not in autumn", "autumn"),
    ],
)
def test_a_clause_that_echoes_a_negation_is_read_as_its_words_alone(text: str, plain: str) -> None:
    reading = read(text)
    assert reading.pols[reading.keys.index(stem(plain))] == 0
    assert reading.pols[1 + reading.keys.index("not")] == 1  # the first negation still holds


def test_a_not_that_opens_a_clause_after_a_plain_one_still_negates() -> None:
    reading = read("the drug cures adults, not in children")
    assert reading.pols[reading.keys.index(stem("children"))] == 1


def test_an_echoed_negation_is_the_claim_not_its_opposite() -> None:
    claim = "The drug will not cure the disease, even in children."
    items = (
        item("thesis", Kind.THESIS, "Fund other research.", Answer("fund other research")),
        item("cure", Kind.PREMISE, claim, Answer(claim)),
    )
    grader = Grader(Pack(id="drugs", title="Drugs", version="1", items=items))
    echoed = grader.grade("the drug won't cure the disease, not even in children", "cure")
    assert echoed.outcome is Outcome.CORRECT, echoed
    flipped = grader.grade("the drug will cure the disease, even in children", "cure")
    assert flipped.outcome is Outcome.INCORRECT
