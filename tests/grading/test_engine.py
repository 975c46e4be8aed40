"""The grader's rules, each as a student would meet it, on a small hand-built pack."""

from __future__ import annotations

import pytest

from tests.grading.fixtures import SELF_TESTED, concepts, small_pack
from trainer.grading import Grader, Outcome, Reason, grade, run_self_tests
from trainer.packs.model import Answer, Thresholds


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader(small_pack())


def outcome(grader: Grader, answer: str, item_id: str) -> Outcome:
    return grader.grade(answer, item_id).outcome


# -- right answers in students' own words ---------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "10,000 north korean troops are only about ten days of russian recruitment",
        "10k NK troops r only 10 days of recruitment, they dont alter the balance",
        "north korean troops don't change the balance",
        "10000 north koreen troops are only ten days of russian recrutment",  # typos
    ],
)
def test_right_answers_in_many_spellings_are_accepted(grader: Grader, answer: str) -> None:
    assert outcome(grader, answer, "nk-ten-days") is Outcome.CORRECT


@pytest.mark.parametrize(
    "answer", ["30k a month", "thirty thousand volunteers a month", "30 000 recruits a month"]
)
def test_figures_written_any_way_are_the_same_figure(grader: Grader, answer: str) -> None:
    assert outcome(grader, answer, "ev-volunteers") is Outcome.CORRECT


def test_number_words_and_out_of(grader: Grader) -> None:
    assert outcome(grader, "five out of six were shot down", "ev-five-of-six") is Outcome.CORRECT


def test_a_paraphrase_covering_the_key_ideas_is_accepted_with_little_word_overlap(
    grader: Grader,
) -> None:
    verdict = grader.grade("moscow will recapture kursk first", "kursk-retaken")
    assert verdict.outcome is Outcome.CORRECT
    assert verdict.reason is Reason.CONCEPTS
    assert verdict.concepts_found == ("kursk", "retake")


def test_word_order_does_not_matter(grader: Grader) -> None:
    assert (
        outcome(grader, "before negotiating russia will retake kursk", "kursk-retaken")
        is Outcome.CORRECT
    )


# -- what must never pass ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "item_id"),
    [
        ("north korean troops do alter the balance", "nk-ten-days"),
        ("north korean troops change the balance", "nk-ten-days"),
        ("the missiles will make a big military difference", "little-effect"),
        ("it has been proven that north korean troops are in kursk", "nk-unproven"),
        ("the benefits outweigh the risks of the strikes", "thesis"),
    ],
)
def test_a_negation_or_reversal_flip_is_never_accepted(
    grader: Grader, answer: str, item_id: str
) -> None:
    verdict = grader.grade(answer, item_id)
    assert verdict.outcome is Outcome.INCORRECT
    assert verdict.reason in (Reason.OPPOSITE, Reason.KNOWN_WRONG)


def test_double_negative_reads_as_positive(grader: Grader) -> None:
    verdict = grader.grade("north korean troops do not fail to alter the balance", "nk-ten-days")
    assert not verdict.correct


def test_wrong_figure_is_rejected_and_named(grader: Grader) -> None:
    verdict = grader.grade("3,000 a month", "ev-volunteers")
    assert verdict.outcome is Outcome.INCORRECT
    assert verdict.reason is Reason.WRONG_NUMBER
    assert "3,000" in verdict.explanation and "30,000" in verdict.explanation


def test_wrong_count_in_a_ratio_is_rejected(grader: Grader) -> None:
    assert grader.grade("4 of 6 were shot down", "ev-five-of-six").reason is Reason.WRONG_NUMBER


def test_wrong_first_name_is_rejected(grader: Grader) -> None:
    verdict = grader.grade("Alexander Roberts", "roberts")
    assert verdict.outcome is Outcome.INCORRECT
    assert verdict.reason is Reason.WRONG_NAME
    assert "Alexander" in verdict.explanation


