"""A small hand-built pack for grading tests: enough items to have neighbours, figures,
names and known wrong answers, without depending on the built-in pack's wording."""

from __future__ import annotations

from trainer.packs.model import (
    Answer,
    ConceptGroup,
    Concepts,
    Item,
    Kind,
    Pack,
    SelfTests,
    Thresholds,
    WrongAnswer,
)


def concepts(*groups: list[str], need: int = 0) -> Concepts:
    built = tuple(ConceptGroup(tuple(g)) for g in groups)
    return Concepts(built, need or len(built))


def item(item_id: str, kind: Kind, text: str, answer: Answer, **extra: str) -> Item:
    return Item(id=item_id, kind=kind, text=text, answer=answer, path=item_id, **extra)


def person(item_id: str, name: str) -> Item:
    return item(
        item_id,
        Kind.PERSON,
        "",
        Answer(canonical=name, short_ok=True),
        name=name,
    )


def question_bank(pack_id: str, *questions: tuple[str, ...]) -> Pack:
    """A bank of plain questions with light keys, as a teacher writes them: each question is
    (id, prompt, canonical answer, accepted answers...)."""
    items = [item("thesis", Kind.THESIS, "A bank of plain questions.", Answer(canonical="plain"))]
    for item_id, prompt, canonical, *accept in questions:
        items.append(
            item(item_id, Kind.PREMISE, prompt, Answer(canonical=canonical, accept=tuple(accept)))
        )
    return Pack(id=pack_id, title=pack_id.title(), version="1", items=tuple(items))


def small_pack(thresholds: Thresholds | None = None, **answers: Answer) -> Pack:
    """The pack; `answers` replaces an item's answer block by id (underscores for dashes)."""
    items = [
        person("roberts", "Geoffrey Roberts"),
        person("hill", "Alexander Hill"),
        person("lavrov", "Sergey Lavrov"),
        item(
            "thesis",
            Kind.THESIS,
            "Letting Ukraine fire US missiles into Russia was a mistake.",
            Answer(
                canonical="Letting Ukraine fire US missiles into Russia was a mistake, "
                "because the risks outweigh the benefits.",
                accept=("the risks of the strikes outweigh the benefits",),
                concepts=concepts(
                    ["missiles", "strikes"],
                    ["risk", "danger"],
                    ["outweigh", "not worth", "mistake"],
                ),
            ),
        ),
        item(
            "little-effect",
            Kind.PREMISE,
            "The missiles will not make much military difference.",
            Answer(
                canonical="The missiles will not make much military difference.",
                accept=("they won't change much on the battlefield",),
                concepts=concepts(
                    ["military", "militarily", "battlefield"],
                    ["not much", "little", "won't change", "no real"],
                ),
            ),
        ),
        item(
            "deter-nk",
            Kind.COUNTERARGUMENT,
            "Allowing the strikes would deter North Korea from sending more troops.",
            Answer(
                canonical="The strikes deter North Korea from sending more troops.",
                concepts=concepts(["north korea", "dprk"], ["deter", "stop", "discourage"]),
            ),
        ),
        item(
            "kursk-chip",
            Kind.COUNTERARGUMENT,
            "Holding Kursk gives Ukraine a bargaining chip for negotiations.",
            Answer(
                canonical="Holding Kursk gives Ukraine something to trade in negotiations.",
                concepts=concepts(["kursk"], ["trade", "bargaining chip", "swap"]),
            ),
        ),
        item(
            "nk-ten-days",
            Kind.REBUTTAL,
            "10,000 North Koreans are about ten days of Russian recruitment.",
            Answer(
                canonical="10,000 North Korean troops are only about ten days of Russian "
                "recruitment, so they do not alter the balance.",
                accept=("North Korean troops don't change the balance",),
                concepts=concepts(
                    ["north korea", "north korean", "nk"],
                    ["ten days", "30,000 a month", "recruitment"],
                    ["not alter", "don't change", "no difference"],
                    need=2,
                ),
                wrong=(
                    WrongAnswer(
                        "North Korean troops tip the balance",
                        "The opposite: the author says they do not alter it.",
                    ),
                ),
            ),
            ref="deter-nk",
        ),
        item(
            "nk-unproven",
            Kind.REBUTTAL,
            "The presence of North Korean troops has not been proven.",
            Answer(
                canonical="It has not been proven that North Korean troops are in Kursk.",
                accept=("there is no proof the North Koreans are there",),
                concepts=concepts(
                    ["north korea", "north korean"], ["not proven", "no proof", "unconfirmed"]
                ),
            ),
            ref="deter-nk",
        ),
        item(
            "kursk-retaken",
            Kind.REBUTTAL,
            "Russia will retake Kursk before it negotiates.",
            Answer(
                canonical="Russia will retake Kursk before negotiating.",
                accept=("Moscow will win Kursk back before any talks",),
                concepts=concepts(["kursk"], ["retake", "take back", "win back", "recapture"]),
            ),
            ref="kursk-chip",
        ),
        item(
            "ev-volunteers",
            Kind.EVIDENCE,
            "Russia's forces grow by 30,000 volunteers a month.",
            Answer(
                canonical="30,000 volunteers a month",
                accept=("30,000 recruits every month",),
                concepts=concepts(["30,000", "30k"]),
                short_ok=True,
            ),
            ref="nk-ten-days",
            evidence_kind="figure",
        ),
        item(
            "ev-five-of-six",
            Kind.EVIDENCE,
            "Russia says five of the six ATACMS were shot down.",
            Answer(
                canonical="5 of the 6 missiles were shot down",
                concepts=concepts(["5"], ["6"], ["shot down", "intercepted"]),
                short_ok=True,
            ),
            ref="little-effect",
            evidence_kind="figure",
        ),
        item(
            "q-roberts",
            Kind.QUOTE,
            "The decision won't make much difference militarily.",
            Answer(
                canonical="Roberts doubts the decision will make much military difference.",
                concepts=concepts(["military", "militarily"], ["doubt", "not", "little"]),
            ),
            ref="little-effect",
            speaker="roberts",
        ),
    ]
    replaced = [
        _with(i, answers[i.id.replace("-", "_")]) if i.id.replace("-", "_") in answers else i
        for i in items
    ]
    return Pack(
        id="small",
        title="Small",
        version="1",
        items=tuple(replaced),
        thresholds=thresholds or Thresholds(),
    )


def _with(original: Item, answer: Answer) -> Item:
    return item(
        original.id,
        original.kind,
        original.text,
        answer,
        ref=original.ref,
        name=original.name,
        speaker=original.speaker,
        evidence_kind=original.evidence_kind,
    )


SELF_TESTED = Answer(
    canonical="Russia will retake Kursk before negotiating.",
    concepts=concepts(["kursk"], ["retake", "take back"]),
    tests=SelfTests(
        accept=("russia will take kursk back first", "the sky is green"),
        reject=("russia will never retake kursk",),
    ),
)
