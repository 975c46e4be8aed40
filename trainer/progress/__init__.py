"""Progress that lasts: attempts, spaced-repetition schedules, stats. No UI imports.

The public names are resolved on first use, so importing a small submodule (the student's
name, read as the app starts) does not import the store, `sqlite3` and `fsrs`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainer.progress.store import Attempt, DueCard, ProgressStore, StoreError

__all__ = ["Attempt", "DueCard", "ProgressStore", "StoreError"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from trainer.progress import store

        return getattr(store, name)
    raise AttributeError(f"module 'trainer.progress' has no attribute {name!r}")
