"""Export then import keeps every item and relation, through the files a user would write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.interop.helpers import HOSTILE, PACKS, hostile_pack, shape
from trainer.cli import main
from trainer.interop.argdown import ArgdownError, read_argdown, write_argdown
from trainer.interop.graph import argument_map
from trainer.packs.loader import load_pack
from trainer.packs.model import Kind


@pytest.mark.parametrize("name", sorted(PACKS))
def test_export_then_import_keeps_every_item_and_relation(name: str, tmp_path: Path) -> None:
    original = load_pack(PACKS[name])
    out = tmp_path / "map.argdown"
    assert main(["export", str(PACKS[name]), "--format", "argdown", "--out", str(out)]) == 0
    assert main(["import-argdown", str(out), str(tmp_path / "pack")]) == 0
    imported = load_pack(tmp_path / "pack")
    assert shape(argument_map(imported)) == shape(argument_map(original))
    assert len(imported) == len(original)
    assert argument_map(imported).meta == argument_map(original).meta
    assert main(["check", str(tmp_path / "pack")]) == 0


def test_hostile_text_survives_the_round_trip_as_text(tmp_path: Path) -> None:
    pack = load_pack(hostile_pack(PACKS["small"], tmp_path / "hostile"))
    amap = argument_map(pack)
    again = read_argdown(write_argdown(amap))
    assert shape(again) == shape(amap)
    assert again.node("thesis") is not None and again.node("thesis").text == HOSTILE  # type: ignore[union-attr]


def test_a_hand_drawn_map_without_kinds_becomes_a_pack(tmp_path: Path) -> None:
    source = tmp_path / "uniforms.argdown"
    source.write_text(
        "# Uniforms\n\n"
        "[Uniforms optional]: Schools should not make uniforms compulsory.\n"
        "  + [Cost]: Uniforms cost families money.\n"
        "    + [Survey]: A survey found £300 a year.\n"
        "  - <Bullying>: Uniforms reduce bullying.\n"
        "    - <Moves>: Bullying moves to phones.\n"
        "  +> [Drop them]: Drop compulsory uniforms.\n"
        "  <- <Equality>: Uniforms hide wealth.\n"
        "    <- <Still shows>: Wealth still shows in phones.\n",
        encoding="utf-8",
    )
    assert main(["import-argdown", str(source), str(tmp_path / "pack")]) == 0
    pack = load_pack(tmp_path / "pack")
    kinds = {item.id: item.kind for item in pack}
    assert kinds == {
        "uniforms-optional": Kind.THESIS,
        "cost": Kind.PREMISE,
        "survey": Kind.EVIDENCE,
        "bullying": Kind.COUNTERARGUMENT,
        "moves": Kind.REBUTTAL,
        "drop-them": Kind.CONCLUSION,
        "equality": Kind.COUNTERARGUMENT,
        "still-shows": Kind.REBUTTAL,
    }
    assert pack.item("moves").ref == "bullying" and pack.item("survey").ref == "cost"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[a]: fine\n\nthis is not Argdown we read\n", 3),
        ("[a]: fine\n  [b]: no relation\n", 2),
        ("===\ntitle: x\n", 1),
        ("[a]: text {kind: [unclosed}\n", 1),
        ("[a]: x\n\n<a>: y\n", 3),
    ],
)
def test_an_unreadable_map_is_an_error_at_its_line(text: str, line: int) -> None:
    with pytest.raises(ArgdownError) as caught:
        read_argdown(text)
    assert caught.value.line == line


def test_import_refuses_a_folder_in_use_and_a_broken_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "map.argdown"
    source.write_text("[a]: x\n\ngarbage\x1b[31m here\n", encoding="utf-8")
    assert main(["import-argdown", str(source), str(tmp_path / "new")]) == 2
    error = capsys.readouterr().err
    assert "line 3" in error and "\x1b" not in error and "garbage" not in error
    used = tmp_path / "used"
    used.mkdir()
    (used / "pack.yaml").write_text("keep me", encoding="utf-8")
    source.write_text("[a]: x\n", encoding="utf-8")
    assert main(["import-argdown", str(source), str(used)]) == 2
    assert (used / "pack.yaml").read_text(encoding="utf-8") == "keep me"
    assert "not an empty folder" in capsys.readouterr().err
