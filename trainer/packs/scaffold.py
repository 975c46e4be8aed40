"""A new pack for an instructor to fill in: valid from the start, commented throughout.

Valid from the start matters: an instructor edits one thing at a time and runs `check`, so
every error they see is one they made, not one the template shipped with.
"""

from __future__ import annotations

import re
from pathlib import Path

from trainer.packs.loader import MAX_FILE_BYTES, PACK_FILE
from trainer.packs.safe_text import first_unsafe

SOURCE_FILE = "article.txt"

_TEMPLATE = """\
# yaml-language-server: $schema=./pack.schema.json
# A debate-trainer content pack. The format is described in docs/pack-format.md;
# `debate-trainer check {folder}` validates it and grades the self-test responses.
# Everything you write here is shown as plain text: markup like [bold] is not interpreted.
format: 1
id: {pack_id}
title: {title}
description: What this pack practises, in a sentence or two.
language: en
version: "0.1.0"
credits: Your name
licence: CC-BY-4.0
{source}
# Pack-wide grading thresholds (scores 0-100); an item's answer may set its own.
grading:
  accept: 80
  partial: 55

# How your subject is written, for grading every item. General English (contractions, US and
# U.S., numbers in words) is built in; list only your subject's names and words.
vocabulary:
  # Ways of writing one thing; answers are read as if they used the first of each list.
  same:
    - [United Nations, UN, U.N.]
  # Words that mean "not" something, so a flipped answer is caught, e.g.
  #   - {{words: [abolished, scrapped], means_not: kept}}
  opposites: []
  # Names all through your subject, too common to tell one claim from another by.
  common_names: []

# People quoted in the article; their answer grades "Who said ...?".
people: []

# The author's main claim.
thesis:
  id: thesis
  text: The author's main claim, stated in full and in a neutral voice.
{passage}  answer:
    canonical: the main claim in a short sentence
    accept:
      - another way a student could state the main claim
    concepts:
      # Each group lists words that name one key idea; an answer must cover `need` groups.
      need: 1
      groups:
        - [main claim, central claim, thesis]
    hint: A one-line nudge that does not give the answer away.
    tests:
      # Responses as students would write them: the grader must accept these...
      accept:
        - the main claim in a short sentence
      # ...and must not accept these.
      reject:
        - bananas are yellow

# Claims that support the thesis. Copy the thesis block's shape for each.
premises: []
# Objections or claimed benefits the author answers (add `by:` for who makes them).
counterarguments: []
# The author's answers: each names the counterargument it answers with `rebuts: <id>`.
rebuttals: []
# Figures and events: `supports: <id>` and `kind: figure` or `kind: event`.
evidence: []
# Quotations: `speaker: <person id>`, `words:` exactly as quoted, `supports: <id>`.
quotes: []
# The strongest case against the author (not from the article), and the author's replies.
other_side: []
replies: []
"""


def _pack_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return (slug or "my-pack")[:80]


def _yaml_text(text: str) -> str:
    """A one-line YAML double-quoted string, for text `_refuse_unsafe` has passed."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _refuse_unsafe(what: str, text: str) -> None:
    """A title or folder name with a control character, a newline or a bidi control would
    make a pack the loader refuses, or add lines of its own to the file."""
    bad = first_unsafe(text)
    if bad is not None:
        raise ValueError(
            f"the {what} holds the character U+{ord(bad):04X}, which a pack may not hold"
        )


def first_sentence(text: str) -> str:
    """The first sentence of a text, as a sample passage (it surely occurs in the source)."""
    flat = " ".join(text.split())
    match = re.match(r"(.{20,300}?[.!?])(\s|$)", flat)
    return match.group(1) if match else flat[:200]


def scaffold(folder: Path, source_text: str | None = None, title: str = "") -> Path:
    """Write a new pack into `folder` and return its pack.yaml.

    Refuses to overwrite: an instructor's existing pack is never lost to a stray command.
    """
    pack_file = folder / PACK_FILE
    if pack_file.exists():
        raise FileExistsError(f"{pack_file} already exists; not overwriting it")
    if source_text is not None and len(source_text.encode()) > MAX_FILE_BYTES:
        raise ValueError("the source text is larger than the 5 MB a pack may hold")
    _refuse_unsafe("folder name", str(folder))
    _refuse_unsafe("title", title)
    folder.mkdir(parents=True, exist_ok=True)
    title = title or folder.resolve().name.replace("-", " ").replace("_", " ").title()
    source = ""
    passage = ""
    if source_text is not None:
        (folder / SOURCE_FILE).write_text(source_text, encoding="utf-8")
        source = (
            "source:\n"
            f"  title: {_yaml_text(title)}\n"
            "  author: The author's name\n"
            '  date: "YYYY-MM-DD"\n'
            f"  file: {SOURCE_FILE}\n"
        )
        sample = first_sentence(source_text)
        if sample.strip() and first_unsafe(sample) is None:
            passage = (
                "  # The excerpt of the source this item comes from, copied exactly.\n"
                f"  passage: {_yaml_text(sample)}\n"
            )
    text = _TEMPLATE.format(
        folder=folder,
        pack_id=_pack_id(folder.resolve().name),
        title=_yaml_text(title),
        source=source,
        passage=passage,
    )
    pack_file.write_text(text, encoding="utf-8")
    return pack_file
