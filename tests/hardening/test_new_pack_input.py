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


@pytest.mark.parametrize(
    ("title", "folder", "message"),
    [
        ("Uniforms\n: injected", "new", "the title holds the character U+000A"),
        ("Uniforms \x1b[2J", "new", "the title holds the character U+001B"),
        ("", "new\nformat: 2", "the folder name holds the character U+000A"),
    ],
    ids=["newline-title", "escape-title", "newline-folder"],
)
def test_a_title_or_folder_that_would_break_the_pack_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, title: str, folder: str, message: str
) -> None:
    target = tmp_path / folder
    code, out, err = run(capsys, "new-pack", "--title", title, str(target))
    assert (code, out) == (2, "")
    assert err == f"new-pack: {message}, which a pack may not hold\n"
    assert not target.exists()


def test_an_article_with_an_escape_is_refused_at_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("A first line.\r\nThe \x1b[31mfirst\x1b[0m sentence.", "utf-8")
    target = tmp_path / "new"
    code, out, err = run(capsys, "new-pack", "--from-text", str(article), str(target))
    assert (code, out) == (2, "")
    assert err == (
        f"{article}:2:5: holds the control character U+001B, which a pack may not hold; remove it\n"
    )
    assert not target.exists()


def test_an_article_saved_on_windows_makes_a_valid_pack(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(b"Uniforms cost families far too much money.\r\nMore.\r\n")
    target = tmp_path / "new"
    assert run(capsys, "new-pack", "--from-text", str(article), str(target))[0] == 0
    code, out, _ = run(capsys, "check", str(target))
    assert (code, out[:2]) == (0, "OK"), out
