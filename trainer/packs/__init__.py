"""Content packs: the format, loading and validation. No UI imports here."""

from trainer.packs.errors import PackError, Problem
from trainer.packs.loader import load_pack
from trainer.packs.model import Answer, Item, Kind, Pack

__all__ = ["Answer", "Item", "Kind", "Pack", "PackError", "Problem", "load_pack"]
