"""A person's edit re-checked against the policy (ledger/review.py)."""

from __future__ import annotations

from decimal import Decimal as D

from ledger.policy import Category, Policy
from ledger.review import ReviewLine, review_lines

NAMES = {
    "1000": "Cash",
    "1200": "Inventory",
    "5000": "Cost of Goods Sold",
    "5100": "Shrinkage",
    "5200": "Inventory Write-Off Expense",
    "6100": "Office Supplies",
}


def lines(debit: str, credit: str, amount: str) -> list[ReviewLine]:
    return [
        ReviewLine(debit, NAMES[debit], D(amount), D(0)),
        ReviewLine(credit, NAMES[credit], D(0), D(amount)),
    ]


def test_lines_as_the_policy_would_post_them_have_no_exception() -> None:
    review = review_lines("loss", "damaged", lines("5000", "1200", "600.00"), Policy(), NAMES)
    assert review.exceptions == ()
    assert "under the $1,000.00 materiality threshold" in " ".join(review.explanation)


def test_the_explanation_follows_the_new_amount() -> None:
    review = review_lines("loss", "damaged", lines("5200", "1200", "1600.00"), Policy(), NAMES)
    assert review.exceptions == ()
    text = " ".join(review.explanation)
    assert "$1,600.00 is at or over" in text and "under the" not in text


def test_cogs_over_materiality_and_foreign_accounts_are_exceptions() -> None:
    over = review_lines("loss", "expired", lines("5000", "1200", "1000.00"), Policy(), NAMES)
    assert len(over.exceptions) == 1 and "5200 Inventory Write-Off Expense" in over.exceptions[0]
    cash = review_lines("casualty", "stolen", lines("6100", "1000", "80.00"), Policy(), NAMES)
    assert len(cash.exceptions) == 2  # neither side is a write-off account
    assert "6100 Office Supplies is not one of the write-off accounts" in cash.exceptions[0]
    assert "credits $80.00" in cash.exceptions[1]
    assert "instead" in " ".join(cash.explanation)


def test_a_company_policy_with_its_own_codes_and_threshold() -> None:
    policy = Policy(materiality=D("250.00"), cogs="6100", inventory="1000")
    review = review_lines(Category.LOSS.value, None, lines("6100", "1000", "300.00"), policy, NAMES)
    assert len(review.exceptions) == 1 and "$250.00 materiality" in review.exceptions[0]


def test_an_unknown_or_missing_category_still_checks_the_accounts() -> None:
    for category in (None, "no-such-category"):
        review = review_lines(category, None, lines("1000", "1200", "5.00"), Policy(), NAMES)
        assert len(review.exceptions) == 1 and review.explanation[0].startswith("Edited")
