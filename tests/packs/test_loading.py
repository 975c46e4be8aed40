"""Loading valid packs, and the refusals that need a file made at run time."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.packs import Kind, PackError, load_pack
from trainer.packs.loader import MAX_FILE_BYTES, clear_cache


def test_small_pack_loads_with_its_relations() -> None:
    pack = load_pack(SMALL_PACK)
    assert pack.id == "school-uniforms"
    assert pack.thesis.text == "Schools should not make uniforms compulsory."
    assert [item.id for item in pack.pointing_at("bullying", Kind.REBUTTAL)] == ["bullying-moves"]
    assert pack.item("lee-quote").speaker == "lee"
    assert pack.item("lee").name == "Dana Lee"
    assert pack.item("survey").answer.short_ok is True
    assert pack.item("thesis").answer.concepts.need == 2
    assert "£300 a year" in pack.source_text


def test_item_lookup_names_the_missing_id() -> None:
    pack = load_pack(SMALL_PACK)
    with pytest.raises(KeyError, match="no item 'nope'"):
        pack.item("nope")


def test_thresholds_inherit_from_pack_unless_item_overrides(small_pack_copy: Path) -> None:
    pack_file = small_pack_copy / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8")
    text = text.replace(
        'version: "1.0.0"', 'version: "1.0.0"\ngrading:\n  accept: 70\n  partial: 40'
    )
    text = text.replace(
        "      short_ok: true\n      tests:\n        accept: [300",
        "      short_ok: true\n      thresholds:\n        accept: 95\n"
        "      tests:\n        accept: [300",
    )
    pack_file.write_text(text, encoding="utf-8")
    pack = load_pack(small_pack_copy)
    assert pack.thresholds_for(pack.item("cost")).accept == 70
    survey = pack.thresholds_for(pack.item("survey"))
    assert (survey.accept, survey.partial) == (95, 40)


def test_object_constructing_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "format: 1\nid: evil\ntitle: Evil\nversion: '1'\n"
        f"thesis: !!python/object/apply:os.system ['touch {marker}']\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"tag !!python/object/apply:os\.system is not allowed"):
        load_pack(folder)
    assert not marker.exists()


def test_huge_file_is_refused_quickly_without_parsing(tmp_path: Path) -> None:
    folder = tmp_path / "huge"
    folder.mkdir()
    with (folder / "pack.yaml").open("wb") as handle:
        handle.write(b"format: 1\n")
        handle.write(b"# padding\n" * (MAX_FILE_BYTES // 10 + 10))
    started = time.perf_counter()
    with pytest.raises(PackError, match=r"is 5\.0 MB; the limit is 5 MB"):
        load_pack(folder)
    assert time.perf_counter() - started < 0.5


def test_alias_bomb_is_stopped(tmp_path: Path) -> None:
    """A few KB of aliases that would expand to ten million strings is refused, fast."""
    folder = tmp_path / "bomb"
    folder.mkdir()
    refs = ", ".join(["*s"] * 10_000)
    items = ", ".join(["*m"] * 1_000)
    (folder / "pack.yaml").write_text(
        "format: 1\nid: bomb\ntitle: Bomb\nversion: '1'\n"
        "thesis: &m {id: t, text: t, answer: {canonical: c, accept: [&s w, " + refs + "]}}\n"
        f"premises: [{items}]\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    with pytest.raises(PackError, match="expands to too many values"):
        load_pack(folder)
    assert time.perf_counter() - started < 5


def test_non_utf8_text_is_refused_with_its_place(tmp_path: Path) -> None:
    folder = tmp_path / "latin1"
    folder.mkdir()
    (folder / "pack.yaml").write_bytes(b"format: 1\nid: x\ntitle: Caf\xe9\n")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert str(caught.value.problems[0]).endswith(
        "pack.yaml:3:11: is not UTF-8 text; save it as UTF-8"
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_source_file_linking_outside_the_pack_is_refused(
    small_pack_copy: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Schools should not make uniforms compulsory.", encoding="utf-8")
    (small_pack_copy / "article.txt").unlink()
    (small_pack_copy / "article.txt").symlink_to(secret)
    with pytest.raises(PackError, match="leads outside the pack folder"):
        load_pack(small_pack_copy)


def test_cache_returns_same_model_until_a_file_changes(small_pack_copy: Path) -> None:
    clear_cache()
    first = load_pack(small_pack_copy)
    assert load_pack(small_pack_copy) is first
    article = small_pack_copy / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    second = load_pack(small_pack_copy)
    assert second is not first
    assert second.source_text.endswith("A new line.\n")
    pack_file = small_pack_copy / "pack.yaml"
    pack_file.write_text(
        pack_file.read_text(encoding="utf-8").replace("1.0.0", "1.0.1"), encoding="utf-8"
    )
    assert load_pack(small_pack_copy).version == "1.0.1"


def test_a_broken_edit_is_not_hidden_by_the_cache(small_pack_copy: Path) -> None:
    load_pack(small_pack_copy)
    pack_file = small_pack_copy / "pack.yaml"
    pack_file.write_text(
        pack_file.read_text(encoding="utf-8").replace("rebuts: bullying", "rebuts: bulying"),
        encoding="utf-8",
    )
    with pytest.raises(PackError, match='did you mean "bullying"'):
        load_pack(small_pack_copy)


def test_pack_text_with_markup_loads_as_plain_text(small_pack_copy: Path) -> None:
    pack_file = small_pack_copy / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8").replace(
        "text: Uniforms reduce bullying over clothes.",
        'text: "[@click=app.quit]x[/] [red]Uniforms reduce bullying[/red]"',
    )
    pack_file.write_text(text, encoding="utf-8")
    assert (
        load_pack(small_pack_copy).item("bullying").text
        == "[@click=app.quit]x[/] [red]Uniforms reduce bullying[/red]"
    )


def test_yaml_11_booleans_stay_text_in_answers(small_pack_copy: Path) -> None:
    pack_file = small_pack_copy / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8").replace(
        "accept: [300 pounds, £300 a year, three hundred a year]",
        "accept: [300 pounds, £300 a year, three hundred a year, yes, 1.50]",
    )
    pack_file.write_text(text, encoding="utf-8")
    assert load_pack(small_pack_copy).item("survey").answer.tests.accept[-2:] == ("yes", "1.50")
