"""Passage search with the word-pair index answers exactly as `str.find` would."""

from __future__ import annotations

import random

import pytest

from trainer.packs.passages import FoldedSource, SearchLimits

INDEXED = SearchLimits(index_after=0)  # the index from the first search on


@pytest.fixture(scope="module")
def text() -> str:
    rng = random.Random(7)
    # Common short words beside rarer ones: pairs that occur once and pairs that occur often.
    vocabulary = ["a", "bb", "a", "bb", *(f"w{i}" for i in range(60))]
    return " ".join(rng.choice(vocabulary) for _ in range(3_000))


def test_indexed_search_matches_str_find_on_cut_words_and_start_positions(text: str) -> None:
    rng = random.Random(8)
    source = FoldedSource(text, INDEXED)
    source.find("warm up")  # builds the index
    for _ in range(3_000):
        begin = rng.randrange(len(text) - 40)
        fragment = text[begin : begin + rng.randrange(1, 40)]  # may start or end mid-word
        if rng.random() < 0.3:
            fragment = fragment.replace("w", "v", 1)  # most likely absent
        start = rng.choice([0, begin, begin + 1, len(text) // 2])
        assert source.find(fragment, start) == text.find(fragment, start), (fragment, start)


def test_plain_search_is_used_until_the_scans_add_up(text: str) -> None:
    source = FoldedSource(text, SearchLimits(index_after=len(text) * 3))
    for _ in range(3):
        assert source.find("no such words here at all") == -1
    assert source._pairs is None
    assert source.find("no such words here at all") == -1
    assert source._pairs is not None
