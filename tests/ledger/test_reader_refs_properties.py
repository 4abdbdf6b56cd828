"""Property test (issue 9): times of day, dates, and references or place codes of letters and
digits beside a count are never read as a quantity or a price. Messages are composed from
parts, the truth known by construction: a draft at 0.9 or more has exactly the count, the
item list's cost and the SKU; a look-alike character in the count itself still refuses or
doubts.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

COSTS = {"SKU-12": Decimal("15.00"), "MLK-2L": Decimal("2.10"), "CHR-009": Decimal("96.00")}
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
SURE = 0.9
DOUBTFUL = 0.5

ASIDES = [
    "picked up at 7", "went missing at 10", "found around 4", "at 7 this morning",
    "around 4:30pm", "on Oct 2", "count 2024-03-31", "03/2024", "lot 22B417", "batch 7A12",
    "police report 24-11873B", "bin 12-04-B", "yard lot 5", "bay 9", "aisle 14", "PO 45A12",
    "claim # 88C1", "RMA 7731X", "invoice INV-2291A", "lot 2B4", "ticket INC0012345",
    "(mfg 2022)", "made in 2019", "purchased 2021", "from lot 14", "in batch 7",
    "in tote 19", "police rpt 24-0918", "SO 4471", "so# 12", "DOT 2217",
    "fridge sat at 14C all weekend", "cooler hit 12C", "freezer was at 40F", "HR case 3390",
    "at stop 4",
]  # fmt: skip
REASONS = ["damaged", "crushed", "expired", "cracked", "spoiled"]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    aside=st.sampled_from(ASIDES),
    sku=st.sampled_from(sorted(COSTS)),
    count=st.integers(min_value=1, max_value=60),
    reason=st.sampled_from(REASONS),
    first=st.booleans(),
)
def test_a_time_date_or_reference_is_never_the_count_or_the_price(
    aside: str, sku: str, count: int, reason: str, first: bool
) -> None:
    core = f"{count} {sku} {reason}"
    text = f"{aside}: {core}" if first else f"{core}, {aside}"
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    for d in drafts:
        if d.confidence >= SURE:
            assert d.sku == sku, text
            assert d.quantity == Decimal(count), text
            assert d.amount == COSTS[sku] * count, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    aside=st.sampled_from(["lot 22B417", "batch 7A12", "bin 12-04-B", "police report 24-11873B"]),
    count=st.sampled_from(["1O", "l2", "2O", "I0"]),
)
def test_a_reference_does_not_excuse_a_look_alike_count(aside: str, count: str) -> None:
    text = f"{count} SKU-12 damaged, {aside}"
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    assert all(d.confidence < DOUBTFUL for d in drafts), text
