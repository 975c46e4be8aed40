"""Quiz: one question at a time, an answer box, and the grader's feedback after each answer.

The screen drives a `trainer.quiz.session.Session` and shows the events it returns; every
rule (what counts, what a hint costs, when a question ends) is the engine's. The only thing
decided here is pacing: when a question ends, its result stays on screen until the student
presses Enter, and what the engine said next (the next question, its review of the last one,
or the summary) waits in `_pending` until then.

Every list of events the session returns goes to the screen's `EventLog` as it is returned
(the app passes one that records attempts in the progress store), before any of it is shown.
Grading an answer on a worker is the base class's (`trainer.tui.screens.answer_grading`);
the session is built by `trainer.tui.quiz_session`; the hints and the checklist of a question
that wants several answers are widgets of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from trainer.packs.model import Pack
from trainer.quiz.events import (
    AnswerState,
    ClockEvent,
    ErrorEvent,
    Event,
    FlowEvent,
    HintEvent,
    QuestionEvent,
    ResultEvent,
    ReviewEvent,
    SummaryEvent,
    VerdictEvent,
)
from trainer.quiz.modes import Mode
from trainer.quiz.protocols import GraderFactory
from trainer.quiz.questions import QuestionKind
from trainer.quiz.session import Phase, Session
from trainer.quiz.spar import FlowSheet
from trainer.tui.modes import MODE_INFO
from trainer.tui.quiz_session import QUESTION_NAMES, EventLog, make_session
from trainer.tui.screens.answer_grading import placeholder_after
from trainer.tui.screens.quiz_keys import QuizKeys
from trainer.tui.text import plain
from trainer.tui.widgets.checklist import Checklist
from trainer.tui.widgets.confidence_prompt import ConfidencePrompt
from trainer.tui.widgets.feedback import (
    FeedbackPanel,
    hint_content,
    result_content,
    verdict_content,
)
from trainer.tui.widgets.hints import Hints
from trainer.tui.widgets.quiz_status import QuizStatus
from trainer.tui.widgets.round_clock import RoundClock
from trainer.tui.widgets.title_bar import TitleBar


class QuizScreen(QuizKeys):
    """Asks the session's questions; dismisses with the session's summary when it ends."""

    CSS_PATH = "quiz.tcss"

    def __init__(
        self,
        pack: Pack | None,
        mode: str,
        *,
        seed: int | None = None,
        clock: Callable[[], float] | None = None,
        items: tuple[str, ...] = (),
        why: Mapping[str, str] | None = None,
        log: EventLog | None = None,
        grader: GraderFactory | None = None,
        ask_confidence: bool = False,
        seconds: int | None = None,
    ) -> None:
        super().__init__(ask_confidence=ask_confidence)
        self._pack = pack
        self.grader = grader
        self.mode = Mode(mode)
        self.seed = seed
        self.clock = clock
        self.items = items
        self.why = why
        """Why a review asks some of `items` (shown above their question's prompt)."""
        self.log_events = log
        self.seconds = seconds
        """A timed round's seconds per point (None: the engine's default)."""
        self.flow: FlowSheet | None = None
        """A timed round's flow sheet, once the round is over."""
        self._question: QuestionEvent | None = None
        self._submit_when_ready = False
        """Enter was pressed on an answer before the first question was ready."""
        title = MODE_INFO[self.mode.value].title
        if self.mode is Mode.REVIEW:
            self.sub_title = title
        elif items:  # "practise these again"; for a round, its points to drill
            self.sub_title = "Spar drill" if self.mode is Mode.SPAR else "Practice"
        else:
            self.sub_title = f"{title} quiz"

    @property
    def pack(self) -> Pack:
        """The pack asked about; only read once the session exists, which needs it."""
        if self._pack is None:
            raise RuntimeError("the quiz's pack is not open yet")
        return self._pack

    def begin(self, pack: Pack, log: EventLog | None) -> None:
        """The pack a quiz opened while it was loading is open: prepare the session now.

        Until then the answer box takes typing, so nothing typed right after Enter on the
        home screen is lost.
        """
        if self._pack is not None:
            return
        self._pack, self.log_events = pack, log
        if self.is_mounted:
            self._prepare()  # otherwise `on_mount` does

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="quiz"):
            yield QuizStatus(id="status")
            yield RoundClock(id="round-clock")
            with VerticalScroll(id="question", can_focus=False):
                yield Static(Content.styled("Preparing the quiz\u2026", "$text-muted"), id="prompt")
                yield Hints(id="hints")
                yield Checklist(id="checklist")
            # Enabled and focused from the start: what is typed while the session is being
            # prepared stays in the box for the first question.
            yield Input(placeholder="Your answer", id="answer", select_on_focus=False)
            yield ConfidencePrompt(id="confidence")
            yield FeedbackPanel(id="feedback")
        yield self._footer

    def on_mount(self) -> None:
        self.query_one("#checklist").display = False
        self.query_one("#hints").display = False
        self.query_one("#round-clock").display = False
        self.query_one("#confidence").display = False
        self.query_one("#answer", Input).focus()
        if self._pack is not None:
            self._prepare()

    # -- the session ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="session")
    def _prepare(self) -> Session:
        return make_session(
            self.pack,
            self.mode.value,
            seed=self.seed,
            clock=self.clock,
            items=self.items,
            why=self.why,
            grader=self.grader,
            seconds=self.seconds,
        )

    @on(Worker.StateChanged)
    def _prepared(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "session":
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, Session):
            session = event.worker.result
            if not session.questions:
                self.app.notify("This pack has nothing to ask in this mode.", severity="warning")
                self.dismiss(None)
                return
            self.session = session
            self.query_one(QuizStatus).begin(len(session.questions))
            if session.spar is not None:
                self.query_one(RoundClock).start(session.spar.seconds)
            self.act(session.start())
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            self.app.notify(f"Could not start the quiz: {error}", severity="error", markup=False)
            self.dismiss(None)

    def act(self, events: Sequence[Event]) -> None:
        """What the session just returned: log it, then show it."""
        if self.log_events is not None:
            self.log_events.consume(events)
        self.apply(events)

    def apply(self, events: Iterable[Event]) -> None:
        """Show what the engine said; hold the next question back while a result is shown."""
        for event in events:
            if isinstance(event, QuestionEvent | ReviewEvent | SummaryEvent) and self.awaiting_next:
                self._pending.append(event)
            else:
                self._show(event)

    def _show(self, event: Event) -> None:
        if isinstance(event, QuestionEvent):
            self._show_question(event)
        elif isinstance(event, VerdictEvent):
            self._show_verdict(event)
        elif isinstance(event, HintEvent):
            self.query_one("#hints", Hints).add(event.item_id, hint_content(event))
        elif isinstance(event, ResultEvent):
            self._show_result(event)
        elif isinstance(event, ReviewEvent):
            # The student has read the last result and pressed Enter: on to the summary
            # (unless "I was right" on that last answer already ended the session).
            if self.session is not None and self.session.phase is Phase.REVIEW:
                self.act(self.session.next())
        elif isinstance(event, ErrorEvent):
            self.notify(event.message, severity="warning", markup=False)
        elif isinstance(event, ClockEvent):
            self.query_one(RoundClock).show(event.left)
        elif isinstance(event, FlowEvent):
            self.flow = event.sheet
        elif isinstance(event, SummaryEvent):
            self.summary = event
            self.dismiss(event)

    def _show_question(self, event: QuestionEvent) -> None:
        self._question = event
        self._last_verdict = None
        name = QUESTION_NAMES.get(event.kind, event.kind)
        self.query_one(QuizStatus).asking(event.number, event.total)
        why = (plain(event.why, "italic $text-warning"), "\n") if event.why else ()
        self.query_one("#prompt", Static).update(
            Content.assemble(
                *why, (name.capitalize(), "bold $text-accent"), "\n", plain(event.prompt)
            )
        )
        self.query_one("#hints", Hints).clear()
        checklist = self.query_one("#checklist", Checklist)
        checklist.ask(event.expects, shown=QuestionKind(event.kind).recall or event.more)
        self.query_one("#feedback", FeedbackPanel).clear()
        answer = self.query_one("#answer", Input)
        answer.disabled = False
        answer.placeholder = "Your answer (Enter to submit)"
        if event.number > 1:  # the first keeps what was typed while the quiz was prepared
            answer.value = ""
        answer.focus()
        self.refresh_bindings()
        if self.session is not None and self.session.spar is not None:
            self.act(self.session.restart_clock())  # the point is put now, not on Enter
        if self._submit_when_ready:
            self._submit_when_ready = False
            if answer.value.strip():
                self._submit(answer.value)

    def _show_verdict(self, event: VerdictEvent) -> None:
        self._last_verdict = event
        outcome = str(event.verdict.outcome)
        reveal = event.state is AnswerState.DONE or outcome == "correct"
        self.query_one("#feedback", FeedbackPanel).show_verdict(
            verdict_content(self.pack, event, reveal=reveal)
        )
        if outcome == "correct" and event.item_id:
            named = (event.item_id, *event.also_named)
            # Each by its label: short, where a whole answer is cut at 80 columns.
            self.query_one("#checklist", Checklist).tick(self.pack.item(i).label for i in named)
            self.query_one("#hints", Hints).drop_about(named)
        if not self.awaiting_next:  # "I was right" on an ended question: Enter still moves on
            recall = self._question is not None and QuestionKind(self._question.kind).recall
            self.query_one("#answer", Input).placeholder = placeholder_after(event.state, recall)
        self.refresh_bindings()

    def _show_result(self, event: ResultEvent) -> None:
        status = self.query_one(QuizStatus)
        status.scored(event.question, event.score, event.max)
        feedback = self.query_one("#feedback", FeedbackPanel)
        feedback.show_result(result_content(self.pack, event))
        self.query_one("#checklist", Checklist).miss(
            self.pack.item(missed.id).label for missed in event.missed if missed.answer
        )
        if event.revised:
            return
        status.done()
        answer = self.query_one("#answer", Input)
        answer.value = ""
        answer.placeholder = "Press Enter for the next question"
        answer.disabled = True
        feedback.focus()
        self.awaiting_next = True

    def watch_awaiting_next(self) -> None:
        self.refresh_bindings()

    @on(RoundClock.Tick)
    def _read_clock(self) -> None:
        """The round's clock, read for the screen; its running out is the engine's event."""
        session = self.session
        if session is None or session.finished or self.grading:
            return
        if self.awaiting_next:
            self.query_one(RoundClock).show(None)  # the next point's clock has not started
            return
        news = session.tick()
        if news:
            self.act(news)
        self.query_one(RoundClock).show(session.time_left())

    # -- input and actions ------------------------------------------------------------------

    @on(Input.Submitted, "#answer")
    def submit(self, event: Input.Submitted) -> None:
        if self.session is None and self._question is None:
            self._submit_when_ready = True  # sent as soon as the first question is shown
            return
        self._submit(event.value)

    def _submit(self, text: str) -> None:
        if self.session is None or self.session.finished or self.awaiting_next or self.grading:
            return  # while grading, what is typed stays in the box for the next Enter
        self.grade_answer(self.session, text)

    def answer_graded(self, events: Sequence[Event] | None) -> None:
        if events is not None:
            self.act(events)
        if self._end_when_graded:
            self._end_when_graded = False
            self._end_now()
