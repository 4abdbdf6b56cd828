"""Immutable values that flow through drafting: what was read (Facts), what was drafted (Draft)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ledger.money import quantize
from ledger.policy import Category, Kind, Policy

# How a reading says it guessed the goods or their count (the card shows it; a message's other
# parts are never sure beside such a part: build.whole_message).
NO_COUNT_GIVEN = "No count given"
BY_ITS_NAME = "by its name in the item list"
# ... or left goods it names undrafted: "thieves got 2 X and a Y, and smashed 1 Z" read as
# two parts, the second drafting Y alone
SKUS_LEFT_OUT = "The message names several SKUs"


class DraftError(ValueError):
    """The text cannot become a draft; the message says what is needed, in plain words."""


@dataclass(frozen=True)
class Guess:
    """Something the reader was not sure of: lowers confidence by `penalty` and tells why."""

    message: str
    penalty: float


@dataclass(frozen=True)
class Facts:
    """What one write-off request says, before any policy is applied.

    Produced by the offline parser or by Claude; turned into a Draft by build_draft.
    """

    source_text: str
    category: Category | None = None
    reason: str | None = None  # the word that named the reason, e.g. "obsolete"
    sku: str | None = None  # normalised: upper case with a hyphen, "SKU-12"
    quantity: Decimal | None = None
    unit: str | None = None  # "units", "cases", "lbs"...
    unit_cost: Decimal | None = None  # stated price per unit (cost for a write-down)
    total: Decimal | None = None  # stated total amount
    new_unit_value: Decimal | None = None  # write-down: NRV per unit
    reduction_per_unit: Decimal | None = None  # write-down: "by $3 per unit"
    # write-down: "by 25%" / "by half" of a cost the text does not state (the item list's)
    reduction_fraction: Decimal | None = None
    location: str | None = None
    guesses: tuple[Guess, ...] = ()
    errors: tuple[str, ...] = ()  # bad input seen (negative quantity...): never confident
    # The whole-message account (issue 9): every amount-bearing word is used or reported.
    unclear: tuple[str, ...] = ()  # words not understood that may change the entry: < 0.9
    doubts: tuple[str, ...] = ()  # hedges, "A or B", dropped amounts: below 0.5
    notes: tuple[str, ...] = ()  # how the reading was made ("3 cases x 12 per case = 36")
    used: tuple[Decimal, ...] = ()  # other numbers the reading used (pack counts, percents)
    # unit_cost was read from an amount that could as well be the total ("20 units $300")
    price_or_total: bool = False
    # the containers counted when the quantity was multiplied out of them ("3 ctn (150/ctn)":
    # ("carton", 3)), for an item the item list prices by the carton
    containers: tuple[tuple[str, Decimal], ...] = ()
    # the items the goods' words could name, none named more fully ("2 chemex brewers" of a
    # Chemex coffeemaker and Chemex filters): a price that is one of theirs picks it
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class AccountInfo:
    code: str
    name: str
    type: str = ""
    active: bool = True


@dataclass(frozen=True)
class ItemInfo:
    sku: str
    name: str
    unit_cost: Decimal


@dataclass(frozen=True)
class DraftContext:
    chart: Mapping[str, AccountInfo]
    items: Mapping[str, ItemInfo] = field(default_factory=dict)
    policy: Policy = field(default_factory=Policy)
    usual_amount: Decimal | None = None  # e.g. the median posted write-off; None when unknown
    today: date | None = None


@dataclass(frozen=True)
class DraftLine:
    account: str
    name: str
    debit: Decimal
    credit: Decimal
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "name": self.name,
            "debit": str(quantize(self.debit)),
            "credit": str(quantize(self.credit)),
        }


@dataclass(frozen=True)
class Draft:
    source_text: str
    kind: Kind
    category: Category | None
    reason: str | None
    sku: str | None
    quantity: Decimal | None
    unit: str | None
    unit_cost: Decimal | None
    location: str | None
    amount: Decimal | None
    lines: tuple[DraftLine, ...]
    confidence: float
    explanation: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    memo: str = ""
    # no reason was given: drafted as a routine loss, never confident, the card says so
    reason_assumed: bool = False
    # The quantity in the unit the item list (and QuickBooks' item) counts, when the message
    # counts something else: "18 cans" of a case-of-12 line is 1.5 cases. None: `quantity`
    # is already in the item's unit. A QuickBooks InventoryAdjustment moves this many.
    item_quantity: Decimal | None = None

    @property
    def complete(self) -> bool:
        """Postable as drafted: nothing missing, at least two lines, balanced."""
        if self.missing or len(self.lines) < 2:
            return False
        return sum(ln.debit for ln in self.lines) == sum(ln.credit for ln in self.lines)

    def to_json(self) -> dict[str, Any]:
        """The stable `writeoff draft --json` shape: amounts and quantities are strings."""
        return {
            "kind": self.kind.value,
            "reason": self.reason,
            "category": self.category.value if self.category else None,
            "sku": self.sku,
            "quantity": _num(self.quantity),
            "unit": self.unit,
            "unit_cost": str(quantize(self.unit_cost)) if self.unit_cost is not None else None,
            "location": self.location,
            "amount": str(quantize(self.amount)) if self.amount is not None else None,
            "lines": [ln.to_json() for ln in self.lines],
            "confidence": self.confidence,
            "explanation": list(self.explanation),
            "warnings": list(self.warnings),
            "missing": list(self.missing),
            "memo": self.memo,
            "reason_assumed": self.reason_assumed,
            "item_quantity": _num(self.item_quantity),
        }


def _num(value: Decimal | None) -> str | None:
    if value is None:
        return None
    normal = value.normalize()
    # normalize() turns 40 into 4E+1; format it back to plain digits
    return format(normal, "f")
