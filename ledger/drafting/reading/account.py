"""The whole-message account (issue 9, section 1).

After a request is read, every amount-bearing word of its text must be explained: used by the
reading (the quantity, a unit price, the total, a write-down price, a pack count, a percentage)
or recognised as something that is not an amount (a date, a reference, a SKU code, a place).
Whatever is left was not understood. A number or a fraction left over means the reading may
have dropped part of the amount: the draft is doubtful (below 0.5) and the card quotes the
words ("I did not understand '(6/pk)': check the quantity").

This is an independent check of the reading, not another reading: it compares the values the
text holds with the values the Facts use, so a phrasing the reader never met cannot come out
confident with part of its amount ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from ledger.drafting.reading.fast import lead, twin_patterns
from ledger.drafting.types import Facts
from ledger.money import MoneyError, parse_decimal

_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)"
)
# A number as typed, with what scales it: "1,200.50", "$2k", "2 grand", "75 cents", "forty two"
# ("two and a half grand": the half is the scaled number's, round 179)
_SCALE = (
    r"(?:(?P<half>\s+and\s+a\s+half)(?=\s+grand\b))?"
    r"(?P<scale>\s?(?:k|m|grand|thousand|million)\b)?(?P<cents>\s?(?:cents?\b|¢)|c\b)?"
)
_DIGITS = lead(
    r"\d.",
    rf"(?P<n>(?<![\w.#])(?<!\b[a-z]-)(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|\.\d+)(?![\d])){_SCALE}",
    re.IGNORECASE,
)
# "no one has bought them" is nobody, not a count of one
_WORDS = re.compile(
    rf"""(?P<n>\b(?<!\bno\s)(?<!\bno-)(?:an?\s+(?=(?:hundred|thousand|million|dozen)\b))?{_WORD}\b
               (?:(?:\s*-\s*|\s+(?:and\s+)?){_WORD}\b)*){_SCALE}""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD_HINT = lead("zotfsenhmd", rf"\b{_WORD}\b", re.IGNORECASE)
_FRACTION_HINTS = ("half", "quarter", "third", "fifth", "tenth", "gross", "score")
# Words that change a quantity without being a number: "half a dozen", "a quarter of them".
_FRACTION = re.compile(
    r"\b(?:half|halves|quarters?|thirds?|fifths?|tenths?|a\s+gross|gross\s+of|a\s+score)\b",
    re.IGNORECASE,
)
# "provided for last quarter", "this quarter's count": a period, not a share of the goods
_PERIOD_BEFORE = re.compile(
    r"\b(?:last|this|next|previous|prior|per|each|every|fiscal|that|current|same|the\s+(?:first"
    r"|second|third|fourth|last))\s+$",
    re.IGNORECASE,
)
_GRAND_AND_A = re.compile(r"\bgrand\s+and\s+a\s+$", re.IGNORECASE)
_HALF_GRAND = re.compile(r"\s+(?:a\s+)?grand\b", re.IGNORECASE)
# "dz", "doz" with no figure before it: a dozen, as "a dozen" is twelve
_BARE_DOZEN = re.compile(r"(?<![\d.,/])(?<!\d\s)\b(?:dz|doz)\b\.?", re.IGNORECASE)
_SCALES = {"k": 1000, "m": 1_000_000, "grand": 1000, "thousand": 1000, "million": 1_000_000}
_EDGE = " \t\n,.;:!?"


def used_values(facts: Facts) -> set[Decimal]:
    values = {
        facts.quantity,
        facts.unit_cost,
        facts.total,
        facts.new_unit_value,
        facts.reduction_per_unit,
        *facts.used,
    }
    return {v for v in values if v is not None}


def account_for(
    facts: Facts,
    text: str,
    skip: Iterable[tuple[int, int]] = (),
    used_words: Sequence[str] = (),
) -> Facts:
    """`facts` with a doubt for each amount-bearing part of `text` the reading did not use.

    `text` is the request's text with what is not an amount (dates, references) blanked;
    `skip` are spans the reader recognised as codes or places; `used_words` are fraction or
    pack words the reading applied ("half", "dozen")."""
    spans = list(skip)
    used = used_values(facts)
    dropped: list[str] = []
    tokens = list(_DIGITS.finditer(text))
    if _WORD_HINT.search(text):  # number words are rare: the slow pattern only when present
        tokens.extend(_WORDS.finditer(text))
    for m in tokens:
        if _inside(m.span("n"), spans):
            continue
        values = _values(m)
        if not values:
            continue
        if values & used:
            continue
        dropped.append(_quote(text, m.start(), m.end()))
    applied = {w.lower() for w in used_words}
    low = text.lower()
    hinted = any(h in low for h in _FRACTION_HINTS)
    fractions = _FRACTION.finditer(text) if hinted else iter(())
    for m in fractions:
        if _inside(m.span(), spans) or m.group(0).split()[-1].lower() in applied:
            continue
        word = m.group(0).lower()
        if word == "half" and text[max(0, m.start() - 3) : m.start()].lower() == "in ":
            continue  # "snapped in half", "cut in half": how the goods broke, not a share
        if word == "half" and _GRAND_AND_A.search(text, max(0, m.start() - 16), m.start()):
            continue  # "a grand and a half": $1,500, read with the money
        if word == "half" and _HALF_GRAND.match(text, m.end()):
            continue  # "two and a half grand", "half a grand": read with the money
        if m.group(0).lower().startswith("quarter") and _PERIOD_BEFORE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue
        dropped.append(_quote(text, m.start(), m.end()))
    if "dz" in low or "doz" in low:
        # ("dz pair of TIG gloves": a dozen with no figure before it, read as one pair)
        for m in _BARE_DOZEN.finditer(text):
            if Decimal(12) not in used and not applied & {"dozen", "dz", "doz"}:
                dropped.append(_quote(text, m.start(), m.end()))
    if not dropped:
        return facts
    doubts = [f"I did not understand '{q}': check the {_what(q)}" for q in dict.fromkeys(dropped)]
    return replace(facts, doubts=(*facts.doubts, *doubts))


def _values(m: re.Match[str]) -> set[Decimal]:
    raw = m.group("n").strip().lower().replace("fourty", "forty")
    try:
        # digits are the common case: no need for the number-word parser
        value = Decimal(raw.replace(",", "")) if raw[:1].isdigit() else parse_decimal(raw)
    except (MoneyError, InvalidOperation):
        return set()
    if m.group("half"):
        value += Decimal("0.5")
    out = {value}
    scale = (m.group("scale") or "").strip().lower()
    if scale:
        out.add(value * _SCALES[scale])
    if m.group("cents"):
        out.add(value / 100)
    return out


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _quote(text: str, start: int, end: int) -> str:
    """The words around a token as the writer typed them: its whole chunk between spaces."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return " ".join(text[start:end].strip(_EDGE).split())


def _what(quote: str) -> str:
    return "amount" if "$" in quote or "%" in quote else "quantity"


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
