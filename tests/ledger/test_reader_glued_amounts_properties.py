"""Property test (issue 9): an amount glued to letters. "$4G" is not $4 (and reading a grand
is a guess): letters after the digits that are neither a scale ("k", "grand") nor a unit the
amount is priced by ("ea", "cs") make the amount unreadable, so the message is refused with
the amount quoted. Glued scales and units read as they do with a space. Messages are composed
from parts, the truth known by construction.
"""

from __future__ import annotations

import string
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {"SKU-12": Decimal("15.00"), "TV-55X": Decimal("480.00")}
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
SURE = 0.9

# what may follow the digits of an amount, glued: scales and the units it is priced by
READABLE = {
    "k", "m", "mm", "mil", "bn", "thousand", "million", "grand", "ea", "each", "per", "pc",
    "pcs", "pce", "pces", "piece", "pieces", "pk", "pks", "pack", "packs", "ct", "cnt",
    "count", "cs", "case", "cases", "bx", "box", "boxes", "bag", "bags", "btl", "bottle",
    "bottles", "can", "cans", "unit", "units", "u", "un", "ctn", "carton", "cartons", "dz",
    "doz", "dozen", "pr", "pair", "pairs", "set", "sets", "roll", "rolls", "ft", "lb", "lbs",
    "kg", "oz", "ml", "gal", "sqft",
    # a roofer's squares ("4 sq of shingles", round 167) are read glued as spaced
    "sq", "sqs",
}  # fmt: skip
SHAPES = [
    "write off broken tvs, {m}",
    "{m} of damaged stock, write it off",
    "w/o {m} expired product from cold storage",
    "forklift hit the rack, {m} of SKU-12 crushed",
]
tails = st.text(string.ascii_letters, min_size=1, max_size=4).filter(
    lambda t: t.lower() not in READABLE
)
amounts = st.one_of(st.integers(1, 9999).map(str), st.sampled_from(["1,200", "12.50", "4.5"]))


@SETTINGS
@given(amount=amounts, tail=tails, shape=st.sampled_from(SHAPES), usd=st.booleans())
def test_an_amount_glued_to_letters_is_refused(
    amount: str, tail: str, shape: str, usd: bool
) -> None:
    money = ("USD" if usd else "$") + amount + tail
    text = shape.format(m=money)
    with pytest.raises(DraftError) as refused:
        draft(text, CTX)
    assert money in str(refused.value)


@SETTINGS
@given(
    count=st.integers(2, 40),
    price=st.integers(1, 900),
    tail=st.sampled_from(["ea", "each", "EA", "pc", "/ea"]),
    sku=st.sampled_from(sorted(COSTS)),
)
def test_a_price_glued_to_its_unit_is_read(count: int, price: int, tail: str, sku: str) -> None:
    assume(Decimal(price) != COSTS[sku])
    text = f"{count} {sku} smashed, ${price}{tail}"
    (d,) = draft(text, CTX)
    if d.confidence >= SURE:
        assert d.amount == Decimal(count * price) and d.quantity == count, (text, d)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("write off $3grand of water damaged drywall", Decimal("3000")),
        ("write off $3 grand of water damaged drywall", Decimal("3000")),
        ("write off $2.5k of crushed stock", Decimal("2500")),
    ],
)
def test_a_glued_scale_reads_as_with_a_space(text: str, amount: Decimal) -> None:
    (d,) = draft(text, CTX)
    assert d.amount == amount and d.confidence >= SURE, d
