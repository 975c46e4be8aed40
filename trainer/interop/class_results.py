"""A class's results from its students' `export-progress` files: per item, per student, due.

Plain Python over CSV or JSON rows, one pass, so thirty students' thousand attempts each
cost about what reading the files costs. A file without a `student` column (exports made
before that column existed) stands for one student, named by the file's name.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

RIGHT = "correct"
WRONG_ANSWERS_SHOWN = 3
"""How many of an item's most frequent wrong answers the report lists."""
MAX_CELL = 1_000_000
"""The longest CSV cell read; a longer one is a damaged file, not an answer."""


class ExportError(ValueError):
    """An export that cannot be read, naming the file and, where known, the line."""


@dataclass
class ItemResult:
    """How the class did on one item."""

    pack_id: str
    item_id: str
    attempts: int = 0
    right: int = 0
    wrong_answers: Counter[str] = field(default_factory=Counter)
    students: set[str] = field(default_factory=set)

    @property
    def accuracy(self) -> float:
        return self.right / self.attempts if self.attempts else 0.0


@dataclass
class StudentResult:
    """One student's attempts, right answers, and the items whose last answer was not right."""

    student: str
    attempts: int = 0
    right: int = 0
    last: dict[tuple[str, str], bool] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.right / self.attempts if self.attempts else 0.0

    @property
    def due(self) -> list[tuple[str, str]]:
        return [key for key, ok in self.last.items() if not ok]


@dataclass
class ClassReport:
    items: dict[tuple[str, str], ItemResult] = field(default_factory=dict)
    students: dict[str, StudentResult] = field(default_factory=dict)

    def hardest_first(self) -> list[ItemResult]:
        return sorted(self.items.values(), key=lambda r: (r.accuracy, -r.attempts, r.item_id))

    def due_counts(self) -> list[tuple[tuple[str, str], int]]:
        """Items by how many students have them due, most first."""
        counts: Counter[tuple[str, str]] = Counter()
        for student in self.students.values():
            counts.update(student.due)
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))

    def add(self, student: str, row: dict[str, object]) -> None:
        key = (str(row.get("pack_id", "")), str(row.get("item_id", "")))
        ok = row.get("outcome") == RIGHT or row.get("overridden") in (True, "True", "true")
        item = self.items.get(key) or self.items.setdefault(key, ItemResult(*key))
        item.attempts += 1
        item.right += ok
        item.students.add(student)
        if not ok:
            item.wrong_answers[" ".join(str(row.get("answer", "")).lower().split())] += 1
        person = self.students.get(student) or self.students.setdefault(
            student, StudentResult(student)
        )
        person.attempts += 1
        person.right += ok
        person.last[key] = ok  # exports list attempts oldest first


def _uncell(value: object) -> object:
    """A CSV cell as export-progress meant it: the apostrophe before a formula removed."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def read_rows(path: Path) -> Iterator[dict[str, object]]:
    """The attempts in one export, CSV or JSON by its first character."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            first = handle.read(1)
            handle.seek(0)
            if first == "[":
                rows = json.load(handle)
                if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                    raise ExportError(f"{path}: a JSON export is a list of attempts")
                yield from rows
                return
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "item_id" not in reader.fieldnames:
                raise ExportError(f"{path}: not an export-progress file (no item_id column)")
            for row in reader:
                yield {key: _uncell(value) for key, value in row.items()}
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"{path}: cannot be read as an export ({error})") from None
    except csv.Error as error:
        raise ExportError(f"{path}: damaged CSV at line {reader.line_num}: {error}") from None
    except OSError as error:
        raise ExportError(f"cannot read {path}: {error.strerror}") from None


def class_report(paths: Iterable[Path]) -> ClassReport:
    """Every export merged; a row's `student` names its student, else the file's name does."""
    csv.field_size_limit(MAX_CELL)
    report = ClassReport()
    for path in paths:
        for row in read_rows(path):
            student = str(row.get("student") or path.stem)
            report.add(student, row)
    return report
