"""`check` grades a big pack's self-tests on every core: the report must be the one a single
process gives, disagreements and all."""

from __future__ import annotations

import pytest

from trainer.commands.check import _graded_on_every_core
from trainer.grading.engine import Grader
from trainer.grading.selftest import run_self_tests
from trainer.locations import builtin_pack_dir
from trainer.packs.loader import load_pack


def test_the_pooled_self_tests_report_what_one_process_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from trainer.grading import parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)  # the pool even for the built-in pack
    pack = load_pack(builtin_pack_dir())
    one = run_self_tests(pack, Grader(pack))
    pooled = run_self_tests(pack, _graded_on_every_core(pack, Grader(pack)))
    assert pooled.to_json() == one.to_json()
    assert pooled.checked == 396


def test_a_response_graded_wrong_is_still_reported_from_the_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A self-test the key cannot pass: the pool's verdict must be the one reported."""
    from dataclasses import replace

    from trainer.grading import parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    pack = load_pack(builtin_pack_dir())
    first = pack.items[1]
    tests = replace(first.answer.tests, accept=("bananas are a fruit",))
    broken = replace(first, answer=replace(first.answer, tests=tests))
    pack = replace(pack, items=(pack.items[0], broken, *pack.items[2:]))
    report = run_self_tests(pack, _graded_on_every_core(pack, Grader(pack)))
    assert [(d.item_id, d.response) for d in report.disagreements] == [
        (broken.id, "bananas are a fruit")
    ]
