"""The triage screen's state: a class's clusters and the teacher's mark on each.

Plain data with no Textual in it, so the rules (one key marks a whole cluster, the same key
again takes the mark back, a split cluster's parts keep its mark) are tested without an app.
A sheet never changes: every edit makes a new one, so undo is the sheet before.
The engine modules are imported only when used: the screen builds a sheet in a worker that
imports them off the UI thread first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.grading.triage import Cluster


class Mark(Enum):
    """A teacher's mark on a cluster: every answer in it is right, or every one is wrong."""

    ACCEPT = "accept"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Row:
    cluster: Cluster
    mark: Mark | None = None


@dataclass(frozen=True, slots=True)
class Sheet:
    """The clusters in triage order (biggest and least certain first), each with its mark."""

    rows: tuple[Row, ...] = ()

    @classmethod
    def of(cls, clusters: Iterable[Cluster]) -> Sheet:
        return cls(tuple(Row(cluster) for cluster in clusters))

    def marked(self, index: int, mark: Mark) -> Sheet:
        """The cluster at `index` marked `mark`; unmarked if it already had that mark."""
        row = self.rows[index]
        new = replace(row, mark=None if row.mark is mark else mark)
        return Sheet((*self.rows[:index], new, *self.rows[index + 1 :]))

    def split(self, index: int) -> Sheet:
        """The cluster at `index` replaced by its distinct answers (`triage_split.split`),
        each keeping its mark; the same sheet when it holds one distinct answer."""
        from trainer.grading.triage_split import split

        row = self.rows[index]
        parts = split(row.cluster)
        if len(parts) == 1:
            return self
        new = tuple(Row(part, row.mark) for part in parts)
        return Sheet((*self.rows[:index], *new, *self.rows[index + 1 :]))

    def marks(self) -> tuple[tuple[str, str, bool], ...]:
        """(item id, answer, accept) for each distinct answer of every marked cluster."""
        found: dict[tuple[str, str], bool] = {}
        for row in self.rows:
            if row.mark is None:
                continue
            for graded in row.cluster.answers:
                found.setdefault((row.cluster.item_id, graded.answer), row.mark is Mark.ACCEPT)
        return tuple((item, answer, accept) for (item, answer), accept in found.items())

    @property
    def answers(self) -> int:
        return sum(row.cluster.size for row in self.rows)

    @property
    def marked_rows(self) -> int:
        return sum(row.mark is not None for row in self.rows)

    @property
    def marked_answers(self) -> int:
        return sum(row.cluster.size for row in self.rows if row.mark is not None)
