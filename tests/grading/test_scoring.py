"""The scoring, coverage and contradiction stages, each on one answer and one item."""

from __future__ import annotations

from tests.grading.fixtures import small_pack
from tests.grading.other_packs import europe_pack
from trainer.grading.analysis import analyse
from trainer.grading.contradiction import Contradictions, reversed_sides
from trainer.grading.facts import flipped
from trainer.grading.index import PackIndex
from trainer.grading.keys import ItemKey
from trainer.grading.scoring import Coverage, Scores, coverage

INDEX = PackIndex(small_pack())


def scores(text: str, index: PackIndex = INDEX) -> Scores:
    return Scores(analyse(text, index), index)


def key(item: str, index: PackIndex = INDEX) -> ItemKey:
    return index.keys[index.positions[item]]


def test_the_key_itself_scores_full_marks_and_an_unrelated_answer_nothing() -> None:
    at = INDEX.positions["kursk-retaken"]
    assert scores("Russia will retake Kursk before negotiating.").item(at).raw == 100
    assert scores("the sky is green today").item(at).raw == 0


def test_covering_every_idea_in_other_words_reaches_the_pass_mark() -> None:
    at = INDEX.positions["kursk-retaken"]
    score = scores("moscow intends to recapture the kursk region").item(at)
    assert score.covered == (0, 1) and score.raw >= 80 > score.lex


def test_some_ideas_are_partly_right() -> None:
    at = INDEX.positions["deter-nk"]
    score = scores("it is all about north korea").item(at)
    assert score.covered == (0,) and 55 <= score.raw < 80


def test_an_idea_named_the_other_way_round_is_contradicted_not_found() -> None:
    found = coverage(
        analyse("there is no proof the north koreans are there", INDEX), key("nk-unproven")
    )
    assert found == {0: Coverage.FOUND, 1: Coverage.FOUND}
    flipped_answer = analyse("it has been proven that north korean troops are there", INDEX)
    assert coverage(flipped_answer, key("nk-unproven")).get(1) is not Coverage.FOUND


def test_the_shortlist_holds_the_items_sharing_most_words_and_the_siblings() -> None:
    at = INDEX.positions["nk-ten-days"]
    shortlist = scores("holding kursk gives ukraine something to trade").shortlist(at)
    assert INDEX.positions["kursk-chip"] in shortlist
    assert INDEX.positions["nk-unproven"] in shortlist  # a sibling rebuttal
    assert at not in shortlist


def test_a_negation_that_differs_on_the_shared_words_is_an_opposite() -> None:
    at = INDEX.positions["little-effect"]
    readings = Contradictions(scores("the missiles will make a big military difference"))
    assert flipped(readings, at)
    same = Contradictions(scores("the missiles won't make much of a military difference"))
    assert not flipped(same, at)


def test_swapped_sides_of_a_comparison_are_reversed() -> None:
    answer = analyse("the benefits outweigh the risks of the strikes", INDEX)
    thesis = key("thesis").right[1]
    assert reversed_sides(answer, thesis)
    assert not reversed_sides(analyse("the risks outweigh the benefits", INDEX), thesis)


def test_stages_work_the_same_on_a_pack_on_another_subject() -> None:
    europe = PackIndex(europe_pack())
    at = europe.positions["re-paris"]
    assert scores("auditors can oversee the paris lobby", europe).item(at).raw >= 80
