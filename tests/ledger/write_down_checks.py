"""The check the write-down property tests share: goods written down to a new value."""

from __future__ import annotations

from decimal import Decimal

from ledger.drafting import DraftError, draft
from ledger.drafting.types import DraftContext
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts

POLICY = Policy()


def check_written_down(
    text: str, ctx: DraftContext, cost: Decimal, sku: str, n: int, value: Decimal
) -> None:
    """`n` of `sku` (the list's `cost`) said to be worth `value` each: a value at or above
    cost is doubtful; a sure draft is the one write-down, n x (cost - value), on the policy's
    accounts; one draft exactly when sure."""
    try:
        drafts = draft(text, ctx)
    except DraftError:
        return
    for d in drafts:
        if value >= cost:
            assert d.confidence < 0.5, f"{text!r}: {d.category} at {d.confidence}"
            continue
        if d.confidence < 0.9:
            continue
        amount = quantize(n * (cost - value))
        assert len(drafts) == 1, f"{text!r}: {len(drafts)} drafts"
        assert d.category is Category.WRITE_DOWN, f"{text!r}: {d.category}"
        assert d.quantity == n and d.sku == sku, f"{text!r}: {d.quantity} {d.sku}"
        assert d.amount == amount, f"{text!r}: {d.amount} != {amount}"
        accounts = decide_accounts(Category.WRITE_DOWN, amount, POLICY)
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}"
