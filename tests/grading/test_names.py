"""Names in explanations: possessives go, a name's own last letters stay."""

from __future__ import annotations

import pytest

from tests.grading.fixtures import item
from tests.grading.other_packs import europe_pack
from trainer.grading import Grader, Reason
from trainer.grading.names import bare, common_names, place_of
from trainer.packs.model import Answer, Item, Kind, Pack


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Paris", "Paris"),
        ("Brussels", "Brussels"),
        ("European", "European"),
        ("Korean", "Korean"),
        ("Russia's", "Russia"),
        ("Russia\u2019s", "Russia"),
        ("the allies'", "the allies"),
    ],
)
def test_a_possessive_is_removed_and_nothing_else(written: str, name: str) -> None:
    assert bare(written) == name


def test_an_adjective_of_place_names_the_place_only_where_the_pack_does() -> None:
    assert place_of("North Korean", frozenset({"korea"})) == "North Korea"
    assert place_of("North Koreans", frozenset({"korea"})) == "North Korea"
    assert place_of("European", frozenset({"korea", "europe"})) == "European"
    assert place_of("North Korean", frozenset()) == "North Korean"


def test_a_rebuttal_of_the_other_claim_names_both_claims_by_their_whole_names() -> None:
    grader = Grader(europe_pack())
    verdict = grader.grade("a national audit office can watch the paris lobby", "re-brussels")
    assert verdict.reason is Reason.NEIGHBOUR
    assert verdict.explanation == (
        "That's the author's answer to the Paris claim, not to the Brussels claim."
    )


def test_names_common_to_a_pack_are_counted_whole() -> None:
    common = common_names(europe_pack())
    assert "brussels" in common or "paris" not in common
    assert "brussel" not in common and "pari" not in common


def test_two_items_worded_alike_are_not_named_alike_in_one_sentence() -> None:
    def congress(item_id: str, accept: str) -> Item:
        return item(item_id, Kind.PREMISE, "Congress", Answer("Congress", accept=(accept,)))

    pack = Pack(
        id="civics",
        title="Civics",
        version="1",
        items=(
            congress("makes-laws", "the legislative branch writes every federal law"),
            congress("declares-war", "only it may declare a war on another country"),
        ),
    )
    verdict = Grader(pack).grade("the legislative branch writes federal laws", "declares-war")
    assert verdict.reason is Reason.NEIGHBOUR
    assert verdict.explanation == (
        "That's the answer to another question in this pack, not to this one."
    )
