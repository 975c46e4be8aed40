"""Modes: which kinds of question a session asks, in a seeded order.

All randomness in a session comes from one `random.Random(seed)` here, so the same seed gives
the same session and a golden transcript stays golden.
"""

from __future__ import annotations

import random
from enum import StrEnum

from trainer.packs.model import Pack
from trainer.quiz.giveaways import ask_before_giving_away
from trainer.quiz.questions import Question, QuestionKind, questions_of_kind


class Mode(StrEnum):
    PREMISES = "premises"
    REBUTTALS = "rebuttals"
    ATTRIBUTION = "attribution"
    EVIDENCE = "evidence"
    BOTH_SIDES = "both-sides"
    QUESTIONS = "questions"
    """The pack's own questions (`questions:`), beside or instead of an argument."""
    SPAR = "spar"
    """A timed round: the other side's points, each to be answered against a clock."""
    MIXED = "mixed"
    REVIEW = "review"
    """What the progress store says is due; its questions come from `review.questions_for`."""


MODE_KINDS: dict[Mode, tuple[QuestionKind, ...]] = {
    Mode.PREMISES: (
        QuestionKind.THESIS,
        QuestionKind.PREMISES,
        QuestionKind.COUNTERARGUMENTS,
        QuestionKind.CONCLUSION,
    ),
    Mode.REBUTTALS: (QuestionKind.REBUTTAL,),
    Mode.ATTRIBUTION: (QuestionKind.WHO_SAID, QuestionKind.WHAT_ARGUED),
    Mode.EVIDENCE: (QuestionKind.EVIDENCE,),
    Mode.BOTH_SIDES: (QuestionKind.ARGUE_AGAINST, QuestionKind.AUTHOR_REPLY),
    Mode.QUESTIONS: (QuestionKind.QUESTION,),
    Mode.SPAR: (QuestionKind.REBUTTAL, QuestionKind.AUTHOR_REPLY),
    Mode.MIXED: tuple(QuestionKind),
    Mode.REVIEW: tuple(QuestionKind),
}
"""The question kinds of each mode; `mixed` asks every kind."""


def plan(pack: Pack, mode: Mode, *, seed: int, limit: int | None = None) -> tuple[Question, ...]:
    """The session's questions: every question of the mode's kinds, shuffled, then cut.

    Shuffling before cutting means a short session samples the whole pack, not its start.
    """
    questions = [q for kind in MODE_KINDS[mode] for q in questions_of_kind(pack, kind)]
    random.Random(seed).shuffle(questions)
    if mode is Mode.PREMISES:
        # The argument's skeleton in its own order: what it claims, why, what it concludes.
        questions.sort(key=lambda q: _FRAME_RANK.get(q.kind, 1))
    # No prompt or hint may give away the answer to a question asked after it.
    ask_before_giving_away(questions, pack)
    return tuple(questions if limit is None else questions[: max(0, limit)])


_FRAME_RANK = {QuestionKind.THESIS: 0, QuestionKind.CONCLUSION: 2}
"""Premises mode's order: the thesis first, the conclusion last, the rest (1) between."""
