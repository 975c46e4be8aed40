"""Hints in steps, from a nudge to the first words of the model answer.

Each step gives away more than the last, so each costs points; the steps come from the item's
own answer key, which the pack's author wrote with the grader in mind.
"""

from __future__ import annotations

from collections.abc import Sequence

from trainer.packs.model import Item, Kind


def hint_steps(item: Item, missing: Sequence[str] = ()) -> tuple[str, ...]:
    """The hints for one item, mildest first.

    `missing` is what the grader said the user's last answer lacked (first terms of concept
    groups): naming one of those helps more than naming a concept the user already has.
    """
    answer = item.answer
    concepts = answer.concepts
    steps: list[str] = []
    nudge = ""
    if item.kind is Kind.EVIDENCE and item.evidence_kind in ("figure", "event"):
        nudge = f"The author gives {'a figure' if item.evidence_kind == 'figure' else 'an event'}."
    if item.kind is not Kind.PERSON and concepts.groups:
        total = len(concepts.groups)
        need = concepts.need or total
        if need < total:
            count = f"A full answer covers {need} of {total} key ideas."
        else:
            count = f"A full answer covers {need} key idea{'s' if need != 1 else ''}."
        nudge = f"{nudge} {count}".strip()
    if nudge:
        steps.append(nudge)
    if answer.hint.strip():
        steps.append(answer.hint.strip())
    if item.kind is Kind.PERSON and item.role and item.role not in answer.hint:
        steps.append(f"Their role: {item.role}.")
    if item.kind is not Kind.PERSON and concepts.groups:
        concept = missing[0] if missing else concepts.groups[0].terms[0]
        steps.append(f"One key idea: {concept}.")
    steps.append(f"It begins: {first_words(answer.canonical)}")
    return tuple(steps)


def first_words(text: str) -> str:
    """The start of the model answer: a third of its words (one to four), or initials for a name.

    A name of one or two words would be given away whole, so it shows initials instead.
    """
    words = text.split()
    if len(words) <= 2:
        return " ".join(word[0] + "\u2026" for word in words)
    count = max(1, min(4, len(words) // 3))
    return " ".join(words[:count]) + " \u2026"
