"""Big packs: the Study screen's outline, the `outline` command and planning a `mixed` quiz.

Target (issue 16): each linear in the pack size. Each is timed on generated packs of several
sizes beside a bare pass over the same items that builds the same number of results (one
node, one wrapped line or one question per item, no relations looked up): the floor any
implementation pays. The ratio to that floor must stay flat as the pack grows, and the
growth order (the slope of log time against log size) must stay near 1.

    .venv/bin/python benchmarks/bench_packs.py [--sizes 1000,10000,50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections.abc import Callable

from trainer.commands.outline import _wrap, outline_lines
from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.quiz.modes import Mode, plan
from trainer.quiz.questions import Question, QuestionKind
from trainer.tui.outline import Node, build_outline

SHARES: tuple[tuple[Kind, float], ...] = (
    (Kind.PREMISE, 0.20),
    (Kind.COUNTERARGUMENT, 0.15),
    (Kind.REBUTTAL, 0.15),
    (Kind.EVIDENCE, 0.10),
    (Kind.PERSON, 0.05),
    (Kind.QUOTE, 0.10),
    (Kind.CONCLUSION, 0.05),
    (Kind.OTHER_SIDE, 0.10),
    (Kind.REPLY, 0.10),
)
"""What share of a generated pack each kind takes; every relation the format has is used."""

_TARGETS = {
    Kind.REBUTTAL: Kind.COUNTERARGUMENT,
    Kind.EVIDENCE: Kind.PREMISE,
    Kind.QUOTE: Kind.PREMISE,
    Kind.REPLY: Kind.OTHER_SIDE,
    Kind.OTHER_SIDE: Kind.PREMISE,
}
"""Which kind each pointing kind points at (its `ref`)."""


def make_pack(size: int, seed: int = 1) -> Pack:
    """A pack of `size` items (plus the thesis), built in code: the loader's 5 MB file
    limit stops YAML packs near 10,000 items, and loading is not what is timed here."""
    chooser = random.Random(seed)
    by_kind: dict[Kind, list[Item]] = {}
    items = [_make(Kind.THESIS, 0, "", "")]
    for kind, share in SHARES:
        for number in range(max(1, int(size * share))):
            targets = by_kind.get(_TARGETS.get(kind, kind), []) if kind in _TARGETS else []
            ref = chooser.choice(targets).id if targets else ""
            people = by_kind.get(Kind.PERSON, [])
            speaker = chooser.choice(people).id if kind is Kind.QUOTE and people else ""
            item = _make(kind, number, ref, speaker)
            by_kind.setdefault(kind, []).append(item)
            items.append(item)
    return Pack(id="bench", title="Benchmark", version="1", items=tuple(items))


def _make(kind: Kind, number: int, ref: str, speaker: str) -> Item:
    text = f"The {kind.value} number {number} says something about strikes and risks."
    return Item(
        id=f"{kind.value}-{number}",
        kind=kind,
        text=text,
        answer=Answer(canonical=f"{kind.value} {number} about strikes"),
        path=f"{kind.value}[{number}]",
        ref=ref,
        speaker=speaker,
        words=f"words {number}" if kind is Kind.QUOTE else "",
        name=f"Person {number}" if kind is Kind.PERSON else "",
    )


def bare_nodes(pack: Pack) -> object:
    return tuple(Node(item.answer.canonical or item.text, item.id) for item in pack)


def bare_lines(pack: Pack) -> object:
    return [_wrap(f"- {item.text}", 2) for item in pack]


def bare_questions(pack: Pack) -> object:
    questions = [
        Question(QuestionKind.EVIDENCE, item.id, f"About {item.text}", (item.id,)) for item in pack
    ]
    random.Random(1).shuffle(questions)
    return questions


def outline_command(pack: Pack) -> object:
    return list(outline_lines(pack))


def plan_mixed(pack: Pack) -> object:
    return plan(pack, Mode.MIXED, seed=1)


CASES: tuple[tuple[str, Callable[[Pack], object], Callable[[Pack], object]], ...] = (
    ("build_outline (Study screen)", build_outline, bare_nodes),
    ("outline command", outline_command, bare_lines),
    ("plan a mixed quiz", plan_mixed, bare_questions),
)


def timed(run: Callable[[Pack], object], pack: Pack) -> float:
    started = time.perf_counter()
    run(pack)
    return time.perf_counter() - started


def growth(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log time against log size between the smallest and largest packs."""
    return math.log(seconds[-1] / seconds[0]) / math.log(sizes[-1] / sizes[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    packs = {size: make_pack(size) for size in sizes}
    worst = 0.0
    print(f"medians of {args.repeat} runs; baseline: a bare pass making one result per item")
    for name, run, bare in CASES:
        print(f"{name}:")
        medians = []
        for size in sizes:
            pack = packs[size]
            mine, floor = [], []
            for _ in range(args.repeat):  # interleaved, so a noisy neighbour hits both alike
                floor.append(timed(bare, pack))
                mine.append(timed(run, pack))
            mine_s, floor_s = statistics.median(mine), statistics.median(floor)
            medians.append(mine_s)
            print(
                f"  {len(pack):>7,} items: {mine_s * 1000:9.1f} ms   bare {floor_s * 1000:8.1f} ms"
                f"   ratio {mine_s / floor_s:5.2f}x"
            )
        order = growth(sizes, medians)
        worst = max(worst, order)
        print(f"  growth order {order:.2f} (1.00 = linear)")
    verdict = "OK" if worst <= 1.2 else "MISSED"
    print(f"worst growth order {worst:.2f} (target <= 1.2, linear) {verdict}")
    return 0 if worst <= 1.2 else 1


if __name__ == "__main__":
    sys.exit(main())
