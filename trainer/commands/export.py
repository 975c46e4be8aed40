"""`debate-trainer export PACK --format argdown|dot|markdown|json [--out FILE]`: the
argument for other tools (Argdown, Graphviz), a study sheet to print, or the pack's model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.commands._common import EXIT_INVALID, load_or_report, write_replacing
from trainer.locations import builtin_pack_dir
from trainer.packs.model import Pack
from trainer.packs.safe_text import visible

FORMATS = ("argdown", "dot", "markdown", "json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a pack's argument as Argdown, Graphviz DOT, a Markdown study sheet or JSON",
        description="Write the pack's argument map for other tools: Argdown (argdown.org), "
        "DOT for Graphviz (dot -Tsvg), a Markdown study sheet, or the pack's model as JSON "
        "(docs/interop.md).",
    )
    parser.add_argument("pack", nargs="?", help="a pack folder (default: the built-in pack)")
    parser.add_argument("--format", choices=FORMATS, default="argdown")
    parser.add_argument("--out", type=Path, help="write to this file (default: standard output)")
    parser.set_defaults(run=run)


def render(pack: Pack, form: str) -> str:
    """The pack in one of `FORMATS`."""
    if form == "json":
        from trainer.interop.json_model import write_json

        return write_json(pack)
    from trainer.interop.graph import argument_map

    amap = argument_map(pack)
    if form == "dot":
        from trainer.interop.dot import write_dot

        return write_dot(amap)
    if form == "markdown":
        from trainer.interop.markdown import write_markdown

        return write_markdown(amap)
    from trainer.interop.argdown import write_argdown

    return write_argdown(amap)


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack or builtin_pack_dir())
    if pack is None:
        return EXIT_INVALID
    text = render(pack, args.format)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    if pack.folder is not None and args.out.resolve().parent == pack.folder.resolve():
        print(
            f"export: {visible(str(args.out))} is inside the pack's folder; write the export "
            "elsewhere, so it cannot replace the pack's own files.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    try:
        write_replacing(args.out, lambda out: out.write(text))
    except OSError as error:
        print(f"export: cannot write {visible(str(args.out))}: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Wrote {args.format} to {visible(str(args.out))}", file=sys.stderr)
    return 0
