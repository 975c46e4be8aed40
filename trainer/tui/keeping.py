"""The app's record keeping: whose attempts these are, and the progress store they go to.

A base of `TrainerApp`, so the app module holds the screens and packs and this one the
student's name (asked on the first start, changeable from the palette) and the store's
thread (`trainer.tui.progress`), opened after the first pack has loaded. Settings are
saved here too, on a worker, as both the name and the app's choices change them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App

from trainer.tui.options import AppOptions
from trainer.tui.settings import Settings, save_settings

if TYPE_CHECKING:
    from trainer.packs.model import Pack
    from trainer.progress.linked import ReviewPlan
    from trainer.progress.store import ProgressStore
    from trainer.tui.progress import ProgressKeeper, SessionLog


def _notice(store: ProgressStore) -> str:
    return store.notice


def _use_student(name: str, claim: bool, store: ProgressStore) -> None:
    """On the store thread: record for `name` from now on (taking the unnamed attempts)."""
    store.student = name
    if claim:
        store.claim_unnamed(name)


class KeepsProgress(App[None]):
    """The student and the progress store, for the app built on it."""

    def __init__(self, options: AppOptions | None = None) -> None:
        super().__init__()
        self.options = options or AppOptions()
        self._settings = self.options.settings
        self._progress: ProgressKeeper | None = None
        self._progress_started = False
        self.student = self._first_student()
        """Whose attempts are recorded and whose cards are due (see `AppOptions.student`)."""
        self._claim_unnamed = False
        """The first name given: the store's unnamed attempts become this student's."""

    def _first_student(self) -> str:
        from trainer.progress.student import clean_student_name

        if self.options.student is not None:
            return clean_student_name(self.options.student)
        return "" if self.options.ask_student else self._settings.student

    @property
    def _remembers_student(self) -> bool:
        """Whether a name given in the app is saved in the settings (a personal machine)."""
        return self.options.student is None and not self.options.ask_student

    def now(self) -> datetime:
        """The time for progress: local and timezone-aware, or the clock tests inject."""
        return self.options.now() if self.options.now else datetime.now().astimezone()

    # -- progress ---------------------------------------------------------------------------

    @property
    def progress(self) -> ProgressKeeper:
        """The progress store's thread: every use of the store goes through it.

        Made on first use (its module is not needed for the first frame); the store itself
        is opened by `_open_progress`, once the first pack has loaded.
        """
        if self._progress is None:
            from trainer.tui.progress import ProgressKeeper

            self._progress = ProgressKeeper(self._open_store)
        return self._progress

    def _start_progress(self) -> None:
        if not self._progress_started:
            self._progress_started = True
            self._open_progress()

    @work(exclusive=True, exit_on_error=False, group="progress")
    async def _open_progress(self) -> None:
        """Open the store on its thread; a failure is reported by `_worker_done`."""
        notice = await self.progress.ask(_notice)
        if notice:  # a damaged file was moved aside: say where, once
            self.notify(notice, title="Progress", severity="warning", markup=False, timeout=30)

    def _open_store(self) -> ProgressStore:
        """On the store thread: the store, for the student of this run."""
        from trainer.progress.store import ProgressStore

        store = ProgressStore.open_default(student=self.student)
        if self._claim_unnamed:
            self._claim_unnamed = False
            store.claim_unnamed(self.student)
        return store

    # -- the student --------------------------------------------------------------------

    def action_change_student(self) -> None:
        """Ask for the student's name (first start, or the palette's "Your name")."""
        from trainer.tui.screens.student_name import StudentNameScreen

        if not isinstance(self.screen, StudentNameScreen):
            self.push_screen(StudentNameScreen(self.student), self._student_named)

    def _student_named(self, name: str | None) -> None:
        if name is None or name == self.student:
            return
        claim = not self.student and self._remembers_student
        self.student = name
        if self._remembers_student:
            self._remember(student=name)
        if self._progress_started:
            self.progress.submit(partial(_use_student, name, claim))
        else:
            self._claim_unnamed = claim  # the store is opened with the name
        self.notify(f"Your progress is kept under “{name}”.", markup=False)

    def _session_log(self, pack: Pack, mode: str) -> SessionLog:
        import secrets

        from trainer.tui.progress import SessionLog

        return SessionLog(
            self.progress,
            pack,
            mode,
            f"app-{secrets.token_hex(6)}",
            now=self.now,
            on_failure=partial(self.notify, title="Progress", severity="error", markup=False),
        )

    async def _review_plan(self, pack: Pack) -> ReviewPlan | None:
        """What review asks in the pack now, and why; None (said) without a store."""
        from trainer.tui.progress import StoreUnavailable, review_plan

        linked = self._settings.linked_review
        try:
            return await self.progress.ask(partial(review_plan, pack, self.now(), linked=linked))
        except StoreUnavailable as error:
            self.notify(
                f"Review needs your progress file, which is not open: {error}",
                severity="warning",
                markup=False,
            )
            return None

    @property
    def settings(self) -> Settings:
        """The student's settings as they stand (the palette words its entries from them)."""
        return self._settings

    def set_ask_confidence(self, ask: bool) -> None:
        """From the next answer on, ask (or stop asking) how sure the student is."""
        self._remember(ask_confidence=ask)
        from trainer.tui.screens.quiz import QuizScreen

        for screen in self.screen_stack:
            if isinstance(screen, QuizScreen):
                screen.ask_confidence = ask  # from its next answer
        self.notify(
            "You will be asked how sure you are before each verdict."
            if ask
            else "You will not be asked how sure you are."
        )

    def set_spar_seconds(self, seconds: int) -> None:
        """The time per point of the next timed round."""
        self._remember(spar_seconds=seconds)
        self.notify(f"Spar rounds give {seconds} seconds a point, from the next round.")

    def set_linked_review(self, linked: bool) -> None:
        """From the next review on, follow the argument (or plain FSRS order)."""
        self._remember(linked_review=linked)
        self.notify(
            "Review brings forward what stands on an item you missed, and says why."
            if linked
            else "Review asks what is due in plain FSRS order."
        )

    def _remember(self, **changes: Any) -> None:
        """Change the settings and save them (unless this run saves none, as in tests)."""
        self._settings = replace(self._settings, **changes)
        if self.options.save_settings:
            self._save(self._settings)

    @work(thread=True, exclusive=True, exit_on_error=False, group="settings")
    def _save(self, settings: Settings) -> None:
        save_settings(settings)
