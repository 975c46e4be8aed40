"""A class's marked answers, kept beside a pack: what the grader learns from.

`debate-trainer learn` stores an instructor's marks (accept or reject) for answers students
actually gave in `marked.csv` in the pack's folder, never in the instructor's `pack.yaml`.
The loader reads the file with the pack, checked like the pack (every problem with its line)
and bounded like it, and the grader then takes each marked accept as one more way of saying
the item's answer and each marked reject as a known wrong answer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trainer.packs.errors import PackError, Problem
from trainer.packs.files import MARKED_FILE as MARKED_FILE
from trainer.packs.files import file_digest, file_problem, read_bounded
from trainer.packs.model import MarkedAnswer
from trainer.packs.safe_text import first_unsafe

HEADER = ("item", "answer", "human")
MAX_MARKED = 20_000
"""Marked answers a pack may keep: each is a phrasing the grader reads when it is built."""
MAX_ANSWER = 2_000
"""Characters an answer may have: the grader reads no more of any answer."""
ACCEPT = frozenset({"accept", "accepted", "1", "yes", "y", "correct", "true", "t", "right", "a"})
"""How a human mark of "right" may be written in a spreadsheet."""
REJECT = frozenset({"reject", "rejected", "0", "no", "n", "incorrect", "false", "f", "wrong", "r"})
"""...and of "wrong"."""


def human_mark(value: str) -> bool | None:
    """True for an accept, False for a reject, None for anything else."""
    folded = value.strip().casefold()
    if folded in ACCEPT:
        return True
    if folded in REJECT:
        return False
    return None


def marked_digest(folder: Path) -> bytes:
    """A digest of the marked-answers file, so a cached pack is reloaded when it changes
    (see `file_digest`: a file that may not be read is never opened here)."""
    return file_digest(folder, folder / MARKED_FILE)


def read_marked(folder: Path, item_ids: Iterable[str]) -> tuple[MarkedAnswer, ...]:
    """The pack's marked answers, or () when it keeps none; PackError naming each bad line."""
    file = folder / MARKED_FILE
    if not file.exists() and not file.is_symlink():
        return ()
    name = str(file)
    why = file_problem(folder, file)
    if why is not None:
        raise PackError([Problem(name, 0, 0, "", f"{MARKED_FILE} {why}")])
    data = read_bounded(file, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError([Problem(name, 0, 0, "", "is not UTF-8 text")]) from None
    return parse_marked(text, name, frozenset(item_ids))


def parse_marked(text: str, name: str, item_ids: frozenset[str]) -> tuple[MarkedAnswer, ...]:
    """Marked answers from CSV text with the columns item, answer, human."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    found: list[MarkedAnswer] = []
    try:
        rows = list(reader)
    except csv.Error as error:
        problem = Problem(name, reader.line_num, 0, "", f"is not valid CSV: {error}")
        raise PackError([problem]) from None
    if not rows or tuple(cell.strip().casefold() for cell in rows[0]) != HEADER:
        raise PackError([Problem(name, 1, 1, "", "must start with the header item,answer,human")])
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        mark = _row(row, line, name, item_ids, problems)
        if mark is not None:
            found.append(mark)
    if len(found) > MAX_MARKED:
        problems.append(
            Problem(name, 0, 0, "", f"holds {len(found):,} marked answers; at most {MAX_MARKED:,}")
        )
    if problems:
        raise PackError(problems)
    return tuple(found)


def _row(
    row: Sequence[str], line: int, name: str, item_ids: frozenset[str], problems: list[Problem]
) -> MarkedAnswer | None:
    if len(row) != len(HEADER):
        problems.append(Problem(name, line, 1, "", f"has {len(row)} cells, not 3"))
        return None
    item, answer, human = (cell.strip() for cell in row)
    return checked_mark(item, answer, human, Place(name, line, (1, 2, 3)), item_ids, problems)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a mark's row is, for its problems: the file, the line, and the columns of its
    item, answer and mark."""

    file: str
    line: int
    columns: tuple[int, int, int]

    def problem(self, cell: int, message: str) -> Problem:
        return Problem(self.file, self.line, self.columns[cell], "", message)


def checked_mark(
    item: str,
    answer: str,
    human: str,
    place: Place,
    item_ids: frozenset[str],
    problems: list[Problem],
) -> MarkedAnswer | None:
    """A mark from its three cells, or None after noting what is wrong with them: the one
    check for the pack's `marked.csv` and for every sheet `learn` reads."""
    mark = human_mark(human)
    unsafe = first_unsafe(answer)
    if item not in item_ids:
        problems.append(place.problem(0, "names no item of the pack"))
    elif mark is None:
        problems.append(place.problem(2, "the mark must be accept or reject"))
    elif not answer:
        problems.append(place.problem(1, "the answer is empty"))
    elif len(answer) > MAX_ANSWER:
        problems.append(place.problem(1, f"the answer is over {MAX_ANSWER:,} characters"))
    elif unsafe is not None:
        problems.append(place.problem(1, f"the answer holds a control character {unsafe}"))
    else:
        return MarkedAnswer(item, answer, mark, place.line)
    return None


def write_marked(folder: Path, marks: Sequence[MarkedAnswer]) -> None:
    """Write the marks as the pack's marked-answers file, beside then in place, so a full
    disk never leaves it cut short."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for mark in marks:
        writer.writerow((mark.item_id, mark.answer, "accept" if mark.accept else "reject"))
    target = folder / MARKED_FILE
    partial = folder / (MARKED_FILE + ".partial")
    partial.write_text(out.getvalue(), encoding="utf-8")
    partial.replace(target)
