"""Goods named by the item list's words, with no code and no price (reading/named.py)."""

from __future__ import annotations

from decimal import Decimal

from ledger.drafting import ItemInfo, draft
from tests.ledger.conftest import make_context

ITEMS = {
    "FN-SOL-10": ItemInfo("FN-SOL-10", "Solar fence charger 10 mi", Decimal("289.00")),
    "FN-AC-25": ItemInfo("FN-AC-25", "AC fence charger 25 mi", Decimal("199.00")),
    "SY-12": ItemInfo("SY-12", "Syringe 12cc", Decimal("0.62")),
    "TW-BAL": ItemInfo("TW-BAL", "Baler twine, 9000 ft", Decimal("41.50")),
}


def test_goods_named_as_one_item_are_that_item_at_its_cost_never_sure() -> None:
    (d,) = draft(
        "somebody vandalized the fence display, two solar chargers smashed",
        make_context(items=ITEMS),
    )
    assert (d.sku, d.quantity, d.amount) == ("FN-SOL-10", Decimal(2), Decimal("578.00"))
    assert d.confidence < 0.9
    assert any("by its name" in line for line in d.explanation + d.warnings)


def test_goods_that_fit_two_items_as_well_are_not_guessed() -> None:
    (d,) = draft("2 fence chargers smashed", make_context(items=ITEMS))
    assert d.sku is None and d.amount is None


def test_a_price_or_a_code_said_wins_over_the_names_cost() -> None:
    (d,) = draft("12 syringes dropped in the mud at $0.50 each", make_context(items=ITEMS))
    assert d.sku == "SY-12" and d.amount == Decimal("6.00") and d.confidence < 0.9
    (d,) = draft("12 SY-12 syringes dropped in the mud", make_context(items=ITEMS))
    assert d.sku == "SY-12" and d.amount == Decimal("7.44")
