"""The argument map as flat rows: what the Study screen's map draws, one row per line.

Textual's `Tree` rebuilds its list of lines from every expanded node whenever one changes, so
filling or filtering a map of 50k items grows with the square of the pack. Here the outline
is flattened once, in reading order, into parallel tuples (`Forest`); a search keeps a subset
of it (`Shown`), found by one pass over the folded texts; and the rows on screen (`Rows`) are
a sorted list of node numbers that expanding or collapsing splices in place, in time
proportional to the rows it adds or removes. Pure data, no widgets: built on a worker, and
tested without starting the app.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress

from trainer.tui.outline import VOCABULARY, Row


@dataclass(frozen=True, slots=True)
class Forest:
    """The outline in reading order: node `i`'s descendants are the nodes `i + 1` up to
    `ends[i]`, so a whole branch is one slice and "is an ancestor" is two comparisons."""

    labels: tuple[str, ...]
    item_ids: tuple[str, ...]
    depths: tuple[int, ...]
    """0 for a section heading, 1 for its items, 2 for what supports them..."""
    parents: tuple[int, ...]
    """The node above each node; -1 for a section heading."""
    ends: tuple[int, ...]
    """One past each node's last descendant."""
    texts: tuple[str, ...]
    """What a search matches in each node, folded; "" for a heading (headings never match)."""
    last: bytes
    """1 where a node is the last of its parent's children (drawn with a corner, not a tee)."""
    branch: bytes
    """1 where a node has children."""

    def __len__(self) -> int:
        return len(self.labels)


