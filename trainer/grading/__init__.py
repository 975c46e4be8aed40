"""Answer grading: plain Python with no UI imports, so the quiz, the CLI and tests share it.

grader = Grader(pack)
verdict = grader.grade("nk troops dont change the balance", pack.item("nk-ten-days"))
verdict.outcome, verdict.score, verdict.explanation

The names below are loaded on first use (as Harlequin's package does), so that importing
`trainer.grading.verdict` for its enums does not import rapidfuzz and the whole pipeline.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainer.grading.agreement import Agreement, agreement
    from trainer.grading.engine import Grader, grade, grader_for
    from trainer.grading.normalise import MAX_CHARS
    from trainer.grading.selftest import SelfTestReport, run_self_tests
    from trainer.grading.verdict import Outcome, Reason, Verdict

_EXPORTS = {
    "MAX_CHARS": "trainer.grading.normalise",
    "Agreement": "trainer.grading.agreement",
    "agreement": "trainer.grading.agreement",
    "Grader": "trainer.grading.engine",
    "grade": "trainer.grading.engine",
    "grader_for": "trainer.grading.engine",
    "Outcome": "trainer.grading.verdict",
    "Reason": "trainer.grading.verdict",
    "Verdict": "trainer.grading.verdict",
    "SelfTestReport": "trainer.grading.selftest",
    "run_self_tests": "trainer.grading.selftest",
}

__all__ = [
    "MAX_CHARS",
    "Agreement",
    "Grader",
    "Outcome",
    "Reason",
    "SelfTestReport",
    "Verdict",
    "agreement",
    "grade",
    "grader_for",
    "run_self_tests",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
