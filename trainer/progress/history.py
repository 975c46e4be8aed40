"""Aggregates over the attempt history, counted by SQLite rather than row by row in Python.

A student with a million attempts must not wait for a million `Attempt` objects to be built
so that `stats` can add them up: SQLite counts each group in one pass over the table, and
what reaches Python is one row per (kind, item) and a few small look-ups. Every query reads
what `ProgressStore.attempts` would return, so the figures are the same (tests hold it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from trainer.progress.store import _ATTEMPT_COLUMNS, Attempt, StoreError, _iso, attempt_from_row

RIGHT = "(outcome = 'correct' OR overridden != 0)"
"""An attempt that counts as right: graded correct, or marked right by the student."""


@dataclass(frozen=True, slots=True)
class HistoryPlan:
    """How the history's queries read the table."""

    scan_share: float = 0.25
    """Count a pack by reading the whole table once it holds at least this share of the
    attempts. Through the pack's index SQLite fetches each row on its own, which costs about
    three times a row read in order; for a pack with few of the attempts it still wins."""


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

    def __init__(
        self,
        db: sqlite3.Connection,
        path: Path,
        plan: HistoryPlan | None = None,
        *,
        student: str = "",
    ):
        self._db = db
        self._path = path
        self._plan = plan or HistoryPlan()
        self.student = student
        """Whose attempts every question counts."""

    def _rows(self, query: str, params: tuple[Any, ...]) -> list[Any]:
        try:
            return self._db.execute(query, params).fetchall()
        except sqlite3.DatabaseError as error:
            # A damaged page the open check did not reach, or a lock held too long.
            raise StoreError(f"cannot read the attempts in {self._path}: {error}") from None

    def tallies(self, pack_id: str) -> list[GroupTally]:
        """Attempts and right answers per (kind, item): one pass over the pack's attempts."""
        ((mine,),) = self._rows(
            "SELECT count(*) FROM attempts WHERE pack_id = ? AND +student = ?",
            (pack_id, self.student),
        )
        ((last,),) = self._rows("SELECT coalesce(max(id), 0) FROM attempts", ())
        # `+pack_id` keeps SQLite off the pack's index, so it reads the table in order.
        column = "+pack_id" if mine and mine >= self._plan.scan_share * last else "pack_id"
        # Items before kinds: SQLite sorts the rows to group them, and most items are asked
        # as one kind only, so the second key is rarely compared (a third faster).
        rows = self._rows(
            f"SELECT item_id, kind, count(*), sum({RIGHT}), "
            "group_concat(CASE WHEN overridden != 0 THEN id END) "
            f"FROM attempts WHERE {column} = ? AND +student = ? GROUP BY item_id, kind",
            (pack_id, self.student),
        )
        return [
            GroupTally(kind, item, int(count), int(right), _ids(overridden))
            for item, kind, count, right, overridden in rows
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
            "SELECT outcome FROM attempts WHERE pack_id = ? AND item_id = ? AND +student = ? "
            "ORDER BY at DESC, id DESC LIMIT 1",
            (pack_id, item_id, self.student),
        )
        return str(rows[0][0]) if rows else ""

    def attempts_with_ids(self, ids: Iterable[int]) -> tuple[Attempt, ...]:
        """These attempts, in time order (as `ProgressStore.attempts` orders them)."""
        wanted = sorted(set(ids))
        rows: list[Any] = []
        for start in range(0, len(wanted), _BATCH):
            batch = tuple(wanted[start : start + _BATCH])
            marks = ",".join("?" * len(batch))
            query = f"SELECT at, id, {_ATTEMPT_COLUMNS} FROM attempts WHERE id IN ({marks})"
            rows.extend(self._rows(query, batch))
        rows.sort(key=lambda row: (row[0], row[1]))
        return tuple(attempt_from_row(row[2:]) for row in rows)


_BATCH = 500
"""Ids per query: well under SQLite's limit on parameters."""


def _ids(text: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",")) if text else ()


def stored_time(moment: datetime) -> str:
    """A time as the store writes it (fixed width UTC, so text order is time order)."""
    return _iso(moment)
