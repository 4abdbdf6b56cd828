"""Drafting fixtures: the default chart as plain AccountInfo values (no database needed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.drafting.types import AccountInfo, DraftContext, ItemInfo

DEFAULT_CHART: dict[str, AccountInfo] = {
    code: AccountInfo(code, name, kind)
    for code, name, kind in (
        ("1000", "Cash", "Bank"),
        ("1200", "Inventory", "Other Current Asset"),
        ("1290", "Inventory Reserve", "Other Current Asset"),
        ("5000", "Cost of Goods Sold", "Cost of Goods Sold"),
        ("5100", "Inventory Shrinkage", "Cost of Goods Sold"),
        ("5200", "Inventory Write-Off Expense", "Other Expense"),
        ("5300", "Loss on Inventory Write-Down", "Other Expense"),
        ("5400", "Inventory Obsolescence Expense", "Other Expense"),
    )
}

ITEMS: dict[str, ItemInfo] = {
    "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
    "SKU-40": ItemInfo("SKU-40", "Copper fitting", Decimal("2.50")),
}


def make_context(**kwargs: object) -> DraftContext:
    """A context on the default chart; pass items=..., usual_amount=..., policy=..."""
    return DraftContext(chart=DEFAULT_CHART, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def ctx() -> DraftContext:
    return make_context()


@pytest.fixture
def ctx_items() -> DraftContext:
    return make_context(items=ITEMS)
