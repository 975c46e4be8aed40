"""Reading the user's side of a headless session: every kind of line, good and bad."""

from __future__ import annotations

import io

import pytest

from trainer.quiz.inputs import (
    MAX_LINE_BYTES,
    AnswerLine,
    BadLine,
    CommandLine,
    parse_line,
    read_lines,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"uniforms cost too much\n", AnswerLine("uniforms cost too much")),
        (b"  spaced out  \r\n", AnswerLine("spaced out")),
        (b"no newline at the end", AnswerLine("no newline at the end")),
        (b"\xef\xbb\xbfwith a BOM\n", AnswerLine("with a BOM")),
        (
            "caf\u00e9 \u2014 \u201cquoted\u201d\n".encode(),
            AnswerLine("caf\u00e9 \u2014 \u201cquoted\u201d"),
        ),
        (b"tab\tinside\n", AnswerLine("tab\tinside")),
        (b"[not json, an answer]\n", AnswerLine("[not json, an answer]")),
        (b"\n", AnswerLine("")),
        (b'{"answer": "  the answer  "}\n', AnswerLine("the answer")),
        (b'{"command": "hint"}\n', CommandLine("hint")),
        (b'{"command": "giveup"}', CommandLine("giveup")),
        (b"/skip\n", CommandLine("skip")),
        (b"/Override\n", CommandLine("override")),
        (b"/next\n", CommandLine("next")),
        (b"/nonsense\n", AnswerLine("/nonsense")),
    ],
)
def test_lines_that_say_something(raw: bytes, expected: object) -> None:
    line = parse_line(raw)
    assert (type(line), line) == (type(expected), expected)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"{not json\n", "invalid_json"),
        (b"{}\n", "invalid_json"),
        (b'{"answer": 42}\n', "invalid_json"),
        (b'{"answer": "a", "command": "hint"}\n', "invalid_json"),
        (b'{"anwser": "typo"}\n', "invalid_json"),
        (b'{"command": "dance"}\n', "unknown_command"),
        (b'{"command": ["hint"]}\n', "unknown_command"),
        (b"\x1b[2Jclear the screen\n", "control_characters"),
        (b"bell\x07\n", "control_characters"),
        ("c1 \u009b control\n".encode(), "control_characters"),
        (b'{"answer": "escape \\u001b[31m inside JSON"}\n', "control_characters"),
        (b"\xff\xfe not utf-8\n", "not_utf8"),
        (b"{" + b"[" * 3000 + b"\n", "invalid_json"),
        (None, "line_too_long"),
    ],
)
def test_bad_lines_get_a_stable_code(raw: bytes | None, code: str) -> None:
    line = parse_line(raw)
    assert isinstance(line, BadLine) and line.code == code


def test_a_bad_line_shows_its_start_with_control_characters_made_visible() -> None:
    line = parse_line(b"\x1b[31m" + b"x" * 100 + b"\n")
    assert isinstance(line, BadLine)
    assert line.excerpt.startswith("\\x1b[31mxxx") and line.excerpt.endswith("\u2026")
    assert "\x1b" not in line.excerpt


def test_a_huge_line_is_skipped_whole_and_reading_goes_on() -> None:
    stream = io.BytesIO(b"first\n" + b"x" * (MAX_LINE_BYTES * 50) + b"\nafter\n")
    assert list(read_lines(stream)) == [b"first\n", None, b"after\n"]


def test_a_line_at_the_limit_is_read() -> None:
    exact = b"y" * MAX_LINE_BYTES
    assert list(read_lines(io.BytesIO(exact + b"\n" + exact))) == [exact + b"\n", exact]
    assert list(read_lines(io.BytesIO(exact + b"y"))) == [None]
