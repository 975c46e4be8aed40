"""Packs whose files are not what they claim (issue 12, items 1, 9 and 15).

A pack.yaml or source file that is a link out of the folder, a folder, a pipe, a device,
a dangling link, a loop or a name the system refuses is reported by `check` with its exact
message and exit 2; nothing outside the pack folder is read or echoed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from tests.hardening.conftest import pack_with_source, run
from trainer.commands.packs import discover


def _report(out: str) -> list[str]:
    """The problem lines of a `check` report."""
    return [line.strip() for line in out.splitlines()[2:]]


def test_a_pack_yaml_linked_to_a_secret_is_refused_without_echoing_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = tmp_path / "git-credentials"
    secret.write_text("https://user:TOKEN@example.com\n", encoding="utf-8")
    pack = tmp_path / "P"
    pack.mkdir()
    (pack / "pack.yaml").symlink_to(secret)
    code, out, err = run(capsys, "check", str(pack))
    assert code == 2
    assert "TOKEN" not in out + err
    assert _report(out) == [
        f"{pack}/pack.yaml: leads outside the pack folder (a link?); it is not read"
    ]


def test_a_pack_yaml_linked_to_a_valid_pack_elsewhere_does_not_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = tmp_path / "P"
    pack.mkdir()
    (pack / "pack.yaml").symlink_to(SMALL_PACK / "pack.yaml")
    code, out, _ = run(capsys, "check", str(pack))
    assert code == 2
    assert out.startswith(f"INVALID {pack}")


def test_a_link_inside_the_folder_is_still_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = tmp_path / "P"
    pack.mkdir()
    for name in ("article.txt", "pack.yaml"):
        (pack / f"real-{name}").write_bytes((SMALL_PACK / name).read_bytes())
        (pack / name).symlink_to(pack / f"real-{name}")
    code, out, _ = run(capsys, "check", str(pack))
    assert (code, out[:2]) == (0, "OK"), out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (
            lambda p: os.mkfifo(p),
            "is not a regular file (a pipe, device or socket?); it is not read",
        ),
        (lambda p: p.symlink_to("nothing"), "is a link to something that does not exist"),
        (lambda p: p.symlink_to(p), "is a link that loops back on itself"),
    ],
    ids=["folder", "fifo", "dangling-link", "loop"],
)
def test_a_pack_yaml_that_is_not_a_file_says_what_it_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object, message: str
) -> None:
    pack = tmp_path / "P"
    pack.mkdir()
    make(pack / "pack.yaml")  # type: ignore[operator]
    code, out, err = run(capsys, "check", str(pack))
    assert (code, err) == (2, "")
    assert _report(out) == [f"{pack}/pack.yaml: {message}"]


def test_check_on_a_device_says_it_is_not_a_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", os.devnull)
    assert code == 2
    assert _report(out) == [
        f"{os.devnull}: is not a pack folder or a pack.yaml file (a device, pipe or socket?)"
    ]


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (None, "a" * 300, "'" + "a" * 57 + "'... cannot be read: File name too long"),
        (lambda p: p.symlink_to(p), "loop", "'loop' is a link that loops back on itself"),
        (lambda p: p.mkdir(), "sub", "'sub' is a folder, not a file"),
        (
            lambda p: os.mkfifo(p),
            "pipe",
            "'pipe' is not a regular file (a pipe, device or socket?); it is not read",
        ),
    ],
    ids=["name-too-long", "loop", "folder", "fifo"],
)
def test_a_source_file_that_cannot_be_read_is_named_with_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object, name: str, message: str
) -> None:
    pack = pack_with_source(tmp_path / "P", name)
    if make is not None:
        make(pack / name)  # type: ignore[operator]
    code, out, err = run(capsys, "check", str(pack))
    assert (code, err) == (2, "")
    assert _report(out) == [f"{pack}/pack.yaml:7:9: source.file: {message}"]


def test_an_unreadable_pack_folder_is_reported_and_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mode 000 cannot stop root (who runs CI), so the system's refusal is simulated."""
    user = tmp_path / "mine"
    locked = user / "locked"
    locked.mkdir(parents=True)
    real_lstat = Path.lstat

    def lstat(self: Path) -> os.stat_result:
        if self.parent == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_lstat(self)

    monkeypatch.setattr(Path, "lstat", lstat)
    code, out, _ = run(capsys, "check", str(locked))
    assert code == 2
    assert _report(out) == [f"{locked}: cannot be read: Permission denied"]
    entries = [entry for entry in discover(str(user)) if entry.origin == "user"]
    assert [(e.path, e.problems) for e in entries] == [(str(locked), 1)]
    code, out, _ = run(capsys, "packs", "--packs-dir", str(user))
    assert code == 0
    assert "locked                    INVALID (1 problem: run `debate-trainer check" in out
