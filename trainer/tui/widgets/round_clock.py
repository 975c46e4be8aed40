"""A timed round's clock: the seconds left for the point being answered, or that time is up.

The widget keeps no time of its own. It asks for a reading four times a second by posting
`RoundClock.Tick`; the quiz screen answers with what the session's clock says (`show`), so
the clock on screen and the one that marks answers late are the same clock, and a test's
fake clock drives both.
"""

from __future__ import annotations

import math

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

READ_EVERY = 0.25
"""Seconds between readings: often enough that the count never looks stuck."""
LOW = 10
"""Seconds left from which the clock is shown as running low."""


class RoundClock(Static):
    """ "Clock 42 s of 60", then "Time is up" once the point's time has run out."""

    class Tick(Message):
        """Time to read the clock again."""

    left: reactive[float | None] = reactive(None)
    """Seconds left for the point; None when no point is being answered."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.seconds = 0.0

    def start(self, seconds: float) -> None:
        """A timed round begins: `seconds` a point, and readings from now on."""
        self.seconds = seconds
        self.display = True
        self.set_interval(READ_EVERY, lambda: self.post_message(self.Tick()))

    def show(self, left: float | None) -> None:
        self.left = left

    def watch_left(self, left: float | None) -> None:
        self.set_class(left is not None and 0 < left <= LOW, "-low")
        self.set_class(left == 0, "-expired")
        if left is None:
            self.update("")
        elif left == 0:
            self.update(Content("Time is up: answer now and it counts half"))
        else:
            self.update(Content(f"Clock {math.ceil(left)} s of {self.seconds:g}"))
