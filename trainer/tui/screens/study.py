"""Study: the argument map as a tree beside the chosen item's details, searchable."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Tree

from trainer.packs.model import Pack
from trainer.tui.outline import (
    VOCABULARY,
    VOCABULARY_NOTE,
    Node,
    build_outline,
    filter_outline,
)
from trainer.tui.widgets.argument_tree import ArgumentTree
from trainer.tui.widgets.item_detail import ItemDetail
from trainer.tui.widgets.title_bar import TitleBar


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

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.outline: tuple[Node, ...] = build_outline(pack)
        self.sub_title = f"Study: {pack.title}"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="study-columns"):
            with Vertical(id="map-column"):
                yield Input(placeholder="Search the map (/)", id="search", select_on_focus=False)
                yield ArgumentTree(id="map")
            yield ItemDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#map").border_title = "Argument map"
        self.query_one("#detail").border_title = "Details"
        tree = self.query_one("#map", ArgumentTree)
        tree.show(self.outline, expand_all=True)
        tree.focus()

    def watch_filter_text(self, text: str) -> None:
        tree = self.query_one("#map", ArgumentTree)
        nodes = filter_outline(self.pack, self.outline, text)
        tree.show(nodes, expand_all=True, highlight=text)
        if not nodes:
            self.query_one("#detail", ItemDetail).show_heading("Nothing in this pack matches.")

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#map", ArgumentTree).focus()

    @on(Tree.NodeHighlighted, "#map")
    def _item_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        detail = self.query_one("#detail", ItemDetail)
        item_id = event.node.data
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
