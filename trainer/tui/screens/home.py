"""Home: which pack is open, what it holds, the quiz modes to start, and what is due."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from trainer.packs.summary import PackSummary, summarise
from trainer.tui.context import TrainerContext, context_of
from trainer.tui.modes import MODES
from trainer.tui.text import plain
from trainer.tui.widgets.choice_list import Choice, ChoiceList
from trainer.tui.widgets.due_for_review import DueForReview
from trainer.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from trainer.packs.discovery import PackEntry
    from trainer.packs.model import Pack


LOOKING_FOR_PACKS = Choice("", "Looking for packs\u2026", disabled=True)


def pack_choice(entry: PackEntry, due: int = 0) -> Choice:
    """A pack as the list shows it: its title, where it comes from, and how many of its items
    are due for review; or why it cannot be opened."""
    if entry.problems:
        problems = f"{entry.problems} problem{'s' if entry.problems != 1 else ''}"
        return Choice(entry.path, entry.id, f"{entry.origin}: cannot be opened ({problems})")
    line = f"{entry.origin} \u00b7 {entry.items} item{'s' if entry.items != 1 else ''}"
    return Choice(entry.path, entry.title, line + (f" \u00b7 {due} due" if due else ""))


_COUNTED = (
    ("premise", "premise", "premises"),
    ("counterargument", "counterargument", "counterarguments"),
    ("evidence", "piece of evidence", "pieces of evidence"),
    ("quote", "quote", "quotes"),
    ("other_side", "other-side point", "other-side points"),
    ("question", "question", "questions"),
)
"""The kinds (`Kind` values) the summary counts, in its order, with their names."""


def summary_text(summary: PackSummary) -> Content:
    """What a teacher checks before starting: the source, the description, the counts."""
    counts = ((summary.count(kind), one, many) for kind, one, many in _COUNTED)
    said = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)
    # The counts come before the long texts, so they stay in view on a small terminal.
    # The description before the source: packs describe the source's title as "below".
    lines = [plain(summary.title, "bold"), Content.styled(said, "$text-muted")]
    if summary.description:
        lines.append(plain(summary.description))
    if summary.source:
        title, *by = summary.source
        byline = ", ".join(part for part in by if part)
        lines.append(plain(title + (f" ({byline})" if byline else ""), "italic"))
    return Content("\n").join(lines)


def mode_choices(summary: PackSummary) -> list[Choice]:
    """The modes as the list shows them for a pack. A mode the pack has nothing for cannot be
    started (it only said "nothing to ask"), and one for what the pack is not (the argument's
    modes in a pack of questions only, Questions in an argument without any) is not listed."""

    def has(kind: str) -> bool:
        return summary.count(kind) > 0

    return [
        Choice(m.key, m.title, m.line, disabled=bool(m.needs) and not any(map(has, m.needs)))
        for m in MODES
        if not m.requires or has(m.requires)
    ]


class HomeScreen(Screen[None]):
    """The first screen: choose a pack, read about it, start studying or a quiz."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "app.study", "Study"),
        Binding("t", "app.stats", "Stats"),
        Binding("p", "focus('#packs')", "Packs"),
        Binding("m", "modes", "Modes"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    class PackChosen(Message):
        """The student chose a pack to open."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class ModeChosen(Message):
        """The student chose a quiz mode to start on the open pack."""

        def __init__(self, mode: str) -> None:
            super().__init__()
            self.mode = mode

    @property
    def trainer(self) -> TrainerContext:
        return context_of(self)

    AUTO_FOCUS = "#modes"

    def __init__(self, summary: PackSummary | None = None) -> None:
        super().__init__()
        self._summary = summary
        """The opening pack's summary as kept from its last load (`trainer.packs.summary`),
        shown on the first frame while the pack loads; None: "Opening the pack"."""
        if summary is not None:
            self.sub_title = summary.title
        self._due_shown: dict[str, int] = {}
        """What the pack list says is due, by pack path (none listed: nothing due)."""

    def compose(self) -> ComposeResult:
        # Everything the first frame shows is built here, not changed in on_mount: each
        # change after mounting costs another layout before the first frame is drawn.
        yield TitleBar()
        with Horizontal(id="home-columns"):
            with Vertical(id="pack-column"):
                packs = ChoiceList(LOOKING_FOR_PACKS, id="packs")
                packs.border_title = "Pack"
                yield packs
                # Focusable and scrolling, so a long description can be read to its end with
                # the keyboard on a small terminal.
                with VerticalScroll(id="pack-info") as info:
                    info.border_title = "About this pack"
                    yield Static(self._first_info(), id="pack-info-text")
            with Vertical(id="mode-column"):
                if self._summary is None:
                    choices = [Choice(m.key, m.title, m.line) for m in MODES]
                else:
                    choices = mode_choices(self._summary)
                modes = ChoiceList(*choices, id="modes")
                modes.border_title = "Start a quiz"
                yield modes
                yield DueForReview(id="due")
        yield Footer()

    def _first_info(self) -> Content:
        if self._summary is None:
            return Content.styled("Opening the pack\u2026", "$text-muted")
        return summary_text(self._summary)

    def action_modes(self) -> None:
        """`m`: to the list of modes, at its first mode, so the arrows always start there."""
        modes = self.query_one("#modes", ChoiceList)
        modes.focus()
        modes.highlighted = 0 if modes.option_count else None

    def mode_to_start(self) -> str | None:
        """The mode Enter would start: the one highlighted, when the list of modes has focus."""
        modes = self.query_one("#modes", ChoiceList)
        return modes.highlighted_key if modes.has_focus else None

    def on_mount(self) -> None:
        app = self.app  # the app's reactives, watched by name
        self.watch(app, "catalogue", self._show_catalogue, init=False)
        self.watch(app, "pack", self._show_pack, init=False)
        self.watch(app, "pack", self._refresh_due, init=False)
        self.watch(app, "pack_error", self._show_pack, init=False)

    def on_screen_resume(self) -> None:
        """Back from a quiz (or anywhere): what is due may have changed."""
        self._refresh_due()
        if self.trainer.catalogue:  # none yet on the first frame: no worker to start for it
            self._count_due_in_packs(self.trainer.catalogue)

    def _refresh_due(self) -> None:
        pack = self.trainer.pack
        if pack is None:
            self.query_one("#due", DueForReview).hide()
        else:
            self._count_due(pack)

    @work(exclusive=True, exit_on_error=False, group="due")
    async def _count_due(self, pack: Pack) -> None:
        from trainer.tui.progress import StoreUnavailable, due_counts

        due = self.query_one("#due", DueForReview)
        app = self.trainer
        try:
            counts = await app.progress.ask(partial(due_counts, pack, app.now()))
        except StoreUnavailable:
            due.hide()  # the app has said why the store is not open
            return
        if app.pack is pack:
            due.show_due(counts)

    def _show_catalogue(self, entries: tuple[PackEntry, ...]) -> None:
        current = self.trainer.pack_path
        packs = self.query_one("#packs", ChoiceList)
        if not entries:
            packs.set_choices([LOOKING_FOR_PACKS])
            return
        chosen = next((e.path for e in entries if current and Path(e.path) == current), None)
        packs.set_choices(map(pack_choice, entries), highlight=chosen)
        self._due_shown = {}
        self._count_due_in_packs(entries)

    @work(exclusive=True, exit_on_error=False, group="due-in-packs")
    async def _count_due_in_packs(self, entries: tuple[PackEntry, ...]) -> None:
        """Each pack's line says how many of its items are due, once the store can tell."""
        from trainer.tui.progress import StoreUnavailable, due_in_packs

        if not entries:
            return
        app = self.trainer
        try:
            due = await app.progress.ask(partial(due_in_packs, entries, app.now()))
        except StoreUnavailable:
            return  # the app has said why the store is not open
        due = {path: count for path, count in due.items() if count}
        if app.catalogue is not entries or due == self._due_shown:
            return  # a newer list is coming, or nothing changed: no redraw
        self._due_shown = due
        packs = self.query_one("#packs", ChoiceList)
        highlighted = packs.highlighted_key
        packs.set_choices(
            (pack_choice(entry, due.get(entry.path, 0)) for entry in entries),
            highlight=highlighted,
        )

    def _show_pack(self) -> None:
        app = self.trainer
        box = self.query_one("#pack-info", VerticalScroll)
        box.remove_class("error")
        info = self.query_one("#pack-info-text", Static)
        if app.pack is not None:
            summary = summarise(app.pack)
            self.sub_title = summary.title
            info.update(summary_text(summary))
            self._grey_out_empty_modes(summary)
        elif app.pack_error:
            self.sub_title = "no pack open"
            box.add_class("error")
            where = str(app.pack_path) if app.pack_path else "the pack"
            info.update(
                Content.assemble(
                    plain(f"Could not open {where}\n", "bold"),
                    plain(app.pack_error),
                    "\n\nChoose another pack, or fix this one and run `debate-trainer check`.",
                )
            )
        else:
            self.sub_title = "opening\u2026"
            info.update(Content.styled("Opening the pack\u2026", "$text-muted"))

    def _grey_out_empty_modes(self, summary: PackSummary) -> None:
        """The modes for the pack just opened (see `mode_choices`), redrawn only if changed."""
        choices = mode_choices(summary)
        modes = self.query_one("#modes", ChoiceList)
        shown = [modes.get_option_at_index(index) for index in range(modes.option_count)]
        if [(c.key, c.disabled) for c in choices] != [(o.id, o.disabled) for o in shown]:
            modes.set_choices(choices, highlight=modes.highlighted_key)

    @on(OptionList.OptionSelected, "#packs")
    def _pack_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.post_message(self.PackChosen(Path(event.option_id)))

    @on(OptionList.OptionSelected, "#modes")
    def _mode_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.post_message(self.ModeChosen(event.option_id))
