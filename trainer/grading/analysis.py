"""Analysis: one answer, read once and matched to the pack's words.

Everything later stages ask of an answer that does not depend on which item it is graded
against is worked out here, once: each position's matched word ids, each matched word's
negation parity, the people it names, the weights its words carry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from trainer.grading.index import PackIndex
from trainer.grading.lexicon import ENGLISH
from trainer.grading.matching import is_short_year
from trainer.grading.normalise import BREAK, is_figure
from trainer.grading.reading import Reading, read_tokens


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer as the scoring and contradiction stages see it."""

    text: str
    """What the student typed."""
    reading: Reading
    positions: tuple[frozenset[int], ...]
    """For each position of the reading, the pack word ids matched there (none for a
    negation)."""
    polarity: Mapping[int, int]
    """Each pack word the answer uses, with the negation parity of its first use."""
    used: frozenset[int]
    heads: frozenset[int]
    """Pack words a negation in the answer applies to directly."""
    weighted: tuple[tuple[frozenset[int], float], ...]
    """Each distinct content word that matched: its word ids and its weight."""
    words_of: Mapping[int, tuple[int, ...]]
    """For each pack word matched, which of `weighted` matched it: the answer's side of an
    overlap is then summed over the shared words only, not over the whole answer."""
    total: float
    """The weight of all the answer's content words, unmatched ones included."""
    names: frozenset[str]
    """People of the pack the answer names."""
    fuzzy: bool
    """Whether some word matched only with a typo allowed."""
    joined: str
    """The answer's words, space-padded, for finding word terms as written."""
    weighted_keys: tuple[str, ...] = ()
    """The content key of each of `weighted`."""
    unmatched: tuple[str, ...] = ()
    """Content keys that match no pack word: a light key forgives those the question itself
    uses ("capitalistic system" for "What economic system...?")."""

    @property
    def content(self) -> tuple[str, ...]:
        return self.reading.content

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def analyse(text: str, index: PackIndex) -> Answer:
    """Read `text` and match each of its words to the pack's."""
    matcher = index.matcher
    reading = split_negated(index.read(text), index)
    matched, tails, related = match_positions(reading, index)
    positions: list[frozenset[int]] = []
    polarity: dict[int, int] = {}
    fuzzy = False
    for at, (key, neg, pol, vids) in enumerate(
        zip(reading.keys, reading.negs, reading.pols, matched, strict=True)
    ):
        if neg:
            positions.append(frozenset())
            continue
        positions.append(vids)
        if vids and matcher.exact(key) not in vids and at not in related:
            fuzzy = True
        for vid in vids:
            polarity.setdefault(vid, pol)
    weighted, total, named, unmatched, weighted_keys = _weigh(reading, matched, tails, index)
    words_of: dict[int, list[int]] = {}
    for at, (vids, _) in enumerate(weighted):
        for vid in vids:
            words_of.setdefault(vid, []).append(at)
    plain = [token for token in reading.tokens if token != BREAK]
    return Answer(
        text=text,
        reading=reading,
        positions=tuple(positions),
        polarity=polarity,
        used=frozenset(polarity),
        heads=frozenset(v for j in reading.heads for v in positions[j]),
        weighted=tuple(weighted),
        words_of={vid: tuple(at) for vid, at in words_of.items()},
        total=total,
        names=frozenset(named),
        fuzzy=fuzzy,
        unmatched=tuple(unmatched),
        weighted_keys=tuple(weighted_keys),
        joined=" " + " ".join(plain) + " ",
    )


def split_negated(reading: Reading, index: PackIndex) -> Reading:
    """The reading with each word made of a negating prefix and a pack word ("infertile",
    "unaffordable") read as "not" and that word: "infertile soil" then says the opposite of
    "fertile soil", not half of it. A word the pack itself writes is left alone."""
    written = index.words.written
    least = index.tuning.negated_word_length
    tokens: list[str] = []
    changed = False
    for token in reading.tokens:
        if token not in written and len(token) > least:
            for prefix in ENGLISH.adjective_negators:
                rest = token[len(prefix) :]
                if token.startswith(prefix) and len(rest) >= least and rest in written:
                    tokens.extend(("not", rest))
                    changed = True
                    break
            else:
                tokens.append(token)
        else:
            tokens.append(token)
    if not changed:
        return reading
    return read_tokens(tokens, truncated=reading.truncated)


