"""Review that follows the argument: a lapse brings forward what stands on it (issue 15).

Every time is explicit, and scheduling has no fuzz, so the order of the next review is
exact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.progress import Attempt, ProgressStore
from trainer.progress.linked import review_plan, standing_on
from trainer.progress.stats import due_items
from trainer.quiz.review import questions_for

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)


def _item(item_id: str, kind: Kind, answer: str, ref: str = "") -> Item:
    return Item(id=item_id, kind=kind, text=answer, answer=Answer(answer), path=item_id, ref=ref)


def pluto() -> Pack:
    """A pack on another subject than the built-in one: Pluto is not a planet."""
    items = (
        _item("thesis", Kind.THESIS, "Pluto is not a planet"),
        _item("orbit", Kind.PREMISE, "Pluto has not cleared its orbit"),
        _item("small", Kind.PREMISE, "Pluto is smaller than the Moon"),
        _item("belt", Kind.EVIDENCE, "Pluto shares its orbit with the Kuiper belt", "orbit"),
        _item("history", Kind.COUNTERARGUMENT, "Pluto was called a planet for 76 years"),
        _item("names", Kind.REBUTTAL, "Ceres was called a planet too, then demoted", "history"),
        _item("science", Kind.REBUTTAL, "Science revises names as it learns", "history"),
        _item("round", Kind.COUNTERARGUMENT, "Pluto is round like the planets"),
        _item("moons", Kind.REBUTTAL, "Many moons are round and are not planets", "round"),
        _item("conclusion", Kind.CONCLUSION, "Pluto is a dwarf planet"),
    )
    return Pack(id="pluto", title="Is Pluto a planet?", version="1", items=items)


def answer(store: ProgressStore, pack: Pack, item: str, outcome: str, at: datetime) -> int:
    kind = pack.item(item).kind.value
    attempt = Attempt(pack.id, pack.version, item, kind, "mixed", "x", outcome, 50, at)
    return store.record(attempt, standing_on(pack, item)).attempt_id


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    """Every item of the Pluto pack answered right once, on day 0."""
    pack = pluto()
    opened = ProgressStore(tmp_path / "p.sqlite3", fuzz=False)
    for minute, item in enumerate(pack):
        answer(opened, pack, item.id, "correct", T0 + timedelta(minutes=minute))
    yield opened
    opened.close()


LAPSE = T0 + timedelta(days=1)
NEXT = LAPSE + timedelta(minutes=1)
"""The next review: a minute after the lapse, before FSRS has anything due."""


def test_stands_on_follows_the_packs_relations() -> None:
    pack = pluto()
    assert standing_on(pack, "orbit") == ("thesis", "conclusion", "belt")
    assert standing_on(pack, "history") == ("names", "science")
    assert standing_on(pack, "names") == ("science",)  # the other answer to the same point
    assert standing_on(pack, "moons") == ("round",)  # no other answer: the point itself
    assert standing_on(pack, "thesis") == ()
    assert standing_on(pack, "gone") == ()


def test_a_premise_lapsing_brings_the_thesis_forward_first_and_says_why(
    store: ProgressStore,
) -> None:
    pack = pluto()
    assert due_items(store, pack, NEXT) == ()  # before any lapse, nothing is due yet
    answer(store, pack, "orbit", "incorrect", LAPSE)
    plan = review_plan(store, pack, NEXT)
    assert plan.items == ("thesis", "conclusion", "belt")
    assert (
        plan.why["thesis"]
        == "You missed \u201cPluto has not cleared its orbit\u201d; the thesis rests on it."
    )
    assert plan.why["conclusion"].endswith("; the conclusion rests on it.")
    assert plan.why["belt"].endswith("; this evidence backs it.")
    # Ten minutes on, the lapsed premise itself is due too (FSRS), after what stands on it.
    later = LAPSE + timedelta(minutes=11)
    assert due_items(store, pack, later) == ("thesis", "conclusion", "belt", "orbit")


def test_with_linked_review_off_the_order_is_plain_fsrs(store: ProgressStore) -> None:
    pack = pluto()
    answer(store, pack, "orbit", "incorrect", LAPSE)
    later = LAPSE + timedelta(minutes=11)
    assert due_items(store, pack, later, linked=False) == ("orbit",)
    month = T0 + timedelta(days=60)  # everything is due by FSRS: most overdue first
    plain = tuple(card.item_id for card in store.due(pack.id, month, [i.id for i in pack]))
    assert due_items(store, pack, month, linked=False) == plain
    assert due_items(store, pack, month)[:3] == ("thesis", "conclusion", "belt")
    assert plain[:3] != ("thesis", "conclusion", "belt")


def test_a_counterargument_lapsing_brings_its_rebuttals_forward(store: ProgressStore) -> None:
    pack = pluto()
    answer(store, pack, "history", "skipped", LAPSE)  # skipped is a lapse too
    plan = review_plan(store, pack, NEXT)
    assert plan.items == ("names", "science")
    assert plan.why["names"] == (
        "You missed \u201cPluto was called a planet for 76 years\u201d; this rebuttal answers it."
    )


def test_a_rebuttal_lapsing_brings_its_other_rebuttals_or_else_its_point(
    store: ProgressStore,
) -> None:
    pack = pluto()
    answer(store, pack, "names", "incorrect", LAPSE)
    answer(store, pack, "moons", "incorrect", LAPSE + timedelta(seconds=1))
    plan = review_plan(store, pack, NEXT)
    assert plan.items == ("science", "round")  # earliest lapse first
    assert (
        "another answer to \u201cPluto was called a planet for 76 years\u201d"
        in plan.why["science"]
    )
    assert plan.why["round"].startswith("You missed \u201cMany moons are round")


def test_answering_the_item_or_taking_back_the_lapse_ends_the_bringing_forward(
    store: ProgressStore,
) -> None:
    pack = pluto()
    answer(store, pack, "orbit", "incorrect", LAPSE)
    answer(store, pack, "thesis", "correct", LAPSE + timedelta(seconds=30))
    assert review_plan(store, pack, NEXT).items == ("conclusion", "belt")
    lapse = answer(store, pack, "history", "incorrect", LAPSE + timedelta(seconds=40))
    assert review_plan(store, pack, NEXT).items == ("conclusion", "belt", "names", "science")
    store.override(lapse)  # "I was right": it was no lapse
    assert review_plan(store, pack, NEXT).items == ("conclusion", "belt")


def test_a_right_or_partly_right_answer_brings_nothing_forward(store: ProgressStore) -> None:
    pack = pluto()
    answer(store, pack, "orbit", "partial", LAPSE)
    answer(store, pack, "small", "correct", LAPSE)
    assert review_plan(store, pack, NEXT).items == ()


def test_an_item_the_pack_no_longer_has_is_never_brought_forward(store: ProgressStore) -> None:
    pack = pluto()
    answer(store, pack, "orbit", "incorrect", LAPSE)
    smaller = Pack(
        id=pack.id, title=pack.title, version="2", items=tuple(i for i in pack if i.id != "belt")
    )
    assert review_plan(store, smaller, NEXT).items == ("thesis", "conclusion")


def test_the_review_question_carries_the_reason_to_the_student(store: ProgressStore) -> None:
    pack = pluto()
    answer(store, pack, "history", "incorrect", LAPSE)
    plan = review_plan(store, pack, NEXT)
    [question] = questions_for(pack, plan.items, plan.why)  # one question asks both rebuttals
    assert question.targets == ("names", "science")
    assert question.why == plan.why["names"]
    assert all(not q.why for q in questions_for(pack, plan.items))


def test_a_store_from_before_linked_review_migrates_with_nothing_lost(tmp_path: Path) -> None:
    import sqlite3

    from trainer.progress.schema import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "progress.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:5]:
        db.executescript(script)
    db.execute(
        "INSERT INTO attempts (at, pack_id, pack_version, item_id, kind, mode, answer, outcome, "
        "score, confidence) VALUES ('2026-05-04T08:00:00.000000+00:00', 'pluto', '1', 'orbit', "
        "'premise', 'mixed', 'old', 'incorrect', 10, 'certain')"
    )
    db.execute("PRAGMA user_version = 5")
    db.close()
    pack = pluto()
    with ProgressStore(path, fuzz=False) as old:
        assert old._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        assert [(a.answer, a.confidence) for a in old.attempts()] == [("old", "certain")]
        assert old.brought_forward(pack.id, NEXT) == []  # lapses from before link nothing
        answer(old, pack, "orbit", "incorrect", LAPSE)
        assert review_plan(old, pack, NEXT).items[:2] == ("thesis", "conclusion")
