"""Progress that lasts: attempts, spaced-repetition schedules, stats. No UI imports."""

from trainer.progress.store import Attempt, DueCard, ProgressStore, StoreError

__all__ = ["Attempt", "DueCard", "ProgressStore", "StoreError"]
