"""Words that carry no claim of their own: matching them would reward padding.

Clause words ("which", "if", "when"...) are not here: normalisation has already turned them
into clause breaks (`clauses.CLAUSE_WORDS`), so listing them again would never match.
"""

STOPWORDS = frozenset(
    """
    a an the of to in on at for from by with about as into onto upon
    is are was were be been being am do does did doing done
    will would shall should can could may might must have has had having
    it its this that these those there here they them their theirs
    he him his she her we us our ours you your i me my mine
    whom whose what how why than then
    just really very also too even only much many more most any some such like
    actually basically quite rather generally overall
    and or else either whether
    said says say saying argue argues argued arguing think thinks thought
    author writer article claim claims claimed point points suggests suggested
    told tells tell get gets got getting going gonna
    way thing things lot lots kind sort per each every all both one
    someone something anything everything already still ever now
    probably maybe perhaps simply well ok okay yes yeah hey hi hello
    """.split()
)

ARTICLES = frozenset({"a", "an", "the"})
"""The only stopwords a concept term may hold and still be matched as ordinary words."""
