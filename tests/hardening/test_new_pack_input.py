"""`new-pack --from-text` on a file that is not an article (issue 12: no freeze, exit 2).

A device such as /dev/zero would be read for ever; a folder, a huge file or a binary file
each gets one line naming it, and no pack is created.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hardening.conftest import run


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: Path(os.devnull), "is not a regular file (a folder, pipe or device?)"),
        (lambda p: p.parent, "is not a regular file (a folder, pipe or device?)"),
        (
            lambda p: p.write_bytes(b"x" * (6 * 1024 * 1024)) and p,
            "is 6.0 MB; the limit is 5 MB",
        ),
        (lambda p: p.write_bytes(b"\xff\xfe") and p, "is not UTF-8 text; save it as UTF-8"),
    ],
    ids=["device", "folder", "too-big", "not-utf8"],
)
def test_an_article_that_cannot_be_used_is_exit_2_with_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object, message: str
) -> None:
    article = make(tmp_path / "article.txt")  # type: ignore[operator]
    target = tmp_path / "new"
    code, out, err = run(capsys, "new-pack", "--from-text", str(article), str(target))
    assert (code, out, err) == (2, "", f"{article}: {message}\n")
    assert not target.exists()
