"""Words that turn what follows into its opposite ("unlikely to have a dramatic impact")."""

NEGATORS = frozenset(
    """
    not no never neither nor none nothing nobody nowhere without unlikely
    doubt doubts doubted doubting doubtful
    fail fails failed failing hardly barely scarcely little few
    lack lacks lacked lacking refrain refrains refrained
    avoid avoids avoided avoiding prevent prevents prevented preventing
    ignore ignores ignored ignoring refuse refuses refused refusing
    """.split()
)

SCOPE_BREAKS = frozenset({"and", "or", "that"})
"""Negation stops at these too: in "not retaliate and wait", "wait" is not negated."""
