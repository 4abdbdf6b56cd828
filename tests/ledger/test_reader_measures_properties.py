"""Property test (issue 9): goods sold by a measure. An item the item list prices per foot,
yard or pound ("Air hose, per ft") counted in that measure ("35 ft of TK-9") is the measure
times the price; goods on holders with the measure on each ("2 bolts (15 yd/bolt)", "3
coils, 50 ft each") are the measure in all; an item the list prices by the holder ("spool of
50 yd") is counted in holders. A measure against an item priced by the piece is never sure.
Messages are composed from parts, the truth known by construction.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from ledger.money import quantize
from tests.ledger.conftest import make_context

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COST = Decimal("0.85")
# (the list's name, how a message writes the measure, the holders goods come on)
PER_MEASURE = [
    ("Nylon rope 1/2in, per ft", ["ft", "feet", "foot"], ["coil", "reel", "spool"]),
    ("Linen, by the yard", ["yd", "yds", "yards"], ["bolt", "roll"]),
    ("Rolled oats, per lb", ["lb", "lbs", "pounds"], ["sack", "bag"]),
    ("Chain /ft", ["ft", "feet"], ["reel", "drum"]),
]
REASONS = ["frayed", "water damaged", "got wet", "ruined", "moldy", "crushed"]


@st.composite
def measured_message(draw: st.DrawFn) -> tuple[str, str, Decimal]:
    name, units, holders = draw(st.sampled_from(PER_MEASURE))
    unit = draw(st.sampled_from(units))
    reason = draw(st.sampled_from(REASONS))
    if draw(st.booleans()):
        n = draw(st.integers(1, 400))
        said = draw(
            st.sampled_from(
                [
                    f"{n} {unit} of TK-9 {reason}",
                    f"TK-9: {n}{unit} {reason}",
                    f"{reason} {n} {unit} TK-9",
                ]
            )
        )
        return name, said, Decimal(n)
    count = draw(st.integers(1, 9))
    each = draw(st.integers(2, 300))
    holder = draw(st.sampled_from(holders))
    plural = holder + "s" if count > 1 else holder
    said = draw(
        st.sampled_from(
            [
                f"{count} {plural} of TK-9 ({each} {unit}/{holder}) {reason}",
                f"{count} {plural} TK-9, {each} {unit} each, {reason}",
                f"{count} {plural} of TK-9 ({holder} is {each} {unit}) {reason}",
            ]
        )
    )
    return name, said, Decimal(count * each)


@SETTINGS
@given(message=measured_message())
def test_a_measure_of_goods_priced_by_it_is_the_quantity(
    message: tuple[str, str, Decimal],
) -> None:
    name, text, measured = message
    ctx = make_context(items={"TK-9": ItemInfo("TK-9", name, COST)})
    drafts = draft(text, ctx)
    assert len(drafts) == 1, (text, drafts)
    (d,) = drafts
    # the reading is right whatever its confidence: the measure in all, times the price
    assert d.quantity == measured and d.amount == quantize(measured * COST), (text, d)


@SETTINGS
@given(message=measured_message())
def test_a_measure_of_goods_priced_by_the_piece_is_never_sure(
    message: tuple[str, str, Decimal],
) -> None:
    _, text, _ = message
    ctx = make_context(items={"TK-9": ItemInfo("TK-9", "Garden hose", Decimal("30.00"))})
    try:
        drafts = draft(text, ctx)
    except DraftError:
        return
    for d in drafts:
        assert d.confidence < 0.9, (text, d)


@SETTINGS
@given(
    count=st.integers(1, 9),
    each=st.integers(2, 300),
    holder=st.sampled_from(["spool", "reel", "bolt", "coil"]),
    reason=st.sampled_from(REASONS),
)
def test_goods_priced_by_the_holder_are_counted_in_holders(
    count: int, each: int, holder: str, reason: str
) -> None:
    ctx = make_context(
        items={"TK-9": ItemInfo("TK-9", f"Twine, {holder} of {each} ft", Decimal("9.50"))}
    )
    plural = holder + "s" if count > 1 else holder
    text = f"{count} {plural} TK-9 ({each} ft/{holder}) {reason}"
    (d,) = draft(text, ctx)
    assert d.quantity == count and d.amount == Decimal("9.50") * count, (text, d)
