"""`debate-trainer outline [PACK]`: the argument map as indented text.

Until the terminal app lands this is also what `debate-trainer` with no command shows.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Iterator

from trainer.commands._common import EXIT_INVALID, load_or_report
from trainer.locations import builtin_pack_dir
from trainer.packs.model import Item, Kind, Pack


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "outline",
        help="print a pack's argument as an outline",
        description="Print the thesis, premises, counterarguments with their rebuttals, "
        "evidence, quotes and the other side's case as an indented outline, then the pack's "
        "own questions with their model answers.",
    )
    parser.add_argument("pack", nargs="?", help="a pack folder (default: the built-in pack)")
    parser.set_defaults(run=run)


def _wrap(text: str, indent: int) -> str:
    pad = " " * indent
    return textwrap.fill(text, width=88, initial_indent=pad, subsequent_indent=pad + "  ")


def outline_lines(pack: Pack) -> Iterator[str]:
    """The outline, one line at a time; plain text, so nothing in a pack can act as markup."""
    yield pack.title
    if pack.source:
        yield f"Source: {pack.source.title}" + (f", {pack.source.date}" if pack.source.date else "")
    yield ""

    def supporting(item: Item, indent: int) -> Iterator[str]:
        for evidence in pack.pointing_at(item.id, Kind.EVIDENCE):
            yield _wrap(f"Evidence: {evidence.text}", indent)
        for quote in pack.pointing_at(item.id, Kind.QUOTE):
            speaker = pack.get(quote.speaker)
            who = speaker.name if speaker else quote.speaker
            yield _wrap(f'{who}: "{quote.words}"', indent)

    sections: list[tuple[str, Kind]] = [
        ("THESIS", Kind.THESIS),
        ("PREMISES", Kind.PREMISE),
        ("CLAIMS THE AUTHOR REJECTS", Kind.COUNTERARGUMENT),
        ("CONCLUSION", Kind.CONCLUSION),
        ("THE OTHER SIDE (not from the source)", Kind.OTHER_SIDE),
    ]
    for heading, kind in sections:
        items = pack.of_kind(kind)
        if not items:
            continue
        yield heading
        for item in items:
            yield _wrap(f"- {item.text}", 2)
            yield from supporting(item, 6)
            answers = Kind.REBUTTAL if kind is Kind.COUNTERARGUMENT else Kind.REPLY
            for answer in pack.pointing_at(item.id, answers):
                label = "Rebuttal" if answers is Kind.REBUTTAL else "Author's reply"
                yield _wrap(f"{label}: {answer.text}", 6)
                yield from supporting(answer, 10)
        yield ""
    yield from _question_lines(pack)
    yield from _vocabulary_lines(pack)


def _question_lines(pack: Pack) -> Iterator[str]:
    """The pack's own questions, each with its model answer: no part of the argument."""
    if not pack.questions:
        return
    yield "QUESTIONS"
    for item in pack.questions:
        yield _wrap(f"- {item.text}", 2)
        yield _wrap(f"Answer: {item.answer.canonical}", 6)
    yield ""


def _vocabulary_lines(pack: Pack) -> Iterator[str]:
    """How answers are read before grading: what a student may write for what."""
    vocabulary = pack.vocabulary
    if not vocabulary:
        return
    yield "HOW ANSWERS ARE READ (the pack's vocabulary)"
    for group in vocabulary.same:
        yield _wrap(f"- {', '.join(group[1:])} = {group[0]}", 2)
    for opposite in vocabulary.opposites:
        yield _wrap(f"- {', '.join(opposite.words)} = not {opposite.means_not}", 2)
    yield ""


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack or builtin_pack_dir())
    if pack is None:
        return EXIT_INVALID
    for line in outline_lines(pack):
        print(line)
    return 0
