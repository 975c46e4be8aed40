"""The app's progress store, kept on one thread of its own.

A SQLite connection belongs to the thread that opened it, and the store must never hold up
the screen. So the store lives on one thread, started by the first job handed in (the app's
first is to open it, after the pack has loaded: never before the first frame). Every job runs
on that connection, one at a time, in the order handed in: an override is always stored after
the attempt it overrules, and a due count asked for after a quiz sees all of that quiz's
attempts.

It is a plain thread, not a Textual worker: a worker that lives as long as the app would keep
`App.workers.wait_for_complete()` from ever returning. The app's workers ask it for what they
need (`await keeper.ask(job)`) and finish as usual. Recording is fire and forget:
`SessionLog.consume` passes a session's events on as JSON and returns at once.

This module imports neither Textual nor the store at import time; the store (and `fsrs`) is
imported on the store thread.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pathlib import Path

    from trainer.packs.discovery import PackEntry
    from trainer.packs.model import Pack
    from trainer.progress.linked import ReviewPlan
    from trainer.progress.recorder import SessionRecorder
    from trainer.progress.stats import DueCounts, Stats
    from trainer.progress.store import ProgressStore
    from trainer.quiz.events import Event

T = TypeVar("T")

IDLE_CHECKPOINT_AFTER = 2.0
"""Seconds without a job after a write before the store thread writes the log back
(`ProgressStore.checkpoint`), so a recording commit never pays for it."""
CLOSE_TIMEOUT = 15.0
"""How long closing the app waits for attempts still being saved (longer than SQLite's
busy timeout, so a save waiting on another trainer's lock still lands)."""

RECORDED_EVENTS = frozenset({"verdict", "result"})
"""The only events that can become attempts (see `trainer.progress.recorder`)."""

_Entry = tuple[Callable[["ProgressStore"], Any], "Future[Any]"]


class StoreUnavailable(Exception):
    """The progress store could not be opened (or the app is closing): every job fails so."""


class ProgressKeeper:
    """The store's thread: `submit` hands it a job, `stop` lets it finish and close."""

    def __init__(
        self,
        open_store: Callable[[], ProgressStore],
        idle_checkpoint: float = IDLE_CHECKPOINT_AFTER,
    ) -> None:
        self._open_store = open_store
        self._idle_checkpoint = idle_checkpoint
        self._jobs: queue.SimpleQueue[_Entry | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._refusal = ""
        """Why no more jobs are taken: the store did not open, or the app is closing."""
        self._store: ProgressStore | None = None
        """The open store, used on the store thread only (renewed after damage)."""

    def submit(self, job: Callable[[ProgressStore], T]) -> Future[T]:
        """Queue `job` for the store thread (starting it, and so opening the store, if new)."""
        future: Future[T] = Future()
        with self._lock:
            if self._refusal:
                future.set_exception(StoreUnavailable(self._refusal))
                return future
            self._jobs.put((job, future))
            if self._thread is None:
                # A daemon: should closing ever time out, the app still exits.
                self._thread = threading.Thread(
                    target=self._serve, name="progress-store", daemon=True
                )
                self._thread.start()
        return future

    async def ask(self, job: Callable[[ProgressStore], T]) -> T:
        """`job`'s result, awaited without blocking the app (cancelling it drops the job)."""
        return await asyncio.wrap_future(self.submit(job))

    def stop(self, timeout: float = CLOSE_TIMEOUT) -> bool:
        """Take no more jobs, finish those queued, close the store; False if that timed out."""
        with self._lock:
            self._refusal = self._refusal or "the app is closing"
            thread = self._thread
            self._jobs.put(None)  # after every job taken: they are attempts, save them
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def renew_if_damaged(self) -> Future[Path | None]:
        """Move a damaged store aside (never deleted) and go on with a fresh one; the
        future holds where the old file went, or None when it was not damaged."""
        return self.submit(self._renew)

    def _renew(self, store: ProgressStore) -> Path | None:
        """On the store thread: the jobs after this one use the fresh store."""
        moved = store.set_aside_if_damaged()
        if moved is not None:
            self._store = self._open_store()
        return moved

    def _serve(self) -> None:
        try:
            store = self._store = self._open_store()
        except Exception as error:
            reason = str(error) or type(error).__name__
            with self._lock:  # from now on jobs are refused as they are handed in
                self._refusal = self._refusal or reason
            while True:  # and those already queued fail now
                try:
                    entry = self._jobs.get_nowait()
                except queue.Empty:
                    return
                if entry is not None and entry[1].set_running_or_notify_cancel():
                    entry[1].set_exception(StoreUnavailable(reason))
        try:
            self._serve_jobs(store)
        finally:
            (self._store or store).close()

    def _serve_jobs(self, store: ProgressStore) -> None:
        """Run each job as it comes; after a quiet spell following jobs, write the log back."""
        since_checkpoint = False
        while True:
            try:
                entry = self._jobs.get(timeout=self._idle_checkpoint if since_checkpoint else None)
            except queue.Empty:
                (self._store or store).checkpoint()
                since_checkpoint = False
                continue
            if entry is None:
                return
            _run(entry, self._store or store)
            since_checkpoint = True


def _run(entry: _Entry, store: ProgressStore) -> None:
    job, future = entry
    if not future.set_running_or_notify_cancel():
        return  # whoever asked has gone (a closed screen)
    try:
        future.set_result(job(store))
    except BaseException as error:  # a job's failure is its asker's, never the thread's
        future.set_exception(error)


class SessionLog:
    """One quiz session's attempts, saved as they happen by a `SessionRecorder`.

    The recorder is made and used on the store thread only. After the store first fails to
    save, the session goes on unrecorded and `on_failure` is told once (on the store thread;
    pass something thread-safe such as `App.notify`).
    """

    def __init__(
        self,
        keeper: ProgressKeeper,
        pack: Pack,
        mode: str,
        session_id: str,
        now: Callable[[], datetime],
        on_failure: Callable[[str], None],
    ) -> None:
        self.keeper = keeper
        self.pack = pack
        self.mode = mode
        self.session_id = session_id
        self._now = now
        self._on_failure = on_failure
        self._recorder: SessionRecorder | None = None
        self._failed = False

    def consume(self, events: Iterable[Event]) -> None:
        """Hand the events that can be attempts to the store thread; returns at once."""
        wanted = [event.to_json() for event in events if event.type in RECORDED_EVENTS]
        if wanted:
            self.keeper.submit(partial(self._record, wanted))

    def _record(self, events: Sequence[Mapping[str, Any]], store: ProgressStore) -> None:
        from trainer.progress.recorder import SessionRecorder
        from trainer.progress.store import StoreError

        if self._failed:
            return
        if self._recorder is None:
            self._recorder = SessionRecorder(
                store, self.pack, self.mode, self.session_id, now=self._now
            )
        try:
            self._recorder.consume(events)
        except StoreError as error:
            self._failed = True
            self._on_failure(f"Progress is not saved from here on: {error}")
        except Exception as error:
            self._failed = True
            self._on_failure(
                "Progress is not saved from here on (unexpected problem: "
                f"{type(error).__name__}: {error})"
            )


# -- jobs ---------------------------------------------------------------------------------


def due_counts(pack: Pack, now: datetime, store: ProgressStore) -> DueCounts:
    """How many of the pack's items are due now, today and this week (as Stats counts)."""
    from trainer.progress.stats import due_counts as core_due_counts

    return core_due_counts(store, pack, now)


def due_in_packs(
    entries: Iterable[PackEntry], now: datetime, store: ProgressStore
) -> dict[str, int]:
    """How many items are due now in each pack that opens, by the pack's path."""
    return {
        entry.path: store.due_count(entry.id, now, entry.item_ids)
        for entry in entries
        if not entry.problems
    }


def review_plan(
    pack: Pack, now: datetime, store: ProgressStore, *, linked: bool = True
) -> ReviewPlan:
    """What `review` mode asks now, in order, and why for what a miss brought forward
    (`trainer.progress.linked`; `linked` off: plain FSRS order, most overdue first)."""
    from trainer.progress.linked import review_plan as core_review_plan

    return core_review_plan(store, pack, now, linked=linked)


def pack_stats(pack: Pack, now: datetime, store: ProgressStore) -> Stats:
    """The `stats` command's figures for the open pack (the same function computes both)."""
    from trainer.progress.stats import pack_stats as core_pack_stats

    return core_pack_stats(store, pack, now)
