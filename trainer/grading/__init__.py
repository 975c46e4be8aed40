"""Answer grading: plain Python with no UI imports, so the quiz, the CLI and tests share it.

grader = Grader(pack)
verdict = grader.grade("nk troops dont change the balance", pack.item("nk-ten-days"))
verdict.outcome, verdict.score, verdict.explanation
"""

from trainer.grading.agreement import Agreement, agreement
from trainer.grading.engine import Grader, grade, grader_for
from trainer.grading.normalise import MAX_CHARS, normalise
from trainer.grading.selftest import SelfTestReport, run_self_tests
from trainer.grading.verdict import Outcome, Reason, Verdict

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
    "normalise",
    "run_self_tests",
]
