"""The built-in pack keeps the promises its issue made, and the docs' example stays real."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import SMALL_PACK
from trainer.locations import builtin_pack_dir
from trainer.packs import Kind, load_pack

DOCS = Path(__file__).resolve().parents[2] / "docs" / "pack-format.md"


def test_every_gradable_item_has_a_full_key() -> None:
    pack = load_pack(builtin_pack_dir())
    thin = []
    for item in pack:
        answer = item.answer
        if (
            len(answer.accept) < 4
            or not answer.concepts.groups
            or len(answer.tests.accept) < 3
            or len(answer.tests.reject) < 3
        ):
            thin.append(item.id)
    assert thin == []


def test_the_argument_and_the_other_side_are_both_there() -> None:
    pack = load_pack(builtin_pack_dir())
    counts = {kind: len(pack.of_kind(kind)) for kind in Kind}
    assert counts[Kind.THESIS] == 1 and counts[Kind.CONCLUSION] == 1
    assert counts[Kind.PREMISE] >= 5
    assert counts[Kind.COUNTERARGUMENT] == 3
    for claim in pack.of_kind(Kind.COUNTERARGUMENT):
        assert pack.pointing_at(claim.id, Kind.REBUTTAL), claim.id
    assert counts[Kind.OTHER_SIDE] >= 4
    for argument in pack.of_kind(Kind.OTHER_SIDE):
        assert pack.pointing_at(argument.id, Kind.REPLY), argument.id
    for quote in pack.of_kind(Kind.QUOTE):  # every quote attributed, its words from the article
        assert pack.item(quote.speaker).kind is Kind.PERSON
        assert quote.words
    assert "not from the article" in pack.description


def test_the_docs_example_is_the_small_test_pack() -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = re.search(r"## A complete small example\n\n```yaml\n(.*?)```", text, re.S)
    assert example is not None
    assert example.group(1) == (SMALL_PACK / "pack.yaml").read_text(encoding="utf-8")


def test_the_docs_example_passes_its_own_self_tests() -> None:
    """Instructors start from this example: it must show a key that `check` finds sound."""
    from trainer.grading import run_self_tests

    report = run_self_tests(load_pack(SMALL_PACK))
    assert report.checked >= 60
    assert not report.disagreements, report.disagreements
