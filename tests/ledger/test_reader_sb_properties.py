"""Property tests (issue 9) of count sheets with signed figures, totals said "respectively"
after the parts, and counts said container first. Messages are composed from parts with the
right entries known by construction.

- "SKU-12 -3, SKU-77 +6", "variance: -12 WID-200", "(-4) BX-1042": minus is a shortage,
  plus an overage, one draft per line; a draft scored 0.9 or more is exactly right, and a
  signed figure on a line that tells another story (damage) is never drafted sure.
- "A and B, $x and $y respectively", "A, B, totals $x / $y", "at $p and $q respectively":
  each part takes its own amount, in order (a total, or a price per unit after "at" /
  "each"); when the count of amounts does not match the count of parts, nothing is sure.
- "cases of SKU-410: 3 (12/cs)", "cartons: 2 x 24 MLK-2L", "4 cases SKU-12, 12 each": the
  count said after its container multiplies out to pieces; a sure draft is exactly right.
- "@ 12/cs" without a $, and "SKU-77 damaged, 12 each" with no money said: a count or a
  price, never drafted sure.
- "40 SKU-12 - NRV now $9", "40 SKU-12, net realizable value $9 ea", "LCNRV: $9": with the
  item list's cost, a sure draft is the write-down of 40 x (cost - value); a value at or
  above cost, or a value per case set against pieces, is never sure.
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
    sep = draw(st.sampled_from((", ", "\n", "; ", " / ", " ")))
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


REASONS = (("damaged", Category.LOSS), ("broken", Category.LOSS), ("missing", Category.SHRINKAGE))


@st.composite
def respective(draw: st.DrawFn) -> tuple[str, list[Truth], bool]:
    skus = draw(st.lists(st.sampled_from(sorted(COSTS)), min_size=2, max_size=3, unique=True))
    per_unit = draw(st.booleans())
    suffix = draw(st.sampled_from(("", "/ea", " each"))) if per_unit else ""
    parts: list[str] = []
    amounts: list[str] = []
    truths: list[Truth] = []
    for sku in skus:
        n = draw(st.integers(1, 40))
        word, category = draw(st.sampled_from(REASONS))
        parts.append(f"{n} {sku} {word}")
        cost = Decimal(COSTS[sku])
        if draw(st.booleans()):  # the item list's figure, or another one (the stated wins)
            cost += Decimal(draw(st.integers(-100, 100))) / 100
        cost = max(cost, Decimal("0.25"))
        amounts.append(f"${cost}{suffix}" if per_unit else f"${n * cost}")
        truths.append((category, n, n * cost, sku))
    mismatch = draw(st.integers(0, 4)) == 0
    if mismatch:  # one amount too few or too many
        amounts = amounts[:-1] if draw(st.booleans()) else [*amounts, "$20"]
    joiner = draw(st.sampled_from((" and ", ", ", " / ")))
    said = joiner.join(amounts[:-1]) + (" and " if joiner == ", " else joiner) + amounts[-1]
    if len(amounts) == 1:
        said = amounts[0]
    listed = draw(st.sampled_from((", ".join(parts), " and ".join(parts), "\n".join(parts))))
    if suffix:
        form = "{p}, {a} respectively"
    elif per_unit:
        form = draw(
            st.sampled_from(
                (
                    "{p}, at {a} respectively",
                    "{p}, {a} each respectively",
                    "{p}, unit costs {a}",
                    "{p} - prices {a}",
                )
            )
        )
    else:
        form = draw(
            st.sampled_from(
                (
                    "{p}, {a} respectively",
                    "{p}, totals {a}",
                    "{p} costing {a} respectively",
                    "{p}, respectively {a}",
                )
            )
        )
    if "\n" in listed and not form.startswith("{p},"):
        form = form.replace("{p} ", "{p}, ", 1)
    text = form.format(p=listed, a=said).replace("\n,", "\n")
    return text, truths, mismatch


@given(respective())
@SETTINGS
def test_amounts_said_respectively_go_to_their_parts(case: tuple[str, list[Truth], bool]) -> None:
    text, truths, mismatch = case
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    if mismatch:
        assert all(d.confidence < 0.9 for d in drafts), f"{text!r}: {drafts}"
        return
    _right_if_sure(drafts, truths, text)


CONTAINERS = (("cases", "cs"), ("cartons", "ctn"), ("boxes", "box"), ("crates", "crate"))
BROKEN = ("damaged", "broken", "crushed", "smashed")


@st.composite
def container_first(draw: st.DrawFn) -> tuple[str, list[Truth]]:
    sku = draw(st.sampled_from(sorted(COSTS)))
    plural, short = draw(st.sampled_from(CONTAINERS))
    n = draw(st.integers(1, 20))
    k = draw(st.integers(2, 48))
    word = draw(st.sampled_from(BROKEN))
    form = draw(st.integers(0, 7))
    if form == 0:
        text = f"{plural} of {sku} {word}: {n} ({k}/{short})"
    elif form == 1:
        text = f"{word} {plural}: {n} ({k}/{short}) {sku}"
    elif form == 2:
        text = f"{plural}: {n} x {k} {sku} {word}"
    elif form == 3:
        text = f"{plural} {sku} = {n}, {k} per {short}, {word}"
    elif form == 4:
        text = f"{n} {plural} {sku}, {k} each, {word}"
    elif form == 5:
        text = f"{word}: {n} {plural} {sku}, {k} each"
    elif form == 6:
        text = f"{plural} {sku} x{n}, {k}/{short}, {word}"
    else:
        text = f"{plural} of {sku} {word}: {n} x {k}"
    q = n * k
    return text, [(Category.LOSS, q, q * Decimal(COSTS[sku]), sku)]


@given(container_first())
@SETTINGS
def test_counts_said_container_first_multiply_out(case: tuple[str, list[Truth]]) -> None:
    text, truths = case
    drafts = draft(text, CTX)
    _right_if_sure(drafts, truths, text)
    assert [d.quantity for d in drafts] == [truths[0][1]], f"{text!r}: {drafts}"


@given(
    st.sampled_from(sorted(COSTS)),
    st.integers(1, 20),
    st.integers(2, 48),
    st.sampled_from(BROKEN),
    st.integers(0, 3),
)
@SETTINGS
def test_a_count_or_a_price_is_never_sure(sku: str, n: int, k: int, word: str, form: int) -> None:
    text = (
        f"{n} cases {sku} @ {k}/cs, {word}",
        f"{n} cases {sku} {word} at {k}/cs",
        f"{sku} {word}, {k} each",
        f"{word} {sku} - {k} each",
    )[form]
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    assert all(d.confidence < 0.9 for d in drafts), f"{text!r}: {drafts}"


NRV_PHRASES = (
    "NRV now", "NRV", "NRV:", "net realizable value", "net realisable value now", "LCNRV",
    "lower of cost or NRV:", "realizable value", "recoverable amount", "market value now",
)  # fmt: skip


@given(
    st.sampled_from(sorted(COSTS)),
    st.integers(1, 200),
    st.sampled_from(NRV_PHRASES),
    st.sampled_from((" - ", ", ", " ", ": ")),
    st.sampled_from(("", " ea", " each", "/unit", " per unit", " a case", "/cs")),
    st.integers(1, 150),
)
@SETTINGS
def test_a_new_value_after_the_count_is_a_write_down(
    sku: str, n: int, phrase: str, sep: str, per: str, share: int
) -> None:
    cost = Decimal(COSTS[sku])
    value = quantize(cost * share / 100)
    text = f"{n} {sku}{sep}{phrase} ${value}{per}"
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    sure = [d for d in drafts if d.confidence >= 0.9]
    if value >= cost or per in (" a case", "/cs") or value <= 0:
        assert not sure, f"{text!r}: {drafts}"
        return
    _right_if_sure(drafts, [(Category.WRITE_DOWN, n, n * (cost - value), sku)], text)
