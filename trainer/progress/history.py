"""Aggregates over the attempt history, counted by SQLite rather than row by row in Python.

A student with a million attempts must not wait for a million `Attempt` objects to be built
so that `stats` can add them up, nor for SQLite to count them: the store's triggers keep a
tally per (kind, item) as attempts are written (`tallies`), so what `stats` reads is one row
per item and a few indexed look-ups, whatever the history's length. Every query reads what
`ProgressStore.attempts` would return, so the figures are the same (tests hold it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from trainer.confidence import Confidence
from trainer.progress.attempts import (
    ATTEMPT_COLUMNS,
    Attempt,
    attempt_from_row,
    confidence_from,
    iso,
)
from trainer.progress.opening import StoreError

RIGHT = "(outcome = 'correct' OR overridden != 0)"
"""An attempt that counts as right: graded correct, or marked right by the student."""


@dataclass(frozen=True, slots=True)
class GroupTally:
    """How often one item was tried as one kind of question, how often right, and the ids
    of the attempts among them that the student marked right."""

    kind: str
    item_id: str
    attempts: int
    right: int
    overridden: tuple[int, ...] = ()


class History:
    """Read-only questions about one store's attempts; made by `ProgressStore.history()`."""

    def __init__(self, db: sqlite3.Connection, path: Path, *, student: str = ""):
        self._db = db
        self._path = path
        self.student = student
        """Whose attempts every question counts."""

    def _rows(self, query: str, params: tuple[Any, ...]) -> list[Any]:
        try:
            return self._db.execute(query, params).fetchall()
        except sqlite3.DatabaseError as error:
            # A damaged page the open check did not reach, or a lock held too long.
            raise StoreError(f"cannot read the attempts in {self._path}: {error}") from None

    def tallies(self, pack_id: str) -> list[GroupTally]:
        """Attempts and right answers per (kind, item), from the `tallies` table the store's
        triggers keep: one row per item however long the history, and the ids of the
        attempts marked right through their own index."""
        rows = self._rows(
            "SELECT item_id, kind, attempts, correct FROM tallies "
            "WHERE student = ? AND pack_id = ? AND attempts > 0",
            (self.student, pack_id),
        )
        overridden: dict[tuple[str, str], list[int]] = {}
        for attempt_id, item, kind in self._rows(
            "SELECT id, item_id, kind FROM attempts "
            "WHERE student = ? AND pack_id = ? AND overridden != 0",
            (self.student, pack_id),
        ):
            overridden.setdefault((item, kind), []).append(int(attempt_id))
        return [
            GroupTally(kind, item, int(count), int(right), tuple(overridden.get((item, kind), ())))
            for item, kind, count, right in rows
        ]

    def tally_between(self, pack_id: str, start: str, end: str) -> tuple[int, int]:
        """(attempts, right) with `start <= at < end` (fixed-width ISO times, as stored).

        `+pack_id` keeps SQLite on the time index: with the pack's index it would read every
        attempt of the pack to find one day's.
        """
        ((count, right),) = self._rows(
            f"SELECT count(*), coalesce(sum({RIGHT}), 0) FROM attempts "
            "WHERE at >= ? AND at < ? AND +pack_id = ? AND +student = ?",
            (start, end, pack_id, self.student),
        )
        return int(count), int(right)

    def practised_between(self, pack_id: str, start: str, end: str) -> bool:
        """Whether any attempt on the pack has `start <= at < end`."""
        return bool(
            self._rows(
                "SELECT 1 FROM attempts "
                "WHERE at >= ? AND at < ? AND +pack_id = ? AND +student = ? LIMIT 1",
                (start, end, pack_id, self.student),
            )
        )

    def last_outcome(self, pack_id: str, item_id: str) -> str:
        """The outcome of the item's latest attempt ("" if it has none)."""
        rows = self._rows(
            "SELECT outcome FROM attempts WHERE student = ? AND pack_id = ? AND item_id = ? "
            "ORDER BY at DESC, id DESC LIMIT 1",
            (self.student, pack_id, item_id),
        )
        return str(rows[0][0]) if rows else ""

    def calibration_counts(
        self, pack_id: str, shift: timedelta
    ) -> dict[tuple[date, Confidence], tuple[int, int]]:
        """(day, level) -> (answers, right) over the answers given with a confidence, a
        day being the UTC time plus `shift` (`trainer.progress.calibration.day_shift`).
        Only those answers are read, through their own index."""
        modifier = f"{int(shift.total_seconds()):+d} seconds"
        counts: dict[tuple[date, Confidence], tuple[int, int]] = {}
        for day, said, answers, right in self._rows(
            f"SELECT date(at, ?), confidence, count(*), sum({RIGHT}) FROM attempts "
            "WHERE student = ? AND pack_id = ? AND confidence IS NOT NULL GROUP BY 1, 2",
            (modifier, self.student, pack_id),
        ):
            level = confidence_from(said)
            if level is not None:
                counts[(date.fromisoformat(day), level)] = (int(answers), int(right))
        return counts

    def attempts_with_ids(self, ids: Iterable[int]) -> tuple[Attempt, ...]:
        """These attempts, in time order (as `ProgressStore.attempts` orders them)."""
        wanted = sorted(set(ids))
        rows: list[Any] = []
        for start in range(0, len(wanted), _BATCH):
            batch = tuple(wanted[start : start + _BATCH])
            marks = ",".join("?" * len(batch))
            query = f"SELECT at, id, {ATTEMPT_COLUMNS} FROM attempts WHERE id IN ({marks})"
            rows.extend(self._rows(query, batch))
        rows.sort(key=lambda row: (row[0], row[1]))
        return tuple(attempt_from_row(row[2:]) for row in rows)


_BATCH = 500
"""Ids per query: well under SQLite's limit on parameters."""


def stored_time(moment: datetime) -> str:
    """A time as the store writes it (fixed width UTC, so text order is time order)."""
    return iso(moment)
