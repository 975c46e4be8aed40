"""`check` advises the instructor on a light key: warnings that do not fail, suggestions
on request, each naming its item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.grading.test_index import _civics
from trainer.cli import main
from trainer.grading.advice import AdviceKind, advise
from trainer.grading.index import PackIndex

LIGHT = """\
format: 1
id: light
title: A light key
version: "1"
thesis:
  id: thesis
  text: Nuclear deterrence keeps the peace.
  answer:
    canonical: Nuclear deterrence keeps the peace between rival powers.
premises:
  - id: cost
    text: A nuclear war would cost too much for either side to start one.
    answer:
      canonical: A nuclear war would cost too much to start.
      accept: [nobody can afford a nuclear war]
      tests:
        accept: [a nuclear war costs too much]
        reject: [a war is cheap]
"""


@pytest.fixture
def light_pack(tmp_path: Path) -> Path:
    (tmp_path / "pack.yaml").write_text(LIGHT, encoding="utf-8")
    return tmp_path


def test_check_warns_of_an_item_with_no_phrasings_or_tests_and_still_passes(
    light_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", str(light_pack)])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("OK")
    assert "  warning: thesis: no accepted phrasings" in out
    assert "  warning: thesis: no self-test responses" in out
    assert "warning: cost" not in out and "suggest:" not in out


def test_suggestions_come_only_when_asked_and_turn_a_key_word_round(
    light_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--suggest", str(light_pack)]) == 0
    out = capsys.readouterr().out
    assert (
        "  suggest: thesis: a candidate wrong answer, 'nuclear' turned round: "
        "'Conventional deterrence keeps the peace between rival powers.'"
    ) in out
    assert "  suggest: thesis: other words for 'nuclear': atomic" in out


def test_the_json_report_carries_the_advice(
    light_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--json", str(light_pack)]) == 0
    [pack] = json.loads(capsys.readouterr().out)["packs"]
    kinds = {(a["item_id"], a["kind"]) for a in pack["advice"]}
    assert kinds == {("thesis", "no-accepted-phrasings"), ("thesis", "no-self-tests")}


def test_an_unreadable_concept_group_is_a_warning() -> None:
    pack = _civics(["...", "--"], ["succession"])
    advice = advise(pack, PackIndex(pack))
    assert next(a for a in advice if a.kind is AdviceKind.UNREAD_GROUP).word == "..."
