"""Property tests (issue 9) of a pack size said after the goods' code rather than beside the
container ("count short 2 cs X, 24 ct", "dmg 7 cs water X 24pk", "found 1 extra case X (12
bags)"). Messages are composed from parts with the truth known by construction: the quantity
is the containers times what each holds, never the containers alone or the pack alone, and a
draft scored 0.9 or more is exactly right.
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
COSTS = {"SKU-12": Decimal("15.00"), "WID-200": Decimal("8.50"), "MLK-2L": Decimal("2.10"),
         "BX-1042": Decimal("1.25")}  # fmt: skip
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
CONTAINERS = ("cs", "cases", "ctns", "cartons", "boxes")
TAGS = ("{k} ct", "{k}ct", "{k} pk", "{k}pk", "{k}-pack", "{k} count", "{k}s", "({k}'s)",
        "{k} in each", "case of {k}")  # fmt: skip
GOODS = ("", "water ", "milk ", "widget ")
STORIES = (
    ("dmg {body}", Category.LOSS),
    ("{body} crushed", Category.LOSS),
    ("{body} water damaged", Category.LOSS),
    ("count short {body}", Category.SHRINKAGE),
    ("found {body} extra", Category.OVERAGE),
)


@st.composite
def size_after(draw: st.DrawFn) -> tuple[str, str, int, Category]:
    sku = draw(st.sampled_from(sorted(COSTS)))
    n = draw(st.integers(2, 9))
    k = draw(st.sampled_from((6, 10, 12, 20, 24, 36, 48)))
    c = draw(st.sampled_from(CONTAINERS))
    tag = draw(st.sampled_from(TAGS)).format(k=k)
    sep = draw(st.sampled_from((" ", ", ", " - ")))
    body = f"{n} {c} {draw(st.sampled_from(GOODS))}{sku}{sep}{tag}"
    story, category = draw(st.sampled_from(STORIES))
    return story.format(body=body), sku, n * k, category


@given(size_after())
@SETTINGS
def test_a_size_after_the_code_multiplies_the_containers(
    case: tuple[str, str, int, Category],
) -> None:
    text, sku, quantity, category = case
    drafts = draft(text, CTX)
    assert any(d.quantity == quantity for d in drafts), f"{text!r}: {drafts}"
    for d in drafts:
        if d.confidence < 0.9:
            continue
        amount = quantize(COSTS[sku] * quantity)
        assert d.category is category, f"{text!r}: {d.category}"
        assert d.quantity == quantity and d.amount == amount, f"{text!r}: {d.quantity}"
        accounts = decide_accounts(category, amount, POLICY)
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}"


@given(
    st.sampled_from(sorted(COSTS)),
    st.integers(2, 60),
    st.sampled_from(("case", "carton", "box", "crate")),
    st.sampled_from(("units", "bags", "bottles", "pieces")),
    st.sampled_from(
        (
            "found 1 extra {c} {sku} ({k} {u})",
            "1 {c} {sku} ({k} {u}) crushed",
            "a {c} of {sku} ({k} {u}) smashed",
        )
    ),
)
@SETTINGS
def test_what_one_container_held_is_the_count(sku: str, k: int, c: str, u: str, form: str) -> None:
    text = form.format(c=c, sku=sku, k=k, u=u)
    drafts = draft(text, CTX)
    for d in drafts:
        if d.confidence >= 0.9:
            assert d.quantity == k, f"{text!r}: {d.quantity} != {k}"
            assert d.amount == quantize(COSTS[sku] * k), f"{text!r}: {d.amount}"
