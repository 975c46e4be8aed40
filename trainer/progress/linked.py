"""Review that follows the argument: when an item lapses, what stands on it comes forward.

Scheduling stays FSRS, one card per item; this only changes what the next review asks
first. An item *stands on* another when the argument needs the other for it to hold, read
from the pack's relations (`trainer.packs.model.Item.ref`) and defined here alone:

- the thesis and the conclusion stand on every premise;
- an item whose `ref` points at another stands on it: a rebuttal on the counterargument it
  answers, evidence and a quote on the claim they support, an other-side point on the claim
  it targets, a reply on the other-side point it answers;
- a rebuttal lapsing brings forward the *other* rebuttals of its counterargument (and a
  reply the other replies to its point): the student's answer to that point now rests on
  those, and the counterargument itself is what a rebuttal question shows as its prompt, so
  asking it again would teach nothing new. With no other rebuttal, the counterargument comes
  forward instead, so that the student meets the point again.

A lapse is an attempt the store rates Again (`trainer.progress.rating`): wrong, skipped or
given up. The store keeps each link with the lapse that made it (`ProgressStore.record`),
drops it once the item is answered again, and drops it when "I was right" says the lapse was
none. `review_plan` puts the brought-forward items first, earliest lapse first, each with the
sentence that says why, then what FSRS says is due, most overdue first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from trainer.packs.model import Item, Kind, Pack
from trainer.progress.store import Link, ProgressStore

_RESTS_ON_PREMISES = (Kind.THESIS, Kind.CONCLUSION)
_ANSWERS = (Kind.REBUTTAL, Kind.REPLY)
"""Kinds that are one answer among several to one point (their `ref`)."""
_WHAT_IT_DOES = {
    Kind.REBUTTAL: "this rebuttal answers it",
    Kind.EVIDENCE: "this evidence backs it",
    Kind.QUOTE: "this quote backs it",
    Kind.OTHER_SIDE: "this point of the other side attacks it",
    Kind.REPLY: "this reply answers it",
}


@dataclass(frozen=True, slots=True)
class ReviewPlan:
    """What a review asks, in order, and why for the items brought forward."""

    items: tuple[str, ...] = ()
    why: dict[str, str] = field(default_factory=dict)
    """Item id -> the sentence saying why it comes first; only brought-forward items."""


def standing_on(pack: Pack, item_id: str) -> tuple[str, ...]:
    """The items brought forward when `item_id` lapses, in pack order, each once."""
    item = pack.get(item_id)
    if item is None:
        return ()
    found: list[Item] = []
    if item.kind is Kind.PREMISE:
        for kind in _RESTS_ON_PREMISES:
            found.extend(pack.of_kind(kind))
    found.extend(pack.pointing_at(item_id))
    if item.kind in _ANSWERS and item.ref:
        others = [other for other in pack.pointing_at(item.ref, item.kind) if other is not item]
        point = pack.get(item.ref)
        found.extend(others or ([point] if point is not None else []))
    return tuple(dict.fromkeys(other.id for other in found if other.id != item_id))


def reason(pack: Pack, item_id: str, lapsed_id: str) -> str:
    """Why `item_id` comes first: the lapsed item by its label, and what links them."""
    item, lapsed = pack.item(item_id), pack.item(lapsed_id)
    missed = f"You missed \u201c{lapsed.label}\u201d"
    if item.kind in _RESTS_ON_PREMISES and lapsed.kind is Kind.PREMISE:
        return f"{missed}; the {item.kind.value} rests on it."
    if item.ref == lapsed_id and item.kind in _WHAT_IT_DOES:
        return f"{missed}; {_WHAT_IT_DOES[item.kind]}."
    if lapsed.ref == item_id:
        return f"{missed}, an answer to this point: meet the point again."
    point = pack.get(lapsed.ref)
    about = f" to \u201c{point.label}\u201d" if point is not None else ""
    return f"{missed}; this is another answer{about}."


def review_plan(
    store: ProgressStore, pack: Pack, now: datetime, *, linked: bool = True
) -> ReviewPlan:
    """What review asks at `now`: the items brought forward by a lapse (unless `linked` is
    off), then the items FSRS says are due, most overdue first. Only items the pack still
    has: a renamed or removed item's card and links stay in the store but are never asked."""
    due = [card.item_id for card in store.due(pack.id, now, [item.id for item in pack])]
    why: dict[str, str] = {}
    if linked:
        for link in _in_order(pack, store.brought_forward(pack.id, now)):
            if link.item_id not in why:
                why[link.item_id] = reason(pack, link.item_id, link.lapsed)
    return ReviewPlan((*why, *(item for item in due if item not in why)), why)


def _in_order(pack: Pack, links: list[Link]) -> list[Link]:
    """The links of items the pack still has, earliest lapse first, and the items one lapse
    brought forward in `standing_on`'s order (the thesis before the evidence)."""
    ranks: dict[str, dict[str, int]] = {}
    for lapsed in {link.lapsed for link in links}:
        ranks[lapsed] = {item: rank for rank, item in enumerate(standing_on(pack, lapsed))}
    kept = [link for link in links if link.item_id in ranks[link.lapsed]]
    return sorted(kept, key=lambda link: (link.at, ranks[link.lapsed][link.item_id]))
