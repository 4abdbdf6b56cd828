"""Property test (issue 9): Slack markup the writer used to correct or lay out a message.
Struck-through text (~12~) was deleted by its writer and a small table's header row ("SKU
QTY REASON") holds no data: composed from parts with the truth known by construction, a
draft at 0.9 or more has exactly the count written after the strike and the row's SKU.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

COSTS = {"SKU-12": Decimal("15.00"), "CHR-009": Decimal("96.00"), "MLK-2L": Decimal("2.10")}
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
SURE = 0.9

HEADERS = ["SKU QTY REASON", "sku | qty | reason", "item  qty  why", "SKU, Quantity, Reason"]
REASONS = ["damaged", "crushed", "expired", "torn"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sku=st.sampled_from(sorted(COSTS)),
    struck=st.integers(min_value=1, max_value=60),
    count=st.integers(min_value=1, max_value=60),
    reason=st.sampled_from(REASONS),
)
def test_struck_text_is_never_read(sku: str, struck: int, count: int, reason: str) -> None:
    text = f"~{struck}~ {count} {sku} {reason}"
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    for d in drafts:
        if d.confidence >= SURE:
            assert (d.sku, d.quantity) == (sku, Decimal(count)), text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.sampled_from(HEADERS),
    sku=st.sampled_from(sorted(COSTS)),
    count=st.integers(min_value=1, max_value=60),
    reason=st.sampled_from(REASONS),
    fence=st.booleans(),
)
def test_a_table_header_row_is_no_data(
    header: str, sku: str, count: int, reason: str, fence: bool
) -> None:
    sep = " | " if "|" in header else " "
    table = f"{header}\n{sku}{sep}{count}{sep}{reason}"
    text = f"```\n{table}\n```" if fence else table
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    assert all(d.sku in COSTS for d in drafts), text
    for d in drafts:
        if d.confidence >= SURE:
            assert (d.sku, d.quantity) == (sku, Decimal(count)), text
            assert d.amount == COSTS[sku] * count, text