def _weigh(
    reading: Reading,
    matched: tuple[frozenset[int], ...],
    tails: frozenset[int],
    index: PackIndex,
) -> tuple[list[tuple[frozenset[int], float]], float, set[str], list[str], list[str]]:
    """Each distinct content word's matches and weight; the weight of all of them, unmatched
    ones included; the people named; the words matching nothing; the keys of the first."""
    by_key: dict[str, frozenset[int]] = {}
    for key, vids in zip(reading.keys, matched, strict=True):
        if vids and key not in by_key:
            by_key[key] = vids
    tail_keys = {reading.keys[at] for at in tails} - by_key.keys()
    weights, words = index.answer_weights, index.words.words
    weighted: list[tuple[frozenset[int], float]] = []
    total = 0.0
    named: set[str] = set()
    unmatched: list[str] = []
    keys: list[str] = []
    for key in reading.content:
        if key in tail_keys:
            continue  # "ware" of "ransom ware": its weight is in "ransom"
        vids = by_key.get(key, frozenset())
        if not vids:
            total += index.tuning.unknown_weight
            unmatched.append(key)
            continue
        exact = index.matcher.exact(key)
        weight = weights[exact] if exact is not None else max(weights[v] for v in vids)
        total += weight
        weighted.append((vids, weight))
        keys.append(key)
        if not vids.isdisjoint(index.person_vids):
            named.update(words[v] for v in vids & index.person_vids)
    return weighted, total, named, unmatched, keys


def match_positions(
    reading: Reading, index: PackIndex
) -> tuple[tuple[frozenset[int], ...], frozenset[int], frozenset[int]]:
    """The pack words each position of the reading matches: by its stem, else as written
    ("infaltion"), else joined with the next word when the pack writes the two as one
    ("ransom ware", "love lace"), and words WordNet relates to it ("capitalistic" for
    "capitalism"). Returns the matches; the positions that are the second of a joined pair
    (they match nothing and weigh nothing); and those matched only by relation (no typo,
    so no "allowing for spelling")."""
    matcher = index.matcher
    keys, negs, written = reading.keys, reading.negs, reading.surfaces
    found: list[frozenset[int]] = []
    tails: set[int] = set()
    related: set[int] = set()
    at = 0
    while at < len(keys):
        if negs[at]:
            found.append(frozenset())
            at += 1
            continue
        vids = matcher.matches(keys[at])
        if not vids and written:
            vids = matcher.matches_written(written[at])
            if not vids and at + 1 < len(keys) and not negs[at + 1]:
                joined = matcher.matches_written(written[at] + written[at + 1])
                if joined and not matcher.matches(keys[at + 1]):
                    found.extend((joined, frozenset()))
                    tails.add(at + 1)
                    at += 2
                    continue
        if vids and (is_figure(keys[at]) or is_short_year(keys[at])):
            # A figure rounded, given more precisely or converted from feet, and "'69" for
            # 1969, are ways of writing a figure, not misspellings.
            related.add(at)
        elif written and matcher.exact(keys[at]) not in vids:
            # No exact match: WordNet's relations too ("capitalistic" is a derivation of
            # "capitalism", not a typo of "capitalist"), and then no spelling is claimed.
            kin = matcher.matches_related(written[at])
            known = matcher.known_word(written[at])
            if known:
                # A real word of its own is no misspelling of another a letter changed
                # away: "walks" is not "talks", nor "likes" "lives" ("meters" is "metres").
                vids = matcher.written_form(written[at]) | {
                    vid for vid in vids if not index.words.one_letter_changed(keys[at], vid)
                }
            if kin:
                if not vids or known:
                    related.add(at)
                vids |= kin
        found.append(vids)
        at += 1
    return tuple(found), frozenset(tails), frozenset(related)
