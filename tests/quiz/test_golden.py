"""Golden transcripts: whole headless sessions on the built-in pack, with the real grader.

Each case is a script of user input (`golden/<case>.in`) run with a fixed mode, seed and
limit and a clock that ticks 2 s per reading. The JSON Lines output must equal
`golden/<case>.jsonl` and the readable transcript `golden/<case>.txt`, byte for byte.

When a change is intended (new wording, a grader change, pack edits), regenerate and review:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/quiz/test_golden.py
    git diff tests/quiz/golden/      # read the .txt diffs before committing

A failure shows a diff of the transcript and, event by event, of the JSON fields.
"""

from __future__ import annotations

import difflib
import io
import json
import os
from pathlib import Path

import pytest

from tests.quiz.fakes import Ticker
from trainer.commands.headless import serve
from trainer.locations import builtin_pack_dir
from trainer.packs import load_pack
from trainer.quiz import Session

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

CASES: dict[str, tuple[str, int, int | None]] = {
    # case: (mode, seed, limit)
    "premises-seed1": ("premises", 1, None),
    "rebuttals-seed2": ("rebuttals", 2, None),
    "attribution-seed3": ("attribution", 3, 8),
    "evidence-seed4": ("evidence", 4, None),
    "both-sides-seed5": ("both-sides", 5, None),
    "mixed-seed6": ("mixed", 6, 10),
    "garbage-seed7": ("rebuttals", 7, None),
    "spar-seed8": ("spar", 8, 4),
}
SECONDS: dict[str, int] = {"spar-seed8": 5}
"""A timed round's seconds per point: with the clock at 2 s a reading, an answer after a
`/clock` and another line is late."""


def run_case(name: str) -> tuple[int, str, str]:
    mode, seed, limit = CASES[name]
    pack = load_pack(builtin_pack_dir())
    seconds = SECONDS.get(name)
    session = Session(pack, mode, seed=seed, limit=limit, clock=Ticker(), seconds=seconds)
    out = io.BytesIO()
    transcript = io.StringIO()
    script = (GOLDEN / f"{name}.in").read_bytes()
    code = serve(session, io.BytesIO(script), out, transcript)
    return code, out.getvalue().decode("utf-8"), transcript.getvalue()


def _pretty(jsonl: str) -> list[str]:
    """One field per line, so a diff points at the field that changed."""
    lines: list[str] = []
    for record in jsonl.splitlines():
        lines += json.dumps(json.loads(record), indent=1, ensure_ascii=False).splitlines()
    return lines


def _diff(expected: list[str], actual: list[str], name: str) -> str:
    diff = list(
        difflib.unified_diff(expected, actual, f"golden/{name}", "this run", n=2, lineterm="")
    )
    shown = "\n".join(diff[:150])
    return shown + (f"\n... {len(diff) - 150} more diff lines" if len(diff) > 150 else "")


@pytest.mark.parametrize("name", list(CASES))
def test_golden_transcript(name: str) -> None:
    code, jsonl, text = run_case(name)
    assert code == 0
    json_file, text_file = GOLDEN / f"{name}.jsonl", GOLDEN / f"{name}.txt"
    if UPDATE:
        json_file.write_text(jsonl, encoding="utf-8", newline="\n")
        text_file.write_text(text, encoding="utf-8", newline="\n")
        return
    assert json_file.exists(), f"no golden for {name}: run with UPDATE_GOLDEN=1 and review it"
    expected_text = text_file.read_text(encoding="utf-8")
    expected_json = json_file.read_text(encoding="utf-8")
    problems = []
    if text != expected_text:
        problems.append(
            "transcript differs:\n"
            + _diff(expected_text.splitlines(), text.splitlines(), f"{name}.txt")
        )
    if jsonl != expected_json:
        problems.append(
            "JSON events differ:\n" + _diff(_pretty(expected_json), _pretty(jsonl), f"{name}.jsonl")
        )
    assert not problems, (
        "\n\n".join(problems) + "\n\nIf the change is intended: UPDATE_GOLDEN=1 and review."
    )


def test_golden_sessions_end_with_one_summary_and_count_every_event() -> None:
    for name in CASES:
        _, jsonl, _ = run_case(name)
        events = [json.loads(line) for line in jsonl.splitlines()]
        assert [e["seq"] for e in events] == list(range(1, len(events) + 1)), name
        assert [e["type"] for e in events].count("summary") == 1, name
        assert events[-1]["type"] == "summary", name
