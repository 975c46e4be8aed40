"""docs/headless.md is the API's contract: it must name every field, code and exit status
the command really produces, and its example must be real output."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from tests.conftest import SMALL_PACK
from tests.quiz.fakes import Ticker
from trainer.commands import headless
from trainer.commands.headless import serve
from trainer.locations import builtin_pack_dir
from trainer.packs import load_pack
from trainer.quiz import Session
from trainer.quiz.inputs import COMMANDS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "headless.md").read_text(encoding="utf-8")
GARBAGE = Path(__file__).resolve().parent / "golden" / "garbage-seed7.in"
SPAR = GARBAGE.with_name("spar-seed8.in")


def events_of(pack_path: Path, mode: str, script: bytes, seed: int = 1) -> list[dict[str, Any]]:
    session = Session(load_pack(pack_path), mode, seed=seed, clock=Ticker())
    out = io.BytesIO()
    serve(session, io.BytesIO(script), out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def documented(name: str) -> bool:
    return f"`{name}`" in DOC


def test_every_event_type_and_field_produced_is_documented() -> None:
    events = events_of(builtin_pack_dir(), "rebuttals", GARBAGE.read_bytes(), seed=7)
    events += events_of(builtin_pack_dir(), "premises", b"x\n/skip\n/giveup\n")
    events += events_of(builtin_pack_dir(), "spar", SPAR.read_bytes(), seed=8)
    undocumented = {
        (event["type"], key)
        for event in events
        for key in [*event, *event.get("verdict", {})]
        if not documented(key)
    }
    assert not undocumented
    assert {e["type"] for e in events} >= {
        "question",
        "verdict",
        "hint",
        "result",
        "review",
        "clock",
        "flow",
    }
    assert all(documented(e["type"]) for e in events)


def test_every_error_code_command_and_exit_status_is_documented() -> None:
    codes: set[str] = set()
    quiz = Path(headless.__file__).resolve().parents[1] / "quiz"
    for source in ("session.py", "inputs.py"):
        text = (quiz / source).read_text(encoding="utf-8")
        codes |= set(re.findall(r'(?:error|BadLine)\(\s*"(\w+)"', text))
    assert len(codes) >= 10  # the pattern does find the codes
    assert all(documented(code) for code in codes), sorted(c for c in codes if not documented(c))
    assert all(documented(command) for command in COMMANDS)
    statuses = re.findall(r"^\| (\d+) \|", DOC.split("## Exit codes")[1], flags=re.M)
    assert statuses == ["0", "1", "2", "130", "143"]
    assert (headless.EXIT_ERROR, headless.EXIT_INTERRUPTED, headless.EXIT_TERMINATED) == (
        1,
        130,
        143,
    )


def test_the_documented_example_is_what_the_command_writes() -> None:
    block = DOC.split("```json lines\n")[1].split("```")[0]
    shown = [json.loads(line) for line in block.splitlines()]
    real = events_of(SMALL_PACK, "evidence", b'{"command": "hint"}\n300 pounds a year\n')

    def timeless(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: timeless(v) for k, v in value.items() if k not in ("time", "took", "seconds")
            }
        if isinstance(value, list):
            return [timeless(v) for v in value]
        return value

    assert timeless(shown) == timeless(real)
