"""What a screen may read of the app, as a structural interface: screens never import the app.

A screen reads the open pack, the catalogue and the progress store through `TrainerContext`
and asks for anything to be done by posting a message of its own (`HomeScreen.PackChosen`)
or by dismissing with a result, which the app handles. So the app imports the screens and
no screen imports the app (an import-linter contract holds this).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from trainer.packs.discovery import PackEntry
    from trainer.packs.model import Pack
    from trainer.tui.progress import ProgressKeeper


class TrainerContext(Protocol):
    """The app's state a screen shows; `TrainerApp` has every one of these."""

    @property
    def catalogue(self) -> tuple[PackEntry, ...]: ...

    @property
    def pack(self) -> Pack | None: ...

    @property
    def pack_path(self) -> Path | None: ...

    @property
    def pack_error(self) -> str: ...

    @property
    def progress(self) -> ProgressKeeper: ...

    def now(self) -> datetime: ...


def context_of(node: DOMNode) -> TrainerContext:
    """The app `node` runs in, read as a `TrainerContext` (mypy checks in
    `trainer.tui.conformance` that the app is one)."""
    return cast("TrainerContext", node.app)
