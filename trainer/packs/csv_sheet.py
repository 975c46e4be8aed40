"""A CSV a user gives the trainer (a class's answers, a marked sheet): its rows and columns.

Spreadsheets put columns in any order and add their own, so a sheet is read by its header:
the columns asked for must be there, in any order, and the rest are ignored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from trainer.packs.errors import PackError, Problem


def read_sheet(
    text: str, name: str, columns: tuple[str, ...]
) -> tuple[list[list[str]], dict[str, int]]:
    """The rows after the header, and each asked-for column's index; PackError naming the
    file for text that is not CSV or a header without one of `columns`."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        problem = Problem(name, reader.line_num, 0, "", f"is not valid CSV: {error}")
        raise PackError([problem]) from None
    header = [cell.strip().casefold() for cell in rows[0]] if rows else []
    missing = [column for column in columns if column not in header]
    if missing:
        message = f"has no {_listed(missing, 'or')} column (it needs {_listed(columns, 'and')})"
        raise PackError([Problem(name, 1, 1, "", message)])
    return rows[1:], {column: header.index(column) for column in columns}


def cell(row: list[str], at: int) -> str:
    """The row's cell at `at`, or "" for a row cut short."""
    return row[at] if at < len(row) else ""


def _listed(words: Sequence[str], last: str) -> str:
    """The words as prose lists them: a; a or b; a, b or c."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"
