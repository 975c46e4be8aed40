"""Problems found in a pack, each with the place an instructor must look."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trainer.packs.safe_text import visible


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack.

    `line` and `column` are 1-based, as editors count; 0 means the place is the whole file.
    `path` is where inside the pack's structure, e.g. ``premises[3].answer.accept[1]``.
    """

    file: str
    line: int
    column: int
    path: str
    message: str

    def __post_init__(self) -> None:
        # A key's name, a file name or a value quoted back may hold a terminal escape or a
        # newline that forges report lines: made visible once here, every report is safe.
        for name in ("file", "path", "message"):
            object.__setattr__(self, name, visible(getattr(self, name)))

    def __str__(self) -> str:
        return self.describe()

    def describe(self, relative_to: Path | None = None) -> str:
        """The problem as one line; `relative_to` shortens the file name to a path inside the
        pack's folder, for a narrow panel that already names the pack."""
        where = self.file
        if relative_to is not None and Path(self.file).is_relative_to(relative_to):
            where = Path(self.file).relative_to(relative_to).as_posix()
            if where == ".":  # the problem is the folder itself
                where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        inside = f" {self.path}:" if self.path else ""
        return f"{where}:{inside} {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
        }


class PackError(Exception):
    """A pack could not be loaded; carries every problem found, not just the first.

    Instructors fix packs by hand: one error at a time would mean one edit-run cycle per typo.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.report())

    def report(self, relative_to: Path | None = None) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the pack:"
        return "\n".join([head, *(f"  {p.describe(relative_to)}" for p in self.problems)])


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order, so the report reads top to bottom like the file."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.column, p.path))
