"""A correction written in a card's thread: "make that 30", "they were $9 each", "actually 12
units", "$450 in total", "they were damaged". Pure: no I/O.

`read_correction` reads what the reply changes (a quantity, a unit cost, a total, a reason),
`corrected_facts` applies it to the draft's stored facts, and build_draft makes the new draft:
amounts recomputed, accounts from the policy. A reply with no number and no reason word is
chatter (None); a number it cannot place is a question back, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ledger.drafting.types import Facts
from ledger.policy import Category, Policy

_MENTION = re.compile(r"<[@#!][^>]*>")
# A code such as SKU-12 or B7: its digits are not a quantity.
_CODE = re.compile(r"\b[A-Za-z]+[-_]?\d[\w-]*\b")
_MONEY = re.compile(
    r"(?:\$\s?(?P<a>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<ac>\d{1,4}))?(?P<k>k\b)?)"
    r"|(?:\b(?P<b>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<bc>\d{1,4}))?\s*(?:dollars|bucks|usd)\b)",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"(?<![\w.,/])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w.,]*\d)(?!\s*%)(?!\s*/\s*\d)"
)
# Letters that look like digits inside a number: "4OO", "1l0", "$5O"
_LOOK_ALIKE = re.compile(r"(?<![A-Za-z])\$?\d*(?:\d[OoIl]|[OoIl]\d)[\dOoIl]*(?![A-Za-z])")
_EACH = re.compile(
    r"^\s*(?:each|ea\b|apiece|a piece|per\s+(?:unit|piece|pc|item|one|each|case|box|bag)"
    r"|a unit|/\s*(?:unit|ea|pc|each)|a pop|per)",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(
    r"^\s*(?:in total|total|altogether|all together|in all|overall|all in|for all|for the lot)",
    re.IGNORECASE,
)
_PRICE_BEFORE = re.compile(
    r"\b(?:unit\s+)?(?:price|cost|costs|priced|costed)\s*(?:was|is|were|are|of|at|=|:)?\s*$",
    re.IGNORECASE,
)
_NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozen|half)\b",
    re.IGNORECASE,
)
# Words that make a reply a correction rather than chatter.
_CUE = re.compile(
    r"\b(?:make|made|actually|should|was|were|is|it's|only|just|not|each|total|units?|"
    r"qty|quantity|count|price|cost)\b",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(r"(?:total|totals|altogether|worth|all)\s*(?:of|was|is|=|:)?\s*$", re.I)
_AT_BEFORE = re.compile(r"\b(?:at|@)\s*$", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\bnot\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Correction:
    """What a thread reply changes. `problem`: it has numbers but could not be read safely
    (the plain words to answer with)."""

    quantity: Decimal | None = None
    unit_cost: Decimal | None = None
    total: Decimal | None = None
    category: Category | None = None
    reason: str | None = None
    problem: str | None = None

    @property
    def changes(self) -> bool:
        return self.problem is None and any(
            v is not None for v in (self.quantity, self.unit_cost, self.total, self.category)
        )

    def describe(self, currency_symbol: str = "$") -> str:
        """'quantity 30, unit cost $9.00' for the reply and the audit trail."""
        parts = []
        if self.quantity is not None:
            parts.append(f"quantity {format(self.quantity.normalize(), 'f')}")
        if self.unit_cost is not None:
            parts.append(f"unit cost {currency_symbol}{self.unit_cost:,.2f}")
        if self.total is not None:
            parts.append(f"total {currency_symbol}{self.total:,.2f}")
        if self.category is not None:
            parts.append(f"reason {self.reason or self.category.value}")
        return ", ".join(parts)


def _dec(whole: str, cents: str | None) -> Decimal:
    return Decimal(whole.replace(",", "") + (f".{cents}" if cents else ""))


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _reason(text: str, policy: Policy) -> tuple[Category, str] | None:
    """The first reason (by the table's priority) whose phrase is in the reply."""
    lowered = text.lower()

    def found(phrase: str) -> bool:
        pattern = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", phrase.lower()))
        return re.search(rf"(?<![a-z]){pattern}(?![a-z])", lowered) is not None

    for spec in policy.reasons.by_priority:
        for group in spec.words:
            # Words that count only beside others ("more" only in a count) need those too.
            if group.near and not any(found(n) for n in group.near):
                continue
            for phrase in group.phrases:
                if found(phrase):
                    return spec.category, phrase
    return None


def read_correction(
    text: str,
    policy: Policy,
    *,
    has_quantity: bool,
    has_unit_cost: bool,
    has_reason: bool = True,
) -> Correction | None:
    """What `text` changes in a draft that has (or lacks) a quantity, a unit cost, a reason.

    A reason word changes the reason only when the draft lacks one or the reply reads as a
    correction ("they were stolen"): the lexicon holds everyday words ("more", "short")."""
    work = _MENTION.sub(" ", text)
    odd = _LOOK_ALIKE.search(work)
    if odd:
        return Correction(
            problem=f"I could not read '{odd.group(0)}' as a number (a letter among the "
            "digits?). Reply again with digits only, e.g. 'make that 30' or '$9 each'."
        )
    has_code = bool(_CODE.search(work))
    work = _CODE.sub(lambda m: " " * len(m.group(0)), work)
    reason = _reason(work, policy) if (not has_reason or _CUE.search(work)) else None
    unit_costs: list[Decimal] = []
    totals: list[Decimal] = []
    bare: list[Decimal] = []
    for m in _MONEY.finditer(work):
        value = _dec(m.group("a") or m.group("b"), m.group("ac") or m.group("bc"))
        if m.group("k"):
            value *= 1000
        before, after = work[: m.start()], work[m.end() :]
        if _EACH.match(after):
            unit_costs.append(value)
        elif _TOTAL_AFTER.match(after) or _TOTAL_BEFORE.search(before):
            totals.append(value)
        elif _AT_BEFORE.search(before) or _PRICE_BEFORE.search(before):
            unit_costs.append(value)  # "40 units at $15": the reader's own convention
        else:
            bare.append(value)
        work = _blank(work, m.start(), m.end())
    quantities = [
        _dec(m.group(1), m.group(2))
        for m in _NUMBER.finditer(work)
        if not _NOT_BEFORE.search(work[: m.start()])  # "30, not 40"
    ]
    if reason is None and not (unit_costs or totals or bare or quantities):
        if re.search(r"\d", work):
            return Correction(problem=_UNSURE)
        if _NUMBER_WORDS.search(work) and _CUE.search(work):
            return Correction(problem=_DIGITS)
        if has_code:
            return Correction(problem=_SKU)
        return None  # chatter: "thanks", "on it"
    if len(unit_costs) > 1 or len(totals) > 1 or len(quantities) > 1 or len(bare) > 1:
        return Correction(problem=_UNSURE)
    if quantities and _RELATIVE.search(work):
        return Correction(problem=_IN_ALL)
    if bare:
        if not has_unit_cost and not totals and (has_quantity or quantities):
            unit_costs = bare
        elif not has_quantity and not quantities and not unit_costs:
            totals = bare
        else:
            amount = f"${bare[0]:,.2f}"
            return Correction(
                problem=f"Is {amount} the cost of each unit or the total? Reply "
                f"'{amount} each' or '{amount} in total'."
            )
    values = [*unit_costs, *totals, *quantities]
    if any(v <= 0 for v in values):
        return Correction(problem="Quantities and prices must be more than zero.")
    return Correction(
        quantity=quantities[0] if quantities else None,
        unit_cost=unit_costs[0] if unit_costs else None,
        total=totals[0] if totals else None,
        category=reason[0] if reason else None,
        reason=reason[1] if reason else None,
    )


# "2 more", "another 5": relative to what? The reply must give the new count itself.
_RELATIVE = re.compile(
    r"\b(?:more|extra|another|additional|plus|fewer|less|minus|on top)\b", re.IGNORECASE
)
_IN_ALL = (
    "Is that the count in all, or in addition to the draft's? Reply with the new count, "
    "e.g. 'make that 32'."
)
_DIGITS = (
    "Please write the number in digits so I read it exactly, e.g. 'make that 30' or '$9 each'."
)
_SKU = (
    "I can change the quantity, the price or the reason from a reply; to change the SKU, "
    "an approver can use Edit (or report it again)."
)
_UNSURE = (
    "I could not tell what to change. Reply with one change, e.g. 'make that 30', "
    "'$9 each' or '$450 in total'."
)


def _num(details: Mapping[str, Any], key: str) -> Decimal | None:
    value = details.get(key)
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def stored_facts(source_text: str, details: Mapping[str, Any]) -> Facts:
    """The facts of a saved draft (its details JSON, Draft.to_json's shape). A stated total
    is the amount of a draft that has no quantity x unit cost."""
    # a reason the draft assumed ("no reason given") is not the message's: a reply may give it
    category = None if details.get("reason_assumed") else details.get("category")
    quantity, unit_cost = _num(details, "quantity"), _num(details, "unit_cost")
    amount = _num(details, "amount")
    total = amount if amount is not None and (quantity is None or unit_cost is None) else None
    return Facts(
        source_text=source_text,
        category=Category(category) if category else None,
        reason=details.get("reason"),
        sku=details.get("sku"),
        quantity=quantity,
        unit=details.get("unit"),
        unit_cost=unit_cost,
        total=total,
        location=details.get("location"),
    )


def corrected_facts(facts: Facts, c: Correction) -> Facts:
    """The facts with the correction applied: a new unit cost or total replaces the old
    price (the amount is then recomputed), a new quantity the old quantity."""
    out = facts
    if c.quantity is not None:
        out = replace(out, quantity=c.quantity)
        if out.unit_cost is not None:
            out = replace(out, total=None)  # quantity x unit cost again
    if c.unit_cost is not None:
        out = replace(out, unit_cost=c.unit_cost, total=None)
    if c.total is not None:
        out = replace(out, total=c.total, unit_cost=None)
    if c.category is not None:
        out = replace(out, category=c.category, reason=c.reason)
    return out
