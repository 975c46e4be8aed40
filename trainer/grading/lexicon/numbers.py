"""Numbers written as words: "thirty thousand" is 30000."""

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


WORDS_OF_THEIR_OWN = frozenset({"there"})
"""Swaps that are English words ("three" -> "there"): the only one among the swaps of the
number words in Debian's wamerican list, checked when this list was written."""


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


TRANSPOSED = {
    swapped: word
    for word in NUMBER_WORDS
    if len(word) >= 4
    for swapped in _swaps(word)
    if swapped != word and swapped not in NUMBER_WORDS and swapped not in WORDS_OF_THEIR_OWN
}
"""Number words with two letters swapped ("fiev", "eihgt"), read as the number. Shorter
ones ("tow", "net") are words of their own."""
