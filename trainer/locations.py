"""Every path the trainer uses, in one place, each overridable for tests and odd setups.

`DEBATE_TRAINER_HOME` moves all of the user's data (packs, progress, cache) to one folder;
`DEBATE_TRAINER_PACKS` moves only the pack folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "debate-trainer"
BUILTIN_PACK = "long-range-strikes"

_PACKAGE = Path(__file__).resolve().parent


def builtin_packs_dir() -> Path:
    """The folder of built-in packs.

    An installed wheel carries them inside the package (`trainer/_content`); a source
    checkout or editable install reads `content/` at the top of the repository.
    """
    installed = _PACKAGE / "_content"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "content"


def builtin_pack_dir(name: str = BUILTIN_PACK) -> Path:
    return builtin_packs_dir() / name


def data_dir() -> Path:
    """The user's data folder (not created here: read-only commands must not write)."""
    home = os.environ.get("DEBATE_TRAINER_HOME")
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What the trainer keeps only to start faster (a pack's summary): safe to delete, and
    under `DEBATE_TRAINER_HOME` when that is set, so a test's cache is its own."""
    home = os.environ.get("DEBATE_TRAINER_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_packs_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the user keeps their own packs: `--packs-dir`, then the env vars, then default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("DEBATE_TRAINER_PACKS")
    if env:
        return Path(env).expanduser()
    return data_dir() / "packs"


def progress_db_path() -> Path:
    """The SQLite file holding attempts and review schedules."""
    return data_dir() / "progress.sqlite3"


def settings_path() -> Path:
    """The small JSON file of user preferences (the theme, for one)."""
    return data_dir() / "settings.json"
