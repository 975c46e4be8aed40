"""Every golden verdict, to the letter: the grader's restructuring changes no grade.

See `golden_cases.py`. When this fails, the message lists the first answers whose verdicts
differ, field by field, so a change that was meant can be told from one that was not.
"""

from __future__ import annotations

import json

from tests.grading.golden_cases import GOLDEN, verdicts


def test_every_verdict_is_the_golden_one() -> None:
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    got = list(verdicts())
    assert [e["case"] for e in got] == [e["case"] for e in expected], (
        "the golden cases changed: rewrite the file on purpose"
    )
    differences = []
    for want, have in zip(expected, got, strict=True):
        if want["verdict"] != have["verdict"]:
            old, new = want["verdict"], have["verdict"]
            fields = sorted(k for k in new if old.get(k) != new[k])
            differences.append(f"{have['case']}: {fields} {old} -> {new}")
    assert not differences, f"{len(differences)} verdicts changed:\n" + "\n".join(differences[:10])
