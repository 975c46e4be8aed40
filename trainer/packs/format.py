"""The pack format, declared once: what pack.yaml may hold, key by key.

The validator walks a pack against `PACK`; `json_schema()` publishes the same declaration
as JSON Schema for instructors' editors (`debate-trainer schema`).
"""

from __future__ import annotations

from typing import Any

from trainer.packs.spec import (
    ID_PATTERN,
    Bool,
    Choice,
    Const,
    Int,
    Key,
    ListOf,
    MapOf,
    Str,
)

ID = Str(
    "A stable id: lower-case letters, digits, '.', '_' and '-'; unique in the pack.",
    pattern=ID_PATTERN,
    pattern_doc="a valid id (lower-case letters, digits, '.', '_' or '-', at most 80)",
    max_len=80,
)
TEXT = Str("Plain text, shown as written: markup and escape codes are not interpreted.")


def _ref(what: str) -> Str:
    return Str(
        f"The id of {what}.",
        pattern=ID_PATTERN,
        pattern_doc="a valid id",
        max_len=80,
    )


THRESHOLDS = MapOf(
    "Scores (0-100) at which an answer is graded correct, or partly right.",
    keys={
        "accept": Key(Int("Score from which an answer is correct.")),
        "partial": Key(Int("Score from which an answer is partly right.")),
    },
)

ANSWER = MapOf(
    "How the item is graded.",
    title="answer",
    keys={
        "canonical": Key(Str("The model answer, shown after grading."), required=True),
        "accept": Key(ListOf("Other phrasings that are fully right.", item=TEXT)),
        "concepts": Key(
            MapOf(
                "The key ideas a right answer must contain.",
                keys={
                    "groups": Key(
                        ListOf(
                            "Each group lists synonyms, spellings and abbreviations of one "
                            "idea; an answer covers the group when it uses any of them.",
                            item=ListOf(item=TEXT, min_items=1),
                            min_items=1,
                        ),
                        required=True,
                    ),
                    "need": Key(Int("How many groups an answer must cover (default: all).", 1, 50)),
                },
            )
        ),
        "wrong": Key(
            ListOf(
                "Known wrong answers, each with feedback aimed at that mistake.",
                item=MapOf(
                    keys={
                        "answer": Key(TEXT, required=True),
                        "feedback": Key(TEXT, required=True),
                    }
                ),
            )
        ),
        "hint": Key(Str("A nudge shown on request.")),
        "short_ok": Key(Bool("True when a one-word answer can be complete (names, figures).")),
        "thresholds": Key(THRESHOLDS),
        "tests": Key(
            MapOf(
                "Self-test responses in students' words: `check` grades them.",
                keys={
                    "accept": Key(ListOf("Responses that must be graded correct.", item=TEXT)),
                    "reject": Key(ListOf("Responses that must not be graded correct.", item=TEXT)),
                },
            )
        ),
    },
)

SPELLING = Str("A word or phrase as students may write it.", max_len=200)

VOCABULARY = MapOf(
    "How this pack's subject is written, for grading every item: names, abbreviations, old "
    "spellings, and words that mean 'not' something. General English is built in.",
    keys={
        "same": Key(
            ListOf(
                "Each entry lists ways of writing one thing, e.g. [Kyiv, Kiev]; an answer is "
                "read as if it used the first.",
                item=ListOf(item=SPELLING, min_items=2, max_items=100, mark=True),
                max_items=2000,
            )
        ),
        "opposites": Key(
            ListOf(
                "Words that say the opposite of another without 'not': an answer using any "
                "of `words` is read as 'not <means_not>', so the negation checks see it.",
                item=MapOf(
                    keys={
                        "words": Key(
                            ListOf(item=SPELLING, min_items=1, max_items=100, mark=True),
                            required=True,
                        ),
                        "means_not": Key(SPELLING, required=True),
                    }
                ),
                max_items=2000,
            )
        ),
        "common_names": Key(
            ListOf(
                "Names that run through the whole subject (the countries of a war): "
                "explanations name a claim by a rarer name, as in 'the Kursk claim'.",
                item=SPELLING,
                max_items=2000,
            )
        ),
    },
)

LABEL_MAX = 48
"""The longest `label:` a pack may give an item (`trainer.packs.model.LABEL_LENGTH` is the
length a derived label aims at)."""

_COMMON: dict[str, Key] = {
    "id": Key(ID, required=True),
    "text": Key(Str("The claim stated in full, in a neutral voice."), required=True),
    "label": Key(
        Str(
            "A short title for the item wherever items are listed (results, stats, the "
            "checklist): at most 48 characters, about 40 reads best. Derived from `text` "
            "when absent.",
            max_len=LABEL_MAX,
        )
    ),
    "passage": Key(Str("An excerpt of the source text this item comes from, copied exactly.")),
    "answer": Key(ANSWER, required=True),
}


