"""The argument map as a Textual `Tree`, every label plain text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from trainer.tui.outline import VOCABULARY, Node
from trainer.tui.text import plain_text


class ArgumentTree(Tree[str]):
    """Sections and items; each item node's data is the item's id ("" for headings)."""

    DEFAULT_CSS = """
    ArgumentTree {
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "expand", "Expand", show=False),
        Binding("left", "collapse", "Collapse", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Argument", data="", id=id)
        self.show_root = False
        self.guide_depth = 2

    def show(self, nodes: Iterable[Node], *, expand_all: bool, highlight: str = "") -> None:
        """Replace the tree's contents, marking the words of `highlight` in the labels."""
        self.clear()
        words = highlight.split()

        def add(parent: TreeNode[str], node: Node) -> None:
            style = "bold" if node.children and node.item_id in ("", VOCABULARY) else ""
            label = plain_text(node.label, style)
            if words:
                label.highlight_words(words, "reverse", case_sensitive=False)
            if node.children:
                branch = parent.add(label, data=node.item_id, expand=expand_all)
                for child in node.children:
                    add(branch, child)
            else:
                parent.add_leaf(label, data=node.item_id)

        for section in nodes:
            add(self.root, section)
            self.root.children[-1].expand()
        self.root.expand()
        self.scroll_home(animate=False)
        self.highlight_first_item()

    def highlight_first_item(self) -> None:
        """Put the cursor on the first item (not a heading), which shows it in the details."""
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data:
                self.cursor_line = line
                return

    def action_expand(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.allow_expand:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)
