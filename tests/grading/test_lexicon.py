"""The lexicon: general English as data, each list checked for what makes it work."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.grading.lexicon import ENGLISH
from trainer.grading.lexicon.clauses import CLAUSE_WORDS
from trainer.grading.lexicon.numbers import NUMBER_WORDS, SCALES
from trainer.grading.lexicon.rewrites import CASED, CONTRACTIONS, PHRASES, Rule
from trainer.grading.lexicon.spellings import ABBREVIATIONS, MISSPELLINGS
from trainer.grading.normalise import normalise

RULES: list[Rule] = [*CASED, *CONTRACTIONS, *PHRASES]


def test_no_stopword_is_a_clause_word_normalisation_has_already_turned_into_a_break() -> None:
    assert not ENGLISH.stopwords & CLAUSE_WORDS


def test_negators_are_never_dropped_as_stopwords() -> None:
    assert not ENGLISH.negators & ENGLISH.stopwords


def test_every_negator_survives_normalisation_as_written() -> None:
    assert [w for w in sorted(ENGLISH.negators) if normalise(w).words != (w,)] == []


def test_months_leave_out_the_ones_that_are_also_words() -> None:
    assert {"may", "march"}.isdisjoint(ENGLISH.months) and len(ENGLISH.months) == 10


def test_every_unit_of_time_has_a_length_in_days() -> None:
    units = set(ENGLISH.time_units.values())
    assert units == set(ENGLISH.unit_days)


def test_measure_units_are_no_unit_of_time_nor_one_that_is_converted() -> None:
    """A unit of time has its own checks (spans, "a month" for "a year") and a converted
    unit is compared in metres: neither may also be a measure, or it would be read twice."""
    from trainer.grading.lexicon.units import CONVERSIONS, MEASURES

    assert not set(MEASURES) & set(ENGLISH.time_units)
    assert not set(MEASURES) & set(CONVERSIONS)
    assert all(unit in MEASURES for unit in MEASURES.values())  # each unit spells itself


def test_number_words_and_scales_make_figures() -> None:
    assert normalise("thirty thousand").words == ("30000",)
    assert NUMBER_WORDS["ninety"] == 90 and SCALES["million"] == 1_000_000


def test_a_misspelling_is_fixed_only_where_it_is_a_whole_word_of_five_letters_or_more() -> None:
    assert normalise("it is unlikly").words == ("it", "is", "unlikely")
    # Shorter entries can never be reached: spelling is fixed on words of five letters up.
    assert all(len(word) >= 5 for word in MISSPELLINGS)


def test_abbreviations_map_to_words_normalisation_keeps() -> None:
    assert normalise("ppl r scared").words == ("people", "are", "scared")
    assert all(value and " " not in value for value in ABBREVIATIONS.values())


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule[0].pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_text_a_rewrite_matches_holds_one_of_its_triggers(
    rule: Rule, data: st.DataObject
) -> None:
    """The triggers only let a text skip a pattern that cannot match it: they must be in
    every match, or a rewrite would silently stop applying."""
    pattern, _, triggers = rule
    text = data.draw(st.from_regex(pattern, fullmatch=False))
    if pattern.search(text) is None:
        return
    assert any(
        trigger in text if isinstance(trigger, str) else trigger.search(text)
        for trigger in triggers
    ), text
