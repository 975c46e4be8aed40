"""The matching stage: typo bounds by word length, names and figures exact or nearly so."""

from __future__ import annotations

import pytest

from trainer.grading.matching import Matcher, WordTable, allowed_edits


@pytest.mark.parametrize(("length", "edits"), [(1, 0), (3, 0), (4, 1), (6, 1), (7, 2), (12, 2)])
def test_the_letters_a_word_may_be_off_by_grow_with_its_length(length: int, edits: int) -> None:
    assert allowed_edits(length) == edits


def _matcher(*words: str, names: frozenset[str] = frozenset()) -> tuple[WordTable, Matcher]:
    table = WordTable(names)
    for word in words:
        table.add(word)
    return table, Matcher(table)


def test_a_typo_within_the_bound_matches_and_one_past_it_does_not() -> None:
    table, matcher = _matcher("negotiat", "war")
    assert matcher.matches("negotait") == {table.ids["negotiat"]}
    assert matcher.matches("negtait") == {table.ids["negotiat"]}  # two letters off
    assert matcher.matches("nagtait") == frozenset()  # three
    assert matcher.matches("was") == frozenset()


def test_both_words_bound_a_match_the_shorter_answer_word_included() -> None:
    table, matcher = _matcher("troops")
    assert matcher.matches("troop") == {table.ids["troops"]}
    assert matcher.matches("trop") == frozenset()


def test_figures_never_match_by_typo() -> None:
    _, matcher = _matcher("30000")
    assert matcher.matches("30001") == frozenset()


def test_a_short_name_is_exact_and_a_long_one_one_letter_off() -> None:
    table, matcher = _matcher("hill", "peskov", names=frozenset({"hill", "peskov"}))
    assert matcher.matches("hil") == frozenset()
    assert matcher.matches("peskow") == {table.ids["peskov"]}
    assert matcher.matches("pskow") == frozenset()


def test_repeated_words_are_remembered() -> None:
    _, matcher = _matcher("kursk")
    first = matcher.matches("kurks")
    assert matcher.matches("kurks") is first


def test_lemmas_give_the_plain_form_in_the_spelling_wordnet_keeps() -> None:
    from trainer.grading.matching import lemmas

    assert "monopolize" in lemmas("monopolised")  # an -ed form, British spelling
    assert "fiber" in lemmas("fibre")
    assert "color" in lemmas("colour")
    assert "specialization" in lemmas("specialisation")
    assert lemmas("more") == ("more",)  # no ending of another spelling
    assert lemmas("flour") == ("flour",)


def test_a_real_word_is_no_misspelling_of_a_word_one_letter_changed_away() -> None:
    from tests.grading.fixtures import question_bank
    from trainer.grading import Grader
    from trainer.grading.verdict import Outcome

    grader = Grader(
        question_bank(
            "talks",
            ("next", "What should the two sides do now?", "start peace talks and save lives"),
            ("height", "How high is Everest?", "8,849 metres"),
        )
    )
    # "walks" and "likes" are words of their own, not "talks" and "lives" misspelt.
    assert grader.grade("my dog likes walks", "next").outcome is Outcome.INCORRECT
    assert grader.grade("start peace tlaks and save lifes", "next").outcome is Outcome.CORRECT
    assert grader.grade("8849 meters", "height").outcome is Outcome.CORRECT  # another spelling
