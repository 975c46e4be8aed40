"""Attempt builders shared by the progress tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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
