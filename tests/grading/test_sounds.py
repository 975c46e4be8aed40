"""Misspellings by ear ("inflashun", "loomier brothers") meet the pack's word; real words that
merely sound alike ("fission" for "fusion", "hill" for "hull") do not. Tested on a bank of its
own subjects (economics, physics, film, geography), not the built-in pack."""

from __future__ import annotations

import pytest

from tests.grading.fixtures import question_bank
from trainer.grading import Grader
from trainer.grading.lexicon.english import is_english
from trainer.grading.sounds import SoundIndex
from trainer.grading.verdict import Outcome


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader(
        question_bank(
            "sounds",
            ("prices", "What is a general rise in prices called?", "inflation"),
            ("sun", "What powers the Sun?", "nuclear fusion"),
            ("film", "Who made the first films shown to a paying public?", "the Lumière brothers"),
            ("climate", "What climate has hot dry summers and mild wet winters?", "Mediterranean"),
            ("ship", "What is the body of a ship called?", "the hull"),
        )
    )


@pytest.mark.parametrize(
    ("answer", "item_id"),
    [
        ("inflashun", "prices"),
        ("loomier brothers", "film"),
        ("medditeranian", "climate"),
    ],
)
def test_a_word_spelt_by_ear_is_the_word(grader: Grader, answer: str, item_id: str) -> None:
    assert grader.grade(answer, item_id).outcome is Outcome.CORRECT


@pytest.mark.parametrize(
    ("answer", "item_id"),
    [("nuclear fission", "sun"), ("the hill", "ship"), ("deflation", "prices")],
)
def test_a_real_word_that_sounds_alike_is_not_the_word(
    grader: Grader, answer: str, item_id: str
) -> None:
    assert grader.grade(answer, item_id).outcome is not Outcome.CORRECT


def test_sound_needs_the_same_start_and_few_letters_apart() -> None:
    index = SoundIndex([("munch", 0), ("inflation", 1), ("jazz", 2)])
    assert index.like("munk") == {0}
    assert index.like("inflashun") == {1}
    assert index.like("jaz") == {2}
    assert index.like("ja") == frozenset()  # too short to be heard
    assert index.like("ginflashun") == frozenset()  # another first sound


def test_the_word_list_knows_words_and_not_misspellings() -> None:
    assert is_english("fission") and is_english("hull")
    assert not is_english("inflashun") and not is_english("munk")
