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

MEASURES: dict[str, str] = {
    **dict.fromkeys(("metre", "metres", "meter", "meters", "m"), "metres"),
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers", "km"), "kilometres"),
    **dict.fromkeys(
        ("centimetre", "centimetres", "centimeter", "centimeters", "cm"), "centimetres"
    ),
    **dict.fromkeys(
        ("millimetre", "millimetres", "millimeter", "millimeters", "mm"), "millimetres"
    ),
    **dict.fromkeys(("yard", "yards", "yd", "yds"), "yards"),
    **dict.fromkeys(("inch", "inches"), "inches"),
    **dict.fromkeys(("gram", "grams", "gramme", "grammes", "g"), "grams"),
    **dict.fromkeys(("kilogram", "kilograms", "kilo", "kilos", "kg", "kgs"), "kilograms"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), "tonnes"),
    **dict.fromkeys(("ounce", "ounces", "oz"), "ounces"),
    **dict.fromkeys(("litre", "litres", "liter", "liters"), "litres"),
    **dict.fromkeys(
        ("millilitre", "millilitres", "milliliter", "milliliters", "ml"), "millilitres"
    ),
    **dict.fromkeys(("gallon", "gallons"), "gallons"),
    **dict.fromkeys(("pint", "pints"), "pints"),
    **dict.fromkeys(("calorie", "calories", "cal", "cals", "kcal", "kilocalories"), "kilocalories"),
    **dict.fromkeys(("joule", "joules"), "joules"),
    **dict.fromkeys(("kilojoule", "kilojoules", "kj"), "kilojoules"),
    **dict.fromkeys(("watt", "watts"), "watts"),
    **dict.fromkeys(("kilowatt", "kilowatts", "kw"), "kilowatts"),
    **dict.fromkeys(("pound", "pounds", "quid"), "pounds"),
    **dict.fromkeys(("dollar", "dollars"), "dollars"),
    **dict.fromkeys(("euro", "euros"), "euros"),
    **dict.fromkeys(("pence", "penny", "p"), "pence"),
    **dict.fromkeys(("cent", "cents"), "cents"),
    "percent": "percent",
}
"""Units a figure is measured or paid in, each spelling to its unit: the key's 11 metres
and an answer's 11 yards are two figures, and so are £10,000 and 10,000 dollars. Left out:
the units `CONVERSIONS` converts (an answer in feet is compared in metres), degrees (100
degrees is 100 °C to a teacher who asked for Celsius) and "calorie" as the physicist's small
one (a student's calories are the label's kilocalories)."""
