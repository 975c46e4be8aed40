"""What the app's workers do with packs (load one, find every pack there is), and how the
app words a worker's failure.

Both run on worker threads, never on the UI thread, and import the loader only there: the
UI thread never imports the loader while a worker may be importing it (two threads
importing one package can deadlock). A pack that loads has its summary kept for the next
start's first frame (`trainer.packs.summary`); one that does not is a `PackLoadError`
carrying the loader's readable report.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from trainer.packs.summary import keep_summary, pack_digest
from trainer.tui.options import PackLoadError

if TYPE_CHECKING:
    from trainer.packs.discovery import PackEntry
    from trainer.packs.model import Pack


FAILURE_TITLES = {
    "settings": "Saving settings",
    "discover": "Finding packs",
    "progress": "Progress",
    "review": "Review",
}
"""The title of the notice a failed worker's group gets."""


def failure_message(error: BaseException | None) -> str:
    """A failed worker's error as the app says it: a pack's readable report as it is."""
    if isinstance(error, PackLoadError):
        return str(error)
    return f"Unexpected problem: {type(error).__name__}: {error}"


def load_for_app(path: Path) -> Pack:
    """The pack at `path`, validated; its summary kept for the next start."""
    from trainer.packs.errors import PackError
    from trainer.packs.loader import load_pack

    digest = pack_digest(path)
    try:
        pack = load_pack(path)
    except PackError as error:
        # The panel already names the pack, and long absolute paths would crowd it.
        folder = path if path.is_dir() else path.parent
        raise PackLoadError(error.report(relative_to=folder)) from None
    keep_summary(path, pack, digest)
    return pack


def find_packs(packs_dir: str | None, given: Path | None) -> tuple[PackEntry, ...]:
    """Every pack: built-in first, then the user's (in `packs_dir`), then `given` (`--pack`)."""
    from trainer.packs.discovery import discover, pack_entry

    found = discover(packs_dir)
    if given is not None and not any(Path(e.path) == given for e in found):
        found.append(pack_entry(given, "given"))
    return tuple(found)
