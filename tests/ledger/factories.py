"""Drafts built from Facts directly, so ledger tests do not depend on the text parser."""

from __future__ import annotations

from decimal import Decimal

from ledger.chart import default_chart_info
from ledger.drafting.build import build_draft
from ledger.drafting.types import Draft, DraftContext, Facts
from ledger.policy import Category, Policy


def context(**policy_kwargs: object) -> DraftContext:
    return DraftContext(chart=default_chart_info(), policy=Policy(**policy_kwargs))  # type: ignore[arg-type]


def make_draft(
    qty: str = "40",
    cost: str = "15",
    category: Category = Category.LOSS,
    reason: str = "obsolete",
    sku: str = "SKU-12",
    text: str | None = None,
) -> Draft:
    facts = Facts(
        source_text=text or f"{qty} units {reason} {sku} at ${cost}",
        category=category,
        reason=reason,
        sku=sku,
        quantity=Decimal(qty),
        unit="units",
        unit_cost=Decimal(cost),
    )
    return build_draft(facts, context())
