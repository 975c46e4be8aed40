"""Shared fixtures: paths to the test packs, and an isolated user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PACKS = TESTS / "packs"
SMALL_PACK = PACKS / "small"
BROKEN_PACKS = PACKS / "broken"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user's data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DEBATE_TRAINER_HOME", str(home))
    monkeypatch.delenv("DEBATE_TRAINER_PACKS", raising=False)
    return home


@pytest.fixture
def small_pack_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid pack, for tests that break it on purpose."""
    target = tmp_path / "small"
    target.mkdir()
    for name in ("pack.yaml", "article.txt"):
        (target / name).write_bytes((SMALL_PACK / name).read_bytes())
    return target
