"""`scripts/measure_grading.py`, by which the blind figures were taken, measures what it says."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

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
