"""Static checks that the app keeps the interfaces its screens rely on (read by mypy only).

No module imports this one: a screen importing it would import the app, which the
import-linter contract forbids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp
    from trainer.tui.context import TrainerContext

    def _the_app_is_a_context(app: TrainerApp) -> TrainerContext:
        return app  # mypy fails here if the app lacks anything a screen reads of it
