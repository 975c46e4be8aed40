"""The grader stays a pipeline of small stages: no module or function grows past a screen's
worth of reading (issue: the 1,806-line engine this replaced)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from trainer.grading.tuning import DEFAULT
from trainer.packs.model import Thresholds

GRADING = Path(__file__).resolve().parents[2] / "trainer" / "grading"
MODULES = sorted(GRADING.rglob("*.py"))
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_FACADE_LINES = 200


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(GRADING)))
def test_each_module_and_function_is_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long


def test_the_engine_is_a_thin_facade() -> None:
    assert len((GRADING / "engine.py").read_text(encoding="utf-8").splitlines()) <= MAX_FACADE_LINES


def test_the_concept_scores_are_the_default_pass_marks_by_construction() -> None:
    """An answer with every key idea in other words passes at the default thresholds and
    no more: the tuning says so in terms of `Thresholds`, not by a number that happens to
    be equal."""
    defaults = Thresholds()
    assert DEFAULT.concept_base == defaults.accept
    assert DEFAULT.partial_base == defaults.partial