def test_long_name_allows_a_tiny_typo_and_short_names_one_letter_by_ear(grader: Grader) -> None:
    assert outcome(grader, "Lavrow", "lavrov") is Outcome.CORRECT
    assert outcome(grader, "Geoffery Roberts", "roberts") is Outcome.CORRECT
    # A short name by ear, a letter off, is the name; two letters off it is another name.
    assert outcome(grader, "Hil", "hill") is Outcome.CORRECT
    assert outcome(grader, "Hal", "hill") is not Outcome.CORRECT


def test_another_items_point_is_named_not_accepted(grader: Grader) -> None:
    verdict = grader.grade("russia will retake kursk before negotiating", "nk-unproven")
    assert verdict.outcome is Outcome.INCORRECT
    assert verdict.belongs_to == "kursk-retaken"
    assert verdict.explanation == (
        "That's the author's answer to the Kursk claim, not to the North Korea claim."
    )


def test_another_persons_name_says_who_it_was(grader: Grader) -> None:
    verdict = grader.grade("Lavrov", "hill")
    assert verdict.belongs_to == "lavrov"
    assert "Sergey Lavrov" in verdict.explanation


def test_vague_answers_are_not_accepted(grader: Grader) -> None:
    for answer in ("it's risky", "because war is bad", "missiles"):
        assert outcome(grader, answer, "thesis") is not Outcome.CORRECT


def test_one_word_is_enough_only_where_the_item_allows_it(grader: Grader) -> None:
    assert grader.grade("militarily", "little-effect").outcome is not Outcome.CORRECT
    assert outcome(grader, "Roberts", "roberts") is Outcome.CORRECT


def test_a_short_answer_the_key_lists_is_not_overruled_by_the_one_word_rule() -> None:
    answer = Answer(
        canonical="The missiles will not make much military difference.",
        accept=("negligible",),
        concepts=concepts(["military", "militarily", "negligible"]),
    )
    listed = Grader(small_pack(little_effect=answer))
    assert listed.grade("negligible", "little-effect").outcome is Outcome.CORRECT
    # Only the words the key lists: one other word is still asked to say more.
    assert listed.grade("militarily", "little-effect").outcome is not Outcome.CORRECT


def test_known_wrong_answer_gets_its_own_feedback(grader: Grader) -> None:
    verdict = grader.grade("the north korean troops tip the balance", "nk-ten-days")
    assert verdict.reason is Reason.KNOWN_WRONG
    assert verdict.wrong_answer == "North Korean troops tip the balance"
    assert verdict.feedback == "The opposite: the author says they do not alter it."


def test_partial_answer_names_what_is_missing(grader: Grader) -> None:
    verdict = grader.grade("north korean troops", "nk-unproven")
    assert verdict.outcome is not Outcome.CORRECT
    assert "not proven" in verdict.concepts_missing


# -- thresholds -------------------------------------------------------------------------------


def test_item_thresholds_override_the_pack() -> None:
    answer = "moscow will recapture kursk first"
    assert Grader(small_pack()).grade(answer, "kursk-retaken").correct
    strict = Answer(
        canonical="Russia will retake Kursk before negotiating.",
        concepts=concepts(["kursk"], ["retake", "recapture"]),
        thresholds=Thresholds(accept=99, partial=90),
    )
    assert not Grader(small_pack(kursk_retaken=strict)).grade(answer, "kursk-retaken").correct


def test_pack_thresholds_apply_where_the_item_sets_none() -> None:
    lenient = Grader(small_pack(thresholds=Thresholds(accept=40, partial=20)))
    assert lenient.grade("north korean troops", "nk-unproven").correct


# -- input that must not break anything -------------------------------------------------------


@pytest.mark.parametrize(
    "answer", ["", "   \n\t ", "\x00\x07\x1b[31m", "🤷🤷", "????", "asdfgh qwerty", "the the the"]
)
def test_odd_input_gets_a_verdict_not_an_exception(grader: Grader, answer: str) -> None:
    verdict = grader.grade(answer, "nk-ten-days")
    assert verdict.outcome is Outcome.INCORRECT
    assert verdict.explanation


def test_huge_input_is_capped_and_says_so(grader: Grader) -> None:
    verdict = grader.grade("north korean troops do not alter the balance " * 500, "nk-ten-days")
    assert verdict.truncated
    assert "2,000" in verdict.explanation


