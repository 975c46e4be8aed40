"""Words that turn what follows into its opposite ("unlikely to have a dramatic impact")."""

NEGATORS = frozenset(
    """
    not no never neither nor none nothing nobody nowhere without unlikely
    doubt doubts doubted doubting doubtful
    fail fails failed failing hardly barely scarcely little few
    lack lacks lacked lacking refrain refrains refrained
    avoid avoids avoided avoiding prevent prevents prevented preventing
    escape escapes escaped escaping
    ignore ignores ignored ignoring refuse refuses refused refusing
    """.split()
)

SCOPE_BREAKS = frozenset({"and", "or", "that"})
"""Negation stops at these too: in "not retaliate and wait", "wait" is not negated."""

ECHOES = frozenset({"even", "in", "on", "at", "around", "near", "within", "for"})
"""After a negated clause, a clause that opens "not even" or "not in" repeats that negation
to add what it also covers ("won't change much, not even around Kursk"; "isn't short of
troops, not in the Donbas and not in Kursk"): the echo is no second negation, as "even
around Kursk" would be none."""

NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "non", "dis", "de", "anti", "counter", "mis")
"""Prefixes that make a word its opposite: "infertile" is no typo of "fertile", nor
"deflation" of "inflation", though each is two letters off."""

ADJECTIVE_NEGATORS = ("un", "in", "im", "ir", "il", "non", "dis")
"""Prefixes that say "not" ("infertile", "unproven"): an answer word made of one and a
word of the pack reads as "not" and that word, so the negation checks see it."""