def flatten(rows: Iterable[Row], texts: Mapping[str, str]) -> Forest:
    """The map's rows (`outline_rows`) as a `Forest`, in one pass; `texts` holds each item's
    folded `search_text`. A vocabulary line is found by its own words. Builds no object per
    row that outlives the pass, so a big pack's map adds next to nothing for the garbage
    collector to walk (a full collection at 50k items stops every thread for 60-75 ms)."""
    labels: list[str] = []
    ids: list[str] = []
    depths: list[int] = []
    parents: list[int] = []
    ends: list[int] = []
    found: list[str] = []
    path: list[int] = []  # the nodes above the current row, one per depth
    for depth, label, item_id in rows:
        index = len(labels)
        while len(path) > depth:
            ends[path.pop()] = index
        parents.append(path[-1] if path else -1)
        depths.append(len(path))
        path.append(index)
        labels.append(label)
        ids.append(item_id)
        ends.append(index + 1)
        if not depths[-1]:
            found.append("")  # a heading
        else:
            found.append(label.casefold() if item_id == VOCABULARY else texts.get(item_id, ""))
    for node in path:
        ends[node] = len(labels)
    count = len(labels)
    # A node is the last of its siblings when what follows its branch is not a sibling.
    last = bytes(
        end == count or parents[end] != parent for end, parent in zip(ends, parents, strict=True)
    )
    branch = bytes(end - index > 1 for index, end in enumerate(ends))
    return Forest(
        tuple(labels), tuple(ids), tuple(depths), tuple(parents), tuple(ends), tuple(found),
        last, branch,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Shown:
    """The nodes of a `Forest` that the map shows: all of them, or those a search kept."""

    forest: Forest
    nodes: Sequence[int]
    """The shown nodes in reading order (a `range` when nothing is filtered out)."""
    last: bytes
    """1 where a node is the last shown child of its parent."""
    branch: bytes
    """1 where a node has shown children (it can be expanded and collapsed)."""
    words: tuple[str, ...] = ()
    """The search's words, marked in the labels."""


def everything(forest: Forest) -> Shown:
    """The whole forest, in constant time: clearing a search costs nothing."""
    return Shown(forest, range(len(forest)), forest.last, forest.branch)


def search(forest: Forest, query: str, whole: Shown | None = None) -> Shown:
    """The nodes that match every word of `query`, with the nodes above them for context.

    A matching node keeps only its matching descendants, so a search narrows the map to what
    was asked for. One pass over the folded texts finds the matches (a C-level substring test
    per node and word), and a walk up from each match, stopping at the first node already
    kept, adds the context: linear in the forest. `whole` is returned for an empty query.
    """
    words = tuple(query.casefold().split())
    if not words:
        return whole if whole is not None else everything(forest)
    texts, parents = forest.texts, forest.parents
    first, rest = words[0], words[1:]
    matches = [index for index, text in enumerate(texts) if first in text]
    for word in rest:
        matches = [index for index in matches if word in texts[index]]
    keep = bytearray(len(forest))
    for index in matches:
        while index >= 0 and not keep[index]:
            keep[index] = 1
            index = parents[index]
    nodes = tuple(compress(range(len(keep)), keep))
    last, branch = bytearray(len(forest)), bytearray(len(forest))
    has_later = set()  # the parents already given a later shown child
    for index in reversed(nodes):
        parent = parents[index]
        if parent not in has_later:
            has_later.add(parent)
            last[index] = 1
        if parent >= 0:
            branch[parent] = 1
    return Shown(forest, nodes, bytes(last), bytes(branch), words)


class Rows:
    """The rows on screen: the shown nodes that no collapsed node hides, in reading order.

    The list stays sorted (reading order is node order), so a node's row is a bisection, and
    a branch's rows are one slice of it.
    """

    def __init__(self, shown: Shown) -> None:
        self.shown = shown
        self.nodes: list[int] = list(shown.nodes)
        self.collapsed: set[int] = set()

    def __len__(self) -> int:
        return len(self.nodes)

    def node(self, row: int) -> int:
        """The node on `row`, or -1 when there is no such row."""
        return self.nodes[row] if 0 <= row < len(self.nodes) else -1

    def row_of(self, node: int) -> int:
        """The row showing `node`, or -1 when it is hidden or not shown."""
        row = bisect_left(self.nodes, node)
        return row if row < len(self.nodes) and self.nodes[row] == node else -1

    def row_after(self, node: int) -> int:
        """The first row below `node`'s branch (== len(self) when there is none)."""
        return bisect_left(self.nodes, self.shown.forest.ends[node])

    def is_branch(self, node: int) -> bool:
        return node >= 0 and bool(self.shown.branch[node])

    def is_expanded(self, node: int) -> bool:
        return self.is_branch(node) and node not in self.collapsed

    def expand(self, row: int) -> int:
        """Show the children of the node on `row` (and theirs, unless collapsed); the number
        of rows added, which is also the work done (bisections aside)."""
        node = self.node(row)
        if not self.is_branch(node) or node not in self.collapsed:
            return 0
        self.collapsed.discard(node)
        shown, ends = self.shown.nodes, self.shown.forest.ends
        at, stop = bisect_right(shown, node), bisect_left(shown, ends[node])
        added: list[int] = []
        while at < stop:
            child = shown[at]
            added.append(child)
            at += 1
            if child in self.collapsed:  # its branch stays hidden
                at = bisect_left(shown, ends[child], at, stop)
        self.nodes[row + 1 : row + 1] = added
        return len(added)

    def collapse(self, row: int) -> int:
        """Hide everything under the node on `row`; the number of rows removed."""
        node = self.node(row)
        if not self.is_expanded(node):
            return 0
        self.collapsed.add(node)
        stop = bisect_left(self.nodes, self.shown.forest.ends[node], row + 1)
        del self.nodes[row + 1 : stop]
        return stop - row - 1

    def ancestor_depth(self, node: int, of: int) -> int:
        """The depth of `node` when it is `of` or above it, else -1."""
        forest = self.shown.forest
        return forest.depths[node] if 0 <= node <= of < forest.ends[node] else -1

    def path(self, node: int) -> list[int]:
        """The nodes from the section heading down to `node` (at most a few)."""
        parents = self.shown.forest.parents
        found = [node]
        while parents[found[-1]] >= 0:
            found.append(parents[found[-1]])
        found.reverse()
        return found

    def first_item_row(self) -> int:
        """The first row that is an item (not a heading), or the first row, or -1."""
        ids = self.shown.forest.item_ids
        for row, node in enumerate(self.nodes):
            if ids[node]:
                return row
        return 0 if self.nodes else -1
