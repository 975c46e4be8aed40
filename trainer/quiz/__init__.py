"""The quiz engine: questions from a pack, sessions, scoring, events. No UI imports here.

    session = Session(pack, Mode.REBUTTALS, seed=7, limit=5)
    events = session.start()          # the first question
    events = session.answer("...")    # a verdict, maybe a result and the next question
    events = session.hint()           # or skip(), give_up(), next(), override(), finish()

Every action returns the events it caused; `event.to_json()` is the headless output format
(docs/headless.md). The grader is imported only when the first answer is graded.
"""

from trainer.quiz.events import (
    ErrorEvent,
    Event,
    HintEvent,
    Missed,
    QuestionEvent,
    ResultEvent,
    ReviewEvent,
    SummaryEvent,
    VerdictEvent,
)
from trainer.quiz.hints import hint_steps
from trainer.quiz.modes import MODE_KINDS, Mode, plan
from trainer.quiz.protocols import Clock, GraderLike, VerdictLike
from trainer.quiz.questions import Question, QuestionKind, questions_of_kind
from trainer.quiz.scoring import ItemStatus, QuestionOutcome, ScoringRules
from trainer.quiz.session import EndReason, Phase, Session

__all__ = [
    "MODE_KINDS",
    "Clock",
    "EndReason",
    "ErrorEvent",
    "Event",
    "GraderLike",
    "HintEvent",
    "ItemStatus",
    "Missed",
    "Mode",
    "Phase",
    "Question",
    "QuestionEvent",
    "QuestionKind",
    "QuestionOutcome",
    "ResultEvent",
    "ReviewEvent",
    "ScoringRules",
    "Session",
    "SummaryEvent",
    "VerdictEvent",
    "VerdictLike",
    "hint_steps",
    "plan",
    "questions_of_kind",
]
