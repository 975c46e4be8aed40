"""An attempt as the store keeps it: the row's columns, and the objects read back from it.

Times are stored as fixed-width UTC text (`iso`), so text order in SQLite is time order and
an index on `at` answers "between these two times" directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fsrs import Card, State

from trainer.confidence import Confidence

ATTEMPT_COLUMNS = (
    "at, pack_id, pack_version, item_id, kind, mode, answer, outcome, score, hints, "
    "overridden, seconds, session, student, confidence, late"
)
"""The columns an `Attempt` is written to and read from, in `Attempt.to_json`'s order."""
ATTEMPT_MARKS = ",".join("?" * len(ATTEMPT_COLUMNS.split(",")))
"""A placeholder per column of `ATTEMPT_COLUMNS`."""


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
    confidence: Confidence | None = None
    """How sure the student said they were before the verdict; None when they did not say
    (and for every attempt from before confidence was asked). An override keeps it: it
    changes whether the answer was right, not how sure the student was."""
    late: bool = False
    """A timed round's answer given after its clock ran out."""

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
            "confidence": self.confidence.value if self.confidence else None,
            "late": self.late,
        }

    def row(self) -> tuple[Any, ...]:
        """The values of `ATTEMPT_COLUMNS`, as the store writes them."""
        return (
            iso(self.at),
            self.pack_id,
            self.pack_version,
            self.item_id,
            self.kind,
            self.mode,
            self.answer,
            self.outcome,
            self.score,
            self.hints,
            int(self.overridden),
            self.seconds,
            self.session,
            self.student,
            self.confidence.value if self.confidence else None,
            int(self.late),
        )


@dataclass(frozen=True, slots=True)
class Recorded:
    """What `record` stored: the attempt's id (for a later override) and the new card."""

    attempt_id: int
    card: Card


@dataclass(frozen=True, slots=True)
class Link:
    """An item brought forward in the next review because an item it stands on lapsed."""

    item_id: str
    lapsed: str
    """The item that lapsed."""
    at: datetime
    """When it lapsed."""


@dataclass(frozen=True, slots=True)
class DueCard:
    pack_id: str
    item_id: str
    due: datetime
    state: State


def utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times in the progress store must be timezone-aware")
    return moment.astimezone(UTC)


def iso(moment: datetime) -> str:
    # Fixed width, so text order in SQLite is time order.
    return utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def attempt_from_row(row: tuple[Any, ...]) -> Attempt:
    """An attempt from a row of `ATTEMPT_COLUMNS`."""
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
        confidence=confidence_from(row[14]) if len(row) > 14 else None,
        late=bool(row[15]) if len(row) > 15 else False,
    )


def confidence_from(value: object) -> Confidence | None:
    """The level a stored or event value names; None for none, or for a value this version
    does not know (a newer trainer's level is not a reason to lose the attempt)."""
    try:
        return Confidence(str(value)) if value is not None else None
    except ValueError:
        return None
