"""The summary kept for a pack's next start: the pack's own, and never that of an older file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.locations import cache_dir
from trainer.packs.loader import load_pack
from trainer.packs.summary import (
    PackSummary,
    cached_summary,
    keep_summary,
    pack_digest,
    summarise,
)


def _keep(folder: Path) -> PackSummary:
    """Load the pack at `folder` as the app does, keeping its summary; the summary."""
    digest = pack_digest(folder)
    pack = load_pack(folder, cache=False)
    keep_summary(folder, pack, digest)
    return summarise(pack)


def test_the_summary_is_the_packs_title_description_source_and_counts() -> None:
    summary = summarise(load_pack(SMALL_PACK))
    assert summary.title == "Should schools require uniforms?"
    assert summary.count("premise") == 1 and summary.count("counterargument") == 1
    assert summary.count("question") == 0
    assert summary.source and summary.source[0]  # the source's title


def test_a_kept_summary_is_read_back_while_the_pack_is_unchanged(small_pack_copy: Path) -> None:
    assert cached_summary(small_pack_copy) is None  # nothing kept yet
    kept = _keep(small_pack_copy)
    assert cached_summary(small_pack_copy) == kept
    assert cached_summary(small_pack_copy / "pack.yaml") == kept  # the file or its folder


@pytest.mark.parametrize(
    "change",
    ["the pack file", "the source text", "a marked answer added"],
)
def test_a_changed_pack_never_reads_its_old_summary(small_pack_copy: Path, change: str) -> None:
    _keep(small_pack_copy)
    if change == "the pack file":
        pack = small_pack_copy / "pack.yaml"
        pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "the source text":
        (small_pack_copy / "article.txt").write_text("Another text.", encoding="utf-8")
    else:
        (small_pack_copy / "marked.csv").write_text("item,answer,human\n", encoding="utf-8")
    assert cached_summary(small_pack_copy) is None


def test_a_retitled_pack_is_kept_with_its_new_title(small_pack_copy: Path) -> None:
    _keep(small_pack_copy)
    pack = small_pack_copy / "pack.yaml"
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("Should schools require uniforms?", "Uniforms?"), "utf-8")
    assert cached_summary(small_pack_copy) is None
    _keep(small_pack_copy)
    kept = cached_summary(small_pack_copy)
    assert kept is not None and kept.title == "Uniforms?"


def test_a_summary_loaded_from_a_file_that_changed_meanwhile_is_not_kept(
    small_pack_copy: Path,
) -> None:
    """The pack file changed between the digest taken before loading and the load: what was
    loaded may be either file, so nothing is kept."""
    digest = pack_digest(small_pack_copy)
    pack = small_pack_copy / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    keep_summary(small_pack_copy, load_pack(small_pack_copy, cache=False), digest)
    assert cached_summary(small_pack_copy) is None


def _record() -> Path:
    [record] = (cache_dir() / "summaries").iterdir()
    return record


@pytest.mark.parametrize(
    "damage",
    [
        "not json",
        "an escape in the title",
        "a count that is not a number",
        "another trainer's record",
    ],
)
def test_a_damaged_or_foreign_record_is_not_shown(small_pack_copy: Path, damage: str) -> None:
    _keep(small_pack_copy)
    record = _record()
    data = json.loads(record.read_text(encoding="utf-8"))
    if damage == "not json":
        record.write_text("{", encoding="utf-8")
    else:
        if damage == "an escape in the title":
            data["summary"]["title"] = "\x1b]0;owned\x07"
        elif damage == "a count that is not a number":
            data["summary"]["counts"] = [["premise", "6"]]
        else:
            data["trainer"] = "0.0.0"
        record.write_text(json.dumps(data), encoding="utf-8")
    assert cached_summary(small_pack_copy) is None


def test_a_cache_that_cannot_be_written_is_no_problem(
    small_pack_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setattr("trainer.packs.summary.cache_dir", lambda: blocked)
    _keep(small_pack_copy)  # no exception
    assert cached_summary(small_pack_copy) is None
