"""Property tests of the reader's arithmetic (issue 9): counts per container said in any form,
prices read against their own unit, totals said in any form, "each" after a bare number, and
several write-offs in one message. Messages are composed from parts with the right entry
known by construction; goods are named by plain nouns and no item list is given, so every
number in the entry comes from the words.

- a draft scored 0.9 or more is exactly right (quantity, amount, accounts);
- a stated total is the amount, never a price times the quantity;
- a price per piece beside a quantity in containers of unknown size is never sure.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import Draft, draft
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
CTX = make_context(items={})
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REASONS = [(Category.LOSS, w) for w in ("broken", "smashed", "damaged", "crushed", "cracked")]
# (singular, plural) names of pieces
PIECES = [("bottle", "bottles"), ("can", "cans"), ("mug", "mugs"), ("lamp", "lamps"),
          ("jar", "jars"), ("glass", "glasses"), ("filter", "filters")]  # fmt: skip
CONTAINERS = [("case", "cases"), ("box", "boxes"), ("carton", "cartons"), ("crate", "crates"),
              ("pallet", "pallets"), ("tray", "trays")]  # fmt: skip

# how the count per container is said: {m} per {c}, pieces called {p}/{ps}
PER_FORMS = [
    "{m} {ps} per {c}", "{m} {ps}/{c}", "{m} {ps} a {c}", "{m} per {c}", "{m}/{c}",
    "each {c} has {m} {ps}", "each {c} holds {m} {ps}", "inside each {c} {m} {ps}",
    "one {c} has {m} {ps}", "every {c} contains {m} {ps}", "{m} {ps} in each {c}",
    "{c} qty {m}",
]  # fmt: skip
# how a price per piece is said ({v} a plain amount, {p} the piece)
PIECE_PRICES = ["${v} per {p}", "${v} a {p}", "${v}/{p}", "${v} each", "${v} ea", "@ ${v} each"]
CONTAINER_PRICES = ["${v} per {c}", "${v} a {c}", "${v}/{c}", "{c} price ${v}"]
TOTALS = [
    "total ${v}", "total price ${v}", "${v} in total", "${v} all together", "altogether ${v}",
    "${v} for the lot", "the lot cost ${v}", "comes to ${v}", "worth ${v} total",
    "total {v}", "${v} in all", "grand total ${v}", "total cost ${v}", "{v} dollars total",
]  # fmt: skip
EACH = ["{v} each", "{v} ea", "{v} apiece", "{v} a piece"]


def _expected_accounts(category: Category, amount: Decimal) -> tuple[str, str]:
    accounts = decide_accounts(category, amount, POLICY)
    return accounts.debit, accounts.credit


def _one(text: str) -> list[Draft]:
    return draft(text, CTX)


def _assert_right_if_sure(
    drafts: list[Draft], category: Category, quantity: int, amount: Decimal, text: str
) -> None:
    for d in drafts:
        if d.confidence < 0.9:
            continue
        assert len(drafts) == 1, f"{text!r}: {len(drafts)} drafts"
        assert d.quantity == quantity, f"{text!r}: quantity {d.quantity} != {quantity}"
        assert d.amount == quantize(amount), f"{text!r}: amount {d.amount} != {amount}"
        debit, credit = _expected_accounts(category, quantize(amount))
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(debit, True), (credit, False)}, f"{text!r}: {d.lines}"


@st.composite
def per_container(draw: st.DrawFn) -> tuple[str, Category, int, Decimal]:
    n = draw(st.integers(2, 9))
    m = draw(st.integers(2, 48))
    p, ps = draw(st.sampled_from(PIECES))
    c, cs = draw(st.sampled_from(CONTAINERS))
    category, word = draw(st.sampled_from(REASONS))
    cents = draw(st.integers(25, 4000))
    v = Decimal(cents) / 100
    per = draw(st.sampled_from(PER_FORMS)).format(m=m, ps=ps, c=c)
    if draw(st.booleans()):
        price, amount = draw(st.sampled_from(PIECE_PRICES)).format(v=v, p=p), n * m * v
    else:
        price, amount = draw(st.sampled_from(CONTAINER_PRICES)).format(v=v, c=c), n * v
    order = draw(st.integers(0, 2))
    head = f"{n} {cs} {word}"
    parts = [[head, per, price], [per, head, price], [head, price, per]][order]
    return ", ".join(parts), category, n * m, amount


@given(per_container())
@SETTINGS
def test_a_count_per_container_multiplies_out(case: tuple[str, Category, int, Decimal]) -> None:
    text, category, quantity, amount = case
    drafts = _one(text)
    _assert_right_if_sure(drafts, category, quantity, amount, text)


@given(
    st.integers(2, 60),
    st.sampled_from(PIECES),
    st.sampled_from(REASONS),
    st.integers(5, 900_00),
    st.sampled_from(TOTALS),
)
@SETTINGS
def test_a_stated_total_is_the_amount(
    n: int,
    piece: tuple[str, str],
    reason: tuple[Category, str],
    cents: int,
    form: str,
) -> None:
    total = Decimal(cents) / 100
    text = f"{n} {piece[1]} {reason[1]}, {form.format(v=total)}"
    drafts = _one(text)
    # whatever the confidence, the total is never multiplied by the count
    assert all(d.amount != quantize(total * n) or n * total == total for d in drafts), text
    _assert_right_if_sure(drafts, reason[0], n, total, text)


@given(
    st.integers(2, 30),
    st.sampled_from(PIECES),
    st.sampled_from(REASONS),
    st.integers(1, 900),
    st.sampled_from(EACH),
)
@SETTINGS
def test_each_after_a_bare_number_makes_it_the_price(
    n: int, piece: tuple[str, str], reason: tuple[Category, str], price: int, form: str
) -> None:
    text = f"{n} {piece[1]} {reason[1]} {form.format(v=price)}"
    drafts = _one(text)
    assert len(drafts) == 1, text
    assert drafts[0].quantity == n, text
    assert drafts[0].amount == quantize(Decimal(n * price)), text
    _assert_right_if_sure(drafts, reason[0], n, Decimal(n * price), text)


@given(
    st.integers(2, 9),
    st.sampled_from(PIECES),
    st.sampled_from(CONTAINERS),
    st.sampled_from(REASONS),
    st.integers(25, 4000),
)
@SETTINGS
def test_a_price_per_piece_beside_containers_of_unknown_size_is_never_sure(
    n: int,
    piece: tuple[str, str],
    box: tuple[str, str],
    reason: tuple[Category, str],
    cents: int,
) -> None:
    v = Decimal(cents) / 100
    text = f"{n} {box[1]} of {piece[1]} {reason[1]}, ${v} per {piece[0]}"
    assert all(d.confidence < 0.9 for d in _one(text)), text


@st.composite
def two_parts(draw: st.DrawFn) -> tuple[str, list[tuple[int, Decimal]]]:
    a, b = draw(st.lists(st.sampled_from(PIECES), min_size=2, max_size=2, unique=True))
    na, nb = draw(st.integers(2, 20)), draw(st.integers(2, 20))
    pa, pb = draw(st.integers(2, 300)), draw(st.integers(2, 300))
    ra, rb = draw(st.sampled_from(REASONS))[1], draw(st.sampled_from(REASONS))[1]
    first = f"{na} {a[1]} {ra} ${pa} each"
    second = f"{nb} {b[1]} {rb} ${pb} each"
    form = draw(st.sampled_from(["(1) {} (2) {}", "{}; {}", "{} + {}", "1) {} 2) {}", "{}. {}"]))
    return form.format(first, second), [(na, Decimal(na * pa)), (nb, Decimal(nb * pb))]


@given(two_parts())
@SETTINGS
def test_several_write_offs_in_one_message(case: tuple[str, list[tuple[int, Decimal]]]) -> None:
    text, truth = case
    drafts = _one(text)
    assert [(d.quantity, d.amount) for d in drafts] == [(q, quantize(a)) for q, a in truth], text
