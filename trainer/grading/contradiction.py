"""Contradiction: whether an answer says the opposite of an item, or a known mistake.

Three readings per item (`Readings`): how close the answer comes to the item's right
phrasings read the same way round, to the same phrasings read the other way round (a
negation that differs on the shared words, or the two sides of "A over B" swapped), and to
the pack's known wrong answers. The verdict then weighs them against each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from trainer.grading.analysis import Answer
from trainer.grading.antonyms import aligned_antonym, is_change, slots_of
from trainer.grading.figures import conflict
from trainer.grading.keys import Phrasing
from trainer.grading.scoring import Scores


@dataclass(frozen=True, slots=True)
class Readings:
    """The answer's closeness to one item, read three ways."""

    right: float = 0.0
    """The best right phrasing read the same way round."""
    opposite: float = 0.0
    """The best right phrasing read the other way round."""
    reversed: float = 0.0
    """...of which: the same words with the sides of "over"/"outweighs" swapped."""
    wrong: float = 0.0
    """The closest known wrong answer read the same way round..."""
    wrong_index: int | None = None
    """...and which one it is."""


class Contradictions:
    """The readings of one answer against the pack's items, each worked out on first need."""

    __slots__ = ("_readings", "scores")

    def __init__(self, scores: Scores) -> None:
        self.scores = scores
        self._readings: dict[int, Readings] = {}

    def readings(self, index: int) -> Readings:
        cached = self._readings.get(index)
        if cached is None:
            cached = self._readings[index] = self._read(index)
        return cached

    def _read(self, index: int) -> Readings:
        scores, answer = self.scores, self.scores.answer
        key = scores.index.keys[index]
        numbers = answer.reading.figures.numbers
        right = opposite = reverse = wrong = 0.0
        turned: set[str] = set()
        agreeing: list[tuple[Phrasing, float]] = []
        wrong_index: int | None = None
        for phrasing in key.right:
            if not scores.lex(phrasing) or conflict(numbers, phrasing.reading.figures.numbers):
                continue
            value = self.ordered(phrasing)
            agrees = self.agrees(phrasing)
            word = (
                aligned_antonym(
                    answer,
                    phrasing,
                    slots_of(scores.index, phrasing),
                    scores.index.tuning.antonym_reach,
                )
                if agrees
                else None
            )
            if agrees and word is None:
                agreeing.append((phrasing, value))
            else:
                if word is not None and is_change(word):
                    turned.add(word)
                opposite = max(opposite, value)
                if reversed_sides(answer, phrasing):
                    reverse = max(reverse, value)
        # A phrasing without the verb of change another shows turned round ("30,000
        # volunteers a month" beside "grows by 30,000 a month", for "loses 30,000") cannot
        # vouch for the answer.
        for phrasing, value in agreeing:
            if not turned or not turned.isdisjoint(phrasing.reading.keys):
                right = max(right, value)
        for phrasing in key.wrong:
            if not scores.lex(phrasing) or conflict(numbers, phrasing.reading.figures.numbers):
                continue
            if self.agrees(phrasing):
                value = self.ordered(phrasing)
                if value > wrong:
                    wrong, wrong_index = value, phrasing.wrong
        return Readings(right, opposite, reverse, wrong, wrong_index)

    def nearest_example(self, index: int) -> tuple[int, float] | None:
        """The marked answer to the item this answer reads most like, the same way round and
        with no other figure, and how closely; None when the item has none that near."""
        scores, answer = self.scores, self.scores.answer
        numbers = answer.reading.figures.numbers
        best: tuple[int, float] | None = None
        for at, example in enumerate(scores.index.keys[index].examples):
            phrasing = example.phrasing
            if not scores.lex(phrasing) or conflict(numbers, phrasing.reading.figures.numbers):
                continue
            value = self.ordered(phrasing)
            if (best is None or value > best[1]) and self.agrees(phrasing):
                best = (at, value)
        return best

    def ordered(self, phrasing: Phrasing) -> float:
        """Word overlap with a little word order mixed in, for close calls between phrasings:
        "Donbas over Kursk" and "Kursk over Donbas" share every word."""
        value = self.scores.lex(phrasing)
        if not value:
            return 0.0
        share = self.scores.index.tuning.order_share
        order = fuzz.ratio(self.scores.answer.reading.keystring, phrasing.reading.keystring)
        return (1 - share) * value + share * order

    def agrees(self, phrasing: Phrasing) -> bool:
        """Whether the answer uses the words it shares with this phrasing the same way round.

        A flip needs three things: the negations reach the shared words differently, word by
        word; a word a negation applies to directly is among them; and the clauses those words
        sit in differ in negation as a whole, since word order moves words in and out of a
        negation's reach ("little military effect" and "militarily, little effect").
        """
        answer = self.scores.answer
        tuning = self.scores.index.tuning
        matched = flipped = 0.0
        their_clauses: set[int] = set()
        polarity = answer.polarity
        for vid, pol, clause, w in zip(
            phrasing.vids, phrasing.pols, phrasing.clauses, phrasing.weights, strict=True
        ):
            own = polarity.get(vid)
            if own is None:
                continue
            matched += w
            their_clauses.add(clause)
            if own != pol:
                flipped += w
        if matched and flipped >= tuning.flip_share * matched and head_flipped(answer, phrasing):
            theirs = phrasing.reading.negations_in(their_clauses)
            mine_clauses = {
                answer.reading.clause[i]
                for i, vids in enumerate(answer.positions)
                if not vids.isdisjoint(phrasing.vidset)
            }
            if answer.reading.negations_in(mine_clauses) % 2 != theirs % 2:
                return False
        return not reversed_sides(answer, phrasing)


def head_flipped(answer: Answer, phrasing: Phrasing) -> bool:
    """Whether a word a negation applies to directly, on either side, is read the other way
    round: an answer that merely leaves out "not proven" is incomplete, not opposite."""
    for vid, pol in zip(phrasing.vids, phrasing.pols, strict=True):
        own = answer.polarity.get(vid)
        if own is not None and own != pol and (vid in phrasing.heads or vid in answer.heads):
            return True
    return False


def reversed_sides(answer: Answer, phrasing: Phrasing) -> bool:
    """ "Donbas over Kursk" for "Kursk over the Donbas": the same words, the sides swapped."""
    mine = answer.reading.pairs
    if not mine or not phrasing.reading.pairs:
        return False
    for left, right in phrasing.reading.pairs:
        x, y = phrasing.key_vids[left], phrasing.key_vids[right]
        if x == y:
            continue
        for a_left, a_right in mine:
            if y in answer.positions[a_left] and x in answer.positions[a_right]:
                return True
    return False
