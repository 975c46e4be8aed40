"""What a student wants to know about their practice: how often right, where weak, what's due.

Pure functions over attempts, so the CLI, the stats screen and the tests agree. Days are
counted in the time zone of the `now` passed in: a student's "today" is local.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from trainer.packs.model import Pack
from trainer.progress.store import Attempt, ProgressStore

WEAKEST_LIMIT = 5
CHART_DAYS = 14


@dataclass(frozen=True, slots=True)
class Tally:
    attempts: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0

    def add(self, right: bool) -> Tally:
        return Tally(self.attempts + 1, self.correct + int(right))


@dataclass(frozen=True, slots=True)
class ItemTally:
    item_id: str
    label: str
    tally: Tally
    last_outcome: str
    in_pack: bool = True


@dataclass(frozen=True, slots=True)
class Stats:
    total: Tally
    by_day: tuple[tuple[date, Tally], ...]
    by_kind: dict[str, Tally]
    weakest: tuple[ItemTally, ...]
    streak_days: int
    due_today: int
    due_week: int
    overrides: tuple[Attempt, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        def tally(t: Tally) -> dict[str, object]:
            return {"attempts": t.attempts, "correct": t.correct, "accuracy": round(t.accuracy, 3)}

        return {
            "total": tally(self.total),
            "by_day": [{"day": day.isoformat(), **tally(t)} for day, t in self.by_day],
            "by_kind": {kind: tally(t) for kind, t in sorted(self.by_kind.items())},
            "weakest": [
                {
                    "item_id": w.item_id,
                    "label": w.label,
                    "in_pack": w.in_pack,
                    "last_outcome": w.last_outcome,
                    **tally(w.tally),
                }
                for w in self.weakest
            ],
            "streak_days": self.streak_days,
            "due_today": self.due_today,
            "due_this_week": self.due_week,
        }


def is_right(attempt: Attempt) -> bool:
    return attempt.outcome == "correct" or attempt.overridden


def compute(
    attempts: Iterable[Attempt],
    now: datetime,
    *,
    labels: Mapping[str, str] | None = None,
    due_today: int = 0,
    due_week: int = 0,
    chart_days: int = CHART_DAYS,
) -> Stats:
    """Stats over `attempts`. `labels` maps the pack's current item ids to readable names;
    items missing from it were renamed or removed from the pack and are marked so."""
    zone = now.tzinfo
    total = Tally()
    per_day: dict[date, Tally] = defaultdict(Tally)
    per_kind: dict[str, Tally] = defaultdict(Tally)
    per_item: dict[str, Tally] = defaultdict(Tally)
    last: dict[str, str] = {}
    overrides: list[Attempt] = []
    for attempt in attempts:
        right = is_right(attempt)
        total = total.add(right)
        day = attempt.at.astimezone(zone).date()
        per_day[day] = per_day[day].add(right)
        per_kind[attempt.kind] = per_kind[attempt.kind].add(right)
        per_item[attempt.item_id] = per_item[attempt.item_id].add(right)
        last[attempt.item_id] = attempt.outcome
        if attempt.overridden:
            overrides.append(attempt)

    today = now.date()
    days = tuple(
        (day, per_day.get(day, Tally()))
        for day in (today - timedelta(days=offset) for offset in range(chart_days - 1, -1, -1))
    )
    return Stats(
        total=total,
        by_day=days,
        by_kind=dict(per_kind),
        weakest=_weakest(per_item, last, labels),
        streak_days=_streak(set(per_day), today),
        due_today=due_today,
        due_week=due_week,
        overrides=tuple(overrides),
    )


def _weakest(
    per_item: Mapping[str, Tally], last: Mapping[str, str], labels: Mapping[str, str] | None
) -> tuple[ItemTally, ...]:
    ranked = sorted(
        per_item.items(),
        key=lambda pair: (pair[1].accuracy, -pair[1].attempts, pair[0]),
    )
    out = []
    for item_id, tally in ranked:
        if tally.accuracy >= 1.0:
            break
        in_pack = labels is None or item_id in labels
        label = labels.get(item_id, item_id) if labels else item_id
        out.append(ItemTally(item_id, label, tally, last[item_id], in_pack))
        if len(out) == WEAKEST_LIMIT:
            break
    return tuple(out)


def _streak(days: set[date], today: date) -> int:
    """Days in a row with practice, ending today, or yesterday if not yet today."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def accuracy_chart(by_day: Iterable[tuple[date, Tally]], height: int = 5) -> list[str]:
    """Accuracy per day as a text bar chart, one column per day; '·' marks a day off.

    Row r, day d is at ``rows[r][5 + 2 * d]``: a five-character axis label, then a cell and
    a space per day.

    Plain characters, so it shows the same in a terminal, a log and a test.
    """
    days = list(by_day)
    blocks = " ▁▂▃▄▅▆▇█"
    rows: list[str] = []
    for level in range(height, 0, -1):
        row = []
        for _day, tally in days:
            if not tally.attempts:
                row.append("·" if level == 1 else " ")
                continue
            filled = tally.accuracy * height
            if level == 1 and filled < 1 / 8:
                row.append("▁")  # practised, all wrong: still visibly a day of practice
            elif filled >= level:
                row.append("█")
            elif filled > level - 1:
                row.append(blocks[round((filled - (level - 1)) * 8)])
            else:
                row.append(" ")
        # The axis reads from 0% at the bottom to 100% at the top, like any bar chart.
        label = {height: "100% ", 1: "  0% "}.get(level, "     ")
        rows.append(label + " ".join(row))
    if days:
        first, last = days[0][0], days[-1][0]
        rows.append(f"     {first:%d %b}" + f"{last:%d %b}".rjust(max(0, 2 * len(days) - 7)))
    return rows


def pack_stats(store: ProgressStore, pack: Pack, now: datetime) -> Stats:
    """A pack's stats from the store: labels and due counts for the items it has now."""
    labels = {item.id: item.label for item in pack}
    end_of_today = now.replace(hour=23, minute=59, second=59, microsecond=999_999)
    return compute(
        store.attempts(pack.id),
        now,
        labels=labels,
        due_today=store.due_count(pack.id, end_of_today, labels),
        due_week=store.due_count(pack.id, now + timedelta(days=7), labels),
    )


def due_items(store: ProgressStore, pack: Pack, now: datetime) -> tuple[str, ...]:
    """The pack's items due by `now`, most overdue first: what review mode asks.

    Only items the pack still has: a renamed or removed item's card stays in the store but
    is never asked for.
    """
    return tuple(card.item_id for card in store.due(pack.id, now, [item.id for item in pack]))
