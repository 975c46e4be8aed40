"""Sounds-like matching: a misspelling that keeps a word's sound ("inflashun", "loomier
brothers", "medditeranian") is the word, though it is more letters off than a typo may be.

Students spell by ear. Letter distance alone either refuses "inflashun" (three edits from
"inflation") or, loosened, lets "fission" meet "fusion". So a word meets a pack word by sound
only when every one of these holds:
- it matched nothing by its letters, and it is no word of English (`lexicon.english`): a real
  word is what the student meant ("fission", "hill", "bored");
- both sound the same by Metaphone or by NYSIIS, the published phonetic codes (`jellyfish`):
  Metaphone hears "inflashun" as "inflation", NYSIIS hears "britian" as "britain";
- they start alike (the same letter or the same first sound) and are at most
  `Tuning.sound_edits` letters apart: sounds alone would let "munk" be "mink".

The codes of a pack's words are worked out on the first word that needs them, so a pack whose
students spell well never pays for them, and `jellyfish` is imported only then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz.distance import OSA

from trainer.grading.lexicon.english import is_english
from trainer.grading.tuning import DEFAULT, Tuning

_Coder = Callable[[str], str]
"""A phonetic code of a word."""


def _coders() -> tuple[_Coder, _Coder]:
    import jellyfish

    return jellyfish.metaphone, jellyfish.nysiis


class SoundIndex:
    """A pack's written words by how they sound: each code to the words, their ids and
    their first sounds."""

    __slots__ = ("_by_code", "_coders", "_tuning")

    def __init__(self, words: Iterable[tuple[str, int]], tuning: Tuning = DEFAULT) -> None:
        self._tuning = tuning
        self._coders = _coders()
        by_code: dict[str, list[tuple[str, int, str]]] = {}
        for word, wid in words:
            if _spelt_out(word, tuning):
                entry = (word, wid, self._coders[0](word)[:1])
                for code in self._codes(word):
                    by_code.setdefault(code, []).append(entry)
        self._by_code = by_code

    def _codes(self, word: str) -> set[str]:
        """The word's codes, each marked with its coder so that two coders' never meet."""
        return {f"{at}:{coder(word)}" for at, coder in enumerate(self._coders)}

    def like(self, word: str) -> frozenset[int]:
        """Ids of the pack words `word` is a misspelling of by sound; none for a real word."""
        if not _spelt_out(word, self._tuning) or is_english(word):
            return frozenset()
        first = self._coders[0](word)[:1]
        found: set[int] = set()
        for code in self._codes(word):
            for other, wid, sound in self._by_code.get(code, ()):
                bound = sound_edits(word, other, self._tuning)
                if (word[0] == other[0] or sound == first) and OSA.distance(
                    word, other, score_cutoff=bound
                ) <= bound:
                    found.add(wid)
        return frozenset(found)


def _spelt_out(word: str, tuning: Tuning) -> bool:
    """A word of letters, long enough to be heard: no figure, no initials."""
    return len(word) >= tuning.sound_min_length and word.isascii() and word.isalpha()


def sound_edits(word: str, other: str, tuning: Tuning = DEFAULT) -> int:
    """How many letters apart two words that sound alike may be (`Tuning.sound_edits`)."""
    edits = 0
    for at_least, allowed in tuning.sound_edits:
        if max(len(word), len(other)) >= at_least:
            edits = allowed
    return edits
