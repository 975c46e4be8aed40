"""Triage: a teacher marks a class's answers a cluster at a time, and the grader learns.

The clusters are `debate-trainer triage`'s (`trainer.grading.triage`), biggest and least
certain first, each with the grader's verdict and how sure it is. One key marks a whole
cluster (`a` accept, `r` reject; the same key again takes the mark back), `s` splits one
into its distinct answers (`trainer.grading.triage_split`), Enter shows its answers, `u`
undoes, and `w` keeps the marks in the pack's `marked.csv` as `debate-trainer learn` does,
so the grader and `learn` read them. Saving only adds marks, as `learn` does: a mark taken
back after it was saved stays in `marked.csv` (edit the file to drop it), and one that
contradicts a kept mark is reported and left out. Reading and clustering run on a worker
thread; answers and pack text are shown as plain text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static
from textual.worker import Worker, WorkerState

from trainer.tui.text import plain, plain_text
from trainer.tui.triage_sheet import Mark, Sheet
from trainer.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from trainer.packs.class_answers import Kept
    from trainer.packs.model import Pack

UNDO_DEPTH = 200
"""Edits `u` can take back, one at a time."""
ITEM_WIDTH = 14
"""Characters of an item's label in the list; the answer takes what the terminal has left."""
FIXED_WIDTH = 37
"""What the other columns take: size, verdict, sureness and mark, each cell's padding and
the scroll bar."""
MARK_STYLES = {Mark.ACCEPT: "bold green", Mark.REJECT: "bold red"}


class Stage(Enum):
    ASKING = "asking"
    """No answers yet: the screen asks for the CSV."""
    GROUPING = "grouping"
    READY = "ready"


@dataclass(frozen=True, slots=True)
class _Failed:
    """The answers could not be read: the message says which file and why."""

    message: str


def _grouped(pack: Pack, path: Path) -> Sheet | _Failed:
    """On a worker thread: the clusters of the answers in `path`, as a sheet to mark."""
    from trainer.grading.engine import grader_for
    from trainer.grading.triage import triage
    from trainer.packs.class_answers import read_class_answers
    from trainer.packs.errors import PackError

    try:
        answers = read_class_answers(path, (item.id for item in pack))
    except PackError as error:
        return _Failed("\n".join(problem.describe() for problem in error.problems))
    if not answers.pairs:
        return _Failed(f"{path}: no row names an item of this pack with an answer")
    return Sheet.of(triage(grader_for(pack), answers.pairs))


def _kept(pack: Pack, sheet: Sheet) -> Kept | _Failed:
    """On a worker thread: the sheet's marks merged into the pack's marked.csv."""
    from trainer.packs.class_answers import is_builtin, keep_marks
    from trainer.packs.errors import PackError

    folder = pack.folder
    if folder is None or is_builtin(folder):
        return _Failed(
            "The built-in pack is not changed: copy its folder into your packs folder "
            "(`debate-trainer packs` says where), open the copy and triage there."
        )
    try:
        return keep_marks(folder, sheet.marks(), (item.id for item in pack))
    except PackError as error:
        return _Failed(error.report(relative_to=folder))
    except OSError as error:
        return _Failed(f"Cannot write the marks in {folder}: {error.strerror}")


def _cut(text: str, width: int) -> str:
    """`text` in `width` characters, an ellipsis saying when some are left out."""
    return text if len(text) <= width else text[: width - 1] + "\u2026"


