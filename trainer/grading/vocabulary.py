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
from trainer.grading.tuning import DEFAULT
from trainer.packs.model import Vocabulary

NOT = "not"

TYPO_MIN = DEFAULT.spelling_slip_length
"""A word after a spelling's first may have one slip if it is at least this long."""


class _Node:
    """One word of a spelling: the words that may follow it, and the reading if it ends here.

    A trie, so that finding the spelling at a position costs one lookup per word whatever
    the size of the vocabulary (a pack is untrusted: thousands of spellings sharing a first
    word must not make every answer slow to grade).
    """

    __slots__ = ("next", "reading", "slips")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.reading: tuple[str, ...] | None = None
        self.slips: dict[str, list[str]] = {}
        """Each following word long enough to allow a typo, under itself and under every
        one-letter deletion of it: a word one slip from a token shares a key with it."""

    def index_slips(self) -> None:
        for word in self.next:
            if len(word) >= TYPO_MIN:
                for key in _deletions(word):
                    self.slips.setdefault(key, []).append(word)

    def slipped(self, token: str) -> _Node | None:
        """The following word `token` is one slip from (a typo, a swap), if any."""
        found = sorted(
            {
                word
                for key in _deletions(token)
                for word in self.slips.get(key, ())
                if OSA.distance(token, word, score_cutoff=1) <= 1
            }
        )
        return self.next[found[0]] if found else None


class Rewrites:
    """Token rewrites compiled from a `Vocabulary`: the longest spelling wins, in one pass.

    Hashes by identity on purpose: the grader's caches key on (text, rewrites), and one
    Rewrites is built per pack, so equal-but-distinct objects never need to meet.
    """

    __slots__ = ("_root",)

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self._root = _Node()
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
        self._index(self._root)

    def __bool__(self) -> bool:
        return bool(self._root.next)

    def _add(self, pattern: tuple[str, ...], reading: tuple[str, ...]) -> None:
        # The reading itself is a rule too, so a spelling that is part of it ("Korea" in
        # "North Korea") is not rewritten a second time inside it.
        if not pattern or not reading:
            return
        node = self._root
        for word in pattern:
            node = node.next.setdefault(word, _Node())
        if node.reading is None:  # the first listing of a spelling wins
            node.reading = reading

    def _index(self, node: _Node) -> None:
        for child in node.next.values():
            child.index_slips()
            self._index(child)

    def apply(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """`tokens` with every listed spelling replaced by its reading; unchanged when the
        pack lists none."""
        if not self._root.next:
            return tuple(tokens)
        out: list[str] = []
        i = 0
        n = len(tokens)
        while i < n:
            end, reading = self._longest(tokens, i)
            if reading is None:
                out.append(tokens[i])
                i += 1
            else:
                out.extend(reading)
                i = end
        return tuple(out)

    def _longest(self, tokens: Sequence[str], start: int) -> tuple[int, tuple[str, ...] | None]:
        """The longest spelling that starts at `start`: (where it ends, its reading).

        Clause marks inside the span are passed over ("N. Korea" reads "n | korea"). The first
        word must be exact; a later long word may have one slip ("north koria"), and a
        spelling's last word may take an "s" ("north koreas troops", "kievs position")."""
        first = tokens[start]
        node = self._root.next.get(first)
        if node is None:
            plural = self._root.next.get(first[:-1]) if first.endswith("s") else None
            if plural is not None and plural.reading is not None:
                return start + 1, plural.reading
            return start, None
        found: tuple[int, tuple[str, ...] | None] = (start + 1, node.reading)
        j = start + 1
        n = len(tokens)
        while node.next:
            k = j
            while k < n and tokens[k] == BREAK:
                k += 1
            if k >= n:
                break
            token = tokens[k]
            child = node.next.get(token)
            if child is None and token.endswith("s"):
                plural = node.next.get(token[:-1])
                if plural is not None and plural.reading is not None:
                    return k + 1, plural.reading  # the "s" closes a spelling
            if child is None and len(token) >= TYPO_MIN - 1 and node.slips:
                child = node.slipped(token)
            if child is None:
                break
            node, j = child, k + 1
            if node.reading is not None:
                found = (j, node.reading)
        return found


def _deletions(word: str) -> set[str]:
    """`word` and each way of deleting one letter from it (SymSpell's index keys)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _words(spelling: str) -> tuple[str, ...]:
    """A spelling as the normaliser reads it, without clause marks: "N. Korea" is one name."""
    return tuple(token for token in normalise(spelling).tokens if token != BREAK)


NO_REWRITES = Rewrites()
"""For packs without a vocabulary: one shared object, so their caches are shared too."""
