"""Facts: what the decision rules may know about one answer to one item, gathered once.

Each fact comes from an earlier stage (scoring, contradiction, figures, names); the rules in
`decision.py` read only this object, so each can be tested with facts built by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from trainer.grading.analysis import Answer, analyse
from trainer.grading.contradiction import Contradictions
from trainer.grading.figures import Duration, Figures, is_year, more_precise, rounded
from trainer.grading.findings import FigureSlip, Slip
from trainer.grading.hedges import hedged
from trainer.grading.index import PackIndex
from trainer.grading.keys import Admits, ItemKey
from trainer.grading.lexicon import ENGLISH
from trainer.grading.normalise import figure_value, format_number, stem
from trainer.grading.places import places_in, stray_places
from trainer.grading.scoring import ItemScore, Scores, asked_words, listed_short
from trainer.grading.tuning import Tuning
from trainer.grading.yes_no import agrees
from trainer.packs.model import Kind

MAX_SCORE = 100.0
"""No item scores more: word overlap is an F score out of 100, and so is a concept score."""


@dataclass(frozen=True, slots=True)
class Facts:
    """One answer against one item."""

    key: ItemKey
    score: ItemScore
    blank: bool
    """Nothing typed."""
    wordless: bool
    """Nothing that reads as a word."""
    content_words: int
    known_wrong: int | None = None
    """The item's known wrong answer this answer is, if any."""
    opposite: bool = False
    neighbour: int | None = None
    """Another item this answer clearly belongs to, if any."""
    several: bool = False
    """Graded against several candidates at once ("name a premise")."""
    figure: FigureSlip | None = None
    """The first thing wrong with the answer's figures, if anything."""
    stray_names: tuple[str, ...] = ()
    """People the answer names who belong to other items, where the item names its own."""
    has_key_figure: bool = False
    only_key_figure: bool = False
    """For a light key that turns on a figure: the answer gives that figure and says
    nothing else the key or the question does not ("6" for "six years")."""
    listed_short: bool = False
    fuzzy: bool = False
    admits: Admits = field(default_factory=Admits)
    """The figures and people the item's key admits."""
    hedged: bool = False
    """The key's answer offered beside another ("2007 or 2008"), for a light key."""
    short_key: bool = False
    """The key itself is a word or two ("Canberra"), so one word can be all of it."""
    example: int | None = None
    """The class's marked answer to the item this answer reads like, if one is that near."""
    yes_no: bool | None = None
    """For a key that answers yes or no: whether the answer gives the same; None where the
    key or the answer gives neither."""

    @property
    def example_accepted(self) -> bool | None:
        """The mark of the example the answer reads like; None when there is none."""
        if self.example is None:
            return None
        return self.key.examples[self.example].mark.accept

    @property
    def missing_figure(self) -> FigureSlip | None:
        """The figure an item that turns on one asks for, when the answer gives none."""
        turns_on = self.admits.figures.key_numbers
        if self.key.item.evidence_kind == "figure" and turns_on and not self.has_key_figure:
            return FigureSlip(Slip.MISSING, (), _shown(turns_on))
        return None


def gather(contradictions: Contradictions, index: int, pool: frozenset[int] | None) -> Facts:
    """Everything the rules need; an empty answer needs nothing past its score."""
    scores = contradictions.scores
    answer, pack = scores.answer, scores.index
    key = pack.keys[index]
    score = scores.item(index)
    says = agrees(key, answer.text)
    base = Facts(key, score, answer.blank, not answer.content, len(answer.content), yes_no=says)
    if base.blank or base.wordless:
        return base
    figures = answer.reading.figures
    admits = pack.admits(index)
    return Facts(
        key=key,
        score=score,
        blank=False,
        wordless=False,
        content_words=len(answer.content),
        known_wrong=known_wrong(contradictions, index),
        opposite=flipped(contradictions, index),
        neighbour=neighbour(contradictions, index, pool),
        several=pool is not None and len(pool) > 1,
        figure=_stray_number(admits, figures, pack, light=not key.groups)
        or wrong_time(admits, figures, pack),
        stray_names=_stray_names(key, admits, answer, pack)
        + _stray_places(admits, answer, pack, close=score.raw >= key.thresholds.partial),
        has_key_figure=bool(figures.numbers & admits.figures.numbers),
        listed_short=listed_short(key, answer.content),
        fuzzy=answer.fuzzy,
        admits=admits,
        example=_example(contradictions, index),
        short_key=not key.groups
        and any(len(p.vids) <= pack.tuning.short_key_words for p in key.right),
        hedged=hedged(answer, key),
        yes_no=says,
        only_key_figure=_only_key_figure(key, admits, answer, pack),
    )


