"""Decision: the checks a teacher makes, in order, each a small rule from facts to a verdict.

Each rule reads `Facts` and returns a `Decision`, or None to pass the answer on to the next;
`RULES` runs them in the order docs/grading.md gives: nothing to grade, a known mistake, the
opposite, a wrong figure, another item's point, a wrong name; then the marks for what is
left. The last rule always decides.
"""

from __future__ import annotations

from collections.abc import Callable

from trainer.grading.facts import MAX_SCORE, Facts
from trainer.grading.findings import Decision
from trainer.grading.tuning import DEFAULT, Tuning
from trainer.grading.verdict import Outcome, Reason

Rule = Callable[[Facts, Tuning], Decision | None]


def _below_partial(facts: Facts) -> float:
    return min(facts.score.raw, facts.key.thresholds.partial - 1)


def _below_accept(facts: Facts) -> float:
    return min(facts.score.raw, facts.key.thresholds.accept - 1)


def nothing_to_grade(facts: Facts, tuning: Tuning) -> Decision | None:
    if facts.blank or facts.wordless:
        return Decision(Outcome.INCORRECT, 0, Reason.EMPTY, blank=facts.blank)
    return None


def yes_or_no(facts: Facts, tuning: Tuning) -> Decision | None:
    """ "No" to a question whose answer is "yes" is the opposite; a bare "yes" is right."""
    if facts.yes_no is False:
        return Decision(Outcome.INCORRECT, 0, Reason.OPPOSITE)
    if facts.yes_no and facts.wordless:
        return Decision(Outcome.CORRECT, MAX_SCORE, Reason.MATCH)
    return None


def yes_with_reasons(facts: Facts, tuning: Tuning) -> Decision | None:
    """The key's yes or no, with words beside it that no check finds wrong, and either a
    few ("yes, usually it can") or ones at least partly like the key's: right. A long
    reason that says something else is graded as any answer is."""
    if not facts.yes_no:
        return None
    if facts.content_words > tuning.vague_words and facts.score.raw < facts.key.thresholds.partial:
        return None
    return Decision(
        Outcome.CORRECT, max(facts.score.raw, facts.key.thresholds.accept), Reason.MATCH
    )


def known_mistake(facts: Facts, tuning: Tuning) -> Decision | None:
    if facts.known_wrong is None:
        return None
    return Decision(
        Outcome.INCORRECT, _below_partial(facts), Reason.KNOWN_WRONG, wrong=facts.known_wrong
    )


def opposite(facts: Facts, tuning: Tuning) -> Decision | None:
    if not facts.opposite:
        return None
    score = min(_below_partial(facts), tuning.opposite_cap)
    return Decision(Outcome.INCORRECT, score, Reason.OPPOSITE, belongs_to=facts.neighbour)


def wrong_figure(facts: Facts, tuning: Tuning) -> Decision | None:
    if facts.figure is None:
        return None
    return Decision(
        Outcome.INCORRECT,
        _below_partial(facts),
        Reason.WRONG_NUMBER,
        belongs_to=facts.neighbour,
        figure=facts.figure,
    )


def another_item(facts: Facts, tuning: Tuning) -> Decision | None:
    if facts.neighbour is None:
        return None
    return Decision(
        Outcome.INCORRECT,
        _below_partial(facts),
        Reason.NEIGHBOUR,
        belongs_to=facts.neighbour,
        several=facts.several,
    )


def wrong_name(facts: Facts, tuning: Tuning) -> Decision | None:
    if not facts.stray_names:
        return None
    return Decision(
        Outcome.INCORRECT, _below_partial(facts), Reason.WRONG_NAME, names=facts.stray_names
    )


def hedged(facts: Facts, tuning: Tuning) -> Decision | None:
    """The key's answer with another beside it: the choice is left to the teacher."""
    if not facts.hedged:
        return None
    return Decision(Outcome.INCORRECT, _below_partial(facts), Reason.HEDGED)


def marked_wrong(facts: Facts, tuning: Tuning) -> Decision | None:
    """Like an answer the instructor marked wrong: wrong, whatever its words share."""
    if facts.example_accepted is not False:
        return None
    return Decision(Outcome.INCORRECT, _below_partial(facts), Reason.MARKED, example=facts.example)


def marked_right(facts: Facts, tuning: Tuning) -> Decision | None:
    """Like an answer the instructor marked right, and nothing above found wrong with it."""
    if facts.example_accepted is not True:
        return None
    score = max(facts.score.raw, facts.key.thresholds.accept)
    return Decision(Outcome.CORRECT, score, Reason.MARKED, example=facts.example)


