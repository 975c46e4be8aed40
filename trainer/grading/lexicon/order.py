"""Words that order two things ("Kursk over the Donbas"): swapping the sides reverses it."""

DIRECTIONAL = frozenset(
    """
    over instead rather ahead than
    outweigh outweighs outweighed outweighing exceed exceeds
    """.split()
)

SILENT_DIRECTIONAL = frozenset({"over", "instead", "rather", "ahead"})
"""Directional words that mark the order and are then dropped, never matched as content."""

PASSIVE_MARKERS = frozenset({"outweighed", "exceeded"})
"""'A is outweighed by B' says 'B outweighs A': the sides swap."""

LESSER = frozenset(
    """
    smaller less fewer lower weaker lesser slighter tinier
    """.split()
)
"""Comparatives that order two things the other way: "the benefits are smaller than the
risks" says "the risks outweigh the benefits"."""
