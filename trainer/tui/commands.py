"""The command palette's own entries: start a quiz mode, open a pack, study, stats, triage,
help, and the quiz settings (being asked how sure, the spar clock).

Everything is read from the app's state (the catalogue the discover worker found), so opening
the palette does no I/O. Prompts are `Content` built from plain text and help lines are
escaped, because the palette reads plain strings as markup and pack titles are untrusted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.markup import escape

from trainer.tui.modes import MODES
from trainer.tui.text import visible

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp

Command = tuple[str, Callable[[], object], str]

SPAR_CHOICES = (30, 45, 60, 90, 120)
"""The spar clocks the palette offers (seconds a point): a quick drill to a full speech's
answer; the settings file takes any time within the engine's bounds."""


class TrainerCommands(Provider):
    """Modes and packs, so a keyboard user can do anything from Ctrl+P."""

    def _commands(self) -> Iterator[Command]:
        app: TrainerApp = self.app  # type: ignore[assignment]
        for mode in MODES:
            yield f"Quiz: {mode.title}", partial(app.start_quiz, mode.key), mode.line
        yield "Study the argument map", app.action_study, "Read the pack before a quiz"
        yield (
            "Progress and stats",
            app.action_stats,
            "Accuracy per day and per kind, weakest items, what is due for review",
        )
        yield (
            "Triage a class's answers",
            app.action_triage,
            "For an instructor: mark a class's answers a cluster at a time; the grader learns",
        )
        yield "Help", app.action_help, "Keys, modes and how answers are graded"
        yield (
            "Your name",
            app.action_change_student,
            "Change the name your progress is kept under",
        )
        yield _toggle(
            "Ask how sure I am",
            app.settings.ask_confidence,
            app.set_ask_confidence,
            "Before each verdict, one key (1-4) for how sure you are; stats show if you "
            "are right to be",
        )
        for seconds in SPAR_CHOICES:
            now = " (now)" if seconds == app.settings.spar_seconds else ""
            yield (
                f"Spar clock: {seconds} seconds a point{now}",
                partial(app.set_spar_seconds, seconds),
                "The time to answer each point in a timed round",
            )
        yield _toggle(
            "Linked review",
            app.settings.linked_review,
            app.set_linked_review,
            "When you miss an item, review first what stands on it (the thesis on a "
            "premise), saying why; off: plain spaced-repetition order",
        )
        for entry in app.catalogue:
            if not entry.problems:
                name = f"Open pack: {visible(entry.title)}"
                yield name, partial(app.open_pack, Path(entry.path)), f"{entry.origin} pack"

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(Content(name), command, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher.query, name), command, name, escape(help_text))


def _toggle(name: str, on: bool, turn: Callable[[bool], object], help_text: str) -> Command:
    """A setting the palette turns the other way: "<name>: turn off" while it is on."""
    return f"{name}: turn {'off' if on else 'on'}", partial(turn, not on), help_text


def _highlight(query: str, name: str) -> Content:
    """Like `Matcher.highlight`, which parses the candidate as markup, but on plain text."""
    content = Content(name)
    _, offsets = FuzzySearch().match(query, name)
    for offset in offsets:
        content = content.stylize("reverse", offset, offset + 1)
    return content
