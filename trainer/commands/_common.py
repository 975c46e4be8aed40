"""Small pieces the commands share: loading a pack with a readable failure."""

from __future__ import annotations

import sys
from pathlib import Path

from trainer.packs.errors import PackError
from trainer.packs.loader import load_pack
from trainer.packs.model import Pack

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
