"""Questions for chosen items: a review of what is due, or "practise these again".

Each item is asked through the first question (in the mixed mode's kind order) that grades
against it, and a question that covers several chosen items is asked once. Items no question
asks (a person never quoted) are left out rather than invented a question for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from trainer.packs.model import Pack
from trainer.quiz.giveaways import ask_before_giving_away
from trainer.quiz.questions import Question, QuestionKind, questions_of_kind


def questions_for(
    pack: Pack, item_ids: Iterable[str], why: Mapping[str, str] | None = None
) -> tuple[Question, ...]:
    """Questions covering `item_ids`, in the order the items are given (most urgent first).

    `why`: item id -> why a review asks it now (`trainer.progress.linked`); a question
    takes the reason of the first of its items that has one, and shows it with its prompt.
    """
    by_target: dict[str, Question] = {}
    for kind in QuestionKind:
        for question in questions_of_kind(pack, kind):
            for target in question.targets:
                by_target.setdefault(target, question)
    chosen: dict[str, Question] = {}
    for item_id in item_ids:
        found = by_target.get(item_id)
        if found is None:
            continue
        question = chosen.setdefault(found.id, found)
        said = (why or {}).get(item_id, "")
        if said and not question.why:
            chosen[found.id] = replace(question, why=said)
    questions = list(chosen.values())
    ask_before_giving_away(questions, pack)  # urgency order, unless a prompt gives one away
    return tuple(questions)
