"""The questions the built-in pack yields, and how modes order them."""

from __future__ import annotations

import pytest

from tests.quiz.fakes import make_pack
from trainer.locations import builtin_pack_dir
from trainer.packs import Kind, Pack, load_pack
from trainer.quiz import MODE_KINDS, Mode, QuestionKind, Session, plan, questions_of_kind
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
    assert [q.kind for q in plan(bare, Mode.MIXED, seed=1)] == [
        QuestionKind.THESIS,  # every pack has a thesis to state; this one has no conclusion
        QuestionKind.PREMISES,
    ]


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


@pytest.mark.parametrize("seed", range(12))
def test_no_prompt_gives_away_a_claim_before_it_is_asked_for(pack: Pack, seed: int) -> None:
    """A prompt quoting the thesis ("The author argues: ...") must not come before "What is
    the author's thesis?"; the same for the conclusion and the questions that quote it."""
    questions = plan(pack, Mode.MIXED, seed=seed)
    for statement in (QuestionKind.THESIS, QuestionKind.CONCLUSION):
        asked = next(i for i, q in enumerate(questions) if q.kind is statement)
        subject = questions[asked].subject
        assert all(q.subject != subject for q in questions[:asked])


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

    premise = pack.of_kind(Kind.PREMISE)[0].id
    # The premise is the more overdue, but its question quotes the thesis.
    asked = [q.id for q in questions_for(pack, [premise, "thesis", "conclusion"])]
    assert asked == ["thesis:thesis", "premises:thesis", "conclusion:conclusion"]


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


def _old_state_before_quoting(questions: list) -> None:  # type: ignore[type-arg]
    """The reordering as first written (a scan of the session per statement): the reference."""
    from trainer.quiz.modes import _STATEMENTS

    for question in [q for q in questions if q.kind in _STATEMENTS]:
        here = questions.index(question)
        first = next(
            (i for i, q in enumerate(questions[:here]) if q.subject == question.subject), here
        )
        if first < here:
            questions.insert(first, questions.pop(here))


@pytest.mark.parametrize("seed", range(40))
def test_statements_move_before_their_quotes_exactly_as_before(seed: int) -> None:
    import random

    from trainer.quiz.modes import state_before_quoting
    from trainer.quiz.questions import Question

    chooser = random.Random(seed)
    subjects = [f"s{n}" for n in range(chooser.randint(1, 8))]
    statements = [
        Question(chooser.choice([QuestionKind.THESIS, QuestionKind.CONCLUSION]), s, "", (s,))
        for s in chooser.sample(subjects, chooser.randint(0, len(subjects)))
    ]
    others = [
        Question(chooser.choice(list(QuestionKind)[1:-1]), chooser.choice(subjects), str(n), ())
        for n in range(chooser.randint(0, 12))
    ]
    questions = statements + others
    chooser.shuffle(questions)
    expected = list(questions)
    _old_state_before_quoting(expected)
    state_before_quoting(questions)
    assert questions == expected
