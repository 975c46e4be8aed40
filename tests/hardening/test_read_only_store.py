"""A progress folder that cannot be written still shows its progress (issue 12, item 15).

A read-only disk or share makes SQLite refuse to open the store for writing; `stats` and
`export-progress` only read, so they open it read-only, say so, and exit 0. (Checked by
hand on a tmpfs remounted read-only, where only the `immutable` fallback can read it; here
the refusal is simulated, as the tests may run where nothing can be mounted.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from tests.hardening.conftest import run
from tests.progress.helpers import attempt
from trainer.locations import progress_db_path
from trainer.progress import ProgressStore, StoreError


@pytest.fixture
def unwritable(monkeypatch: pytest.MonkeyPatch) -> None:
    with ProgressStore.open_default(fuzz=False) as store:
        store.record(attempt(pack="school-uniforms", item="survey", kind="evidence"))
    path = progress_db_path()

    def refuse(_path: Path) -> None:
        raise StoreError(f"cannot open {path}: unable to open database file")

    monkeypatch.setattr("trainer.progress.store.open_for_writing", refuse)


NOTICE = "cannot be written: showing the progress saved there; nothing new can be recorded"


@pytest.mark.usefixtures("unwritable")
def test_stats_export_and_check_read_a_store_they_cannot_write(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "stats", "--pack", str(SMALL_PACK))
    assert code == 0
    assert out.startswith("Attempts: 1")
    assert NOTICE in err
    code, out, err = run(capsys, "export-progress")
    assert code == 0
    assert out.count("\n") == 2 and NOTICE in err
    code, out, err = run(capsys, "check", "--overrides", str(SMALL_PACK))
    assert code == 0 and NOTICE in err
    assert "No overruled verdicts recorded for this pack." in out


@pytest.mark.usefixtures("unwritable")
def test_a_command_that_writes_still_refuses() -> None:
    with pytest.raises(StoreError, match="unable to open database file"):
        ProgressStore.open_default()
