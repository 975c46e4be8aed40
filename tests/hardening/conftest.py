"""Helpers for the hostile-input tests: run a command as a user would, see what they see."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.cli import main

MINIMAL_PACK = """\
format: 1
id: hostile
title: A pack from someone else
version: "1"
source:
  title: An article
  file: {source}
thesis:
  id: thesis
  text: Uniforms should be optional.
  answer:
    canonical: uniforms should be optional
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `debate-trainer ARGV`, run in this process."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pack_with_source(folder: Path, source: str) -> Path:
    """A pack folder whose pack.yaml names `source` as its source text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(MINIMAL_PACK.format(source=source), encoding="utf-8")
    return folder