class TriageScreen(Screen[None]):
    """A class's answers in clusters, to mark a cluster at once and keep the marks."""

    CSS_PATH = "triage.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "mark('accept')", "Accept"),
        Binding("r", "mark('reject')", "Reject"),
        Binding("s", "split", "Split"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("w,ctrl+s", "save", "Save marks"),
        Binding("escape", "back", "Back"),
    ]

    class Saved(Message):
        """Marks were kept in the pack's marked.csv: a grader built before does not know
        them, so the app reopens the pack."""

        def __init__(self, folder: Path, added: int) -> None:
            super().__init__()
            self.folder = folder
            self.added = added

    def __init__(self, pack: Pack, answers: Path | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.answers = answers
        self.stage = Stage.ASKING
        self.sheet = Sheet()
        self._undo: list[Sheet] = []
        self._saved: frozenset[tuple[str, str, bool]] = frozenset()
        self._saving: Sheet | None = None
        """The sheet a save is writing: one save at a time, and what it kept is its marks."""
        self.sub_title = f"Triage: {pack.title}"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="ask"):
            yield Label("A class's answers: a CSV with item and answer columns")
            yield Input(placeholder="path/to/answers.csv", id="path")
        yield Static(id="status")
        yield DataTable(id="clusters", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="answers"):
            yield Static(id="answer-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#answers").border_title = "Answers in this cluster"
        if self.answers is None:
            self._say("Type the path of the answers' CSV and press Enter.")
            self.query_one("#path", Input).focus()
        else:
            self._group(self.answers)

    # -- reading and grouping -------------------------------------------------------------

    @on(Input.Submitted, "#path")
    def _path_given(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self._group(Path(event.value.strip()).expanduser())

    def _group(self, path: Path) -> None:
        self.answers = path
        self._set_stage(Stage.GROUPING)
        self._say(f"Grouping the answers in {path}\u2026")
        self._run_grouping(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="triage")
    def _run_grouping(self, path: Path) -> Sheet | _Failed:
        return _grouped(self.pack, path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="triage-save")
    def _run_save(self, sheet: Sheet) -> Kept | _Failed:
        return _kept(self.pack, sheet)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in ("triage", "triage-save"):
            return
        event.stop()  # the app reports only its own workers
        saving = None
        if worker.group == "triage-save" and worker.is_finished:
            saving, self._saving = self._saving, None
        if event.state is WorkerState.ERROR:
            self._failed(f"Unexpected problem: {type(worker.error).__name__}: {worker.error}")
        elif event.state is WorkerState.SUCCESS:
            result = worker.result
            if isinstance(result, _Failed):
                self._failed(result.message)
            elif isinstance(result, Sheet):
                self._show(result)
            elif result is not None and saving is not None:
                self._kept_marks(result, saving)

    def _failed(self, message: str) -> None:
        if self.stage is Stage.GROUPING:
            self._set_stage(Stage.ASKING)
            self.query_one("#path", Input).focus()
        self._say(message, "$text-error")
        self.notify(message, title="Triage", severity="error", markup=False)

    def _show(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self._undo.clear()
        self._saved = frozenset()
        self._set_stage(Stage.READY)
        self._fill(0)
        self.query_one("#clusters", DataTable).focus()

    # -- marking --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark", "split", "undo", "save"):
            return self.stage is Stage.READY
        return True

    @property
    def _cursor(self) -> int:
        return self.query_one("#clusters", DataTable).cursor_row

    def action_mark(self, name: str) -> None:
        """Mark the cluster under the cursor, then move to the next, as a teacher goes on."""
        if not self.sheet.rows:
            return
        row = self._cursor
        self._edit(self.sheet.marked(row, Mark(name)), min(row + 1, len(self.sheet.rows) - 1))

    def action_split(self) -> None:
        if not self.sheet.rows:
            return
        row = self._cursor
        split = self.sheet.split(row)
        if split is self.sheet:
            cluster = self.sheet.rows[row].cluster
            self.notify(f"One answer, given {cluster.size} times: nothing to split.")
            return
        self._edit(split, row)

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.")
            return
        row = self._cursor
        self.sheet = self._undo.pop()
        self._fill(min(row, len(self.sheet.rows) - 1))

    def _edit(self, sheet: Sheet, cursor: int) -> None:
        self._undo.append(self.sheet)
        del self._undo[:-UNDO_DEPTH]
        self.sheet = sheet
        self._fill(cursor)

    @property
    def unsaved(self) -> int:
        """Marked answers not yet kept by a save."""
        return len(set(self.sheet.marks()) - self._saved)

    def action_save(self) -> None:
        if not self.sheet.marked_rows:
            self.notify("Mark a cluster first: a accepts it, r rejects it.", severity="warning")
            return
        if self._saving is not None:
            return  # the save under way writes the file; press w again after it
        self._saving = self.sheet
        self._say("Keeping the marks\u2026")
        self._run_save(self.sheet)

    def _kept_marks(self, kept: Kept, saved: Sheet) -> None:
        result = kept.merge
        self._saved = frozenset(saved.marks())
        lines = [f"Kept {result.added} new marked answers ({len(result.marks)} in all)."]
        if result.conflicts:
            lines.append(
                f"{len(result.conflicts)} contradict a mark already kept and were left out "
                "(debate-trainer check --overrides and learn list marks)."
            )
        if kept.refused:
            lines.append(f"{len(kept.refused)} could not be kept: {kept.refused[0].message}.")
        message = " ".join(lines)
        self._status()
        self.notify(message, title="Triage", markup=False)
        if self.pack.folder is not None:
            self.post_message(self.Saved(self.pack.folder, result.added))

    def action_back(self) -> None:
        from trainer.tui.screens.confirm import ConfirmScreen

        if self.stage is not Stage.READY or not self.unsaved:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmScreen(f"Leave without keeping {self.unsaved} marked answers?", "Leave", "Stay"),
            answered,
        )

    # -- showing --------------------------------------------------------------------------

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        for each in Stage:
            self.set_class(each is stage, f"-{each.value}")
        self.refresh_bindings()

    def _say(self, message: str, style: str = "") -> None:
        self.query_one("#status", Static).update(plain(message, style))

    def _status(self) -> None:
        sheet = self.sheet
        text = (
            f"{sheet.answers} answers in {len(sheet.rows)} clusters; {sheet.marked_rows} "
            f"marked ({sheet.marked_answers} answers)"
        )
        unsaved = self.unsaved
        self.query_one("#status", Static).update(
            Content.assemble(
                plain(text),
                plain(f"; {unsaved} unsaved (w saves)", "$text-warning")
                if unsaved
                else plain("; all kept" if self._saved else ""),
            )
        )

    def _fill(self, cursor: int) -> None:
        """The list of clusters, with the cursor on row `cursor`."""
        table = self.query_one("#clusters", DataTable)
        table.clear(columns=True)
        width = max(20, self.app.size.width - ITEM_WIDTH - FIXED_WIDTH)
        for label, size in (("Item", ITEM_WIDTH), ("Size", 4), ("Grader", 9), ("Sure", 4)):
            table.add_column(label, width=size)
        table.add_column("Mark", width=6)
        table.add_column("Answer (commonest)", width=width)
        for row in self.sheet.rows:
            cluster, verdict = row.cluster, row.cluster.verdict
            item = self.pack.get(cluster.item_id)
            table.add_row(
                plain_text(_cut(item.label if item is not None else cluster.item_id, ITEM_WIDTH)),
                Text(str(cluster.size), justify="right"),
                Text(verdict.outcome.value),
                Text(f"{cluster.confidence:.2f}", justify="right"),
                Text(row.mark.value, MARK_STYLES[row.mark]) if row.mark else Text(""),
                plain_text(" ".join(cluster.answers[0].answer.split())),
            )
        if self.sheet.rows:
            table.move_cursor(row=cursor)
        self._status()
        self._show_answers()

    @on(DataTable.RowSelected, "#clusters")
    def _toggle_answers(self) -> None:
        self.toggle_class("-answers")
        self._show_answers()

    @on(DataTable.RowHighlighted, "#clusters")
    def _show_answers(self) -> None:
        if not self.has_class("-answers") or not self.sheet.rows:
            return
        cluster = self.sheet.rows[self._cursor].cluster
        counts: dict[str, int] = {}
        for graded in cluster.answers:
            counts[graded.answer] = counts.get(graded.answer, 0) + 1
        verdicts = {graded.answer: graded.verdict for graded in cluster.answers}
        lines = []
        for answer, count in counts.items():
            verdict = verdicts[answer]
            head = Content.styled(
                f"x{count:<3} {verdict.outcome.value:<9} {verdict.confidence:.2f}  ", "$text-muted"
            )
            lines.append(Content.assemble(head, plain(answer)))
        lines.append(plain(f"The grader: {cluster.verdict.explanation}", "italic"))
        self.query_one("#answer-list", Static).update(Content("\n").join(lines))
