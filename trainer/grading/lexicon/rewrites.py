"""Rewrites applied to a text before it is cut into words: one spelling for each thing.

Each rule is a pattern, its replacement, and its triggers: strings at least one of which is in
every text the pattern matches (a property test checks each), so a text holding none of them
skips the pattern. Order matters: longer phrases first, and a rule may rely on one before it.
"""

from __future__ import annotations

import re

Trigger = str | re.Pattern[str]
"""A string the text must hold, or a pattern it must match: a pattern that starts with a
literal ("us" not followed by a letter) is found fast, where the rule's own pattern, which
starts with a look-behind, is not."""

Rule = tuple[re.Pattern[str], str, tuple[Trigger, ...]]
"""A rewrite: its pattern, its replacement, and triggers at least one of which is in every
text the pattern matches (checked by a property test), so that a text without any of them
skips the regular expression: most texts need few of the rewrites, and reading a large pack
or a class's answers reads many thousands of texts."""

_US = re.compile(r"us(?![\w])")
""""us" ending a word: every rule that reads "us" as the country needs one ("Russia" has
no such "us", so it costs the three rules nothing)."""

_NEGATED_ADJECTIVES = (
    "proven",
    "confirmed",
    "verified",
    "clear",
    "wise",
    "able",
    "willing",
    "necessary",
    "important",
    "justified",
    "safe",
    "realistic",
    "reasonable",
    "successful",
    "sustainable",
    "affordable",
    "effective",
    "significant",
    "sufficient",
    "capable",
    "relevant",
    "responsible",
    "possible",
    "plausible",
    "practical",
    "probable",
)
"""Adjectives that "un-", "in-", "ir-" or "im-" negate, read as "not" + the adjective."""

# Case matters for these only: "US" is the country, "us" is usually the pronoun.
CASED: tuple[Rule, ...] = (
    (re.compile(r"\bU\.\s?S\.(?:\s?A\.?)?|\bUSA?\b"), " usa ", ("U",)),
    (re.compile(r"\bU\.\s?K\.|\bUK\b"), " uk ", ("U",)),
)

CONTRACTIONS: tuple[Rule, ...] = (
    (re.compile(r"\bwon'?t\b"), "will not", (re.compile(r"won'?t(?![\w])"),)),
    (re.compile(r"\bcan'?t\b|\bcannot\b"), "can not", (re.compile(r"can'?t(?![\w])|cannot"),)),
    (re.compile(r"\bshan'?t\b"), "shall not", ("shan",)),
    (re.compile(r"\bain'?t\b"), "is not", (re.compile(r"ain'?t(?![\w])"),)),
    (
        re.compile(
            r"\b(do|does|did|is|are|was|were|has|have|had|would|should|could|must|need|might)"
            r"n'?t\b"
        ),
        r"\1 not",
        (re.compile(r"n'?t(?![\w])"),),
    ),
    (re.compile(r"n't\b"), " not", ("n't",)),
    (re.compile(r"\bit's\b"), "it is", ("it's",)),
    (re.compile(r"'re\b"), " are", ("'",)),
    (re.compile(r"'ll\b"), " will", ("'",)),
    (re.compile(r"'ve\b"), " have", ("'",)),
    (re.compile(r"'d\b"), " would", ("'",)),
    (re.compile(r"'m\b"), " am", ("'",)),
    (re.compile(r"'s\b|(?<=s)'(?=\s|$)"), "", ("'",)),
)

_WORD = r"(?<![\w])"
_END = r"(?![\w])"


_NOT_COMPARATIVES = r"(?:aft|ov|und|nev|ev|eith|wheth|togeth|oth)er"
"""Words ending in "er" that are no comparative: "after then" is no "after than"."""


def _phrase(pattern: str) -> re.Pattern[str]:
    return re.compile(_WORD + "(?:" + pattern + ")" + _END)


