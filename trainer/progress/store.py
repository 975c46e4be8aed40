"""The progress store: every attempt, and one FSRS card per (pack, gradable item).

SQLite in WAL mode, one short IMMEDIATE transaction per attempt: an attempt is on disk once
`record()` returns, a `kill -9` loses at most the answer being typed, and two trainers open at
once queue for the write lock instead of corrupting the file. A store that cannot be read (a
damaged file, or one from a newer debate-trainer) is moved aside, never overwritten, and the
trainer starts on a fresh one with a notice naming where the old file went.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fsrs import Card, Scheduler, State

from trainer.locations import progress_db_path
from trainer.progress.rating import rating_for

if TYPE_CHECKING:
    from trainer.progress.history import History

SCHEMA_VERSION = 4
_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
LEARNING_STEPS = (timedelta(minutes=10),)
"""FSRS's steps for an item not yet learnt. One step: an item answered right unaided the
first time is due in days, not in ten minutes (with FSRS's default two steps, every item
of an all-correct quiz was due again the same day); a miss comes back after ten minutes."""
BUSY_TIMEOUT_MS = 10_000
"""How long a second trainer waits for the write lock before giving up (never in practice)."""

_TALLY_ADD = """INSERT INTO tallies (student, pack_id, item_id, kind, attempts, correct)
    VALUES (new.student, new.pack_id, new.item_id, new.kind, 1,
        new.outcome = 'correct' OR new.overridden != 0)
    ON CONFLICT DO UPDATE SET attempts = attempts + 1, correct = correct + excluded.correct;"""
"""A trigger's step: count the attempt `new` into its (student, pack, item, kind) tally."""
_TALLY_TAKE = """UPDATE tallies SET attempts = attempts - 1,
        correct = correct - (old.outcome = 'correct' OR old.overridden != 0)
    WHERE student = old.student AND pack_id = old.pack_id AND item_id = old.item_id
        AND kind = old.kind;"""
"""A trigger's step: take the attempt `old` out of its tally."""

# Each entry migrates from version N-1 to N; applied in order, each in its own transaction.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        mode TEXT NOT NULL,
        answer TEXT NOT NULL,
        outcome TEXT NOT NULL,
        score INTEGER NOT NULL,
        hints INTEGER NOT NULL DEFAULT 0,
        overridden INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        session TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX attempts_by_pack_item ON attempts (pack_id, item_id);
    CREATE INDEX attempts_by_time ON attempts (at);
    CREATE TABLE cards (
        pack_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        card_id INTEGER NOT NULL,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        PRIMARY KEY (pack_id, item_id)
    );
    CREATE INDEX cards_by_due ON cards (pack_id, due);
    """,
    # 2: the card as it was before each attempt, so an override can re-rate that review.
    """
    ALTER TABLE attempts ADD COLUMN card_before TEXT;
    """,
    # 3: whose attempt it is, and a card per student: one store serves a class (one app per
    # browser tab) without one student's reviews rescheduling another's. Attempts from
    # before are the unnamed student's ("").
    """
    ALTER TABLE attempts ADD COLUMN student TEXT NOT NULL DEFAULT '';
    CREATE TABLE cards_by_student (
        student TEXT NOT NULL DEFAULT '',
        pack_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        card_id INTEGER NOT NULL,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        PRIMARY KEY (student, pack_id, item_id)
    );
    INSERT INTO cards_by_student
        (student, pack_id, item_id, card_id, state, step, stability, difficulty, due,
         last_review)
        SELECT '', pack_id, item_id, card_id, state, step, stability, difficulty, due,
            last_review
        FROM cards;
    DROP TABLE cards;
    ALTER TABLE cards_by_student RENAME TO cards;
    CREATE INDEX cards_by_due ON cards (student, pack_id, due);
    CREATE INDEX attempts_by_student ON attempts (student, pack_id, item_id);
    """,
    # 4: stats without reading the history. `tallies` holds each (student, pack, item,
    # kind)'s attempts and right answers, kept by triggers whatever writes the table, so
    # `stats` reads one row per item, not a million attempts. The item index gains the time
    # (an item's latest attempt is one look-up), and overridden attempts are indexed apart.
    f"""
    CREATE TABLE tallies (
        student TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        PRIMARY KEY (student, pack_id, item_id, kind)
    ) WITHOUT ROWID;
    INSERT INTO tallies (student, pack_id, item_id, kind, attempts, correct)
        SELECT student, pack_id, item_id, kind, count(*),
            sum(outcome = 'correct' OR overridden != 0)
        FROM attempts GROUP BY student, pack_id, item_id, kind;
    CREATE TRIGGER tally_added AFTER INSERT ON attempts BEGIN
    {_TALLY_ADD}
    END;
    CREATE TRIGGER tally_removed AFTER DELETE ON attempts BEGIN
    {_TALLY_TAKE}
    END;
    CREATE TRIGGER tally_changed
    AFTER UPDATE OF student, pack_id, item_id, kind, outcome, overridden ON attempts BEGIN
    {_TALLY_TAKE}
    {_TALLY_ADD}
    END;
    DROP INDEX attempts_by_student;
    CREATE INDEX attempts_by_student ON attempts (student, pack_id, item_id, at);
    CREATE INDEX attempts_overridden ON attempts (student, pack_id) WHERE overridden != 0;
    """,
)

_ATTEMPT_COLUMNS = (
    "at, pack_id, pack_version, item_id, kind, mode, answer, outcome, score, hints, "
    "overridden, seconds, session, student"
)


class StoreError(Exception):
    """The store cannot be used at all (its folder is not writable, the disk is full...)."""


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer to one item, as it happened. `at` is timezone-aware UTC."""

    pack_id: str
    pack_version: str
    item_id: str
    kind: str
    mode: str
    answer: str
    outcome: str
    score: int
    at: datetime
    hints: int = 0
    overridden: bool = False
    seconds: float = 0.0
    session: str = ""
    student: str = ""
    """Whose attempt: the name the student gave the app ("" before names were kept)."""

    def to_json(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(),
            "pack_id": self.pack_id,
            "pack_version": self.pack_version,
            "item_id": self.item_id,
            "kind": self.kind,
            "mode": self.mode,
            "answer": self.answer,
            "outcome": self.outcome,
            "score": self.score,
            "hints": self.hints,
            "overridden": self.overridden,
            "seconds": round(self.seconds, 3),
            "session": self.session,
            "student": self.student,
        }


