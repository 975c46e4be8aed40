"""The home screen's first frame shows the pack's summary before the pack has loaded (issue 16),
kept from its last load: the summary of the pack on disk, never of an older file."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.conftest import make_app, open_app, screen_text, settle
from trainer.packs import loader
from trainer.tui.options import FIRST_FRAME_SWITCH_INTERVAL

pytestmark = pytest.mark.asyncio

TITLE = "Should schools require uniforms?"


@pytest.fixture
def held_load(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Loading waits until the event is set, so a test sees the frames drawn before it ends."""
    release = threading.Event()
    load = loader.load_pack

    def held(path: str | Path, *, cache: bool = True) -> loader.Pack:
        release.wait(10)
        return load(path, cache=cache)

    monkeypatch.setattr(loader, "load_pack", held)
    yield release
    release.set()


async def _run_once(pack: Path, held_load: threading.Event) -> None:
    """A start that loads the pack to the end (and so keeps its summary); the next start's
    load is held again."""
    held_load.set()
    app = make_app(pack)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        assert app.pack is not None
    held_load.clear()


async def test_the_next_start_shows_the_summary_before_the_pack_loads(
    small_pack_copy: Path, held_load: threading.Event
) -> None:
    await _run_once(small_pack_copy, held_load)
    app = make_app(small_pack_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = screen_text(app)
        assert app.pack is None  # still loading
        assert TITLE in first and "1 premise, 1 counterargument" in first
        assert "Opening the pack" not in first
        held_load.set()
        await open_app(pilot)
        assert app.pack is not None
        loaded = screen_text(app)
        assert TITLE in loaded and "1 premise, 1 counterargument" in loaded


@pytest.mark.parametrize("start", ["a first start", "the pack edited since"])
async def test_the_pack_is_opening_until_loaded_with_no_summary_kept_for_it(
    small_pack_copy: Path, held_load: threading.Event, start: str
) -> None:
    title = TITLE
    if start == "the pack edited since":
        await _run_once(small_pack_copy, held_load)
        pack_file = small_pack_copy / "pack.yaml"
        text = pack_file.read_text(encoding="utf-8")
        title = "Uniforms, again?"
        pack_file.write_text(text.replace(TITLE, title), encoding="utf-8")
    app = make_app(small_pack_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = screen_text(app)
        assert "Opening the pack" in first and TITLE not in first
        held_load.set()
        await open_app(pilot)
        assert title in screen_text(app)


async def test_a_pack_that_no_longer_loads_shows_its_problems(
    small_pack_copy: Path, held_load: threading.Event
) -> None:
    await _run_once(small_pack_copy, held_load)
    (small_pack_copy / "article.txt").unlink()  # the source text the pack names
    app = make_app(small_pack_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert TITLE not in screen_text(app)
        held_load.set()
        await open_app(pilot)
        await settle(pilot)
        assert app.pack is None and "article.txt" in app.pack_error
        assert "Could not open" in screen_text(app)


async def test_the_first_frame_is_hurried_out_and_python_is_left_as_it_was(
    small_pack_copy: Path, held_load: threading.Event
) -> None:
    """The thread switch interval is lowered only until the first frame is out (so the writer
    thread sends it at once); grading and loading on workers then run at Python's own."""
    before = sys.getswitchinterval()
    seen: list[float] = []
    app = make_app(small_pack_copy)
    app.call_later(lambda: seen.append(sys.getswitchinterval()))  # before the first frame
    async with app.run_test(size=(100, 30)) as pilot:
        held_load.set()
        await open_app(pilot)
        assert seen == [FIRST_FRAME_SWITCH_INTERVAL]
        assert sys.getswitchinterval() == before
