"""Where one clause ends and the next begins."""

CLAUSE_WORDS = frozenset(
    """
    but because so although though while whereas however yet since therefore thus whereby
    if unless until till til when which who where
    """.split()
)
"""Words that start a new clause: negation before them does not reach past them."""
