"""Study: the argument map as a tree beside the chosen item's details, searchable.

Nothing that grows with the pack runs on the UI thread: the outline, the text each item is
searched by and the folded article (for finding passages) are built on a worker when the
screen opens, and a search is run on a worker once typing pauses, not at every key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState

from trainer.packs.model import Pack
from trainer.tui.map_rows import Shown, everything, flatten, search
from trainer.tui.outline import VOCABULARY, VOCABULARY_NOTE, outline_rows, search_text
from trainer.tui.passage import fold_source
from trainer.tui.widgets.argument_map import ArgumentMap
from trainer.tui.widgets.item_detail import ItemDetail
from trainer.tui.widgets.title_bar import TitleBar


@dataclass(frozen=True, slots=True)
class StudyTiming:
    """How the study screen paces its work."""

    search_pause: float = 0.15
    """Seconds without a key before the map is filtered: a fast typist's gap between keys is
    shorter, so a word typed at speed filters the map once, not once a letter."""


TIMING = StudyTiming()


@dataclass(frozen=True, slots=True)
class StudyMap:
    """What the worker prepares: the whole map, flattened, with the folded text each node is
    found by (so a search is one pass over prepared strings)."""

    whole: Shown


def prepare(pack: Pack) -> StudyMap:
    """The study screen's data, built off the UI thread (linear in the pack and article)."""
    if pack.source_text:
        fold_source(pack.source_text)  # so each item's passage is a plain find later
    texts: Mapping[str, str] = {item.id: search_text(pack, item) for item in pack}
    return StudyMap(everything(flatten(outline_rows(pack), texts)))


def waiting() -> Shown:
    """The map while the worker prepares the real one."""
    return everything(flatten([(0, "Reading the argument\u2026", "")], {}))


class StudyScreen(Screen[None]):
    """What a student reads before a quiz: every item, its accepted answers, its passage."""

    CSS_PATH = "study.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash,ctrl+f", "search", "Search"),
        Binding("ctrl+l", "clear_search", "Clear search", show=False),
    ]

    filter_text: reactive[str] = reactive("", init=False)
    """The search text; the tree shows only the items that match it."""

    def __init__(self, pack: Pack, timing: StudyTiming = TIMING) -> None:
        super().__init__()
        self.pack = pack
        self.timing = timing
        self.whole = waiting()
        """Every node of the map (a placeholder until the worker has built it)."""
        self.ready = False
        """True once the map is built and shown (tests wait for it)."""
        self._pending_search: Timer | None = None
        self.sub_title = f"Study: {pack.title}"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="study-columns"):
            with Vertical(id="map-column"):
                yield Input(placeholder="Search the map (/)", id="search", select_on_focus=False)
                yield ArgumentMap(self.whole, id="map")
            yield ItemDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#map").border_title = "Argument map"
        self.query_one("#detail").border_title = "Details"
        self.query_one("#map", ArgumentMap).focus()
        self._prepare()

    @work(thread=True, exclusive=True, exit_on_error=False, group="study-map")
    def _prepare(self) -> StudyMap:
        return prepare(self.pack)

    @work(thread=True, exclusive=True, exit_on_error=False, group="study-search")
    def _filter(self, text: str) -> tuple[str, Shown]:
        return text, search(self.whole.forest, text, self.whole)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        group, result = event.worker.group, event.worker.result
        if event.state is WorkerState.ERROR:
            detail = self.query_one("#detail", ItemDetail)
            detail.show_heading(f"Could not show this pack's map: {event.worker.error}")
        elif event.state is not WorkerState.SUCCESS:
            return
        elif group == "study-map" and isinstance(result, StudyMap):
            self.whole = result.whole
            self.ready = True
            self._show(self.whole)
            if self.filter_text:
                self._filter(self.filter_text)
        elif group == "study-search" and isinstance(result, tuple):
            text, shown = result
            if text == self.filter_text and isinstance(shown, Shown):  # not overtaken
                self._show(shown)

    def _show(self, shown: Shown) -> None:
        self.query_one("#map", ArgumentMap).show(shown)
        if not shown.nodes:
            self.query_one("#detail", ItemDetail).show_heading("Nothing in this pack matches.")

    def watch_filter_text(self, text: str) -> None:
        if not self.ready:
            return  # the map is shown filtered when it is built
        if not text.split():
            self._show(self.whole)  # clearing the search is instant: nothing to filter
        else:
            self._filter(text)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._pending_search is not None:
            self._pending_search.stop()
        value = event.value
        if not value.split():
            self._pending_search = None
            self.filter_text = value
            return
        self._pending_search = self.set_timer(
            self.timing.search_pause, lambda: setattr(self, "filter_text", value)
        )

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#map", ArgumentMap).focus()

    @on(ArgumentMap.Highlighted, "#map")
    def _item_highlighted(self, event: ArgumentMap.Highlighted) -> None:
        detail = self.query_one("#detail", ItemDetail)
        item_id = event.item_id
        if item_id == VOCABULARY:
            detail.show_heading(VOCABULARY_NOTE)
        elif item_id:
            detail.show_item(self.pack, self.pack.item(item_id))
        else:
            detail.show_heading("Choose an item under this heading to see its details.")

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and search.value:
            search.value = ""
        else:
            self.dismiss()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        self.query_one("#search", Input).value = ""
