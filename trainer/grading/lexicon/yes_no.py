"""The words that answer a yes-or-no question."""

YES = frozenset({"yes", "yeah", "yep", "yup", "aye", "yea", "ya"})
"""Yes, as students write it."""

NO = frozenset({"no", "nope", "nah"})
"""No, as students write it."""
