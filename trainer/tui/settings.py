"""What the app remembers between runs: the theme, the student's name, the last pack, and the
student's choices for the quiz (being asked how sure they are, the spar clock).

Stored as JSON in the user's data folder. The file is the user's to edit or break, so a damaged
one is never fatal: `load_settings` returns the defaults and a notice saying what was wrong,
and the next save writes a good file over it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from trainer.locations import settings_path
from trainer.quiz.spar import DEFAULT_SECONDS, MAX_SECONDS, MIN_SECONDS

DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True, slots=True)
class Settings:
    """The user's choices for the app."""

    theme: str = DEFAULT_THEME
    """A Textual theme name; an unknown name falls back to the default when applied."""
    student: str = ""
    """The student's name, asked for on the first start and changed from the palette; every
    attempt is recorded under it (`trainer.progress.student`). "" until given."""
    pack: str = ""
    """The pack folder last opened, opened again at the next start if it is still there
    ("" for the built-in pack)."""
    ask_confidence: bool = True
    """Ask how sure the student is (one key, 1-4, or Enter to skip) before each verdict, so
    that stats can show whether their sureness is right. On by default: calibration needs
    answers to measure; the palette turns it off."""
    spar_seconds: int = DEFAULT_SECONDS
    """The time per point in a timed round (`spar`), within the engine's bounds."""
    linked_review: bool = True
    """Review follows the argument: a missed item brings forward what stands on it
    (`trainer.progress.linked`). On by default; off, review is plain FSRS order."""


BOUNDS: dict[str, tuple[int, int]] = {"spar_seconds": (MIN_SECONDS, MAX_SECONDS)}
"""Each whole-number setting's bounds, inclusive: the engine's, for the spar clock."""


def _valid(name: str, value: Any) -> bool:
    """Whether a stored value has its field's type, and a number its field's bounds."""
    default = getattr(Settings(), name)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        low, high = BOUNDS[name]
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return isinstance(value, str)


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """The saved settings and a notice ("" when all is well, or the file does not exist)."""
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), f"Could not read {path} ({error}); using the default settings."
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as error:
        return Settings(), f"{path} is damaged ({error.msg}); using the default settings."
    if not isinstance(data, dict):
        return Settings(), f"{path} is not a JSON object; using the default settings."
    known = {field.name for field in fields(Settings)}
    values = {key: value for key, value in data.items() if key in known}
    if not all(_valid(key, value) for key, value in values.items()):
        return Settings(), f"{path} has a value of the wrong type; using the default settings."
    return Settings(**values), ""


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, so a crash mid-write cannot leave a damaged file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(asdict(settings), file, indent=2)
            file.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
