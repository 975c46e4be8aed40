"""The quiz engine as the app's screens use it: a session built, its question kinds named,
and where the events it returns go.

Kept out of the quiz screen so the screens that only name question kinds (results, stats)
do not import the screen, and the screen holds the screen alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from trainer.packs.model import Pack
from trainer.quiz.events import Event
from trainer.quiz.modes import Mode, plan
from trainer.quiz.protocols import GraderFactory, default_grader
from trainer.quiz.questions import QuestionKind
from trainer.quiz.review import questions_for
from trainer.quiz.session import Session

QUESTION_NAMES: dict[str, str] = {kind.value: kind.display_name for kind in QuestionKind}
"""Each question kind (a `QuestionKind` value) as a student reads it."""


class EventLog(Protocol):
    """Where a quiz's events go as they happen (`trainer.tui.progress.SessionLog`)."""

    def consume(self, events: Sequence[Event]) -> None: ...


def make_session(
    pack: Pack,
    mode: str,
    *,
    seed: int | None,
    clock: Callable[[], float] | None,
    items: tuple[str, ...] = (),
    grader: GraderFactory | None = None,
    why: Mapping[str, str] | None = None,
    seconds: int | None = None,
) -> Session:
    """A session with the pack's grader built up front (it takes a moment on a big pack).

    With `items` ("practise these again"), the engine picks the questions that ask for
    those items, most urgent first, in place of the mode's plan.
    """
    build = grader or default_grader
    options: dict[str, Any] = {"seed": seed, "grader": build(pack)}
    if clock is not None:
        options["clock"] = clock
    if mode == Mode.SPAR:
        options["seconds"] = seconds
        if items:  # a round again on the points to drill
            chosen = [q for q in plan(pack, Mode.SPAR, seed=seed or 0) if q.subject in items]
            options["questions"] = chosen
    elif items:
        options["questions"] = questions_for(pack, items, why)
    return Session(pack, mode, **options)
