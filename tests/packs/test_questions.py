"""Plain questions in packs: a `questions:` list beside the argument or instead of it.

An instructor's question bank needs no invented thesis; each question is a prompt and the
usual answer block, validated like every item, and a pack of questions only works in every
command an argument pack works in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import SMALL_PACK
from trainer.cli import main
from trainer.locations import builtin_pack_dir
from trainer.packs import Kind, Pack, PackError, load_pack
from trainer.packs.format import json_schema

ROOT = Path(__file__).resolve().parents[2]
QUESTION_PACK = builtin_pack_dir("questions-geography")
SEALED_BANKS = [
    ROOT / "tests" / "grading" / "sealed" / name for name in ("civics", "science", "history")
]
"""Only their pack.yaml is read here: the marked answers beside them stay sealed."""

HEADER = 'format: 1\nid: bank\ntitle: A bank\nversion: "1"\n'
ONE_QUESTION = """\
questions:
  - id: senators
    prompt: How many senators does each state have?
    answer:
      canonical: Two
      accept: ["2", two senators]
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder, cache=False)
    return [str(p).replace(str(folder / "pack.yaml"), "pack.yaml") for p in caught.value.problems]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def with_questions(tmp_path: Path, questions: str) -> Path:
    """The small argument pack with `questions` appended at the top level."""
    target = tmp_path / "small"
    target.mkdir()
    (target / "article.txt").write_bytes((SMALL_PACK / "article.txt").read_bytes())
    text = (SMALL_PACK / "pack.yaml").read_text(encoding="utf-8")
    (target / "pack.yaml").write_text(text.rstrip("\n") + "\n" + questions, encoding="utf-8")
    return target


# -- loading --------------------------------------------------------------------------------


def test_a_pack_of_questions_only_loads_and_each_question_is_an_item(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path / "bank", HEADER + ONE_QUESTION))
    [item] = pack.items
    assert (item.id, item.kind, item.text) == (
        "senators",
        Kind.QUESTION,
        "How many senators does each state have?",
    )
    assert item.answer.canonical == "Two" and item.answer.accept == ("2", "two senators")
    assert item.label == "How many senators does each state have?"  # not the answer
    assert pack.questions == (item,) and not pack.has_argument
    with pytest.raises(LookupError, match="questions only"):
        _ = pack.thesis


def test_a_long_prompt_gives_a_short_label_and_label_overrides_it(tmp_path: Path) -> None:
    text = HEADER + ONE_QUESTION.replace(
        "How many senators does each state have?",
        "How many senators does each state of the United States send to Congress?",
    )
    text += "  - id: term\n    label: Senate term\n    prompt: How long is a term?\n"
    text += "    answer: {canonical: Six years}\n"
    first, second = load_pack(write(tmp_path / "bank", text)).items
    assert first.label == "How many senators does each state of\u2026"
    assert second.label == "Senate term"


def test_questions_sit_beside_an_argument_after_its_items(tmp_path: Path) -> None:
    pack = load_pack(with_questions(tmp_path, ONE_QUESTION))
    assert pack.has_argument and pack.thesis.id == "thesis"
    assert pack.items[-1].kind is Kind.QUESTION
    assert [i.kind for i in pack.items].count(Kind.QUESTION) == 1


@pytest.mark.parametrize("bank", SEALED_BANKS, ids=lambda path: path.name)
def test_the_sealed_banks_load_as_written(bank: Path) -> None:
    pack = load_pack(bank)
    assert len(pack) == len(pack.questions) >= 10
    assert all(item.text and item.answer.canonical for item in pack)


def test_the_builtin_question_pack_passes_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--json", str(QUESTION_PACK))
    report = json.loads(out)["packs"][0]
    assert code == 0 and report["status"] == "ok", report["self_test_report"]
    assert report["items"] >= 5 and report["self_tests"] >= 10
    assert all(item.kind is Kind.QUESTION for item in load_pack(QUESTION_PACK))


def test_the_documented_example_passes_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = (ROOT / "docs" / "pack-format.md").read_text(encoding="utf-8")
    example = doc.split("## A pack of questions")[1].split("```yaml\n")[1].split("```")[0]
    code, out, _ = run(capsys, "check", str(write(tmp_path / "doc", example)))
    assert code == 0, out


# -- errors ---------------------------------------------------------------------------------


def test_a_pack_with_neither_thesis_nor_questions_names_both(tmp_path: Path) -> None:
    wanted = 'pack.yaml:1:1: is missing the required key "thesis" or "questions"'
    for body in ("", "questions: []\n", "questions:\n"):
        found = problems(write(tmp_path / f"p{len(body)}", HEADER + body))
        assert len(found) == 1 and found[0].startswith(wanted), found


def test_an_argument_part_without_its_thesis_is_refused_at_its_key(tmp_path: Path) -> None:
    text = HEADER + ONE_QUESTION + "premises:\n  - id: p\n    text: A claim.\n"
    text += "    answer: {canonical: a claim}\n"
    [found] = problems(write(tmp_path / "bank", text))
    assert found.startswith('pack.yaml:12:3: premises: needs the key "thesis" beside it')


def test_a_question_needs_an_id_a_prompt_and_an_answer(tmp_path: Path) -> None:
    text = HEADER + "questions:\n  - prompt: What?\n  - id: b\n    answer: {canonical: x}\n"
    text += "  - id: c\n    promt: Where?\n    prompt: Where?\n"
    assert problems(write(tmp_path / "bank", text)) == [
        'pack.yaml:6:5: questions[0]: is missing the required key "id"',
        'pack.yaml:6:5: questions[0]: is missing the required key "answer"',
        'pack.yaml:7:5: questions[1]: is missing the required key "prompt"',
        'pack.yaml:9:5: questions[2]: is missing the required key "answer"',
        'pack.yaml:10:5: questions[2].promt: unknown key "promt" (did you mean "prompt"?)',
    ]


