"""`debate-trainer triage --pack PATH answers.csv [--out clusters.csv]`: a class's answers
in clusters that say the same thing, for a teacher to mark a cluster at once.

The CSV needs `item` and `answer` columns (other columns are ignored). `--out` writes one row
per answer, `item,cluster,size,answer,verdict,score,confidence,human` with `human` empty to
fill in; `debate-trainer learn` then reads the marks back. `--tui` shows the clusters in the
app instead, to mark with one key each (`trainer.tui.screens.triage`). Exit 0, or 2 for a bad
file.
"""

from __future__ import annotations

import argparse
import csv
import sys
from functools import partial
from pathlib import Path
from typing import TextIO

from trainer.commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    load_or_report,
    write_replacing,
)
from trainer.grading.engine import grader_for
from trainer.grading.triage import Cluster, triage
from trainer.packs.class_answers import read_class_answers
from trainer.packs.errors import PackError
from trainer.packs.safe_text import csv_cell, visible

COLUMNS = ("item", "cluster", "size", "answer", "verdict", "score", "confidence", "human")
SHOWN = 40
"""Clusters listed on the terminal; `--out` has them all."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "triage",
        help="group a class's answers into clusters that say the same thing, to mark at once",
        description="Cluster each item's answers by the grader's reading and likeness, "
        "biggest and least certain first. Exit 0; 2 for a bad pack or file.",
    )
    parser.add_argument("answers", metavar="CSV", help="answers with item and answer columns")
    parser.add_argument("--pack", metavar="PATH", required=True, help="the pack folder")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--out", metavar="PATH", help="write every answer with its cluster here")
    shown.add_argument(
        "--tui",
        action="store_true",
        help="open the clusters in the app, to mark a cluster with one key and save the marks",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack)
    if pack is None:
        return EXIT_INVALID
    source = Path(args.answers)
    try:
        answers = read_class_answers(source, (item.id for item in pack))
    except PackError as error:
        for problem in error.problems:
            print(f"triage: {problem.describe()}", file=sys.stderr)
        return EXIT_INVALID
    if args.tui:
        return _open_app(Path(args.pack).expanduser(), source)
    pairs, unknown = list(answers.pairs), answers.left_out
    clusters = triage(grader_for(pack), pairs)
    if args.out:
        try:
            write_replacing(Path(args.out), partial(_write, clusters=clusters))
        except OSError as error:
            print(f"triage: cannot write {visible(args.out)}: {error.strerror}", file=sys.stderr)
            return EXIT_INVALID
    _show(clusters, len(pairs), unknown)
    return EXIT_OK


def _open_app(pack: Path, answers: Path) -> int:
    """The app on this pack, opening its triage screen on these answers once it loads."""
    from trainer.tui.app import AppOptions, TrainerApp
    from trainer.tui.settings import load_settings

    settings, notice = load_settings()
    options = AppOptions(
        pack_path=pack,
        settings=settings,
        settings_notice=notice,
        student=settings.student,  # an instructor's run: never stop to ask a name
        triage_answers=answers,
    )
    TrainerApp(options).run()
    return EXIT_OK


def _show(clusters: tuple[Cluster, ...], answers: int, unknown: int) -> None:
    print(f"{answers} answers in {len(clusters)} clusters", end="")
    print(f" ({unknown} rows with no known item or no answer left out)" if unknown else "")
    for number, cluster in enumerate(clusters[:SHOWN], start=1):
        verdict = cluster.verdict
        print(
            visible(
                f"{number:>4}. {cluster.item_id} x{cluster.size} {verdict.outcome.value} "
                f"{verdict.score} (sure {cluster.confidence:.2f}): {cluster.answers[0].answer}"
            )
        )
    if len(clusters) > SHOWN:
        print(f"      ... and {len(clusters) - SHOWN} more (--out writes them all)")


def _write(target: TextIO, clusters: tuple[Cluster, ...]) -> int:
    writer = csv.writer(target, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number, cluster in enumerate(clusters, start=1):
        for graded in cluster.answers:
            verdict = graded.verdict
            cells = (
                cluster.item_id,
                number,
                cluster.size,
                graded.answer,
                verdict.outcome.value,
                verdict.score,
                round(verdict.confidence, 2),
                "",
            )
            writer.writerow([csv_cell(cell) for cell in cells])
    return len(clusters)
