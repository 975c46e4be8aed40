"""The questions the built-in pack yields, and how modes order them."""

from __future__ import annotations

import pytest

from tests.quiz.fakes import make_pack
from trainer.locations import builtin_pack_dir
from trainer.packs import Kind, Pack, load_pack
from trainer.quiz import MODE_KINDS, Mode, QuestionKind, Session, plan, questions_of_kind
from trainer.quiz.giveaways import AnswerIndex, circles_of, giveaways
from trainer.quiz.hints import first_words


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(builtin_pack_dir())


def test_every_kind_of_question_comes_from_the_builtin_pack(pack: Pack) -> None:
    def kind(k: QuestionKind) -> list[tuple[str, int]]:
        return [(q.subject, len(q.targets)) for q in questions_of_kind(pack, k)]

    premises = pack.of_kind(Kind.PREMISE)
    assert kind(QuestionKind.PREMISES) == [("thesis", len(premises))]
    assert kind(QuestionKind.COUNTERARGUMENTS) == [("thesis", 3)]
    assert [n for _, n in kind(QuestionKind.REBUTTAL)] == [
        len(pack.pointing_at(c.id, Kind.REBUTTAL)) for c in pack.of_kind(Kind.COUNTERARGUMENT)
    ]
    assert len(kind(QuestionKind.WHO_SAID)) == len(pack.of_kind(Kind.QUOTE))
    speakers = {q.speaker for q in pack.of_kind(Kind.QUOTE)}
    assert len(kind(QuestionKind.WHAT_ARGUED)) == len(speakers)
    claims = {e.ref for e in pack.of_kind(Kind.EVIDENCE)}
    assert len(kind(QuestionKind.EVIDENCE)) == len(claims)
    assert len(kind(QuestionKind.ARGUE_AGAINST)) == len(
        {o.ref for o in pack.of_kind(Kind.OTHER_SIDE)}
    )
    assert len(kind(QuestionKind.AUTHOR_REPLY)) == len(pack.of_kind(Kind.OTHER_SIDE)) == 6


def test_prompts_ask_what_the_issue_asks(pack: Pack) -> None:
    def prompts(k: QuestionKind) -> list[str]:
        return [q.prompt for q in questions_of_kind(pack, k)]

    # Not quoting the thesis, whose words ("illusory benefits") answer a premise's hint.
    assert prompts(QuestionKind.PREMISES) == ["Name the premises behind the author's thesis (6)."]
    assert prompts(QuestionKind.COUNTERARGUMENTS) == [
        "Which claimed benefits does the author reject? Name them (3)."
    ]
    assert prompts(QuestionKind.REBUTTAL)[0] == (
        'The other side says: "Allowing the strikes would deter North Korea from sending more '
        'troops." How does the author answer?'
    )
    assert all(
        p.startswith('Who said "') and p.endswith('"?') for p in prompts(QuestionKind.WHO_SAID)
    )
    assert "What did Vladimir Putin (President of Russia) argue?" in prompts(
        QuestionKind.WHAT_ARGUED
    )
    assert all(
        p.startswith('What figure or event does the author give for the claim "')
        for p in prompts(QuestionKind.EVIDENCE)
    )
    assert all(
        p.startswith("Argue against the author's claim that")
        for p in prompts(QuestionKind.ARGUE_AGAINST)
    )
    assert all(
        p.startswith('How would the author reply to the argument "')
        for p in prompts(QuestionKind.AUTHOR_REPLY)
    )


def test_questions_are_graded_against_the_right_items(pack: Pack) -> None:
    who = questions_of_kind(pack, QuestionKind.WHO_SAID)
    assert all(q.targets == (pack.item(q.subject).speaker,) for q in who)
    argued = {q.subject: q.targets for q in questions_of_kind(pack, QuestionKind.WHAT_ARGUED)}
    assert all(pack.item(quote).speaker == person for person, qs in argued.items() for quote in qs)
    for q in questions_of_kind(pack, QuestionKind.EVIDENCE):
        assert all(
            pack.item(t).kind is Kind.EVIDENCE and pack.item(t).ref == q.subject for t in q.targets
        )
    for q in questions_of_kind(pack, QuestionKind.AUTHOR_REPLY):
        assert all(pack.item(t).ref == q.subject for t in q.targets)


def test_only_rebuttal_questions_take_more_answers_after_the_first(pack: Pack) -> None:
    more = {q.kind for k in QuestionKind for q in questions_of_kind(pack, k) if q.more}
    assert more == {QuestionKind.REBUTTAL}


