"""Large batches graded on every core give exactly the verdicts of one process."""

from __future__ import annotations

import csv
from pathlib import Path

from trainer.grading.parallel import PARALLEL_FROM, grade_many
from trainer.locations import builtin_pack_dir
from trainer.packs import load_pack

CORPUS = Path(__file__).with_name("corpus.csv")


def test_pool_and_single_process_agree_row_for_row() -> None:
    pack = load_pack(builtin_pack_dir())
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        rows = [(row["item"], row["answer"]) for row in csv.DictReader(handle)]
    pairs = (rows * (PARALLEL_FROM // len(rows) + 1))[: PARALLEL_FROM + 7]
    pooled = grade_many(pack, pairs, jobs=2)
    single = grade_many(pack, pairs, jobs=1)
    assert len(pooled) == len(pairs)
    assert pooled == single
    assert {v.item_id for v in pooled} == {item for item, _ in pairs}
