"""Modes: which kinds of question a session asks, in a seeded order.

All randomness in a session comes from one `random.Random(seed)` here, so the same seed gives
the same session and a golden transcript stays golden.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from enum import StrEnum

from trainer.packs.model import Pack
from trainer.quiz.questions import Question, QuestionKind, questions_of_kind


class Mode(StrEnum):
    PREMISES = "premises"
    REBUTTALS = "rebuttals"
    ATTRIBUTION = "attribution"
    EVIDENCE = "evidence"
    BOTH_SIDES = "both-sides"
    QUESTIONS = "questions"
    """The pack's own questions (`questions:`), beside or instead of an argument."""
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
    state_before_quoting(questions)
    argued_before_quoted(questions, pack)
    return tuple(questions if limit is None else questions[: max(0, limit)])


def argued_before_quoted(questions: list[Question], pack: Pack) -> None:
    """Move each "What did X argue?" before the first "Who said '...'?" that quotes X: the
    quoted words are an answer to what X argued. Linear, like `state_before_quoting`."""
    speaker_of = {q.subject: pack.item(q.subject).speaker for q in questions if q.kind is _WHO}
    first_quoted: dict[str, int] = {}
    for place, question in enumerate(questions):
        if question.kind is _WHO:
            first_quoted.setdefault(speaker_of[question.subject], place)
    _move_before(
        questions,
        lambda q: first_quoted.get(q.subject) if q.kind is _ARGUED else None,
    )


_WHO = QuestionKind.WHO_SAID
_ARGUED = QuestionKind.WHAT_ARGUED


def state_before_quoting(questions: list[Question]) -> None:
    """Move each "state the thesis / conclusion" question before the first question that
    quotes that claim ("The author argues: <thesis>. Name the premises."), which would give
    its answer away. Everything else keeps its shuffled place.

    One pass to find each subject's first question, one to rebuild the list: linear, as a
    pack of thousands of conclusions must not take a scan of the session per conclusion.
    """
    first: dict[str, int] = {}
    for place, question in enumerate(questions):
        first.setdefault(question.subject, place)
    _move_before(questions, lambda q: first[q.subject] if q.kind in _STATEMENTS else None)


def _move_before(questions: list[Question], target: Callable[[Question], int | None]) -> None:
    """Move each question to just before the place `target` names for it, when that place
    comes earlier; the rest keep their places and order. One pass to choose, one to rebuild."""
    before: dict[int, list[Question]] = {}
    moved: set[int] = set()
    for place, question in enumerate(questions):
        goal = target(question)
        if goal is not None and goal < place:
            before.setdefault(goal, []).append(question)
            moved.add(place)
    if not moved:
        return
    ordered: list[Question] = []
    for place, question in enumerate(questions):
        ordered.extend(before.get(place, ()))
        if place not in moved:
            ordered.append(question)
    questions[:] = ordered


_STATEMENTS = frozenset({QuestionKind.THESIS, QuestionKind.CONCLUSION})
"""Kinds that ask the user to state a claim that other kinds' prompts quote."""

_FRAME_RANK = {QuestionKind.THESIS: 0, QuestionKind.CONCLUSION: 2}
"""Premises mode's order: the thesis first, the conclusion last, the rest (1) between."""
