"""The progress store: every attempt, and one FSRS card per (student, pack, gradable item).

SQLite in WAL mode, one short IMMEDIATE transaction per attempt: an attempt is on disk once
`record()` returns, a `kill -9` loses at most the answer being typed, and two trainers open at
once queue for the write lock instead of corrupting the file. Opening (and moving aside a
file that cannot be read) is `trainer.progress.opening`; the schema and its migrations are
`trainer.progress.schema`; the attempt row is `trainer.progress.attempts`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler, State

from trainer.locations import progress_db_path
from trainer.progress.attempts import (
    ATTEMPT_COLUMNS,
    ATTEMPT_MARKS,
    Attempt,
    DueCard,
    Link,
    Recorded,
    attempt_from_row,
    iso,
    utc,
)
from trainer.progress.opening import (
    StoreError,
    is_damaged,
    move_aside,
    open_for_writing,
    open_read_only,
)
from trainer.progress.rating import rating_for
from trainer.progress.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from trainer.progress.history import History

__all__ = [
    "LEARNING_STEPS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Attempt",
    "DueCard",
    "Link",
    "ProgressStore",
    "Recorded",
    "StoreError",
    "attempt_from_row",
]

LEARNING_STEPS = (timedelta(minutes=10),)
"""FSRS's steps for an item not yet learnt. One step: an item answered right unaided the
first time is due in days, not in ten minutes (with FSRS's default two steps, every item
of an all-correct quiz was due again the same day); a miss comes back after ten minutes."""

_INSERT_ATTEMPT = (
    f"INSERT INTO attempts ({ATTEMPT_COLUMNS}, card_before) VALUES ({ATTEMPT_MARKS}, ?)"
)


class ProgressStore:
    """Attempts and review schedules for every pack, in one SQLite file."""

    def __init__(
        self, path: Path, *, student: str = "", fuzz: bool = True, read_only: bool = False
    ) -> None:
        """`student`: whose cards `due` reads and whose attempts `history` counts (each
        attempt names its own student). `read_only`: for commands that only read (stats,
        export), a store whose folder cannot be written (a read-only disk or share) is still
        opened, for reading."""
        self.path = path
        self.student = student
        self.notice = ""
        """Set when an unreadable store was moved aside: show it to the user once."""
        self.scheduler = Scheduler(enable_fuzzing=fuzz, learning_steps=LEARNING_STEPS)
        try:
            self._db, self.notice = open_for_writing(path)
        except StoreError as error:
            if not read_only:
                raise
            self._db, self.notice = open_read_only(path, error)

    @classmethod
    def open_default(
        cls, *, student: str = "", fuzz: bool = True, read_only: bool = False
    ) -> ProgressStore:
        return cls(progress_db_path(), student=student, fuzz=fuzz, read_only=read_only)

    def set_aside_if_damaged(self) -> Path | None:
        """After a read or write failed: when SQLite finds the file damaged (a bad page the
        open check did not reach), close it and move it aside, never deleted, and return
        where it went; None when the file is sound (the failure was a held lock, say)."""
        if not is_damaged(self.path):
            return None
        self.close()
        return move_aside(self.path)

    def close(self) -> None:
        self._db.close()

    def checkpoint(self) -> None:
        """Write the log's pages back into the file, without waiting for any reader or
        writer (for an idle moment: see `opening.WAL_CAP_PAGES`). It is housekeeping: a
        checkpoint that cannot run now (another trainer busy, a full disk) loses nothing,
        since every commit is in the log, and is simply tried again at the next idle."""
        with suppress(sqlite3.Error):
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    @contextmanager
    def _writing(
        self, what: str, *, also: tuple[type[Exception], ...] = (), then: str = ""
    ) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction, rolled back on any failure; a database error (or one
        of `also`) becomes a StoreError saying `what` could not be saved, and `then`."""
        db = self._db
        try:
            # Inside the try: a write lock another trainer holds past the busy timeout is a
            # StoreError like any other failure to save.
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except BaseException as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(error, (sqlite3.DatabaseError, *also)):
                raise StoreError(f"could not save {what} to {self.path}: {error}{then}") from None
            raise

    def record(self, attempt: Attempt, standing_on: Iterable[str] = ()) -> Recorded:
        """Store the attempt and reschedule its card, atomically.

        `standing_on`: the items that stand on this one (`trainer.progress.linked`). When the
        attempt is a lapse (rated Again), each is brought forward in the next review
        (`brought_forward`); answering an item ends its own bringing forward.
        """
        rating = rating_for(attempt.outcome, attempt.hints, attempt.overridden)
        at = utc(attempt.at)
        saving = self._writing(
            "the attempt", also=(UnicodeError,), then=". Earlier attempts are untouched."
        )
        with saving as db:
            card = self._card(attempt.pack_id, attempt.item_id, at, attempt.student)
            before = json.dumps(card.to_dict()) if card.last_review else None
            cursor = db.execute(_INSERT_ATTEMPT, (*attempt.row(), before))
            attempt_id = int(cursor.lastrowid or 0)
            card, _log = self.scheduler.review_card(card, rating, review_datetime=at)
            self._save_card(attempt.pack_id, attempt.item_id, card, attempt.student)
            self._link(attempt, standing_on if rating is Rating.Again else ())
        return Recorded(attempt_id, card)

    def _link(self, attempt: Attempt, standing_on: Iterable[str]) -> None:
        """The item was just answered: what brought it forward is done. Bring forward what
        stands on it, when it lapsed."""
        owner = (attempt.student, attempt.pack_id)
        at = iso(attempt.at)
        self._db.execute(
            "DELETE FROM linked WHERE student = ? AND pack_id = ? AND item_id = ? AND at <= ?",
            (*owner, attempt.item_id, at),
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO linked (student, pack_id, item_id, lapsed, at) "
            "VALUES (?,?,?,?,?)",
            [
                (*owner, item, attempt.item_id, at)
                for item in standing_on
                if item != attempt.item_id
            ],
        )

    def override(self, attempt_id: int) -> Card | None:
        """The student says attempt `attempt_id` was right: mark it, and re-rate its review.

        The card goes back to how it was before that attempt and is reviewed again with the
        rating the student claims, unless the item was attempted again since (then the later
        reviews stand and only the mark changes). Returns the card, or None if there is no
        such attempt or it was already overridden.
        """
        with self._writing("the override") as db:
            row = db.execute(
                "SELECT pack_id, item_id, at, hints, overridden, card_before, outcome, student "
                "FROM attempts WHERE id = ?",
                (attempt_id,),
            ).fetchone()
            if row is None or row[4]:
                return None  # nothing written: the commit is empty
            pack_id, item_id, at_text, hints, _over, before, outcome, student = row
            db.execute("UPDATE attempts SET overridden = 1 WHERE id = ?", (attempt_id,))
            # Not a lapse after all: what it brought forward goes back to its own schedule.
            db.execute(
                "DELETE FROM linked WHERE student = ? AND pack_id = ? AND lapsed = ? AND at = ?",
                (student, pack_id, item_id, at_text),
            )
            later = db.execute(
                "SELECT count(*) FROM attempts "
                "WHERE student = ? AND pack_id = ? AND item_id = ? AND id > ?",
                (student, pack_id, item_id, attempt_id),
            ).fetchone()[0]
            at = datetime.fromisoformat(at_text)
            card = self._card(pack_id, item_id, at, student)
            if not later:
                previous = (
                    Card.from_dict(json.loads(before))
                    if before
                    else Card(card_id=card.card_id, due=at)
                )
                rating = rating_for(outcome, hints, overridden=True)
                card, _log = self.scheduler.review_card(previous, rating, review_datetime=at)
                self._save_card(pack_id, item_id, card, student)
        return card

    def _save_card(self, pack_id: str, item_id: str, card: Card, student: str = "") -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO cards (student, pack_id, item_id, card_id, state, step, "
            "stability, difficulty, due, last_review) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                student,
                pack_id,
                item_id,
                card.card_id,
                int(card.state),
                card.step,
                card.stability,
                card.difficulty,
                iso(card.due),
                iso(card.last_review) if card.last_review else None,
            ),
        )

    def _card(self, pack_id: str, item_id: str, now: datetime, student: str = "") -> Card:
        row = self._db.execute(
            "SELECT card_id, state, step, stability, difficulty, due, last_review "
            "FROM cards WHERE student = ? AND pack_id = ? AND item_id = ?",
            (student, pack_id, item_id),
        ).fetchone()
        if row is None:
            # An explicit id: fsrs would otherwise sleep a millisecond to make one from the clock.
            next_id = self._db.execute("SELECT coalesce(max(card_id), 0) + 1 FROM cards")
            return Card(card_id=next_id.fetchone()[0], due=now)
        card_id, state, step, stability, difficulty, due, last_review = row
        return Card(
            card_id=card_id,
            state=State(state),
            step=step,
            stability=stability,
            difficulty=difficulty,
            due=datetime.fromisoformat(due),
            last_review=datetime.fromisoformat(last_review) if last_review else None,
        )

    def claim_unnamed(self, student: str) -> int:
        """Give the unnamed attempts and cards (from before the app asked for a name) to
        `student`, when that name has none yet: one person's first name on their own
        machine keeps their history. Returns how many attempts moved."""
        if not student:
            return 0
        with self._writing("the name") as db:
            taken = db.execute(
                "SELECT 1 FROM attempts WHERE student = ? LIMIT 1", (student,)
            ).fetchone()
            moved = 0
            if taken is None:
                moved = db.execute(
                    "UPDATE attempts SET student = ? WHERE student = ''", (student,)
                ).rowcount
                db.execute("UPDATE cards SET student = ? WHERE student = ''", (student,))
        return int(moved)

    # -- reading ------------------------------------------------------------------------

    def due(
        self, pack_id: str, now: datetime, item_ids: Iterable[str] | None = None
    ) -> list[DueCard]:
        """The student's cards due by `now`, most overdue first; only items the pack still
        has, if given."""
        rows = self._db.execute(
            "SELECT item_id, due, state FROM cards WHERE student = ? AND pack_id = ? "
            "AND due <= ? ORDER BY due, item_id",
            (self.student, pack_id, iso(now)),
        ).fetchall()
        wanted = set(item_ids) if item_ids is not None else None
        return [
            DueCard(pack_id, item_id, datetime.fromisoformat(due), State(state))
            for item_id, due, state in rows
            if wanted is None or item_id in wanted
        ]

    def brought_forward(self, pack_id: str, now: datetime) -> list[Link]:
        """The student's items brought forward by a lapse up to `now`, earliest lapse first
        (an item once per item it stands on that lapsed)."""
        rows = self._db.execute(
            "SELECT item_id, lapsed, at FROM linked WHERE student = ? AND pack_id = ? "
            "AND at <= ? ORDER BY at, item_id, lapsed",
            (self.student, pack_id, iso(now)),
        ).fetchall()
        return [Link(item, lapsed, datetime.fromisoformat(at)) for item, lapsed, at in rows]

    def due_count(self, pack_id: str, now: datetime, item_ids: Iterable[str] | None = None) -> int:
        if item_ids is None:
            row = self._db.execute(
                "SELECT count(*) FROM cards WHERE student = ? AND pack_id = ? AND due <= ?",
                (self.student, pack_id, iso(now)),
            ).fetchone()
            return int(row[0])
        return len(self.due(pack_id, now, item_ids))

    def attempts(
        self, pack_id: str | None = None, *, student: str | None = None
    ) -> Iterator[Attempt]:
        """Every attempt in time order (every student's, unless `student` is given), for
        stats and export."""
        query = f"SELECT {ATTEMPT_COLUMNS} FROM attempts"
        wheres, params = [], []
        if pack_id is not None:
            wheres.append("pack_id = ?")
            params.append(pack_id)
        if student is not None:
            wheres.append("student = ?")
            params.append(student)
        if wheres:
            query += " WHERE " + " AND ".join(wheres)
        for row in self._db.execute(query + " ORDER BY at, id", tuple(params)):
            yield attempt_from_row(row)

    def students(self) -> tuple[str, ...]:
        """The names that have attempts, in order ("" for attempts from before names)."""
        rows = self._db.execute("SELECT DISTINCT student FROM attempts ORDER BY student")
        return tuple(str(name) for (name,) in rows)

    def attempt_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM attempts").fetchone()[0])

    def history(self) -> History:
        """Aggregates over the attempts, counted by SQLite (`trainer.progress.history`)."""
        from trainer.progress.history import History

        return History(self._db, self.path, student=self.student)
