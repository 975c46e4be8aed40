"""Small pieces the commands share: loading a pack with a readable failure."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.packs.errors import PackError
from trainer.packs.loader import load_pack
from trainer.packs.model import Pack

if TYPE_CHECKING:
    from trainer.progress.store import ProgressStore

EXIT_OK = 0
EXIT_DISAGREE = 1
EXIT_INVALID = 2


def load_or_report(path: str | Path) -> Pack | None:
    """The pack, or None after printing every problem to stderr (no traceback)."""
    try:
        return load_pack(path)
    except PackError as error:
        print(f"{path}: {error.report()}", file=sys.stderr)
        return None


def open_store_or_report(command: str) -> ProgressStore | None:
    """The progress store, or None after saying why on stderr.

    A notice from the store (an unreadable file moved aside) is printed too: the user must
    learn where their old progress went.
    """
    from trainer.progress.store import ProgressStore, StoreError

    try:
        store = ProgressStore.open_default()
    except StoreError as error:
        print(f"{command}: {error}", file=sys.stderr)
        return None
    if store.notice:
        print(store.notice, file=sys.stderr)
    return store
