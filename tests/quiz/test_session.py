"""The session as a user meets it: what each answer, hint, skip, give-up and override does.

A fake grader with plain rules (tests/quiz/fakes.py) keeps these tests about the session.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.quiz.fakes import FakeGrader, Ticker, make_pack, of_type
from trainer.packs.model import Pack
from trainer.quiz import Event, Mode, Phase, QuestionKind, Session, questions_of_kind
from trainer.quiz.protocols import GraderLike


def questions(pack: Pack, kind: QuestionKind, subject: str | None = None) -> list[Any]:
    found = [q for q in questions_of_kind(pack, kind) if subject in (None, q.subject)]
    assert found, (kind, subject)
    return found


def start(
    *wanted: tuple[QuestionKind, str | None], step: float = 2.0
) -> tuple[Session, FakeGrader, list[Event]]:
    pack = make_pack()
    grader = FakeGrader(pack)
    asked = [q for kind, subject in wanted for q in questions(pack, kind, subject)]
    session = Session(pack, Mode.MIXED, seed=1, questions=asked, grader=grader, clock=Ticker(step))
    return session, grader, session.start()


def only(events: list[Event], kind: str) -> dict[str, Any]:
    [event] = of_type(events, kind)
    return event


# -- recall: premises and counterarguments ------------------------------------------------


def test_premises_are_named_one_at_a_time_each_against_those_not_yet_named() -> None:
    session, grader, events = start((QuestionKind.PREMISES, None))
    question = only(events, "question")
    assert question["prompt"] == ("Name the premises behind the author's thesis (3).")
    assert (question["expects"], question["number"], question["total"]) == (3, 1, 1)

    before = len(grader.calls)
    first = only(session.answer("Uniforms cost too much."), "verdict")
    assert first["verdict"]["outcome"] == "correct"
    assert (first["state"], first["named"], first["remaining"]) == ("answer", 1, 2)
    assert grader.calls[before][1] == ("cost", "bullying", "learning")
    # A right answer is then checked against each premise left, in case it names two.
    assert [ids for _, ids in grader.calls[before + 1 :]] == [("bullying",), ("learning",)]
    assert "also_named" not in first

    # Naming it again does not count twice, and is not held against the premises left.
    again = session.answer("uniforms cost too much")
    assert grader.calls[-2][1] == ("bullying", "learning")
    assert grader.calls[-1][1] == ("cost",)  # then checked against those already named
    error = only(again, "error")
    assert error["code"] == "already_named"
    assert "Uniforms cost too much." in error["message"]
    assert not of_type(again, "verdict") and session.phase is Phase.ANSWER

    session.answer("Bullying moves elsewhere.")
    events = session.answer("clothes do not help learning")
    result = only(events, "result")
    assert (result["outcome"], result["score"], result["max"]) == ("correct", 300, 300)
    assert result["named"] == ["cost", "bullying", "learning"] and result["missed"] == []
    assert events[-1].type == "summary"  # the last question, nothing to override: done


def test_giving_up_on_recall_keeps_what_was_named_and_shows_the_rest() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None), (QuestionKind.EVIDENCE, None))
    session.answer("Uniforms cost too much.")
    events = session.give_up()
    result = only(events, "result")
    assert (result["outcome"], result["score"], result["max"]) == ("gave_up", 100, 300)
    assert result["missed"] == [
        {
            "id": "bullying",
            "text": "Bullying moves elsewhere.",
            "answer": "Bullying moves elsewhere.",
        },
        {
            "id": "learning",
            "text": "Clothes do not help learning.",
            "answer": "Clothes do not help learning.",
        },
    ]
    assert only(events, "question")["kind"] == "evidence"


def test_skipping_moves_on_without_showing_the_answers() -> None:
    session, _, _ = start((QuestionKind.COUNTERARGUMENTS, None), (QuestionKind.EVIDENCE, None))
    result = only(session.skip(), "result")
    assert (result["outcome"], result["score"]) == ("skipped", 0)
    assert result["missed"] == [{"id": "equality"}, {"id": "smart"}]


# -- one-answer questions, "say more" -----------------------------------------------------


def test_a_partial_answer_earns_one_say_more_try_graded_with_the_first() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "smart"), (QuestionKind.EVIDENCE, None))
    partial = only(session.answer("smart"), "verdict")
    assert (partial["verdict"]["outcome"], partial["state"]) == ("partial", "say_more")

    events = session.answer("learning")
    verdict = only(events, "verdict")
    assert verdict["graded"] == "smart learning" and verdict["answer"] == "learning"
    assert (verdict["verdict"]["outcome"], verdict["state"]) == ("correct", "done")
    result = only(events, "result")
    assert (result["outcome"], result["score"]) == ("correct", 75)


def test_a_second_try_scores_the_same_whether_it_adds_a_word_or_repeats_the_answer() -> None:
    # Issue 13, item 6: the addition alone ("learning") scored 75 while the whole answer
    # typed again (graded on its own, better than the combination) scored 100.
    scores = []
    for second in ("learning", "Looking smart is not learning."):
        session, _, _ = start((QuestionKind.REBUTTAL, "smart"), (QuestionKind.EVIDENCE, None))
        session.answer("smart")
        scores.append(only(session.answer(second), "result")["score"])
    assert scores == [75, 75]


def test_a_say_more_try_that_names_another_premise_scores_it_in_full() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None))
    session.answer("expensive")
    session.answer("Bullying moves elsewhere.")  # not an addition: another premise, first try
    session.answer("Uniforms cost too much.")
    result = only(session.answer("Clothes do not help learning."), "result")
    assert result["score"] == 300


def test_still_partial_after_saying_more_ends_with_half_marks_and_the_model_answer() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "smart"), (QuestionKind.EVIDENCE, None))
    session.answer("smart")
    result = only(session.answer("no idea"), "result")
    assert (result["outcome"], result["score"]) == ("partial", 50)
    assert result["missed"][0]["answer"] == "Looking smart is not learning."


def test_an_empty_line_after_a_partial_answer_settles_for_it() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "smart"), (QuestionKind.EVIDENCE, None))
    session.answer("smart")
    result = only(session.answer(""), "result")
    assert (result["outcome"], result["score"]) == ("partial", 50)


def test_a_wrong_answer_ends_a_one_answer_question() -> None:
    session, _, _ = start((QuestionKind.EVIDENCE, None), (QuestionKind.WHO_SAID, None))
    events = session.answer("a lot")
    assert [e.type for e in events] == ["verdict", "result", "question"]
    assert only(events, "result")["outcome"] == "incorrect"


def test_saying_more_in_recall_may_name_another_premise_instead() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None))
    assert only(session.answer("expensive"), "verdict")["state"] == "say_more"
    verdict = only(session.answer("Bullying moves elsewhere."), "verdict")
    assert verdict["item_id"] == "bullying" and verdict["graded"] == "Bullying moves elsewhere."
    assert (verdict["verdict"]["outcome"], verdict["state"]) == ("correct", "answer")


def test_an_empty_answer_is_an_error_not_an_attempt() -> None:
    session, grader, _ = start((QuestionKind.EVIDENCE, None))
    error = only(session.answer("   "), "error")
    assert error["code"] == "empty_answer"
    assert grader.calls == [] and session.phase is Phase.ANSWER


# -- rebuttals: one counts, more are welcome ----------------------------------------------


def test_after_one_rebuttal_the_user_may_give_more() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "equality"), (QuestionKind.EVIDENCE, None))
    first = only(session.answer("Wealth still shows in phones."), "verdict")
    assert (first["state"], first["remaining"]) == ("more", 1)
    events = session.answer("uniforms cost poor families most")
    result = only(events, "result")
    assert (result["outcome"], result["score"], result["max"]) == ("correct", 100, 100)
    assert result["named"] == ["phones", "poor-pay"]


def test_giving_the_same_rebuttal_again_is_said_to_be_named_already() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "equality"), (QuestionKind.EVIDENCE, None))
    session.answer("Wealth still shows in phones.")
    again = session.answer("wealth still shows in phones")
    assert only(again, "error")["code"] == "already_named"
    assert session.phase is Phase.MORE  # still waiting for another answer, or Enter
    result = only(session.answer(""), "result")
    assert (result["outcome"], result["score"]) == ("correct", 100)


def test_an_empty_line_moves_on_from_a_passed_rebuttal_and_shows_the_others() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "equality"), (QuestionKind.EVIDENCE, None))
    session.answer("Wealth still shows in phones.")
    wrong = only(session.answer("uniforms are comfy"), "verdict")
    assert wrong["state"] == "more"  # a wrong extra answer costs nothing
    result = only(session.answer(""), "result")
    assert (result["outcome"], result["score"]) == ("correct", 100)
    assert [m["id"] for m in result["missed"]] == ["poor-pay"]


# -- hints --------------------------------------------------------------------------------


def test_hints_come_in_steps_each_costing_points() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None))
    texts = [only(session.hint(), "hint") for _ in range(4)]
    assert [h["text"] for h in texts] == [
        "A full answer covers 2 key ideas.",
        "Think of the price.",
        "One key idea: cost.",
        "It begins: Uniforms \u2026",
    ]
    assert {h["item_id"] for h in texts} == {"cost"}
    assert [(h["level"], h["levels"], h["cost"]) for h in texts][-1] == (4, 4, 20)
    assert only(session.hint(), "error")["code"] == "no_more_hints"
    session.answer("Uniforms cost too much.")
    session.answer("Bullying moves elsewhere.")
    result = only(session.answer("Clothes do not help learning."), "result")
    assert (result["score"], result["hints"]) == (300 - 4 * 20, 4)


def test_after_a_partial_answer_the_concept_hint_names_what_was_missing() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None))
    session.answer("it is expensive")
    hints = [only(session.hint(), "hint")["text"] for _ in range(3)]
    assert hints[2] == "One key idea: money."


def test_hints_for_a_person_give_the_role_and_initials() -> None:
    session, _, _ = start((QuestionKind.WHO_SAID, None))
    hints = [only(session.hint(), "hint")["text"] for _ in range(3)]
    assert hints == [
        "She runs the school.",
        "Their role: head teacher.",
        "It begins: D\u2026 L\u2026",
    ]


def test_hints_are_free_once_a_rebuttal_question_is_passed() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "equality"), (QuestionKind.EVIDENCE, None))
    session.answer("Wealth still shows in phones.")
    hint = only(session.hint(), "hint")
    assert (hint["item_id"], hint["cost"]) == ("poor-pay", 0)
    result = only(session.next(), "result")
    assert (result["score"], result["hints"]) == (100, 1)


# -- override -----------------------------------------------------------------------------


def test_override_revises_the_question_the_wrong_answer_ended() -> None:
    session, _, _ = start((QuestionKind.REBUTTAL, "smart"), (QuestionKind.EVIDENCE, None))
    wrong = only(session.answer("uniforms are comfy"), "verdict")
    assert session.current is not None and session.current.kind is QuestionKind.EVIDENCE
    events = session.override()
    assert [e.type for e in events] == ["verdict", "result"]
    verdict = only(events, "verdict")
    assert verdict["overrides"] == wrong["seq"] and verdict["answer"] == "uniforms are comfy"
    assert verdict["verdict"]["outcome"] == "correct" and verdict["verdict"]["overridden"]
    result = only(events, "result")
    assert (result["outcome"], result["score"], result["revised"]) == ("correct", 100, True)
    assert session.current.kind is QuestionKind.EVIDENCE  # still on the next question
    assert only(session.override(), "error")["code"] == "nothing_to_override"


def test_override_of_a_partial_answer_counts_it_and_moves_on() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None))
    session.answer("expensive")
    verdict = only(session.override(), "verdict")
    assert (verdict["item_id"], verdict["state"], verdict["named"]) == ("cost", "answer", 1)


def test_override_with_nothing_to_override_is_an_error() -> None:
    session, _, _ = start((QuestionKind.EVIDENCE, None), (QuestionKind.WHO_SAID, None))
    assert only(session.override(), "error")["code"] == "nothing_to_override"
    session.answer("300 pounds a year")
    error = only(session.override(), "error")
    assert error["message"] == "The last answer is already marked correct."


def test_after_a_wrong_last_answer_the_session_waits_for_override_or_next() -> None:
    session, _, _ = start((QuestionKind.EVIDENCE, None))
    events = session.answer("a lot")
    assert [e.type for e in events] == ["verdict", "result", "review"]
    assert session.phase is Phase.REVIEW
    assert only(session.answer("300"), "error")["code"] == "quiz_over"
    events = session.override()
    assert [e.type for e in events] == ["verdict", "result", "summary"]
    summary = only(events, "summary")
    assert (summary["score"], summary["overrides"], summary["reason"]) == (100, 1, "finished")


def test_next_in_review_ends_with_the_summary() -> None:
    session, _, _ = start((QuestionKind.EVIDENCE, None))
    session.answer("a lot")
    assert only(session.next(), "summary")["score"] == 0
    assert session.finished


# -- the session as a whole -----------------------------------------------------------------


def test_summary_per_kind_and_per_item_with_times_from_the_clock() -> None:
    session, _, events = start(
        (QuestionKind.REBUTTAL, "equality"), (QuestionKind.EVIDENCE, None), step=1.5
    )
    assert events[0].to_json()["time"] == 0.0
    session.hint()  # 1.5 s
    verdict = only(session.answer("Wealth still shows in phones."), "verdict")  # 3.0 s
    assert (verdict["time"], verdict["took"], verdict["hints"]) == (3.0, 1.5, 1)
    session.next()  # 4.5 s
    session.answer("300 pounds a year")  # 6.0 s
    summary = of_type(session.events, "summary")[0]
    assert (summary["score"], summary["max"], summary["percent"]) == (180, 200, 90)
    assert summary["seconds"] == 6.0 and summary["hints"] == 1
    assert summary["outcomes"]["correct"] == 2
    assert summary["by_kind"] == {
        "evidence": {
            "questions": 1,
            "correct": 1,
            "score": 100,
            "max": 100,
            "percent": 100,
            "seconds": 1.5,
        },
        "rebuttal": {
            "questions": 1,
            "correct": 1,
            "score": 80,
            "max": 100,
            "percent": 80,
            "seconds": 4.5,
        },
    }
    phones = next(row for row in summary["by_item"] if row["item_id"] == "phones")
    assert phones == {
        "item_id": "phones",
        "kind": "rebuttal",
        "label": "Wealth still shows in phones.",
        "asked": 1,
        "correct": 1,
        "outcome": "correct",
        "points": 80,
        "max": 100,
        "hints": 1,
        "attempts": 1,
        "overridden": 0,
        "seconds": 1.5,
    }


def test_ending_mid_question_gives_the_summary_with_the_question_unfinished() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None))
    session.answer("Uniforms cost too much.")
    summary = only(session.finish("end_of_input"), "summary")
    assert summary["reason"] == "end_of_input"
    assert summary["outcomes"]["unfinished"] == 1 and summary["score"] == 100
    assert session.finish() == []  # once only


def test_sequence_numbers_count_every_event_and_every_event_names_an_item() -> None:
    session, _, _ = start((QuestionKind.PREMISES, None), (QuestionKind.EVIDENCE, None))
    session.hint()
    session.answer("nonsense")
    session.skip()
    session.answer("a lot")
    session.next()
    payloads = [e.to_json() for e in session.events]
    assert [p["seq"] for p in payloads] == list(range(1, len(payloads) + 1))
    assert all({"type", "seq", "item_id", "time"} <= set(p) for p in payloads)
    assert payloads[-1]["type"] == "summary" and payloads[-1]["item_id"] is None


def test_the_grader_is_built_only_when_the_first_answer_arrives() -> None:
    pack = make_pack()
    built: list[Pack] = []

    def factory(p: Pack) -> GraderLike:
        built.append(p)
        return FakeGrader(p)

    session = Session(pack, Mode.PREMISES, seed=3, grader_factory=factory, clock=Ticker())
    session.start()
    session.hint()
    assert built == []
    session.answer("anything")
    session.answer("anything else")
    assert built == [pack]


def test_limit_zero_gives_only_the_summary() -> None:
    session = Session(make_pack(), Mode.MIXED, seed=1, limit=0, clock=Ticker())
    [summary] = session.start()
    assert summary.to_json()["type"] == "summary" and summary.to_json()["asked"] == 0
    assert session.finished


def test_actions_outside_a_session_are_programming_errors() -> None:
    session = Session(make_pack(), Mode.MIXED, seed=1, grader=FakeGrader(make_pack()))
    with pytest.raises(RuntimeError, match="start"):
        session.answer("x")
    session.start()
    with pytest.raises(RuntimeError, match="already started"):
        session.start()
    session.finish()
    with pytest.raises(RuntimeError, match="over"):
        session.hint()


def test_one_answer_that_names_two_premises_counts_both() -> None:
    """Issue 13: the result must never list, as not given, an answer the student gave."""
    session, _, _ = start((QuestionKind.PREMISES, None))
    verdict = only(session.answer("cost money bullying elsewhere"), "verdict")
    assert verdict["verdict"]["outcome"] == "correct"
    assert verdict["also_named"] == ["bullying"]
    assert (verdict["named"], verdict["remaining"]) == (2, 1)
    events = session.give_up()
    result = only(events, "result")
    assert result["named"] == ["cost", "bullying"]
    assert [missed["id"] for missed in result["missed"]] == ["learning"]
