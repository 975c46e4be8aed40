"""Every broken pack in the corpus is refused with the expected messages and places.

Each folder under tests/packs/broken holds a pack.yaml and expected.txt, the exact report an
instructor should see: file:line:column, the path inside the pack, a plain sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BROKEN_PACKS
from trainer.packs import PackError, load_pack

CASES = sorted(p.name for p in BROKEN_PACKS.iterdir() if (p / "pack.yaml").is_file())


def test_the_corpus_covers_the_refusals_the_format_promises() -> None:
    assert len(CASES) >= 20
    for needed in (
        "python-tag",
        "duplicate-id",
        "dangling-reference",
        "source-outside-folder",
        "unknown-top-key",
        "wrong-types",
        "empty-answers",
    ):
        assert needed in CASES


@pytest.mark.parametrize("name", CASES)
def test_broken_pack_reports_every_expected_problem(name: str) -> None:
    folder = BROKEN_PACKS / name
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    with pytest.raises(PackError) as caught:
        load_pack(folder, cache=False)
    prefix = f"{folder / 'pack.yaml'}"
    reported = [str(problem).replace(prefix, "pack.yaml", 1) for problem in caught.value.problems]
    assert reported == expected


def test_report_counts_and_lists_all_problems() -> None:
    with pytest.raises(PackError) as caught:
        load_pack(BROKEN_PACKS / "wrong-types", cache=False)
    report = caught.value.report()
    assert report.startswith("4 problems in the pack:")
    assert report.count("pack.yaml:") == 4


def test_missing_path_and_folder_without_pack(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="does not exist"):
        load_pack(tmp_path / "nope")
    with pytest.raises(PackError, match=r"has no pack\.yaml"):
        load_pack(tmp_path)


def test_a_report_can_name_files_inside_the_pack_folder(tmp_path: Path) -> None:
    """The app's narrow panel already names the pack; its problems name files inside it."""
    folder = BROKEN_PACKS / "wrong-types"
    with pytest.raises(PackError) as caught:
        load_pack(folder, cache=False)
    short = caught.value.report(relative_to=folder)
    assert str(folder) not in short
    assert short.count("\n  pack.yaml:") == 4
    with pytest.raises(PackError) as missing:
        load_pack(tmp_path)
    # A problem with the folder itself keeps its full name: "." would say nothing.
    assert str(tmp_path) in missing.value.report(relative_to=tmp_path)
