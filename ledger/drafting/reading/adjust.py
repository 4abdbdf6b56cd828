"""Money added to or taken off the goods' price: tax, freight, a purchase discount.

"5 SKU-77 damaged at $45 each plus tax" drafted $225.00 at 0.97, and "$45 each less 10%
discount" a write-down of $22.50 (the discount read as the goods' loss of value). The goods'
cost on the books depends on what the writer meant: whether a tax is recoverable, whether
freight was capitalised, what was paid after the discount. The rule for the family: a tax,
duty, freight or shipping charge, or a discount on what we paid, said beside the goods'
price (joined by plus / + / with / including / excluding / before / after / less / minus / net
of, or a discount named as the buyer's: trade, bulk, volume, supplier, early-payment) is an
amount-bearing part the reader does not resolve: it is quoted, and the draft stays below 0.9.
A reason said with those words ("damaged in shipping", "broken during delivery") is not one.
"""

from __future__ import annotations

import re

from ledger.drafting.reading.fast import twin_patterns

_IX = re.IGNORECASE | re.VERBOSE

# what joins a charge to the price
# what joins a charge to the price; "after", "before", "with" join only a tax or a discount,
# or a charge with its own amount: "crushed after delivery" tells when
_JOIN = r"""(?:\+|\bplus|\bincl(?:\.|uding|udes|usive\s+of)?|\binc\.?|\bexcl(?:\.|uding)?
    |\bex\.?|\bless|\bminus|\bnet\s+of|\bon\s+top\s+of|\bnot\s+counting)"""
_WHEN = r"(?:\bafter|\bbefore|\bwith|\bw/|\bwithout)"
_TAX = r"""(?:(?:sales\s+|state\s+|the\s+|import\s+|customs\s+)?(?:tax(?:es)?|vat|gst|hst|pst
    |dut(?:y|ies)|tariffs?|customs))\b"""
_FREIGHT = r"""(?:(?:the\s+|inbound\s+|outbound\s+)?
    (?:shipping(?:\s+(?:and|&)\s+handling)?|s\s*&\s*h|freight|delivery(?:\s+(?:fee|charge|cost))?|postage|carriage|handling(?:\s+(?:fee|charge))?
    |surcharges?|fuel\s+surcharge|courier\s+(?:fee|charge)))\b"""
_PCT = r"(?:\d+(?:\.\d+)?\s*(?:%|percent|pct)\s*)"
_DISCOUNT = r"(?:discount|rebate)s?\b"
_BUYERS = (
    r"(?:trade|bulk|volume|supplier|vendor|early[-\s]?payment|prompt[-\s]?payment|cash"
    r"|purchase|quantity|wholesale|loyalty|contract)"
)

_ARTICLE = r"(?:an?\s+|the\s+|our\s+|their\s+|a\s+further\s+)?"
_AMOUNT = r"(?:\$\s?\d[\d,.]*\s*|\d[\d,.]*\s*(?:dollars?|usd|bucks)\s+)"
_ADJUSTED = re.compile(
    rf"""{_JOIN}\s*{_ARTICLE}(?:\$?\s?\d[\d,.]*\s*)?
        (?:{_TAX}|{_FREIGHT}|{_PCT}?(?:{_BUYERS}\s+)?{_DISCOUNT})
      | {_WHEN}\s*{_ARTICLE}(?:{_TAX}|{_PCT}?(?:{_BUYERS}\s+)?{_DISCOUNT}|{_AMOUNT}{_FREIGHT})
      | (?<![\w-])(?:{_BUYERS})\s+{_DISCOUNT}
      | \b(?:we\s+)?(?:got|get|gets|given|gave\s+us|give\s+us|received)\s+(?:an?\s+)?{_PCT}
        (?:off|discount)""",
    _IX,
)
# a cheap look before the pattern: the words a match must hold (most messages hold none)
_KEYS = (
    "tax",
    "vat",
    "gst",
    "hst",
    "pst",
    "dut",
    "tarif",
    "custom",
    "ship",
    "s&h",
    "s & h",
    "freight",
    "deliver",
    "postage",
    "carriage",
    "handl",
    "surcharge",
    "courier",
    "discount",
    "rebate",
    "% off",
    "percent off",
    "pct off",
)
_ANY_KEY = re.compile("|".join(re.escape(k) for k in _KEYS))
_NUMBER = re.compile(r"\d")


def unclear(text: str) -> str | None:
    """A warning quoting a charge or a discount said beside the goods' price, else None."""
    if not _ANY_KEY.search(text.lower()) or not _NUMBER.search(text):
        return None
    m = _ADJUSTED.search(text)
    if m is None:
        return None
    said = " ".join(m.group(0).split())
    return (
        f"I did not understand '{said}': tax, freight or a discount on the price changes "
        "the goods' cost; check the amount"
    )


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
