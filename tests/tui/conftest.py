"""Fixtures for the terminal app's tests: app factories, a fixed clock, screen helpers."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot

from tests.conftest import SMALL_PACK
from tests.progress.helpers import T0, attempt
from trainer.locations import builtin_pack_dir, progress_db_path
from trainer.packs.model import Answer, Item, Kind, Pack
from trainer.progress import ProgressStore
from trainer.tui.app import AppOptions, TrainerApp
from trainer.tui.settings import Settings

BUILTIN_PACK = builtin_pack_dir()
SEED = 7
NOW = datetime(2026, 3, 5, 18, 0, tzinfo=UTC)
""""Now" for tests that need a fixed day (the stats chart ends on it)."""


class FakeClock:
    """Seconds that advance by `step` at every reading, so session times are exact."""

    def __init__(self, step: float = 5.0) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def make_app(pack: Path | None = SMALL_PACK, **options: object) -> TrainerApp:
    """The app as the CLI builds it, with a fixed seed and clock and no settings writes."""
    defaults: dict[str, object] = {
        "pack_path": pack,
        "seed": SEED,
        "clock": FakeClock(),
        "save_settings": False,
        "student": "",  # the unnamed student: no name prompt, the history's own student
        # Not asked how sure before each verdict: the tests of that ask for it themselves.
        "settings": Settings(ask_confidence=False),
    }
    defaults.update(options)
    return TrainerApp(AppOptions(**defaults))  # type: ignore[arg-type]


HISTORY = (
    # (day after T0, item, outcome, question kind)
    (0, "cost", "correct", "premises"),
    (0, "bullying", "incorrect", "counterarguments"),
    (1, "bullying-moves", "incorrect", "rebuttal"),
    (1, "survey", "correct", "evidence"),
    (2, "lee", "incorrect", "who_said"),
    (3, "bullying-moves", "partial", "rebuttal"),
    (3, "bullying", "correct", "counterarguments"),
    (3, "survey", "correct", "evidence"),
)
"""Four days of practice on the small pack, ending on the day of `NOW`."""


def write_history() -> None:
    """`HISTORY` in the user's progress file, with fixed times and no fuzz: the same figures
    every run. The answer to "lee" is then marked right, as "I was right" does."""
    with ProgressStore(progress_db_path(), fuzz=False) as store:
        for minute, (day, item, outcome, kind) in enumerate(HISTORY):
            minutes = day * 24 * 60 + minute
            recorded = store.record(
                attempt(item, outcome, at=T0, minutes=minutes, kind=kind, pack="school-uniforms")
            )
            if item == "lee":
                store.override(recorded.attempt_id)


def screen_text(app: App[object]) -> str:
    """What the terminal shows right now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot: Pilot[object]) -> None:
    """Let workers finish and their results reach the screen."""
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
        for screen in app.screen_stack:
            await screen.workers.wait_for_complete()
    await pilot.pause()


async def graded(pilot: Pilot[object]) -> None:
    """Wait until the answer just submitted is graded (on a worker) and its verdict shown."""
    await pilot.pause()
    await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause()


async def study_settled(pilot: Pilot[object]) -> None:
    """Wait until the study screen's map is built and any search typed so far has run."""
    from trainer.tui.screens.study import StudyScreen

    for _ in range(100):
        screen = pilot.app.screen
        if isinstance(screen, StudyScreen):
            await pilot.pause(screen.timing.search_pause * 1.5)
        await settle(pilot)
        if isinstance(screen, StudyScreen) and screen.ready:
            return
    raise AssertionError("the study screen never showed its map")


async def saved(app: TrainerApp) -> None:
    """Wait until the store has saved everything handed to it so far (its jobs run in order)."""
    await app.progress.ask(lambda store: None)


async def open_app(pilot: Pilot[object]) -> None:
    """Wait until the pack and the pack list are on the home screen."""
    app = pilot.app
    assert isinstance(app, TrainerApp)
    for _ in range(50):
        await settle(pilot)
        if (app.pack is not None or app.pack_error) and app.catalogue:
            return
    raise AssertionError("the pack never opened")


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    """The small pack with markup and link strings in its texts (as a hostile author might)."""
    target = tmp_path / "hostile"
    shutil.copytree(SMALL_PACK, target)
    pack_file = target / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8")
    replacements = {
        'title: "Should schools require uniforms?"': 'title: "[@click=app.quit]Quit[/] [red]title"',
        "text: Uniforms put a cost on families that some cannot afford.": (
            'text: "[bold red]Cost[/] [@click=app.quit]click me[/]"'
        ),
        "canonical: Uniforms cost families money some cannot afford.": (
            'canonical: "[@click=app.bell]Uniforms cost money[/] [link=https://x.invalid]l[/]"'
        ),
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    pack_file.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def app_factory() -> Callable[..., TrainerApp]:
    return make_app


def generated_pack(items: int, *, label: Callable[[int], str] | None = None) -> Pack:
    """A thesis, then premises, every third item a piece of evidence under the premise before
    it (p2 holds p3, p5 holds p6...), built in memory: as big as a test needs. `label(n)` gives
    premise n's model answer, which the map lists it by."""
    made = [Item("thesis", Kind.THESIS, "The thesis.", Answer("the thesis"), "thesis")]
    for n in range(1, items):
        if n % 3 == 0:
            text, kind, ref = f"Report {n} supports premise {n - 1}.", Kind.EVIDENCE, f"p{n - 1}"
            answer = Answer(f"report number {n}")
        else:
            text, kind, ref = f"Premise {n} argues a point.", Kind.PREMISE, ""
            answer = Answer(label(n) if label else f"premise number {n}")
        made.append(Item(f"p{n}", kind, text, answer, f"items[{n}]", ref=ref))
    return Pack(id="generated", title="Generated pack", version="1", items=tuple(made))
