"""The Study screen on big packs, beside a bare Textual `Tree` of the same size.

Targets (issue 16): at 10k items the Study screen's first frame that shows the map within 2x
a bare `Tree` holding the same nodes, a search key answered within 50 ms (the key drawn in
the box, and the filtered map drawn once typing pauses and the search fires), and the UI
thread never blocked for more than 100 ms while the screen opens or a search runs (issue 12)
- measured as the longest gap between ticks of a 10 ms timer, kept running for a moment
after the frame. A branch collapsed and expanded is timed beside the bare Tree too: the Tree
rebuilds its lines from every node at each change, the map splices the rows changed.

Each figure is a median of `--repeat` runs at 1k, 10k and 50k items (a thesis, premises and
a piece of evidence under every fourth premise, built in memory: 50k items would not fit a
pack file's 5 MB), bare and Study interleaved so a noisy neighbour hits both alike.

    .venv/bin/python benchmarks/bench_study.py [--sizes 1000,10000,50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Tree
from textual.widgets.tree import TreeNode

from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.tui.outline import Node, build_outline
from trainer.tui.screens.study import StudyScreen
from trainer.tui.widgets.argument_map import ArgumentMap

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
    """A screen holding only a Textual `Tree`, filled with the outline's nodes on mount, and
    an `Input` to type into: the floor, pushed onto a running app as the Study screen is."""

    def __init__(self, outline: tuple[Node, ...]) -> None:
        super().__init__()
        self.outline = outline

    def compose(self) -> ComposeResult:
        yield Input(id="search")
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


SETTLE = 0.2
"""Seconds the heartbeat goes on after a frame: work queued behind the frame (the rows of a
long list laid out, a collection of garbage) blocks the UI thread too."""


@dataclass(frozen=True, slots=True)
class Figures:
    """One run's figures, in seconds."""

    first: float
    """Pushing the screen to its first frame with the whole map."""
    blocked: float
    """The longest gap of the 10 ms heartbeat from the push to `SETTLE` after that frame."""
    toggle: float
    """Collapsing the first section (one item under it), then expanding it, to each frame."""
    key: float
    """A key typed into the search box to the frame that shows it."""
    search: float = 0.0
    """A search firing (typing paused) to the frame with the filtered map."""
    search_blocked: float = 0.0
    """The longest heartbeat gap while the search was typed, run and drawn."""


async def _settle(beat: Heartbeat) -> float:
    await asyncio.sleep(SETTLE)
    return beat.longest


async def time_bare(outline: tuple[Node, ...]) -> Figures:
    """The bare screen: its first frame with the filled tree, and a branch toggled."""
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        beat = Heartbeat()
        timer = app.set_interval(0.01, beat.tick)
        began = time.perf_counter()
        screen = BareTree(outline)
        await app.push_screen(screen)
        first = await _drawn(screen) - began
        blocked = await _settle(beat)
        timer.stop()
        section = screen.query_one(Tree).root.children[0]
        began = time.perf_counter()
        section.collapse()  # the tree rebuilds its lines from every node before the frame
        await _drawn(screen)
        section.expand()
        toggle = (await _drawn(screen) - began) / 2
        screen.query_one(Input).focus()
        key = await _key(screen, screen.query_one(Input))
    return Figures(first, blocked, toggle, key)


async def _key(screen: Screen[None], box: Input) -> float:
    """Seconds from a key sent as the terminal driver sends it to the frame showing it in
    `box` (Pilot.press also waits for the process to idle, which would time the wait)."""
    await _drawn(screen)
    began = time.perf_counter()
    screen.app.post_message(events.Key(SEARCH[0], SEARCH[0]))
    await _until(lambda: box.value == SEARCH[0])
    return await _drawn(screen) - began


async def _open_study(app: App[object], pack: Pack) -> tuple[StudyScreen, float, float]:
    """(the screen, seconds to its first frame with the map, the longest UI block)."""
    beat = Heartbeat()
    timer = app.set_interval(0.01, beat.tick)
    began = time.perf_counter()
    screen = StudyScreen(pack)
    await app.push_screen(screen)
    beat.last = time.perf_counter()
    while not screen.ready:
        await asyncio.sleep(0.002)
    first = await _drawn(screen) - began
    blocked = await _settle(beat)
    timer.stop()
    return screen, first, blocked


async def _until(ready: Callable[[], bool]) -> float:
    """The moment `ready()` first holds, looked at every millisecond."""
    while not ready():
        await asyncio.sleep(0.001)
    return time.perf_counter()


