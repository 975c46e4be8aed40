"""Killing the trainer at any moment, or running two at once, loses no saved attempt."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITER = """
import sys
from datetime import UTC, datetime, timedelta
from trainer.progress import Attempt, ProgressStore
store = ProgressStore(__import__("pathlib").Path(sys.argv[1]), fuzz=False)
name, count = sys.argv[2], int(sys.argv[3])
base = datetime(2026, 3, 2, tzinfo=UTC)
for n in range(count):
    store.record(Attempt("pack", "1", f"item-{n % 7}", "premise", "mixed", f"{name}-{n}",
                         "correct" if n % 3 else "incorrect", 80, base + timedelta(seconds=n)))
    print(f"{name}-{n}", flush=True)
"""


def _saved_answers(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in db.execute("SELECT answer FROM attempts")}
    finally:
        db.close()


@pytest.mark.slow
def test_kill_9_mid_session_never_loses_an_acknowledged_attempt(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    rng = random.Random(20261125)
    acknowledged: set[str] = set()
    for run in range(20):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), f"run{run}", "100000"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        # Wait for the first write so each kill lands mid-recording, then kill after a
        # random extra delay: between, inside or after transactions.
        acknowledged.add(writer.stdout.readline().strip())
        time.sleep(rng.uniform(0.0, 0.05))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        acknowledged.update(line for line in out.splitlines() if line)
        missing = acknowledged - _saved_answers(path)
        assert not missing, f"run {run}: lost {sorted(missing)[:5]}"
    assert len(acknowledged) > 20


@pytest.mark.slow
def test_two_trainers_at_once_keep_every_attempt(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, "300"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    saved = _saved_answers(path)
    assert len(saved) == 600
    db = sqlite3.connect(path)
    # Every item's card reflects both writers' reviews: one card per item, none duplicated.
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 7


def _log_frames(path: Path) -> tuple[int, int]:
    """(frames in the write-ahead log, frames of it already written back to the file)."""
    db = sqlite3.connect(path)
    try:
        _, log, written = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return log, written
    finally:
        db.close()


def test_recording_leaves_the_log_to_an_idle_checkpoint_and_loses_nothing(
    tmp_path: Path,
) -> None:
    """A record no longer writes the log back (the 1-in-100 slow commit); the idle
    checkpoint does, and the attempts are in the file either way."""
    from tests.progress.helpers import attempt
    from trainer.progress import ProgressStore

    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path, fuzz=False)
    try:
        for n in range(150):  # about 1,500 pages: past SQLite's default 1,000-page checkpoint
            store.record(attempt(answer=f"answer {n}"))
        wal = path.with_name(path.name + "-wal")
        page = store._db.execute("PRAGMA page_size").fetchone()[0]
        # Past 1,000 pages and still growing: no record wrote the log back and restarted it.
        assert wal.stat().st_size > 1_200 * page
        store.checkpoint()
        log, written = _log_frames(path)
        assert log == written  # all of it back in the file
        assert len(_saved_answers(path)) == 150
    finally:
        store.close()
