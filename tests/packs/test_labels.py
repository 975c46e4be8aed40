"""Item labels: a pack's own `label:`, or a short one derived from the model answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.packs.errors import PackError
from trainer.packs.format import json_schema
from trainer.packs.loader import load_pack
from trainer.packs.model import LABEL_LENGTH, derived_label


def _with_label(tmp_path: Path, label: str) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, target)
    pack_file = target / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8")
    old = "text: Uniforms put a cost on families that some cannot afford."
    assert old in text
    pack_file.write_text(text.replace(old, f"{old}\n    label: {label}"), encoding="utf-8")
    return target


def test_a_packs_label_names_the_item(tmp_path: Path) -> None:
    pack = load_pack(_with_label(tmp_path, "The cost to families"))
    assert pack.item("cost").label == "The cost to families"


def test_a_label_over_48_characters_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError) as error:
        load_pack(_with_label(tmp_path, "x" * 49))
    assert "label" in error.value.report() and "limit is 48" in error.value.report()


def test_derived_labels_are_short_and_skip_the_shared_opening() -> None:
    assert derived_label("The author answers that Russia is not short of troops.") == (
        "Russia is not short of troops."
    )
    long = derived_label("Critics of the strikes say that " + "very " * 30 + "long")
    assert len(long) <= LABEL_LENGTH and long.endswith("\u2026")
    assert derived_label("Short. Second sentence.") == "Short"


def test_the_schema_documents_label() -> None:
    schema = str(json_schema())
    assert "'label'" in schema and "'maxLength': 48" in schema
