"""Units of other systems, each with the metric unit a key most likely uses and the sum that
converts one to the other: the teacher who asks for metres accepts "29,000 feet"."""

CONVERSIONS: dict[str, tuple[str, float, float]] = {
    "fahrenheit": ("celsius", -32.0, 5 / 9),
    "kelvin": ("celsius", -273.15, 1.0),
    "feet": ("metres", 0.0, 0.3048),
    "foot": ("metres", 0.0, 0.3048),
    "miles": ("kilometres", 0.0, 1.609344),
    "mile": ("kilometres", 0.0, 1.609344),
    "mph": ("kilometres per hour", 0.0, 1.609344),
}
"""Unit -> (metric unit, offset, factor): the metric figure is (figure + offset) x factor."""

CONVERTED_DIGITS = 3
"""A converted figure keeps as many significant digits as it was given, and at most this
many: 29,000 feet is 8,800 metres (the key's 8,849, rounded), 212 °F is 100 °C."""

DEGREES = {"c": "celsius", "f": "fahrenheit", "k": "kelvin"}
"""The letter after a degree sign ("212 °F")."""