def test_each_mode_asks_its_kinds_and_mixed_asks_them_all(pack: Pack) -> None:
    for mode in Mode:
        asked = {q.kind for q in plan(pack, mode, seed=5)}
        # The argument has no questions of its own (tests/quiz/test_plain_questions.py).
        kinds = set(MODE_KINDS[mode]) - {QuestionKind.QUESTION}
        assert asked == kinds and (kinds or mode is Mode.QUESTIONS), mode
    everything = sum(len(questions_of_kind(pack, k)) for k in QuestionKind)
    assert len(plan(pack, Mode.MIXED, seed=5)) == everything


def test_same_seed_same_order_different_seed_different_order(pack: Pack) -> None:
    def order(seed: int) -> list[str]:
        return [q.id for q in plan(pack, Mode.MIXED, seed=seed)]

    assert order(11) == order(11)
    assert len({tuple(order(seed)) for seed in range(5)}) == 5
    assert sorted(order(11)) == sorted(order(12))


def test_a_limit_samples_the_whole_pack_not_its_start(pack: Pack) -> None:
    short = plan(pack, Mode.MIXED, seed=2, limit=8)
    assert len(short) == 8
    assert short == plan(pack, Mode.MIXED, seed=2)[:8]
    assert len({q.kind for q in short}) > 1


def test_a_pack_without_a_part_has_no_questions_of_that_kind() -> None:
    pack = make_pack()
    bare = Pack(
        id="bare",
        title="Bare",
        version="1",
        items=tuple(i for i in pack if i.kind in (Kind.THESIS, Kind.PREMISE)),
    )
    assert plan(bare, Mode.BOTH_SIDES, seed=1) == ()
    # Every pack has a thesis to state; this one has no conclusion.
    assert {q.kind for q in plan(bare, Mode.MIXED, seed=1)} == {
        QuestionKind.THESIS,
        QuestionKind.PREMISES,
    }


def test_the_thesis_and_conclusion_are_asked_in_the_words_of_the_user(pack: Pack) -> None:
    thesis = questions_of_kind(pack, QuestionKind.THESIS)
    conclusion = questions_of_kind(pack, QuestionKind.CONCLUSION)
    assert [q.targets for q in thesis] == [("thesis",)]
    assert [q.targets for q in conclusion] == [("conclusion",)]
    for question in (*thesis, *conclusion):
        # The prompt never quotes the claim it asks for.
        claim = pack.item(question.targets[0]).answer.canonical
        assert claim[:30].casefold() not in question.prompt.casefold()


@pytest.mark.parametrize("seed", range(12))
def test_premises_mode_follows_the_argument_thesis_first_conclusion_last(
    pack: Pack, seed: int
) -> None:
    kinds = [q.kind for q in plan(pack, Mode.PREMISES, seed=seed)]
    assert kinds[0] is QuestionKind.THESIS and kinds[-1] is QuestionKind.CONCLUSION
    assert set(kinds[1:-1]) == {QuestionKind.PREMISES, QuestionKind.COUNTERARGUMENTS}


def _packs() -> list[tuple[str, Pack]]:
    from tests.conftest import SMALL_PACK

    return [
        ("builtin", load_pack(builtin_pack_dir())),
        ("small", load_pack(SMALL_PACK)),
        ("questions", load_pack(builtin_pack_dir().parent / "questions-geography")),
        ("fake", make_pack()),
    ]


