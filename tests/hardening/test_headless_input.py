"""Headless on input and outputs that go wrong (issue 12, items 4, 10 and 13).

A lone surrogate or a bidi control in a line is one `error` event and the session goes on,
every event in order; a full disk under the transcript or standard output stops the
session with a message naming which, exit 2, and the summary on whatever still works.
"""

from __future__ import annotations

import errno
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SMALL_PACK
from tests.quiz.fakes import Ticker
from trainer.commands.headless import serve
from trainer.packs import Pack, load_pack
from trainer.quiz import Session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(SMALL_PACK)


def play(pack: Pack, script: bytes) -> tuple[int, list[dict[str, Any]]]:
    session = Session(pack, "evidence", seed=1, clock=Ticker())
    out = io.BytesIO()
    code = serve(session, io.BytesIO(script), out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize(
    "line",
    [
        b'{"answer": "\\ud800"}',
        b'{"command": "\\udfff"}',
        "hello \u202e there".encode(),
        "isolate \u2066 here".encode(),
    ],
    ids=["surrogate-answer", "surrogate-command", "bidi-override", "bidi-isolate"],
)
def test_a_line_with_unsafe_text_is_an_error_event_and_the_session_goes_on(
    pack: Pack, line: bytes
) -> None:
    code, events = play(pack, line + b"\n300 pounds a year\n")
    assert code == 0
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    error = events[1]
    assert error["type"] == "error" and error["line"] == 1
    assert error["code"] in {"control_characters", "unknown_command"}
    assert "\\u" in error["input"]  # shown as an escape, never as the character
    assert events[2]["type"] == "verdict" and events[2]["answer"] == "300 pounds a year"
    assert events[-1]["type"] == "summary" and events[-1]["reason"] == "finished"


class _FullDisk(io.RawIOBase):
    """An output on a full disk: every write fails with ENOSPC."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_under_the_transcript_stops_with_exit_2_and_the_summary_on_stdout(
    pack: Pack, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session(pack, "evidence", seed=1, clock=Ticker())
    transcript = io.TextIOWrapper(io.BufferedWriter(_FullDisk()), encoding="utf-8")
    out = io.BytesIO()
    code = serve(session, io.BytesIO(b"300 pounds a year\n"), out, transcript)
    assert code == 2
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    assert events[-1]["type"] == "summary" and events[-1]["reason"] == "output_closed"
    assert capsys.readouterr().err == (
        "headless: cannot write the transcript: No space left on device; the session stopped\n"
    )


def test_a_full_disk_under_stdout_stops_with_exit_2_and_the_summary_in_the_transcript(
    pack: Pack, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session(pack, "evidence", seed=1, clock=Ticker())
    transcript = io.StringIO()
    code = serve(session, io.BytesIO(b"300 pounds a year\n"), _FullDisk(), transcript)  # type: ignore[arg-type]
    assert code == 2
    assert "Summary (output closed)" in transcript.getvalue()
    assert capsys.readouterr().err == (
        "headless: cannot write the output: No space left on device; the session stopped\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "stdout", "message"),
    [
        (
            ["headless", "--mode", "premises", "--transcript", "/dev/full"],
            subprocess.DEVNULL,
            "headless: cannot write the transcript /dev/full: No space left on device; "
            "the session stopped\n",
        ),
        (
            ["headless", "--mode", "premises"],
            "/dev/full",
            "headless: cannot write the output: No space left on device; the session stopped\n",
        ),
        (
            ["outline"],
            "/dev/full",
            "debate-trainer: cannot write the output: No space left on device\n",
        ),
    ],
    ids=["transcript", "headless-stdout", "outline-stdout"],
)
def test_a_full_disk_is_exit_2_with_one_line_and_no_traceback(
    argv: list[str], stdout: Any, message: str
) -> None:
    if not Path("/dev/full").exists():
        pytest.fail("this test needs /dev/full (Linux)")
    with open("/dev/full", "wb") if stdout == "/dev/full" else open("/dev/null", "wb") as target:
        done = subprocess.run(
            [sys.executable, "-m", "trainer", *argv],
            input=b"an answer\n",
            stdout=target,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    assert (done.returncode, done.stderr.decode()) == (2, message)


def test_with_record_a_surrogate_line_is_refused_before_the_store_and_later_answers_saved(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.cli import main
    from trainer.progress import ProgressStore

    script = b'{"answer": "\\ud800"}\n300 pounds a year\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(script)))
    argv = ["headless", "--pack", str(SMALL_PACK), "--mode", "evidence", "--seed", "1"]
    assert main([*argv, "--record"]) == 0
    assert capsys.readouterr().err == ""
    with ProgressStore.open_default() as store:
        assert [a.answer for a in store.attempts()] == ["300 pounds a year"]


def test_the_store_refuses_unstorable_text_with_a_store_error() -> None:
    from tests.progress.helpers import attempt
    from trainer.progress import ProgressStore, StoreError

    with ProgressStore.open_default(fuzz=False) as store:
        with pytest.raises(StoreError, match="could not save the attempt"):
            store.record(attempt(answer="\ud800"))
        assert store.attempt_count() == 0


def test_the_transcript_shows_any_unsafe_text_escaped() -> None:
    from trainer.quiz.events import ErrorEvent
    from trainer.quiz.transcript import render

    event = ErrorEvent(
        seq=3,
        item_id="thesis",
        time=0.0,
        code="control_characters",
        message="bad \u202eline\x1b[2J",
        line=1,
        input="x",
    )
    assert render(event) == [
        "! bad \\u202eline\\x1b[2J [control_characters, line 1]: x",
    ]


def test_with_record_a_write_lock_held_too_long_is_said_once_and_the_session_goes_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from trainer.cli import main
    from trainer.progress import ProgressStore

    with ProgressStore.open_default() as store:
        path = store.path
    monkeypatch.setattr("trainer.progress.opening.BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        script = b"300 pounds a year\n"
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(script)))
        argv = ["headless", "--pack", str(SMALL_PACK), "--mode", "evidence", "--seed", "1"]
        assert main([*argv, "--record"]) == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    out, err = capsys.readouterr()
    assert json.loads(out.splitlines()[-1])["type"] == "summary"
    assert err == (
        f"headless: progress not saved from here on: could not save the attempt to {path}: "
        "database is locked. Earlier attempts are untouched.\n"
    )


def test_a_transcript_over_its_own_script_is_refused_and_the_script_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from trainer.cli import main

    script = tmp_path / "answers.txt"
    script.write_text("300 pounds a year\n", encoding="utf-8")
    argv = ["headless", "--pack", str(SMALL_PACK), "--mode", "evidence", "--script", str(script)]
    assert main([*argv, "--transcript", str(script)]) == 2
    assert capsys.readouterr().err == (
        f"the transcript {script} is the script itself; writing it would destroy the script. "
        "Choose another file.\n"
    )
    assert script.read_text(encoding="utf-8") == "300 pounds a year\n"


def test_an_export_over_the_progress_file_is_refused_and_the_store_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.progress.helpers import attempt
    from trainer.cli import main
    from trainer.locations import progress_db_path
    from trainer.progress import ProgressStore

    with ProgressStore.open_default(fuzz=False) as store:
        store.record(attempt())
    assert main(["export-progress", "--out", str(progress_db_path())]) == 2
    assert capsys.readouterr().err == (
        f"export-progress: {progress_db_path()} is the progress file itself; writing the "
        "export there would destroy it. Choose another file.\n"
    )
    with ProgressStore.open_default() as store:
        assert store.attempt_count() == 1
