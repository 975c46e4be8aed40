"""How fast is grading, and what do the teacher's checks cost over plain string similarity?

    .venv/bin/python benchmarks/bench_grading.py [--runs 2000] [--answers 20000]

(a) latency of one `grade_best` over the built-in pack's largest question (every rebuttal,
    or every premise if there are more), median and p99;
(b) batch throughput grading the labelled corpus repeated to --answers answers, in one
    process and in a process pool over every core, beside a naive difflib grader and raw
    rapidfuzz scores on the same (answer, model answer) pairs.

Normalisation and per-word typo matches are cached, as in real use; verdicts are not.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer.grading import Grader  # noqa: E402
from trainer.grading.parallel import grade_many  # noqa: E402
from trainer.locations import builtin_pack_dir  # noqa: E402
from trainer.packs.loader import load_pack  # noqa: E402
from trainer.packs.model import Kind, Pack  # noqa: E402

CORPUS = ROOT / "tests" / "grading" / "corpus.csv"

_GRADER: Grader | None = None


def _corpus() -> list[tuple[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return [(row["item"], row["answer"]) for row in csv.DictReader(handle)]


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latency(pack: Pack, grader: Grader, runs: int) -> None:
    candidates = max(pack.of_kind(Kind.REBUTTAL), pack.of_kind(Kind.PREMISE), key=len)
    kind = candidates[0].kind.value
    ids = {c.id for c in candidates}
    answers = [a for item, a in _corpus() if item in ids] or ["russia is not short of troops"]
    for answer in answers:  # warm the caches once, as a running quiz would have them
        grader.grade_best(answer, candidates)
    timings: list[float] = []
    for n in range(runs):
        answer = answers[n % len(answers)]
        start = time.perf_counter()
        grader.grade_best(answer, candidates)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"(a) grade_best over {len(candidates)} {kind} items, {runs} runs, "
        f"{len(answers)} different answers"
    )
    print(
        f"    median {statistics.median(timings):.3f} ms   p99 "
        f"{_percentile(timings, 0.99):.3f} ms   (target p99 <= 1 ms)"
    )


def _init_worker(path: str) -> None:
    global _GRADER
    _GRADER = Grader(load_pack(path))
    for item, answer in _corpus():  # warm this process's caches, as the main one is
        _GRADER.grade(answer, item)


def _grade_chunk(chunk: list[tuple[str, str]]) -> int:
    assert _GRADER is not None
    return sum(_GRADER.grade(answer, item).correct for item, answer in chunk)


def _rate(label: str, count: int, work: Callable[[], object], repeat: int = 3) -> float:
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        rates.append(count / (time.perf_counter() - start))
    rate = statistics.median(rates)
    print(f"    {label:<52} {rate:>10,.0f} answers/s")
    return rate


def throughput(pack: Pack, grader: Grader, total: int) -> None:
    corpus = _corpus()
    answers = (corpus * (total // len(corpus) + 1))[:total]
    keys = {item.id: item.answer.phrasings for item in pack}
    pairs = [(answer, keys[item][0]) for item, answer in answers]
    print(f"(b) {len(answers):,} answers (the corpus of {len(corpus)} repeated), median of 3")

    def engine() -> None:
        for item, answer in answers:
            grader.grade(answer, item)

    one = _rate("engine, 1 process", len(answers), engine)
    workers = os.cpu_count() or 1
    chunks = [answers[i : i + 2500] for i in range(0, len(answers), 2500)]
    with ProcessPoolExecutor(
        workers, initializer=_init_worker, initargs=(str(builtin_pack_dir()),)
    ) as pool:
        list(pool.map(_grade_chunk, chunks))  # start the workers and let them settle

        def pooled() -> None:
            list(pool.map(_grade_chunk, chunks))

        many = _rate(f"engine, process pool of {workers}", len(answers), pooled)

    pairs_by_item = [(item, answer) for item, answer in answers]

    def shipped() -> None:
        grade_many(pack, pairs_by_item)

    _rate("`batch` as shipped (grade_many, pool started cold)", len(answers), shipped)

    def naive() -> None:
        for item, answer in answers:
            folded = answer.casefold()
            max(
                difflib.SequenceMatcher(None, folded, p.casefold()).ratio() >= 0.8
                for p in keys[item]
            )

    slow = _rate("naive difflib.SequenceMatcher grader", len(answers), naive, repeat=1)

    try:
        import numpy  # noqa: F401

        answers_only = [a for a, _ in pairs]
        canonicals = [c for _, c in pairs]

        def raw() -> None:
            # cpdist is cdist's pairwise form: answer i against canonical i, not every pair.
            process.cpdist(answers_only, canonicals, scorer=fuzz.token_set_ratio, workers=-1)

        raw_label = "raw rapidfuzz process.cpdist, both cores"
    except ImportError:  # cdist needs numpy, which the trainer does not depend on

        def raw() -> None:
            for answer, canonical in pairs:
                fuzz.token_set_ratio(answer, canonical)

        raw_label = "raw rapidfuzz token_set_ratio per pair (no numpy)"
    fast = _rate(raw_label, len(pairs), raw)
    print(
        f"    ratios: pool/1 process {many / one:.2f}x   engine/difflib {one / slow:.1f}x   "
        f"raw rapidfuzz/engine {fast / one:.1f}x   (target >= 20,000 answers/s)"
    )


def hostile_vocabulary(pack: Pack, runs: int = 21) -> None:
    """(c) A pack is untrusted: 6,000 spellings sharing one first word, against the longest
    answer, each word one slip from a spelling. Beside the same pack without a vocabulary."""
    from dataclasses import replace

    from trainer.packs.model import Vocabulary

    groups = tuple(
        (f"the alpha{i:04d}", f"the beta{i:04d}", f"the gamma{i:04d}") for i in range(2000)
    )
    hostile = Grader(replace(pack, vocabulary=Vocabulary(same=groups)))
    plain = Grader(replace(pack, vocabulary=Vocabulary()))
    item = pack.of_kind(Kind.REBUTTAL)[0].id

    def median_ms(grader: Grader) -> float:
        times = []
        for run in range(runs):
            answer = f"the alpha{run:03d}x " * 150  # each "alpha0010" with a slip; no cache hits
            start = time.perf_counter()
            grader.grade(answer, item)
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    base, worst = median_ms(plain), median_ms(hostile)
    print("(c) a hostile vocabulary: 6,000 spellings after one first word, 2,000-char answers")
    print(f"    no vocabulary        median {base:7.2f} ms")
    print(f"    hostile vocabulary   median {worst:7.2f} ms   ratio {worst / base:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--answers", type=int, default=20000)
    args = parser.parse_args()
    pack = load_pack(builtin_pack_dir())
    start = time.perf_counter()
    grader = Grader(pack)
    print(
        f"Grader({pack.id}): {len(pack)} items built in "
        f"{(time.perf_counter() - start) * 1000:.0f} ms"
    )
    latency(pack, grader, args.runs)
    throughput(pack, grader, args.answers)
    hostile_vocabulary(pack)


if __name__ == "__main__":
    main()