@dataclass(frozen=True, slots=True)
class Recorded:
    """What `record` stored: the attempt's id (for a later override) and the new card."""

    attempt_id: int
    card: Card


@dataclass(frozen=True, slots=True)
class DueCard:
    pack_id: str
    item_id: str
    due: datetime
    state: State


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times in the progress store must be timezone-aware")
    return moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    # Fixed width, so text order in SQLite is time order.
    return _utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


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
            self._db = self._open()
        except StoreError as error:
            if not read_only:
                raise
            self._db = self._open_read_only(error)

    @classmethod
    def open_default(
        cls, *, student: str = "", fuzz: bool = True, read_only: bool = False
    ) -> ProgressStore:
        return cls(progress_db_path(), student=student, fuzz=fuzz, read_only=read_only)

    # -- opening ------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create {self.path.parent}: {error.strerror}") from None
        try:
            return self._connect_and_migrate()
        except _Unusable as problem:
            moved = self._move_aside()
            self.notice = (
                f"Your progress file {self.path} {problem}; it was moved to {moved.name} "
                "and a fresh one started."
            )
        except sqlite3.DatabaseError as error:
            # Only a file SQLite calls damaged is moved aside. "Locked" or "busy" means another
            # trainer is using it: moving a live database would corrupt it for them.
            if _primary_code(error) not in _DAMAGED:
                raise StoreError(f"cannot open {self.path}: {error}") from None
            moved = self._move_aside()
            self.notice = (
                f"Your progress file {self.path} could not be read ({error}); it was moved "
                f"to {moved.name} and a fresh one started."
            )
        try:
            return self._connect_and_migrate()
        except (sqlite3.DatabaseError, _Unusable) as error:
            raise StoreError(f"cannot start a progress file at {self.path}: {error}") from None

    def _open_read_only(self, failure: StoreError) -> sqlite3.Connection:
        """A read-only connection to a current store that cannot be opened for writing, or
        `failure` again. `immutable` is the last resort: in a folder SQLite cannot write,
        it cannot even make the shared-memory file that WAL readers use."""
        if not self.path.is_file():
            raise failure
        for mode in ("mode=ro", "immutable=1"):
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?{mode}", uri=True)
            try:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                db.execute("SELECT count(*) FROM attempts WHERE id < 0").fetchone()
            except sqlite3.DatabaseError:
                db.close()
                continue
            if version != SCHEMA_VERSION:  # it would need migrating, which is a write
                db.close()
                raise failure
            self.notice = (
                f"Your progress folder {self.path.parent} cannot be written: showing the "
                "progress saved there; nothing new can be recorded until it can."
            )
            return db
        raise failure

    def _connect_and_migrate(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _Unusable(
                    f"was written by a newer debate-trainer (schema {version}, this one "
                    f"reads {SCHEMA_VERSION})"
                )
            # WAL is a property of the file: only its first opener switches it, and may have
            # to wait for another trainer doing the same.
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                _retry_busy(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone())
            # NORMAL in WAL mode survives a killed process (the OS holds the pages); it can
            # only lose the last commits on power loss, and it keeps recording fast.
            db.execute("PRAGMA synchronous = NORMAL")
            if version > 0:
                # Touch every table so a file with a valid header and garbage pages fails now.
                db.execute("SELECT count(*) FROM attempts WHERE id < 0").fetchone()
                db.execute("SELECT count(*) FROM cards WHERE card_id < 0").fetchone()
            self._migrate(db, version)
        except BaseException:
            db.close()
            raise
        return db

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        while version < SCHEMA_VERSION:
            db.execute("BEGIN IMMEDIATE")
            try:
                # Another trainer may have migrated while we waited for the lock.
                current = db.execute("PRAGMA user_version").fetchone()[0]
                if current == version:
                    for statement in _statements(MIGRATIONS[version]):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {version + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            version = db.execute("PRAGMA user_version").fetchone()[0]

    def _move_aside(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        copy = 1
        while any(Path(f"{target}{end}").exists() for end in ("", "-wal", "-shm")):
            copy += 1  # a second damaged file in the same second must not replace the first
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{copy}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.replace(Path(f"{target}{suffix}"))
        return target

    def set_aside_if_damaged(self) -> Path | None:
        """After a read or write failed: when SQLite finds the file damaged (a bad page the
        open check did not reach), close it and move it aside, never deleted, and return
        where it went; None when the file is sound (the failure was a held lock, say)."""
        try:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            probe = sqlite3.connect(uri, uri=True, timeout=1)
            try:
                damaged = probe.execute("PRAGMA quick_check").fetchall() != [("ok",)]
            finally:
                probe.close()
        except sqlite3.DatabaseError as error:
            damaged = _primary_code(error) in _DAMAGED
        if not damaged:
            return None
        self.close()
        return self._move_aside()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def record(self, attempt: Attempt) -> Recorded:
        """Store the attempt and reschedule its card, atomically."""
        rating = rating_for(attempt.outcome, attempt.hints, attempt.overridden)
        at = _utc(attempt.at)
        db = self._db
        try:
            # Inside the try: a write lock another trainer holds past the busy timeout is a
            # StoreError like any other failure to save.
            db.execute("BEGIN IMMEDIATE")
            card = self._card(attempt.pack_id, attempt.item_id, at, attempt.student)
            before = json.dumps(card.to_dict()) if card.last_review else None
            cursor = db.execute(
                f"INSERT INTO attempts ({_ATTEMPT_COLUMNS}, card_before) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    _iso(at),
                    attempt.pack_id,
                    attempt.pack_version,
                    attempt.item_id,
                    attempt.kind,
                    attempt.mode,
                    attempt.answer,
                    attempt.outcome,
                    attempt.score,
                    attempt.hints,
                    int(attempt.overridden),
                    attempt.seconds,
                    attempt.session,
                    attempt.student,
                    before,
                ),
            )
            attempt_id = int(cursor.lastrowid or 0)
            card, _log = self.scheduler.review_card(card, rating, review_datetime=at)
            self._save_card(attempt.pack_id, attempt.item_id, card, attempt.student)
            db.execute("COMMIT")
        except BaseException as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(error, sqlite3.DatabaseError | UnicodeError):
                raise StoreError(
                    f"could not save the attempt to {self.path}: {error}. Earlier attempts "
                    "are untouched."
                ) from None
            raise
        return Recorded(attempt_id, card)

    def override(self, attempt_id: int) -> Card | None:
        """The student says attempt `attempt_id` was right: mark it, and re-rate its review.

        The card goes back to how it was before that attempt and is reviewed again with the
        rating the student claims, unless the item was attempted again since (then the later
        reviews stand and only the mark changes). Returns the card, or None if there is no
        such attempt or it was already overridden.
        """
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute(
                "SELECT pack_id, item_id, at, hints, overridden, card_before, outcome, student "
                "FROM attempts WHERE id = ?",
                (attempt_id,),
            ).fetchone()
            if row is None or row[4]:
                db.execute("ROLLBACK")
                return None
            pack_id, item_id, at_text, hints, _over, before, outcome, student = row
            db.execute("UPDATE attempts SET overridden = 1 WHERE id = ?", (attempt_id,))
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
            db.execute("COMMIT")
        except BaseException as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(error, sqlite3.DatabaseError):
                raise StoreError(f"could not save the override to {self.path}: {error}") from None
            raise
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
                _iso(card.due),
                _iso(card.last_review) if card.last_review else None,
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

    # -- reading ------------------------------------------------------------------------

    def due(
        self, pack_id: str, now: datetime, item_ids: Iterable[str] | None = None
    ) -> list[DueCard]:
        """The student's cards due by `now`, most overdue first; only items the pack still
        has, if given."""
        rows = self._db.execute(
            "SELECT item_id, due, state FROM cards WHERE student = ? AND pack_id = ? "
            "AND due <= ? ORDER BY due, item_id",
            (self.student, pack_id, _iso(now)),
        ).fetchall()
        wanted = set(item_ids) if item_ids is not None else None
        return [
            DueCard(pack_id, item_id, datetime.fromisoformat(due), State(state))
            for item_id, due, state in rows
            if wanted is None or item_id in wanted
        ]

    def due_count(self, pack_id: str, now: datetime, item_ids: Iterable[str] | None = None) -> int:
        if item_ids is None:
            row = self._db.execute(
                "SELECT count(*) FROM cards WHERE student = ? AND pack_id = ? AND due <= ?",
                (self.student, pack_id, _iso(now)),
            ).fetchone()
            return int(row[0])
        return len(self.due(pack_id, now, item_ids))

    def attempts(
        self, pack_id: str | None = None, *, student: str | None = None
    ) -> Iterator[Attempt]:
        """Every attempt in time order (every student's, unless `student` is given), for
        stats and export."""
        query = f"SELECT {_ATTEMPT_COLUMNS} FROM attempts"
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

    def claim_unnamed(self, student: str) -> int:
        """Give the unnamed attempts and cards (from before the app asked for a name) to
        `student`, when that name has none yet: one person's first name on their own
        machine keeps their history. Returns how many attempts moved."""
        db = self._db
        if not student:
            return 0
        try:
            db.execute("BEGIN IMMEDIATE")
            taken = db.execute(
                "SELECT 1 FROM attempts WHERE student = ? LIMIT 1", (student,)
            ).fetchone()
            moved = 0
            if taken is None:
                moved = db.execute(
                    "UPDATE attempts SET student = ? WHERE student = ''", (student,)
                ).rowcount
                db.execute("UPDATE cards SET student = ? WHERE student = ''", (student,))
            db.execute("COMMIT")
        except BaseException as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(error, sqlite3.DatabaseError):
                raise StoreError(f"could not save the name to {self.path}: {error}") from None
            raise
        return int(moved)

    def attempt_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM attempts").fetchone()[0])

    def history(self) -> History:
        """Aggregates over the attempts, counted by SQLite (`trainer.progress.history`)."""
        from trainer.progress.history import History

        return History(self._db, self.path, student=self.student)


def _statements(script: str) -> list[str]:
    """A migration's statements, one by one: split at each `;` that ends a whole statement
    (a trigger's body holds `;` of its own)."""
    statements: list[str] = []
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending)
            pending = ""
    return statements


def attempt_from_row(row: tuple[Any, ...]) -> Attempt:
    """An attempt from a row of `_ATTEMPT_COLUMNS`."""
    at, pid, version, item, kind, mode, answer, outcome, score, hints, over, secs, session = row[
        :13
    ]
    return Attempt(
        pack_id=pid,
        pack_version=version,
        item_id=item,
        kind=kind,
        mode=mode,
        answer=answer,
        outcome=outcome,
        score=score,
        at=datetime.fromisoformat(at),
        hints=hints,
        overridden=bool(over),
        seconds=secs,
        session=session,
        student=str(row[13]) if len(row) > 13 else "",
    )


def _primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (extended codes carry it in the low byte)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _retry_busy(action: Callable[[], object], attempts: int = 50) -> None:
    """Run `action`, retrying while SQLite says another connection holds the lock.

    Some operations (switching the journal mode) report "locked" at once instead of waiting
    on the busy timeout; two trainers started together must both get through.
    """
    for attempt in range(attempts):
        try:
            action()
            return
        except sqlite3.OperationalError as error:
            code = _primary_code(error)
            if code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


class _Unusable(Exception):
    """The file is a database, but not one this version may write to."""
