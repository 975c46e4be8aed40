"""Distinct answers, as a class sends them: every one different, none a cache hit.

A benchmark that grades one corpus over and over measures its caches: the corpus's words and
texts are read once and then looked up. A class writes thousands of different answers, each
with its own typos and padding, so the generator below starts from the marked corpus's
answers and changes each one at random (a typo, a word dropped or moved, padding, a word of
the item's own text), seeded, until every answer is unlike every other.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from trainer.packs.model import Pack

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "grading" / "corpus.csv"
PADDING = ("i think", "basically", "the author says", "so", "in short", "well", "i guess")


def corpus() -> list[tuple[str, str]]:
    """(item id, answer) of every marked answer of the built-in pack's tuning corpus."""
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return [(row["item"], row["answer"]) for row in csv.DictReader(handle)]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    at = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + word[at + 1 :]


def _mutate(words: list[str], extra: list[str], rng: random.Random, kinds: int = 5) -> list[str]:
    change = rng.randrange(kinds)
    if change == 0 and words:
        at = rng.randrange(len(words))
        words[at] = _typo(words[at], rng)
    elif change == 1:
        words.insert(0 if rng.random() < 0.5 else len(words), rng.choice(PADDING))
    elif change == 2 and len(words) > 3:
        del words[rng.randrange(len(words))]
    elif change == 3 and len(words) > 2:
        at = rng.randrange(len(words) - 1)
        words[at], words[at + 1] = words[at + 1], words[at]
    elif extra:
        words.insert(rng.randrange(len(words) + 1), rng.choice(extra))
    return words


def varied_answers(
    pack: Pack,
    total: int,
    seed: int = 7,
    items: set[str] | None = None,
    keep_meaning: bool = False,
) -> list[tuple[str, str, str]]:
    """`total` different (item id, answer, the corpus answer it came from) triples. With
    `keep_meaning`, only typos and padding, which leave what an answer says alone."""
    rng = random.Random(seed)
    base = [(i, a) for i, a in corpus() if items is None or i in items]
    texts = {item.id: item.text.split() for item in pack}
    kinds = 2 if keep_meaning else 5
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str, str]] = []
    while len(out) < total:
        item, answer = rng.choice(base)
        words = answer.split()
        for _ in range(rng.randrange(1, 4)):
            words = _mutate(words, texts.get(item, []), rng, kinds)
        pair = (item, " ".join(words))
        if pair not in seen:
            seen.add(pair)
            out.append((item, pair[1], answer))
    return out


def distinct_answers(
    pack: Pack, total: int, seed: int = 7, items: set[str] | None = None
) -> list[tuple[str, str]]:
    """`total` different (item id, answer) pairs, from the corpus's answers for `items`."""
    return [(item, answer) for item, answer, _ in varied_answers(pack, total, seed, items)]
