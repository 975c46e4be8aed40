"""Short forms and misspellings students write, fixed before any fuzzy comparison."""

ABBREVIATIONS = {
    "u": "you",
    "r": "are",
    "ur": "your",
    "b4": "before",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bcos": "because",
    "becuz": "because",
    "bcuz": "because",
    "bcz": "because",
    "tho": "though",
    "thru": "through",
    "ppl": "people",
    "abt": "about",
    "sth": "something",
    "smth": "something",
    "w": "with",
    "n": "and",
    "yr": "year",
    "yrs": "years",
    "mths": "months",
    "approx": "about",
    "prob": "probably",
    "defense": "defence",
    "favor": "favour",
    "signaled": "signalled",
    "prioritize": "prioritise",
    "prioritizing": "prioritising",
    "minimize": "minimise",
    "vs": "versus",
    "thx": "thanks",
}
"""Single words students abbreviate, and American spellings read as British."""

MISSPELLINGS = {
    "litle": "little",
    "littel": "little",
    "untill": "until",
    "unitl": "until",
    "becuase": "because",
    "beacuse": "because",
    "becasue": "because",
    "thier": "their",
    "withut": "without",
    "wihtout": "without",
    "unlikly": "unlikely",
    "unlikley": "unlikely",
    "douts": "doubts",
    "doubs": "doubts",
    "dosent": "does not",
    "doesent": "does not",
    "didint": "did not",
    "wasnt": "was not",
}
"""Misspellings of the small words grading turns on (negations, clause words, amounts).
Content words get fuzzy typo tolerance later; these must be exact earlier. Only words of five
letters or more are looked up (`normalise._ALPHA_WORD`): shorter entries could never apply."""

UNITS = {
    "m": "metres",
    "km": "kilometres",
    "cm": "centimetres",
    "mm": "millimetres",
    "kg": "kilograms",
    "ft": "feet",
    "pc": "percent",
    "pct": "percent",
}
"""Units written short after a figure ("8,800m", "71 pc"), read as the words."""
