"""Packs on other subjects than the built-in one, so each stage is shown to work beyond it."""

from __future__ import annotations

from tests.grading.fixtures import concepts, item
from trainer.packs.model import Answer, Kind, Pack


def europe_pack() -> Pack:
    """A small argument about where European rules are made: names ending in "s", a
    European adjective, two counterarguments with a rebuttal each."""
    items = (
        item(
            "thesis",
            Kind.THESIS,
            "National parliaments should keep the last word on farm subsidies.",
            Answer(
                canonical="National parliaments should keep the last word on farm subsidies.",
                concepts=concepts(["parliament"], ["farm subsidies", "subsidies"]),
            ),
        ),
        item(
            "brussels-rules",
            Kind.COUNTERARGUMENT,
            "Rules made in Brussels are fairer to small farms.",
            Answer(
                canonical="Rules made in Brussels are fairer to small farms.",
                concepts=concepts(["brussels"], ["fairer", "fair"]),
            ),
        ),
        item(
            "paris-lobby",
            Kind.COUNTERARGUMENT,
            "The Paris farm lobby would capture national rules.",
            Answer(
                canonical="The Paris farm lobby would capture national rules.",
                concepts=concepts(["paris"], ["lobby"], ["capture"]),
            ),
        ),
        item(
            "re-brussels",
            Kind.REBUTTAL,
            "The Brussels rules have favoured large estates for decades.",
            Answer(
                canonical="The Brussels rules have favoured large estates for decades.",
                concepts=concepts(["large estates", "big farms"], ["favoured", "helped"]),
            ),
            ref="brussels-rules",
        ),
        item(
            "re-paris",
            Kind.REBUTTAL,
            "A national audit office can watch the Paris lobby closely.",
            Answer(
                canonical="A national audit office can watch the Paris lobby closely.",
                concepts=concepts(["audit office", "auditors"], ["watch", "oversee"]),
            ),
            ref="paris-lobby",
        ),
        item(
            "european-court",
            Kind.PREMISE,
            "The European court cannot hear a farmer's appeal in time.",
            Answer(
                canonical="The European court cannot hear a farmer's appeal in time.",
                concepts=concepts(["court"], ["appeal"], ["in time", "quickly"]),
            ),
        ),
    )
    return Pack(id="europe", title="Farm rules", version="1", items=items)
