"""Property tests (issue 9) of pack counts said in more ways, pack words misspelled after a
count, and a write-down's new value said as what the goods will fetch. Messages are composed
from parts with the right entry known by construction.

- nested counts in one parenthesis, after "@", through masters and inners, "(ctn/30)": the
  quantity is the product, and a draft scored 0.9 or more is exactly right;
- a pack word with one slip after a count ("2 dozne", "3 csaes") is read as meant or kept
  below 0.9, never drafted sure with the container count as the pieces;
- "we'll get $5 each", "sell as seconds at $5", "worth $5 apiece now", "the outlet will take
  them at $5", "to 50c each": with the item list's cost, a sure draft is the write-down of
  quantity x (cost - value), never a loss at the new price.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import Draft, draft
from ledger.drafting.reading import unitspell
from ledger.drafting.types import ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
CTX = make_context(items={})
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REASONS = ("broken", "smashed", "crushed", "cracked")
PIECES = ("bottles", "cans", "mugs", "lamps", "jars", "filters")


def _assert_right_if_sure(
    drafts: list[Draft], category: Category, quantity: int, amount: Decimal, text: str
) -> None:
    for d in drafts:
        if d.confidence < 0.9:
            continue
        assert len(drafts) == 1, f"{text!r}: {len(drafts)} drafts"
        assert d.category is category, f"{text!r}: {d.category}"
        assert d.quantity == quantity, f"{text!r}: quantity {d.quantity} != {quantity}"
        assert d.amount == quantize(amount), f"{text!r}: amount {d.amount} != {amount}"
        accounts = decide_accounts(category, quantize(amount), POLICY)
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}"


@st.composite
def nested(draw: st.DrawFn) -> tuple[str, int, Decimal]:
    n = draw(st.integers(1, 6))
    m = draw(st.integers(2, 12))
    k = draw(st.integers(2, 30))
    ps = draw(st.sampled_from(PIECES))
    word = draw(st.sampled_from(REASONS))
    v = Decimal(draw(st.integers(25, 2000))) / 100
    form = draw(st.integers(0, 4))
    if form == 0:  # both counts in one parenthesis
        text, qty = f"{n} pallets of {ps} ({m} cs/pallet, {k} {ps}/cs) {word}", n * m * k
    elif form == 1:  # three levels, said after the goods
        text = f"{n} master cartons of {ps} {word}, {m} inners per master, {k} per inner"
        qty = n * m * k
    elif form == 2:  # the count per container after "@", the pieces named
        text, qty = f"{n} ctns of {ps} {word} @ {k} ea/ctn", n * k
    elif form == 3:  # the container, then its count, in parentheses
        text, qty = f"{n} ctns of {ps} ({'ctn'}/{k}) {word}", n * k
    else:  # inner packs of a stated count
        text, qty = f"{n} inner packs of {k} {ps} {word}", n * k
    return f"{text}, ${v} each", qty, qty * v


@given(nested())
@SETTINGS
def test_nested_pack_counts_multiply_out(case: tuple[str, int, Decimal]) -> None:
    text, quantity, amount = case
    drafts = draft(text, CTX)
    _assert_right_if_sure(drafts, Category.LOSS, quantity, amount, text)
    assert any(d.quantity == quantity for d in drafts), f"{text!r}: {drafts}"


# (the word meant, how many pieces one holds when the message says so, a per-container form)
PACK_WORDS = [("dozen", 12, None), ("cases", None, "case"), ("cartons", None, "carton"),
              ("pallets", None, "pallet"), ("bundles", None, "bundle")]  # fmt: skip


def _slips(word: str) -> list[str]:
    """One slip inside the word: two letters swapped, or one letter left out."""
    out = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    out |= {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)}
    return sorted(w for w in out if w != word)


@st.composite
def misspelled(draw: st.DrawFn) -> tuple[str, int, Decimal]:
    meant, size, per = draw(st.sampled_from(PACK_WORDS))
    typo = draw(st.sampled_from(_slips(meant)))
    n = draw(st.integers(2, 9))
    k = size or draw(st.integers(2, 40))
    ps = draw(st.sampled_from(PIECES))
    word = draw(st.sampled_from(REASONS))
    v = Decimal(draw(st.integers(25, 2000))) / 100
    tail = f", {k} per {per}" if per else ""
    return f"{n} {typo} of {ps} {word}{tail}, ${v} each", n * k, n * k * v


@given(misspelled())
@SETTINGS
def test_a_misspelled_pack_word_is_read_as_meant_or_doubted(case: tuple[str, int, Decimal]) -> None:
    text, quantity, amount = case
    _assert_right_if_sure(draft(text, CTX), Category.LOSS, quantity, amount, text)


ITEM_COST = Decimal("45.00")
ITEMS_CTX = make_context(items={"SKU-77": ItemInfo("SKU-77", "Bluetooth speaker", ITEM_COST)})
NRV_FORMS = [
    "we'll get {v} each for them", "we will get {v} a unit", "sell as seconds at {v}",
    "worth {v} apiece now", "the outlet will take them at {v}", "can only sell them for {v}",
    "the jobber offered {v} each", "write down to {v} each",
]  # fmt: skip


@st.composite
def new_values(draw: st.DrawFn) -> tuple[str, int, Decimal]:
    q = draw(st.integers(2, 80))
    cents = draw(st.integers(5, 4400))
    value = Decimal(cents) / 100
    if cents < 100 and draw(st.booleans()):
        said = draw(st.sampled_from([f"{cents}c", f"{cents} cents"]))
    else:
        said = f"${value}"
    form = draw(st.sampled_from(NRV_FORMS)).format(v=said)
    scuff = draw(st.sampled_from(["scuffed", "shop-soiled", "faded boxes", "returned"]))
    return f"{q} SKU-77 {scuff}, {form}", q, q * (ITEM_COST - value)


@given(new_values())
@SETTINGS
def test_a_new_value_said_as_what_the_goods_fetch_is_a_write_down(
    case: tuple[str, int, Decimal],
) -> None:
    text, quantity, amount = case
    _assert_right_if_sure(draft(text, ITEMS_CTX), Category.WRITE_DOWN, quantity, amount, text)


def test_real_words_after_a_count_are_never_respelled() -> None:
    for text in ("2 cakes spoiled", "3 capes torn", "4 cranes broken", "2 bones chewed",
                 "12 per crate", "a cause for concern", "6 pellets spilled", "a dozer hit it",
                 "2 cartoons", "3 socks torn", "2 palettes cracked"):  # fmt: skip
        assert unitspell.respell(text).notes == (), text
    assert unitspell.respell("2 dozne SKU-410").text == "2 dozen SKU-410"
