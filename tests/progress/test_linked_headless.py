"""Headless review follows the argument: the `question` event says why (issue 15)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from tests.conftest import SMALL_PACK
from trainer.locations import progress_db_path
from trainer.packs import load_pack
from trainer.progress import Attempt, ProgressStore
from trainer.progress.linked import standing_on


def _headless(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "headless", "--pack", str(SMALL_PACK), *args],
        input="",
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=dict(os.environ),  # the test's own data folder (tests/conftest.py)
    )


def _premise_just_missed() -> None:
    """Every item answered right yesterday (due again tomorrow); "cost" missed a minute ago."""
    pack = load_pack(SMALL_PACK)
    now = datetime.now(UTC)
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        for item in pack:
            right = Attempt(
                pack.id, pack.version, item.id, "k", "mixed", "x", "correct", 90,
                now - timedelta(days=1),
            )  # fmt: skip
            store.record(right)
        missed = Attempt(
            pack.id, pack.version, "cost", "k", "mixed", "", "incorrect", 0,
            now - timedelta(minutes=1),
        )  # fmt: skip
        store.record(missed, standing_on(pack, "cost"))


def test_review_asks_the_thesis_first_after_its_premise_lapsed_and_says_why() -> None:
    _premise_just_missed()
    result = _headless("--mode", "review", "--seed", "1")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    questions = [e for e in events if e["type"] == "question"]
    assert questions[0]["item_id"] == "thesis"
    assert questions[0]["why"] == (
        "You missed \u201cUniforms cost families money some\u2026\u201d; the thesis rests on it."
    )
    assert all("why" in q for q in questions)  # only what the lapse brought forward is due


def test_no_linked_review_is_plain_fsrs_order_and_only_for_review() -> None:
    _premise_just_missed()
    result = _headless("--mode", "review", "--no-linked-review")
    assert result.returncode == 0, result.stderr
    assert "nothing in school-uniforms is due for review" in result.stderr  # cost: in 9 min
    wrong = _headless("--mode", "premises", "--no-linked-review")
    assert wrong.returncode == 2
    assert "--no-linked-review is for a review (--mode review)" in wrong.stderr
