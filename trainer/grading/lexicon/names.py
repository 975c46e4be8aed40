"""Names that never tell one claim from another."""

NOT_NAMES = frozenset(
    ["the", "a", "an", "it", "this", "that", "in", "on", "us", "usa", "west", "western"]
)
"""Capitalised words that never name one claim: sentence furniture and the broadest places."""
