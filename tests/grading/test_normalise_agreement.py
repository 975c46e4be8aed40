"""Normalisation and agreement figures: the small pure functions the grader stands on."""

from __future__ import annotations

import pytest

from trainer.grading import agreement
from trainer.grading.agreement import Agreement
from trainer.grading.normalise import normalise


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.K.", "Britain"),
        ("the U.S. military", "the united states military"),
        ("USA", "America"),
        ("don't", "do not"),
        ("dont", "do not"),
        ("won't", "will not"),
        ("wont", "will not"),
        ("can't", "cannot"),
        ("isn't", "is not"),
        ("ten days", "10 days"),
        ("30k", "thirty thousand"),
        ("30,000", "30 000"),
        ("5 of 6", "five out of six"),
        ("5/6", "5 of 6"),
        ("Peskóv", "peskov"),
        ("NATO", "n.a.t.o."),
        ("world war three", "WW3"),
    ],
)
def test_spellings_of_one_thing_normalise_alike(a: str, b: str) -> None:
    assert normalise(a).words == normalise(b).words


def test_no_subject_vocabulary_is_built_in() -> None:
    """A pack's subject words come from that pack (see test_vocabulary): another pack must
    not find "Koreans" read as North Korea, or "praised" read as "did not attack"."""
    assert normalise("Koreans").words == ("koreans",)
    assert normalise("Kiev").words == ("kiev",)
    assert "not" not in normalise("she praised the plan").words


def test_us_the_pronoun_is_not_the_country() -> None:
    assert "usa" not in normalise("they told us").words
    assert "usa" in normalise("the us should push for talks").words


def test_clause_breaks_are_kept() -> None:
    assert "|" in normalise("it's not a stunt, it matters").tokens


def test_agreement_figures() -> None:
    pairs = [(True, True)] * 40 + [(False, False)] * 45 + [(True, False)] * 5 + [(False, True)] * 10
    figures = agreement(pairs)
    assert figures.total == 100
    assert figures.accuracy == pytest.approx(0.85)
    assert figures.precision == pytest.approx(40 / 45)
    assert figures.recall == pytest.approx(40 / 50)
    # chance agreement: 0.45 * 0.5 + 0.55 * 0.5 = 0.5
    assert figures.kappa == pytest.approx((0.85 - 0.5) / 0.5)
    assert figures.to_json()["machine_only_accept"] == 5


def test_agreement_edge_cases() -> None:
    assert Agreement().kappa == 1.0
    assert agreement([(True, True)] * 3).kappa == 1.0
    assert agreement([(False, True)]).precision == 1.0


def test_till_ends_a_clause_as_until_does() -> None:
    """So "won't negotiate till it retakes Kursk" does not negate the retaking."""
    assert normalise("wont negotiate till it retakes kursk").tokens.count("|") == 1


def test_prefix_negatives_and_staying_out_read_as_not() -> None:
    assert normalise("it is unproven").words == normalise("it is not proven").words
    assert normalise("its not unproven").words.count("not") == 2  # a double negative
    assert normalise("nato would stay out of the war").words[:3] == ("nato", "would", "not")
    assert normalise("5 out of 6").words == ("5", "of", "6")
