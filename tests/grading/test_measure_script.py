"""`scripts/measure_grading.py`, by which the blind figures were taken, measures what it says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "tests" / "grading_tuning" / "geography"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "measure_grading", ROOT / "scripts" / "measure_grading.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_macro_f1_is_the_mean_of_both_marks_f1() -> None:
    macro_f1 = _script().macro_f1
    assert macro_f1([(True, True), (False, False)]) == 1.0
    # Always "accept" on a half-and-half set: F1 2/3 for accept, 0 for reject.
    assert abs(macro_f1([(True, True), (False, True)]) - 1 / 3) < 1e-9


def test_a_bank_is_measured_with_every_figure_the_docs_report() -> None:
    result = _script().measure(BANK, BANK / "answers.csv", show=True)
    rows = sum(1 for _ in (BANK / "answers.csv").open(encoding="utf-8")) - 1
    assert result["answers"] == rows
    for key in ("agreement", "kappa", "macro_f1", "false_accepts", "naive_macro_f1"):
        assert 0.0 <= float(result[key]) <= 1.0  # type: ignore[arg-type]
    wrong = result["disagreements"]
    assert isinstance(wrong, list)
    assert round(1 - len(wrong) / rows, 4) == result["agreement"]


GRADING = ROOT / "tests" / "grading"
BUILTIN = ROOT / "content" / "long-range-strikes"


def _answer_sets(folder: Path) -> dict[str, tuple[Path, Path]]:
    """A blind folder's sets by name: `builtin.csv` for the built-in pack, and each bank's
    folder with its `pack.yaml` and `answers.csv`."""
    found = (
        {"builtin": (BUILTIN, folder / "builtin.csv")} if (folder / "builtin.csv").exists() else {}
    )
    for answers in sorted(folder.glob("*/answers.csv")):
        found[answers.parent.name] = (answers.parent, answers)
    return found


BLIND = sorted(
    (result.parents[1], result.stem, json.loads(result.read_text(encoding="utf-8"))["agreement"])
    for result in GRADING.glob("sealed*/results/*.json")
)
"""Each spent set with the agreement its one blind measurement recorded (its results/*.json)."""


def test_every_blind_set_was_measured_and_is_held_at_its_figure() -> None:
    for folder in sorted(GRADING.glob("sealed*")):
        measured = {name for where, name, _ in BLIND if where == folder}
        assert measured == set(_answer_sets(folder)), folder.name
    assert len(BLIND) >= 16  # five rounds of three sets and the first round's four


@pytest.mark.parametrize(
    ("folder", "name", "least_agreement"),
    BLIND,
    ids=[f"{folder.name}/{name}" for folder, name, _ in BLIND],
)
def test_issue_10s_sets_never_fall_below_their_one_blind_measurement(
    folder: Path, name: str, least_agreement: float
) -> None:
    """The floors are the figures these sets gave the one time they were measured blind, as
    that run recorded them (sealed*/results/); they are tuning data since, and fixes must
    not undo them."""
    pack, answers = _answer_sets(folder)[name]
    result = _script().measure(pack, answers, show=True)
    assert float(result["agreement"]) >= least_agreement, result["disagreements"]  # type: ignore[arg-type]
