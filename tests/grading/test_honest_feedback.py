"""Feedback never contradicts its verdict, on every marked answer, self-test and recall
question: a student reads the words, not the outcome code."""

from __future__ import annotations

from functools import cache

import pytest

from tests.grading.golden_cases import verdicts

PRAISE = ("Right:", "Partly right")
"""How the grader words praise; a pack's own feedback may say "Right surname, wrong first name"."""


@cache
def _all() -> list[dict[str, object]]:
    return [entry["verdict"] for entry in verdicts()]  # type: ignore[misc]


def _by(predicate: object) -> list[dict[str, object]]:
    assert callable(predicate)
    return [v for v in _all() if predicate(v)]


def test_every_key_idea_is_claimed_only_when_none_is_missing() -> None:
    claimed = _by(lambda v: "every key idea" in str(v["explanation"]))
    assert claimed and not [v for v in claimed if v["concepts_missing"]]


@pytest.mark.parametrize("reason", ["opposite", "known-wrong", "hedged", "wrong-name"])
def test_a_contradiction_is_never_partly_right(reason: str) -> None:
    found = _by(lambda v: v["reason"] == reason)
    assert found and all(verdict["outcome"] == "incorrect" for verdict in found)


def test_an_opposite_is_never_called_close_nor_offered_more() -> None:
    """A known mistake's feedback is the pack author's own words; an opposite's is ours."""
    for verdict in _by(lambda v: v["reason"] == "opposite"):
        text = str(verdict["explanation"]).casefold()
        assert "say more" not in text and "close" not in text and "partly" not in text


def test_a_rejection_never_praises_and_praise_is_never_a_rejection() -> None:
    for verdict in _all():
        text = str(verdict["explanation"])
        if verdict["outcome"] == "incorrect":
            assert not text.startswith(PRAISE), verdict
        elif verdict["outcome"] == "correct":
            assert text.startswith("Right:"), verdict
        else:
            assert not text.startswith("Right:"), verdict


def test_an_idea_is_never_both_found_and_missing() -> None:
    for verdict in _all():
        found = set(verdict["concepts_found"])  # type: ignore[call-overload]
        assert not found & set(verdict["concepts_missing"])  # type: ignore[call-overload]


def test_confidence_is_lowest_where_the_grader_and_teacher_part_ways() -> None:
    """On the marked sets, the verdicts that disagree with the teacher are the less sure ones:
    a teacher reviewing the least sure answers first meets most of the mistakes."""
    import csv

    from tests.grading.golden_cases import HERE, MARKED_SETS
    from trainer.grading import Grader
    from trainer.locations import builtin_pack_dir
    from trainer.packs.loader import load_pack

    grader = Grader(load_pack(builtin_pack_dir()))
    right: list[float] = []
    wrong: list[float] = []
    for name in MARKED_SETS:
        with (HERE / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                verdict = grader.grade(row["answer"], row["item"])
                agrees = verdict.correct == (row["human"] == "accept")
                (right if agrees else wrong).append(verdict.confidence)
    assert all(0.0 <= c <= 1.0 for c in right + wrong)
    assert sum(wrong) / len(wrong) < sum(right) / len(right) - 0.1
