"""The Slack form's answers -> Facts, directly: no English written for the parser to read back.

The form offers the reasons the policy table offers (`ledger.policy.form_reasons`); the chosen
option names a category and a reason word (`ledger.policy.form_reason`). `form_facts` turns the
filled-in fields into the same Facts the offline reader would have read from `form_text`, the
plain sentence kept as the draft's source text.
"""

from __future__ import annotations

from decimal import Decimal

from ledger.drafting.offline import normalise_sku
from ledger.drafting.types import Facts
from ledger.money import quantize
from ledger.policy import REASONS, Kind, Policy, ReasonTable, form_reason

FORM_UNIT = "units"  # the form asks for a count of units


def form_text(
    reason: str,
    *,
    sku: str = "",
    quantity: Decimal | None = None,
    unit_cost: Decimal | None = None,
    total: Decimal | None = None,
    location: str = "",
    reasons: ReasonTable = REASONS,
) -> str:
    """The form as one plain sentence ("40 units SKU-12 obsolete at $15 each from dock"). For a
    write-down the price is the new value per unit ("Write down 40 units SKU-12 to $9 each").
    KeyError for a reason value the form does not offer."""
    category, word = form_reason(reason, reasons)
    write_down = reasons[category].kind is Kind.WRITE_DOWN
    parts = []
    if write_down:
        parts.append(word[:1].upper() + word[1:])  # "Write down 40 units SKU-12 to $9 each"
    if quantity is not None:
        parts.append(f"{_plain(quantity)} {FORM_UNIT}")
    if sku.strip():
        parts.append(sku.strip())
    if not write_down:
        parts.append(word)
    if unit_cost is not None:
        parts.append(f"{'to' if write_down else 'at'} ${_plain(unit_cost)} each")
    elif total is not None:
        parts.append(f"totalling ${quantize(total):,.2f}")
    if location.strip():
        parts.append(f"from {location.strip()}")
    return " ".join(parts)


def form_facts(
    reason: str,
    *,
    sku: str = "",
    quantity: Decimal | None = None,
    unit_cost: Decimal | None = None,
    total: Decimal | None = None,
    location: str = "",
    policy: Policy | None = None,
) -> Facts:
    """The form's fields as Facts for `build_draft`. The reason is the table's, the SKU is
    normalised as the reader normalises it ("sku 12" -> "SKU-12"), and nothing is guessed: each
    value sits in the field that names it. KeyError for a reason the form does not offer."""
    reasons = policy.reasons if policy is not None else REASONS
    category, word = form_reason(reason, reasons)
    write_down = reasons[category].kind is Kind.WRITE_DOWN
    return Facts(
        source_text=form_text(
            reason,
            sku=sku,
            quantity=quantity,
            unit_cost=unit_cost,
            total=total,
            location=location,
            reasons=reasons,
        ),
        category=category,
        reason=word,
        sku=normalise_sku(sku),
        quantity=quantity,
        unit=FORM_UNIT if quantity is not None else None,
        unit_cost=None if write_down else unit_cost,
        total=total if unit_cost is None else None,
        new_unit_value=unit_cost if write_down else None,
        location=location.strip() or None,
    )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")  # normalize() turns 40 into 4E+1
