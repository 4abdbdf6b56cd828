"""Money: Decimal only, half-up to cents, stored as integer cents.

One parser for amounts the way people write them ("$1,200.50", "3.5k", "USD 75",
"15 dollars", "twelve dollars"). Anything else is refused with a clear message.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


class MoneyError(ValueError):
    """An amount that cannot be read, or is not allowed where it was given."""


def quantize(value: Decimal) -> Decimal:
    """Round to cents, half-up (what people expect on invoices)."""
    if not isinstance(value, Decimal):
        raise TypeError(f"money must be Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise MoneyError("amount is not a finite number")
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(value: Decimal) -> int:
    return int(quantize(value) * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(int(cents)) / 100).quantize(CENT)


def format_money(value: Decimal, currency: str = "USD") -> str:
    """'$1,200.50' for USD, '1,200.50 EUR' otherwise."""
    q = quantize(value)
    sign = "-" if q < 0 else ""
    body = f"{abs(q):,.2f}"
    if currency == "USD":
        return f"{sign}${body}"
    return f"{sign}{body} {currency}"


_UNITS = {
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
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"a", "an", "and"}
NUMBER_WORDS |= {"dozen"}


def parse_number_words(text: str) -> Decimal | None:
    """'twenty', 'forty-two', 'a dozen', 'two hundred and five' -> Decimal; None if not words."""
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w]
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    if words in (["a", "dozen"], ["dozen"], ["one", "dozen"]):
        return Decimal(12)
    total = 0
    current = 0
    seen_number = False
    for w in words:
        if w in ("a", "an"):
            current = max(current, 1)
            continue
        if w == "and":
            continue
        seen_number = True
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[w]
            current = 0
    if not seen_number:
        return None
    return Decimal(total + current)


_NUMERIC = re.compile(
    r"""^(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?P<suffix>[km])?$""",
    re.IGNORECASE,
)
_CURRENCY_PREFIX = re.compile(r"^(?:usd|us\$|\$)\s*", re.IGNORECASE)
_CURRENCY_SUFFIX = re.compile(r"\s*(?:usd|dollars?|bucks)$", re.IGNORECASE)


def parse_decimal(text: str) -> Decimal:
    """A plain positive-or-zero number as people type it: '1,200.5', '.45', '3.5k', 'twelve'.

    Refuses scientific notation, NaN, infinity, signs and malformed numbers.
    """
    raw = text.strip()
    if not raw:
        raise MoneyError("no number given")
    if not (raw[0].isdigit() or raw[0] == "."):  # digits are never number words
        words = parse_number_words(raw)
        if words is not None:
            return words
    m = _NUMERIC.match(raw)
    if not m:
        if raw.startswith("-"):
            raise MoneyError(f"'{text}' is negative; a positive number is needed")
        raise MoneyError(f"'{text}' is not a number I can read")
    try:
        value = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid forms
        raise MoneyError(f"'{text}' is not a number I can read") from exc
    suffix = (m.group("suffix") or "").lower()
    if suffix == "k":
        value *= 1000
    elif suffix == "m":
        value *= 1_000_000
    return value


def parse_amount(text: str, *, positive: bool = True) -> Decimal:
    """An amount of money: '$1,200.50', 'USD 75', '15 dollars', '$20k' -> Decimal cents.

    With positive=True (the default) zero is refused too.
    """
    raw = text.strip()
    if raw.startswith("-") or raw.startswith("$-") or raw.startswith("($"):
        raise MoneyError(f"'{text}' is negative; an amount must be positive")
    body = _CURRENCY_SUFFIX.sub("", _CURRENCY_PREFIX.sub("", raw)).strip()
    value = quantize(parse_decimal(body))
    if positive and value <= 0:
        raise MoneyError(f"'{text}' is zero (in cents); an amount must be positive")
    return value
