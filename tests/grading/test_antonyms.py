"""The antonyms stage: an antonym of a key word in its slot turns an answer round."""

from __future__ import annotations

import pytest

from tests.grading.fixtures import item
from trainer.grading import Grader
from trainer.grading.analysis import analyse
from trainer.grading.antonyms import aligned_antonym, slots_of
from trainer.grading.verdict import Outcome
from trainer.packs.model import Answer, Item, Kind, Pack


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


def _one_claim(pack_id: str, claim: Item) -> Grader:
    """A grader for a pack of one claim beside a thesis of no interest to the test."""
    thesis = item("thesis", Kind.THESIS, "A thesis.", Answer("a thesis"))
    return Grader(Pack(id=pack_id, title=pack_id.title(), version="1", items=(thesis, claim)))


@pytest.fixture(scope="module")
def towns() -> Grader:
    """A key said two ways, one of them with no verb: the town's growth."""
    growth = Answer(
        canonical="2,000 new residents a year",
        accept=("the town grows by 2,000 people a year",),
    )
    return _one_claim("towns", item("growth", Kind.EVIDENCE, growth.accept[0], growth))


@pytest.mark.parametrize(
    "answer",
    [
        "the town loses 2,000 people a year",  # no WordNet pair: "grow" / "lose"
        "the town is losing 2,000 people a year",  # an inflection of the antonym
        "the town shrinks by 2,000 a year",
        "the population falls by 2,000 people a year",
    ],
)
def test_a_verb_of_the_other_direction_turns_a_change_round(towns: Grader, answer: str) -> None:
    """A phrasing without the verb ("2,000 new residents a year") cannot vouch for an
    answer another phrasing shows turned round."""
    assert towns.grade(answer, "growth").outcome is Outcome.INCORRECT


@pytest.mark.parametrize(
    "answer", ["the town gains 2,000 people a year", "2,000 more residents every year"]
)
def test_a_change_the_same_way_round_is_still_right(towns: Grader, answer: str) -> None:
    assert towns.grade(answer, "growth").outcome is Outcome.CORRECT


@pytest.fixture(scope="module")
def reviews() -> Grader:
    """A claim about who takes which side, said two ways, one with no verb of stance."""
    backlash = Answer(
        canonical="Teachers will attack the new timetable.",
        accept=("a backlash from teachers against the timetable",),
    )
    return _one_claim("school", item("backlash", Kind.PREMISE, backlash.canonical, backlash))


@pytest.mark.parametrize(
    ("answer", "correct"),
    [
        ("teachers will praise the new timetable", False),
        ("teachers will welcome the new timetable", False),
        ("the teachers are going to attack the new timetable", True),  # the same side
        ("teachers will attack the timetable", True),
    ],
)
def test_a_verb_of_the_other_side_turns_a_stance_round(
    reviews: Grader, answer: str, correct: bool
) -> None:
    verdict = reviews.grade(answer, "backlash")
    assert (verdict.outcome is Outcome.CORRECT) is correct, verdict
