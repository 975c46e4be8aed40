"""The antonyms stage: an antonym of a key word in its slot turns an answer round."""

from __future__ import annotations

import pytest

from tests.grading.fixtures import item
from trainer.grading import Grader
from trainer.grading.analysis import analyse
from trainer.grading.antonyms import aligned_antonym, slots_of
from trainer.grading.verdict import Outcome
from trainer.packs.model import Answer, Kind, Pack


@pytest.fixture(scope="module")
def grader() -> Grader:
    def claim(item_id: str, kind: Kind, text: str) -> object:
        return item(item_id, kind, text, Answer(canonical=text))

    items = (
        claim("thesis", Kind.THESIS, "Raising interest rates makes prices rise more slowly."),
        claim("soil", Kind.PREMISE, "Volcanic soil is rich in minerals."),
        claim("costs", Kind.PREMISE, "Borrowing becomes expensive for firms."),
    )
    return Grader(Pack(id="rates", title="Rates", version="1", items=items))  # type: ignore[arg-type]


def test_an_antonym_in_the_key_words_place_is_the_opposite(grader: Grader) -> None:
    assert grader.grade("volcanic soil is poor in minerals", "soil").outcome is Outcome.INCORRECT
    assert grader.grade("borrowing becomes cheap for firms", "costs").outcome is Outcome.INCORRECT


def test_the_same_words_are_still_right(grader: Grader) -> None:
    assert grader.grade("volcanic soil is rich in minerals", "soil").outcome is Outcome.CORRECT
    assert grader.grade("borrowing gets expensive for firms", "costs").outcome is Outcome.CORRECT


def test_an_antonym_under_a_negation_cancels_out(grader: Grader) -> None:
    index = grader.index
    phrasing = index.keys[index.positions["costs"]].right[0]
    assert aligned_antonym(
        analyse("borrowing becomes cheap", index), phrasing, slots_of(index, phrasing), 1
    )
    assert not aligned_antonym(
        analyse("borrowing is not cheap", index), phrasing, slots_of(index, phrasing), 1
    )


def test_an_antonym_far_from_any_shared_word_is_not_aligned(grader: Grader) -> None:
    index = grader.index
    phrasing = index.keys[index.positions["costs"]].right[0]
    answer = analyse("cheap talk aside, firms find that borrowing becomes costly", index)
    assert not aligned_antonym(answer, phrasing, slots_of(index, phrasing), 1)
