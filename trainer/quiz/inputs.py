"""The user's side of a headless session: lines of input, read defensively, then applied.

Input may come from a script, a pipe or a program, so a line can be anything: huge, not
UTF-8, full of terminal escapes, or JSON with a typo. Each bad line becomes one `error` event
and the session goes on; nothing a line holds can stop the session or reach the output raw.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, NamedTuple

from trainer.confidence import Confidence
from trainer.packs.safe_text import UNSAFE, visible
from trainer.quiz.events import Event
from trainer.quiz.session import EndReason, Phase, Session

MAX_LINE_BYTES = 4096
"""Longest input line read; an answer is a sentence or two, and the grader reads 2,000 chars."""

COMMANDS = ("hint", "skip", "giveup", "override", "next", "clock")
_EXCERPT = 60
# The one rule for text from anyone (trainer.packs.safe_text): C0 but tab, DEL, C1, bidi
# controls, line separators and lone surrogates (which JSON's \\ud800 can produce).
_CONTROL = UNSAFE

# NamedTuples, not dataclasses: these are built for every line and imported at every start.


class AnswerLine(NamedTuple):
    text: str
    confidence: Confidence | None = None


class CommandLine(NamedTuple):
    name: str


class BadLine(NamedTuple):
    """A line the session cannot use; `code` is stable for programs (docs/headless.md)."""

    code: str
    message: str
    excerpt: str = ""


Line = AnswerLine | CommandLine | BadLine


def read_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """The stream's lines as bytes; None for a line over `limit`, whose rest is skipped.

    Reads at most `limit` + 1 bytes at a time, so a gigabyte without a newline costs no
    memory; it is drained in chunks until its end.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(65536)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def _excerpt(text: str) -> str:
    """The start of a bad line for the error event, control characters made visible."""
    shown = visible(text[:_EXCERPT])
    return shown + ("\u2026" if len(text) > _EXCERPT else "")


def parse_line(raw: bytes | None) -> Line:
    """What one input line asks for: an answer, a command, or nothing usable."""
    if raw is None:
        return BadLine(
            "line_too_long", f"The line is longer than {MAX_LINE_BYTES} bytes and was ignored."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return BadLine("not_utf8", "The line is not UTF-8 text and was ignored.")
    text = text.removesuffix("\n").removesuffix("\r").removeprefix("\ufeff")
    if _has_control(text):
        return BadLine(
            "control_characters",
            "The line holds control characters (such as terminal escapes) and was ignored.",
            _excerpt(text),
        )
    stripped = text.strip()
    if stripped.startswith("{"):
        return _parse_json(stripped)
    if stripped.startswith("/") and stripped[1:].strip().lower() in COMMANDS:
        return CommandLine(stripped[1:].strip().lower())
    return AnswerLine(stripped)


def _parse_json(text: str) -> Line:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return BadLine(
            "invalid_json", "The line starts with { but is not valid JSON.", _excerpt(text)
        )
    keys = set(data) if isinstance(data, dict) else set()
    if keys not in ({"answer"}, {"command"}, {"answer", "confidence"}):
        return BadLine(
            "invalid_json",
            'A JSON line must be {"answer": "..."} (with "confidence" if you like) or '
            '{"command": "..."}.',
            _excerpt(text),
        )
    if "answer" in data:
        answer = data["answer"]
        if not isinstance(answer, str):
            return BadLine("invalid_json", '"answer" must be a string.', _excerpt(text))
        if _has_control(answer):
            return BadLine(
                "control_characters",
                "The answer holds control characters (such as terminal escapes); it was ignored.",
                _excerpt(answer),
            )
        if "confidence" not in data:
            return AnswerLine(answer.strip())
        confidence = _confidence(data["confidence"])
        if confidence is None:
            return BadLine(
                "bad_confidence",
                f'"confidence" must be one of {", ".join(LEVELS)} (or 1 to 4); '
                "the answer was ignored.",
                _excerpt(str(data["confidence"])),
            )
        return AnswerLine(answer.strip(), confidence)
    command = data["command"]
    if not isinstance(command, str) or command not in COMMANDS:
        return BadLine(
            "unknown_command",
            f"Unknown command; the commands are: {', '.join(COMMANDS)}.",
            _excerpt(str(command)),
        )
    return CommandLine(command)


LEVELS = tuple(level.value for level in Confidence)


def _confidence(value: object) -> Confidence | None:
    """A level from its name or its key (1 for a guess to 4 for certain)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Confidence.from_key(str(value))
    if isinstance(value, str):
        return Confidence(value) if value in LEVELS else Confidence.from_key(value)
    return None


def apply(session: Session, line: Line, number: int | None = None) -> list[Event]:
    """Do what the line asks; every line yields at least one event."""
    session.input_line = number
    if isinstance(line, BadLine):
        return session.error(line.code, line.message, input=line.excerpt or None)
    if isinstance(line, AnswerLine):
        return session.answer(line.text, line.confidence)
    actions: dict[str, Callable[[], list[Event]]] = {
        "hint": session.hint,
        "skip": session.skip,
        "giveup": session.give_up,
        "override": session.override,
        "next": session.next,
        "clock": session.clock,
    }
    return actions[line.name]()


def drive(
    session: Session, lines: Iterable[bytes | None], emit: Callable[[Event], None]
) -> EndReason:
    """Run the session over the input lines, emitting each event as it happens.

    Stops reading once the session is over, so the summary is always the last event; at the
    end of the input an unfinished session is ended with its summary.
    """
    for event in session.start():
        emit(event)
    if _over(session):
        return EndReason.FINISHED
    for number, raw in enumerate(lines, 1):
        for event in apply(session, parse_line(raw), number):
            emit(event)
        if _over(session):  # checked before reading on: a pipe may stay open
            return EndReason.FINISHED
    # Input ending while only an override was still possible is a finished quiz.
    reason = EndReason.FINISHED if session.phase is Phase.REVIEW else EndReason.END_OF_INPUT
    for event in session.finish(reason):
        emit(event)
    return reason


def _over(session: Session) -> bool:
    # A call, not `session.finished` inline: type checkers would treat the second check as
    # already decided by the first, though every action may end the session.
    return session.finished