@pytest.mark.parametrize(
    ("name", "subject"), _packs(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_no_prompt_gives_away_the_answer_it_asks_for(name: str, subject: Pack) -> None:
    """Issue 13: the evidence prompt "...where it massed tens of thousands..." held its own
    answer. Every prompt is trimmed of the key words of the answers it asks for."""
    index = AnswerIndex(subject)
    for kind in QuestionKind:
        for question in questions_of_kind(subject, kind):
            assert not index.given_away(question.prompt, question.targets), question.prompt


def test_the_evidence_prompts_keep_the_claim_but_not_its_figures(pack: Pack) -> None:
    prompts = {q.subject: q.prompt for q in questions_of_kind(pack, QuestionKind.EVIDENCE)}
    assert "massed \u2026 without pulling any out" in prompts["nk-no-shortage"]
    assert "tens of thousands" not in prompts["nk-no-shortage"]
    assert "Even if present, \u2026 North Koreans" in prompts["nk-ten-days"]


@pytest.mark.parametrize(
    ("name", "subject"), _packs(), ids=lambda v: v if isinstance(v, str) else ""
)
@pytest.mark.parametrize("seed", range(6))
def test_no_prompt_or_hint_answers_a_later_question_unless_they_circle(
    name: str, subject: Pack, seed: int
) -> None:
    """Issue 13: no prompt or hint answers another question of the same quiz. The only
    giveaways left are between questions that give each other away around a circle (what
    Dana Lee argued and who said her words), which no order avoids."""
    for mode in Mode:
        if mode is Mode.REVIEW or not MODE_KINDS[mode]:
            continue
        questions = plan(subject, mode, seed=seed)
        circles = circles_of(subject, questions)
        left = [
            g for g in giveaways(subject, questions) if not any({g.by, g.of} <= c for c in circles)
        ]
        assert left == [], (mode, left)
        for circle in circles:  # what the circles are made of, so none hides a real mistake
            kinds = {question_id.split(":")[0] for question_id in circle}
            assert kinds <= _CIRCLING, (mode, circle)


_CIRCLING = {
    "what_argued",
    "who_said",
    "premises",
    "argue_against",
    "author_reply",
    "rebuttal",
    "evidence",
}
"""Kinds seen in circles on these packs: a name and its quotes, and the built-in pack's North
Korea and self-defence points, whose keys share words across the argument and its other side."""


def test_the_premises_hint_naming_putin_comes_after_who_said_his_words(pack: Pack) -> None:
    """A hint is a text like a prompt: "It begins: Putin says the strikes ..." (a premise)
    answers "Who said '...NATO satellites'?", so that question is asked first."""
    for seed in range(6):
        ids = [q.id for q in plan(pack, Mode.MIXED, seed=seed)]
        assert ids.index("who_said:q-putin-war") < ids.index("premises:thesis"), seed


@pytest.mark.parametrize("seed", range(12))
def test_what_someone_argued_is_asked_before_their_words_are_quoted(pack: Pack, seed: int) -> None:
    """Issue 13: "Who said '...'" (Peskov) came before "What did Dmitri Peskov argue?", whose
    answer it had just shown."""
    for mode in (Mode.ATTRIBUTION, Mode.MIXED):
        questions = plan(pack, mode, seed=seed)
        argued = {q.subject: i for i, q in enumerate(questions) if q.kind.value == "what_argued"}
        for place, question in enumerate(questions):
            if question.kind.value == "who_said":
                speaker = pack.item(question.subject).speaker
                assert argued.get(speaker, -1) < place, (seed, mode, question.id)


def test_first_words_never_give_a_short_answer_away() -> None:
    assert first_words("Vladimir Putin") == "V\u2026 P\u2026"
    assert first_words("Putin") == "P\u2026"
    assert first_words("It has not been proven that the troops are there") == "It has not \u2026"


def test_without_a_seed_one_is_chosen_and_reported_so_the_session_can_be_replayed(
    pack: Pack,
) -> None:
    session = Session(pack, Mode.MIXED)
    [summary] = session.finish()
    seed = summary.to_json()["seed"]
    assert isinstance(seed, int)
    assert Session(pack, Mode.MIXED, seed=seed).questions == session.questions


def test_review_asks_for_the_thesis_before_a_prompt_that_quotes_it(pack: Pack) -> None:
    from trainer.quiz.review import questions_for

    # The other side's point is the more overdue, but its question quotes the thesis.
    asked = [q.id for q in questions_for(pack, ["os-self-defence", "thesis", "conclusion"])]
    assert asked.index("thesis:thesis") < asked.index("argue_against:thesis")
    assert set(asked) == {"thesis:thesis", "argue_against:thesis", "conclusion:conclusion"}


def _scan(pack: Pack, item_id: str, kind: Kind | None) -> tuple[str, ...]:
    """What `pointing_at` meant before it had an index: every item whose ref is `item_id`."""
    return tuple(i.id for i in pack.items if i.ref == item_id and (kind is None or i.kind is kind))


@pytest.mark.parametrize("which", ["builtin", "fake"])
def test_relations_come_from_the_index_in_pack_order(pack: Pack, which: str) -> None:
    subject = pack if which == "builtin" else make_pack()
    for item in subject:
        for kind in (None, *Kind):
            found = tuple(i.id for i in subject.pointing_at(item.id, kind))
            assert found == _scan(subject, item.id, kind), (item.id, kind)
    for kind in Kind:
        assert subject.of_kind(kind) == tuple(i for i in subject.items if i.kind is kind)
    assert subject.pointing_at("no-such-item") == ()


def test_a_copy_with_other_items_has_its_own_relations() -> None:
    import dataclasses

    original = make_pack()
    kept = tuple(i for i in original.items if i.kind is not Kind.REBUTTAL)
    copy = dataclasses.replace(original, items=kept, _by_id={})
    assert original.of_kind(Kind.REBUTTAL)
    assert copy.of_kind(Kind.REBUTTAL) == ()
    assert all(
        not copy.pointing_at(c.id, Kind.REBUTTAL) for c in copy.of_kind(Kind.COUNTERARGUMENT)
    )
