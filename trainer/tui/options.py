"""How the app was started (`AppOptions`), and the small helpers the app needs around it.

Kept out of `trainer.tui.app` so the app module holds the app alone (and stays readable);
`trainer.tui.app` re-exports every name here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.tui.settings import Settings

if TYPE_CHECKING:
    from trainer.quiz.protocols import GraderFactory


FIRST_FRAME_SWITCH_INTERVAL = 0.0005
"""Python's thread switch interval (seconds) from the app's mount to its first `Ready`.

Textual hands each frame to a writer thread, which needs the interpreter lock to write it;
the UI thread goes on with the work after the first frame (a second layout, the footer's
keys) and kept the lock for the default 5 ms, so the first frame reached the terminal up
to 5 ms (median 4.6 ms) after it was drawn, where a bare Textual app's, with nothing to do
after it, reaches it at once. The default is put back on `Ready`."""


class PackLoadError(Exception):
    """A pack that did not load; the message is the loader's readable report.

    The worker raises it in place of `PackError`, so the UI thread never imports the loader
    while a worker may be importing it (two threads importing one package can deadlock).
    """


@dataclass(frozen=True, slots=True)
class AppOptions:
    """How the app was started; tests pass a seed and a clock to make quizzes repeatable."""

    pack_path: Path | None = None
    """A pack to open instead of the built-in one (`--pack PATH`)."""
    packs_dir: str | None = None
    """The user's pack folder, when not the default."""
    seed: int | None = None
    """Seed for the quiz engine's choices; None for a new order each session."""
    clock: Callable[[], float] | None = None
    """The quiz's clock (seconds); None for the engine's own."""
    settings: Settings = field(default_factory=Settings)
    settings_notice: str = ""
    """Said once on start-up, e.g. that a damaged settings file was ignored."""
    save_settings: bool = True
    """False in tests, so no run writes the user's settings."""
    exit_after_first_frame: bool = False
    """For the start-up benchmark: quit as soon as the first frame is drawn."""
    now: Callable[[], datetime] | None = None
    """The wall clock for progress (when attempts happen, what is due, which day is today);
    None for the local time."""
    grader: GraderFactory | None = None
    """Builds the grader a quiz uses (tests pass a slow or fake one); None for the real one."""
    student: str | None = None
    """Whose progress this run records (`--student`; tests pass ""): used as given, never
    asked for and not saved. None: the name in the settings, asked for when there is none."""
    ask_student: bool = False
    """Ask for the name at every start and keep it for this run only (`--ask-student`): one
    app per browser tab on a shared server, each tab its own student."""
    triage_answers: Path | None = None
    """A class's answers to open in the triage screen once the pack loads (`triage --tui`)."""


def screenshot_folder() -> Path:
    """Where a screenshot is saved: the user's Downloads folder, or `<data>/screenshots`."""
    import platformdirs

    from trainer.locations import data_dir

    downloads = Path(platformdirs.user_downloads_dir())
    if downloads.is_dir():
        return downloads
    folder = data_dir() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def terminal_gone() -> bool:
    """True when standard input was a terminal that has since been hung up."""
    import sys

    try:
        import termios
    except ImportError:  # pragma: no cover - not POSIX: no way to hang up like this
        return False
    stream = sys.__stdin__
    if stream is None:
        return False
    try:
        termios.tcgetattr(stream.fileno())
    except termios.error:
        return True
    except (OSError, ValueError):
        return False
    return False
