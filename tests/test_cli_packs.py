"""The pack commands as an instructor uses them: check, packs, new-pack, schema, outline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BROKEN_PACKS, SMALL_PACK
from trainer.cli import main
from trainer.locations import builtin_pack_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_invalid_pack_exits_2_with_every_problem_and_no_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "check", str(BROKEN_PACKS / "wrong-types"))
    assert code == 2
    assert "INVALID" in out
    assert "thesis.answer.short_ok: expected true or false, found 'maybe'" in out
    assert out.count("pack.yaml:") == 4
    assert "Traceback" not in out + err


def test_check_json_reports_problems_with_places(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--json", str(BROKEN_PACKS / "dangling-reference"))
    report = json.loads(out)
    assert code == 2 == report["exit"]
    [problem] = report["packs"][0]["problems"]
    assert (problem["line"], problem["column"], problem["path"]) == (17, 13, "rebuttals[0].rebuts")
    assert 'did you mean "bullying"' in problem["message"]


def test_check_several_packs_exits_with_the_worst(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SMALL_PACK), str(BROKEN_PACKS / "python-tag"))
    assert code == 2
    assert "school-uniforms" in out and "INVALID" in out


def test_check_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", str(tmp_path / "nothing-here"))
    assert code == 2
    assert "no such pack" in out


def test_builtin_pack_passes_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(builtin_pack_dir()))
    assert code == 0, out
    assert out.startswith("OK")


def test_packs_lists_builtin_and_user_packs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    user = tmp_path / "mine"
    (user / "uniforms").mkdir(parents=True)
    for name in ("pack.yaml", "article.txt"):
        (user / "uniforms" / name).write_bytes((SMALL_PACK / name).read_bytes())
    (user / "broken").mkdir()
    (user / "broken" / "pack.yaml").write_bytes(
        (BROKEN_PACKS / "python-tag" / "pack.yaml").read_bytes()
    )
    code, out, _ = run(capsys, "packs", "--packs-dir", str(user), "--json")
    assert code == 0
    entries = json.loads(out)
    assert entries[0]["origin"] == "built-in"
    assert entries[0]["id"] == "long-range-strikes"
    by_id = {entry["id"]: entry for entry in entries}
    assert by_id["school-uniforms"]["origin"] == "user"
    assert by_id["broken"]["problems"] == 1


def test_packs_dir_that_is_a_file_is_said_to_be_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "packs.txt"
    not_a_folder.write_text("oops", encoding="utf-8")
    code, out, _ = run(capsys, "packs", "--packs-dir", str(not_a_folder))
    assert code == 0
    assert f"{not_a_folder} is a file, not a folder" in out
    assert "long-range-strikes" in out  # the built-in packs are still listed


def test_packs_dir_from_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_TRAINER_PACKS", str(tmp_path))
    code, out, _ = run(capsys, "packs")
    assert code == 0
    assert f"Your pack folder: {tmp_path}" in out


def test_new_pack_is_valid_and_passes_its_own_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "my-pack"
    code, out, _ = run(capsys, "new-pack", str(folder))
    assert code == 0 and "Created" in out
    code, out, _ = run(capsys, "check", str(folder))
    assert code == 0, out


def test_new_pack_from_text_copies_the_article_and_links_a_passage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "uniform-debate"
    code, _, _ = run(
        capsys,
        "new-pack",
        str(folder),
        "--from-text",
        str(SMALL_PACK / "article.txt"),
        "--title",
        'Uniforms: "a debate"',
    )
    assert code == 0
    assert (folder / "article.txt").read_bytes() == (SMALL_PACK / "article.txt").read_bytes()
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    assert "passage:" in text and "file: article.txt" in text
    code, out, _ = run(capsys, "check", str(folder))
    assert code == 0, out


def test_new_pack_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("my work", encoding="utf-8")
    code, _, err = run(capsys, "new-pack", str(tmp_path))
    assert code == 2
    assert "already exists" in err
    assert (tmp_path / "pack.yaml").read_text(encoding="utf-8") == "my work"


def test_schema_accepts_valid_packs_and_rejects_broken_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    validator = jsonschema.Draft202012Validator(schema)
    for folder in (SMALL_PACK, builtin_pack_dir()):
        data = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(data))
        assert errors == [], f"{folder}: {errors[0].message}"
    for name in ("unknown-top-key", "unknown-item-key", "wrong-types", "missing-required"):
        data = yaml.safe_load((BROKEN_PACKS / name / "pack.yaml").read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)), name


def test_outline_shows_the_argument_as_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "outline", str(SMALL_PACK))
    assert code == 0
    assert "THESIS" in out and "Schools should not make uniforms compulsory." in out
    assert "Rebuttal: Bullying moves to shoes, bags and phones instead." in out
    assert 'Dana Lee: "I have never seen a blazer teach a child to read."' in out
    # What the grader reads answers as, for the instructor checking the pack.
    assert "HOW ANSWERS ARE READ" in out
    assert "mandatory, obligatory, required = compulsory" in out
    assert "optional, voluntary = not compulsory" in out


def test_a_bug_is_one_plain_line_and_exit_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user never meets a traceback, even for our own mistakes; a developer can ask for it."""
    from trainer.commands import schema

    def broken() -> dict[str, object]:
        raise KeyError("words")

    monkeypatch.setattr(schema, "json_schema", broken)
    code, _, err = run(capsys, "schema")
    assert code == 70
    assert "internal error: KeyError: 'words'" in err
    assert "Traceback" not in err
    monkeypatch.setenv("DEBATE_TRAINER_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["schema"])
