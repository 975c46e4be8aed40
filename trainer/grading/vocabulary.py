"""A pack's own vocabulary, applied to normalised answers as token rewrites.

The normaliser knows general English. What a subject adds ("DPRK" and "NK" are North Korea,
"Kiev" is Kyiv, "praised" means "did not attack") comes from the pack, so that one pack's
readings never leak into another's grading: "Koreans" must not mean North Korea in a pack
about Seoul.

Rewriting works on tokens, after normalisation, so a spelling in the pack and the same
spelling typed by a student always meet: both went through the same steps (case, accents,
contractions, numbers) before they are compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import OSA

from trainer.grading.normalise import BREAK, normalise
from trainer.packs.model import Vocabulary

NOT = "not"


class Rewrites:
    """Token rewrites compiled from a `Vocabulary`: longest spelling first, one pass.

    Hashes by identity on purpose: the grader's caches key on (text, rewrites), and one
    Rewrites is built per pack, so equal-but-distinct objects never need to meet.
    """

    __slots__ = ("_rules",)

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self._rules: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        if vocabulary is None:
            return
        for group in vocabulary.same:
            # One token, as a name is one thing: "north korea" as two words would weigh twice,
            # and dilute a negation elsewhere in the answer.
            reading: tuple[str, ...] = ("".join(_words(group[0])),)
            for spelling in group:
                self._add(_words(spelling), reading)
        for opposite in vocabulary.opposites:
            reading = (NOT, *_words(opposite.means_not))
            self._add(reading, reading)
            for word in opposite.words:
                self._add(_words(word), reading)
        for rules in self._rules.values():
            rules.sort(key=lambda rule: -len(rule[0]))

    def __bool__(self) -> bool:
        return bool(self._rules)

    def _add(self, pattern: tuple[str, ...], target: tuple[str, ...]) -> None:
        # The reading itself is a rule too, so a spelling that is part of it ("Korea" in
        # "North Korea") is not rewritten a second time inside it.
        if pattern and target:
            self._rules.setdefault(pattern[0], []).append((pattern, target))

    def apply(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """`tokens` with every listed spelling replaced by its reading; unchanged when the
        pack lists none."""
        if not self._rules:
            return tuple(tokens)
        out: list[str] = []
        i = 0
        n = len(tokens)
        while i < n:
            rules = self._rules.get(tokens[i])
            if rules:
                for pattern, target in rules:
                    end = _match(tokens, i, pattern)
                    if end:
                        out.extend(target)
                        i = end
                        break
                else:
                    out.append(tokens[i])
                    i += 1
            else:
                out.append(tokens[i])
                i += 1
        return tuple(out)


def _match(tokens: Sequence[str], start: int, pattern: tuple[str, ...]) -> int:
    """Where `pattern` ends if it starts at `start`, else 0. Clause marks inside the span are
    passed over: "N. Korea" reads "n | korea", and is still the name. The last word may take
    an "s": students drop the apostrophe ("north koreas troops", "kievs position")."""
    j = start
    n = len(tokens)
    last = len(pattern) - 1
    for k, word in enumerate(pattern):
        while start < j < n and tokens[j] == BREAK:
            j += 1
        if j >= n:
            return 0
        token = tokens[j]
        if token != word and not (k == last and token == word + "s") and not _typo(token, word, k):
            return 0
        j += 1
    return j


def _typo(token: str, word: str, position: int) -> bool:
    """One slip in a long word after the first ("north koria"): the first word must be exact,
    since it is what the rules are looked up by, and short words are too easily something
    else."""
    return position > 0 and len(word) >= 5 and OSA.distance(token, word, score_cutoff=1) <= 1


def _words(spelling: str) -> tuple[str, ...]:
    """A spelling as the normaliser reads it, without clause marks: "N. Korea" is one name."""
    return tuple(token for token in normalise(spelling).tokens if token != BREAK)


NO_REWRITES = Rewrites()
"""For packs without a vocabulary: one shared object, so their caches are shared too."""
