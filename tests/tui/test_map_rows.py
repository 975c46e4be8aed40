"""The Study map's flat rows: the outline flattened, searched, expanded and collapsed.

Pure data, no app: each result is checked against the tree of nodes it stands for, or
against a recount from scratch.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SMALL_PACK
from trainer.packs.loader import load_pack
from trainer.tui.map_rows import Forest, Rows, Shown, everything, flatten, search
from trainer.tui.outline import Node, Row, build_outline
from trainer.tui.screens.study import prepare


def small_forest() -> Forest:
    return prepare(load_pack(SMALL_PACK)).whole.forest


def test_the_flat_map_reads_as_the_outline_does() -> None:
    forest = small_forest()
    walked: list[tuple[int, Node, bool]] = []

    def walk(node: Node, depth: int, last: bool) -> None:
        walked.append((depth, node, last))
        for n, child in enumerate(node.children):
            walk(child, depth + 1, n == len(node.children) - 1)

    for section in build_outline(load_pack(SMALL_PACK)):
        walk(section, 0, False)
    assert forest.labels == tuple(node.label for _, node, _ in walked)
    assert forest.item_ids == tuple(node.item_id for _, node, _ in walked)
    assert forest.depths == tuple(depth for depth, _, _ in walked)
    for index, (depth, node, last) in enumerate(walked):
        descendants = sum(1 for _ in node.walk()) - 1
        assert forest.ends[index] == index + 1 + descendants
        assert forest.branch[index] == bool(node.children)
        if depth:
            assert forest.last[index] == last
            assert forest.depths[forest.parents[index]] == depth - 1
        else:
            assert forest.parents[index] == -1


def test_search_keeps_matches_and_their_parents_only() -> None:
    forest = small_forest()
    kept = search(forest, "PHONES")
    assert {forest.item_ids[node] for node in kept.nodes} - {""} == {
        "bullying",
        "bullying-moves",
        "equality",
        "equality-reply",
    }
    headings = [forest.labels[node] for node in kept.nodes if not forest.depths[node]]
    assert headings == [
        "Counterarguments the author answers",
        "The other side (not from the article)",
    ]
    assert search(forest, "no such words").nodes == ()
    whole = everything(forest)
    assert search(forest, "  ", whole) is whole
    vocabulary = search(forest, "voluntary")  # a vocabulary line, by its own words
    assert [forest.labels[node] for node in vocabulary.nodes] == [
        "How answers are read",
        "optional, voluntary = not compulsory",
    ]


def _texts_forest() -> Forest:
    rows: list[Row] = [
        (0, "Section", ""),
        (1, "Apples", "a"),
        (2, "Bananas", "b"),
        (2, "Apple pie", "c"),
        (1, "Cherries", "d"),
    ]
    texts = {"a": "apples", "b": "bananas", "c": "apple pie", "d": "cherries"}
    return flatten(rows, texts)


def test_a_match_keeps_only_its_matching_children_and_is_drawn_as_they_are() -> None:
    forest = _texts_forest()
    apple = search(forest, "apple")
    assert [forest.item_ids[node] for node in apple.nodes] == ["", "a", "c"]
    assert apple.last[2] == 0 and apple.last[3] == 1  # the pie is the last child shown
    assert apple.last[1] == 1  # and "Apples" the last of its section now
    assert apple.branch[1] and not apple.branch[2]
    banana = search(forest, "BANANAS")
    assert [forest.item_ids[node] for node in banana.nodes] == ["", "a", "b"]
    assert banana.last[2] == 1
    both = search(forest, "pie apple")  # every word, in any order
    assert [forest.item_ids[node] for node in both.nodes] == ["", "a", "c"]
    assert both.words == ("pie", "apple")
    cherries = search(forest, "cherries")
    assert not cherries.branch[1] and cherries.branch[0]


def test_the_cursor_s_first_stop_is_the_first_item() -> None:
    rows = Rows(everything(_texts_forest()))
    assert rows.first_item_row() == 1
    assert Rows(search(_texts_forest(), "nothing at all")).first_item_row() == -1


@st.composite
def outlines(draw: st.DrawFn) -> tuple[list[Row], dict[str, str]]:
    """Any outline: each row at most one deeper than the row before it."""
    count = draw(st.integers(1, 40))
    rows: list[Row] = []
    depth = 0
    for n in range(count):
        depth = draw(st.integers(0, depth + 1)) if rows else 0
        rows.append((depth, f"row {n}", f"i{n}"))
    texts = {f"i{n}": draw(st.sampled_from(["x", "y", "x y", ""])) for n in range(count)}
    return rows, texts


def _recount(shown: Shown, collapsed: set[int]) -> list[int]:
    """The rows on screen, worked out from scratch: shown nodes under no collapsed node."""
    parents = shown.forest.parents

    def hidden(node: int) -> bool:
        parent = parents[node]
        while parent >= 0:
            if parent in collapsed:
                return True
            parent = parents[parent]
        return False

    return [node for node in shown.nodes if not hidden(node)]


@settings(max_examples=150, deadline=None)
@given(outlines(), st.sampled_from(["", "x", "y", "x y"]), st.lists(st.integers(0, 60)))
def test_expanding_and_collapsing_show_what_a_recount_shows(
    outline: tuple[list[Row], dict[str, str]], query: str, toggles: list[int]
) -> None:
    forest = flatten(*outline)
    rows = Rows(search(forest, query))
    assert rows.nodes == _recount(rows.shown, set())
    for pick in toggles:
        if not rows.nodes:
            break
        row = pick % len(rows)
        node, before = rows.node(row), len(rows)
        if rows.is_expanded(node):
            assert rows.collapse(row) == before - len(rows)
        else:
            assert rows.expand(row) == len(rows) - before
        assert rows.nodes == _recount(rows.shown, rows.collapsed)
        assert rows.row_of(node) == row  # the toggled node keeps its row
        for other in rows.nodes:
            path = rows.path(other)
            assert [forest.depths[step] for step in path] == list(range(len(path)))
