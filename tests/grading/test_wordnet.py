"""The WordNet table the trainer ships: what it holds, where it came from, how fast it loads."""

from __future__ import annotations

import time
from pathlib import Path

from trainer.grading.lexicon import wordnet as module
from trainer.grading.lexicon.wordnet import wordnet

LEXICON = Path(module.__file__).parent
ROOT = LEXICON.parents[2]


def test_antonyms_of_the_commonest_senses_and_derivations_both_ways() -> None:
    relations = wordnet()
    assert relations.opposed("short", "long") and relations.opposed("nuclear", "conventional")
    assert relations.opposed("trust", "distrust")
    assert "hire" not in relations.antonyms.get("fire", ())  # "fire" the blaze, not the sack
    assert relations.related("capitalism", "capitalist")
    assert relations.related("capitalist", "capitalism")
    assert relations.related("persecution", "persecute")


def test_synonyms_come_commonest_first_and_only_as_attested() -> None:
    assert wordnet().synonyms["risk"][:2] == ("hazard", "jeopardy")
    assert "brand" not in wordnet().synonyms.get("make", ())  # "make" the verb comes first
    assert all(len(values) <= 4 for values in wordnet().synonyms.values())


def test_what_the_stemmer_already_joins_is_left_out() -> None:
    assert "negotiate" not in wordnet().derived.get("negotiation", ())


def test_the_table_is_small_and_loads_in_milliseconds() -> None:
    assert (LEXICON / "wordnet.tsv").stat().st_size < 650_000
    wordnet.cache_clear()
    started = time.perf_counter()
    wordnet()
    assert time.perf_counter() - started < 1.0  # about 0.05 s; generous for a shared CI


def test_the_source_and_its_licence_ship_beside_the_table() -> None:
    assert "Princeton University" in (LEXICON / "WORDNET-LICENSE").read_text(encoding="utf-8")
    header = (LEXICON / "wordnet.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert (
        "scripts/build_wordnet_lexicon.py"
        in (LEXICON / "wordnet.tsv").read_text(encoding="utf-8").splitlines()[1]
    )
    assert "WordNet 3.0" in header
    assert (ROOT / "scripts" / "build_wordnet_lexicon.py").is_file()
