"""Numbers written as words: "thirty thousand" is 30000."""

from trainer.grading.lexicon.number_typos import REAL_WORDS

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""Units and tens, with the common misspelling "fourty"."""

SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
"""Words that multiply the number before them."""

SCALE_WORDS = ("thousand", "thousands", "hundred", "hundreds", "million", "millions")
"""Scale words a student misspells by one letter ("thousnds"), corrected before reading."""


def one_letter_off(word: str) -> set[str]:
    """The misspellings of a number word by one letter: one added (a letter doubled: "tenn",
    "fourtteen"), one left out ("sevnteen"), two swapped ("fiev"). Never one changed: that
    is how other words' typos look ("thret" for "threat" is no "three"). Three-letter words
    only gain a letter ("twoo"): dropping one gives words of their own ("to")."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    found = {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    if len(word) >= MISSPELT_FROM:
        found |= {word[:i] + word[i + 1 :] for i in range(len(word))}
        found |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    found.discard(word)
    return found


MISSPELT_FROM = 4
"""Number words this long may be misspelt any way by one letter; shorter ones only by one
letter added."""


def _misspelt() -> dict[str, str]:
    by_variant: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in NUMBER_WORDS:
        for variant in one_letter_off(word):
            if by_variant.setdefault(variant, word) != word:
                ambiguous.add(variant)  # "fife" is one letter from "five" and "fifty"
    taken = REAL_WORDS | set(NUMBER_WORDS) | set(SCALES) | ambiguous
    return {variant: word for variant, word in by_variant.items() if variant not in taken}


MISSPELT = _misspelt()
"""Number words misspelt by one letter ("sevnteen", "fourtteen", "twoo", "fiev"), read as
the number; never an English word of its own (`number_typos.REAL_WORDS`: "fine", "for"),
another number word ("eighty" is not "eight") or a misspelling of two."""
