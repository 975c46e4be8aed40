"""Aggregates over the attempt history, counted by SQLite rather than row by row in Python.

A student with a million attempts must not wait for a million `Attempt` objects to be built
so that `stats` can add them up: SQLite counts each group in one pass over the table, and
what reaches Python is one row per (kind, item) and a few small look-ups. Every query reads
what `ProgressStore.attempts` would return, so the figures are the same (tests hold it).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from trainer.progress.store import StoreError, _iso

RIGHT = "(outcome = 'correct' OR overridden != 0)"
"""An attempt that counts as right: graded correct, or marked right by the student."""


@dataclass(frozen=True, slots=True)
class GroupTally:
    """How often one item was tried as one kind of question, and how often right."""

    kind: str
    item_id: str
    attempts: int
    right: int


class History:
    """Read-only questions about one store's attempts; made by `ProgressStore.history()`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self._path = path

    def _rows(self, query: str, params: tuple[Any, ...]) -> list[Any]:
        try:
            return self._db.execute(query, params).fetchall()
        except sqlite3.DatabaseError as error:
            # A damaged page the open check did not reach, or a lock held too long.
            raise StoreError(f"cannot read the attempts in {self._path}: {error}") from None

    def tallies(self, pack_id: str) -> list[GroupTally]:
        """Attempts and right answers per (kind, item): one pass over the pack's attempts."""
        rows = self._rows(
            f"SELECT kind, item_id, count(*), sum({RIGHT}) FROM attempts "
            "WHERE pack_id = ? GROUP BY kind, item_id",
            (pack_id,),
        )
        return [GroupTally(kind, item, int(count), int(right)) for kind, item, count, right in rows]

    def tally_between(self, pack_id: str, start: str, end: str) -> tuple[int, int]:
        """(attempts, right) with `start <= at < end` (fixed-width ISO times, as stored)."""
        ((count, right),) = self._rows(
            f"SELECT count(*), coalesce(sum({RIGHT}), 0) FROM attempts "
            "WHERE at >= ? AND at < ? AND pack_id = ?",
            (start, end, pack_id),
        )
        return int(count), int(right)

    def practised_between(self, pack_id: str, start: str, end: str) -> bool:
        """Whether any attempt on the pack has `start <= at < end`."""
        return bool(
            self._rows(
                "SELECT 1 FROM attempts WHERE at >= ? AND at < ? AND pack_id = ? LIMIT 1",
                (start, end, pack_id),
            )
        )

    def last_outcome(self, pack_id: str, item_id: str) -> str:
        """The outcome of the item's latest attempt ("" if it has none)."""
        rows = self._rows(
            "SELECT outcome FROM attempts WHERE pack_id = ? AND item_id = ? "
            "ORDER BY at DESC, id DESC LIMIT 1",
            (pack_id, item_id),
        )
        return str(rows[0][0]) if rows else ""


def stored_time(moment: datetime) -> str:
    """A time as the store writes it (fixed width UTC, so text order is time order)."""
    return _iso(moment)
