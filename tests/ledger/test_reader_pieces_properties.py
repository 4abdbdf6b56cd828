"""Property test (issue 9): pieces counted of an item the item list prices by a container of a
known size ("200 bolts" of "Bolts 3/8, box of 50" at $14) are that share of the container's
cost (4 boxes, $56), never the count times the container's cost; counted in the list's own
containers ("3 boxes") they are containers. Messages are composed from parts, the truth known
by construction.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from ledger.money import quantize
from tests.ledger.conftest import make_context

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# (the list's name with its size, the pieces' word, the container's word)
NAMED = [
    ("Bolts 3/8, box of {n}", "bolts", "boxes"),
    ("Eggs large, flat of {n}", "eggs", "flats"),
    ("Gloves nitrile (box of {n})", "gloves", "boxes"),
    ("Spring water {n}-pack", "bottles", "packs"),
    ("Cups {n}/sleeve", "pcs", "sleeves"),
]
REASONS = ["rusted", "cracked", "torn", "leaked", "crushed", "water damaged"]


@SETTINGS
@given(
    named=st.sampled_from(NAMED),
    size=st.integers(2, 200),
    count=st.integers(1, 500),
    cost=st.decimals(min_value=Decimal("0.50"), max_value=Decimal("300"), places=2),
    reason=st.sampled_from(REASONS),
    code_first=st.booleans(),
)
def test_pieces_of_a_container_are_a_share_of_its_cost(
    named: tuple[str, str, str],
    size: int,
    count: int,
    cost: Decimal,
    reason: str,
    code_first: bool,
) -> None:
    name, pieces, containers = named
    ctx = make_context(items={"TK-7": ItemInfo("TK-7", name.format(n=size), cost)})
    text = f"TK-7: {count} {pieces} {reason}" if code_first else f"{count} {pieces} TK-7 {reason}"
    try:
        drafts = draft(text, ctx)
    except DraftError:
        return
    for d in drafts:
        if d.amount is not None and d.confidence >= 0.5:
            assert d.amount == quantize(count * cost / size), (text, d)
        assert d.amount != quantize(count * cost) or size == 1 or d.confidence < 0.9, (text, d)
    said = f"{count} {containers} TK-7 {reason}"
    for d in draft(said, ctx):
        if d.confidence >= 0.9:
            assert d.amount == quantize(count * cost), (said, d)
