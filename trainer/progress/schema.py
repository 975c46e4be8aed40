"""The progress file's schema: each version's migration from the one before, in order.

A file records its version in `PRAGMA user_version`. Opening a file applies the migrations
it lacks, each in its own IMMEDIATE transaction, so an old file is brought up to date with
nothing in it lost, and two trainers opening it together migrate it once.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 6

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
    # 5: how sure the student said they were, before the verdict (NULL when they did not
    # say: every attempt from before), and whether a timed round's answer came after its
    # clock ran out. Calibration reads only the answers with a confidence, through their
    # own index, however many attempts have none.
    """
    ALTER TABLE attempts ADD COLUMN confidence TEXT;
    ALTER TABLE attempts ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX attempts_confident ON attempts (student, pack_id, at)
        WHERE confidence IS NOT NULL;
    """,
    # 6: review that follows the argument (`trainer.progress.linked`). When an item lapses,
    # each item that stands on it gets a row here: it comes first in the next review, and
    # the row says why (which item lapsed, when). Answering the item removes its rows;
    # "I was right" on the lapse removes the rows that lapse made.
    """
    CREATE TABLE linked (
        student TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        lapsed TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (student, pack_id, item_id, lapsed)
    ) WITHOUT ROWID;
    CREATE INDEX linked_by_lapse ON linked (student, pack_id, lapsed);
    """,
)


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring the open file at `version` up to `SCHEMA_VERSION`."""
    while version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another trainer may have migrated while we waited for the lock.
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current == version:
                for statement in statements(MIGRATIONS[version]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        version = db.execute("PRAGMA user_version").fetchone()[0]


def statements(script: str) -> list[str]:
    """A migration's statements, one by one: split at each `;` that ends a whole statement
    (a trigger's body holds `;` of its own)."""
    found: list[str] = []
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                found.append(pending)
            pending = ""
    return found