def figure_given(facts: Facts, tuning: Tuning) -> Decision | None:
    """The figure a light key asks for, alone or with the key's own words ("6" for "six
    years" to "How long is a senator's term?"): the question supplies the rest."""
    if not facts.only_key_figure:
        return None
    score = max(facts.score.raw, facts.key.thresholds.accept)
    return Decision(Outcome.CORRECT, score, Reason.MATCH)


def one_word(facts: Facts, tuning: Tuning) -> Decision | None:
    """One word is not an answer, unless it is a name or figure the item allows, or it comes
    with another key idea written in small words ("only Kursk"), or the key itself lists
    that word as a full answer ("too expensive")."""
    if facts.score.raw < facts.key.thresholds.accept:
        return None
    if (
        facts.content_words > tuning.one_word
        or facts.key.item.answer.short_ok
        or facts.short_key
        or len(facts.score.covered) > tuning.one_word
        or facts.listed_short
    ):
        return None
    return Decision(Outcome.PARTIAL, _below_accept(facts), Reason.ONE_WORD)


def missing_figure(facts: Facts, tuning: Tuning) -> Decision | None:
    if facts.score.raw < facts.key.thresholds.accept:
        return None
    figure = facts.missing_figure
    if figure is None:
        return None
    return Decision(Outcome.PARTIAL, _below_accept(facts), Reason.MISSING_NUMBER, figure=figure)


def accepted(facts: Facts, tuning: Tuning) -> Decision | None:
    score = facts.score
    if score.raw < facts.key.thresholds.accept:
        return None
    if score.lex >= facts.key.thresholds.accept:
        return Decision(Outcome.CORRECT, score.raw, Reason.MATCH, fuzzy=facts.fuzzy)
    return Decision(Outcome.CORRECT, score.raw, Reason.CONCEPTS)


def partly_right(facts: Facts, tuning: Tuning) -> Decision | None:
    if facts.score.raw < facts.key.thresholds.partial:
        return None
    return Decision(Outcome.PARTIAL, facts.score.raw, Reason.PARTIAL)


def vague(facts: Facts, tuning: Tuning) -> Decision | None:
    if facts.content_words > tuning.vague_words:
        return None
    if facts.score.raw <= 0 and facts.key.groups:
        return None
    return Decision(Outcome.INCORRECT, facts.score.raw, Reason.VAGUE)


def no_match(facts: Facts, tuning: Tuning) -> Decision:
    return Decision(Outcome.INCORRECT, facts.score.raw, Reason.NO_MATCH)


RULES: tuple[Rule, ...] = (
    yes_or_no,
    nothing_to_grade,
    known_mistake,
    opposite,
    wrong_figure,
    another_item,
    wrong_name,
    hedged,
    yes_with_reasons,
    marked_wrong,
    marked_right,
    figure_given,
    one_word,
    missing_figure,
    accepted,
    partly_right,
    vague,
    no_match,
)
"""The rules in the order they are tried."""


def decide(facts: Facts, tuning: Tuning = DEFAULT) -> Decision:
    """The first rule's decision that applies."""
    for rule in RULES:
        decision = rule(facts, tuning)
        if decision is not None:
            return decision
    raise AssertionError("no_match always decides")  # pragma: no cover


_CHECKS = frozenset(
    {
        Reason.KNOWN_WRONG,
        Reason.OPPOSITE,
        Reason.WRONG_NUMBER,
        Reason.WRONG_NAME,
        Reason.NEIGHBOUR,
        Reason.HEDGED,
    }
)
"""Reasons decided by a check of what the answer says, not by how close its score is."""


def confidence(facts: Facts, decision: Decision, tuning: Tuning = DEFAULT) -> float:
    """How sure the decision is, 0-1: distance from the nearest threshold for a decision by
    score, less where the signals disagree; high for one of the checks or a marked answer."""
    if decision.reason is Reason.EMPTY:
        return 1.0
    if decision.reason is Reason.MARKED:
        return tuning.marked_confidence
    if decision.reason in _CHECKS:
        return tuning.check_confidence
    thresholds = facts.key.thresholds
    raw = facts.score.raw
    distance = min(abs(raw - thresholds.accept), abs(raw - thresholds.partial))
    sure = tuning.confidence_floor + (1 - tuning.confidence_floor) * min(
        1.0, distance / tuning.confidence_reach
    )
    if facts.score.contradicted and decision.outcome is not Outcome.INCORRECT:
        sure -= tuning.doubt_penalty
    if facts.fuzzy:
        sure -= tuning.spelling_penalty
    return max(0.0, min(1.0, sure))