def flipped(contradictions: Contradictions, index: int) -> bool:
    """True when the answer says the opposite of the item: a phrasing read with the other
    polarity fits it clearly better than any read the same way round."""
    tuning = contradictions.scores.index.tuning
    readings = contradictions.readings(index)
    if (
        readings.opposite >= tuning.flip_min
        and readings.opposite > readings.right + tuning.flip_margin
    ):
        return True
    if (
        readings.reversed >= tuning.flip_min
        and readings.reversed >= readings.right - tuning.flip_margin
    ):
        # The same words with the two sides of "outweigh"/"over" swapped: few answers do
        # that by accident, so a close second is enough.
        return True
    key = contradictions.scores.index.keys[index]
    score = contradictions.scores.item(index)
    return (
        bool(score.contradicted)
        and len(score.covered) < key.need
        and readings.right < tuning.flip_min
    )


def known_wrong(contradictions: Contradictions, index: int) -> int | None:
    """The known wrong answer this answer is: close to it, and closer than to any right one,
    unless it states every key idea the mistake lacks."""
    scores = contradictions.scores
    tuning = scores.index.tuning
    readings = contradictions.readings(index)
    if readings.wrong_index is None or readings.wrong < tuning.wrong_min:
        return None
    if readings.wrong <= readings.right + tuning.wrong_margin:
        return None
    key = scores.index.keys[index]
    if (
        key.need
        and len(scores.item(index).covered) >= key.need
        and wrong_coverage(scores, index, readings.wrong_index) < key.need
    ):
        # Sharing the mistake's words ("long-range missiles") does not make it that mistake.
        return None
    return readings.wrong_index


def wrong_coverage(scores: Scores, index: int, wrong: int) -> int:
    """How many of the item's concept groups its known wrong answer `wrong` covers."""
    pack = scores.index
    cached = pack.wrong_cover.get((index, wrong))
    if cached is None:
        text = pack.keys[index].known[wrong].answer
        cached = len(Scores(analyse(text, pack), pack).item(index).covered)
        pack.wrong_cover[(index, wrong)] = cached
    return cached


def neighbour(
    contradictions: Contradictions, index: int, pool: frozenset[int] | None
) -> int | None:
    """Another item this answer clearly belongs to, if any: one it matches much better than
    the asked item, that is not linked to it, not a candidate, and not contradicted."""
    scores = contradictions.scores
    pack = scores.index
    own = scores.item(index).raw
    if own + pack.tuning.neighbour_margin > MAX_SCORE:
        return None  # nothing can match clearly better than an answer this close
    ranked = sorted(
        (scores.item(i).strength, i)
        for i in set(scores.shortlist(index))
        if not pack.linked(index, i)
    )
    for strength, other in reversed(ranked):
        if strength < pack.keys[other].thresholds.accept:
            return None
        if strength < own + pack.tuning.neighbour_margin:
            return None
        if pool is not None and other in pool:
            continue
        if flipped(contradictions, other):
            continue
        return other
    return None


def _example(contradictions: Contradictions, index: int) -> int | None:
    if not contradictions.scores.index.keys[index].examples:
        return None
    nearest = contradictions.nearest_example(index)
    tuning = contradictions.scores.index.tuning
    return nearest[0] if nearest is not None and nearest[1] >= tuning.example_min else None


def _stray_number(
    admits: Admits, figures: Figures, pack: PackIndex, light: bool = False
) -> FigureSlip | None:
    """The answer's first figure the item does not admit. Years pass unless the key gives a
    year; days of a date pass unless it gives a day; a figure within `figure_slack` of the
    key's is the key's, rounded. For a light key, an answer that gives the key's figure may
    add others ("8 bits, which can store 256 values")."""
    known = admits.figures
    if not known.numbers:
        return None
    if light and figures.numbers & known.key_numbers:
        return None
    tuning = pack.tuning
    key_years = any(is_year(k, tuning) for k in known.numbers)
    spans = _same_spans(admits, figures, pack)
    stray = [
        n
        for n in figures.numbers
        if n not in known.numbers
        and not (is_year(n, tuning) and not key_years)
        and not (n in figures.days and not known.days)
        and not (not is_year(n, tuning) and _near_any(n, known.numbers, tuning.figure_slack))
        and not any(more_precise(n, exact) for exact in known.numbers)
        and n not in spans
    ]
    if not stray:
        return None
    return FigureSlip(Slip.NUMBER, _shown(stray), _shown(known.key_numbers or known.numbers))


def _near_any(number: str, known: frozenset[str], slack: float) -> bool:
    return any(rounded(number, exact, slack) for exact in known)