# Whole-phrase spellings of one thing, after lower-casing. Order matters: longer first.
_US_NOUNS = (
    r"military|missiles?|troops|bases?|facility|facilities|involvement|officials?|experts?|"
    r"weapons|government|administration|forces|soldiers|personnel|made|supplied|army|role|"
    r"participation|intelligence|satellites?|allies|election|president|policy|permission|"
    r"strikes?|support|aid|and|involved|itself|would|will|is|was|has|gave|let|allowed|said"
)
PHRASES: tuple[Rule, ...] = (
    (re.compile(r"(?<![\w])(the|a|an|by|between|of)\s+us(?![\w])"), r"\1 usa", (_US,)),
    (re.compile(r"^\s*us(?![\w])"), "usa", (_US,)),
    (re.compile(r"(?<![\w])us(?=[\s-]+(?:" + _US_NOUNS + r")(?![\w]))"), "usa", (_US,)),
    (
        _phrase(r"united states(?: of america)?|u\.s\.a\.?|u\.s\.|americans?|america|usa"),
        " usa ",
        ("united states", "u.s.", "americ", "usa"),
    ),
    (
        _phrase(r"united kingdom|great britain|britain|british|u\.k\."),
        " uk ",
        ("united kingdom", "britain", "british", "u.k."),
    ),
    (_phrase(r"n\.a\.t\.o\.?"), " nato ", ("n.a.t.o",)),
    (
        _phrase(r"world war (?:3|three|iii)|ww\s?(?:3|iii)|third world war"),
        " ww3 ",
        ("world war", "ww"),
    ),
    (_phrase(r"w/o"), " without ", ("w/o",)),
    (re.compile(r"(?<![\w])w/"), " with ", ("w/",)),
    (_phrase(r"b/c"), " because ", ("b/c",)),
    # "Stays out of the war" is not in it; before "out of" becomes "of" ("5 out of 6").
    (
        _phrase(r"(?:stay|stays|stayed|staying|keep|keeps|kept|keeping) out of"),
        " not in ",
        ("out of",),
    ),
    (_phrase(r"out of"), " of ", ("out of",)),
    # "Not as dense as water" orders the two as "less dense than water" does, which the
    # reading's comparisons know; read as a negation, it flipped the words it shares.
    (_phrase(r"not (?:as|so) (\w+) as"), r" less \1 than ", ("not as ", "not so ")),
    # "Bigger then the gains": the comparison a student meant, which "then" would hide.
    (
        _phrase(r"((?!" + _NOT_COMPARATIVES + r")\w{2,}er|more|less|fewer|rather) then"),
        r" \1 than ",
        (" then",),
    ),
    (_phrase(r"(?:tens|10s|10's) of thousands"), " tensofthousands ", ("of thousands",)),
    # A dozen is a figure: "half a dozen years" is the six a key gives, "a decade" ten years.
    (_phrase(r"half an? dozen"), " 6 ", ("dozen",)),
    (_phrase(r"(?:a|one) dozen"), " 12 ", ("dozen",)),
    (_phrase(r"(?:a|one) decade"), " 10 years ", ("decade",)),
    (_phrase(r"monthly"), " a month ", ("monthly",)),
    (_phrase(r"nukes"), " nuclear weapons ", ("nukes",)),
    (_phrase(r"nuke|nuclear-armed"), " nuclear ", ("nuke", "nuclear-armed")),
    (_phrase(r"ammo"), " ammunition ", ("ammo",)),
    (_phrase(r"govt|gov"), " government ", ("gov",)),
    (_phrase(r"admin"), " administration ", ("admin",)),
    (_phrase(r"idk|dunno"), " i do not know ", ("idk", "dunno")),
    (
        _phrase(r"e\.g\.|eg|i\.e\.|ie|etc\.?"),
        " ",
        ("e.g.", "i.e.", "etc", re.compile(r"(?:eg|ie)(?![\w])")),
    ),
    (_phrase(r"incl\.?"), " including ", ("incl",)),
    (_phrase(r"dems"), " democrats ", ("dems",)),
    (_phrase(r"not only|not just|not merely"), " only ", (re.compile("not (?:only|just|merely)"),)),
    (_phrase(r"a little|a few"), " some ", ("a little", "a few")),
    # Adjectives negated by a prefix read as "not" + the adjective, so that "it's not
    # unproven" is a double negative and "unproven" meets "not proven".
    (
        _phrase(r"(?:un|in|ir|im)(" + "|".join(_NEGATED_ADJECTIVES) + ")"),
        r" not \1 ",
        (re.compile("(?:un|in|ir|im)(?:" + "|".join(_NEGATED_ADJECTIVES) + ")"),),
    ),
    # Antonyms that arguments turn on, written as a negation so that the negation checks see
    # "weakens Ukraine's position" as the opposite of "strengthens" it.
    (_phrase(r"weakens|weakening|weakened|weaken"), " not strengthen ", ("weaken",)),
    (_phrase(r"weaker"), " not stronger ", ("weaker",)),
    (_phrase(r"easier"), " not harder ", ("easier",)),
    (_phrase(r"shortens?|shortening|shortened|shorter"), " not prolong ", ("shorten", "shorter")),
    (
        _phrase(
            r"de-?escalates?|de-?escalating|reduces? tensions?|lowers? tensions?|"
            r"eases? tensions?|calms?(?: down)? tensions?"
        ),
        " not escalate tensions ",
        (re.compile("de-?escalat|tension"),),
    ),
)
