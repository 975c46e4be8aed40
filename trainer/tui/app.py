"""The debate-trainer app: loads packs in workers, holds the open pack, switches screens.

It owns no quiz or grading logic: screens hand the pack to the quiz engine and show what it
says. Start-up is measured against a bare Textual app, so only what the first frame needs is
imported here: the pack loader runs (and is imported) in a worker, and the other screens and
the engines are imported when first used. The student and the progress store are kept by
its base (`trainer.tui.keeping`); how it was started is `trainer.tui.options.AppOptions`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from trainer.locations import builtin_pack_dir
from trainer.packs.summary import cached_summary
from trainer.tui import pack_loading
from trainer.tui.commands import TrainerCommands
from trainer.tui.keeping import KeepsProgress
from trainer.tui.options import FIRST_FRAME_SWITCH_INTERVAL
from trainer.tui.options import AppOptions as AppOptions
from trainer.tui.options import PackLoadError as PackLoadError
from trainer.tui.options import screenshot_folder as screenshot_folder
from trainer.tui.options import terminal_gone as terminal_gone
from trainer.tui.screens.home import HomeScreen
from trainer.tui.settings import DEFAULT_THEME

if TYPE_CHECKING:
    from trainer.packs.discovery import PackEntry
    from trainer.packs.model import Pack
    from trainer.quiz.events import SummaryEvent
    from trainer.tui.screens.quiz import QuizScreen
    from trainer.tui.screens.triage import TriageScreen

PRACTICE_MODE = "mixed"
"""The engine mode whose questions "practise these again" picks from: it asks every kind."""
REVIEW_MODE = "review"
"""The engine mode that asks what the progress store says is due."""
SPAR_MODE = "spar"  # a timed round, run again by a flow sheet's "drill these points"


class TrainerApp(KeepsProgress):
    """A debate coach's drill: study an argument map, then answer questions on it."""

    TITLE = "debate-trainer"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {TrainerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+t", "toggle_dark", "Light/dark", show=False),
        # Checked before the key reaches any widget, so the quiz is on screen before the
        # next key is handled: what a quick student types after Enter goes into the quiz.
        Binding("enter", "start_chosen_mode", show=False, priority=True),
    ]

    catalogue: reactive[tuple[PackEntry, ...]] = reactive(())
    """Every pack found: built-in first, then the user's, then one given with --pack."""
    pack_path: reactive[Path | None] = reactive(None)
    """The pack being opened or open."""
    pack: reactive[Pack | None] = reactive(None)
    """The open pack; None while loading or after a failure."""
    pack_error: reactive[str] = reactive("")
    """Why the last pack failed to load, as the loader reports it."""

    def __init__(self, options: AppOptions | None = None) -> None:
        super().__init__(options)
        self._discovery_started = False
        self._switch_interval = sys.getswitchinterval()
        """Python's own, put back once the first frame is out."""
        if self._settings.theme in self.available_themes:
            self.theme = self._settings.theme
        else:
            self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen[None]:
        # Home's styles are in app.tcss: Textual reads no CSS_PATH for a default screen, and
        # a screen of its own from MODES would cost a restyle before the first frame.
        # The first pack's summary is the one kept from its last load, while its files are
        # unchanged: it is on the first frame, and the pack loads once that is drawn.
        return HomeScreen(cached_summary(self._first_pack))

    @property
    def _first_pack(self) -> Path:
        return self.options.pack_path or builtin_pack_dir()

    def on_mount(self) -> None:
        # The first frame goes to the terminal as soon as it is drawn (the writer thread
        # does not wait out the work after it): see FIRST_FRAME_SWITCH_INTERVAL.
        sys.setswitchinterval(FIRST_FRAME_SWITCH_INTERVAL)
        if self.options.settings_notice:
            self.notify(
                self.options.settings_notice, title="Settings", severity="warning", markup=False
            )
        self.watch(self, "theme", self._remember_theme, init=False)

    def on_ready(self) -> None:
        """The first frame is drawn: only now start loading, so it does not compete with it."""
        sys.setswitchinterval(self._switch_interval)
        if self.options.exit_after_first_frame:
            # After one more refresh, so the first frame has reached the terminal.
            self.call_after_refresh(self.exit)
            return
        self.open_pack(self._first_pack)
        if self.options.student is None and not self.student:
            self.action_change_student()
        if not self.is_headless:
            self.set_interval(1.0, self._exit_if_terminal_gone, name="terminal-watch")

    def _exit_if_terminal_gone(self) -> None:
        """Quit when the terminal was closed under us.

        Started from `make run` (or any wrapper), the app is not the session leader, so a
        closed terminal window sends it no SIGHUP; Textual's input thread then spins on a
        hung-up tty at full CPU. A hung-up tty fails `tcgetattr`, which this notices.
        """
        if terminal_gone():
            self.exit(return_code=129)

    def on_unmount(self) -> None:
        """Save what is still being saved, then close the store (the app is going)."""
        if self._progress is not None and not self._progress.stop():
            self.log.warning("the progress store did not close in time")

    # -- packs ------------------------------------------------------------------------------

    def open_pack(self, path: Path) -> None:
        """Start loading a pack; the screens show it when `pack` changes."""
        self.pack_path = path
        self.pack = None
        self.pack_error = ""
        self._load(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self, path: Path) -> Pack:
        return pack_loading.load_for_app(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="discover")
    def find_packs(self) -> tuple[PackEntry, ...]:
        return pack_loading.find_packs(self.options.packs_dir, self.options.pack_path)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        """The one place that hears how loading went, successes and failures alike."""
        worker = event.worker
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if worker.group == "load" and not self._discovery_started:
            # Only now, so the two workers never import the loader at the same time, and the
            # store is never opened before the first frame.
            self._discovery_started = True
            self.find_packs()
            self._start_progress()
        if event.state is WorkerState.SUCCESS:
            if worker.group == "load":
                self.pack = worker.result
                self._remember_pack()
                self._triage_on_start()
            elif worker.group == "discover":
                self.catalogue = worker.result or ()
            return
        error = worker.error
        message = pack_loading.failure_message(error)
        if worker.group == "load":
            self.pack_error = message
        elif worker.group == "progress":
            self.notify(
                f"Your progress is not saved this time: {error}",
                title="Progress",
                severity="error",
                markup=False,
            )
        else:
            title = pack_loading.FAILURE_TITLES.get(worker.group, "Unexpected problem")
            self.notify(message, title=title, severity="error", markup=False)

    # -- screens ----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Ctrl+Q: in the middle of a quiz, ask first, as Esc does (what was answered is
        saved either way)."""
        from trainer.tui.screens.confirm import ConfirmScreen

        if self._open_quiz() is None or isinstance(self.screen, ConfirmScreen):
            self.exit()
            return

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        self.push_screen(
            ConfirmScreen(
                "Quit debate-trainer now? Your answers so far are saved.", "Quit", "Go on"
            ),
            answered,
        )

    def _open_quiz(self) -> QuizScreen | None:
        """A quiz on the stack that is not over yet."""
        return self._quiz_on_stack(lambda quiz: quiz.summary is None)

    def _quiz_on_stack(self, wanted: Callable[[QuizScreen], bool]) -> QuizScreen | None:
        """The first quiz on the stack that is `wanted`, if any."""
        # Not imported here: the first pack arrives while discovery imports on a worker.
        if "trainer.tui.screens.quiz" not in sys.modules:
            return None
        from trainer.tui.screens.quiz import QuizScreen

        for screen in self.screen_stack:
            if isinstance(screen, QuizScreen) and wanted(screen):
                return screen
        return None

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's Screenshot: into Downloads when there is one, else into the
        trainer's own folder (Textual's default failed when ~/Downloads did not exist)."""
        if path is None:
            path = str(screenshot_folder())
        return super().deliver_screenshot(filename, path, time_format)

    def action_help(self) -> None:
        from trainer.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _pack_or_say(self) -> Pack | None:
        """The open pack, or None after saying it is not open yet."""
        if self.pack is None:
            self.notify("The pack is not open yet.", severity="warning")
        return self.pack

    def action_study(self) -> None:
        from trainer.tui.screens.study import StudyScreen

        pack = self._pack_or_say()
        if pack is not None and not isinstance(self.screen, StudyScreen):
            self.push_screen(StudyScreen(pack))

    def action_triage(self, answers: Path | None = None) -> None:
        """An instructor's screen: a class's answers in clusters to mark (`answers`, or a
        path the screen asks for)."""
        from trainer.tui.screens.triage import TriageScreen

        pack = self._pack_or_say()
        if pack is not None and not isinstance(self.screen, TriageScreen):
            self.push_screen(TriageScreen(pack, answers))

    def _triage_on_start(self) -> None:
        answers = self.options.triage_answers
        if answers is not None:
            self.options = replace(self.options, triage_answers=None)  # once, not per load
            self.action_triage(answers)

    def on_triage_screen_saved(self, message: TriageScreen.Saved) -> None:
        """Marks were kept beside the open pack: reopen it, so quizzes grade with them.

        Handled by name rather than with @on, which would import the screen (and Textual's
        DataTable) before the first frame."""
        if self.pack is not None and self.pack.folder == message.folder and message.added:
            self.open_pack(self.pack_path or message.folder)

    def action_stats(self) -> None:
        from trainer.tui.screens.stats import StatsScreen

        pack = self._pack_or_say()
        if pack is not None and not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen(pack), self._stats_closed)

    def _stats_closed(self, review: bool | None) -> None:
        if review:
            self.start_quiz(REVIEW_MODE)

    @on(HomeScreen.PackChosen)
    def _open_chosen_pack(self, message: HomeScreen.PackChosen) -> None:
        self.open_pack(message.path)

    @on(HomeScreen.ModeChosen)
    def _start_chosen_quiz(self, message: HomeScreen.ModeChosen) -> None:
        self.start_quiz(message.mode)

    def action_start_chosen_mode(self) -> None:
        """Enter on Home's list of modes: start that quiz now (any other Enter goes on)."""
        screen = self.screen
        mode = screen.mode_to_start() if isinstance(screen, HomeScreen) else None
        if mode is None:
            raise SkipAction()
        self.start_quiz(mode)

    def start_quiz(
        self, mode: str, items: tuple[str, ...] = (), why: Mapping[str, str] | None = None
    ) -> None:
        """Open a quiz of one mode on the open pack; `items` narrows it to those items,
        and `why` says why a review asks some of them (`trainer.progress.linked`).

        Review without `items` first asks the store what is due, then comes back here.
        """
        from trainer.tui.screens.quiz import QuizScreen

        if isinstance(self.screen, QuizScreen):
            self.notify("Finish or end this quiz first (Esc).", severity="warning")
            return
        loading = self.pack is None and not self.pack_error and self.pack_path is not None
        if self.pack is None and not (loading and mode != REVIEW_MODE):
            self.notify("The pack is not open yet.", severity="warning")
            return
        if mode == REVIEW_MODE and not items and self.pack is not None:
            self._start_review(self.pack)
            return
        options = self.options
        # While the pack is still loading the quiz opens at once and takes typing; it is
        # given the pack (`watch_pack`) as soon as the pack is open.
        quiz = QuizScreen(
            self.pack,
            mode,
            seed=options.seed,
            clock=options.clock,
            items=items,
            why=why,
            log=self._session_log(self.pack, mode) if self.pack is not None else None,
            grader=options.grader,
            ask_confidence=self._settings.ask_confidence,
            seconds=self._settings.spar_seconds,
        )
        self.push_screen(quiz, partial(self._quiz_over, quiz))

    def _waiting_quiz(self) -> QuizScreen | None:
        """A quiz opened while its pack was loading, still without a session."""
        return self._quiz_on_stack(lambda quiz: quiz.session is None)

    def watch_pack(self, pack: Pack | None) -> None:
        quiz = self._waiting_quiz()
        if quiz is not None and pack is not None:
            quiz.begin(pack, self._session_log(pack, quiz.mode.value))

    def watch_pack_error(self, error: str) -> None:
        quiz = self._waiting_quiz()
        if error and quiz is not None:
            quiz.dismiss(None)  # home says why the pack did not open

    @work(exclusive=True, exit_on_error=False, group="review")
    async def _start_review(self, pack: Pack) -> None:
        plan = await self._review_plan(pack)
        if plan is None or self.pack is not pack:
            return  # the store is not open (said), or another pack was opened meanwhile
        if not plan.items:
            self.notify(
                "Nothing in this pack is due for review yet. Take another quiz; what you "
                "miss comes back here when it is time.",
                title="Review",
            )
            return
        self.start_quiz(REVIEW_MODE, plan.items, plan.why)

    def _quiz_over(self, quiz: QuizScreen, summary: SummaryEvent | None) -> None:
        from trainer.tui.screens.flow_sheet import FlowSheetScreen
        from trainer.tui.screens.results import ResultsScreen

        if summary is None or self.pack is None:
            return
        if quiz.flow is not None:  # a timed round: the debater's flow sheet
            sheet = FlowSheetScreen(self.pack, summary, quiz.flow)
            self.push_screen(sheet, partial(self._practise, SPAR_MODE))
        else:
            results = ResultsScreen(self.pack, summary, quiz.sub_title or "")
            self.push_screen(results, partial(self._practise, PRACTICE_MODE))

    def _practise(self, mode: str, items: tuple[str, ...] | None) -> None:
        """Practise these again: in a mixed quiz, or for a round's points, another round."""
        if items:
            self.start_quiz(mode, items)

    # -- settings ---------------------------------------------------------------------------

    def _remember_pack(self) -> None:
        """The pack just opened is the one the next start opens (the built-in one as "")."""
        path = self.pack_path
        remembered = "" if path is None or path == builtin_pack_dir() else str(path.resolve())
        if remembered != self._settings.pack:
            self._remember(pack=remembered)

    def _remember_theme(self, theme: str) -> None:
        self._remember(theme=theme)