def test_ids_are_unique_across_the_questions_and_the_argument(tmp_path: Path) -> None:
    clash = ONE_QUESTION.replace("id: senators", "id: cost")  # a premise's id
    found = problems(with_questions(tmp_path, clash))
    assert len(found) == 1
    assert 'questions[0].id: the id "cost" is already used by premises[0]' in found[0]
    assert found[0].startswith("pack.yaml:")
    line = int(found[0].split(":")[1])
    assert (tmp_path / "small" / "pack.yaml").read_text().splitlines()[line - 1].endswith("cost")


def test_a_question_is_no_claim_for_evidence_to_support(tmp_path: Path) -> None:
    text = (SMALL_PACK / "pack.yaml").read_text(encoding="utf-8")
    assert "supports: cost" in text
    folder = with_questions(tmp_path, ONE_QUESTION)
    pack_file = folder / "pack.yaml"
    pack_file.write_text(
        pack_file.read_text().replace("supports: cost", "supports: senators", 1), encoding="utf-8"
    )
    [found] = problems(folder)
    assert 'names "senators", which is a question; it must name a claim' in found


def test_a_prompt_follows_the_rules_of_every_text(tmp_path: Path) -> None:
    hostile = HEADER + ONE_QUESTION.replace("How many", '"\\e[31mHow many')
    hostile = hostile.replace("have?", 'have?"')
    [found] = problems(write(tmp_path / "escape", hostile))
    assert found.startswith(
        "pack.yaml:7:13: questions[0].prompt: holds the control character U+001B"
    )
    markup = HEADER + ONE_QUESTION.replace("How many", "'[bold]How many[/bold]").replace(
        "have?", "have?'"
    )
    [item] = load_pack(write(tmp_path / "markup", markup)).items
    assert item.text.startswith("[bold]How many[/bold]")  # kept as written, shown as written


# -- commands -------------------------------------------------------------------------------


def test_outline_and_exports_list_the_questions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = load_pack(QUESTION_PACK)
    code, out, _ = run(capsys, "outline", str(QUESTION_PACK))
    assert code == 0 and "QUESTIONS" in out and "THESIS" not in out
    assert "What is the capital city of Australia?" in out and "Answer: Canberra" in out
    code, out, _ = run(capsys, "export", str(QUESTION_PACK), "--format", "json")
    model = json.loads(out)
    assert code == 0 and [i["id"] for i in model["items"]] == [i.id for i in pack]
    assert {i["kind"] for i in model["items"]} == {"question"} and model["relations"] == []
    assert model["items"][1]["text"] == "What is the capital city of Australia?"
    assert model["items"][1]["answer"]["canonical"] == "Canberra"
    code, out, _ = run(capsys, "export", str(QUESTION_PACK), "--format", "markdown")
    assert code == 0 and "## Questions" in out
    assert "2. What is the capital city of Australia?\n    - *Answer:* Canberra" in out
    for form in ("argdown", "dot"):
        code, out, _ = run(capsys, "export", str(QUESTION_PACK), "--format", form)
        assert code == 0 and f"{len(pack)} plain question(s)" in out and "canberra" not in out


def test_an_argument_with_questions_exports_its_argument_as_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = with_questions(tmp_path, ONE_QUESTION)
    for form in ("argdown", "dot"):
        _, plain, _ = run(capsys, "export", str(SMALL_PACK), "--format", form)
        _, both, _ = run(capsys, "export", str(folder), "--format", form)
        added = [line for line in both.splitlines() if line not in plain.splitlines()]
        assert [line.strip()[:24] for line in added if line] == ["// 1 plain question(s) l"]
    _, plain, _ = run(capsys, "export", str(SMALL_PACK), "--format", "markdown")
    _, both, _ = run(capsys, "export", str(folder), "--format", "markdown")
    sheet = plain.rsplit("\n_", 1)[0].rstrip("\n")  # the argument, before its item count
    assert both.startswith(sheet + "\n\n## Questions\n\n1. How many senators")


def test_the_schema_accepts_question_banks_and_refuses_a_pack_of_nothing() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a dev dependency")
    validator = jsonschema.Draft202012Validator(json_schema())
    for folder in (QUESTION_PACK, SMALL_PACK, *SEALED_BANKS):
        data = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
        assert not list(validator.iter_errors(data)), folder
    bare = yaml.safe_load(HEADER)
    assert list(validator.iter_errors(bare))
    assert list(validator.iter_errors({**bare, "questions": []}))
    premise = {"id": "p", "text": "A claim.", "answer": {"canonical": "a claim"}}
    orphan = {**yaml.safe_load(HEADER + ONE_QUESTION), "premises": [premise]}
    assert list(validator.iter_errors(orphan))


def test_a_question_pack_is_graded_by_the_grader_as_it_stands() -> None:
    from trainer.grading.engine import Grader

    pack: Pack = load_pack(QUESTION_PACK)
    grader = Grader(pack)
    assert grader.grade("Canberra", "canberra").outcome.value == "correct"
    assert grader.grade("Sydney", "canberra").outcome.value != "correct"
    assert grader.grade("the Pacific", pack.item("pacific")).outcome.value == "correct"