def wrong_time(admits: Admits, figures: Figures, pack: PackIndex) -> FigureSlip | None:
    """What is wrong with the answer's figures of time, if anything: the right figure in the
    wrong unit ("30,000 a year" for "a month"), a span of time far from the article's
    ("about a month" for "ten days"), or the wrong month."""
    known = admits.figures
    given: dict[str, set[str]] = defaultdict(set)
    for number, unit in figures.units:
        given[number].add(unit)
    for number, units in sorted(given.items()):
        right = known.units.get(number)
        if right and not units & right:
            shown = format_number(number)
            return FigureSlip(Slip.UNIT, (shown, min(units)), (shown, min(right)))
    if known.durations and figures.durations:
        slack = pack.tuning.duration_slack
        close = any(
            mine.days / slack <= theirs.days <= mine.days * slack
            for mine in figures.durations
            for theirs in known.durations
        )
        if not close:
            return FigureSlip(Slip.SPAN, (figures.durations[0].shown,), (known.durations[0].shown,))
    if known.months and figures.months and not figures.months & known.months:
        return FigureSlip(Slip.MONTH, (min(figures.months),), (min(known.months),))
    return None


def _stray_names(key: ItemKey, admits: Admits, answer: Answer, pack: PackIndex) -> tuple[str, ...]:
    stray = answer.names - admits.names
    if stray and (admits.names or key.item.kind is Kind.PERSON):
        return tuple(sorted(stray))
    if key.item.kind is Kind.PERSON:
        return _stray_first_name(answer, key, pack)
    return ()


def _stray_first_name(answer: Answer, key: ItemKey, pack: PackIndex) -> tuple[str, ...]:
    """A word no text of the pack uses, straight before the person's surname, and nothing
    like the person's own first name: a first name the key does not give ("Andrew Roberts"
    for Geoffrey Roberts), not a spelling or a short form of theirs ("Jeffrey", "Rich")."""
    reading, positions = answer.reading, answer.positions
    own = [w.casefold() for w in key.item.name.split()[:-1]]
    tuning = pack.tuning
    for at in range(1, len(positions)):
        if positions[at].isdisjoint(pack.person_vids):
            continue
        before = at - 1
        if positions[before] or reading.negs[before] or not reading.surfaces:
            continue
        word = reading.surfaces[before]
        if len(word) < tuning.first_name_length or not word.isalpha():
            continue
        if not any(_like_name(word, name, tuning) for name in own):
            return (word,)
    return ()


def _like_name(word: str, name: str, tuning: Tuning) -> bool:
    """The same first name spelt or shortened otherwise: "jeffrey" / "geoffrey", "rich" /
    "richard", "dmitry" / "dmitri"."""
    if name.startswith(word) or word.startswith(name):
        return True
    return OSA.distance(word, name) <= tuning.first_name_edits


def _only_key_figure(key: ItemKey, admits: Admits, answer: Answer, pack: PackIndex) -> bool:
    figures = answer.reading.figures
    turns_on = admits.figures.key_numbers
    if key.groups or not (turns_on or admits.figures.durations):
        return False  # a key that turns on a figure, or on a span of time ("365 days")
    spans = _same_spans(admits, figures, pack)
    if not (turns_on and figures.numbers and turns_on <= figures.numbers) and not spans:
        return False
    asked = asked_words(pack, key.index)
    # Units of time, and the words that make a figure approximate ("roughly 500 seconds").
    units = {*ENGLISH.time_units, *map(stem, ENGLISH.duration_cues), *spans}
    vids = key.right_vids | asked.ids
    return all(w in asked.words or w in units for w in answer.unmatched) and all(
        not matched.isdisjoint(vids) or word in units
        for word, (matched, _) in zip(answer.weighted_keys, answer.weighted, strict=True)
    )


def _same_spans(admits: Admits, figures: Figures, pack: PackIndex) -> tuple[str, ...]:
    """The counts of the answer's spans of time that are the key's in other units ("72"
    of "72 months" for six years)."""
    slack = pack.tuning.same_span
    return tuple(
        mine.shown.split()[0]
        for mine in figures.durations
        if any(
            mine.days == theirs.days
            or (
                _unit_of(mine) != _unit_of(theirs)  # in the same unit, "356 days" is another
                and abs(mine.days - theirs.days) <= slack * theirs.days
            )
            for theirs in admits.figures.durations
        )
    )


def _unit_of(span: Duration) -> str:
    """The unit a span of time is counted in, as written ("days" of "365 days")."""
    return ENGLISH.time_units.get(span.shown.split()[-1], "")


def _stray_places(admits: Admits, answer: Answer, pack: PackIndex, close: bool) -> tuple[str, ...]:
    """Places of the kind the item names that it does not name: "China" for North Korea.
    A place the pack runs on counts only in an answer `close` to the item's key (at least
    partly right by its words): "Russia will act with restraint" to a question on another
    of Roberts's claims is another item's point, not the wrong party in this one's."""
    if not admits.places:
        return ()
    keyed = admits.key_places if close else frozenset()
    strays = stray_places(places_in(answer.text), admits.places, pack.common, keyed)
    return tuple(place.name for place in strays)


def _shown(numbers: frozenset[str] | list[str]) -> tuple[str, ...]:
    return tuple(format_number(n) for n in sorted(numbers, key=figure_value))
