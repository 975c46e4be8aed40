"""Content packs: the format, loading and validation. No UI imports here.

The package's names are resolved on first use (a module-level `__getattr__`), so importing
one small submodule, as the terminal app does for a pack's cached summary before its first
frame, does not import the loader and YAML with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.packs.errors import PackError, Problem
    from trainer.packs.loader import load_pack
    from trainer.packs.model import Answer, Item, Kind, Pack

__all__ = ["Answer", "Item", "Kind", "Pack", "PackError", "Problem", "load_pack"]

_HOMES = {
    "PackError": "trainer.packs.errors",
    "Problem": "trainer.packs.errors",
    "load_pack": "trainer.packs.loader",
    "Answer": "trainer.packs.model",
    "Item": "trainer.packs.model",
    "Kind": "trainer.packs.model",
    "Pack": "trainer.packs.model",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
