"""`debate-trainer check PATH...`: is this pack valid, and does its key grade fairly?

Exit codes are an API for instructors' CI: 0 all good, 1 a self-test response was graded
against its mark, 2 a pack is invalid.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from trainer.commands._common import EXIT_DISAGREE, EXIT_INVALID, EXIT_OK
from trainer.packs.errors import PackError
from trainer.packs.loader import load_pack
from trainer.packs.model import Item, Pack
from trainer.packs.safe_text import json_text, visible

if TYPE_CHECKING:
    from trainer.grading.engine import Grader
    from trainer.grading.verdict import Verdict


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate packs and run their self-test responses through the grader",
        description="Validate each pack and grade every item's self-test responses. "
        "Exit 0: all good; 1: a self-test disagrees with the grader; 2: a pack is invalid.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a pack folder or pack.yaml")
    parser.add_argument("--json", action="store_true", help="print a JSON report")
    parser.add_argument(
        "--suggest",
        action="store_true",
        help="also suggest, from WordNet, other words for each key's words and candidate "
        "wrong answers (the key with one word turned round), for you to judge",
    )
    parser.add_argument(
        "--overrides",
        action="store_true",
        help="also list answers students overruled ('I was right'), from the progress store, "
        "so the key can be fixed",
    )
    parser.set_defaults(run=run)


def _self_tests(pack: Pack, suggest: bool) -> tuple[int, list[str], dict[str, Any], list[Any]]:
    """(disagreements, readable lines, JSON, advice) from the grader's self-test run and
    its advice on the key (warnings, and suggestions when asked)."""
    from trainer.grading.advice import advise
    from trainer.grading.engine import grader_for
    from trainer.grading.selftest import run_self_tests

    grader = grader_for(pack)
    report = run_self_tests(pack, _graded_on_every_core(pack, grader))
    advice = advise(pack, grader.index, suggest=suggest)
    return len(report.disagreements), list(report.lines()), report.to_json(), list(advice)


def _graded_on_every_core(pack: Pack, grader: Grader) -> Grader:
    """The pack's grader, with every self-test response (and marked answer) graded first by
    `grade_many`: a pool of one process per core for a big pack (10,000 responses took
    longer than loading the pack), in-process for a small one. Anything else asked of it
    is graded as usual."""
    from trainer.grading.engine import Grader
    from trainer.grading.parallel import grade_many

    pairs = list(
        dict.fromkeys(
            [(item.id, response) for item in pack for response in item.answer.tests.accept]
            + [(item.id, response) for item in pack for response in item.answer.tests.reject]
            + [(mark.item_id, mark.answer) for mark in pack.marked]
        )
    )
    verdicts = dict(zip(pairs, grade_many(pack, pairs, grader=grader), strict=True))

    class Pregraded(Grader):
        def __init__(self) -> None:  # the same grader, not a second build
            self.pack, self.index = grader.pack, grader.index

        def grade(self, answer: str, item: Item | str) -> Verdict:
            found = verdicts.get((item if isinstance(item, str) else item.id, answer))
            return found if found is not None else grader.grade(answer, item)

    return Pregraded()


def _overrides(pack: Pack) -> list[dict[str, Any]]:
    """Answers graded wrong that the student overruled: candidates for the answer key."""
    import sqlite3

    from trainer.commands._common import store_failure
    from trainer.progress import ProgressStore, StoreError

    with ProgressStore.open_default(read_only=True) as store:
        if store.notice:  # a damaged file moved aside: the user must learn where it went
            print(store.notice, file=sys.stderr)
        try:
            return [
                {
                    "item_id": a.item_id,
                    "answer": a.answer,
                    "outcome": a.outcome,
                    "at": a.at.isoformat(),
                }
                for a in store.attempts(pack.id)
                if a.overridden
            ]
        except (StoreError, sqlite3.DatabaseError) as error:  # a damaged page met on reading
            raise StoreError(store_failure(store, error)) from None


def check_one(path: str, overrides: bool = False, suggest: bool = False) -> dict[str, Any]:
    result: dict[str, Any] = {"path": path}
    try:
        pack = load_pack(path)
    except PackError as error:
        result.update(status="invalid", problems=[p.to_json() for p in error.problems])
        result["report"] = error.report()
        return result
    tests = sum(len(i.answer.tests.accept) + len(i.answer.tests.reject) for i in pack)
    result.update(
        id=pack.id,
        title=pack.title,
        version=pack.version,
        items=len(pack),
        self_tests=tests,
        problems=[],
    )
    disagreements, lines, as_json, advice = _self_tests(pack, suggest)
    result["status"] = "disagrees" if disagreements else "ok"
    result["advice"] = [a.to_json() for a in advice]
    result["advice_lines"] = [
        ("  suggest: " if a.kind.suggestion else "  warning: ") + visible(a.line()) for a in advice
    ]
    result["disagreements"] = disagreements
    result["self_test_report"] = as_json
    result["report"] = "\n".join(lines)
    if overrides:
        result["overrides"] = _overrides(pack)
    return result


def run(args: argparse.Namespace) -> int:
    if args.overrides:
        # The store (and fsrs behind it) is imported only when overrides are asked for.
        from trainer.progress.store import StoreError

        try:
            results = [check_one(path, overrides=True, suggest=args.suggest) for path in args.paths]
        except StoreError as error:
            print(f"check: {error}", file=sys.stderr)
            return EXIT_INVALID
    else:
        results = [check_one(path, suggest=args.suggest) for path in args.paths]
    code = EXIT_OK
    for result in results:
        if result["status"] == "invalid":
            code = EXIT_INVALID
        elif result["status"] == "disagrees" and code == EXIT_OK:
            code = EXIT_DISAGREE
    if args.json:
        for result in results:
            result.pop("report", None)
            result.pop("advice_lines", None)
        print(json_text({"exit": code, "packs": results}, indent=2))
        return code
    for result in results:
        path = visible(result["path"])
        if result["status"] == "invalid":
            print(f"INVALID {path}\n{result['report']}")
            continue
        # One line per pack whatever it holds: a newline in a title must not forge another.
        title, version = visible(result["title"]), visible(result["version"])
        summary = (
            f'{result["id"]} "{title}" {version}: '
            f"{result['items']} items, {result['self_tests']} self-test responses"
        )
        if result["status"] == "ok":
            print(f"OK      {path}: {summary}, all graded as marked")
        else:
            print(
                f"DISAGREE {path}: {summary}; {result['disagreements']} graded against "
                f"their mark:\n{result['report']}"
            )
        for line in result.get("advice_lines", ()):
            print(line)
        if "overrides" in result:
            print(_render_overrides(result["overrides"]))
    return code


def _render_overrides(overrides: list[dict[str, Any]]) -> str:
    if not overrides:
        return "  No overruled verdicts recorded for this pack."
    count = len(overrides)
    noun = "answer" if count == 1 else "answers"
    lines = [f"  {count} {noun} students overruled as right (consider adding to the key):"]
    lines += [
        f"    {visible(o['item_id'])}: {o['answer']!r} (graded {visible(o['outcome'])})"
        for o in overrides
    ]
    return "\n".join(lines)
