"""A count the message corrects itself (reading/selffix.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.drafting import draft
from ledger.drafting.reading import selffix
from tests.ledger.conftest import ITEMS, make_context


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("6 SKU-12 damaged -- sorry, make that 8, found two more in the bin", 8),
        ("5 SKU-12 dented. correction: 4 not 5", 4),
        ("5 SKU-12 bent, sorry 4, miscounted", 4),
        ("3 SKU-12 expired.. actually 4, found another one in exam 3", 4),
        ("w/o 5 SKU-12 damaged -- sorry, 6 not 5", 6),
        ("8 SKU-12 thawed -- wait, make that 6, the other 2 were fine", 6),
    ],
)
def test_the_count_the_writer_corrected_to_is_drafted_never_sure(text: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.quantity == Decimal(quantity)
    assert d.amount == Decimal(quantity) * Decimal("15.00")  # SKU-12 at the list's $15
    assert d.confidence < 0.9
    assert any("Read the correction" in line for line in d.explanation + d.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "5 SKU-12 damaged. Sorry, 3 more SKU-40 broken too.",  # another request, not a fix
        "we actually lost 5 SKU-12 in the flood",
        "40 units SKU-12 at $15, sorry $16",  # a price corrected: left to the reader's doubt
    ],
)
def test_words_that_correct_no_count_change_nothing(text: str) -> None:
    assert selffix.rewrite(text).text == text


def test_a_bare_figure_after_a_count_and_a_price_is_not_guessed() -> None:
    text = "write off 40 units SKU-12 damaged at $15 (actually make it 45)"
    assert selffix.rewrite(text).text == text  # 45 units, or $45 each? the reader asks


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # the correction's own sentence: the 5, not the 3 (found in review)
        ("3 SKU-12 broken. 5 SKU-40 dented, sorry 6", [3, 6]),
        # a place's or a reference's number is not the count corrected
        ("Aisle 3: 6 SKU-12 broken -- sorry, make that 8", [8]),
        ("PO 4471: 6 SKU-12 damaged, sorry 8", [8]),
    ],
)
def test_the_count_corrected_is_the_one_in_its_sentence(text: str, quantities: list[int]) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert [d.quantity for d in drafts] == [Decimal(q) for q in quantities]
