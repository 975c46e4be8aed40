"""The index stage: a pack read once into word ids, weights, keys and relations."""

from __future__ import annotations

from tests.grading.fixtures import concepts, item, small_pack
from trainer.grading import Grader, Outcome, run_self_tests
from trainer.grading.index import PackIndex
from trainer.packs.model import Answer, Kind, Pack


def _civics(*groups: list[str]) -> Pack:
    answer = Answer(canonical="The Speaker of the House is next after the Vice President.")
    return Pack(
        id="civics",
        title="Civics",
        version="1",
        items=(
            item(
                "succession",
                Kind.PREMISE,
                "Who comes after the Vice President in the line of succession?",
                Answer(canonical=answer.canonical, concepts=concepts(*groups)),
            ),
        ),
    )


def test_a_group_of_everyday_words_is_a_group_of_its_own() -> None:
    grader = Grader(_civics(["the Speaker of the House"], ["succession", "next in line"]))
    verdict = grader.grade("the speaker of the house", "succession")
    assert verdict.concepts_found == ("the Speaker of the House",)
    assert verdict.concepts_missing == ("succession",)
    both = grader.grade("the speaker of the house is next in line", "succession")
    assert both.outcome is Outcome.CORRECT
    assert both.concepts_found == ("the Speaker of the House", "succession")


def test_a_group_with_no_word_to_match_is_reported_by_the_self_tests() -> None:
    pack = _civics(["...", "--"], ["succession"])
    report = run_self_tests(pack)
    assert report.unread == (("succession", "..."),)
    assert report.to_json()["unread_concepts"] == [{"item_id": "succession", "group": "..."}]


def test_words_get_one_id_each_and_a_typo_bound_by_length() -> None:
    index = PackIndex(small_pack())
    ids = index.words.ids
    assert len(ids) == len(set(ids.values()))
    bounds = {word: index.words.allowed[wid] for word, wid in ids.items()}
    assert bounds["nk"] == 0 and bounds["kursk"] == 1 and bounds["negotiat"] == 2
    assert bounds["30000"] == 0


def test_rare_words_weigh_more_than_words_every_item_uses() -> None:
    index = PackIndex(small_pack())
    weight = {w: index.weights[i] for w, i in index.words.ids.items()}
    assert weight["intercept"] > weight["kursk"] > 1.0


def test_siblings_share_kind_and_claim_and_links_follow_refs() -> None:
    index = PackIndex(small_pack())
    at = index.positions
    siblings = index.siblings(at["nk-ten-days"])
    assert at["nk-unproven"] in siblings and at["kursk-retaken"] not in siblings
    assert index.linked(at["nk-ten-days"], at["deter-nk"])
    assert index.linked(at["deter-nk"], at["nk-ten-days"])
    assert not index.linked(at["nk-ten-days"], at["kursk-chip"])


def test_a_person_is_keyed_by_full_name_and_surname() -> None:
    index = PackIndex(small_pack())
    texts = [p.text for p in index.keys[index.positions["roberts"]].right]
    assert texts == ["Geoffrey Roberts", "Roberts"]
