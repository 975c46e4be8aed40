"""A timed round (`spar`): the other side's points under a clock, late answers, the flow sheet,
and the confidence a student states with an answer. A hand-set clock makes every time exact.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from tests.quiz.fakes import FakeGrader, make_pack, of_type
from trainer.commands.headless import serve
from trainer.confidence import Confidence
from trainer.quiz import Event, Mode, QuestionKind, Session


class HandClock:
    """Time moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def spar(seconds: float | None = None) -> tuple[Session, HandClock, list[Event]]:
    pack = make_pack()
    clock = HandClock()
    session = Session(
        pack, Mode.SPAR, seed=4, grader=FakeGrader(pack), clock=clock, seconds=seconds
    )
    return session, clock, session.start()


def only(events: list[Event], kind: str) -> dict[str, Any]:
    [event] = of_type(events, kind)
    return event


def point_of(session: Session) -> str:
    assert session.current is not None
    return session.current.id


RIGHT = {
    "rebuttal:equality": "Wealth still shows in phones.",
    "rebuttal:smart": "Looking smart is not learning.",
    "author_reply:hide-wealth": "Wealth still shows anyway.",
}


def test_a_round_puts_the_other_sides_points_each_with_a_clock() -> None:
    session, _, events = spar()
    kinds = {q.kind for q in session.questions}
    assert kinds == {QuestionKind.REBUTTAL, QuestionKind.AUTHOR_REPLY}
    assert len(session.questions) == 3  # two counterarguments, one other-side argument
    question, clock = of_type(events, "question")[0], only(events, "clock")
    assert question["more"] is False  # one answer a point: the clock is on
    assert (clock["state"], clock["seconds"], clock["left"]) == ("started", 60, 60.0)
    assert clock["question"] == question["question"]


def test_an_answer_in_time_scores_in_full_and_is_not_late() -> None:
    session, clock, _ = spar()
    clock.now += 30
    events = session.answer(RIGHT[point_of(session)])
    verdict, result = only(events, "verdict"), only(events, "result")
    assert (verdict["late"], result["score"]) == (False, 100)
    assert not of_type(events, "clock") or only(events, "clock")["state"] == "started"


def test_an_answer_after_the_clock_is_graded_marked_late_and_worth_less() -> None:
    session, clock, _ = spar(seconds=10)
    clock.now += 10.5
    events = session.answer(RIGHT[point_of(session)])
    expired, verdict, result = events[0].to_json(), only(events, "verdict"), only(events, "result")
    assert (expired["type"], expired["state"], expired["left"]) == ("clock", "expired", 0.0)
    assert verdict["verdict"]["outcome"] == "correct" and verdict["late"] is True
    assert result["score"] == 50  # ScoringRules.late_share of 100


def test_the_clock_runs_out_once_and_says_so_when_asked() -> None:
    session, clock, _ = spar(seconds=10)
    clock.now += 4
    assert session.tick() == []
    running = only(session.clock(), "clock")
    assert (running["state"], running["left"]) == ("running", 6.0)
    clock.now += 7
    [expired] = session.tick()
    assert expired.to_json()["state"] == "expired"
    assert session.tick() == []  # said once
    again = only(session.clock(), "clock")  # asked for: says it again
    assert again["state"] == "expired"
    # The next point starts a fresh clock.
    events = session.skip()
    assert only(events, "clock")["state"] == "started"
    assert session.tick() == []


def test_a_session_that_is_not_a_round_has_no_clock() -> None:
    pack = make_pack()
    session = Session(pack, Mode.REBUTTALS, seed=1, grader=FakeGrader(pack), clock=HandClock())
    events = session.start()
    assert not of_type(events, "clock")
    assert only(session.clock(), "error")["code"] == "no_clock"
    assert session.tick() == []


