"""General English as data: the word lists every stage reads, bundled as one frozen object.

As spaCy keeps its language data in `lang/en/*.py` and bundles it as `EnglishDefaults`, each
list lives in a module of its own (with its own tests) and `ENGLISH` gathers them, so a stage
says which lists it reads by the fields it uses. Nothing here imports another grading stage.
Words of one subject (its names and spellings) belong in a pack's `vocabulary`, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from trainer.grading.lexicon import clauses, names, negation, order, stopwords, time, units


@dataclass(frozen=True, slots=True)
class EnglishLexicon:
    """The word lists the reading, figures and name stages share."""

    stopwords: frozenset[str]
    """Words dropped before matching (`stopwords.STOPWORDS`)."""
    articles: frozenset[str]
    """Stopwords a concept term may hold and still be matched as ordinary words."""
    negators: frozenset[str]
    """Words that reverse what follows in their clause."""
    scope_breaks: frozenset[str]
    """Words where a negation's reach ends, besides clause breaks."""
    negation_echoes: frozenset[str]
    """Words after which a clause-opening "not" repeats an earlier negation."""
    negating_prefixes: tuple[str, ...]
    """Prefixes that turn a word into its opposite ("in-", "de-"): never a typo."""
    adjective_negators: tuple[str, ...]
    """Prefixes that say "not" before a word of the pack ("infertile")."""
    clause_words: frozenset[str]
    """Words normalisation turns into clause breaks."""
    directional: frozenset[str]
    """Words that order two things: "A over B", "A outweighs B"."""
    silent_directional: frozenset[str]
    """Directional words dropped once they have marked the order."""
    passive_markers: frozenset[str]
    """Participles after which "by" swaps the two sides."""
    lesser: frozenset[str]
    """Comparatives before "than" that swap the two sides ("smaller than")."""
    time_units: Mapping[str, str]
    """Spellings of units of time, to the unit."""
    measure_units: Mapping[str, str]
    """Spellings of the units a figure is measured or paid in, to the unit."""
    unit_days: Mapping[str, float]
    """Days in a unit, for comparing spans of time."""
    duration_cues: frozenset[str]
    """Words before "a month" that make it a span of time."""
    months: frozenset[str]
    """Month names that are nothing else."""
    not_names: frozenset[str]
    """Capitalised words that never name one claim."""


ENGLISH = EnglishLexicon(
    stopwords=stopwords.STOPWORDS,
    articles=stopwords.ARTICLES,
    negators=negation.NEGATORS,
    scope_breaks=negation.SCOPE_BREAKS,
    negation_echoes=negation.ECHOES,
    negating_prefixes=negation.NEGATING_PREFIXES,
    adjective_negators=negation.ADJECTIVE_NEGATORS,
    clause_words=clauses.CLAUSE_WORDS,
    directional=order.DIRECTIONAL,
    silent_directional=order.SILENT_DIRECTIONAL,
    passive_markers=order.PASSIVE_MARKERS,
    lesser=order.LESSER,
    time_units=MappingProxyType(time.TIME_UNITS),
    measure_units=MappingProxyType(units.MEASURES),
    unit_days=MappingProxyType(time.UNIT_DAYS),
    duration_cues=time.DURATION_CUES,
    months=time.MONTHS,
    not_names=names.NOT_NAMES,
)
"""The English the grader reads."""
