"""Merging an instructor's new marks into the marks a pack already keeps.

Two marks for the same answer to the same item (the same words, whatever the case and
spacing) that disagree are reported, never guessed at: the mark already kept stays, and the
new one is left out with the line that contradicts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from trainer.packs.csv_sheet import cell, read_sheet
from trainer.packs.errors import PackError, Problem
from trainer.packs.marked import Place, checked_mark
from trainer.packs.model import MarkedAnswer


@dataclass(frozen=True, slots=True)
class Conflict:
    """A new mark that contradicts another for the same answer."""

    mark: MarkedAnswer
    other: MarkedAnswer
    kept: bool
    """Whether `other` is a mark the pack already kept (else both are new, and neither is)."""


@dataclass(frozen=True, slots=True)
class Merge:
    marks: tuple[MarkedAnswer, ...]
    """Every mark to keep: those kept before, then the new ones, in order."""
    added: int
    conflicts: tuple[Conflict, ...]


def same_answer(text: str) -> str:
    """The key two marks are compared by: the answer's words, case and spacing aside."""
    return " ".join(text.casefold().split())


def merge(kept: Sequence[MarkedAnswer], new: Iterable[MarkedAnswer]) -> Merge:
    by_key = {(m.item_id, same_answer(m.answer)): m for m in kept}
    fresh: dict[tuple[str, str], MarkedAnswer] = {}
    conflicts: list[Conflict] = []
    dropped: set[tuple[str, str]] = set()
    for mark in new:
        key = (mark.item_id, same_answer(mark.answer))
        old = by_key.get(key)
        if old is not None:
            if old.accept != mark.accept:
                conflicts.append(Conflict(mark, old, kept=True))
            continue
        other = fresh.get(key)
        if other is not None:
            if other.accept != mark.accept:
                conflicts.append(Conflict(mark, other, kept=False))
                dropped.add(key)
            continue
        fresh[key] = mark
    added = [m for k, m in fresh.items() if k not in dropped]
    return Merge((*kept, *added), len(added), tuple(conflicts))


def read_marks(text: str, name: str, item_ids: frozenset[str]) -> tuple[MarkedAnswer, ...]:
    """Marks from a CSV with the columns item, answer and human in any order (a `batch` or a
    `triage` file: other columns are ignored, and so is a row whose `human` is empty)."""
    rows, at = read_sheet(text, name, ("item", "answer", "human"))
    columns = (at["item"] + 1, at["answer"] + 1, at["human"] + 1)
    problems: list[Problem] = []
    marks: list[MarkedAnswer] = []
    for line, row in enumerate(rows, start=2):
        cells = {c: cell(row, i).strip() for c, i in at.items()}
        if not cells["human"]:
            continue
        place = Place(name, line, columns)
        mark = checked_mark(
            cells["item"], cells["answer"], cells["human"], place, item_ids, problems
        )
        if mark is not None:
            marks.append(mark)
    if problems:
        raise PackError(problems)
    return tuple(marks)
