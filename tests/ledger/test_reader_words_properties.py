"""Property tests of two reading principles (issue 9), with the truth known by construction.

- A books-vs-count pair, said any of several ways, is a draft for the difference: shrinkage
  when the count is lower, an overage when higher; a confident draft is exactly that.
- A character that is not an ASCII digit inside a number (a Cyrillic or Greek O, a fullwidth
  or Arabic-Indic digit, a Latin look-alike letter) is never read as a digit: the message
  is refused or every draft is doubtful, whatever the character and wherever it sits.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from ledger.money import quantize
from tests.ledger.conftest import make_context

CTX = make_context(
    items={
        "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
        "CHR-009": ItemInfo("CHR-009", "Office chair", Decimal("96.00")),
    }
)
SURE = 0.9
DOUBTFUL = 0.5

# How the books' figure and the count are said: "{b}" the books, "{c}" the count
PAIRS = [
    "system says {b} {sku}, only {c} on shelf",
    "books say {b} {sku}, we have {c}",
    "the system shows {b} units of {sku}, physical count is {c}",
    "{sku} expected {b} counted {c}",
    "{sku}: system {b}, actual {c}",
    "we counted {c} {sku} and the system says {b}",
    "{sku} system qty {b} physical {c}",
    "we have {c} {sku} vs {b} in the system",
    "{sku} should be {b} on hand, only {c} there",
    "cycle count {sku} - books: {b}, counted: {c}",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    shape=st.sampled_from(PAIRS),
    sku=st.sampled_from(["SKU-12", "CHR-009"]),
    book=st.integers(min_value=1, max_value=5000),
    counted=st.integers(min_value=0, max_value=5000),
)
def test_a_books_vs_count_pair_is_drafted_as_its_difference(
    shape: str, sku: str, book: int, counted: int
) -> None:
    assume(book != counted)
    text = shape.format(b=book, c=counted, sku=sku)
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return  # refusing is never wrong
    diff = abs(book - counted)
    cost = CTX.items[sku].unit_cost
    short = counted < book
    for d in drafts:
        if d.confidence < SURE:
            continue
        assert len(drafts) == 1, text
        assert d.quantity == diff, text
        assert d.amount == quantize(diff * cost), text
        entry = [(ln.account, ln.debit > 0) for ln in d.lines]
        assert entry == ([("5100", True), ("1200", False)] if short else
                         [("1200", True), ("5100", False)]), text  # fmt: skip


# Characters that look like, or are, digits without being ASCII digits
NOT_DIGITS = [
    "\u041e",  # Cyrillic capital O
    "\u043e",  # Cyrillic small o
    "\u039f",  # Greek capital Omicron
    "\u03bf",  # Greek small omicron
    "\u0417",  # Cyrillic Ze (a 3)
    "\u0431",  # Cyrillic be (a 6)
    "\uff10",  # fullwidth 0
    "\uff15",  # fullwidth 5
    "\u0660",  # Arabic-Indic 0
    "\u0665",  # Arabic-Indic 5
    "O",
    "I",  # ("l" is left out: after digits it is a litre, "2l bottles")
]
MONEY = ["write off broken glass SKU-12, ${n}", "damaged goods ${n}", "{q} SKU-12 stolen at ${n}"]
COUNTS = ["{n} SKU-12 damaged", "SKU-12 x {n} broken", "damaged {n} units of CHR-009"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    number=st.integers(min_value=10, max_value=99999),
    at=st.integers(min_value=0, max_value=5),
    odd=st.sampled_from(NOT_DIGITS),
    shape=st.sampled_from(MONEY + COUNTS),
)
def test_a_number_with_a_character_that_is_not_an_ascii_digit_is_never_read(
    number: int, at: int, odd: str, shape: str
) -> None:
    digits = str(number)
    at = min(at, len(digits) - 1)
    typed = digits[:at] + odd + digits[at + 1 :]
    text = shape.format(n=typed, q=3)
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    assert all(d.confidence < DOUBTFUL for d in drafts), (text, drafts)
