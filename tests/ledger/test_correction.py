"""Reading a correction written in a card's thread (ledger/drafting/correction.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.drafting.build import build_draft
from ledger.drafting.correction import (
    corrected_facts,
    read_correction,
    stored_facts,
)
from ledger.policy import Category, Policy
from tests.ledger.factories import context, make_draft

POLICY = Policy()
D = Decimal


def read(text: str, *, has_quantity: bool = True, has_unit_cost: bool = True):  # type: ignore[no-untyped-def]
    return read_correction(text, POLICY, has_quantity=has_quantity, has_unit_cost=has_unit_cost)


@pytest.mark.parametrize(
    ("text", "quantity", "unit_cost", "total"),
    [
        ("make that 30", "30", None, None),
        ("actually 12 units", "12", None, None),
        ("30, not 40", "30", None, None),
        ("sorry it was 25 not 20", "25", None, None),
        ("they were $9 each", None, "9", None),
        ("$9.50 ea", None, "9.50", None),
        ("$4 apiece", None, "4", None),
        ("$12 per unit", None, "12", None),
        ("12 dollars each", None, "12", None),
        ("at $12", None, "12", None),
        ("$450 in total", None, None, "450"),
        ("total was $1,200", None, None, "1200"),
        ("worth $2k all together", None, None, "2000"),
        ("12 units at $3.50", "12", "3.50", None),
        ("price was $9", None, "9", None),
        ("unit cost $9", None, "9", None),
        ("<@U0BOT> make it 25 of SKU-12", "25", None, None),
    ],
)
def test_what_a_reply_changes(
    text: str, quantity: str | None, unit_cost: str | None, total: str | None
) -> None:
    c = read(text)
    assert c is not None and c.problem is None, c
    assert c.quantity == (D(quantity) if quantity else None)
    assert c.unit_cost == (D(unit_cost) if unit_cost else None)
    assert c.total == (D(total) if total else None)


def test_a_reason_word_changes_the_reason() -> None:
    c = read("no, they were stolen")
    assert c is not None and c.category is Category.CASUALTY and c.reason == "stolen"


@pytest.mark.parametrize(
    "text", ["thanks!", "on it", "ok 👍", "will check with the dock", "one sec", "thanks, one more"]
)
def test_chatter_is_not_a_correction(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("make that 4OO", "could not read '4OO'"),
        ("$1l0 each", "could not read"),
        ("2 and 3", "could not tell what to change"),
        ("$5 each or $6 each", "could not tell"),
        ("make that 0", "more than zero"),
        ("make that thirty", "in digits"),
        ("half a dozen actually", "in digits"),
        ("make that 10%", "could not tell"),
        ("found them on 12/3", "could not tell"),
        ("it was SKU-13 not SKU-12", "to change the SKU, an approver can use Edit"),
    ],
)
def test_what_it_cannot_place_is_a_question_never_a_guess(text: str, words: str) -> None:
    c = read(text)
    assert c is not None and c.problem is not None and words in c.problem
    assert not c.changes


def test_a_bare_amount_answers_what_is_missing_or_asks() -> None:
    missing_cost = read("$12", has_quantity=True, has_unit_cost=False)
    assert missing_cost is not None and missing_cost.unit_cost == D(12)
    no_quantity = read("$450", has_quantity=False, has_unit_cost=False)
    assert no_quantity is not None and no_quantity.total == D(450)
    both_known = read("$450", has_quantity=True, has_unit_cost=True)
    assert both_known is not None and both_known.problem is not None
    assert "each unit or the total" in both_known.problem


def test_stored_facts_round_trip_and_correction_recomputes_the_amount() -> None:
    original = make_draft(qty="40", cost="15")
    facts = stored_facts(original.source_text, original.to_json())
    assert build_draft(facts, context()).amount == D("600.00")
    c = read("make that 30")
    assert c is not None
    new = build_draft(corrected_facts(facts, c), context())
    assert new.amount == D("450.00") and new.quantity == 30
    priced = read("they were $9 each")
    assert priced is not None
    assert build_draft(corrected_facts(facts, priced), context()).amount == D("360.00")
    total = read("$500 in total")
    assert total is not None
    assert build_draft(corrected_facts(facts, total), context()).amount == D("500.00")
    assert [ln.account for ln in new.lines] == ["5000", "1200"]  # the policy picks accounts
