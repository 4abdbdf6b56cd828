"""Property test (issue 9): one thing said in the singular with no count written ("our spare
TC-9000 got smashed", "ST-55 starter stolen", "the TV-55X demo unit"): one unit, at the item
list's cost, never sure (the count was not written). Said in the plural ("SKU-12 widgets"), of
a container ("SKU-12 case"), or with a total ("$600 of SKU-12"), it is not one unit. Messages
are composed from parts, the truth known by construction.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {"TC-9000": Decimal("2495.00"), "ST-55": Decimal("215.00"), "LMP/ARC-2": Decimal("64.50")}
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
SURE = 0.9

REASONS = ["got smashed", "was stolen from the cage", "cracked", "fell off the rack",
           "got crushed by the forklift", "is damaged beyond repair"]  # fmt: skip
BEFORE = ["our spare {code}", "the demo {code}", "the display {code}", "our only {code}",
          "my loaner {code}"]  # fmt: skip
AFTER = ["{code} starter", "{code} tyre changer", "{code} demo unit", "{code} floor lamp",
         "{code} machine"]  # fmt: skip
NOT_ONE = ["{code} widgets", "{code} case", "the {code} line", "{code} pallet",
           "{code} lamps"]  # fmt: skip


@SETTINGS
@given(
    shape=st.sampled_from(BEFORE + AFTER),
    code=st.sampled_from(sorted(COSTS)),
    reason=st.sampled_from(REASONS),
)
def test_one_thing_said_in_the_singular_is_one_unit_and_never_sure(
    shape: str, code: str, reason: str
) -> None:
    text = f"{shape.format(code=code)} {reason}, write it off"
    (d,) = draft(text, CTX)
    assert d.confidence < SURE, (text, d)
    assert d.quantity == 1 and d.amount == COSTS[code], (text, d)


@SETTINGS
@given(
    shape=st.sampled_from(NOT_ONE),
    code=st.sampled_from(sorted(COSTS)),
    reason=st.sampled_from(REASONS),
)
def test_plural_goods_or_a_container_are_not_read_as_one(
    shape: str, code: str, reason: str
) -> None:
    text = f"{shape.format(code=code)} {reason}"
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    for d in drafts:
        assert d.quantity != 1, (text, d)


@SETTINGS
@given(code=st.sampled_from(sorted(COSTS)), total=st.integers(20, 900))
def test_a_total_needs_no_count(code: str, total: int) -> None:
    text = f"${total} of the {code} stock got crushed"
    for d in draft(text, CTX):
        if d.amount is not None:
            assert d.amount == total and d.quantity is None, (text, d)


COSTLY = {"ICE-M450": Decimal("2480.00"), "KYK-10SIT": Decimal("689.00")}
CHEAP = {"SKU-12": Decimal("15.00")}
CTX_COSTLY = make_context(items={s: ItemInfo(s, s, c) for s, c in {**COSTLY, **CHEAP}.items()})
BARE = ["{code} {r}", "{code} {r} overnight", "{code} {r} at dock 2, total loss"]


@SETTINGS
@given(
    code=st.sampled_from(sorted(COSTLY)),
    shape=st.sampled_from(BARE),
    reason=st.sampled_from(["stolen from the yard", "dropped off the liftgate", "cracked"]),
)
def test_a_costly_item_named_with_no_count_is_one_and_never_sure(
    code: str, shape: str, reason: str
) -> None:
    """'ICE-M450 stolen from the yard': an item the list prices high, named with no count and
    nothing plural, is one piece, and the card says the count was assumed."""
    text = shape.format(code=code, r=reason)
    (d,) = draft(text, CTX_COSTLY)
    assert d.quantity == 1 and d.amount == COSTLY[code] and d.confidence < SURE, (text, d)


@SETTINGS
@given(
    shape=st.sampled_from(BARE),
    reason=st.sampled_from(["stolen from the yard", "got wet", "cracked"]),
)
def test_a_cheap_item_named_with_no_count_gets_no_count(shape: str, reason: str) -> None:
    """'SKU-12 got wet': one widget, or all of them? A cheap item's count is not assumed."""
    text = shape.format(code="SKU-12", r=reason)
    for d in draft(text, CTX_COSTLY):
        assert d.quantity is None and d.confidence < 0.5, (text, d)
