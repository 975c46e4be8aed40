"""The exports read by the real tools: the Argdown CLI and Graphviz, where .ci/run put them.

Each test is skipped, saying which tool is missing and how to get it, when the tool is not
on this machine: `make test` must not depend on Node or Graphviz.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.interop.helpers import ARGDOWN, HOSTILE, PACKS, hostile_pack
from trainer.commands.export import render
from trainer.interop.graph import argument_map
from trainer.packs.loader import load_pack

pytestmark = pytest.mark.slow

needs_argdown = pytest.mark.skipif(
    not ARGDOWN.exists(),
    reason=f"the Argdown CLI is not at {ARGDOWN}: .ci/run installs it "
    "(npm install --prefix .ci/node @argdown/cli)",
)
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="Graphviz's dot is not on PATH: .ci/run installs it (apt-get install graphviz)",
)


def _argdown_json(source: Path) -> dict[str, dict[str, dict[str, object]]]:
    done = subprocess.run(
        [str(ARGDOWN), "json", str(source), str(source.parent)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).lower()
    assert "warn" not in said and "error" not in said and "success" in said, said
    exported = source.with_suffix(".json").read_text(encoding="utf-8")
    result: dict[str, dict[str, dict[str, object]]] = json.loads(exported)
    return result


@needs_argdown
@pytest.mark.parametrize("name", sorted(PACKS))
def test_argdown_reads_every_item_and_relation(name: str, tmp_path: Path) -> None:
    pack = load_pack(PACKS[name])
    source = tmp_path / "map.argdown"
    source.write_text(render(pack, "argdown"), encoding="utf-8")
    exported = _argdown_json(source)
    elements = {**exported["statements"], **exported["arguments"]}
    assert set(elements) == {item.id for item in pack}
    for item in pack:
        element = elements[item.id]
        assert element["data"]["kind"] == item.kind.value  # type: ignore[index]
        members = element["members"]
        assert isinstance(members, list)
        texts = {" ".join(str(member.get("text", "")).split()) for member in members}
        assert " ".join(item.text.split()) in texts
    relations = {(r["from"], r["to"], r["relationType"]) for r in exported["relations"]}  # type: ignore[index]
    wanted = {(e.source, e.target, e.relation.value) for e in argument_map(pack).edges}
    assert relations == wanted


@needs_argdown
def test_argdown_reads_hostile_text_as_text(tmp_path: Path) -> None:
    pack = load_pack(hostile_pack(PACKS["small"], tmp_path / "hostile"))
    source = tmp_path / "map.argdown"
    source.write_text(render(pack, "argdown"), encoding="utf-8")
    exported = _argdown_json(source)
    thesis = exported["statements"]["thesis"]
    members = thesis["members"]
    assert isinstance(members, list)
    assert [str(m["text"]).strip() for m in members if m.get("text")] == [HOSTILE]
    assert set(exported["statements"]) | set(exported["arguments"]) == {i.id for i in pack}
    assert exported["tags"] == {} or not exported["tags"]


@needs_dot
@pytest.mark.parametrize("name", [*sorted(PACKS), "hostile"])
def test_graphviz_renders_the_map(name: str, tmp_path: Path) -> None:
    folder = PACKS.get(name) or hostile_pack(PACKS["small"], tmp_path / "hostile")
    pack = load_pack(folder)
    done = subprocess.run(
        ["dot", "-Tsvg"],
        input=render(pack, "dot"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    svg = done.stdout
    boxes = svg.count('class="node"')
    people = sum(1 for item in pack if item.kind.value == "person")
    assert boxes == len(pack) - people
    assert svg.count('class="edge"') == len(argument_map(pack).edges)
    assert "<script>" not in svg
