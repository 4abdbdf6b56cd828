"""Property test of the promise (issue 9, section 4): messages composed from parts, with the
right entry known by construction.

- confidence >= 0.9 => the entry is exactly right (accounts and amount);
- an amount-bearing part the construction leaves out of the truth (a pack note, "plus 3
  more") => every draft scores below 0.5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
ITEMS = {
    "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
    "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00")),
    "CHR-009": ItemInfo("CHR-009", "Office chair", Decimal("96.00")),
    "WID-200": ItemInfo("WID-200", "Widget, large", Decimal("8.50")),
}
CTX = make_context(items=ITEMS)

# (category, words that say it, misspellings people type)
REASONS = [
    (Category.LOSS, ["damaged", "broken", "expired", "crushed", "smashed", "water damaged"],
     ["damadged", "brokn", "expierd", "crushd"]),
    (Category.SHRINKAGE, ["missing", "unaccounted for", "lost"], ["misssing", "mising"]),
    (Category.CASUALTY, ["stolen", "burglary", "lost in the fire"], ["stollen", "theift"]),
]  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    text: str  # how it is said, "{sku}" where the SKU goes
    pieces: int


def _quantities(n: int) -> list[Quantity]:
    out = [
        Quantity(f"{n} units {{sku}}", n),
        Quantity(f"{n} {{sku}}", n),
        Quantity(f"{{sku}} x {n}", n),
        Quantity(f"{n}x {{sku}}", n),
        Quantity(f"{{sku}} qty {n}", n),
        Quantity(f"{n} pcs of {{sku}}", n),
        Quantity(f"{n} dozen {{sku}}", n * 12),
        Quantity(f"{n} cs (12/cs) {{sku}}", n * 12),
        Quantity(f"{n} boxes of 6 {{sku}}", n * 6),
    ]
    if n == 1:
        out.append(Quantity("a dozen {sku}", 12))
        out.append(Quantity("half a dozen {sku}", 6))
    return out


@st.composite
def messages(draw: st.DrawFn, dropped: bool) -> tuple[str, Category, Decimal]:
    n = draw(st.integers(min_value=1, max_value=60))
    qty = draw(st.sampled_from(_quantities(n)))
    sku = draw(st.sampled_from(sorted(ITEMS)))
    sku_typed = draw(st.sampled_from([sku, sku.lower()])) if sku.startswith("SKU") else sku
    category, words, typos = draw(st.sampled_from(REASONS))
    reason = draw(st.sampled_from(words + typos))
    price_cents = draw(st.integers(min_value=101, max_value=9999))
    price = Decimal(price_cents) / 100
    amount_from = draw(st.sampled_from(["item", "each", "at", "@", "total", "worth"]))
    if amount_from == "item":
        unit = ITEMS[sku].unit_cost
        money = ""
    else:
        unit = price
        money = {
            "each": f"${price} each",
            "at": f"at ${price}",
            "@": f"@ ${price}",
            "total": f"${quantize(price * qty.pieces):,} total",
            "worth": f"worth ${quantize(price * qty.pieces):,}",
        }[amount_from]
    place = draw(st.sampled_from(["", "from warehouse B", "in aisle 7", "at the back dock"]))
    filler = draw(st.sampled_from(["", "pls", "thanks", "today", "ticket 5521", "fyi"]))
    parts = [qty.text.format(sku=sku_typed), reason]
    if money:
        parts.insert(draw(st.integers(min_value=1, max_value=2)), money)
    if dropped:
        # a number that is nowhere else in the message and is no value of the truth
        said = {Decimal(x) for x in re.findall(r"\d+(?:\.\d+)?", " ".join(parts))}
        k = draw(st.integers(min_value=2, max_value=99))
        assume(Decimal(k) not in said | {unit, qty.pieces, quantize(unit * qty.pieces)})
        extra = draw(st.sampled_from(["({k}/pk)", "plus {k} more", "and {k} others"]))
        parts.append(extra.format(k=k))
    sentence = " ".join(p for p in [*parts, place] if p)
    text = draw(st.sampled_from([f"{sentence} {filler}", f"{filler} {sentence}"])).strip()
    truth = quantize(unit * qty.pieces)
    return text, category, truth


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messages(dropped=False))
def test_confident_means_exactly_right(case: tuple[str, Category, Decimal]) -> None:
    text, category, amount = case
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return  # a refusal is never wrong
    decision = decide_accounts(category, amount, POLICY)
    for d in drafts:
        if d.confidence >= 0.9:
            assert len(drafts) == 1, (text, drafts)
            got = (d.amount, d.lines[0].account, d.lines[1].account)
            assert got == (amount, decision.debit, decision.credit), (text, d.explanation)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messages(dropped=True))
def test_a_dropped_amount_part_means_doubt(case: tuple[str, Category, Decimal]) -> None:
    text, _, _ = case
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    for d in drafts:
        assert d.confidence < 0.5, (text, d.confidence, d.explanation, d.warnings)
