"""From quiz events to stored attempts: what each face (app, headless) hands the store.

The recorder reads events as their JSON (the documented headless schema), so the store does
not depend on the quiz engine's classes, and whatever produced a session can be recorded.

What counts as an attempt at an item, so that its card is rescheduled fairly:
- a verdict on an answer, against the item it was graded as (an override re-rates it), and
  against any other target the same right answer named too (`also_named`);
- when a "name them all" question ends, each target the student did not name and gave no
  answer for (recorded as incorrect with an empty answer: they could not recall it);
- when any other question is skipped or given up without an answer, its first target.
A wrong answer in a "name them all" question is kept with its text (a teacher reads it, and
"I was right" re-rates it) against the target the grader found it closest to; that target is
then not counted missed again when the question ends, so each target is one miss at most.

A verdict's `confidence` (how sure the student said they were) and `late` (a timed round's
answer after the clock) are kept on the attempt it was graded as; not on the other targets the
same answer named, so that calibration counts each answer once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from trainer.confidence import Confidence
from trainer.packs.model import Pack
from trainer.progress.attempts import confidence_from
from trainer.progress.linked import standing_on
from trainer.progress.store import Attempt, ProgressStore

RECALL_KINDS = frozenset({"premises", "counterarguments"})
GIVEN_UP = frozenset({"gave_up", "skipped"})


class SessionRecorder:
    """Records one session's attempts as they happen; every call commits."""

    def __init__(
        self,
        store: ProgressStore,
        pack: Pack,
        mode: str,
        session: str,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.pack = pack
        self.mode = mode
        self.session = session
        self._now = now
        self._attempt_ids: dict[int, int] = {}
        """Event sequence number of a verdict -> the attempt row it was stored as."""
        self._answered: set[str] = set()
        """Questions that had at least one verdict."""
        self._tried: set[tuple[str, str]] = set()
        """(question, item) of the recall targets a wrong or partial answer was kept for."""
        self.recorded = 0

    def consume(self, events: Iterable[Any]) -> None:
        """Record what these events mean for the store; other events are ignored."""
        for event in events:
            data: Mapping[str, Any] = event if isinstance(event, Mapping) else event.to_json()
            kind = data.get("type")
            if kind == "verdict":
                self._verdict(data)
            elif kind == "result":
                self._result(data)

    def _verdict(self, data: Mapping[str, Any]) -> None:
        question = str(data.get("question", ""))
        self._answered.add(question)
        overrides = data.get("overrides")
        if overrides is not None:
            attempt_id = self._attempt_ids.get(int(overrides))
            if attempt_id is not None:
                self.store.override(attempt_id)
            return
        verdict = data.get("verdict") or {}
        outcome = str(verdict.get("outcome", "incorrect"))
        item_id = str(verdict.get("item_id") or data.get("item_id") or "")
        if str(data.get("kind")) in RECALL_KINDS and outcome != "correct":
            self._tried.add((question, item_id))
        recorded = self._record(
            item_id,
            str(data.get("kind", "")),
            str(data.get("answer", "")),
            outcome,
            int(verdict.get("score", 0)),
            int(data.get("hints", 0)),
            float(data.get("took", 0.0)),
            confidence=confidence_from(data.get("confidence")),
            late=bool(data.get("late", False)),
        )
        if recorded is not None:
            self._attempt_ids[int(data.get("seq", -1))] = recorded
        for also in data.get("also_named") or ():  # the same answer named these too
            self._record(
                str(also),
                str(data.get("kind", "")),
                str(data.get("answer", "")),
                outcome,
                int(verdict.get("score", 0)),
                0,
                0.0,
            )

    def _result(self, data: Mapping[str, Any]) -> None:
        kind = str(data.get("kind", ""))
        missed = [str(m.get("id")) for m in data.get("missed") or () if m.get("id")]
        if data.get("revised") or not missed:
            return
        if kind in RECALL_KINDS:
            question = str(data.get("question", ""))
            targets = [item_id for item_id in missed if (question, item_id) not in self._tried]
        elif data.get("outcome") in GIVEN_UP and data.get("question") not in self._answered:
            targets = missed[:1]
        else:
            return
        for item_id in targets:
            self._record(item_id, kind, "", "incorrect", 0, int(data.get("hints", 0)), 0.0)

    def _record(
        self,
        item_id: str,
        kind: str,
        answer: str,
        outcome: str,
        score: int,
        hints: int,
        seconds: float,
        *,
        confidence: Confidence | None = None,
        late: bool = False,
    ) -> int | None:
        if self.pack.get(item_id) is None:
            return None
        recorded = self.store.record(
            Attempt(
                pack_id=self.pack.id,
                pack_version=self.pack.version,
                item_id=item_id,
                kind=kind,
                mode=self.mode,
                answer=answer,
                outcome=outcome,
                score=score,
                at=self._now(),
                hints=hints,
                seconds=seconds,
                session=self.session,
                student=self.store.student,
                confidence=confidence,
                late=late,
            ),
            standing_on(self.pack, item_id),
        )
        self.recorded += 1
        return recorded.attempt_id
