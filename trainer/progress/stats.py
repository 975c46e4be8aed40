"""What a student wants to know about their practice: how often right, where weak, what's due.

Pure functions over attempts, so the CLI, the stats screen and the tests agree. Days are
counted in the time zone of the `now` passed in: a student's "today" is local.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from trainer.packs.model import Pack
from trainer.progress.calibration import Calibration, calibration, counts_of, day_shift
from trainer.progress.history import stored_time
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
    due_now: int = 0
    """Due already: what review mode asks now (the home screen shows the same counts)."""
    calibration: Calibration = field(default_factory=Calibration)
    """How sure the student said they were, against how often right (`calibration`)."""

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
            "due_now": self.due_now,
            "due_today": self.due_today,
            "due_this_week": self.due_week,
            "calibration": self.calibration.to_json(),
        }


@dataclass(frozen=True, slots=True)
class DueCounts:
    """How many of a pack's items are due for review: by now, by the end of today, and
    within seven days (each count includes the one before). Home and Stats both show these,
    from `due_counts`, so they cannot disagree."""

    now: int
    today: int
    week: int


def due_counts(store: ProgressStore, pack: Pack, now: datetime) -> DueCounts:
    """The student's due counts for the items the pack has now."""
    ids = [item.id for item in pack]
    end_of_today = now.replace(hour=23, minute=59, second=59, microsecond=999_999)
    return DueCounts(
        now=store.due_count(pack.id, now, ids),
        today=store.due_count(pack.id, end_of_today, ids),
        week=store.due_count(pack.id, now + timedelta(days=7), ids),
    )


def is_right(attempt: Attempt) -> bool:
    return attempt.outcome == "correct" or attempt.overridden


def compute(
    attempts: Iterable[Attempt],
    now: datetime,
    *,
    labels: Mapping[str, str] | None = None,
    due_today: int = 0,
    due_week: int = 0,
    due_now: int = 0,
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
    said: list[Attempt] = []
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
        if attempt.confidence is not None:
            said.append(attempt)

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
        due_now=due_now,
        calibration=calibration(counts_of(said, now)),
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
    """A pack's stats from the store: labels and due counts for the items it has now.

    The same figures as `compute` over `store.attempts(pack.id)`, but SQLite does the
    counting (`trainer.progress.history`): one grouped pass over the pack's attempts, a
    range look-up per day of the chart and of the streak, and the last outcome of the few
    weakest items only, so a long history costs one scan and no object per attempt.
    """
    labels = {item.id: item.label for item in pack}
    history = store.history()
    total = Tally()
    per_kind: dict[str, Tally] = {}
    per_item: dict[str, Tally] = {}
    overridden: list[int] = []
    for group in history.tallies(pack.id):
        overridden.extend(group.overridden)
        tally = Tally(group.attempts, group.right)
        total = _plus(total, tally)
        per_kind[group.kind] = _plus(per_kind.get(group.kind, Tally()), tally)
        per_item[group.item_id] = _plus(per_item.get(group.item_id, Tally()), tally)
    zone = now.tzinfo
    today = now.date()

    def midnight(day: date) -> datetime:
        # As `compute` reads days: in `now`'s zone, or the system's when `now` is naive.
        start = datetime.combine(day, time(), tzinfo=zone)
        return start if zone is not None else start.astimezone()

    def day_range(day: date) -> tuple[str, str]:
        return stored_time(midnight(day)), stored_time(midnight(day + _ONE_DAY))

    by_day = tuple(
        (day, Tally(*history.tally_between(pack.id, *day_range(day))))
        for day in (today - timedelta(days=offset) for offset in range(CHART_DAYS - 1, -1, -1))
    )
    streak = _streak_from(lambda day: history.practised_between(pack.id, *day_range(day)), today)
    last = {item_id: history.last_outcome(pack.id, item_id) for item_id in _weakest_ids(per_item)}
    due = due_counts(store, pack, now)
    return Stats(
        total=total,
        by_day=by_day,
        by_kind=per_kind,
        weakest=_weakest(per_item, last, labels),
        streak_days=streak,
        due_today=due.today,
        due_week=due.week,
        overrides=history.attempts_with_ids(overridden),
        due_now=due.now,
        calibration=calibration(history.calibration_counts(pack.id, day_shift(now))),
    )


_ONE_DAY = timedelta(days=1)


def _plus(one: Tally, other: Tally) -> Tally:
    return Tally(one.attempts + other.attempts, one.correct + other.correct)


def _weakest_ids(per_item: Mapping[str, Tally]) -> list[str]:
    """The items `_weakest` will list, found without their last outcomes."""
    ranked = sorted(
        per_item.items(), key=lambda pair: (pair[1].accuracy, -pair[1].attempts, pair[0])
    )
    return [item_id for item_id, tally in ranked[:WEAKEST_LIMIT] if tally.accuracy < 1.0]


def _streak_from(practised: Callable[[date], bool], today: date) -> int:
    """`_streak`, asking day by day: as many look-ups as the streak is long."""
    day = today if practised(today) else today - _ONE_DAY
    count = 0
    while practised(day):
        count += 1
        day -= _ONE_DAY
    return count


def due_items(
    store: ProgressStore, pack: Pack, now: datetime, *, linked: bool = True
) -> tuple[str, ...]:
    """The pack's items due by `now`: what review mode asks. First what a lapse brought
    forward (`trainer.progress.linked`, unless `linked` is off), then what FSRS says is
    due, most overdue first.

    Only items the pack still has: a renamed or removed item's card stays in the store but
    is never asked for.
    """
    from trainer.progress.linked import review_plan

    return review_plan(store, pack, now, linked=linked).items
