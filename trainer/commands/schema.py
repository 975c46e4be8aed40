"""`debate-trainer schema`: the JSON Schema of the pack format, for instructors' editors."""

from __future__ import annotations

import argparse
import json

from trainer.packs.format import json_schema


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the pack format",
        description="Print the JSON Schema of pack.yaml. Save it beside a pack and add "
        "'# yaml-language-server: $schema=./pack.schema.json' to the pack's first line.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
