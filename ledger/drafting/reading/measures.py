"""Goods sold by length, weight or volume: "35 ft of hose", "a reel, 250 ft on it", "2 bolts
(15 yd/bolt)", an item list that prices "per ft".

A count in a measure is a count only of goods priced by that measure: 35 ft of hose priced
per foot is 35 x the price, of hose priced per reel it is part of one reel. The reader reads
the measure; the item list's name says what the price is per.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ledger.drafting.reading.fast import twin_patterns

# each measure word to one name, for comparing a message's measure with an item list's
_MEASURE = {
    "ft": "foot", "foot": "foot", "feet": "foot", "lf": "foot", "yd": "yard", "yds": "yard",
    "yard": "yard",
    "yards": "yard", "m": "metre", "meter": "metre", "metre": "metre", "meters": "metre",
    "metres": "metre", "lb": "pound", "lbs": "pound", "pound": "pound", "pounds": "pound",
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "gal": "gallon", "gallon": "gallon",
    "gallons": "gallon", "oz": "ounce", "ounce": "ounce", "ounces": "ounce", "l": "litre",
    "liter": "litre", "litre": "litre", "liters": "litre", "litres": "litre", "ltr": "litre",
    "ltrs": "litre", "in": "inch",
    "inch": "inch", "inches": "inch", "qt": "quart", "qts": "quart", "quart": "quart",
    "quarts": "quart", "pint": "pint", "pints": "pint", "ton": "ton", "tons": "ton",
    # (a jeweller's gold chain "per gram"; "g" alone only beside such goods: see grams())
    "gram": "gram", "grams": "gram", "gm": "gram", "gms": "gram",
    # (a chandler's chain and rode: "3 fathoms of CHN-516-G4" priced per foot, round 157)
    "fathom": "fathom", "fathoms": "fathom",
}  # fmt: skip
_MEASURE.update({name: name for name in set(_MEASURE.values())})  # ("gallon" names itself)
# how many of the second measure one of the first is, where it is exact
_EXACT = {
    ("quart", "gallon"): Decimal("0.25"), ("pint", "gallon"): Decimal("0.125"),
    ("pint", "quart"): Decimal("0.5"), ("gallon", "quart"): Decimal(4),
    ("ounce", "pound"): Decimal("0.0625"), ("pound", "ounce"): Decimal(16),
    ("yard", "foot"): Decimal(3), ("foot", "inch"): Decimal(12), ("yard", "inch"): Decimal(36),
    ("pound", "ton"): Decimal("0.0005"), ("ton", "pound"): Decimal(2000),
    ("kg", "gram"): Decimal(1000), ("gram", "kg"): Decimal("0.001"),
    ("fathom", "foot"): Decimal(6), ("fathom", "yard"): Decimal(2),
}  # fmt: skip
# the measure words of a message, longest first ("in" only where a number stands before it)
UNIT = "(?:" + "|".join(sorted(_MEASURE, key=len, reverse=True)) + ")"

# An item list's name that says the price is per a measure: "Air hose, per ft", "Ribbon /yd",
# "Fabric - by the yard", "Chain, a foot". "Pipe, 10 ft length" is priced per length.
_PRICED_PER = re.compile(
    # ("per linear ft", "by the running foot": a length; "per sq ft" is an area, not read)
    # ("marine epoxy resin, gallon": the measure said last, after a comma, is what is priced)
    r"(?:\b(?:per|by\s+the|a)\s+(?:(?:linear|lineal|running)\s+)?|/\s*|,\s*(?=\w+\s*$))(?P<u>"
    + "|".join(sorted((w for w in _MEASURE if w != "in"), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


# ("1,500 g": thousands with their commas)
_G_GLUED = re.compile(
    r"(?<![\w.$,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?g\b(?![-/])", re.IGNORECASE
)


def grams(text: str) -> str:
    """`text` with "6.5g", "12.8 g" written "6.5 grams": said of goods priced per gram (a
    paint store's "5G" is five gallons, so only where the item list prices by the gram)."""
    return _G_GLUED.sub(r"\1 grams", text)


def measure(unit: str | None) -> str | None:
    """The measure a unit word names ("ft", "feet" -> "foot"), or None for a count."""
    return _MEASURE.get((unit or "").lower().rstrip("."))


_HOLDER_WORDS = (
    r"(?:bag|sack|roll|spool|coil|reel|jug|drum|pail|bucket|tub|bottle|jar|tote|bale|keg"
    r"|barrel|cylinder|tank|jib|box|case|carton|pack|bundle|bolt|tube|can"
    # (a deli's and cheesemonger's: "Mild cheddar 40 lb block", "Parmesan 80 lb wheel")
    r"|block|loaf|wheel|log|chub"
    # (a distributor's short words: "SWEET POTATO 40LB CS", "BACON LAYFLAT 15LB CS")
    r"|cs|ctn|bx)(?!\s*/)"  # ("16.4OZ CS/12": each holds 16.4 oz, twelve to the case)
)
_HOLDER_SIZE = re.compile(
    # ("CHKN BRST BNLS 4/10LB CS": four bags of ten pounds, forty to the case)
    rf"(?<![\w./])(?P<k>\d+)\s*/\s*(?P<n3>\d+(?:\.\d+)?)\s*-?\s*(?P<u3>{UNIT})\.?\s+"
    rf"(?:[a-z]+\s+)?(?:{_HOLDER_WORDS})\b"
    rf"|(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s*-?\s*(?P<u>{UNIT})\.?\s+(?:[a-z]+\s+)?(?P<h>{_HOLDER_WORDS})\b"
    # ("Braided Elastic 3/4in, roll 50 yd", "Kona Cotton White, bolt 15 yd": a roll's or a
    # bolt's length said after it without "of"; round 228)
    rf"|\b(?P<h2>{_HOLDER_WORDS})\s+(?:of\s+|(?<=roll\s)|(?<=bolt\s)|(?<=spool\s)|(?<=coil\s)"
    rf"|(?<=reel\s))(?P<n2>\d+(?:\.\d+)?)\s*-?\s*(?P<u2>{UNIT})\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def holder_size(name: str) -> tuple[Decimal, str] | None:
    """The measure an item list's holder holds ("Soybeans, 50 lb bag" -> 50 pound; "Barbed
    wire, 1320 ft roll" -> 1320 foot), when the name says it; else None."""
    m = _HOLDER_SIZE.search(name)
    if m is None:
        return None
    if m.group("k"):  # ("4/10LB CS": four of ten pounds)
        size, u = Decimal(m.group("k")) * Decimal(m.group("n3")), m.group("u3")
    elif m.group("n"):
        size, u = Decimal(m.group("n")), m.group("u")
    else:
        size, u = Decimal(m.group("n2")), m.group("u2")
    unit = measure(u)
    return (size, unit) if unit and size > 0 else None


# how many of the first measure make one of the second, where the share has no exact decimal
# ("30 inch" is 2.5 foot; "16 inch" is 1.333... foot, not exact: asked)
_PARTS = {("inch", "foot"): 12, ("inch", "yard"): 36, ("foot", "yard"): 3}


def convert(quantity: Decimal, said: str, priced_by: str) -> Decimal | None:
    """`quantity` of the measure `said` in the measure `priced_by`, where one is an exact
    multiple of the other ("3 quart" is 0.75 gallon), else None."""
    factor = _EXACT.get((said, priced_by))
    if factor is not None:
        return (quantity * factor).normalize()
    parts = _PARTS.get((said, priced_by))
    if parts is None or (quantity * 10**4) % parts:
        return None
    return (quantity / parts).normalize()


@lru_cache(maxsize=4096)  # (an item list's names: a fixed list, read for every message)
def priced_per(name: str) -> str | None:
    """The measure an item list's name says the item is priced by ("per ft" -> "foot")."""
    m = _PRICED_PER.search(name)
    return _MEASURE[m.group("u").lower()] if m else None


# -- feet and inches as people type them ------------------------------------------------------
# "16\" of chain", "20' sticks", "5 ft 6 in": the marks and the pair written as the reader's
# words ("16 inches", "20 ft", "5.5 ft"), so the measure is read and turned into the list's
_INCH_MARK = re.compile(
    r"(?<![\w.$])(\d+(?:\.\d+)?)\s*(?:\"|\u201d|\u2033)(?=\s*(?:of\b|[-,.)]|\s+[A-Za-z]))"
)
_FOOT_MARK = re.compile(
    r"(?<![\w.$])(\d+(?:\.\d+)?)\s*(?:'|\u2019|\u2032)(?=\s*(?:of\b|sticks?\b|lengths?\b"
    r"|pieces?\b|sections?\b|each\b|long\b|[-,.)]"
    # ("(500'/spool)", "(500' ea)", "a 250' reel"): feet on what holds them
    r"|/|ea\b|per\b|on\s+(?:it|each|the)\b|(?:spools?|reels?|coils?|rolls?|bundles?)\b))",
    re.IGNORECASE,
)
_FEET_INCHES = re.compile(
    r"(?<![\w.$])(\d+)\s*(?:ft|feet|foot)\.?\s*(\d{1,2})\s*(?:in(?!\s+(?:the|a|an|our|my|bay|bin"
    r"|aisle|stock|storage|back|front)\b)|inches|inch)\b\.?",
    re.IGNORECASE,
)


def spelled(text: str) -> str:
    """`text` with inch and foot marks and "5 ft 6 in" written as measures the reader reads."""
    if not any(ch in text for ch in "\"'\u201d\u2033\u2019\u2032") and "in" not in text:
        return text
    text = _FEET_INCHES.sub(_feet_and_inches, text)
    text = _INCH_MARK.sub(r"\1 inches", text)
    return _FOOT_MARK.sub(r"\1 ft", text)


def _feet_and_inches(m: re.Match[str]) -> str:
    inches = int(m.group(2))
    if inches >= 12 or (inches * 10**4) % 12:
        return m.group(0)  # "5 ft 7 in": no exact decimal of a foot; left as said
    return f"{(Decimal(m.group(1)) + Decimal(inches) / 12).normalize()} ft"


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
