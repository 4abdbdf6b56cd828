"""Property tests (issue 9) of count sheets with signed figures, totals said "respectively"
after the parts, and counts said container first. Messages are composed from parts with the
right entries known by construction.

- "SKU-12 -3, SKU-77 +6", "variance: -12 WID-200", "(-4) BX-1042": minus is a shortage,
  plus an overage, one draft per line; a draft scored 0.9 or more is exactly right, and a
  signed figure on a line that tells another story (damage) is never drafted sure.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import Draft, DraftError, draft
from ledger.drafting.types import ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {
    "SKU-12": "15.00", "SKU-77": "45.00", "SKU-410": "12.00", "WID-200": "8.50",
    "BX-1042": "1.25", "MLK-2L": "2.10", "FLR-25": "18.75", "CHR-009": "96.00",
}  # fmt: skip
ITEMS = {sku: ItemInfo(sku, sku, Decimal(cost)) for sku, cost in COSTS.items()}
CTX = make_context(items=ITEMS)
HEADINGS = ("", "count sheet: ", "cycle count ", "stock take variances: ", "recount results - ")
Truth = tuple[Category, int, Decimal, str]


def _entry_right(d: Draft, truth: Truth, text: str) -> None:
    category, quantity, amount, sku = truth
    assert d.category is category, f"{text!r}: {d.category} != {category}"
    assert d.quantity == quantity, f"{text!r}: quantity {d.quantity} != {quantity}"
    assert d.sku == sku, f"{text!r}: {d.sku} != {sku}"
    assert d.amount == quantize(amount), f"{text!r}: amount {d.amount} != {amount}"
    accounts = decide_accounts(category, quantize(amount), POLICY)
    lines = {(ln.account, ln.debit > 0) for ln in d.lines}
    assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}"


def _right_if_sure(drafts: list[Draft], truths: list[Truth], text: str) -> None:
    if not any(d.confidence >= 0.9 for d in drafts):
        return
    assert len(drafts) == len(truths), f"{text!r}: {len(drafts)} drafts for {len(truths)}"
    for d, truth in zip(drafts, truths, strict=True):
        if d.confidence >= 0.9:
            _entry_right(d, truth, text)


@st.composite
def signed_sheet(draw: st.DrawFn) -> tuple[str, list[Truth]]:
    skus = draw(st.lists(st.sampled_from(sorted(COSTS)), min_size=1, max_size=3, unique=True))
    heading = draw(st.sampled_from(HEADINGS))
    sep = draw(st.sampled_from((", ", "\n", "; ")))
    parts: list[str] = []
    truths: list[Truth] = []
    for sku in skus:
        n = draw(st.integers(1, 60))
        minus = draw(st.booleans())
        sign = "-" if minus else "+"
        form = draw(st.integers(0, 4))
        if form == 0:
            part = f"{sku} {sign}{n}"
        elif form == 1:
            part = f"{sku}: {sign}{n}"
        elif form == 2:
            part = f"({sign}{n}) {sku}"
        elif form == 3:
            part = f"{sign}{n} {sku}"
        else:
            part = f"{sku} variance {sign}{n}"
        parts.append(part)
        category = Category.SHRINKAGE if minus else Category.OVERAGE
        truths.append((category, n, n * Decimal(COSTS[sku]), sku))
    return heading + sep.join(parts), truths


@given(signed_sheet())
@SETTINGS
def test_signed_count_figures_are_short_or_over(case: tuple[str, list[Truth]]) -> None:
    text, truths = case
    drafts = draft(text, CTX)
    _right_if_sure(drafts, truths, text)
    if len(truths) == 1:  # one line: read, not refused
        assert [d.quantity for d in drafts] == [truths[0][1]], f"{text!r}: {drafts}"


@given(
    st.sampled_from(sorted(COSTS)),
    st.integers(1, 60),
    st.sampled_from(("broken", "damaged", "stolen", "expired")),
    st.sampled_from(("-", "+")),
)
@SETTINGS
def test_a_signed_figure_beside_another_story_is_never_sure(
    sku: str, n: int, word: str, sign: str
) -> None:
    text = f"{sku} {sign}{n} {word}"
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    assert all(d.confidence < 0.9 for d in drafts), f"{text!r}: {drafts}"
