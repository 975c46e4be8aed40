"""What spans a pack's items: references by id, and the pack-wide count of self-tests.

Checked after every item is built, so a reference can point forward in the file and a
problem still lands on the line of the key that holds it.
"""

from __future__ import annotations

from trainer.packs.model import Item, Kind
from trainer.packs.spec import MAX_SELF_TESTS, did_you_mean
from trainer.packs.walk import Walk

_NOT_PEOPLE = frozenset(Kind) - {Kind.PERSON, Kind.QUESTION}
"""What evidence or a quote may back: any claim; a person or a plain question is none."""
# Which key of an item points where, and which kinds it may point at.
REFS: dict[Kind, tuple[str, frozenset[Kind], str]] = {
    Kind.REBUTTAL: ("rebuts", frozenset({Kind.COUNTERARGUMENT}), "a counterargument"),
    Kind.EVIDENCE: ("supports", _NOT_PEOPLE, "a claim"),
    Kind.QUOTE: ("supports", _NOT_PEOPLE, "a claim"),
    Kind.OTHER_SIDE: (
        "targets",
        _NOT_PEOPLE - {Kind.OTHER_SIDE, Kind.REPLY},
        "one of the author's claims",
    ),
    Kind.REPLY: ("replies_to", frozenset({Kind.OTHER_SIDE}), "an other_side argument"),
}


def check_relations(items: list[Item], walk: Walk) -> None:
    """Record every reference to a missing item or to the wrong kind, and too many
    self-tests, as problems in `walk`."""
    by_id = {item.id: item for item in items}
    for item in items:
        if item.kind is Kind.QUOTE:
            _check_ref(
                walk, item, "speaker", item.speaker, frozenset({Kind.PERSON}), "a person", by_id
            )
        if item.kind not in REFS or not item.ref:
            continue
        key, allowed, wanted = REFS[item.kind]
        _check_ref(walk, item, key, item.ref, allowed, wanted, by_id)
    count = sum(len(i.answer.tests.accept) + len(i.answer.tests.reject) for i in items)
    if count > MAX_SELF_TESTS:
        walk.add_at(
            "",
            f"has {count:,} self-test responses; the limit is {MAX_SELF_TESTS:,} "
            "(check grades every one)",
        )


def _check_ref(
    walk: Walk,
    item: Item,
    key: str,
    target_id: str,
    allowed: frozenset[Kind],
    wanted: str,
    by_id: dict[str, Item],
) -> None:
    if not target_id:
        return
    path = f"{item.path}.{key}"
    target = by_id.get(target_id)
    if target is None:
        walk.add_at(
            path,
            f'names "{target_id}", but no item has that id{did_you_mean(target_id, by_id)}',
        )
    elif target.kind not in allowed:
        walk.add_at(
            path,
            f'names "{target_id}", which is a {target.kind.value.replace("_", " ")}; '
            f"it must name {wanted}",
        )
