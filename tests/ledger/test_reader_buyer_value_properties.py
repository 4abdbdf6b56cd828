"""Property tests (issue 9) of a write-down's new value said as what a buyer pays or the
best price there is ("liquidator pays $11 ea", "can only go to the discount outlet at $30",
"outlet price $30", "clearance at $30", "best we'll get is $30 each"). Messages are composed
from parts with the truth known by construction: with the item list's cost, a draft scored
0.9 or more is the write-down of quantity x (cost - value), never a loss at the new price;
a value at or above cost leaves every draft below 0.5.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting.types import ItemInfo
from ledger.policy import Policy
from tests.ledger.conftest import make_context
from tests.ledger.write_down_checks import check_written_down

POLICY = Policy()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SKUS = ("SKU-12", "WID-200", "CHR-009", "TV-55X")
COSTS = {"SKU-12": Decimal("15.00"), "WID-200": Decimal("8.50"), "CHR-009": Decimal("96.00"),
         "TV-55X": Decimal("389.00")}  # fmt: skip
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
STATES = ("near expiry", "scuffed", "shop soiled", "open box", "faded labels", "dented boxes")
VALUES = (
    "liquidator pays ${v} ea",
    "the liquidator will pay ${v} each",
    "jobber offered ${v} each",
    "closeout buyer offered ${v} a unit",
    "can only go to the discount outlet at ${v}",
    "send them to the outlet for ${v} each",
    "outlet price ${v}",
    "clearance at ${v}",
    "best we'll get is ${v} each",
    "the best we can get is ${v} each",
    "most we can get is ${v} each",
    "liquidation price ${v} each",
    "salvage value ${v} each",
    "liquidator quote ${v}/unit",
    "closeout at ${v}",
    "we can dump them at the outlet for ${v} each",
    "salvage at ${v} each",
    "sell off at ${v} each",
    "top offer is ${v} each",
    "highest bid ${v} each",
    "recovery value ${v} each",
)


@st.composite
def buyer_value(draw: st.DrawFn) -> tuple[str, str, int, Decimal]:
    sku = draw(st.sampled_from(SKUS))
    n = draw(st.integers(2, 90))
    cost = COSTS[sku]
    cents = int(cost * 100)
    value = Decimal(draw(st.integers(1, cents + cents // 2))) / 100
    said = draw(st.sampled_from(VALUES)).format(v=value)
    state = draw(st.sampled_from(STATES))
    goods = draw(st.sampled_from((f"{n} {sku} {state}", f"{sku} x {n} {state}")))
    return f"{goods}, {said}", sku, n, value


@given(buyer_value())
@SETTINGS
def test_what_a_buyer_pays_is_the_new_value(case: tuple[str, str, int, Decimal]) -> None:
    text, sku, n, value = case
    check_written_down(text, CTX, COSTS[sku], sku, n, value)
