"""Property tests (issue 9) of write-downs said in warehouse words: goods sold as seconds
("scratch and dent", "open box", "s&d") with the price they now fetch ("now $150", "reprice
to 500", "knocked down to $100", "worth 1,900 each now", "were 410 now 300", "sell at a loss
for $30"), and a count said after "lower of cost or NRV:". Messages are composed from parts
with the truth known by construction: a draft scored 0.9 or more is the write-down of
quantity x (cost - value), never a loss of the goods' cost or two requests; a value at or
above cost leaves every draft below 0.5.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import draft
from ledger.drafting.types import ItemInfo
from ledger.policy import Category, Policy
from tests.ledger.conftest import make_context
from tests.ledger.write_down_checks import check_written_down

POLICY = Policy()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {"MAT-2436": Decimal("32.00"), "CU-3T-16S": Decimal("2480.00"),
         "WH-50G-NG": Decimal("685.00"), "DW-24SS": Decimal("410.00")}  # fmt: skip
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
SECONDS = ("scratch and dent", "scratch & dent", "s&d", "open box", "open-box", "floor model")
# how the new value is said; {v} is the value, {c} the cost
VALUES = (
    "now ${v}",
    "now {v} each",
    "reprice to {v}",
    "repriced at ${v} each",
    "knocked down to ${v}",
    "worth {v} each now",
    "worth {v} each",
    "value {v} each",
    "were {c} now {v}",
    "was ${c}, now ${v}",
    "sell at a loss for ${v}",
    "selling them for {v} at a loss",
    "nrv {v}",
)
GOODS = ("{n} {sku} {state}", "{sku} {state} x{n}", "{state}: {n} {sku}", "{n} {state} {sku}")


@st.composite
def seconds_value(draw: st.DrawFn) -> tuple[str, str, int, Decimal]:
    sku = draw(st.sampled_from(sorted(COSTS)))
    n = draw(st.integers(2, 40))
    cost = COSTS[sku]
    cents = int(cost * 100)
    value = Decimal(draw(st.integers(100, cents + cents // 2))) / 100
    said = draw(st.sampled_from(VALUES)).format(v=value, c=cost)
    state = draw(st.sampled_from(SECONDS))
    goods = draw(st.sampled_from(GOODS)).format(n=n, sku=sku, state=state)
    return f"{goods}, {said}", sku, n, value


@st.composite
def count_after_nrv(draw: st.DrawFn) -> tuple[str, str, int, Decimal]:
    sku = draw(st.sampled_from(sorted(COSTS)))
    n = draw(st.integers(2, 40))
    value = Decimal(draw(st.integers(100, int(COSTS[sku] * 150)))) / 100
    head = draw(st.sampled_from(("lower of cost or NRV:", "LCNRV:", "nrv:", "NRV")))
    tail = draw(st.sampled_from(("nrv ${v} each", "nrv {v}/ea", "worth {v} each now")))
    return f"{head} {n} {sku}, {tail.format(v=value)}", sku, n, value


def _check(text: str, sku: str, n: int, value: Decimal) -> None:
    check_written_down(text, CTX, COSTS[sku], sku, n, value)


@given(seconds_value())
@SETTINGS
def test_seconds_goods_at_a_new_price_are_written_down(case: tuple[str, str, int, Decimal]) -> None:
    _check(*case)


@given(count_after_nrv())
@SETTINGS
def test_a_count_after_nrv_is_the_count(case: tuple[str, str, int, Decimal]) -> None:
    _check(*case)


def test_the_seconds_are_read_right_not_only_safely() -> None:
    # the property above allows a draft below 0.9; these must be drafted, and right
    for text, amount in (
        ("knock the 2 scratch-and-dent WH-50G-NG down from 685 to 500", "370.00"),
        ("2 CU-3T-16S impaired, worth 1,900 each now", "1160.00"),
        ("lower of cost or NRV: 12 MAT-2436, nrv $20 each", "144.00"),
        ("3 DW-24SS open box, was $410, now $300", "330.00"),
    ):
        (d,) = draft(text, CTX)
        assert d.category is Category.WRITE_DOWN and d.amount == Decimal(amount), text
