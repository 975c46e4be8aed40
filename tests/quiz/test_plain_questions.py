"""The pack's own questions in the quiz: a mode of their own, and in mixed and review.

A question is asked with the instructor's prompt as written and graded against its own key;
nothing the quiz says about it may assume an argument or an author.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SMALL_PACK
from tests.quiz.fakes import Ticker
from trainer.commands.headless import serve
from trainer.locations import builtin_pack_dir
from trainer.packs import Kind, Pack, load_pack
from trainer.quiz import Mode, QuestionKind, Session, plan
from trainer.quiz.hints import hint_steps
from trainer.quiz.review import questions_for

QUESTION_PACK = builtin_pack_dir("questions-geography")
ARGUMENT_WORDS = re.compile(r"\b(?:author|argument|argues|article|thesis|claim)\b", re.I)
"""Words that would assume an argument where a pack of questions has none."""


@pytest.fixture(scope="module")
def bank() -> Pack:
    return load_pack(QUESTION_PACK)


@pytest.fixture
def both(tmp_path: Path) -> Pack:
    """The small argument pack with two questions of its own."""
    target = tmp_path / "both"
    target.mkdir()
    (target / "article.txt").write_bytes((SMALL_PACK / "article.txt").read_bytes())
    text = (SMALL_PACK / "pack.yaml").read_text(encoding="utf-8").rstrip("\n")
    text += """
questions:
  - id: capital
    prompt: What is the capital of France?
    answer: {canonical: Paris, short_ok: true}
  - id: river
    prompt: Which river flows through London?
    answer: {canonical: The Thames, accept: [Thames], short_ok: true}
"""
    (target / "pack.yaml").write_text(text, encoding="utf-8")
    return load_pack(target)


def test_the_questions_mode_asks_each_question_as_written(bank: Pack) -> None:
    questions = plan(bank, Mode.QUESTIONS, seed=3)
    assert sorted(q.subject for q in questions) == sorted(item.id for item in bank)
    for question in questions:
        item = bank.item(question.subject)
        assert question.kind is QuestionKind.QUESTION and question.targets == (item.id,)
        assert question.prompt == item.text and question.need == 1 and not question.more
    assert [q.id for q in plan(bank, Mode.QUESTIONS, seed=3)] == [q.id for q in questions]


def test_a_prompt_that_names_its_answer_on_purpose_is_asked_as_written(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(
        'format: 1\nid: choice\ntitle: Choices\nversion: "1"\nquestions:\n'
        "  - id: nile\n    prompt: Which is longer, the Nile or the Amazon?\n"
        "    answer: {canonical: The Nile, short_ok: true}\n",
        encoding="utf-8",
    )
    [question] = plan(load_pack(tmp_path), Mode.QUESTIONS, seed=1)
    assert question.prompt == "Which is longer, the Nile or the Amazon?"


def test_a_pack_of_questions_only_runs_questions_mixed_and_review_and_nothing_else(
    bank: Pack,
) -> None:
    runs = {mode for mode in Mode if plan(bank, mode, seed=1)}
    assert runs == {Mode.QUESTIONS, Mode.MIXED, Mode.REVIEW}
    assert {q.kind for q in plan(bank, Mode.MIXED, seed=1)} == {QuestionKind.QUESTION}


def test_mixed_asks_the_questions_among_the_argument_and_review_asks_them_when_due(
    both: Pack,
) -> None:
    mixed = plan(both, Mode.MIXED, seed=2)
    kinds = {q.kind for q in mixed}
    assert QuestionKind.QUESTION in kinds and QuestionKind.THESIS in kinds
    assert {q.subject for q in mixed if q.kind is QuestionKind.QUESTION} == {"capital", "river"}
    assert [q.id for q in plan(both, Mode.QUESTIONS, seed=2)] in (
        ["question:capital", "question:river"],
        ["question:river", "question:capital"],
    )
    due = questions_for(both, ["river", "cost", "capital"])
    assert [q.id for q in due] == ["question:river", "premises:thesis", "question:capital"]


def test_a_question_is_graded_against_its_own_key(both: Pack) -> None:
    session = Session(both, Mode.QUESTIONS, seed=1, clock=Ticker())
    first = session.start()[-1].to_json()
    asked = both.item(first["item_id"])
    wrong = "Paris" if asked.id == "river" else "The Thames"
    events = [e.to_json() for e in session.answer(wrong)]
    verdict, result = events[0], events[1]
    assert verdict["verdict"]["outcome"] == "incorrect" and result["outcome"] == "incorrect"
    assert result["missed"] == [
        {"id": asked.id, "text": asked.text, "answer": asked.answer.canonical}
    ]
    following = events[-1]
    assert following["type"] == "question" and following["item_id"] != asked.id
    model = both.item(following["item_id"]).answer.canonical
    graded = [e.to_json() for e in session.answer(model)]
    assert graded[0]["verdict"]["outcome"] == "correct" and graded[1]["outcome"] == "correct"


def test_nothing_the_quiz_says_of_a_question_assumes_an_argument(bank: Pack) -> None:
    for question in plan(bank, Mode.MIXED, seed=4):
        item = bank.item(question.subject)
        assert item.kind is Kind.QUESTION
        said = [question.prompt, question.kind.display_name, item.label, *hint_steps(item)]
        assert not [text for text in said if ARGUMENT_WORDS.search(text)], said


def play(pack: Pack, mode: str, script: str, seed: int = 5) -> list[dict[str, Any]]:
    out = io.BytesIO()
    code = serve(Session(pack, mode, seed=seed, clock=Ticker()), io.BytesIO(script.encode()), out)
    assert code == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_headless_runs_a_pack_of_questions_to_full_marks_and_names_the_kind(
    bank: Pack,
) -> None:
    script = "".join(
        bank.item(q.subject).answer.canonical + "\n" for q in plan(bank, Mode.QUESTIONS, seed=5)
    )
    events = play(bank, "questions", script)
    asked = [e for e in events if e["type"] == "question"]
    assert [e["prompt"] for e in asked] == [bank.item(e["item_id"]).text for e in asked]
    assert {e["kind"] for e in asked} == {"question"}
    summary = events[-1]
    assert summary["type"] == "summary" and summary["mode"] == "questions"
    assert summary["asked"] == len(bank) and summary["score"] == summary["max"]
    assert set(summary["by_kind"]) == {"question"}
    assert summary["by_kind"]["question"]["correct"] == len(bank)
