"""Verbs by direction: what grows and what shrinks; who is for a thing and who against.

WordNet pairs a few of these as antonyms ("gain" / "lose", "rise" / "fall") but not across
the pairs ("grows" / "loses", "gains" / "falls"), while a claim of change is turned round
by any verb of the other direction: "Russia loses 30,000 men a month" against "Russia's
army grows by 30,000 a month". The antonym check (`trainer.grading.antonyms`) reads every
verb of one list as an antonym of every verb of the other, on aligned slots only, as it
reads WordNet's. Base forms; the check compares lemmas.
"""

from __future__ import annotations

MORE = frozenset(
    """
    grow gain rise increase expand swell climb mount multiply strengthen double triple
    """.split()
)
"""Verbs that say a quantity becomes larger."""

LESS = frozenset(
    """
    shrink lose fall decrease decline drop dwindle contract diminish weaken halve
    """.split()
)
"""Verbs that say a quantity becomes smaller."""

FOR = frozenset(
    """
    praise applaud thank welcome support endorse defend commend celebrate reward
    """.split()
)
"""Verbs that take a side for someone or something ("Democrats will thank Trump")."""

AGAINST = frozenset(
    """
    attack criticise criticize blame condemn denounce oppose punish accuse resent
    """.split()
)
"""Verbs that take a side against them ("Democrats will attack Trump")."""

OPPOSED = ((MORE, LESS), (FOR, AGAINST))
"""The pairs of lists whose verbs turn each other round."""
