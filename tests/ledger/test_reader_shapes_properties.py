"""Property tests of the reader on shapes of goods (issue 9): codes the item list knows in any
shape, strengths and sizes beside them, a container then a count of its pieces, goods sold in
pairs, whole packs plus loose pieces, cents per case, and plain numbers the words make money.
Messages are composed from parts with the right entry known by construction; the promise
checked everywhere: a draft scored 0.9 or more is exactly right.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ledger.drafting import Draft, draft
from ledger.drafting.types import ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
NO_ITEMS = make_context(items={})
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REASONS = ["broken", "smashed", "damaged", "crushed", "cracked"]
PIECES = ["bottles", "mugs", "lamps", "jars", "plates", "bowls", "vases"]
CONTAINERS = ["case", "box", "carton", "crate", "tray", "pallet"]
PAIR_GOODS = ["jeans", "boots", "gloves", "socks", "shoes", "headphones", "earbuds", "scissors",
              "sunglasses", "work gloves", "leather boots", "trainers"]  # fmt: skip
STRENGTHS = ["{n}mg", "{n} mg", "{n}ml bottles of", "{n}GB", "{n}in", "{n}mcg"]


def _assert_right_if_sure(
    drafts: list[Draft], category: Category, quantity: int | None, amount: Decimal, text: str
) -> None:
    for d in drafts:
        if d.confidence < 0.9:
            continue
        assert len(drafts) == 1, f"{text!r}: {len(drafts)} drafts"
        if quantity is not None:
            assert d.quantity == quantity, f"{text!r}: quantity {d.quantity} != {quantity}"
        assert d.amount == quantize(amount), f"{text!r}: amount {d.amount} != {amount}"
        accounts = decide_accounts(category, quantize(amount), POLICY)
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}: {d.lines}"


# segments, some of which read like references or times on their own ("GRN-3S", "2 HR")
_SEGMENT = st.one_of(
    st.text("ABCDEFGHKLMNPRSTWXZ", min_size=2, max_size=5),
    st.sampled_from(["GRN", "PO", "WO", "HR", "HRS", "INV", "REF", "LOT", "DAY", "WK", "MIN"]),
)


@st.composite
def item_codes(draw: st.DrawFn) -> str:
    """TEE-BLK-M, LMP-ARC, AMX-500, STOUT-CS: letters, digits, two or three segments."""
    first = draw(_SEGMENT)
    rest = draw(st.lists(st.one_of(_SEGMENT, st.integers(1, 999).map(str)), min_size=1, max_size=2))
    return "-".join([first, *rest])


@given(
    item_codes(),
    st.sampled_from(["upper", "lower", "joined", "joined lower"]),
    st.integers(2, 400),
    st.integers(1, 9000),
    st.sampled_from(REASONS),
    st.sampled_from(
        ["{q} {code} {r}", "{code} x{q} {r}", "{code}: {q} {r}", "write off {q} {code}, {r}"]
    ),
    st.one_of(st.none(), st.tuples(st.sampled_from(STRENGTHS), st.integers(2, 999))),
)
# found by hypothesis: the code's "WAGE" had been read as wages, and the message refused
@example("AA-WAGE", "upper", 2, 1, "broken", "{q} {code} {r}", None)
@SETTINGS
def test_a_code_the_item_list_knows_is_the_sku_in_any_shape(
    code: str,
    typed: str,
    quantity: int,
    cents: int,
    reason: str,
    form: str,
    strength: tuple[str, int] | None,
) -> None:
    cost = Decimal(cents) / 100
    context = make_context(items={code: ItemInfo(code, "goods", cost)})
    shown = {
        "upper": code,
        "lower": code.lower(),
        "joined": code.replace("-", ""),
        "joined lower": code.replace("-", "").lower(),
    }[typed]
    text = form.format(q=quantity, code=shown, r=reason)
    if strength:  # "amoxicillin 500mg": a size of the goods, never a count or a price
        text = f"{text} ({strength[0].format(n=strength[1])} goods)"
    drafts = draft(text, context)
    _assert_right_if_sure(drafts, Category.LOSS, quantity, quantity * cost, text)
    if not typed.startswith("joined") and not strength:
        assert [d.sku for d in drafts] == [code], text
        assert [d.amount for d in drafts] == [quantize(quantity * cost)], text


@given(
    st.sampled_from(["a", "one"]),
    st.sampled_from(CONTAINERS),
    st.sampled_from(PIECES),
    st.sampled_from(["fell", "dropped", "tipped over", "slid off the shelf"]),
    st.integers(2, 60),
    st.sampled_from(REASONS),
    st.integers(5, 5000),
)
@SETTINGS
def test_a_count_after_one_container_is_the_quantity(
    a: str, box: str, pieces: str, what: str, k: int, reason: str, cents: int
) -> None:
    v = Decimal(cents) / 100
    text = f"{a} {box} of {pieces} {what}, {k} {reason}, {v:.2f} each"
    drafts = draft(text, NO_ITEMS)
    assert [(d.quantity, d.amount) for d in drafts] == [(k, quantize(k * v))], text
    _assert_right_if_sure(drafts, Category.LOSS, k, k * v, text)


@given(
    st.integers(1, 40),
    st.sampled_from(PAIR_GOODS),
    st.sampled_from(REASONS),
    st.integers(50, 20000),
    st.sampled_from(["${v} each", "${v} a pair", "at {v} per pair", "${v}/pair"]),
)
@SETTINGS
def test_goods_sold_in_pairs_are_counted_in_pairs(
    n: int, goods: str, reason: str, cents: int, price: str
) -> None:
    v = Decimal(cents) / 100
    word = "pair" if n == 1 else "pairs"
    text = f"{n} {word} of {goods} {reason}, {price.format(v=v)}"
    drafts = draft(text, NO_ITEMS)
    assert all(d.quantity != 2 * n for d in drafts), text  # never doubled
    _assert_right_if_sure(drafts, Category.LOSS, n, n * v, text)


@given(st.integers(2, 40), st.sampled_from(REASONS))
@SETTINGS
def test_pairs_of_goods_not_sold_in_pairs_are_never_sure(n: int, reason: str) -> None:
    context = make_context(items={"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal(15))})
    text = f"{n} pairs of SKU-12 {reason}"
    assert all(d.confidence < 0.9 for d in draft(text, context)), text


@given(
    st.integers(1, 9),
    st.integers(1, 11),
    st.sampled_from(
        ["{d} dozen plus {k}", "{d} dozen and {k}", "{d} doz + {k}", "{d} dozen and {k} loose"]
    ),
    st.sampled_from(PIECES),
    st.sampled_from(REASONS),
    st.integers(5, 2000),
)
@SETTINGS
def test_dozens_plus_loose_pieces_are_summed(
    d: int, k: int, form: str, pieces: str, reason: str, cents: int
) -> None:
    v = Decimal(cents) / 100
    q = 12 * d + k
    text = f"{form.format(d=d, k=k)} {pieces} {reason}, ${v} each"
    _assert_right_if_sure(draft(text, NO_ITEMS), Category.LOSS, q, q * v, text)


@given(
    st.integers(1, 9),
    st.integers(1, 9),
    st.integers(2, 48),
    st.sampled_from(["{n} cases and {k} loose", "{n} cases plus {k} loose", "{n} cs + {k}"]),
    st.sampled_from(REASONS),
)
@SETTINGS
def test_cases_plus_loose_pieces_are_summed(n: int, k: int, m: int, form: str, reason: str) -> None:
    context = make_context(items={"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal(15))})
    q = n * m + k
    text = f"{form.format(n=n, k=k)} SKU-12 {reason}, {m} per case"
    _assert_right_if_sure(draft(text, context), Category.LOSS, q, Decimal(q * 15), text)


@given(
    st.integers(2, 200),
    st.sampled_from(["cases", "boxes", "cartons", "crates"]),
    st.sampled_from(REASONS),
    st.integers(100, 9999),
    st.sampled_from(["{v} a {c}", "{v} per {c}", "{v}/{c}"]),
)
@SETTINGS
def test_cents_per_container_are_a_price_never_a_count(
    n: int, boxes: str, reason: str, cents: int, form: str
) -> None:
    v = Decimal(cents) / 100
    single = {"cases": "case", "boxes": "box", "cartons": "carton", "crates": "crate"}[boxes]
    text = f"{n} {boxes} of stock {reason}, {form.format(v=f'{v:.2f}', c=single)}"
    drafts = draft(text, NO_ITEMS)
    assert all(d.quantity != n * int(v) for d in drafts if int(v) > 1), text
    _assert_right_if_sure(drafts, Category.LOSS, n, n * v, text)


@given(
    st.integers(1, 90_000),
    st.sampled_from(
        [
            ("raise the obsolescence allowance by {v}", Category.RESERVE_PROVISION),
            ("increase the E&O reserve by {v}", Category.RESERVE_PROVISION),
            ("add {v} to the obsolescence reserve", Category.RESERVE_PROVISION),
            ("use {v} of the obsolescence reserve for scrapped stock", Category.RESERVE_WRITE_OFF),
            ("write off {v} worth of damaged stock", Category.LOSS),
            ("{v} worth of expired goods to write off", Category.LOSS),
        ]
    ),
)
@SETTINGS
def test_a_plain_number_the_words_make_money_is_the_amount(
    whole: int, form: tuple[str, Category]
) -> None:
    text = form[0].format(v=f"{whole:,}")
    drafts = draft(text, NO_ITEMS)
    assert [d.amount for d in drafts] == [quantize(Decimal(whole))], text
    _assert_right_if_sure(drafts, form[1], None, Decimal(whole), text)
