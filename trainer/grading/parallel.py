"""Grading many answers on every core: what `batch` uses for large files.

The grader is pure Python, so one process uses one core. A class's worth of answers (tens of
thousands) is split into chunks graded by a process pool, each worker building its own
`Grader` once; small batches stay in-process, where starting workers would cost more than it
saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from trainer.grading.engine import Grader
from trainer.grading.verdict import Verdict
from trainer.packs.model import Pack

PARALLEL_FROM = 4_000
"""Fewer answers than this are graded in-process (a worker takes ~0.2 s to get ready)."""

_worker: Grader | None = None


def _start_worker(pack: Pack) -> None:
    global _worker
    _worker = Grader(pack)


def _grade_chunk(pairs: Sequence[tuple[str, str]]) -> list[Verdict]:
    assert _worker is not None, "worker not initialised"
    return [_worker.grade(answer, item_id) for item_id, answer in pairs]


def grade_many(
    pack: Pack,
    pairs: Sequence[tuple[str, str]],
    jobs: int = 0,
    grader: Grader | None = None,
) -> list[Verdict]:
    """Verdicts for (item id, answer) pairs, in order. `jobs` 0 means one per core."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(pairs) < PARALLEL_FROM:
        grader = grader or Grader(pack)
        return [grader.grade(answer, item_id) for item_id, answer in pairs]
    size = -(-len(pairs) // (jobs * 4))  # a few chunks per worker evens out slow ones
    chunks = [pairs[start : start + size] for start in range(0, len(pairs), size)]
    if multiprocessing.get_start_method() == "fork":
        # Forked workers inherit this process's grader, built once, caches and all.
        global _worker
        _worker = grader or Grader(pack)
        with ProcessPoolExecutor(jobs) as pool:
            return [verdict for chunk in pool.map(_grade_chunk, chunks) for verdict in chunk]
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(pack,)) as pool:
        return [verdict for chunk in pool.map(_grade_chunk, chunks) for verdict in chunk]
