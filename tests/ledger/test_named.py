"""Goods named by the item list's words, with no code and no price (reading/named.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.drafting import ItemInfo, draft
from ledger.policy import Category
from tests.ledger.conftest import make_context

ITEMS = {
    "FN-SOL-10": ItemInfo("FN-SOL-10", "Solar fence charger 10 mi", Decimal("289.00")),
    "FN-AC-25": ItemInfo("FN-AC-25", "AC fence charger 25 mi", Decimal("199.00")),
    "SY-12": ItemInfo("SY-12", "Syringe 12cc", Decimal("0.62")),
    "TW-BAL": ItemInfo("TW-BAL", "Baler twine, 9000 ft", Decimal("41.50")),
}


def test_goods_named_as_one_item_are_that_item_at_its_cost_never_sure() -> None:
    (d,) = draft(
        "somebody vandalized the fence display, two solar chargers smashed",
        make_context(items=ITEMS),
    )
    assert (d.sku, d.quantity, d.amount) == ("FN-SOL-10", Decimal(2), Decimal("578.00"))
    assert d.confidence < 0.9
    assert any("by its name" in line for line in d.explanation + d.warnings)


def test_goods_that_fit_two_items_as_well_are_not_guessed() -> None:
    (d,) = draft("2 fence chargers smashed", make_context(items=ITEMS))
    assert d.sku is None and d.amount is None


def test_a_price_or_a_code_said_wins_over_the_names_cost() -> None:
    (d,) = draft("12 syringes dropped in the mud at $0.50 each", make_context(items=ITEMS))
    assert d.sku == "SY-12" and d.amount == Decimal("6.00") and d.confidence < 0.9
    (d,) = draft("12 SY-12 syringes dropped in the mud", make_context(items=ITEMS))
    assert d.sku == "SY-12" and d.amount == Decimal("7.44")


@pytest.mark.parametrize(
    "text",
    [
        "2 fence chargers got smashed, $150 each",  # no list cost is $150
        "fence charger knocked off the shelf and broke, $80 loss",
    ],
)
def test_a_word_two_items_share_with_a_price_neither_costs_asks_which(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.sku is None and d.amount is not None
    assert d.confidence < 0.9  # the entry may be right; its goods are not known
    assert any("FN-AC-25, FN-SOL-10: which one?" in w for w in d.explanation)


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        ("2 fence chargers got smashed, $289 each", "FN-SOL-10", "578.00"),
        ("the fence charger fell off the pallet, $199", "FN-AC-25", "199.00"),
        ("3 fence chargers stolen, $597 total", "FN-AC-25", "597.00"),
    ],
)
def test_a_price_that_is_one_sharing_items_cost_picks_it_never_sure(
    text: str, sku: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.sku, d.amount) == (sku, Decimal(amount))
    assert d.confidence < 0.9
    assert any("the price said is its cost" in w for w in d.explanation)


def test_a_word_several_names_share_where_the_goods_were_asks_nothing() -> None:
    (d,) = draft(
        "3 rolls of wire got wet beside the fence charger, $20 each", make_context(items=ITEMS)
    )
    assert (d.sku, d.amount) == (None, Decimal("60.00"))
    assert not any("which one?" in w for w in d.explanation)


def test_goods_priced_by_a_word_of_one_name_are_that_item_never_sure() -> None:
    (d,) = draft("write off $80 of twine, rained on", make_context(items=ITEMS))
    assert (d.sku, d.amount) == ("TW-BAL", Decimal("80.00"))
    assert d.confidence < 0.9 and any("by a word of its name" in w for w in d.explanation)


def test_each_request_takes_the_item_its_own_words_name() -> None:
    ds = draft(
        "write off $30 of broken syringes and $150 of stolen twine", make_context(items=ITEMS)
    )
    assert [(d.sku, d.amount) for d in ds] == [
        ("SY-12", Decimal("30.00")),
        ("TW-BAL", Decimal("150.00")),
    ]


def test_a_code_the_list_does_not_know_beside_priced_goods_is_never_sure() -> None:
    # a maker's code run together is the goods the message names, as BT-90 would be, even
    # where one item's cost is the price said (it had been read as that item, TW-BAL)
    (d,) = draft("2 rolls BT90 got rained on, $83.00 all in", make_context(items=ITEMS))
    assert (d.sku, d.amount) == ("BT90", Decimal("83.00"))
    assert d.confidence < 0.9 and any("BT90" in w for w in d.explanation)
    (d,) = draft("2 rolls BT99 got rained on, $90.00 all in", make_context(items=ITEMS))
    assert (d.sku, d.amount) == ("BT99", Decimal("90.00"))
    assert d.confidence < 0.9


def test_pairs_of_an_item_priced_by_the_piece_are_asked_about() -> None:
    items = {"PL-Q": ItemInfo("PL-Q", "Shredded Foam Pillow Queen ea", Decimal("14.25"))}
    (d,) = draft(
        "10 pr PL-Q returned from the hotel account, unsellable", make_context(items=items)
    )
    assert d.confidence < 0.9 and any("20 pieces" in w for w in d.explanation)


def test_containers_the_list_sizes_are_multiplied_out_never_sure() -> None:
    items = {
        "SH-1": ItemInfo("SH-1", "GAF Timberline Charcoal 3BDL/SQ (BDL)", Decimal("41.75")),
        "TW-1": ItemInfo("TW-1", "Edgeless towel white ea (500/BALE)", Decimal("0.78")),
    }
    (d,) = draft("4 squares of SH-1 got wet and curled", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("501.00")) and d.confidence < 0.9
    (d,) = draft("2 bales of TW-1 greased by the forklift", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(1000), Decimal("780.00")) and d.confidence < 0.9
    # a measure is no container: "20 sq ft" counts no squares
    (d,) = draft("20 sq ft of SH-1 wet", make_context(items=items))
    assert d.quantity == Decimal(20)


def test_goods_priced_at_exactly_one_items_cost_are_that_item_as_a_guess() -> None:
    items = {
        # (codes that do not say "PHB": the price alone must pick the item)
        "WOTC-90001": ItemInfo("WOTC-90001", "D&D 2024 Player's Handbook HC", Decimal("29.25")),
        "WOTC-90002": ItemInfo(
            "WOTC-90002", "D&D 2024 Dungeon Master's Guide HC", Decimal("31.50")
        ),
    }
    (d,) = draft("1 cs of PHBs (10/cs) @ $292.50/cs, shipping damage", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("WOTC-90001", Decimal(10), Decimal("292.50"))
    assert d.confidence < 0.9
    # a price no item costs names none
    (d,) = draft("1 cs of PHBs (10/cs) @ $300/cs, shipping damage", make_context(items=items))
    assert d.sku is None


def test_counted_goods_no_item_of_a_company_list_names_are_never_sure() -> None:
    # a company's list (a dozen items or more): the entry's item is unknown, the card asks
    items = {
        f"SKU-{n}": ItemInfo(f"SKU-{n}", f"Widget model {n}", Decimal("14.25")) for n in range(12)
    }
    items["BRG-REDS-8"] = ItemInfo("BRG-REDS-8", "Bones Reds Bearings 8pk", Decimal("14.25"))
    (d,) = draft("2 cs reds (10 packs/cs) @ $140/cs water dmg", make_context(items=items))
    assert (d.sku, d.amount) == (None, Decimal("280.00"))
    assert d.confidence < 0.9
    assert any("No item of the list" in w for w in d.warnings + d.explanation)
    # the same message with no item list at all is read as before
    (d,) = draft("2 cs reds (10 packs/cs) @ $140/cs water dmg", make_context(items={}))
    assert d.confidence >= 0.9


def test_money_in_goods_no_item_of_a_company_list_names_is_never_sure() -> None:
    items = {
        f"SKU-{n}": ItemInfo(f"SKU-{n}", f"Widget model {n}", Decimal("14.25")) for n in range(12)
    }
    # "jumbos" are goods of their own the list may have: which item? (drafted at 0.97)
    (d,) = draft("1 grand worth of jumbos died when the tank pump quit", make_context(items=items))
    assert (d.sku, d.amount) == (None, Decimal("1000.00"))
    assert d.confidence < 0.9
    # "$2,400 of damaged inventory" names no goods: as sure as before
    (d,) = draft("write off $2,400 of damaged inventory", make_context(items=items))
    assert d.confidence >= 0.9


def test_money_in_goods_after_a_describing_word_is_never_sure_without_an_item() -> None:
    items = {
        f"SKU-{n}": ItemInfo(f"SKU-{n}", f"Widget model {n}", Decimal("14.25")) for n in range(12)
    }
    ctx = make_context(items=items)
    # "broken" describes them: "amber markers" are the goods (it drafted no item at 0.97)
    (d,) = draft("wrote off 420 bucks of broken amber markers", ctx)
    assert d.confidence < 0.9
    # "damaged inventory from warehouse B" names no goods of their own
    (d,) = draft("write off $2,400 of damaged inventory from warehouse B", ctx)
    assert d.confidence >= 0.9


def test_a_reserve_of_counted_goods_no_item_names_is_never_sure() -> None:
    items = {
        f"SKU-{n}": ItemInfo(f"SKU-{n}", f"Widget model {n}", Decimal("14.25")) for n in range(12)
    }
    ctx = make_context(items=items)
    # goods counted for the reserve, none of the list's items named: which item?
    (d,) = draft("take 3 blue gizmos out of the E&O reserve, $25 each, scrapped", ctx)
    assert (d.category, d.sku, d.amount) == (Category.RESERVE_WRITE_OFF, None, Decimal("75.00"))
    assert d.confidence < 0.9
    # a reserve's money for a class of goods names no item: as sure as before
    (d,) = draft("top up the obsolescence reserve by $750 for seasonal packaging", ctx)
    assert d.amount == Decimal("750.00") and d.confidence >= 0.9