def test_the_flow_sheet_lists_each_point_with_the_answer_the_reply_and_what_to_drill() -> None:
    session, clock, _ = spar(seconds=20)
    first = point_of(session)
    clock.now += 5
    session.answer(RIGHT[first])
    second = point_of(session)
    clock.now += 25
    session.answer("no idea at all")
    third = point_of(session)
    clock.now += 3
    events = session.skip() + session.next()  # next: past the chance to override the miss
    flow, summary = events[-2].to_json(), events[-1].to_json()
    assert (flow["type"], summary["type"]) == ("flow", "summary")
    rows = {row["point"]: row for row in flow["rows"]}
    pack = make_pack()
    subject = {q.id: q.subject for q in session.questions}
    one, two, three = rows[subject[first]], rows[subject[second]], rows[subject[third]]
    assert (one["outcome"], one["late"], one["seconds"]) == ("correct", False, 5.0)
    assert one["answer"] == RIGHT[first]
    assert (two["outcome"], two["late"], two["answer"]) == ("incorrect", True, "no idea at all")
    assert (three["outcome"], three["answer"]) == ("skipped", "")
    assert two["said"] == pack.item(subject[second]).text
    # The reply shown is the one named, or else the author's first.
    question = next(q for q in session.questions if q.id == second)
    assert two["reply"] == pack.item(question.targets[0]).answer.canonical
    assert flow["drill"] == [subject[second], subject[third]]
    assert flow["seconds"] == 20


@pytest.mark.parametrize("seconds", [0, 4, 3601])
def test_a_point_s_time_is_bounded(seconds: float) -> None:
    with pytest.raises(ValueError, match="5 to 3600 seconds"):
        spar(seconds)


def test_a_stated_confidence_is_in_the_verdict_and_absent_when_not_said() -> None:
    session, _, _ = spar()
    sure = only(session.answer("nothing like it", Confidence.CERTAIN), "verdict")
    assert sure["confidence"] == "certain"
    unsaid = only(session.answer("still nothing"), "verdict")
    assert "confidence" not in unsaid


def run(script: str) -> list[dict[str, Any]]:
    pack = make_pack()
    session = Session(pack, Mode.SPAR, seed=4, grader=FakeGrader(pack), clock=HandClock())
    out = io.BytesIO()
    serve(session, io.BytesIO(script.encode()), out)
    return [json.loads(line) for line in out.getvalue().decode().splitlines()]


def test_headless_takes_a_confidence_by_name_or_key_and_refuses_any_other() -> None:
    events = run(
        '{"answer": "one", "confidence": "fairly_sure"}\n'
        '{"answer": "two", "confidence": 1}\n'
        '{"answer": "three", "confidence": "sure-ish"}\n'
        '{"answer": "four", "confidence": true}\n'
        "/clock\n"
    )
    verdicts = [e for e in events if e["type"] == "verdict"]
    assert [v.get("confidence") for v in verdicts] == ["fairly_sure", "guess"]
    errors = [e for e in events if e["type"] == "error"]
    assert [(e["code"], e["line"]) for e in errors] == [
        ("bad_confidence", 3),
        ("bad_confidence", 4),
    ]
    assert "sure-ish" in errors[0]["input"]
    clock = [e for e in events if e["type"] == "clock" and e["state"] == "running"]
    assert len(clock) == 1


def test_a_point_put_again_starts_its_clock_and_its_time_from_then() -> None:
    session, clock, _ = spar(seconds=10)
    clock.now += 30  # the student was still reading the last result
    restarted = session.restart_clock()
    assert [e.to_json()["state"] for e in restarted] == ["started"]
    assert session.time_left() == 10.0
    clock.now += 4
    events = session.answer(RIGHT[point_of(session)])
    assert only(events, "verdict")["late"] is False
    assert only(events, "result")["took"] == 4.0
    assert session.current is not None  # the next point: partly answered
    target = make_pack().item(session.current.targets[0])
    partly = only(session.answer(target.answer.concepts.groups[0].terms[0]), "verdict")
    assert partly["state"] == "say_more"
    assert session.restart_clock() == []  # not once an answer has been given
