"""Explanation: a decision put into words a student can act on.

All of the grader's English is here. It reads only what a decision found (`findings.py`) and
the pack, never how the decision was reached, so what it says cannot drift from what was
decided; each message is tested alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.grading.findings import Decision, FigureSlip, Slip
from trainer.grading.keys import KnownWrong
from trainer.grading.lexicon import ENGLISH
from trainer.grading.names import CAPITALISED, bare, place_of, starts_sentence
from trainer.grading.normalise import MAX_CHARS
from trainer.grading.verdict import Outcome, Reason
from trainer.packs.model import Item, Kind, Pack

GROUP_NAMES = {
    Kind.PREMISE: "a premise of the thesis",
    Kind.COUNTERARGUMENT: "a claim the author rejects",
    Kind.REBUTTAL: "one of the author's answers to this claim",
    Kind.EVIDENCE: "the evidence for this claim",
    Kind.QUOTE: "one of the quotes asked about",
    Kind.OTHER_SIDE: "an argument against this claim",
    Kind.REPLY: "the author's reply to this argument",
}
"""How a question with several candidates names them: "not a premise of the thesis"."""

_KIND_NAMES = {
    Kind.PREMISE: "the premise",
    Kind.COUNTERARGUMENT: "the claim",
    Kind.EVIDENCE: "the evidence",
    Kind.OTHER_SIDE: "the other side's argument",
    Kind.REPLY: "the reply",
}


@dataclass(frozen=True, slots=True)
class Context:
    """What an explanation may name: the pack, the item asked about, its missing ideas."""

    pack: Pack
    common: frozenset[str]
    """Names too common in the pack to tell its claims apart (`names.common_names`)."""
    places: frozenset[str]
    """Every name the pack uses (`names.pack_names`), to name a place by its own name."""
    item: Item
    missing: tuple[str, ...] = ()
    truncated: bool = False


def explain(
    decision: Decision,
    context: Context,
    other: Item | None = None,
    known: KnownWrong | None = None,
    example: str | None = None,
) -> str:
    """The explanation of a decision; `other` is the item it says the answer belongs to,
    `known` the known wrong answer it matched, `example` the marked answer it reads like."""
    if decision.reason is Reason.KNOWN_WRONG and known is not None:
        text = known.feedback or f'Like an answer your teacher marked wrong: "{known.answer}".'
    elif decision.reason is Reason.MARKED and example is not None:
        if decision.outcome is Outcome.CORRECT:
            text = f'Right: it reads like an answer your teacher marked right ("{example}").'
        else:
            text = f'That reads like an answer your teacher marked wrong: "{example}".'
    else:
        text = _text(decision, context, other)
    if context.truncated:
        text += f" (Only the first {MAX_CHARS:,} characters were graded.)"
    return text


def _text(decision: Decision, context: Context, other: Item | None) -> str:
    item, reason = context.item, decision.reason
    if reason is Reason.EMPTY:
        return "No answer given." if decision.blank else "There are no words here to grade."
    if reason is Reason.OPPOSITE:
        if item.kind is Kind.QUESTION:  # a question's key is its answer: never hand it over
            return "That says the opposite of the answer: check the negation."
        return (
            "That says the opposite of the point: check the negation"
            f' (the key: "{item.answer.canonical}").'
        )
    if decision.figure is not None:
        if item.kind is Kind.QUESTION:
            return question_figure_text(decision.figure)
        return figure_text(decision.figure)
    if reason is Reason.NEIGHBOUR and other is not None:
        return neighbour_text(context, other, several=decision.several)
    if reason is Reason.WRONG_NAME:
        return wrong_name_text(context, decision.names)
    return _marks.get(reason, _no_match)(decision, context)


def _units(unit: str) -> str:
    """A unit as counted in: units of time are kept singular ("month"), measures plural."""
    return unit if unit in ENGLISH.measure_units.values() else f"{unit}s"


def figure_text(figure: FigureSlip) -> str:
    given, right = figure.given, figure.right
    if figure.slip is Slip.NUMBER:
        return f"The figure is wrong: {_are_not(given)} the article's figure ({', '.join(right)})."
    if figure.slip is Slip.UNIT:
        return (
            f"The figure is wrong: the article's {right[0]} is counted in "
            f"{_units(right[1])}, not {_units(given[1])}."
        )
    if figure.slip is Slip.SPAN:
        return f"The figure is wrong: the article says {right[0]}, not {given[0]}."
    if figure.slip is Slip.MONTH:
        return f"The figure is wrong: the article says {right[0].title()}, not {given[0].title()}."
    return f"Give the figure: this answer turns on a number ({', '.join(right)})."


def _are_not(figures: tuple[str, ...]) -> str:
    """ "5 is not" / "1723 and 1790 are not"."""
    if len(figures) == 1:
        return f"{figures[0]} is not"
    return f"{', '.join(figures[:-1])} and {figures[-1]} are not"


def question_figure_text(figure: FigureSlip) -> str:
    """A wrong figure in the answer to a plain question: said, and the right one kept back,
    since it is the very answer asked for. No article is assumed."""
    if figure.slip is Slip.MISSING:
        return "Give the figure: this question asks for a number."
    if figure.slip is Slip.NUMBER:
        return f"The figure is wrong: {_are_not(figure.given)} the answer."
    return f"The figure is wrong: {figure.given[-1]} is not the one asked for."


def wrong_name_text(context: Context, names: Sequence[str]) -> str:
    item = context.item
    given = ", ".join(sorted(n.title() for n in names))
    who = item.name if item.kind is Kind.PERSON else speaker_name(context.pack, item)
    tail = f"; the answer is about {who}" if who else ""
    verb = "do" if len(names) > 1 else "does"
    return f"Wrong name: {given} {verb} not belong in this answer{tail}."


def _hedged(decision: Decision, context: Context) -> str:
    return "Choose one: an answer that offers something else beside it leaves the choice open."


def _one_word(decision: Decision, context: Context) -> str:
    return "Say a bit more: one word is not a full answer to this one."


def _match(decision: Decision, context: Context) -> str:
    typo = " (allowing for spelling)" if decision.fuzzy else ""
    if context.item.kind is Kind.QUESTION:
        return f"Right: that is the answer{typo}."
    return f"Right: that is the point{typo}."


def _concepts(decision: Decision, context: Context) -> str:
    if context.missing:  # the item needs only some of its ideas: do not claim them all
        return "Right: in your own words, with the key ideas it needs."
    return "Right: in your own words, with every key idea."


def _partial(decision: Decision, context: Context) -> str:
    if context.missing:
        return "Partly right: you have not mentioned " + join_ideas(context.missing) + "."
    if context.item.kind is Kind.QUESTION:
        return "Partly right, but not the whole answer."
    return "Partly right, but not the whole point."


def _vague(decision: Decision, context: Context) -> str:
    if context.item.kind is Kind.QUESTION:
        return "Too vague: say exactly what the question asks for."
    return "Too vague: say what the argument actually claims here."


def _no_match(decision: Decision, context: Context) -> str:
    if decision.score > 0 and context.missing:
        return "That misses the point: nothing about " + join_ideas(context.missing) + "."
    if context.item.kind is Kind.QUESTION:
        return "That is not the answer to this question."
    return "That is not the point here."


_marks = {
    Reason.ONE_WORD: _one_word,
    Reason.MATCH: _match,
    Reason.CONCEPTS: _concepts,
    Reason.PARTIAL: _partial,
    Reason.VAGUE: _vague,
    Reason.HEDGED: _hedged,
}


def join_ideas(words: Sequence[str]) -> str:
    """ "a", "b" or "c", each quoted: how missing ideas are listed."""
    quoted = [f'"{w}"' for w in words]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def speaker_name(pack: Pack, item: Item) -> str:
    speaker = pack.get(item.speaker) if item.speaker else None
    return speaker.name if speaker is not None else ""


def neighbour_text(context: Context, other: Item, *, several: bool = False) -> str:
    """Why the answer belongs to `other`. With `several` candidates (name the premises),
    the asked-for side is named as a group: naming one left to find would give it away."""
    item, pack, common = context.item, context.pack, context.common
    places = context.places
    if item.kind is Kind.PERSON and other.kind is Kind.PERSON:
        return f"That's {other.name}, not the person who said this."
    if item.kind is Kind.REBUTTAL and other.kind is Kind.REBUTTAL:
        if item.ref != other.ref:
            mine, theirs = pack.get(item.ref), pack.get(other.ref)
            if mine is not None and theirs is not None:
                asked, given = (
                    topic(mine, common, places, theirs),
                    topic(theirs, common, places, mine),
                )
                return f"That's the author's answer to the {given} claim, not to the {asked} claim."
        return f'That\'s a different answer the author gives: "{other.label}".'
    if item.kind is Kind.QUOTE and other.kind is Kind.QUOTE:
        speaker = speaker_name(pack, other)
        if other.speaker == item.speaker:
            return f'That\'s another point {speaker} made: "{other.label}".'
        return f"That's what {speaker} argued, not {speaker_name(pack, item)}."
    if item.kind is Kind.QUESTION or other.kind is Kind.QUESTION:
        return f'That answers another question ("{other.label}"), not this one.'
    if several:
        asked = GROUP_NAMES.get(item.kind, "one of the answers asked for")
    else:
        asked = describe(item, pack, common, places)
    given = describe(other, pack, common, places)
    if given == asked:
        # Two items the pack words alike ("Congress" and "Congress"): naming both the same
        # way would read as a contradiction, so say what tells them apart.
        return "That's the answer to another question in this pack, not to this one."
    return f"That's {given}, not {asked}."


def topic(
    item: Item, common: frozenset[str], places: frozenset[str], other: Item | None = None
) -> str:
    """A short name for a claim ("Kursk", "North Korea"), for explanations; falls back to
    its label. Prefers a proper name the other item does not share, so the two differ."""
    other_text = f"{other.text} {other.answer.canonical}" if other is not None else ""
    first = ""
    for text in (item.answer.canonical, item.text):
        for match in CAPITALISED.finditer(text):
            phrase = bare(match.group(0).strip()).strip()
            words = phrase.split()
            if starts_sentence(text, match.start()):
                words = words[1:]  # a capital that only starts the sentence
            words = [w for w in words if bare(w.casefold()) not in common]
            if not words:
                continue
            name = place_of(" ".join(words), places)
            if name not in other_text:
                return name
            first = first or name
    return first or f'"{item.label}"'


def describe(item: Item, pack: Pack, common: frozenset[str], places: frozenset[str]) -> str:
    """How an explanation names an item: "the premise ...", "the author's answer to ..."."""
    if item.kind is Kind.PERSON:
        return item.name
    if item.kind is Kind.THESIS:
        return "the author's thesis"
    if item.kind is Kind.CONCLUSION:
        return "the author's conclusion"
    if item.kind is Kind.REBUTTAL:
        ref = pack.get(item.ref)
        return (
            f"the author's answer to the {topic(ref, common, places)} claim"
            if ref
            else "a rebuttal"
        )
    if item.kind is Kind.QUOTE:
        speaker = pack.get(item.speaker)
        who = speaker.name if speaker is not None else "someone"
        return f'what {who} argued ("{item.label}")'
    return f'{_KIND_NAMES.get(item.kind, "the point")} "{item.label}"'
