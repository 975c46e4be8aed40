"""The app's pure helpers: inert text, passages in context, the map's outline, settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SMALL_PACK
from trainer.packs.loader import load_pack
from trainer.quiz.modes import Mode
from trainer.tui.modes import MODES
from trainer.tui.outline import build_outline
from trainer.tui.passage import find_passage
from trainer.tui.screens.results import duration, weakest
from trainer.tui.settings import Settings, load_settings, save_settings
from trainer.tui.text import plain, plain_text, visible


def test_visible_writes_control_characters_out_and_keeps_newlines() -> None:
    assert visible("a\x1b[31mb\x07c\r\nd\u202e") == "a\\x1b[31mb\\x07c\\x0d\nd\\u202e"


def test_plain_never_parses_markup() -> None:
    hostile = "[@click=app.quit]x[/] [red]y"
    assert plain(hostile).plain == hostile
    assert not plain(hostile).spans
    assert plain_text(hostile).plain == hostile
    assert not plain_text(hostile).spans


def test_every_mode_of_the_engine_is_described_once() -> None:
    assert [mode.key for mode in MODES] == [mode.value for mode in Mode]


def test_passage_is_found_across_spacing_and_quote_differences() -> None:
    source = (
        "First paragraph.\n\nThey said \u201cbullies simply\n move on\u201d to shoes. End.\n\nLast."
    )
    found = find_passage(source, 'said "bullies simply move on"')
    assert found is not None
    assert found.before == "They "
    assert found.passage == "said \u201cbullies simply\n move on\u201d"
    assert found.after == " to shoes. End."


def test_passage_context_is_trimmed_at_words() -> None:
    source = " ".join(f"word{i}" for i in range(200)) + " TARGET " + "tail " * 200
    found = find_passage(source, "TARGET", context=30)
    assert found is not None
    assert found.before.startswith("\u2026") and len(found.before) <= 31
    assert found.after.endswith("\u2026")


def test_missing_passage_is_none() -> None:
    assert find_passage("some text", "not there") is None
    assert find_passage("", "anything") is None


def test_outline_follows_the_argument() -> None:
    pack = load_pack(SMALL_PACK)
    outline = build_outline(pack)
    assert [node.label for node in outline] == [
        "Thesis",
        "Premises",
        "Counterarguments the author answers",
        "Conclusion",
        "The other side (not from the article)",
        "People quoted",
        "How answers are read",
    ]
    vocabulary = outline[-1]
    assert [line.label for line in vocabulary.children] == [
        "mandatory, obligatory, required = compulsory",
        "optional, voluntary = not compulsory",
    ]
    thesis = outline[0].children[0]
    assert thesis.item_id == "thesis"
    assert [child.item_id for child in thesis.children] == ["lee-quote"]
    counter = outline[2].children[0]
    assert [child.item_id for child in counter.children] == ["bullying-moves"]
    assert counter.children[0].label.startswith("Rebuttal: ")


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.json"
    chosen = Settings(theme="textual-light", ask_confidence=False, spar_seconds=90)
    save_settings(chosen, path)
    assert load_settings(path) == (chosen, "")


def test_a_fresh_student_is_asked_how_sure_and_spars_a_minute_a_point() -> None:
    assert (Settings().ask_confidence, Settings().spar_seconds) == (True, 60)


def test_every_whole_number_setting_has_bounds_a_stored_value_is_held_to() -> None:
    from dataclasses import fields

    from trainer.tui.settings import BOUNDS

    numbers = {
        f.name
        for f in fields(Settings)
        if isinstance(getattr(Settings(), f.name), int)
        and not isinstance(getattr(Settings(), f.name), bool)
    }
    assert numbers == set(BOUNDS)


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        '{"theme": 3}',
        b"\xff\xfe".decode("latin-1"),
        '{"ask_confidence": "yes"}',
        '{"ask_confidence": 1}',
        '{"spar_seconds": true}',
        '{"spar_seconds": 1}',
        '{"spar_seconds": "60"}',
    ],
)
def test_damaged_settings_are_ignored_with_a_notice(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert str(path) in notice and "default settings" in notice


def test_unknown_settings_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "future": "x"}), encoding="utf-8")
    assert load_settings(path) == (Settings(theme="nord"), "")


def test_missing_settings_file_is_the_default(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == (Settings(), "")


def test_duration_reads_like_a_time() -> None:
    assert [duration(s) for s in (0, 42.4, 185, 3725)] == ["0s", "42s", "3m 05s", "1h 02m"]


def test_weakest_are_the_lowest_share_of_points_never_the_right_ones() -> None:
    from trainer.quiz.scoring import ItemTally

    rows = [
        ItemTally("a", outcome="correct", points=100, max=100),
        ItemTally("b", outcome="partial", points=50, max=100),
        ItemTally("c", outcome="missed", points=0, max=100, hints=2),
        ItemTally("d", outcome="incorrect", points=0, max=100),
    ]
    assert [row.item_id for row in weakest(rows)] == ["c", "d", "b"]
    assert [row.item_id for row in weakest(rows, 1)] == ["c"]


def test_passage_is_found_as_the_loader_finds_it_case_folded_and_cut() -> None:
    source = (
        "Die Stra\u00dfe ist lang.\n\n"
        "He said \u201cwe will win\u201d and then, later, \u201cwe go home\u201d."
    )
    found = find_passage(source, "die strasse ist")
    assert found is not None and found.passage == "Die Stra\u00dfe ist"
    cut = find_passage(source, '"we will win" ... "we go home"')
    assert cut is not None
    assert cut.passage == "\u201cwe will win\u201d and then, later, \u201cwe go home\u201d"
    assert find_passage(source, "we go home ... we will win") is None  # fragments in order


def test_a_crafted_passage_is_searched_in_linear_time() -> None:
    """An 800 KB article of "a a a ..." and a quote of 3,000 "a" then "... b": the old
    regular expression retried at every position (28 s); folding and finding is one pass."""
    import time

    source = "a " * 400_000
    quote = " ".join(["a"] * 3000) + " ... b"
    began = time.perf_counter()
    assert find_passage(source, quote) is None
    assert find_passage(source * 1 + "strasse", "stra\u00dfe " * 3000) is None
    assert time.perf_counter() - began < 5  # the old search: 28 s for the first alone
