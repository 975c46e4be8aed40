"""Every threshold and bound of the grader, as documented fields of one frozen object.

A pack (`grading:`) and an item (`thresholds:`) may move `accept` and `partial`; everything
else here is the grader's own judgement, tuned on the marked corpus (docs/grading.md) and
kept in one place so that a change to any of it is a change to this file. Nothing here
imports another grading stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.packs.model import Thresholds

_DEFAULTS = Thresholds()


@dataclass(frozen=True, slots=True)
class Tuning:
    """The grader's constants. `DEFAULT` is the only instance the product uses."""

    # -- reading --------------------------------------------------------------------------
    neg_window: int = 12
    """How many content words after a negation it reaches, within its clause."""
    head_reach: int = 2
    """How many content words right after a negation it applies to directly: "don't change
    the balance" negates "change" and, through it, "balance"."""
    term_gap: int = 1
    """Stray words allowed between the words of a concept term ("North *Korean* troops")."""
    pair_reach: int = 8
    """How many content words on each side of "over" or "outweighs" it orders."""
    unit_reach: int = 4
    """How many words after a figure its unit may come: "30,000 new volunteers every month"."""
    duration_max_digits: int = 4
    """A figure before "days" or "years" longer than this is a count, not a span of time."""

    # -- matching -------------------------------------------------------------------------
    typo_edits: tuple[tuple[int, int], ...] = ((4, 1), (7, 2))
    """(length, edits): a word at least this long may differ by this many letters (OSA
    distance), on both sides of a match: the key's word and the answer's. Shorter words
    must be exact: "war" and "was" are different words."""
    changed_letter_length: int = 8
    """An answer word that is a real English word (WordNet knows it) never matches a pack
    word shorter than this one letter changed away: "walks" is not "talks"."""
    sound_edits: tuple[tuple[int, int], ...] = ((3, 2), (7, 3))
    """(length, edits): an answer word that is no English word and sounds like a pack word
    (`sounds`) may be this many letters off it, by the longer word's length: "jaz" for
    "jazz", "inflashun" for "inflation"."""
    sound_min_length: int = 3
    """Shorter words are never matched by sound: two letters sound like too much."""
    name_typo_length: int = 5
    """A person's name this long may be one letter off ("Peskow"); shorter ones are exact."""
    name_typo_edits: int = 1
    """...and never more than this many letters."""
    first_name_length: int = 4
    """A word this long straight before a person's surname is a first name ("Andrew
    Roberts"); shorter ones are titles and short forms ("min.", "dr")."""
    first_name_edits: int = 2
    """A first name this many letters from the person's own is theirs, spelt otherwise
    ("Jeffrey" for Geoffrey)."""
    spelling_slip_length: int = 5
    """In a pack's own spellings (`vocabulary.same`), a word after the first may be one
    letter off if it is at least this long ("north koria" for "north korea")."""
    freeze_from: int = 2_000
    """Packs of at least this many items have their built index frozen out of the cycle
    collector's view (`index._collection_paused`): above it, the collector walking the index
    again and again costs more than the rare cycle freezing keeps alive."""
    match_cache: int = 200_000
    """Answer words whose matches are remembered per pack; past this, they are recomputed."""

    # -- scoring --------------------------------------------------------------------------
    unknown_weight: float = 1.5
    """Weight of an answer word the pack never uses: it dilutes precision, gently."""
    beta: float = 1.0
    """F-beta weighting of word overlap: recall of the key against precision of the answer."""
    light_beta: float = 3.5
    """The same for a light key (an item with no concept groups, say a plain question with
    a short answer and two or three accepted ones) and an answer longer than the phrasing:
    what the key asks for counts more than what the answer adds, so "Canberra, in the
    Australian Capital Territory" is right. The checks for a wrong name, place, figure or
    the opposite still read the added words. A shorter answer is weighed with `beta`."""
    negated_word_length: int = 5
    """A pack word at least this long, written after "un-", "in-", "dis-"... in an answer,
    reads as "not" and the word ("infertile"); shorter ones ("in"+"come") are left."""
    short_key_words: int = 2
    """A light key with a phrasing of at most this many content words ("Canberra", "the
    Nile") asks for a short answer: one word can then be complete. A key with concept
    groups says what a full answer needs itself."""
    concept_base: float = float(_DEFAULTS.accept)
    """Score of an answer with every needed key idea and no word in common with the key; each
    shared word adds to it. It is the default `accept` on purpose: at the default thresholds
    such an answer passes, while an item with a stricter `accept` asks for the key's words."""
    partial_base: float = float(_DEFAULTS.partial)
    """Score of an answer with some but not enough key ideas: the default `partial`, so that
    naming any key idea is partly right at the default thresholds..."""
    partial_bonus: float = 12.0
    """...plus up to this much for how many of the needed ideas it names."""
    antonym_reach: int = 1
    """An antonym of a key word stands in its slot when a word the answer and the key share
    is within this many words of both ("short of troops" / "plenty of troops"): the next
    word, for at two or three a noun's antonym met a verb's ("costs lives" for "more dead")."""
    order_share: float = 0.15
    """Share of word order (a fuzzy ratio of the word sequences) in comparing close phrasings:
    "Donbas over Kursk" and "Kursk over Donbas" share every word."""

    # -- which item the answer belongs to -------------------------------------------------
    shortlist: int = 4
    """How many of the items sharing most words with an answer are checked as its real home."""
    shortlist_share: float = 0.6
    """...and only those sharing at least this share of the best one's word weight."""
    shortlist_postings: int = 1000
    """A word used by more items than this is left out when the shortlist is drawn up: it
    says nothing about which of them an answer is about, and walking its items for every
    answer would make grading a large pack slower with each item added."""
    neighbour_margin: float = 10.0
    """How much better another item must match before the answer is said to belong to it."""
    common_share: float = 1 / 3
    """A name in this share of a pack's items is its subject, not the topic of one claim."""

    # -- contradiction --------------------------------------------------------------------
    flip_min: float = 40.0
    """A phrasing must be at least this close before a negation mismatch with it means anything."""
    flip_share: float = 0.25
    """Share of the shared words (by weight) a negation must cover differently to count."""
    flip_margin: float = 5.0
    """...and fit the answer this much better than every phrasing read the same way round."""
    wrong_min: float = 40.0
    """A known wrong answer must be at least this close to count as the student's mistake..."""
    wrong_margin: float = 3.0
    """...and closer than every right phrasing by this much."""
    example_min: float = 90.0
    """How closely an answer must read like one of the class's marked answers to take its
    mark (word overlap with a little word order, the same way round, no other figure). On
    five marked banks, half of each marked, the nearest marked answer's mark was the
    teacher's for 92% of answers this close, and for 64% of those between 80 and 90."""
    opposite_cap: int = 25
    """The highest score an opposite answer is given, whatever words it shares with the key."""

    # -- figures --------------------------------------------------------------------------
    key_number_share: float = 0.5
    """A figure in at least this share of an item's right phrasings is the one it turns on."""
    key_place_share: float = 1 / 3
    """A place (or its capital or country) in at least this share of an item's right
    phrasings is one its answer turns on: "the US" in a conclusion that the US should push
    for talks, not "Ukraine" in one phrasing of six that mentions it in passing."""
    same_span: float = 0.05
    """A span of time within this share of the key's is the key's in other units ("72
    months" for six years, "a fortnight" for 14 days)."""
    duration_slack: float = 1.5
    """Spans of time within this factor count as the same ("a week and a half" for "ten
    days")."""
    years: tuple[int, int] = (1900, 2100)
    """Four-digit figures in this range are years, which an answer may add freely, unless
    the key gives a year itself: then another year is a wrong figure."""
    figure_slack: float = 0.02
    """A figure this close to the key's, as a share of it, and rounder, is the key's
    rounded ("about 8,800 m" for 8,849, not 8,851; "380,000 km" for 384,000, two digits of
    six); far below the gaps between the figures an argument turns on. At 1%, two-digit
    roundings of figures that start low ("380,000") were wrong figures; 5% let through
    figures a teacher who gave one to three digits marks wrong (measured on the tuning
    banks: 2% gained three answers and lost none)."""

    # -- confidence -----------------------------------------------------------------------
    check_confidence: float = 0.9
    """How sure a verdict decided by one of the teacher's checks (a known mistake, the
    opposite, a wrong figure or name, another item's point) is."""
    marked_confidence: float = 0.95
    """...and one that takes the mark of an answer the instructor marked."""
    confidence_floor: float = 0.5
    """How sure a verdict decided by its score is when the score sits on a threshold..."""
    confidence_reach: float = 20.0
    """...rising to fully sure this many points away from the nearest threshold."""
    doubt_penalty: float = 0.2
    """Taken off when the signals disagree: a key idea said the other way round in an answer
    marked right or partly right."""
    spelling_penalty: float = 0.1
    """Taken off when a word matched only with a typo allowed."""

    # -- triage ---------------------------------------------------------------------------
    cluster_min: float = 75.0
    """How alike (rapidfuzz token-sort ratio of the normalised words) an answer must be to a
    triage cluster's first answer to join it. Measured by benchmarks/triage_effort.py: at
    85, a synthetic class reaches 97% agreement once 28% of its answers' clusters are marked;
    at 75, 19%."""

    # -- decision -------------------------------------------------------------------------
    one_word: int = 1
    """An answer of at most this many content words is one word, not a full answer..."""
    vague_words: int = 2
    """...and one of at most this many that scores below `partial` is too vague to mark."""


DEFAULT = Tuning()
"""The tuning every grader uses."""
