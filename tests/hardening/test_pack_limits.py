"""Limits that keep every command on any accepted pack within seconds (issue 12, items 7-8).

The alias and self-test limits have broken packs of their own (tests/packs/broken); a
vocabulary over its limit would be a large file, so it is written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.packs import PackError, load_pack
from trainer.packs.spec import MAX_SPELLINGS


def test_a_vocabulary_over_its_spelling_limit_is_refused_at_its_line(tmp_path: Path) -> None:
    groups = [
        "    - [" + ", ".join(f"s{g}x{k}" for k in range(100)) + "]"
        for g in range(MAX_SPELLINGS // 100 + 1)
    ]
    (tmp_path / "pack.yaml").write_text(
        'format: 1\nid: v\ntitle: t\nversion: "1"\nvocabulary:\n  same:\n'
        + "\n".join(groups)
        + "\nthesis: {id: thesis, text: t, answer: {canonical: c}}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path, cache=False)
    assert [p.describe(tmp_path) for p in caught.value.problems] == [
        "pack.yaml:6:3: vocabulary: lists 20,100 spellings; the limit is 20,000 "
        "(each is prepared for grading every answer)"
    ]


def test_a_pack_over_the_item_limit_is_refused_before_it_is_validated(tmp_path: Path) -> None:
    from trainer.packs.spec import MAX_ITEMS

    refs = ", ".join(["*p"] * MAX_ITEMS)
    (tmp_path / "pack.yaml").write_text(
        'format: 1\nid: v\ntitle: t\nversion: "1"\n'
        "thesis: {id: thesis, text: t, answer: {canonical: c}}\n"
        f"premises: [&p {{id: p, text: t, answer: {{canonical: c}}}}, {refs}]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path, cache=False)
    assert [p.describe(tmp_path) for p in caught.value.problems] == [
        "pack.yaml: has 50,001 items; the limit is 50,000"
    ]
