"""A class's answers, read for triage, and the marks a teacher gives them, kept with the pack.

One reader of a user's file serves `learn`, `triage` and the app's triage screen, so each
refuses the same files in the same words (a pipe, a huge file, text that is not UTF-8); the
screen shows the words where the commands print them. Marks made in the app are kept the way
`learn` keeps a sheet's: checked like `marked.csv`, merged with the marks already kept (a
contradiction is reported, never guessed at) and written by `write_marked`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from trainer.packs.csv_sheet import cell, read_sheet
from trainer.packs.errors import PackError, Problem
from trainer.packs.files import read_bounded
from trainer.packs.learning import Merge, merge
from trainer.packs.marked import Place, checked_mark, read_marked, write_marked
from trainer.packs.model import MarkedAnswer

NEEDED = ("item", "answer")
"""The columns a class's answers must have; any others are ignored."""


@dataclass(frozen=True, slots=True)
class ClassAnswers:
    """The (item id, answer) rows to cluster, and how many rows named no item or no answer."""

    pairs: tuple[tuple[str, str], ...]
    left_out: int


def read_user_text(path: Path) -> str:
    """A CSV the user named, as text: it must be a regular file (a pipe or a device would be
    read for ever), within the pack size limit, in UTF-8. PackError says why not."""
    name = str(path)
    if not path.is_file():
        raise PackError([Problem(name, 0, 0, "", "is not a readable file")])
    try:
        return read_bounded(path, name).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError([Problem(name, 0, 0, "", "is not UTF-8 text")]) from None


def parse_class_answers(text: str, name: str, item_ids: frozenset[str]) -> ClassAnswers:
    """The rows of a CSV with `item` and `answer` columns; PackError for a file that is not
    CSV or lacks one of them (every row would be left out, and the teacher not know why)."""
    rows, at = read_sheet(text, name, NEEDED)
    pairs: list[tuple[str, str]] = []
    left_out = 0
    for row in rows:
        item, answer = cell(row, at["item"]).strip(), cell(row, at["answer"])
        if item not in item_ids or not answer.strip():
            left_out += 1 if any(c.strip() for c in row) else 0
            continue
        pairs.append((item, answer))
    return ClassAnswers(tuple(pairs), left_out)


def read_class_answers(path: Path, item_ids: Iterable[str]) -> ClassAnswers:
    """`parse_class_answers` of the file at `path`, read as `read_user_text` reads it."""
    return parse_class_answers(read_user_text(path), str(path), frozenset(item_ids))


def is_builtin(folder: Path) -> bool:
    """Whether `folder` is one of the packs shipped with the trainer, which nothing changes
    (an update would overwrite it; a copy in the user's packs folder is theirs)."""
    from trainer.locations import builtin_packs_dir

    try:
        return folder.resolve().is_relative_to(builtin_packs_dir().resolve())
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class Kept:
    """What saving a teacher's marks did."""

    merge: Merge
    refused: tuple[Problem, ...]
    """Marked answers no pack may keep (a control character, over the length limit)."""


def keep_marks(
    folder: Path, marks: Iterable[tuple[str, str, bool]], item_ids: Iterable[str]
) -> Kept:
    """Merge (item id, answer, accept) marks into the pack's `marked.csv` as `learn` does,
    against the file as it is now (so a second save in one session sees the first).
    PackError when the file kept there is damaged; OSError when it cannot be written."""
    ids = frozenset(item_ids)
    refused: list[Problem] = []
    new: list[MarkedAnswer] = []
    for number, (item, answer, accept) in enumerate(marks, start=1):
        place = Place("the marked answers", number, (1, 2, 3))
        mark = checked_mark(
            item, answer.strip(), "accept" if accept else "reject", place, ids, refused
        )
        if mark is not None:
            new.append(mark)
    result = merge(read_marked(folder, ids), new)
    if result.added:
        write_marked(folder, result.marks)
    return Kept(result, tuple(refused))
