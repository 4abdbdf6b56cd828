"""Property tests (issue 9) of accounts named in a message ("debit 5200 credit 1000 for 8 X
broken cartons pls", "dr 5200 / cr 1000 - ...", "post 4 X broken to 5200", "book it to
COGS: ..."). Accounts are never taken from the message: the goods are still read, the draft
is the policy's entry for what happened, and the named accounts are shown as ignored.
Messages are composed from parts with the truth known by construction.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import draft
from ledger.drafting.types import ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {"SKU-12": Decimal("15.00"), "WID-200": Decimal("8.50"), "CHR-009": Decimal("96.00"),
         "TV-55X": Decimal("389.00")}  # fmt: skip
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
ACCOUNTS = ("5200", "1000", "5300", "5400", "cash", "COGS", "5100")
REASONS = (("broken", Category.LOSS), ("smashed", Category.LOSS), ("crushed", Category.LOSS),
           ("stolen", Category.CASUALTY), ("missing on count", Category.SHRINKAGE))  # fmt: skip
BEFORE = (
    "debit {a} credit {b} for {g}",
    "dr {a} cr {b} - {g}",
    "Dr {a} / Cr {b} for {g}",
    "credit {b} debit {a} for {g}",
    "debit {a} for {g}",
    "post to {a}: {g}",
    "charge it to {a}: {g}",
)
AFTER = ("{g}, debit {a} credit {b}", "{g}, dr {a} cr {b}", "{g}, put it to {a}")


@st.composite
def named(draw: st.DrawFn) -> tuple[str, str, int, Category]:
    sku = draw(st.sampled_from(sorted(COSTS)))
    n = draw(st.integers(1, 40))
    word, category = draw(st.sampled_from(REASONS))
    goods = draw(st.sampled_from((f"{n} {sku} {word}", f"{n} units {sku} {word}")))
    a, b = draw(st.sampled_from(ACCOUNTS)), draw(st.sampled_from(ACCOUNTS))
    form = draw(st.sampled_from((*BEFORE, *AFTER)))
    pls = draw(st.sampled_from(("", " pls", " please")))
    return form.format(a=a, b=b, g=goods) + pls, sku, n, category


@given(named())
@SETTINGS
def test_named_accounts_are_ignored_and_the_goods_read(
    case: tuple[str, str, int, Category],
) -> None:
    text, sku, n, category = case
    drafts = draft(text, CTX)  # never refused for naming accounts
    assert len(drafts) == 1, f"{text!r}: {len(drafts)} drafts"
    d = drafts[0]
    amount = quantize(COSTS[sku] * n)
    assert d.category is category, f"{text!r}: {d.category}"
    assert d.quantity == n and d.sku == sku and d.amount == amount, f"{text!r}: {d}"
    accounts = decide_accounts(category, amount, POLICY)
    lines = {(ln.account, ln.debit > 0) for ln in d.lines}
    assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}"
    assert d.confidence < 0.9, f"{text!r}: the ignored accounts must be shown"
    assert any("accounts" in w for w in d.warnings), f"{text!r}: {d.warnings}"
