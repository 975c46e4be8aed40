"""How far the grader agrees with a human marker, in the figures assessment people use.

Accuracy alone flatters a grader on a skewed set (accept everything, score 70%); Cohen's
kappa corrects for the agreement two markers would reach by chance, and precision of accept
says how often a student told "right" really was right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Agreement:
    """Counts of (machine, human) accept decisions and the figures drawn from them."""

    both_accept: int = 0
    both_reject: int = 0
    machine_only: int = 0
    """Accepted by the grader, rejected by the human: the dangerous kind."""
    human_only: int = 0
    """Rejected by the grader, accepted by the human: the annoying kind."""

    @property
    def total(self) -> int:
        return self.both_accept + self.both_reject + self.machine_only + self.human_only

    @property
    def accuracy(self) -> float:
        return (self.both_accept + self.both_reject) / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        """Of the answers the grader accepted, the share the human accepted too."""
        accepted = self.both_accept + self.machine_only
        return self.both_accept / accepted if accepted else 1.0

    @property
    def recall(self) -> float:
        """Of the answers the human accepted, the share the grader accepted too."""
        accepted = self.both_accept + self.human_only
        return self.both_accept / accepted if accepted else 1.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa: 1 perfect, 0 no better than chance; 1.0 when chance agreement is 1."""
        n = self.total
        if not n:
            return 1.0
        observed = self.accuracy
        machine_yes = (self.both_accept + self.machine_only) / n
        human_yes = (self.both_accept + self.human_only) / n
        expected = machine_yes * human_yes + (1 - machine_yes) * (1 - human_yes)
        if expected >= 1.0:
            return 1.0
        return (observed - expected) / (1 - expected)

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "both_accept": self.both_accept,
            "both_reject": self.both_reject,
            "machine_only_accept": self.machine_only,
            "human_only_accept": self.human_only,
            "accuracy": round(self.accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "kappa": round(self.kappa, 4),
        }

    def lines(self) -> list[str]:
        return [
            f"answers marked by a human: {self.total}",
            f"agreement (accuracy): {self.accuracy:.1%}",
            f"precision of accept: {self.precision:.1%}   recall of accept: {self.recall:.1%}",
            f"Cohen's kappa: {self.kappa:.3f}",
            f"accepted by both {self.both_accept}, rejected by both {self.both_reject}, "
            f"grader only {self.machine_only}, human only {self.human_only}",
        ]


def agreement(pairs: Iterable[tuple[bool, bool]]) -> Agreement:
    """Agreement from (machine accepted?, human accepted?) pairs."""
    counts = [0, 0, 0, 0]
    for machine, human in pairs:
        if machine and human:
            counts[0] += 1
        elif not machine and not human:
            counts[1] += 1
        elif machine:
            counts[2] += 1
        else:
            counts[3] += 1
    return Agreement(*counts)
