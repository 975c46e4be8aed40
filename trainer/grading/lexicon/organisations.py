"""International organisations and the everyday names of countries, as the grader folds them.

GeoNames (`places.tsv`) names each country once, officially; students write "the US", "the
UK", "Britain", "the EU". These are our own short lists, not derived from a source: each
name with the one it stands for, so "Britain" and "the United Kingdom" are one place.
Names that are also English words ("us", "who") are in `NEEDS_CAPITAL`: they count only
when written with capitals.
"""

from types import MappingProxyType


def _table(rows: str) -> MappingProxyType[str, str]:
    """`name = other = other` lines: each name to the first of its line."""
    table: dict[str, str] = {}
    for line in rows.strip().splitlines():
        names = [name.strip() for name in line.split("=")]
        for name in names:
            table[name] = names[0]
    return MappingProxyType(table)


ORGANISATIONS = _table(
    """
    nato = north atlantic treaty organization = north atlantic treaty organisation
    european union = eu
    united nations = un
    un security council = security council
    world health organization = world health organisation = who
    international monetary fund = imf
    world bank
    world trade organization = world trade organisation = wto
    opec
    asean
    african union
    arab league
    osce
    g7
    g20
    brics
    red cross = international red cross
    international criminal court = icc
    organization of american states = oas
    council of europe
    european commission
    european parliament
    interpol
    unesco
    unicef
    warsaw pact
    league of nations
    csto
    shanghai cooperation organisation = shanghai cooperation organization = sco
    international atomic energy agency = iaea
    """
)
"""International organisations, folded, each to its usual name."""

COUNTRY_ALIASES = _table(
    """
    united states = us = usa = america = united states of america = the states
    united kingdom = uk = britain = great britain
    north korea = dprk
    south korea = rok
    china = prc
    czechia = czech republic
    ivory coast = cote d ivoire
    myanmar = burma
    iran = persia
    vatican = vatican city = holy see
    timor leste = east timor
    north macedonia = macedonia
    eswatini = swaziland
    netherlands = holland = the netherlands
    russia = russian federation
    soviet union = ussr
    """
)
"""Countries as people name them, each to GeoNames' name (the Soviet Union to itself)."""

AMBIGUOUS_IN_LOWER_CASE = frozenset({"chad", "guinea", "jersey", "reunion", "turkey"})
"""Countries whose lower-case word means something else on many subjects (a bird, a name,
a pig, a garment): counted only with a capital even in an all-lower-case answer."""

NEEDS_CAPITAL = frozenset({"us", "who", "sco", "oas", "un", "icc", "rok", "the states"})
"""Names that are also English words or common letters: counted only when capitalised."""

IRREGULAR_DEMONYMS = MappingProxyType(
    {
        "french": "france",
        "british": "united kingdom",
        "polish": "poland",
        "dutch": "netherlands",
        "swedish": "sweden",
        "danish": "denmark",
        "finnish": "finland",
        "turkish": "turkey",
        "spanish": "spain",
        "irish": "ireland",
        "swiss": "switzerland",
        "greek": "greece",
        "thai": "thailand",
        "czech": "czechia",
        "norwegian": "norway",
        "vietnamese": "vietnam",
        "japanese": "japan",
        "portuguese": "portugal",
        "lebanese": "lebanon",
        "afghan": "afghanistan",
        "pakistani": "pakistan",
        "iraqi": "iraq",
        "israeli": "israel",
        "saudi": "saudi arabia",
        "filipino": "philippines",
        "iranian": "iran",
        "cuban": "cuba",
        "peruvian": "peru",
        "omani": "oman",
        "malian": "mali",
    }
)
"""Adjectives of countries that do not begin with the country's name ("French", "Dutch");
the regular ones ("Russian", "Korean", "Hungarian") are found by `places.demonym_place`."""