def test_non_string_answer_is_treated_as_empty(grader: Grader) -> None:
    assert grader.grade(None, "thesis").reason is Reason.EMPTY  # type: ignore[arg-type]


def test_unknown_item_raises_key_error_naming_it(grader: Grader) -> None:
    with pytest.raises(KeyError, match="no-such"):
        grader.grade("x", "no-such")


# -- grade_best, override, JSON, module-level grade ------------------------------------------


def test_grade_best_picks_the_item_the_answer_fits(grader: Grader) -> None:
    verdict = grader.grade_best(
        "there is no proof the north koreans are even there", ["nk-ten-days", "nk-unproven"]
    )
    assert verdict.item_id == "nk-unproven"
    assert verdict.correct


def test_grade_best_with_no_fit_is_incorrect(grader: Grader) -> None:
    verdict = grader.grade_best("uniforms are expensive", ["nk-ten-days", "nk-unproven"])
    assert verdict.outcome is Outcome.INCORRECT


def test_override_marks_correct_and_keeps_the_reasons(grader: Grader) -> None:
    verdict = grader.grade("north korea", "nk-unproven")
    overridden = verdict.override()
    assert overridden.correct and overridden.overridden
    assert overridden.score == verdict.score and not verdict.overridden


def test_json_field_names_are_stable(grader: Grader) -> None:
    assert set(grader.grade("x", "thesis").to_json()) == {
        "item_id",
        "outcome",
        "score",
        "reason",
        "explanation",
        "concepts_found",
        "concepts_missing",
        "wrong_answer",
        "feedback",
        "belongs_to",
        "matched",
        "truncated",
        "overridden",
        "confidence",
    }


def test_module_level_grade_with_and_without_pack() -> None:
    pack = small_pack()
    item = pack.item("kursk-retaken")
    assert grade("russia will retake kursk before talks", item, pack).correct
    assert grade("russia will retake kursk before talks", item).correct


# -- self-tests -------------------------------------------------------------------------------


def test_self_tests_report_each_disagreement() -> None:
    report = run_self_tests(small_pack(kursk_retaken=SELF_TESTED))
    assert report.checked == 3
    assert [(d.item_id, d.response, d.expected) for d in report.disagreements] == [
        ("kursk-retaken", "the sky is green", "accept")
    ]
    assert "the sky is green" in "\n".join(report.lines())
    assert report.to_json()["disagreements"][0]["verdict"]["outcome"] == "incorrect"


def test_self_tests_all_agreeing_is_ok() -> None:
    report = run_self_tests(small_pack())
    assert report.ok and report.checked == 0
    assert "all 0" in report.lines()[0]


def test_the_right_figure_in_the_wrong_unit_of_time_is_a_wrong_figure(grader: Grader) -> None:
    verdict = grader.grade("30,000 volunteers a year", "ev-volunteers")
    assert verdict.outcome is Outcome.INCORRECT and verdict.reason is Reason.WRONG_NUMBER
    assert "counted in months, not years" in verdict.explanation
    assert grader.grade("30k new volunteers every month", "ev-volunteers").correct
    assert grader.grade("30,000 volunteers, every single month", "ev-volunteers").correct


def test_a_span_of_time_far_from_the_articles_is_a_wrong_figure(grader: Grader) -> None:
    month = grader.grade("north korean troops are about a month of recruitment", "nk-ten-days")
    assert month.reason is Reason.WRONG_NUMBER
    assert "the article says 10 days, not a month" in month.explanation
    # The same span in other units is the same figure.
    near = grader.grade(
        "north korean troops are a week and a half of russian recruitment, no difference",
        "nk-ten-days",
    )
    assert near.reason is not Reason.WRONG_NUMBER


def test_three_times_as_many_is_a_ratio_not_a_wrong_figure(grader: Grader) -> None:
    verdict = grader.grade(
        "russia recruits three times that many every month, so north korean troops are only "
        "about ten days of recruitment and do not alter the balance",
        "nk-ten-days",
    )
    assert verdict.reason is not Reason.WRONG_NUMBER and verdict.correct
