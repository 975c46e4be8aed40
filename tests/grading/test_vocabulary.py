"""A pack's own vocabulary: its spellings and opposites reach every item, and no other pack."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.grading.fixtures import small_pack
from trainer.grading import Grader
from trainer.grading.names import common_names
from trainer.grading.normalise import normalise
from trainer.grading.vocabulary import Rewrites
from trainer.packs.model import Opposite, Vocabulary

KOREA = ("North Korea", "North Korean", "NK", "DPRK", "N. Korea", "Koreans")
VOCABULARY = Vocabulary(
    same=(KOREA, ("Kyiv", "Kiev")),
    opposites=(Opposite(("praised", "praises"), "attack"),),
)


def read(text: str, rewrites: Rewrites) -> tuple[str, ...]:
    return tuple(t for t in rewrites.apply(normalise(text).tokens) if t != "|")


@pytest.mark.parametrize(
    "text",
    [
        "NK troops",
        "DPRK troops",
        "north korean troops",
        "N. Korea troops",  # the dot is not a clause break inside a listed name
        "north koreas troops",  # the apostrophe dropped
        "north koria troops",  # one slip in a long word after the first
        "Koreans troops",
        "North Korea troops",  # the reading itself is not read twice ("north north korea")
    ],
)
def test_every_spelling_in_a_group_reads_as_the_first(text: str) -> None:
    assert read(text, Rewrites(VOCABULARY)) == ("northkorea", "troops")


def test_spellings_are_whole_words_and_the_first_word_is_exact() -> None:
    rewrites = Rewrites(VOCABULARY)
    assert read("nkorea troops", rewrites) == ("nkorea", "troops")
    assert read("knk", rewrites) == ("knk",)
    assert read("nroth korea", rewrites) == ("nroth", "korea")


def test_an_opposite_reads_as_not() -> None:
    rewrites = Rewrites(VOCABULARY)
    assert read("Biden praised Kiev", rewrites) == ("biden", "not", "attack", "kyiv")


def test_a_pack_without_a_vocabulary_reads_answers_as_written() -> None:
    assert not Rewrites(Vocabulary())
    assert read("DPRK praised Kiev", Rewrites()) == ("dprk", "praised", "kiev")


def test_the_grader_uses_the_pack_vocabulary_for_every_item() -> None:
    answer = "10,000 DPRK troops are only ten days of recruitment, they don't alter the balance"
    plain = Grader(small_pack())
    with_vocabulary = Grader(replace(small_pack(), vocabulary=VOCABULARY))
    assert with_vocabulary.grade(answer, "nk-ten-days").correct
    assert (
        with_vocabulary.grade(answer, "nk-ten-days").score
        > plain.grade(answer, "nk-ten-days").score
    )
    # A negation still flips through a rewritten name.
    flipped = with_vocabulary.grade("DPRK troops do alter the balance", "nk-ten-days")
    assert not flipped.correct


def test_common_names_are_never_the_topic_of_one_claim() -> None:
    pack = small_pack()
    assert "kursk" not in common_names(pack)
    grader = Grader(pack)
    verdict = grader.grade("russia will retake kursk before negotiating", "nk-unproven")
    assert "Kursk claim" in verdict.explanation
    # Listed as common, Kursk no longer names the claim: the explanation quotes it instead.
    listed = replace(pack, vocabulary=Vocabulary(common_names=("Kursk",)))
    assert "kursk" in common_names(listed)
    verdict = Grader(listed).grade("russia will retake kursk before negotiating", "nk-unproven")
    assert "Kursk claim" not in verdict.explanation


def test_thousands_of_spellings_sharing_a_first_word_each_read_as_their_own() -> None:
    """Packs are untrusted, so the rewriter is a trie, not a list scanned per word; it must
    still find the right spelling among many alike, typos and plurals included."""
    groups = tuple((f"the alpha{i:04d}", f"the beta{i:04d}") for i in range(3000))
    rewrites = Rewrites(Vocabulary(same=groups))
    assert read("the beta2999 and the beta0001s", rewrites) == (
        "thealpha2999",
        "and",
        "thealpha0001",
    )
    assert read("the ebta0042", rewrites) == ("thealpha0042",)  # a swap is one slip
    assert read("the betta0042", rewrites) == ("thealpha0042",)  # so is a doubled letter
    assert read("the the gamma0001", rewrites) == ("the", "the", "gamma0001")
