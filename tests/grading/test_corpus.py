"""The grader against a teacher's marks: the labelled corpus of student-style answers.

`corpus.csv` was written and marked before the engine was tuned, as a fair teacher would
mark; see docs/grading.md. Run with `-s` to see the figures.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from trainer.grading import Grader, agreement
from trainer.grading.agreement import Agreement

CORPUS = Path(__file__).with_name("corpus.csv")
HOLDOUT = Path(__file__).with_name("holdout.csv")
HOLDOUT_2 = Path(__file__).with_name("holdout2.csv")
HOLDOUT_3 = Path(__file__).with_name("holdout3.csv")
KINDS = {
    "correct",
    "typo",
    "abbreviation",
    "paraphrase",
    "opposite",
    "wrong-number",
    "wrong-name",
    "neighbour",
    "vague",
    "gibberish",
    "partial",
}
ITEM_IDS = (
    "putin",
    "lieven",
    "roberts",
    "hill",
    "peskov",
    "sakwa",
    "proud",
    "lavrov",
    "thesis",
    "risk-war-with-nato",
    "benefits-illusory",
    "little-military-effect",
    "poisons-trust",
    "escalation-options",
    "nuclear-doctrine",
    "deter-north-korea",
    "kursk-bargaining-chip",
    "trump-proofing",
    "nk-unproven",
    "nk-not-worth-risk",
    "nk-ten-days",
    "nk-no-shortage",
    "kursk-over-donbas",
    "kursk-russia-retakes",
    "kursk-no-trade",
    "trump-prolongs",
    "trump-patience",
    "ev-30000-volunteers",
    "ev-10000-troops",
    "ev-tens-of-thousands-kursk",
    "ev-bryansk-strike",
    "ev-five-of-six",
    "ev-nuclear-doctrine",
    "ev-kursk-only",
    "q-putin-satellites",
    "q-lieven-surrender",
    "q-roberts-difference",
    "q-roberts-stunt",
    "q-roberts-restraint",
    "q-hill-kursk",
    "q-hill-restrictions",
    "q-hill-supply-allies",
    "q-peskov-new-level",
    "q-sakwa-destroyed",
    "q-proud-strike",
    "q-lavrov-new-phase",
    "q-lavrov-avoid-nuclear",
    "conclusion",
    "os-red-lines-bluff",
    "os-self-defence",
    "os-leverage",
    "os-military-value",
    "os-nk-signal",
    "os-nuclear-blackmail",
    "re-red-lines-bluff",
    "re-self-defence",
    "re-leverage",
    "re-military-value",
    "re-nk-signal",
    "re-nuclear-blackmail",
)


def _rows(path: Path = CORPUS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _builtin_available() -> bool:
    if importlib.util.find_spec("trainer.locations") is None:
        return False
    if importlib.util.find_spec("trainer.packs.loader") is None:
        return False
    from trainer.locations import builtin_pack_dir

    return (builtin_pack_dir() / "pack.yaml").is_file()


def test_corpus_is_fair_and_complete() -> None:
    rows = _rows()
    assert len(rows) >= 300
    rejects = sum(r["human"] == "reject" for r in rows)
    assert rejects / len(rows) >= 0.40
    assert {r["human"] for r in rows} == {"accept", "reject"}
    assert {r["kind"] for r in rows} == KINDS
    assert set(ITEM_IDS) <= {r["item"] for r in rows}


def _measure(path: Path) -> tuple[Agreement, list[str], str]:
    """The grader's agreement with the teacher on one labelled file: the figures, the
    opposite-polarity answers it accepted, and a readable report."""
    from trainer.locations import builtin_pack_dir
    from trainer.packs.loader import load_pack

    grader = Grader(load_pack(builtin_pack_dir()))
    pairs: list[tuple[bool, bool]] = []
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    opposite_accepted: list[str] = []
    disagreements: list[str] = []
    for row in _rows(path):
        verdict = grader.grade(row["answer"], row["item"])
        human = row["human"] == "accept"
        pairs.append((verdict.correct, human))
        seen[row["kind"]] += 1
        if verdict.correct == human:
            right[row["kind"]] += 1
        else:
            disagreements.append(
                f"  {row['item']}: {row['answer']!r} human {row['human']}, grader "
                f"{verdict.outcome.value} ({verdict.score}, {verdict.reason.value})"
            )
        if row["kind"] == "opposite" and verdict.correct:
            opposite_accepted.append(row["answer"])
    figures = agreement(pairs)
    report = "\n".join(
        [
            f"{path.name}:",
            *figures.lines(),
            "per kind: " + ", ".join(f"{kind} {right[kind]}/{seen[kind]}" for kind in sorted(seen)),
            f"disagreements ({len(disagreements)}):",
            *disagreements,
        ]
    )
    print("\n" + report)
    return figures, opposite_accepted, report


@pytest.mark.skipif(not _builtin_available(), reason="the built-in pack or its loader is missing")
def test_grader_agrees_with_the_teacher() -> None:
    figures, opposite_accepted, report = _measure(CORPUS)
    assert not opposite_accepted, f"opposites accepted: {opposite_accepted}\n{report}"
    assert figures.accuracy >= 0.90, report


@pytest.mark.parametrize("path", [HOLDOUT, HOLDOUT_2, HOLDOUT_3], ids=lambda p: p.stem)
def test_the_holdout_sets_are_fair_and_complete(path: Path) -> None:
    rows = _rows(path)
    assert len(rows) >= 150
    assert sum(r["human"] == "reject" for r in rows) / len(rows) >= 0.40
    assert {r["kind"] for r in rows} == KINDS
    assert set(ITEM_IDS) <= {r["item"] for r in rows}
    corpus = {(r["item"], r["answer"].casefold()) for r in _rows()}
    shared = corpus & {(r["item"], r["answer"].casefold()) for r in rows}
    assert len(shared) <= len(rows) // 10, shared  # names ("hill") coincide; nothing copied


@pytest.mark.skipif(not _builtin_available(), reason="the built-in pack or its loader is missing")
@pytest.mark.parametrize(
    ("path", "least_agreement", "least_kappa"),
    [(HOLDOUT, 0.90, 0.80), (HOLDOUT_2, 0.87, 0.74), (HOLDOUT_3, 0.86, 0.72)],
    ids=["holdout", "holdout2", "holdout3"],
)
def test_grader_agrees_with_the_teacher_on_answers_it_was_not_written_for(
    path: Path, least_agreement: float, least_kappa: float
) -> None:
    """Each hold-out set was written and marked by someone who saw neither the corpus nor a
    verdict of the grader. The floors are what each measured blind, the first time it was
    run (docs/grading.md); fixes made since must not fall below them."""
    figures, _, report = _measure(path)
    assert figures.accuracy >= least_agreement, report
    assert figures.kappa >= least_kappa, report


def test_naming_the_wrong_kind_of_claim_never_names_one_left_to_find() -> None:
    """In "name the premises", an answer that is a rejected claim is told so, without the
    explanation naming (and so giving away) one of the premises still to find."""
    from trainer.grading import Grader
    from trainer.locations import builtin_pack_dir
    from trainer.packs import Kind, load_pack

    pack = load_pack(builtin_pack_dir())
    premises = pack.of_kind(Kind.PREMISE)
    verdict = Grader(pack).grade_best("deter north korea from sending more troops", premises)
    assert verdict.belongs_to == "deter-north-korea"
    assert verdict.explanation.endswith("not a premise of the thesis.")
    for premise in premises:
        assert premise.label[:40] not in verdict.explanation


def test_an_opposite_in_other_words_is_wrong_not_partly_right() -> None:
    """The built-in pack declares "sooner" as "not prolong", so saying the motive shortens
    the war is caught as the opposite of the author's claim, not half-credited."""
    from trainer.grading import Grader, Outcome
    from trainer.locations import builtin_pack_dir
    from trainer.packs import load_pack

    grader = Grader(load_pack(builtin_pack_dir()))
    for answer in ("Trump-proofing ends the war sooner with fewer deaths", "it ends it faster"):
        assert grader.grade(answer, "trump-prolongs").outcome is Outcome.INCORRECT, answer
    assert grader.grade("it drags the war out and costs lives", "trump-prolongs").outcome in (
        Outcome.CORRECT,
        Outcome.PARTIAL,
    )


