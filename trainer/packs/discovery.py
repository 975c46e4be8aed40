"""The packs this trainer can open: the built-in ones and those in the user's pack folder.

An engine function, so the `packs` command and the app's pack list read the same catalogue
without the app importing a command-line module.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from trainer.locations import builtin_packs_dir, user_packs_dir
from trainer.packs.errors import PackError
from trainer.packs.loader import PACK_FILE, load_pack


@dataclass(frozen=True, slots=True)
class PackEntry:
    """One pack found on disk; `problems` > 0 means it did not load."""

    path: str
    origin: str
    id: str = ""
    title: str = ""
    version: str = ""
    items: int = 0
    problems: int = 0
    item_ids: tuple[str, ...] = field(default=(), repr=False)
    """The gradable items, so what is due can be counted without loading the pack again."""

    def to_json(self) -> dict[str, object]:
        entry = asdict(self)
        del entry["item_ids"]  # the JSON lists packs, not their contents
        return entry


def discover(packs_dir: str | None = None) -> list[PackEntry]:
    """Every pack folder in the built-in and user folders, loaded to show its title."""
    found: list[PackEntry] = []
    for origin, folder in (("built-in", builtin_packs_dir()), ("user", user_packs_dir(packs_dir))):
        try:
            if not folder.is_dir():
                continue
            candidates = sorted(folder.iterdir())
        except OSError:  # an unreadable pack folder: listed as broken, `check` says why
            found.append(PackEntry(str(folder), origin, id=folder.name, problems=1))
            continue
        found.extend(pack_entry(c, origin) for c in candidates if _may_hold_a_pack(c))
    return found


def _may_hold_a_pack(candidate: Path) -> bool:
    """True when `candidate` has a pack.yaml of any kind, or cannot be looked into: an
    unreadable folder is listed as broken rather than hidden or allowed to stop the list."""
    try:
        (candidate / PACK_FILE).lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return candidate.is_dir()
    return True


def pack_entry(folder: Path, origin: str) -> PackEntry:
    """Load the pack in `folder` to describe it; a broken one is listed with its problem count."""
    try:
        pack = load_pack(folder)
    except PackError as error:
        return PackEntry(str(folder), origin, id=folder.name, problems=len(error.problems))
    ids = tuple(item.id for item in pack)
    return PackEntry(str(folder), origin, pack.id, pack.title, pack.version, len(pack), 0, ids)
