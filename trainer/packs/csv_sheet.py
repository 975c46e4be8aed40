"""A CSV a user gives the trainer (a class's answers, a marked sheet): its rows and columns.

Spreadsheets put columns in any order and add their own, so a sheet is read by its header:
the columns asked for must be there, in any order, and the rest are ignored.
"""

from __future__ import annotations

import csv
import io

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
        needs = f"{', '.join(columns[:-1])} and {columns[-1]}"
        message = f"has no {', '.join(missing)} column (it needs {needs})"
        raise PackError([Problem(name, 1, 1, "", message)])
    return rows[1:], {column: header.index(column) for column in columns}


def cell(row: list[str], at: int) -> str:
    """The row's cell at `at`, or "" for a row cut short."""
    return row[at] if at < len(row) else ""
