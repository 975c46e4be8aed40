"""Attempt builders shared by the progress tests."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.progress import Attempt

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def attempt(
    item: str = "nk-ten-days",
    outcome: str = "correct",
    *,
    at: datetime = T0,
    minutes: float = 0,
    pack: str = "long-range-strikes",
    kind: str = "rebuttal",
    hints: int = 0,
    overridden: bool = False,
    answer: str = "ten days of recruits",
) -> Attempt:
    return Attempt(
        pack_id=pack,
        pack_version="1.0.0",
        item_id=item,
        kind=kind,
        mode="rebuttals",
        answer=answer,
        outcome=outcome,
        score={"correct": 92, "partial": 60}.get(outcome, 10),
        at=at + timedelta(minutes=minutes),
        hints=hints,
        overridden=overridden,
        seconds=12.5,
    )


DAMAGED_ANSWER = "the answer on the page that is damaged"
"""The text of the attempt half-way through a damaged store: the page of the attempts table
that holds it is overwritten (an index page would be missed by a command reading the table
another way)."""


def damaged_store(rows: int = 20_000, item: str = "nk-ten-days") -> tuple[Path, bytes]:
    """The default store with `rows` attempts on the small pack ("school-uniforms"), each
    marked right by the student (so `stats` reads them back), and the 4 KB page holding the
    middle one overwritten, where the open check does not look; and its bytes as left."""
    from trainer.locations import progress_db_path
    from trainer.progress import ProgressStore
    from trainer.progress.attempts import ATTEMPT_COLUMNS

    with ProgressStore.open_default(fuzz=False) as store:
        store.record(attempt(item, pack="school-uniforms"))
    path = progress_db_path()
    db = sqlite3.connect(path)
    row = tuple(attempt(item, pack="school-uniforms", overridden=True).to_json().values())
    middle = tuple(
        attempt(item, pack="school-uniforms", overridden=True, answer=DAMAGED_ANSWER)
        .to_json()
        .values()
    )
    db.executemany(
        f"INSERT INTO attempts ({ATTEMPT_COLUMNS}) VALUES ({','.join('?' * len(row))})",
        [row] * (rows // 2) + [middle] + [row] * (rows // 2),
    )
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    where = path.read_bytes().index(DAMAGED_ANSWER.encode())
    with path.open("r+b") as handle:
        handle.seek(where // 4096 * 4096)
        handle.write(b"\xde\xad" * 2048)
    return path, path.read_bytes()
