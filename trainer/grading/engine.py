"""The grader: marks a free-text answer against one item of a pack as a careful teacher would.

A pipeline of named stages (docs/grading.md has the long version), each in its own module
and tested alone:

- **index** (`PackIndex`, once per pack): every phrasing, known mistake and concept term read,
  its words given ids, typo bounds and IDF weights;
- **reading** and **figures**: the answer normalised and cut into content words with their
  negations, clauses, ordered pairs and figures;
- **matching** and **analysis**: each answer word matched to the pack's words, typos bounded;
- **scoring** and **coverage**: word overlap with each phrasing, key ideas named;
- **contradiction**: the opposite, a reversed comparison, a known mistake;
- **facts** and **decision**: the checks a teacher makes, each a small rule;
- **explanation**: the decision in words.

This module only runs them. Scoring the whole pack, not just the asked item, is what lets the
grader say "that's the Kursk point, not the North Korea one".
"""

from __future__ import annotations

from collections.abc import Iterable

from trainer.grading.analysis import analyse
from trainer.grading.contradiction import Contradictions
from trainer.grading.decision import confidence, decide
from trainer.grading.explanation import Context, explain
from trainer.grading.facts import Facts, gather
from trainer.grading.findings import Decision
from trainer.grading.index import PackIndex
from trainer.grading.keys import ItemKey
from trainer.grading.scoring import Scores, concept_labels
from trainer.grading.tuning import DEFAULT, Tuning
from trainer.grading.verdict import Outcome, Reason, Verdict
from trainer.packs.model import Item, Pack

_CONTRADICTIONS = frozenset({Reason.OPPOSITE, Reason.KNOWN_WRONG})
"""Verdicts that say the answer contradicts the key, not merely that it falls short."""

_RANK = {Outcome.CORRECT: 2, Outcome.PARTIAL: 1, Outcome.INCORRECT: 0}

GRADERS_KEPT = 8
"""Packs whose graders `grader_for` keeps at once: a session, its review, a few checks."""


class Grader:
    """Grades answers against one pack. Build once per pack; `grade` is then cheap.

    Thread-safe for reading: grading only adds to memos of pure functions.
    """

    def __init__(self, pack: Pack, tuning: Tuning = DEFAULT) -> None:
        self.pack = pack
        self.index = PackIndex(pack, tuning)

    def grade(self, answer: str, item: Item | str) -> Verdict:
        """Mark one answer against one item of this pack."""
        index = self._item_index(item)
        return self._verdict(self._contradictions(answer), index, None)

    def grade_best(self, answer: str, candidates: Iterable[Item | str]) -> Verdict:
        """Mark an answer against whichever candidate it fits best ("name a premise").

        The answer is analysed once against the whole pack; each candidate's verdict then
        costs a few lookups. Correct beats partial beats incorrect, then the higher score.
        """
        indexes = [self._item_index(c) for c in candidates]
        if not indexes:
            raise ValueError("grade_best needs at least one candidate item")
        contradictions = self._contradictions(answer)
        pool = frozenset(indexes)
        best: Verdict | None = None
        best_rank: tuple[int, int, float] = (-1, -1, -1.0)
        contradicts: Verdict | None = None
        for index in indexes:
            verdict = self._verdict(contradictions, index, pool)
            raw = contradictions.scores.item(index).raw
            rank = (_RANK[verdict.outcome], verdict.score, raw)
            if rank > best_rank:
                best, best_rank = verdict, rank
            if contradicts is None and verdict.reason in _CONTRADICTIONS:
                contradicts = verdict
        assert best is not None
        if best.outcome is Outcome.PARTIAL and contradicts is not None:
            # Half like one answer while saying the opposite of another is not half right:
            # "Trump-proofing ends the war sooner" is no step towards "Putin will wait". But
            # a known wrong answer that is the partly matched answer's own point ("that is
            # the ten-days rebuttal") marks a neighbour, not a contradiction.
            wrong = contradicts.wrong_answer
            if wrong is None or self.grade(wrong, best.item_id).outcome is not Outcome.CORRECT:
                return contradicts
        return best

    def _contradictions(self, answer: object) -> Contradictions:
        text = answer if isinstance(answer, str) else ""
        return Contradictions(Scores(analyse(text, self.index), self.index))

    def _verdict(
        self, contradictions: Contradictions, index: int, pool: frozenset[int] | None
    ) -> Verdict:
        facts = gather(contradictions, index, pool)
        decision = decide(facts, self.index.tuning)
        return self._to_verdict(facts, decision, contradictions.scores.answer.reading.truncated)

    def _to_verdict(self, facts: Facts, decision: Decision, truncated: bool) -> Verdict:
        key, score = facts.key, facts.score
        found, missing = concept_labels(key, score)
        context = Context(
            self.pack, self.index.common, self.index.places, key.item, missing, truncated
        )
        other = self.index.items[decision.belongs_to] if decision.belongs_to is not None else None
        known = key.known[decision.wrong] if decision.wrong is not None else None
        return Verdict(
            outcome=decision.outcome,
            score=max(0, min(100, round(decision.score))),
            item_id=key.item.id,
            reason=decision.reason,
            explanation=explain(decision, context, other, known, _example(key, decision)),
            concepts_found=found,
            concepts_missing=missing,
            matched=self.index.phrasings[score.best].text if score.best is not None else None,
            truncated=truncated,
            wrong_answer=known.answer if known is not None else None,
            feedback=known.feedback if known is not None else None,
            belongs_to=other.id if other is not None else None,
            confidence=confidence(facts, decision, self.index.tuning),
        )

    def _item_index(self, item: Item | str) -> int:
        item_id = item if isinstance(item, str) else item.id
        try:
            return self.index.positions[item_id]
        except KeyError:
            raise KeyError(f"pack {self.pack.id!r} has no item {item_id!r}") from None


def _example(key: ItemKey, decision: Decision) -> str | None:
    if decision.example is None:
        return None
    return key.examples[decision.example].mark.answer


_GRADERS: dict[int, tuple[Pack, Grader]] = {}


def grader_for(pack: Pack) -> Grader:
    """A Grader for this pack, built once and reused (the quiz grades many answers)."""
    entry = _GRADERS.get(id(pack))
    if entry is not None and entry[0] is pack:
        return entry[1]
    if len(_GRADERS) > GRADERS_KEPT:
        _GRADERS.clear()
    grader = Grader(pack)
    _GRADERS[id(pack)] = (pack, grader)
    return grader


def grade(answer: str, item: Item, pack: Pack | None = None) -> Verdict:
    """Grade one answer without managing a Grader.

    Without `pack`, the item is graded alone: no "that's another item's point" check, since
    there is nothing to compare with.
    """
    if pack is None:
        pack = Pack(id="_single", title="", version="0", items=(item,))
    return grader_for(pack).grade(answer, item)
