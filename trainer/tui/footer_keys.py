"""What a screen's footer draws, so that a screen can tell the footer only when it changes.

Textual's `Footer` rebuilds every key it shows each time the screen refreshes its bindings
(10 to 30 ms on a busy machine), however little changed; a screen that refreshes them
often compares this before it does.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer


def footer_keys(screen: Screen[Any], footer: Footer) -> tuple[object, ...] | None:
    """The keys `footer` draws for `screen` (as `Footer.compose` reads them), each enabled
    or dimmed; None until the footer listens, as it must hear the first refresh."""
    if not footer.is_mounted:
        return None
    palette = screen.app.COMMAND_PALETTE_BINDING
    keys = tuple(
        (key, active.enabled, active.tooltip, _drawn(active.binding))
        for key, active in screen.active_bindings.items()
        if active.binding.show or key == palette
    )
    return (screen.app.app_focus, keys)


def _drawn(binding: Binding) -> tuple[object, ...]:
    """What of a binding the footer draws."""
    return (binding.action, binding.description, binding.group, binding.key_display)
