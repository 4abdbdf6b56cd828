"""Messages that are not write-off requests although they hold numbers: questions, payments
and refunds, stock received or moved, figures quoted from the past. Each gets a short answer
saying what the bot does, never a draft."""

from __future__ import annotations

import re

from ledger.drafting.reading.fast import lead

_I = re.IGNORECASE
DOES = (
    "I draft inventory write-offs. Try: '40 units obsolete SKU-12 at $15' or "
    "'Write off $2,400 of damaged inventory from warehouse B'."
)
_QUESTION = re.compile(
    r"""^\s*(?:how|what|what's|whats|why|when|where|who|whose|which|is|are|was|were|did|does
        |do|has|have|should|shall|will|would|am
        |(?:can|could|may)\s+(?:we|i|they|he|she|someone)
        |(?:can|could|would)\s+you\s+(?!(?:please\s+)?(?:write|w/o|post|draft|book|record
            |remove|scrap|dispose|toss|bin|adjust|take)\b)
        |remind\s+me|tell\s+me|any\s+idea|wondering|quick\s+question|question)\b""",
    _I | re.VERBOSE,
)
_MONEY_MOVED = lead(
    "rpcisdtvf",
    r"""\b(?:refund(?:ed|s|ing)?|reimburs\w*|petty\s+cash|cash\s+(?:refund|payment|sale)
        |payments?|paid\s+(?:the|a|our|their)\s+(?:supplier|vendor|customer|invoice|bill|driver)
        |invoiced?|sold|selling\s+to|sale\s+to|deposit(?:ed)?|payroll|tip|chargeback
        |(?:vendor|supplier)\s+credit|credit\s+(?:note|memo)|rebate|for\s+(?:a\s+)?credit
        |return(?:ed|ing)?\s+(?:\w+\s+){0,4}to\s+(?:the\s+)?(?:vendor|supplier|manufacturer)
        |return\s+to\s+vendor|rtv)\b""",
    _I | re.VERBOSE,
    word=True,
)
# Money words that need no reason word beside them to mean a payment: "customer paid $300".
_PAID = re.compile(
    r"\b(?:paid|pays?|payed|cash\s+(?:in|out)|charged\s+(?:the\s+)?(?:customer|card)|bought"
    r"|purchased|for\s+sale|on\s+sale)\b",
    _I,
)
_STOCK_MOVED = re.compile(
    r"""\b(?:received|receiving|restock(?:ed|ing)?|re-stock(?:ed)?|ordered|reorder(?:ed)?
        |order\s+(?:more|another)|transfer(?:red|ring)?|moved?\s+(?:\w+\s+)?(?:from|to)
        |shipped|put\s+away|cycle\s+count\s+(?:is\s+)?(?:done|scheduled)|meeting)\b""",
    _I | re.VERBOSE,
)
_PAST_FIGURE = re.compile(
    r"""\b(?:last|previous|prior)\s+(?:month|week|quarter|year)'?s?\b[^.?!\n]*
        \b(?:wrote\s+off|written\s+off|we\s+had|was|were|came\s+to|totall?ed)\b
      | \b(?:wrote\s+off|written\s+off|we\s+had|was|were)\b[^.?!\n]*
        \b(?:last|previous|prior)\s+(?:month|week|quarter|year)\b""",
    _I | re.VERBOSE,
)
# "the count for SKU-12 is 400 now": a stock figure, news rather than a request
_STOCK_FIGURE = re.compile(
    r"\b(?:count|on\s+hand|stock\s+level|inventory|balance)\b[^.?!\n]{0,40}"
    r"\b(?:is|are|shows?|reads?|at|now)\s+\d",
    _I,
)
_WRITE_OFF = re.compile(r"\bwrite[-\s]?(?:it\s+|them\s+)?off\b|\bw/o\b|\bwriteoff\b", _I)
_ASKS = re.compile(r"\b(?:please|pls|plz|write\s+(?:it|them|this|these)?\s*off|w/o)\b", _I)


def answer(text: str, has_reason: bool) -> str | None:
    """A short answer when `text` is not a write-off request, else None. `has_reason`: the
    text names a reason of the policy table (damaged, stolen...)."""
    stripped = text.strip()
    if "?" in stripped and _QUESTION.search(stripped):
        return "That reads like a question, not a write-off request. " + DOES
    if _MONEY_MOVED.search(stripped) and not (has_reason and _ASKS.search(stripped)):
        return "That reads like a payment, sale or refund, not a write-off. " + DOES
    if not has_reason and _PAID.search(stripped):
        return "That reads like a payment or a purchase, not a write-off. " + DOES
    if not has_reason and _STOCK_FIGURE.search(stripped) and not _WRITE_OFF.search(stripped):
        return "That reads like a stock figure, not a write-off. " + DOES
    if not has_reason and _STOCK_MOVED.search(stripped):
        return "That reads like stock received, ordered or moved, not a write-off. " + DOES
    if _PAST_FIGURE.search(stripped) and not _ASKS.search(stripped):
        return "That reads like a figure from the past, not a new write-off. " + DOES
    return None
