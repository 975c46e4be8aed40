"""`debate-trainer headless`: the JSON Lines API, its exit codes, and its hygiene.

Most tests drive `serve()` in process (fast, exact clock); the rest run the real command in a
subprocess where only a process can show it: signals, closed pipes, imported modules.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BROKEN_PACKS, SMALL_PACK
from tests.quiz.fakes import Ticker
from trainer.cli import main
from trainer.commands.headless import serve
from trainer.locations import builtin_pack_dir
from trainer.packs import Pack, load_pack
from trainer.quiz import Mode, Session, plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(builtin_pack_dir())


QUESTION_PACK = builtin_pack_dir("questions-geography")
"""The built-in pack of questions only: the one that gives the questions mode its questions."""


def pack_for(pack: Pack, mode: str) -> Pack:
    """The built-in argument, or for the questions mode (which it has none for) the questions."""
    return load_pack(QUESTION_PACK) if mode == Mode.QUESTIONS else pack


def play(
    pack: Pack, mode: str, script: str | bytes, *, seed: int = 1, limit: int | None = None
) -> tuple[int, list[dict[str, Any]], bytes]:
    session = Session(pack, mode, seed=seed, limit=limit, clock=Ticker())
    out = io.BytesIO()
    data = script.encode() if isinstance(script, str) else script
    code = serve(session, io.BytesIO(data), out)
    raw = out.getvalue()
    return code, [json.loads(line) for line in raw.splitlines()], raw


def model_answers(pack: Pack, mode: Mode, seed: int) -> str:
    """A script that names every needed target of every question with its model answer."""
    lines: list[str] = []
    for question in plan(pack, mode, seed=seed):
        for target in question.targets[: question.need]:
            lines.append(pack.item(target).answer.canonical)
        if question.more:
            lines.append("")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("mode", [mode.value for mode in Mode])
def test_every_mode_runs_to_the_end_with_full_marks_for_model_answers(
    pack: Pack, mode: str
) -> None:
    pack = pack_for(pack, mode)
    code, events, _ = play(pack, mode, model_answers(pack, Mode(mode), seed=3), seed=3)
    assert code == 0
    summary = events[-1]
    assert summary["type"] == "summary" and summary["reason"] == "finished"
    assert summary["asked"] == summary["planned"] == len(plan(pack, Mode(mode), seed=3)) > 0
    assert summary["score"] == summary["max"], [
        (e["question"], e["answer"], e["verdict"]["explanation"])
        for e in events
        if e["type"] == "verdict" and e["verdict"]["outcome"] != "correct"
    ]
    assert summary["outcomes"]["correct"] == summary["asked"]


@pytest.mark.parametrize("mode", [mode.value for mode in Mode])
def test_every_mode_runs_to_the_end_giving_up_on_everything(pack: Pack, mode: str) -> None:
    pack = pack_for(pack, mode)
    code, events, _ = play(pack, mode, "/giveup\n" * 100, seed=9)
    summary = events[-1]
    assert code == 0 and summary["reason"] == "finished"
    assert summary["outcomes"]["gave_up"] == summary["asked"] == summary["planned"]
    results = [e for e in events if e["type"] == "result"]
    assert all(m.get("answer") for r in results for m in r["missed"])  # answers shown


def test_every_event_has_a_type_an_item_id_and_a_sequence_number(pack: Pack) -> None:
    _, events, raw = play(pack, "rebuttals", "/hint\nwrong\n/override\n/skip\n{bad\n")
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert all({"type", "seq", "item_id", "time"} <= set(e) for e in events)
    assert {e["type"] for e in events} == {
        "question",
        "hint",
        "verdict",
        "result",
        "error",
        "summary",
    }
    assert raw.endswith(b"\n") and raw.count(b"\n") == len(events)


def test_a_verdict_event_carries_every_field_of_the_graders_verdict(pack: Pack) -> None:
    from trainer.grading import grader_for

    question = plan(pack, Mode.EVIDENCE, seed=4)[0]
    answer = pack.item(question.targets[0]).answer.canonical
    _, events, _ = play(pack, "evidence", answer + "\n", seed=4, limit=1)
    [verdict] = [e for e in events if e["type"] == "verdict"]
    expected = grader_for(pack).grade(answer, pack.item(question.targets[0])).to_json()
    assert verdict["verdict"] == expected
    assert verdict["item_id"] == expected["item_id"]


def test_a_session_of_mistakes_and_garbage_gives_the_right_events_and_goes_on(
    pack: Pack,
) -> None:
    script = b"\n".join(
        [
            b'{"command": "override"}',  # nothing to override yet
            b"{oops",
            b'{"command": "explode"}',
            b"\x1b]0;pwned\x07",
            b"z" * 100_000,
            b"the answer is bananas",  # wrong: ends the question
            b'{"command": "override"}',  # ...until overridden
            b'{"command": "hint"}',
            b"/skip",
        ]
    )
    code, events, raw = play(pack, "rebuttals", script + b"\n", seed=2)
    assert code == 0
    kinds = [(e["type"], e.get("code") or e.get("outcome") or "") for e in events]
    assert kinds[:6] == [
        ("question", ""),
        ("error", "nothing_to_override"),
        ("error", "invalid_json"),
        ("error", "unknown_command"),
        ("error", "control_characters"),
        ("error", "line_too_long"),
    ]
    assert [e["line"] for e in events if e["type"] == "error"] == [1, 2, 3, 4, 5]
    verdicts = [e for e in events if e["type"] == "verdict"]
    assert verdicts[0]["verdict"]["outcome"] == "incorrect"
    assert verdicts[1]["overrides"] == verdicts[0]["seq"] and verdicts[1]["verdict"]["overridden"]
    revised = [e for e in events if e["type"] == "result" and e["revised"]]
    assert len(revised) == 1 and revised[0]["outcome"] == "correct"
    assert [e["type"] for e in events][-4:] == ["hint", "result", "question", "summary"]
    summary = events[-1]
    assert summary["type"] == "summary" and summary["reason"] == "end_of_input"
    assert summary["overrides"] == 1 and summary["hints"] == 1
    assert b"\x1b" not in raw and b"\x07" not in raw


def test_same_seed_same_session_different_seed_different_order(pack: Pack) -> None:
    script = "/hint\nsomething\n/skip\n/giveup\n" * 6
    _, _, first = play(pack, "attribution", script, seed=21)
    _, _, again = play(pack, "attribution", script, seed=21)
    assert first == again
    _, other, _ = play(pack, "attribution", script, seed=22)
    _, events, _ = play(pack, "attribution", script, seed=21)

    def order(evs: list[dict[str, Any]]) -> list[str]:
        return [e["question"] for e in evs if e["type"] == "question"]

    assert order(events) != order(other)


def test_a_transcript_is_readable_text_of_the_same_session(pack: Pack) -> None:
    session = Session(pack, "premises", seed=1, clock=Ticker())
    transcript = io.StringIO()
    serve(session, io.BytesIO(b"/hint\n/giveup\n"), io.BytesIO(), transcript)
    text = transcript.getvalue()
    assert text.startswith("debate-trainer quiz: pack long-range-strikes, mode premises, seed 1")
    assert "Hint 1 of" in text and "Not named:" in text and "Summary (end of input)" in text


# -- the real command ---------------------------------------------------------------------


def cli(*args: str, stdin: bytes = b"", timeout: float = 30) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "headless", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )


def lines(output: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


def test_empty_input_asks_one_question_then_summarises() -> None:
    result = cli("--mode", "evidence", "--seed", "4")
    assert result.returncode == 0, result.stderr
    events = lines(result.stdout)
    assert [e["type"] for e in events] == ["question", "summary"]
    assert events[-1]["reason"] == "end_of_input" and result.stderr == b""


def test_a_bad_pack_is_reported_on_stderr_with_exit_2_and_no_traceback() -> None:
    result = cli("--mode", "mixed", "--pack", str(BROKEN_PACKS / "wrong-types"))
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode()
    assert "problems in the pack" in err and "thesis.answer.short_ok" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["--mode", "dance"],
        ["--mode", "mixed", "--limit", "-1"],
        ["--mode", "mixed", "--limit", "many"],
        ["--mode", "mixed", "--script", "/no/such/script.txt"],
        ["--mode", "mixed", "--transcript", "/no/such/folder/transcript.txt"],
        ["--pack", str(SMALL_PACK)],  # no mode
        ["--mode", "spar", "--seconds", "2"],
        ["--mode", "spar", "--seconds", "a minute"],
        ["--mode", "rebuttals", "--seconds", "30"],  # only a round is timed
    ],
)
def test_bad_arguments_exit_2_without_a_traceback(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(["headless", *args])
    except SystemExit as stop:  # argparse's own refusals
        code = stop.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert code == 2
    assert out == "" and err and "Traceback" not in err


def test_script_and_transcript_files(tmp_path: Path) -> None:
    script = tmp_path / "answers.txt"
    script.write_text('{"command": "hint"}\n300 pounds a year\n', encoding="utf-8")
    transcript = tmp_path / "session.txt"
    result = cli(
        "--pack", str(SMALL_PACK), "--mode", "evidence", "--seed", "1",
        "--script", str(script), "--transcript", str(transcript),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    events = lines(result.stdout)
    assert [e["type"] for e in events] == ["question", "hint", "verdict", "result", "summary"]
    assert events[2]["verdict"]["outcome"] == "correct"
    text = transcript.read_text(encoding="utf-8")
    assert "> 300 pounds a year" in text and "Summary (finished): 80 of 100" in text


def test_headless_never_imports_textual_and_grades_only_when_asked(tmp_path: Path) -> None:
    probe = (
        "import json, sys\n"
        "from trainer.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'})\n"
        "graded = 'trainer.grading.engine' in sys.modules and 'rapidfuzz' in sys.modules\n"
        "print(json.dumps([code, loaded, graded]), file=sys.stderr)\n"
    )

    def run(*args: str, stdin: bytes) -> list[Any]:
        result = subprocess.run(
            [sys.executable, "-c", probe, "headless", *args],
            input=stdin,
            capture_output=True,
            check=False,
            timeout=30,
        )
        report: list[Any] = json.loads(result.stderr.decode().strip().splitlines()[-1])
        return report

    assert run("--mode", "mixed", "--limit", "3", stdin=b"an answer\n/hint\n") == [0, [], True]
    assert run("--mode", "mixed", stdin=b"/hint\n/skip\n") == [0, [], False]
    assert run("--mode", "mixed", "--limit", "0", stdin=b"") == [0, [], False]


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
    transcript = tmp_path / "t.txt"
    process = subprocess.Popen(
        [sys.executable, "-m", "trainer", "headless", "--mode", "rebuttals", "--seed", "1",
         "--transcript", str(transcript), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )  # fmt: skip
    assert process.stdout is not None
    first = json.loads(process.stdout.readline())
    assert first["type"] == "question"  # the session is running and waiting for input
    return process, transcript


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(("sig", "code", "reason"), [
    (signal.SIGINT, 130, "interrupted"),
    (signal.SIGTERM, 143, "terminated"),
])  # fmt: skip
def test_ctrl_c_and_sigterm_still_write_the_summary(
    tmp_path: Path, sig: signal.Signals, code: int, reason: str
) -> None:
    process, _ = _start(tmp_path)
    assert process.stdout is not None
    process.send_signal(sig)
    summary = json.loads(process.stdout.readline())  # before stdin closes: no race with EOF
    out, err = process.communicate(timeout=30)
    assert process.returncode == code, err
    assert out == b""
    assert summary["type"] == "summary" and summary["reason"] == reason
    assert b"Traceback" not in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX pipes")
def test_a_closed_output_pipe_ends_quietly_with_the_summary_in_the_transcript(
    tmp_path: Path,
) -> None:
    process, transcript = _start(tmp_path)
    assert process.stdout is not None and process.stdin is not None
    process.stdout.close()  # the reader went away, as with `| head -1`
    process.stdin.write(b'{"command": "hint"}\n')
    process.stdin.close()
    assert process.wait(timeout=30) == 0
    assert process.stderr is not None
    assert process.stderr.read() == b""
    assert "Summary (output closed)" in transcript.read_text(encoding="utf-8")
