"""Splitting a triage cluster that a teacher finds mixes answers they would mark apart.

The rule: a cluster splits into its distinct answers, one cluster each, identical answers
staying together (a mark is kept per distinct answer anyway, see `learning.same_answer`);
the parts come in the order `triage` gives clusters, biggest and least certain first. One
step down to single answers, rather than a tighter likeness that might split nothing, so a
teacher who presses split always sees the answers they must tell apart.
"""

from __future__ import annotations

from trainer.grading.triage import Cluster, Graded


def split(cluster: Cluster) -> tuple[Cluster, ...]:
    """The cluster's distinct answers as clusters of their own; the cluster itself alone
    when it holds one distinct answer (however many times it was given)."""
    parts: dict[str, list[Graded]] = {}
    for graded in cluster.answers:
        parts.setdefault(graded.answer, []).append(graded)
    if len(parts) == 1:
        return (cluster,)
    clusters = [Cluster(cluster.item_id, tuple(part)) for part in parts.values()]
    clusters.sort(key=lambda c: (-c.size, c.confidence))
    return tuple(clusters)
