"""A session as readable plain text, rendered from its events alone.

Rendering only from events means a transcript can be rebuilt from any recorded event log,
and what a reviewer reads is exactly what a program consuming the JSON saw.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator

from trainer.packs.safe_text import visible
from trainer.quiz.events import (
    AnswerState,
    ClockEvent,
    ErrorEvent,
    Event,
    FlowEvent,
    HintEvent,
    QuestionEvent,
    ResultEvent,
    ReviewEvent,
    SummaryEvent,
    VerdictEvent,
)
from trainer.quiz.spar import ClockState

WIDTH = 88

_STATE_LINES = {
    AnswerState.SAY_MORE: "Partly right: say more (or an empty line to leave it there).",
    AnswerState.MORE: "Another answer? An empty line moves on.",
}


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ") or [
        indent.rstrip()
    ]


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def header(pack_id: str, mode: str, seed: int) -> str:
    return visible(f"debate-trainer quiz: pack {pack_id}, mode {mode}, seed {seed}")


def render(event: Event) -> list[str]:
    """The transcript lines for one event, with nothing in them a terminal would act on
    (a transcript is often read with `cat`)."""
    return [visible(line) for line in _render(event)]


def _render(event: Event) -> list[str]:
    if isinstance(event, QuestionEvent):
        title = f"Question {event.number} of {event.total} ({event.kind.replace('_', ' ')})"
        return ["", title, *_wrap(event.prompt, "")]
    if isinstance(event, VerdictEvent):
        return _verdict(event)
    if isinstance(event, HintEvent):
        cost = f"-{event.cost}" if event.cost else "free"
        return _wrap(f"Hint {event.level} of {event.levels} ({cost}): {event.text}")
    if isinstance(event, ResultEvent):
        return _result(event)
    if isinstance(event, ReviewEvent):
        return ["", *_wrap(event.message, "")]
    if isinstance(event, ErrorEvent):
        where = f", line {event.line}" if event.line else ""
        shown = f": {event.input}" if event.input else ""
        return _wrap(f"! {event.message} [{event.code}{where}]{shown}", "")
    if isinstance(event, SummaryEvent):
        return list(_summary(event))
    if isinstance(event, ClockEvent):
        return _clock(event)
    if isinstance(event, FlowEvent):
        return list(_flow(event))
    return []


def _clock(event: ClockEvent) -> list[str]:
    if event.state is ClockState.STARTED:
        return [f"  Clock: {event.seconds:g} s for this point."]
    if event.state is ClockState.EXPIRED:
        return ["  Time is up: an answer now is late and worth less."]
    return [f"  Clock: {event.left:.0f} s left."]


def _flow(event: FlowEvent) -> Iterator[str]:
    sheet = event.sheet
    yield ""
    yield f"Flow sheet ({sheet.seconds:g} s a point)"
    for number, row in enumerate(sheet.rows, 1):
        late = ", late" if row.late else ""
        yield f"  {number}. {row.label}"
        yield from _wrap(f"They said: {row.said}", "     ")
        yield from _wrap(f"You said: {row.answer or '(nothing)'}", "     ")
        yield f"     = {row.outcome.value.replace('_', ' ')}, {row.seconds:.1f} s{late}"
        yield from _wrap(f"The author's reply: {row.reply}", "     ")
    drill = [row.label for row in sheet.rows if row.to_drill]
    yield "  To drill: " + ("; ".join(drill) if drill else "nothing: every point answered in time")


def render_all(events: Iterable[Event]) -> str:
    return "\n".join(line for event in events for line in render(event)) + "\n"


def _verdict(event: VerdictEvent) -> list[str]:
    verdict = event.verdict
    if event.overrides:
        lines = _wrap(f'Overridden: "{event.answer}" counts as correct [{event.item_id}]', "")
    else:
        outcome, score, explanation = verdict.outcome, verdict.score, verdict.explanation
        said = f" ({event.confidence.label})" if event.confidence else ""
        late = " (late)" if event.late else ""
        lines = _wrap(f"> {event.answer}{said}{late}", "")
        lines += _wrap(f"{outcome} ({score}) [{event.item_id}] {explanation}".rstrip())
        feedback = verdict.feedback or ""
        if feedback and feedback not in explanation:
            lines += _wrap(feedback)
    if event.state in _STATE_LINES:
        lines += _wrap(_STATE_LINES[event.state])
    return lines


def _result(event: ResultEvent) -> list[str]:
    revised = " (revised)" if event.revised else ""
    hints = f", {_count(event.hints, 'hint')}" if event.hints else ""
    lines = [
        f"= {event.outcome.replace('_', ' ')}{revised}: {event.score} of {event.max} points"
        f"{hints}, {event.took:.1f} s"
    ]
    hidden = [missed.id for missed in event.missed if not missed.answer]
    for missed in event.missed:
        if missed.answer:
            lines += _wrap(f"Not named: {missed.answer}")
    if hidden:
        lines += _wrap(f"Not shown (skipped): {_count(len(hidden), 'answer')}")
    return lines


def _summary(event: SummaryEvent) -> Iterator[str]:
    totals = event.totals
    yield ""
    yield (
        f"Summary ({event.reason.replace('_', ' ')}): {totals.score} of {totals.max} "
        f"points ({totals.percent}%), {totals.asked} of {totals.planned} questions, "
        f"{_count(totals.hints, 'hint')}, {_count(totals.overrides, 'override')}, "
        f"{totals.seconds:.1f} s"
    )
    if event.by_kind:
        yield "  By kind of question:"
        for kind, row in event.by_kind.items():
            yield (
                f"    {kind.replace('_', ' '):<17} {row.correct}/{row.questions} correct, "
                f"{row.score:>4} of {row.max:<4} ({row.percent}%), {row.seconds:.1f} s"
            )
    if event.by_item:
        yield "  By item:"
        for entry in event.by_item:
            yield (
                f"    {entry.item_id:<28} {entry.outcome:<9} {entry.points:>3} of "
                f"{entry.max:<3} hints {entry.hints}, attempts {entry.attempts}, "
                f"{entry.seconds:.1f} s"
            )
