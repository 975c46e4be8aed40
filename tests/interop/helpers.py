"""Shared pieces of the interop tests: the packs to round-trip, a hostile pack, and where
.ci/run puts the real tools."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SMALL_PACK
from trainer.interop.graph import ArgumentMap
from trainer.locations import builtin_pack_dir

ROOT = Path(__file__).resolve().parents[2]
ARGDOWN = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "argdown"
PACKS = {"built-in": builtin_pack_dir(), "small": SMALL_PACK}

HOSTILE = (
    "Say [thesis] <bullying> #tag @[cost] *bold* _it_ `code` {kind: thesis} // comment "
    '\\ "quoted" <script>alert(1)</script> [link](http://x) ![img](y) | a | b | ~~s~~ $x$ '
    '-> +> <- <+ a & b; c" -- ] > } ='
)
"""Text that would be markup in every format written, if it were not escaped."""


def shape(amap: ArgumentMap) -> tuple[list[tuple[object, ...]], list[tuple[str, str, str]]]:
    """The map's items (id, kind, text, details) and relations, comparable across maps."""
    nodes = sorted((n.id, n.kind, n.text, tuple(sorted(n.details.items()))) for n in amap.nodes)
    edges = sorted((e.source, e.target, e.relation.value) for e in amap.edges)
    return nodes, edges


def hostile_pack(source: Path, target: Path) -> Path:
    """A copy of the small pack whose thesis text is `HOSTILE`."""
    shutil.copytree(source, target)
    pack_yaml = target / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    pack_yaml.write_text(
        text.replace(
            "  text: Schools should not make uniforms compulsory.", f'  text: "{quoted}"', 1
        ),
        encoding="utf-8",
    )
    return target