def test_half_like_one_answer_but_the_opposite_of_another_is_wrong() -> None:
    """Named against several answers at once, an answer that contradicts one of them gets no
    partial credit from a shallow likeness to another; a known wrong answer that is just a
    neighbouring right answer ("that is the ten-days rebuttal") still leaves it partial."""
    from trainer.grading import Grader, Outcome, Reason
    from trainer.locations import builtin_pack_dir
    from trainer.packs import Kind, load_pack

    pack = load_pack(builtin_pack_dir())
    grader = Grader(pack)

    def rebuttals(claim: str) -> tuple[str, ...]:
        return tuple(r.id for r in pack.pointing_at(claim, Kind.REBUTTAL))

    opposite = grader.grade_best(
        "trump proofing will end the war sooner with fewer deaths", rebuttals("trump-proofing")
    )
    assert opposite.outcome is Outcome.INCORRECT and opposite.item_id == "trump-prolongs"
    assert opposite.reason in (Reason.OPPOSITE, Reason.KNOWN_WRONG)
    partly = grader.grade_best("ten days of russian recruitment", rebuttals("deter-north-korea"))
    assert partly.outcome is Outcome.PARTIAL and partly.item_id == "nk-ten-days"


def test_a_key_phrase_used_under_a_negation_is_not_a_key_idea_found() -> None:
    """ "NATO isn't at war" does not cover the idea "at war", though its words are there."""
    from trainer.grading import Grader
    from trainer.locations import builtin_pack_dir
    from trainer.packs import load_pack

    grader = Grader(load_pack(builtin_pack_dir()))
    negated = grader.grade(
        "nato satellites are involved but nato isnt at war", "risk-war-with-nato"
    )
    assert "war" in negated.concepts_missing and "war" not in negated.concepts_found
    plain = grader.grade("nato satellites are involved so nato is at war", "risk-war-with-nato")
    assert "war" in plain.concepts_found


def test_the_wrong_month_is_a_wrong_figure() -> None:
    from trainer.grading import Grader, Reason
    from trainer.locations import builtin_pack_dir
    from trainer.packs import load_pack

    grader = Grader(load_pack(builtin_pack_dir()))
    wrong = grader.grade(
        "in december the first atacms hit an ammo depot in bryansk", "ev-bryansk-strike"
    )
    assert wrong.reason is Reason.WRONG_NUMBER and "November, not December" in wrong.explanation
    right = grader.grade(
        "in november the first atacms hit an ammo depot in bryansk", "ev-bryansk-strike"
    )
    assert right.correct
