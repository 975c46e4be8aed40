"""The Study screen on big packs, beside a bare Textual `Tree` of the same size.

Targets (issue 16): at 10k items the Study screen's first frame that shows the map within 2x
a bare `Tree` holding the same nodes, a search key answered (the filtered map drawn) within
50 ms of the search firing, and the UI thread never blocked for more than 100 ms while the
screen opens (issue 12) - measured as the longest gap between ticks of a 10 ms timer.

Each figure is a median of `--repeat` runs at 1k, 10k and 50k items (a thesis, premises and
a piece of evidence under every fourth premise, built in memory: 50k items would not fit a
pack file's 5 MB), bare and Study interleaved so a noisy neighbour hits both alike.

    .venv/bin/python benchmarks/bench_study.py [--sizes 1000,10000,50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import tempfile
import time

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.tui.outline import Node, build_outline

SEARCH = "strikes 12"
"""A search typed into the map: matches a few items of any pack made here."""


def big_pack(items: int) -> Pack:
    """A thesis, premises, and evidence for every fourth premise (nested in the map)."""
    made = [Item("thesis", Kind.THESIS, "The thesis.", Answer("the thesis"), "thesis")]
    for n in range(items - 1):
        if n % 5 == 4:
            text, kind, ref = f"Report {n} on strikes {n}.", Kind.EVIDENCE, f"p{n - 1}"
        else:
            text, kind, ref = f"Strikes {n} change little.", Kind.PREMISE, ""
        answer = Answer(f"strikes {n} change little", accept=(f"strike {n} does little",))
        made.append(Item(f"p{n}", kind, text, answer, f"items[{n}]", ref=ref))
    return Pack(id="bench", title="Benchmark pack", version="1", items=tuple(made))


class Heartbeat:
    """The longest wait between ticks of a fast timer: how long the UI thread was blocked."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now


class BareTree(Screen[None]):
    """A screen holding only a Textual `Tree`, filled with the outline's nodes on mount:
    the floor, pushed onto a running app as the Study screen is."""

    def __init__(self, outline: tuple[Node, ...]) -> None:
        super().__init__()
        self.outline = outline

    def compose(self) -> ComposeResult:
        yield Tree("Argument")

    def on_mount(self) -> None:
        tree: Tree[str] = self.query_one(Tree)

        def add(parent: TreeNode[str], node: Node) -> None:
            if node.children:
                branch = parent.add(node.label, data=node.item_id, expand=True)
                for child in node.children:
                    add(branch, child)
            else:
                parent.add_leaf(node.label, data=node.item_id)

        for section in self.outline:
            add(tree.root, section)
        tree.root.expand()


async def _drawn(screen: Screen[None]) -> float:
    """The moment the screen's next frame has been drawn."""
    drawn: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    screen.call_after_refresh(lambda: drawn.set_result(time.perf_counter()))
    return await drawn


async def time_bare(outline: tuple[Node, ...]) -> float:
    """Seconds from pushing the bare screen to its first frame with the filled tree."""
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        screen = BareTree(outline)
        await app.push_screen(screen)
        return await _drawn(screen) - began


async def time_study(pack: Pack) -> tuple[float, float, float]:
    """(seconds to the first frame with the map, seconds from a search firing to its map
    drawn, the longest the UI thread was blocked while the screen opened)."""
    from trainer.tui.app import AppOptions, TrainerApp
    from trainer.tui.screens.study import StudyScreen

    with tempfile.TemporaryDirectory() as home:
        os.environ["DEBATE_TRAINER_HOME"] = home
        app = TrainerApp(AppOptions(seed=1, save_settings=False, student="bench"))
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            beat = Heartbeat()
            timer = app.set_interval(0.01, beat.tick)
            began = time.perf_counter()
            screen = StudyScreen(pack)
            await app.push_screen(screen)
            beat.last = time.perf_counter()
            while not screen.ready:
                await asyncio.sleep(0.002)
            first = await _drawn(screen) - began
            blocked = beat.longest
            timer.stop()
            searched = time.perf_counter()
            screen.filter_text = SEARCH  # as the search box sets it once typing pauses
            await screen.workers.wait_for_complete()
            search = await _drawn(screen) - searched
    return first, search, blocked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    ok = True
    firsts: list[float] = []
    print("Study screen beside a bare Tree of the same nodes (medians, 100x30 headless)")
    for size in sizes:
        pack = big_pack(size)
        outline = build_outline(pack)
        nodes = sum(1 for section in outline for _ in section.walk())
        bare_s, first_s, search_s, blocked_s = [], [], [], []
        for _ in range(args.repeat):
            bare_s.append(asyncio.run(time_bare(outline)))
            first, search, blocked = asyncio.run(time_study(pack))
            first_s.append(first)
            search_s.append(search)
            blocked_s.append(blocked)
        bare, first = statistics.median(bare_s), statistics.median(first_s)
        search, blocked = statistics.median(search_s), max(blocked_s)
        firsts.append(first)
        ratio = first / bare
        if size == 10_000:
            ok &= ratio <= 2 and search <= 0.05
        ok &= blocked <= 0.1
        print(
            f"  {size:>6,} items ({nodes:,} nodes): bare Tree {bare * 1000:7.1f} ms   "
            f"Study map shown {first * 1000:7.1f} ms ({ratio:4.2f}x, target <= 2x at 10k)   "
            f"search {search * 1000:6.1f} ms (target <= 50 ms)   "
            f"UI blocked at most {blocked * 1000:6.1f} ms (target <= 100 ms)"
        )
    order = math.log(firsts[-1] / firsts[0]) / math.log(sizes[-1] / sizes[0])
    print(f"  growth order of the Study map's first frame {order:.2f} (1.00 = linear)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
