"""Text from a pack or a student never acts on the terminal (issue 12, items 2 and 4).

Keys, file names and answers reach reports escaped the one way `trainer.packs.safe_text`
defines: an ESC, a C1 control, a bidi override or a newline shows as ``\\x1b``, ``\\x9b``,
``\\u202e``, ``\\x0a``; JSON carries them as escapes, so it still reads back the same.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import BROKEN_PACKS
from tests.hardening.conftest import run
from trainer.packs.safe_text import csv_cell, json_text, visible

HOSTILE = BROKEN_PACKS / "key-with-terminal-escapes"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def _clean(text: str) -> bool:
    return not any(char in text for char in RAW)


@pytest.mark.parametrize(
    "command", [["check"], ["outline"], ["headless", "--mode", "mixed", "--pack"]]
)
def test_a_key_with_escapes_is_shown_escaped_by_every_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, err = run(capsys, *command, str(HOSTILE))
    assert code == 2
    assert _clean(out + err)
    assert 'unknown key "\\x1b]52;c;aGk=\\x07\\x1b[2Jboom"' in out + err
    # A newline in a key cannot forge a report line of its own.
    assert not any(line.startswith("OK  pack.yaml") for line in (out + err).splitlines())


def test_check_json_escapes_c1_and_bidi_and_still_parses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "check", "--json", str(HOSTILE))
    assert code == 2
    assert _clean(out)
    messages = [p["message"] for p in json.loads(out)["packs"][0]["problems"]]
    assert 'unknown key "a\\x9bb\\u202ec"' in messages


def test_the_one_rule_escapes_everything_it_names() -> None:
    assert visible("a\x1b[2J\nb\u202e\ud800\tc") == "a\\x1b[2J\\x0ab\\u202e\\ud800\tc"
    assert json.loads(json_text({"k\x9b": "\u2066\ud800"[:1]})) == {"k\x9b": "\u2066"}
    assert "\u2066" not in json_text("\u2066")
    assert json_text(["\ud800"]) == '["\\ud800"]'  # a lone surrogate is written, not a crash


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2", "'-2"),
        ("\x1b[2Jhi", "\\x1b[2Jhi"),
        ("plain", "plain"),
    ],
)
def test_a_csv_cell_is_never_a_formula_or_an_escape(cell: str, written: str) -> None:
    assert csv_cell(cell) == written


def test_a_title_with_newlines_cannot_forge_report_lines(
    capsys: pytest.CaptureFixture[str], small_pack_copy: Path
) -> None:
    pack_file = small_pack_copy / "pack.yaml"
    forged = 'title: "Uniforms\\nOK      /elsewhere: x \\"y\\" 1: 1 items"'
    text = pack_file.read_text(encoding="utf-8")
    pack_file.write_text(text.replace('title: "Should schools require uniforms?"', forged), "utf-8")
    code, out, _ = run(capsys, "check", str(small_pack_copy))
    assert code == 0
    assert out.count("\n") == 1 and '"Uniforms\\x0aOK      /elsewhere' in out
    code, out, _ = run(capsys, "packs", "--packs-dir", str(small_pack_copy.parent))
    assert code == 0
    assert "Uniforms\\x0aOK" in out and "\nOK" not in out
