"""The argument map: sections and items drawn a row at a time (Textual's Line API).

It looks and answers keys as the Textual `Tree` it replaced, but draws only the rows on
screen from `Rows`, a flat list that expanding, collapsing and searching splice or swap:
`Tree` rebuilt its lines from every expanded node at each change, which froze the Study
screen for seconds on a 50k-item pack. Labels are plain text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from trainer.tui.map_rows import Rows, Shown
from trainer.tui.outline import VOCABULARY
from trainer.tui.text import plain_text

GUIDES = ("  ", "\u2502 ", "\u2514 ", "\u251c ")
"""Under a last child, beside a later sibling, a last child's corner, a child's tee: the
characters `Tree` draws with `guide_depth = 2`."""
ICONS = ("\u25b6 ", "\u25bc ")
"""A collapsed branch, an expanded one."""
TOGGLE = Style.from_meta({"toggle": True})
"""Marks the icon, so a click on it toggles the branch instead of selecting the row."""


@dataclass(frozen=True, slots=True)
class Look:
    """The styles of one frame, read once from the component classes, not once a row."""

    base: Style
    line_hover: Style
    guides: tuple[Style, Style, Style]
    """Plain, under the pointer, under the cursor."""
    label: Style
    label_hover: Style
    cursor: Style
    focused: bool


class ArgumentMap(ScrollView, can_focus=True):
    """Sections and items; a row's item id is "" for a heading, `VOCABULARY` for the
    vocabulary's lines."""

    DEFAULT_CSS = Path(__file__).with_name("argument_map.tcss").read_text(encoding="utf-8")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "argument-map--cursor",
        "argument-map--guides",
        "argument-map--guides-hover",
        "argument-map--guides-selected",
        "argument-map--highlight",
        "argument-map--highlight-line",
        "argument-map--label",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("space", "toggle_node", "Toggle", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("right", "expand", "Expand", show=False),
        Binding("left", "collapse", "Collapse", show=False),
        Binding("shift+left", "cursor_parent", "Cursor to parent", show=False),
        Binding("shift+up", "cursor_sibling(-1)", "Previous sibling", show=False),
        Binding("shift+down", "cursor_sibling(1)", "Next sibling", show=False),
    ]

    cursor_row: var[int] = var(-1, always_update=True)
    """The row with the cursor, -1 when the map is empty."""
    hover_row: var[int] = var(-1)
    """The row under the mouse pointer, -1 when it is elsewhere."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another node: its item id ("" for a heading)."""

        map: ArgumentMap
        item_id: str

        @property
        def control(self) -> ArgumentMap:
            return self.map

    def __init__(self, shown: Shown, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows = Rows(shown)
        self._cursor_node = -1
        self._labels: LRUCache[int, Text] = LRUCache(1024)
        self._look: Look | None = None

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self._rows))

    # What the screen and tests read.

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_item(self) -> str | None:
        """The item id on the cursor's row ("" for a heading), None when the map is empty."""
        node = self._rows.node(self.cursor_row)
        return self._rows.shown.forest.item_ids[node] if node >= 0 else None

    def shown_item_ids(self) -> set[str]:
        """The item ids of every node the map shows, collapsed or not ("" for headings)."""
        ids = self._rows.shown.forest.item_ids
        return {ids[node] for node in self._rows.shown.nodes}

    def show(self, shown: Shown) -> None:
        """Show other nodes (a search's, or all), expanded, the cursor on the first item.
        Constant time but for copying the list of rows."""
        self._rows = Rows(shown)
        self._labels.clear()
        self._cursor_node = -1
        self.hover_row = -1
        self.virtual_size = Size(0, len(self._rows))
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor_row = self._rows.first_item_row()
        self.refresh()

    # The cursor.

    def validate_cursor_row(self, row: int) -> int:
        return -1 if not self._rows else max(0, min(row, len(self._rows) - 1))

    def watch_cursor_row(self, row: int) -> None:
        node = self._rows.node(row)
        if node != self._cursor_node:
            self._cursor_node = node
            if node >= 0:
                self.post_message(self.Highlighted(self, self._rows.shown.forest.item_ids[node]))
        self.refresh()  # the cursor's row, and the guides of the rows under it

    def watch_hover_row(self) -> None:
        self.refresh()

    def _move(self, row: int) -> None:
        self.cursor_row = row
        if self.cursor_row >= 0:
            region = Region(0, self.cursor_row, max(1, self.size.width), 1)
            self.scroll_to_region(region, animate=False, force=True, x_axis=False)

    def action_cursor_up(self) -> None:
        self._move(len(self._rows) - 1 if self.cursor_row < 0 else self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self._move(self.cursor_row - (self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self._move(self.cursor_row + (self.scrollable_content_region.height - 1))

    def action_scroll_home(self) -> None:
        self._move(0)

    def action_scroll_end(self) -> None:
        self._move(len(self._rows) - 1)

    def action_cursor_parent(self) -> None:
        node = self._rows.node(self.cursor_row)
        if node >= 0 and self._rows.shown.forest.parents[node] >= 0:
            self._move(self._rows.row_of(self._rows.shown.forest.parents[node]))

    def action_cursor_sibling(self, step: int) -> None:
        """To the next (`step` 1) or previous (-1) node under the same parent, or to the parent
        when there is no previous one, as `Tree` does."""
        rows, row = self._rows, self.cursor_row
        node = rows.node(row)
        if node < 0:
            return
        depth = rows.shown.forest.depths[node]
        if step > 0:  # the next sibling, or else the parent's next sibling
            after = rows.row_after(node)
            other = rows.node(after)
            if other >= 0 and rows.shown.forest.depths[other] >= depth - 1:
                self._move(after)
        elif row > 0:
            path = rows.path(rows.node(row - 1))
            self._move(rows.row_of(path[min(depth, len(path) - 1)]))

    # Expanding and collapsing.

    def action_select_cursor(self) -> None:
        """Enter (or a click) on a branch opens or closes it, as `Tree` does."""
        self.action_toggle_node()

    def action_toggle_node(self) -> None:
        self._toggle(self.cursor_row)

    def action_expand(self) -> None:
        if not self._rows.is_expanded(self._rows.node(self.cursor_row)):
            self._toggle(self.cursor_row)

    def action_collapse(self) -> None:
        """Close the branch; on a closed branch or a leaf, go to the node above it."""
        node = self._rows.node(self.cursor_row)
        if self._rows.is_expanded(node):
            self._toggle(self.cursor_row)
        else:
            self.action_cursor_parent()

    def _toggle(self, row: int) -> None:
        rows, cursor = self._rows, self.cursor_row
        node = rows.node(row)
        if not rows.is_branch(node):
            return
        if rows.is_expanded(node):
            removed = rows.collapse(row)
            cursor = cursor - removed if cursor > row + removed else min(cursor, row)
        elif (added := rows.expand(row)) and cursor > row:
            cursor += added
        self.virtual_size = Size(0, len(rows))
        self._move(cursor if cursor >= 0 else row)

    # The mouse.

    async def _on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        if "row" not in meta:
            return
        if meta.get("toggle"):
            self._toggle(meta["row"])
        else:
            self._move(meta["row"])
            self.action_select_cursor()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self.hover_row = event.style.meta.get("row", -1)

    def _on_leave(self, _: events.Leave) -> None:
        self.hover_row = -1

    # Drawing.

    def render_lines(self, crop: Region) -> list[Strip]:
        self._look = self._read_look()
        return super().render_lines(crop)

    def _read_look(self) -> Look:
        def part(name: str) -> Style:
            return self.get_component_rich_style(f"argument-map--{name}", partial=True)

        guides = part("guides")
        return Look(
            base=self.rich_style,
            line_hover=self.get_component_rich_style("argument-map--highlight-line"),
            guides=(guides, guides + part("guides-hover"), guides + part("guides-selected")),
            label=part("label"),
            label_hover=part("highlight"),
            cursor=self.get_component_rich_style("argument-map--cursor", partial=False),
            focused=self.has_focus,
        )

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        look = self._look or self._read_look()
        row = y + scroll_y
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, look.base)
        return self._render_row(row, look).crop(scroll_x, scroll_x + width)

    def _render_row(self, row: int, look: Look) -> Strip:
        rows = self._rows
        node = rows.nodes[row]
        shown = rows.shown
        depth = shown.forest.depths[node]
        chosen = rows.ancestor_depth(rows.node(self.cursor_row), node) if look.focused else -1
        pointed = rows.ancestor_depth(rows.node(self.hover_row), node)
        line_style = (look.line_hover if pointed >= 0 else look.base) + Style(meta={"row": row})
        text = Text(style=line_style)
        path = rows.path(node) if depth else [node]
        for level in range(1, depth + 1):
            # A guide is drawn as under the cursor (or pointer) when that node is above it.
            which = 2 if 0 <= chosen < level else 1 if 0 <= pointed < level else 0
            if level < depth:
                glyph = GUIDES[0] if shown.last[path[level]] else GUIDES[1]
            else:
                glyph = GUIDES[2] if shown.last[node] else GUIDES[3]
            text.append(glyph, look.guides[which])
        label_style = look.label
        if self.hover_row == row:
            label_style += look.label_hover
        if self.cursor_row == row:
            label_style += look.cursor
        label = self._label(node).copy()
        label.stylize(label_style)
        icon = ICONS[rows.is_expanded(node)] if rows.is_branch(node) else ""
        text.append_text(Text.assemble((icon, line_style + TOGGLE), label))
        strip = Strip(text.render(self.app.console))
        return strip.extend_cell_length(self.size.width, line_style)

    def _label(self, node: int) -> Text:
        """The node's label as plain text (its first line), headings bold, the search's
        words marked; kept for the rows drawn lately."""
        label = self._labels.get(node)
        if label is None:
            forest, words = self._rows.shown.forest, self._rows.shown.words
            heading = self._rows.is_branch(node) and forest.item_ids[node] in ("", VOCABULARY)
            first_line = forest.labels[node].partition("\n")[0]
            label = plain_text(first_line, "bold" if heading else "")
            if words:
                label.highlight_words(words, "reverse", case_sensitive=False)
            self._labels.set(node, label)
        return label
