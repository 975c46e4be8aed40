"""How the command line reaches the app: no command opens it; other commands never load it."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer import cli
from trainer.commands import tui


def test_no_command_opens_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[argparse.Namespace] = []
    monkeypatch.setattr(tui, "run", lambda args: seen.append(args) or 0)
    assert cli.main([]) == 0
    [args] = seen
    assert args.pack is None


def test_tui_command_takes_a_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[argparse.Namespace] = []
    monkeypatch.setattr(tui, "run", lambda args: seen.append(args) or 0)
    assert cli.main(["tui", "--pack", str(SMALL_PACK)]) == 0
    assert seen[0].pack == str(SMALL_PACK)


@pytest.mark.parametrize(
    "words",
    [["--pack", str(SMALL_PACK)], [str(SMALL_PACK)]],
    ids=["--pack DIR", "DIR"],
)
def test_a_pack_with_no_command_opens_the_app_on_it(
    monkeypatch: pytest.MonkeyPatch, words: list[str]
) -> None:
    """Issue 13: `debate-trainer --pack DIR` and `debate-trainer DIR` said "invalid choice"."""
    seen: list[argparse.Namespace] = []
    monkeypatch.setattr(tui, "run", lambda args: seen.append(args) or 0)
    assert cli.main(words) == 0
    assert seen[0].pack == str(SMALL_PACK)


def test_a_misspelt_command_is_still_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["chek"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_pack_opened_last_is_opened_at_the_next_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from trainer.tui.app import TrainerApp
    from trainer.tui.settings import Settings, save_settings

    save_settings(Settings(pack=str(SMALL_PACK)))
    built: list[TrainerApp] = []
    monkeypatch.setattr(TrainerApp, "run", lambda self: built.append(self))
    assert cli.main(["tui"]) == 0
    assert built[0].options.pack_path == Path(SMALL_PACK)
    assert cli.main(["--student", "Ann"]) == 0
    assert built[1].student == "Ann"


def test_run_builds_the_app_from_the_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.tui.app import TrainerApp

    built: list[TrainerApp] = []
    monkeypatch.setattr(TrainerApp, "run", lambda self: built.append(self))
    args = argparse.Namespace(
        pack=str(SMALL_PACK), packs_dir=None, seed=3, student=None, ask_student=False
    )
    assert tui.run(args) == 0
    options = built[0].options
    assert options.pack_path == Path(SMALL_PACK) and options.seed == 3
    assert options.exit_after_first_frame is False


def test_outline_still_prints_without_importing_textual() -> None:
    code = (
        "import sys; from trainer.cli import main; code = main(['outline', sys.argv[1]]); "
        "assert 'textual' not in sys.modules, 'outline imported textual'; sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SMALL_PACK)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Should schools require uniforms?" in done.stdout


def test_the_tui_package_itself_imports_no_textual() -> None:
    code = "import sys, trainer.tui, trainer.commands.tui; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
