"""Units of time, spans and months: a date or a rate is a figure too."""

TIME_UNITS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
"""Each spelling of a unit of time, to the unit."""

UNIT_DAYS = {
    "second": 1 / 86_400,
    "minute": 1 / 1_440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}
"""How many days a unit spans, for comparing spans of time."""

DURATION_CUES = frozenset(
    """
    about around roughly nearly almost only just barely some in within for over under after
    like approximately
    """.split()
)
"""Words before "a month" that make it a span of time ("in about a month"), not a rate."""

MONTHS = frozenset(
    "january february april june july august september october november december".split()
)
"""Month names that are nothing else: "may" and "march" are left out."""