async def _search(pilot: Pilot[object], screen: StudyScreen) -> tuple[float, float, float]:
    """(a key to its frame, the search firing to its map's frame, the longest UI block), with
    `SEARCH` typed into the search box as a student types it."""
    tree = screen.query_one(ArgumentMap)
    whole = tree.row_count
    box = screen.query_one("#search", Input)
    await pilot.press("slash")
    beat = Heartbeat()
    timer = screen.app.set_interval(0.01, beat.tick)
    key = await _key(screen, box)
    await pilot.press(*SEARCH[1:])
    fired = await _until(lambda: screen.filter_text == SEARCH)
    await _until(lambda: tree.row_count != whole)
    search = await _drawn(screen) - fired
    blocked = await _settle(beat)
    timer.stop()
    return key, search, blocked


async def _toggle_study(screen: StudyScreen) -> float:
    tree = screen.query_one(ArgumentMap)
    tree.cursor_row = 0  # the first section's heading
    await _drawn(screen)
    began = time.perf_counter()
    tree.action_toggle_node()
    await _drawn(screen)
    tree.action_toggle_node()
    return (await _drawn(screen) - began) / 2


async def time_study(pack: Pack) -> Figures:
    """The Study screen opened on a running app, a search typed, a branch toggled."""
    from trainer.tui.app import AppOptions, TrainerApp

    with tempfile.TemporaryDirectory() as home:
        os.environ["DEBATE_TRAINER_HOME"] = home
        app = TrainerApp(AppOptions(seed=1, save_settings=False, student="bench"))
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen, first, blocked = await _open_study(app, pack)
            toggle = await _toggle_study(screen)
            key, search, search_blocked = await _search(pilot, screen)
    return Figures(first, blocked, toggle, key, search, search_blocked)


def _order(sizes: list[int], figures: list[float]) -> float:
    """The growth order between the smallest and the largest size (1.00 = linear)."""
    return math.log(figures[-1] / figures[0]) / math.log(sizes[-1] / sizes[0])


def _median(runs: list[Figures], name: str) -> float:
    return statistics.median(getattr(run, name) for run in runs)


def _report(size: int, nodes: int, bare: list[Figures], study: list[Figures]) -> bool:
    """Print one size's line; whether it meets the targets."""
    first, base = _median(study, "first"), _median(bare, "first")
    blocked = max(max(run.blocked, run.search_blocked) for run in study)
    key, search, base_key = _median(study, "key"), _median(study, "search"), _median(bare, "key")
    toggle, base_toggle = _median(study, "toggle"), _median(bare, "toggle")
    print(
        f"  {size:>6,} items ({nodes:,} nodes)\n"
        f"    first frame with the map: bare Tree {base * 1000:7.1f} ms, "
        f"Study {first * 1000:7.1f} ms ({first / base:4.2f}x; target <= 2x at 10k)\n"
        f"    longest UI block while opening: bare Tree "
        f"{max(run.blocked for run in bare) * 1000:7.1f} ms, "
        f"Study {max(run.blocked for run in study) * 1000:6.1f} ms; "
        f"while searching {max(run.search_blocked for run in study) * 1000:6.1f} ms "
        f"(target <= 100 ms)\n"
        f"    search: a key to its frame {key * 1000:5.1f} ms (bare Input {base_key * 1000:5.1f} "
        f"ms), the search to its map "
        f"{search * 1000:5.1f} ms (target <= 50 ms at 10k)\n"
        f"    a branch collapsed or expanded to its frame: bare Tree "
        f"{base_toggle * 1000:6.1f} ms, Study {toggle * 1000:6.1f} ms"
    )
    ok = blocked <= 0.1
    if size == 10_000:
        ok &= first / base <= 2 and key <= 0.05 and search <= 0.05
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    ok = True
    runs: list[list[Figures]] = []
    print(f"Study screen beside a bare Tree of the same nodes (medians of {args.repeat}, 100x30)")
    for size in sizes:
        pack = big_pack(size)
        outline = build_outline(pack)
        nodes = sum(1 for section in outline for _ in section.walk())
        bare: list[Figures] = []
        study: list[Figures] = []
        for _ in range(args.repeat):
            gc.collect()  # what the last run left is not collected during this one
            bare.append(asyncio.run(time_bare(outline)))
            gc.collect()
            study.append(asyncio.run(time_study(pack)))
        ok &= _report(size, nodes, bare, study)
        runs.append(study)
    if len(sizes) > 1:
        firsts = [_median(study, "first") for study in runs]
        searches = [_median(study, "search") for study in runs]
        print(
            f"  growth order {sizes[0]:,} to {sizes[-1]:,}: first frame "
            f"{_order(sizes, firsts):.2f}, search {_order(sizes, searches):.2f} (1.00 = linear)"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
