"""Property tests (issue 9, "not a write-off") of the shop's other errands that carry
numbers, codes and loss-like words (reading.errands). Messages are composed from parts with
the truth known by construction:

- cash in a till, drawer, register, float or safe short, over, missing or stolen is no
  stock: no draft, even when a write-off is asked for;
- a price check, an order of goods or a note about approving an earlier write-off: no
  draft;
- goods lost at the till ("2 X smashed behind the register") are still a write-off, and a
  draft scored 0.9 or more is exactly right.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, draft
from ledger.drafting.types import ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {"SKU-12": Decimal("15.00"), "WID-200": Decimal("8.50"), "CHR-009": Decimal("96.00"),
         "TST-7": Decimal("30.00")}  # fmt: skip
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})

HOLDERS = ("cash drawer", "till", "register 2", "drawer #3", "the float", "petty cash",
           "front till", "reg 1", "tip jar", "cashier 4", "honor box", "honesty jar",
           "farm stand honor box", "coin box")  # fmt: skip
MONEY = ("${n}", "${n}.50", "{n} bucks", "{n} dollars")
CASH_TOLD = (
    "{h} short {m} tonight",
    "{h} was {m} short at close",
    "{h} came up {m} short after the evening shift",
    "{h} over by {m}",
    "{m} missing from the {h}",
    "someone stole {m} from the {h}",
    "{h} shortage of {m}, counted twice",
    "write off {m} {h} short",
    "w/o {h} shortage {m} pls",
)
TAILS = ("", ", will recount in the morning", " fyi", ", 2nd time this week", " - jen")


@st.composite
def cash_counts(draw: st.DrawFn) -> str:
    money = draw(st.sampled_from(MONEY)).format(n=draw(st.integers(2, 400)))
    told = draw(st.sampled_from(CASH_TOLD)).format(h=draw(st.sampled_from(HOLDERS)), m=money)
    return told + draw(st.sampled_from(TAILS))


@given(cash_counts())
@SETTINGS
def test_cash_counted_is_no_stock(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, CTX)


ERRANDS = (
    "can someone check the price on {s}, tag says {p} but pos says {q}",
    "{s} rings up at ${q} but the shelf tag says ${p}",
    "price check on {n} {s} pls, scanned at {q}",
    "ordering {n} more {s}, ${t}, ok?",
    "PO 55123 for {n} {s} arrived, all good",
    "reorder {n} {s} pls, running low",
    "can someone approve the {n} {s} one from yesterday",
    "pls sign off the {n} {s} smashed from monday",
    "still waiting on approval for the {n} {s} broken",
    "gave the customer ${t} back in cash for the {s}",
)


@st.composite
def errands(draw: st.DrawFn) -> str:
    n = draw(st.integers(2, 60))
    return draw(st.sampled_from(ERRANDS)).format(
        s=draw(st.sampled_from(sorted(COSTS))), n=n, p="9.25", q="10.50", t=n * 25
    )


@given(errands())
@SETTINGS
def test_errands_with_goods_are_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, CTX)


AT_TILL = (
    "dropped {n} {s} behind the register, {r}",
    "{n} {s} {r} at register 2",
    "found {n} {s} {r} in the drawer under the till",
    "{n} {s} {r} by the cash desk, needs approval",
    "write off {n} {s} {r}, approved by jim",
    "{n} {s} {r}, reorder later",
)
REASONS = ("smashed", "broken", "cracked", "crushed", "water damaged")


@given(st.sampled_from(AT_TILL), st.sampled_from(sorted(COSTS)), st.integers(2, 9),
       st.sampled_from(REASONS))  # fmt: skip
@SETTINGS
def test_goods_lost_at_the_till_are_still_written_off(
    form: str, sku: str, n: int, reason: str
) -> None:
    text = form.format(n=n, s=sku, r=reason)
    drafts = draft(text, CTX)
    assert drafts, text
    for d in drafts:
        if d.confidence < 0.9:
            continue
        amount = quantize(COSTS[sku] * n)
        assert d.category is Category.LOSS, f"{text!r}: {d.category}"
        assert d.quantity == n and d.sku == sku and d.amount == amount, text
        accounts = decide_accounts(Category.LOSS, amount, POLICY)
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(accounts.debit, True), (accounts.credit, False)}, text