def _item(doc: str, title: str, **extra: Key) -> MapOf:
    return MapOf(doc, keys={**_COMMON, **extra}, title=title)


PERSON = MapOf(
    "A person quoted or named; the answer grades 'Who said ...?'.",
    title="person",
    keys={
        "id": Key(ID, required=True),
        "name": Key(Str("Their name as written in the source."), required=True),
        "role": Key(Str("Who they are, e.g. 'professor of military history'.")),
        "text": Key(Str("A line about them for the study screen.")),
        "passage": _COMMON["passage"],
        "answer": Key(ANSWER, required=True),
    },
)

QUESTION = MapOf(
    "An instructor's own question, asked as written and graded against its answer block; "
    "no part of the argument.",
    title="question",
    keys={
        "id": Key(ID, required=True),
        "prompt": Key(Str("The question, as the student reads it."), required=True),
        "label": _COMMON["label"],
        "answer": Key(ANSWER, required=True),
    },
)

ARGUMENT_KEYS = (
    "people",
    "premises",
    "counterarguments",
    "rebuttals",
    "evidence",
    "quotes",
    "conclusion",
    "other_side",
    "replies",
)
"""The parts of an argument that hang on its thesis: a pack that has any has a thesis."""

KINDS_OF_ITEM_LIST: dict[str, MapOf] = {
    "premises": _item("A claim supporting the thesis.", "premise"),
    "counterarguments": _item(
        "A claim or claimed benefit that the author answers.",
        "counterargument",
        by=Key(Str("Who makes this claim.")),
    ),
    "rebuttals": _item(
        "The author's answer to a counterargument.",
        "rebuttal",
        rebuts=Key(_ref("the counterargument this answers"), required=True),
    ),
    "evidence": _item(
        "A figure or event offered for a claim.",
        "evidence",
        supports=Key(_ref("the claim this supports"), required=True),
        kind=Key(Choice("A figure (a number) or an event.", values=("figure", "event"))),
    ),
    "quotes": _item(
        "An attributed quotation; `text` is its gist in plain words.",
        "quote",
        speaker=Key(_ref("the person who said it"), required=True),
        words=Key(Str("The exact words quoted."), required=True),
        supports=Key(_ref("the claim the quote backs")),
        role=Key(Str("The speaker's role when they said this, if not their usual one.")),
    ),
    "other_side": _item(
        "The strongest case against the author (not from the source).",
        "other side",
        targets=Key(_ref("the author's claim this argues against"), required=True),
    ),
    "replies": _item(
        "The reply the author's reasoning gives to an other-side argument.",
        "reply",
        replies_to=Key(_ref("the other-side argument this answers"), required=True),
    ),
}

PACK = MapOf(
    "A debate-trainer content pack: one article's argument, or an instructor's questions, "
    "or both, with answer keys.",
    title="debate-trainer pack (format 1)",
    one_of=("thesis", "questions"),
    requires=dict.fromkeys(ARGUMENT_KEYS, "thesis"),
    why="an argument needs its thesis; a pack of questions only, its questions",
    keys={
        "format": Key(Const("The pack format; always 1."), required=True),
        "id": Key(ID, required=True),
        "title": Key(Str("The pack's title."), required=True),
        "description": Key(Str("What the pack practises.")),
        "language": Key(
            Str(
                "A language tag such as 'en'.",
                pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                pattern_doc="a language tag such as 'en' or 'en-GB'",
            )
        ),
        "version": Key(Str("The pack's own version, e.g. '1.2.0'."), required=True),
        "credits": Key(Str("Who wrote the pack.")),
        "licence": Key(Str("The pack's licence.")),
        "source": Key(
            MapOf(
                "Where the argument comes from.",
                keys={
                    "title": Key(Str("The source's title."), required=True),
                    "author": Key(Str("Who wrote it.")),
                    "date": Key(Str("When it was published.")),
                    "publication": Key(Str("Where it was published.")),
                    "url": Key(Str("A link; shown, never opened.")),
                    "file": Key(Str("The source text, a path inside the pack folder.")),
                },
            )
        ),
        "grading": Key(THRESHOLDS),
        "vocabulary": Key(VOCABULARY),
        "people": Key(ListOf("People quoted or named.", item=PERSON)),
        "thesis": Key(
            _item("The author's main claim; optional in a pack of questions only.", "thesis")
        ),
        **{name: Key(ListOf(spec.doc, item=spec)) for name, spec in KINDS_OF_ITEM_LIST.items()},
        "conclusion": Key(_item("What the author says should be done.", "conclusion")),
        "questions": Key(
            ListOf(
                "The instructor's own questions, beside the argument or instead of it.",
                item=QUESTION,
            )
        ),
    },
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the pack format, for editors and other tools."""
    schema = PACK.schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://debate-trainer.invalid/schema/pack-format-1.json",
        **schema,
    }
