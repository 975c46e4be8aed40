"""The state of one validation pass over a pack: the file, the problems, the budgets."""

from __future__ import annotations

import re

import yaml

from trainer.packs.errors import Problem

MAX_TOTAL_TEXT = 5 * 1024 * 1024
"""Most characters of text a pack may hold with its aliases expanded: what the largest
pack.yaml read could hold written out, so an alias can save typing but not multiply text."""

_PARENT = re.compile(r"(?:\[\d+\]|\.?[^.\[\]]+)$")
"""The last step of a path: `[3]` or `.name` (or a bare first name)."""


class Walk:
    """State for one validation pass: the file name, the problems, expansion budgets.

    The budgets stop an alias bomb (a small file whose aliases expand to billions of nodes,
    or one long text repeated a hundred thousand times) from turning validation, and every
    stage after it, into a denial of service: `budget` counts values, `text_budget` the
    characters of text once aliases are expanded.
    """

    __slots__ = ("budget", "file", "marks", "problems", "text_budget")

    def __init__(
        self, file: str, budget: int = 3_000_000, text_budget: int = MAX_TOTAL_TEXT
    ) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.budget = budget
        self.text_budget = text_budget
        self.marks: dict[str, tuple[int, int]] = {}
        """Where each mapping value starts, by path, for problems found after the walk."""

    def add_at(self, path: str, message: str) -> None:
        """Record a problem at a path the walk has seen, or at its nearest marked parent (list
        entries are not marked, to keep marks small); line 0 if none is."""
        where = path
        while where not in self.marks and where:
            where = _PARENT.sub("", where)
        line, column = self.marks.get(where, (0, 0))
        self.problems.append(Problem(self.file, line, column, path, message))

    def add(self, node: yaml.Node | None, path: str, message: str) -> None:
        line = column = 0
        if node is not None:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(Problem(self.file, line, column, path, message))
