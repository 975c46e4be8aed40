"""The project as users get it: a wheel that carries the built-in pack, a core without UI."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_engine_and_pack_commands_never_import_textual() -> None:
    code = (
        "import sys, trainer.packs, trainer.grading, trainer.cli\n"
        "from trainer.cli import main\n"
        "main(['check', '--json', sys.argv[1]])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print(json.dumps(bad), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json\n" + code,
            str(ROOT / "content" / "long-range-strikes"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("debate-trainer ")


@pytest.mark.slow
def test_wheel_carries_the_builtin_pack_and_loads_it_when_installed(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "trainer/_content/long-range-strikes/pack.yaml" in names
    assert "trainer/_content/long-range-strikes/article.txt" in names
    assert "trainer/grading/lexicon/wordnet.tsv" in names
    assert "trainer/grading/lexicon/WORDNET-LICENSE" in names
    assert "trainer/grading/lexicon/places.tsv" in names
    assert "trainer/grading/lexicon/PLACES-LICENSE" in names

    # Install it (not editable) into a folder and load the pack from there, away from the repo.
    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    probe = (
        "import trainer, trainer.locations as l\n"
        "from trainer.packs import load_pack\n"
        "pack = load_pack(l.builtin_pack_dir())\n"
        "from trainer.grading import Grader\n"
        "wrong = Grader(pack).grade('to deter China from sending troops', 'deter-north-korea')\n"
        "print(trainer.__file__, l.builtin_pack_dir(), pack.id, len(pack), wrong.reason.value)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    module_file, pack_dir, pack_id, count, reason = result.stdout.split()
    assert reason == "wrong-name"  # the places table came with the wheel
    assert module_file.startswith(str(target))
    assert pack_dir == str(target / "trainer" / "_content" / "long-range-strikes")
    assert pack_id == "long-range-strikes" and int(count) > 40
