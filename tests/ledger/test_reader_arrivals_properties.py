"""Property test (issue 9): goods that arrived, then a part of them written off ("received 40
SKU-12, 4 were cracked"): the part is the quantity, never the count that arrived. Messages
are composed from parts, the truth known by construction.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COST = Decimal("15.00")
ARRIVED = [
    "received {n} SKU-12",
    "got {n} SKU-12 in today",
    "{n} SKU-12 arrived",
    "delivery of {n} SKU-12 came in",
    "out of {n} SKU-12 received",
    "unloaded {n} SKU-12 off the truck",
    "shipment of {n} SKU-12 showed up",
    # as the dock types it
    "PO 5531 rcvd {n} SKU-12",
    "recived {n} SKU-12",
    "SKU-12 x {n} checked",
]
JOINS = [", ", " but ", " and ", ". ", ", of them "]
REASONS = ["were cracked", "smashed", "damaged", "broken", "water damaged", "were stolen"]


@SETTINGS
@given(
    arrived=st.sampled_from(ARRIVED),
    n=st.integers(2, 500),
    share=st.floats(0.01, 0.99),
    join=st.sampled_from(JOINS),
    reason=st.sampled_from(REASONS),
)
def test_the_part_written_off_is_the_quantity_not_the_arrival(
    arrived: str, n: int, share: float, join: str, reason: str
) -> None:
    k = max(1, min(n - 1, int(n * share)))
    text = arrived.format(n=n) + join + f"{k} {reason}"
    ctx = make_context(items={"SKU-12": ItemInfo("SKU-12", "Blue widget", COST)})
    try:
        drafts = draft(text, ctx)
    except DraftError:
        return
    for d in drafts:
        # the count that arrived is never the entry, whatever the confidence
        assert d.quantity != n, (text, d)
        if d.confidence >= 0.9:
            assert d.quantity == k and d.amount == COST * k, (text, d)
