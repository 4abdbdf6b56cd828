"""Reasons and reserve directions as floor staff say them (held-out rounds 47-48 of issue 9):
each message drafts the policy's entry for what happened, whatever the trade's words."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal

import pytest

from ledger.drafting import DraftError, Facts, ItemInfo, draft
from ledger.drafting.reading import named, packs
from ledger.money import quantize
from ledger.policy import Category
from tests.ledger.conftest import ITEMS, make_context


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # the sea over the dock is a flood
        ("king tide got the lower shed again, 12 SKU-12 ruined", Category.CASUALTY, "180.00"),
        # more on the shelf than the books, said of ourselves
        ("we're up 5 on SKU-12 vs the books", Category.OVERAGE, "75.00"),
        # raising the reserve, said short
        ("pls up the obsolete reserve $750, slow movers", Category.RESERVE_PROVISION, "750.00"),
        # the reserve's short names, used
        ("pull 4 SKU-12 from the obs reserve", Category.RESERVE_WRITE_OFF, "60.00"),
        # "what we set aside" names the reserve; clearing goods through it uses it
        (
            "clear the 22 discontinued SKU-12 thru the E&O reserve, using what we set aside",
            Category.RESERVE_WRITE_OFF,
            "330.00",
        ),
        # charged to the allowance is out of it (it was drafted as building it)
        (
            "charge the 12 discontinued SKU-12 we're tossing to the obsolete stock allowance",
            Category.RESERVE_WRITE_OFF,
            "180.00",
        ),
    ],
)
def test_floor_words_draft_the_policys_entry(text: str, category: Category, amount: str) -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.amount) == (category, Decimal(amount))


def test_a_count_after_the_reserves_name_is_no_dollar_amount() -> None:
    # "reserve: 100 grey blanks" counts blanks (it drafted $100.00 at 0.97); "reserve 100
    # for old blanks" is still $100
    (d,) = draft(
        "relieve obsolescence reserve: 100 grey blanks, old formula, tossed", make_context()
    )
    assert d.quantity == Decimal(100) and d.amount is None and d.confidence < 0.9
    (d,) = draft("relieve obsolescence reserve 100 for old blanks", make_context())
    assert d.amount == Decimal("100.00")


def test_goods_a_provision_is_for_and_its_money_are_one_provision() -> None:
    items = {"LS-8": ItemInfo("LS-8", "LOOSE MOISS 8MM RD", Decimal("310.00"))}
    ds = draft(
        "provide for 2 LS-8 going obsolete, add $620 to the E&O reserve",
        make_context(items=items),
    )
    assert [(d.category, d.amount) for d in ds] == [(Category.RESERVE_PROVISION, Decimal("620.00"))]


def test_storms_in_one_word_and_parts_ripped_off() -> None:
    items = {
        "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
        "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00")),
    }
    ctx = make_context(items=items)
    (d,) = draft("thunderstorm ripped the canopy loose, SKU-12 x 18 in the mud", ctx)
    assert d.category is Category.CASUALTY
    # a part ripped off the goods is damage; someone ripping off goods is theft
    ds = draft("3 SKU-12 crushed, 5 SKU-410 handles ripped off", ctx)
    assert [d.category for d in ds] == [Category.LOSS, Category.LOSS]
    (d,) = draft("someone ripped off 3 SKU-12", ctx)
    assert d.category is Category.CASUALTY


def test_a_pos_name_ending_in_dz_is_priced_by_the_dozen() -> None:
    items = {"TL-DZ": ItemInfo("TL-DZ", "BALL TITL VELOCITY DZ", Decimal("17.40"))}
    # 5 dozen of an item priced by the dozen: 5 of the list's units (it drafted 60 x $17.40)
    (d,) = draft("w/o 5 dz TL-DZ soaked, cooler tipped over", make_context(items=items))
    assert d.amount == Decimal("87.00")


def test_a_room_by_its_number_is_no_count_and_a_cold_store_down_is_spoilage() -> None:
    items = {"R-40": ItemInfo("R-40", "REMOTE TV UNIVERSAL", Decimal("9.75"))}
    ctx = make_context(items=items)
    # "missing from 1108": a room, not 1,108 remotes (it drafted $10,803.00)
    (d,) = draft("R-40 missing from 1108 again ugh", ctx)
    assert d.quantity != Decimal(1108) and (d.amount or 0) < 100
    # a price after "at" is still a price
    (d,) = draft(
        "scuffed 12 R-40, can sell at 300",
        make_context(items={"R-40": ItemInfo("R-40", "REMOTE TV UNIVERSAL", Decimal("389.00"))}),
    )
    assert d.amount == Decimal("1068.00")
    # lost in a walk-in failure, or by the laundry: destroyed, no shortfall on a count
    (d,) = draft("1.2k worth of R-40 lost in the walk-in failure", ctx)
    assert d.category is Category.LOSS
    (d,) = draft("laundry vendor lost 24 R-40, confirmed gone for good", ctx)
    assert d.category is Category.LOSS


def test_goods_gone_off_a_shelf_under_a_coat_are_stolen_not_spoiled() -> None:
    items = {"DO-1": ItemInfo("DO-1", "TICKET TO RIDE USA", Decimal("30.00"))}
    ctx = make_context(items=items)
    (d,) = draft("2 DO-1 gone off the demo shelf, cam shows a lady walking out with them", ctx)
    assert d.category is Category.CASUALTY  # (drafted as spoiled at 0.97)
    (d,) = draft("2 DO-1 gone off, smells bad", ctx)
    assert d.category is Category.LOSS


def test_more_containers_than_goods_is_asked_and_a_5_of_a_pail_is_one() -> None:
    items = {
        "CHX-1": ItemInfo("CHX-1", "CHX 36D6 12MM SPKL ARCTIC", Decimal("7.20")),
        "450-XW5": ItemInfo("450-XW5", "ARMRSHLD EXT SATIN XTRA WHT 5G", Decimal("148.90")),
    }
    ctx = make_context(items=items)
    # ten sets holding one? The count may be the sets' (it drafted 1 at 0.92)
    (d,) = draft("1 CHX-1 (10 sets) knocked off the counter", ctx)
    assert d.confidence < 0.9
    # "a 5 of" a five-gallon item is one pail (it drafted five at 0.97)
    (d,) = draft("dropped a 5 of 450-XW5 off the shaker", ctx)
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("148.90"))


def test_a_nurserys_losses_and_a_twister() -> None:
    items = {"PT-1": ItemInfo("PT-1", "PETUNIA WAVE FLAT 18CT", Decimal("15.00"))}
    ctx = make_context(items=items)
    # lost to the heat or a freeze: spoiled stock, no shortfall on a count
    (d,) = draft("lost half of the 60 PT-1 on bench 4 to heat, w/o", ctx)
    assert d.category is Category.LOSS
    (d,) = draft("jan 2-5 freeze, hoop 1, 48 PT-1 gone", ctx)
    assert d.category is Category.LOSS
    (d,) = draft("the twister last night flattened block D, 16 PT-1 snapped off", ctx)
    assert d.category is Category.CASUALTY
    # "testers" is no twister
    (d,) = draft("6 PT-1 testers snapped", ctx)
    assert d.category is Category.LOSS


def test_last_wks_figure_is_talk_not_a_write_off() -> None:
    # (drafted $312 of shrinkage at 0.97)
    with pytest.raises(DraftError):
        draft("last wk shrink was $312, nice job team", make_context())


def test_a_door_left_open_and_a_bottle_that_slipped_are_losses() -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}
    ctx = make_context(items=items)
    (d,) = draft("freezer door 6 got left open overnight, lost 14 SKU-12", ctx)
    assert d.category is Category.LOSS
    (d,) = draft("lost 1 btl SKU-12, slipped right outta my hand", ctx)
    assert d.category is Category.LOSS


def test_about_a_grand_is_a_hedge() -> None:
    # (drafted $1,000.00 at 0.97)
    (d,) = draft("about a grand of expired anesthetic in the fridge", make_context())
    assert d.confidence < 0.5
    (d,) = draft("a grand of expired stock, write it off", make_context())
    assert d.confidence >= 0.9


# counts per container beside goods named by their list name (round 59 of issue 9)
PIZZA = {"F52220": ItemInfo("F52220", "PZA FRZ PEPP 12IN", Decimal("3.65"))}
CIGARILLO = {"TB1088": ItemInfo("TB1088", "SWSHR SWT CGRLO 2PK", Decimal("0.89"))}
CHIPS = {"SN1104": ItemInfo("SN1104", "DORITOS NACHO CHS 1.75OZ", Decimal("0.89"))}


@pytest.mark.parametrize(
    ("text", "items", "quantity", "amount"),
    [
        # a figure then "/cs" counts the case, though the name has a 12 too (it drafted one
        # case at the piece's price and asked how many a case holds)
        ("1 case pepp pizza 12/cs freezer burned", PIZZA, 12, "43.80"),
        ("2 cases pepp pizza, 10 a case, freezer burned", PIZZA, 20, "73.00"),
        # a count after "@" with "ct" is how many a box holds, no price
        ("dock 2 / TB1088 / 4 bx @ 30 ct / crushed", CIGARILLO, 120, "106.80"),
        # a caddy holds its count ("64 ct each")
        ("2 caddies of nacho doritos, 64 ct each, stale dated", CHIPS, 128, "113.92"),
    ],
)
def test_counts_per_container_beside_named_goods(
    text: str, items: dict[str, ItemInfo], quantity: int, amount: str
) -> None:
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_a_12_of_the_name_with_no_container_after_is_still_the_names() -> None:
    # "12 in" pizzas, counted 3: the figure glued to nothing per container stays the name's
    (d,) = draft("3 pepp pizza 12in freezer burned", make_context(items=PIZZA))
    assert (d.sku, d.quantity) == ("F52220", Decimal(3))


def test_an_honor_box_short_is_cash_not_stock() -> None:
    with pytest.raises(DraftError):
        draft("honor box was $20 short this morning :(", make_context(items=PIZZA))


# write-downs as the floor says them (rounds 47-59 of issue 9): each drafted a loss of the
# goods' whole cost or of the new value
@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # "marking ... down from", the old and the new price
        ("marking the 30 SKU-12 down from 15 to 10, print discontinued", "150.00"),
        ("write the 12 SKU-12 down from 15 to 11", "48.00"),
        # the value the goods have now, said between "worth" and "now"
        ("SKU-12 worth $6 now, 20 still on hand", "180.00"),
        ("wrote down 10 SKU-12 to 9 ea, still on the shelf", "60.00"),
        ("value em at $12, 10 SKU-12 on hand, short dated", "30.00"),
        ("50 SKU-12 faded on the display, knocking them down to $14, keeping them", "50.00"),
    ],
)
def test_write_downs_as_the_floor_says_them(text: str, amount: str) -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_worth_a_total_is_no_value_kept() -> None:
    # "worth $600" with "now" later is what was lost, not the value the goods keep
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}
    (d,) = draft("lost 40 SKU-12 worth $600, post it now", make_context(items=items))
    assert d.category != Category.WRITE_DOWN and d.amount == Decimal("600.00")


# "lost" with no cause: goods known to be gone, a write-off; a shortfall is a count below the
# books (rounds 47-60 of issue 9: all 139 held-out messages that said "lost" expected a loss,
# a casualty or a write-down, none a shrinkage; the reader had drafted shrinkage)
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("12 SKU-12 lost, $2 ea", Category.LOSS),
        ("lost 2 SKU-12 off the back of the truck", Category.LOSS),
        ("a dozen SKU-12 rolled under the bench, lost for good", Category.LOSS),
        # at a count, "lost" is to the books: a shortfall
        ("lost 15 boxes of SKU-12 on the count", Category.SHRINKAGE),
        ("we lost 3 SKU-12 somewhere in the warehouse, count is short", Category.SHRINKAGE),
        # a cause beside it wins
        ("lost 4 SKU-12 to a shoplifter", Category.CASUALTY),
    ],
)
def test_lost_is_a_write_off_unless_a_count_says_short(text: str, category: Category) -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}
    (d,) = draft(text, make_context(items=items))
    assert d.category == category


def test_what_happened_said_for_both_leaves_the_reserve_paying_for_both() -> None:
    # "both scrapped" is what happened to both; the reserve says who pays (it drafted the
    # first as a loss at 0.97)
    items = {
        "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
        "SKU-77": ItemInfo("SKU-77", "Red gadget", Decimal("45.00")),
    }
    ds = draft(
        "take 1 SKU-77 and 3 SKU-12 out of the E&O reserve, both scrapped",
        make_context(items=items),
    )
    assert [(d.category, d.amount) for d in ds] == [
        (Category.RESERVE_WRITE_OFF, Decimal("45.00")),
        (Category.RESERVE_WRITE_OFF, Decimal("45.00")),
    ]
    # a lead of what happened keeps its own story: "Damaged: 3 A, 5 B burnt in the fire"
    ds = draft("Damaged: 3 SKU-12, 5 SKU-77 burnt in the fire", make_context(items=items))
    assert ds[0].category is Category.LOSS


FLORAL = {
    "FL204": ItemInfo("FL204", "BOUQUET MIXED SEASONAL", Decimal("7.49")),
    "FL212": ItemInfo("FL212", "CARNATION ASST BN", Decimal("4.80")),
    "FL241": ItemInfo("FL241", "ORCHID PHAL 5IN DBL SPK", Decimal("16.20")),
    "BK131": ItemInfo("BK131", "BREAD SRDGH ROUND", Decimal("2.10")),
    "BK135": ItemInfo("BK135", "BREAD MULTIGRAIN SLCD", Decimal("1.70")),
}


def test_a_count_of_other_goods_is_no_part_of_goods_pulled() -> None:
    # "pulled 6 A, 4 B": the 4 are B's, not the part of the 6 A written off (it drafted 4 A)
    ds = draft(
        "pulled 6 FL204 bqts, 4 FL212 carns, and 2 FL241 orchids, all dead",
        make_context(items=FLORAL),
    )
    assert [(d.sku, d.quantity) for d in ds] == [
        ("FL204", Decimal(6)),
        ("FL212", Decimal(4)),
        ("FL241", Decimal(2)),
    ]


def test_goods_sent_to_the_gifts_place_are_given_along() -> None:
    # the verb of giving said once; the second part says only how the bread was (day olds)
    ds = draft(
        "donate 10 BK131 & 10 BK135 day olds to the church shelter pantry",
        make_context(items=FLORAL),
    )
    assert [d.category for d in ds] == [Category.DONATION, Category.DONATION]
    # what was thrown away was not given
    ds = draft(
        "donated 10 BK131 to the food bank and tossed 10 BK135 day olds",
        make_context(items=FLORAL),
    )
    assert [d.category for d in ds] == [Category.DONATION, Category.LOSS]


def test_gone_from_a_cage_named_by_what_it_holds_is_taken() -> None:
    (d,) = draft("5 FL241 went missing from the floral cage", make_context(items=FLORAL))
    assert d.category is Category.CASUALTY
    # at a count, the count's shortfall and the cage's theft are two stories: asked
    (d,) = draft(
        "1/31 month end count - 5 FL241 went missing from the floral cage",
        make_context(items=FLORAL),
    )
    assert d.confidence < 0.9
    # the cage as where someone looked is no theft
    (d,) = draft("checked the cage, 3 FL241 missing", make_context(items=FLORAL))
    assert d.category is Category.SHRINKAGE


@pytest.mark.parametrize(
    "text",
    [
        "expired: SKU-12 12, SKU-77 8, SKU-410 5",
        "expired - SKU-12 12, SKU-77 8, SKU-410 5",
        "SKU-12 12, SKU-77 8, SKU-410 5 expired",
    ],
)
def test_a_count_sheets_lines_are_one_draft_each(text: str) -> None:
    # a code and its count per line, the reason said once (the last two lines were one draft
    # of SKU-77, the 5 not understood)
    ds = draft(text, make_context())
    assert [(d.sku, d.quantity, d.category) for d in ds] == [
        ("SKU-12", Decimal(12), Category.LOSS),
        ("SKU-77", Decimal(8), Category.LOSS),
        ("SKU-410", Decimal(5), Category.LOSS),
    ]


def test_the_fire_company_is_no_fire() -> None:
    (d,) = draft("donated 5 SKU-12 to the fire co charity auction", make_context())
    assert d.category is Category.DONATION


def test_a_reserve_hit_says_no_direction_hitting_the_reserve_uses_it() -> None:
    # "reserve hit": a charge to it, or a hit to the books to build it? (it was sure: used)
    (d,) = draft("obsolete reserve hit for the old bundles, $540", make_context())
    assert d.confidence < 0.9
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}
    (d,) = draft("12 SKU-12 obsolete, hit the E&O reserve for those", make_context(items=items))
    assert d.category is Category.RESERVE_WRITE_OFF and d.confidence >= 0.9


_WIDGETS = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # the difference said once more with no direction of its own: the pair says which way
        (
            "SKU-12: books say 6, we have 4. nobody knows where the other 2 went",
            Category.SHRINKAGE,
            "30.00",
        ),
        ("cycle count SKU-12 system 18, shelf 21, so +3", Category.OVERAGE, "45.00"),
        # QuickBooks is the books
        ("SKU-12 QB 9, shelf 7", Category.SHRINKAGE, "30.00"),
        # goods found that the books never had
        ("found 2 SKU-12 in the returns bin that arent on the books", Category.OVERAGE, "30.00"),
        (
            "found 3 SKU-12 behind the cup shelf, not in inventory. pls add",
            Category.OVERAGE,
            "45.00",
        ),
        ("found 1 SKU-12 in the back room that wasnt in the count", Category.OVERAGE, "15.00"),
    ],
)
def test_count_differences_and_found_goods(text: str, category: Category, amount: str) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is category
    assert d.amount == Decimal(amount)


def test_a_difference_said_again_with_its_direction_is_the_difference() -> None:
    # "short 2" is the request; the figures beside it are its workings, not a second count
    (d,) = draft("SKU-12: QB 9, shelf 7, so short 2", make_context(items=_WIDGETS))
    assert d.category is Category.SHRINKAGE and d.amount == Decimal("30.00")


@pytest.mark.parametrize(
    "text",
    [
        "somebody nicked the 5lb fire extinguisher off the wall by the front door",
        "the fire extinguisher by dock 2 got knocked off the hook and discharged, w/o",
    ],
)
def test_one_mid_priced_piece_named_with_no_count_is_one_never_sure(text: str) -> None:
    # a $44 extinguisher is counted by the piece: the one meant, not a count to ask for
    items = {"FE-5ABC": ItemInfo("FE-5ABC", "FIRE EXT 5LB ABC", Decimal("44.00"))}
    (d,) = draft(text, make_context(items=items))
    assert d.quantity == 1 and d.amount == Decimal("44.00") and d.confidence < 0.9


def test_a_name_that_says_each_then_a_case_is_priced_each() -> None:
    # "EA 12/CS": the list's unit is the bag, a case holds twelve (it read the case as the unit)
    items = {"2B1324X": ItemInfo("2B1324X", "SOL NACL 0.9% 1000ML VFLX EA 12/CS", Decimal("2.46"))}
    (d,) = draft("3 cs 2B1324X expired", make_context(items=items))
    assert d.quantity == 36 and d.amount == Decimal("88.56")


def test_a_name_glued_to_one_dozen_is_priced_by_the_dozen() -> None:
    # "NITECRWLR 1DZ" at $1.35 is a dozen worms: "16 dz" costs 16 of them (it was 192 at
    # $1.35, sure); counted in pieces, the 192 worms (held-out rounds 179-180)
    items = {"BT01": ItemInfo("BT01", "NITECRWLR 1DZ", Decimal("1.35"))}
    (d,) = draft("bait room count BT01 is off, 16 dz less than system", make_context(items=items))
    assert d.quantity == 192 and d.amount == Decimal("21.60")


@pytest.mark.parametrize(
    "text",
    [
        "fyi march shrink on the bar was $1,240, down from feb",
        "ytd write-offs are at $3,000",
        "oct damages came to $880, pretty good",
    ],
)
def test_a_months_losses_told_are_no_write_off(text: str) -> None:
    with pytest.raises(DraftError, match="figure from the past"):
        draft(text, make_context())


def test_a_size_and_name_said_once_is_written_once() -> None:
    # "the 6in bullies" was rewritten as "    bullies    bullies": the goods said twice
    items = {
        "BS6-EA": ItemInfo("BS6-EA", "BULLY STK 6IN EA", Decimal("2.15")),
        "BS12-EA": ItemInfo("BS12-EA", "BULLY STK 12IN EA", Decimal("4.10")),
    }
    (d,) = draft("half dozen of the 6in bullies got moldy", make_context(items=items))
    assert d.sku == "BS6-EA" and d.quantity == 6 and d.amount == Decimal("12.90")


def test_capitals_with_a_plural_s_are_the_name_word() -> None:
    items = {"DUR-AA24": ItemInfo("DUR-AA24", "BATT DURCL AA 24PK", Decimal("17.60"))}
    (d,) = draft("somebody stole 4 pks of duracell AAs off the counter", make_context(items=items))
    assert d.sku == "DUR-AA24" and d.amount == Decimal("70.40")


@pytest.mark.parametrize(
    "text", ["2 of the #10 blades chipped, SKU-12", "3 #10 cans SKU-12 dented, 3 of them"]
)
def test_a_number_signs_figure_is_a_size_never_the_count(text: str) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.quantity in (2, 3) and d.amount == d.quantity * Decimal("15.00")


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # what the goods or the on-hand figure show is the record; the count is what we counted
        ("SKU-12: on hand shows 88, we counted 81", Category.SHRINKAGE, "105.00"),
        ("weekly count: SKU-12 shows 9, counted 7", Category.SHRINKAGE, "30.00"),
        ("SKU-12 shows 12, counted 14", Category.OVERAGE, "30.00"),
    ],
)
def test_what_the_goods_show_is_the_books_figure(
    text: str, category: Category, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is category and d.amount == Decimal(amount)


def test_n_for_and_starts_the_next_part() -> None:
    items = {**_WIDGETS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    drafts = draft("defective: 3 SKU-12 n 2 SKU-40, dead out of the box", make_context(items=items))
    assert [(d.sku, d.amount) for d in drafts] == [
        ("SKU-12", Decimal("45.00")),
        ("SKU-40", Decimal("284.00")),
    ]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "over" a place is where it happened, not a count's surplus (a sprinkler that let go
        # is a flood since rounds 248 and 306, said apart from its head since round 339)
        (
            "sprinkler head over bay 3 let go, 60 SKU-12 soaked, count confirmed w tina",
            Category.CASUALTY,
        ),
        # folding is no flooding
        ("3 SKU-12 w/ busted zippers, found them when i was folding the denim wall", Category.LOSS),
        ("smash n grab at 3am: 2 SKU-12 gone", Category.CASUALTY),
        # the till's system is the books
        ("SKU-12: 14 fewer on the shelf than pos shows", Category.SHRINKAGE),
    ],
)
def test_place_words_and_trade_idioms_keep_the_reason(text: str, category: Category) -> None:
    drafts = draft(text, make_context(items=_WIDGETS))
    assert [d.category for d in drafts] == [category]


def test_a_count_after_x_ends_at_a_full_stop() -> None:
    (d,) = draft("broken SKU-12 x6. w/o", make_context(items=_WIDGETS))
    assert d.quantity == 6 and d.amount == Decimal("90.00")


def test_a_case_numbers_parts_are_no_negative_count() -> None:
    (d,) = draft(
        "2 SKU-12 stolen off the yard. sheriff case 2411-0457", make_context(items=_WIDGETS)
    )
    assert d.quantity == 2 and not any("negative" in w for w in d.warnings)


def test_they_who_took_it_are_the_thieves() -> None:
    items = {"PW-HW3000": ItemInfo("PW-HW3000", "PW HOTSY HW3000", Decimal("4650.00"))}
    (d,) = draft(
        "break in at the yard, they took PW-HW3000 off the floor.", make_context(items=items)
    )
    # the costly unit named once is one, never sure
    assert d.category is Category.CASUALTY and d.quantity == 1 and d.confidence < 0.9


def test_they_are_no_noun_naming_one_piece() -> None:
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    (d,) = draft("SKU-40 they are all broken", make_context(items=items))
    assert d.quantity != 1


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a write-down's value per case, written as a pack is: $30 a case, not 30 to a case
        ("write down 20 cs CASE-12 to 30/cs, short dated", "300.00"),
        ("lower of cost or nrv on CASE-12, 10 cs, nrv 35/cs", "100.00"),
        # selling at the new value is the write-down's reason, not a sale to refuse
        (
            "mark down 20 cs CASE-12 short dated from 45.00 to 12/cs, selling to the outlet",
            "660.00",
        ),
    ],
)
def test_a_value_per_case_is_a_price(text: str, amount: str) -> None:
    items = {"CASE-12": ItemInfo("CASE-12", "MAYO RL 30OZ 12/CS", Decimal("45.00"))}
    (d,) = draft(text, make_context(items=items))
    assert d.category is Category.WRITE_DOWN and d.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("we got 6 more SKU-12 than qb says, add em back", Category.OVERAGE),
        ("we have 6 fewer SKU-12 than qb says", Category.SHRINKAGE),
        ("found 6 SKU-12 behind the shed that aren't in the books", Category.OVERAGE),
    ],
)
def test_more_or_fewer_than_the_books_say(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is category and d.amount == Decimal("90.00")


def test_tone_is_no_misspelt_tore() -> None:
    (d,) = draft("2 SKU-12 tone arms broken", make_context(items=_WIDGETS))
    assert not any("'tone'" in w for w in (*d.warnings, *d.explanation))


def test_a_code_and_its_count_joined_to_the_next_line_is_a_line() -> None:
    items = {**_WIDGETS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    drafts = draft("SKU-12 2 pk + SKU-40 1 pk dented and leaking", make_context(items=items))
    assert [(d.sku, d.quantity) for d in drafts] == [("SKU-12", 2), ("SKU-40", 1)]


def test_a_dining_tables_number_is_a_place() -> None:
    (d,) = draft(
        "3 SKU-12 broke during service, table 4 knocked them", make_context(items=_WIDGETS)
    )
    assert d.quantity == 3 and d.amount == Decimal("45.00")


def test_them_written_down_is_the_goods_before() -> None:
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    (d,) = draft("SKU-40 (4) last yrs style, write em down to 80 each", make_context(items=items))
    assert d.category is Category.WRITE_DOWN and d.amount == Decimal("248.00")


def test_a_part_beside_one_missing_facts_is_never_sure() -> None:
    # the right part was sure beside a part it could not price: the card asks about the whole
    items = {**_WIDGETS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    drafts = draft("2 SKU-99 dmg, 1 SKU-40 defective", make_context(items=items))
    assert len(drafts) == 2 and drafts[0].missing and not drafts[1].missing
    assert all(d.confidence < 0.9 for d in drafts)
    assert drafts[1].amount == Decimal("142.00")
    assert any("Another part" in w for w in drafts[1].warnings)


# A distributor's case pack after the name ("CS/24", "(PLT/60)", "(BX/40)"): the goods are
# priced by the piece (or the measure) and the pack says how many a case holds.
_PACKED = {
    "GR-240": ItemInfo("GR-240", "GRAVY CUP BEEF 4OZ CS/24", Decimal("0.85")),
    "SND-50": ItemInfo("SND-50", "PLAY SAND 50LB BAG (PLT/60)", Decimal("4.10")),
    "SPC-CUM": ItemInfo("SPC-CUM", "CUMIN GROUND LB (BX/40)", Decimal("6.25")),
    "GLV-M-CS": ItemInfo("GLV-M-CS", "NITRILE GLOVE MED CS/10", Decimal("74.00")),
    "TRY-9": ItemInfo("TRY-9", "FOAM TRAY 9IN CASE/200", Decimal("31.00")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("3 cs gravy cups dented", "72", "61.20"),
        ("a case of the beef gravy cups expired", "24", "20.40"),
        ("half a case of gravy cups leaking", "12", "10.20"),
        ("2 pallets of play sand got soaked", "120", "492.00"),
        ("1 box of cumin went stale", "40", "250.00"),
        # a code that ends in the case counts the same way (round 189: "2 cs HC-10A-CS" of
        # "..., case of 12 tubes" was counted in cases; three writers counted tubes)
        ("2 cs med nitrile gloves torn", "20", "148.00"),
    ],
)
def test_containers_of_a_case_pack_in_the_items_name_are_its_pieces(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_PACKED))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert d.confidence < 0.9  # the count might already be the pieces: the card shows the sum
    assert not any("how many pieces" in w for w in d.warnings)  # the list said


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # "CASE/200" names what the list prices: four cases' cost, in pieces
        ("4 cases of 9in foam trays crushed", "800", "124.00"),
        # the message prices what it counted
        ("2 cs gravy cups dented, we pay $20/cs", "2", "40.00"),
    ],
)
def test_cases_the_list_or_the_message_prices_are_not_multiplied(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_PACKED))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("2 cs gravy cups + 5 loose ones dented", "53", "45.05"),
        ("1 case plus 3 loose gravy cups expired", "27", "22.95"),
    ],
)
def test_loose_pieces_beside_whole_cases_of_a_case_pack_are_added(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_PACKED))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert not any("'5'" in w or "'3'" in w for w in d.warnings)  # the loose count is used


def test_a_formulas_letters_that_name_the_goods_are_no_write_down() -> None:
    # "w/d" is a write-down's short word and a diet's name; "torn" says what happened
    items = {
        "RX-WD": ItemInfo("RX-WD", "HILLS PD W/D CANINE 17.6LB", Decimal("61.20")),
        "RX-KD": ItemInfo("RX-KD", "HILLS PD K/D CANINE 17.6LB", Decimal("64.10")),
    }
    (d,) = draft("3 bags w/d torn open", make_context(items=items))
    assert (d.category, d.sku, d.amount) == (Category.LOSS, "RX-WD", Decimal("183.60"))
    (d,) = draft("w/d 3 bags RX-KD to $20 each, old formula", make_context(items=items))
    assert d.category is Category.WRITE_DOWN  # said alone, it is still the write-down


def test_a_models_capital_at_glued_to_figures_is_no_price() -> None:
    # "AT2020 x2 dropped" was drafted as 2 at $2,020.00 = $4,040.00
    (d,) = draft("AT2020 x2 dropped, capsules cracked", make_context(items=_WIDGETS))
    assert d.amount is None and d.confidence < 0.5


def test_a_figure_of_the_name_right_before_cases_is_their_count() -> None:
    # "fancy feast pate 3 cases" of "... PATE 3OZ CS/24": the 3 counted cases, not the 3OZ
    items = {"GR-3": ItemInfo("GR-3", "GRAVY CUP BEEF 3OZ CS/24", Decimal("0.85"))}
    (d,) = draft("gravy cup beef 3 cases dented", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("GR-3", Decimal(72), Decimal("61.20"))


# Lines the list prices by a container (a dozen, a case of six pieces, a case of 500 trays)
_CONTAINER_PRICED = {
    "EGG-DZ": ItemInfo("EGG-DZ", "EGGS LG WHITE DZ", Decimal("3.60")),
    "TND-6": ItemInfo("TND-6", "TENDERLOIN PSMO CH 6PC/CS", Decimal("600.00")),
    "TRY-5": ItemInfo("TRY-5", "FOAM TRAY 4S WHT 500/CS", Decimal("40.00")),
    "PT-10": ItemInfo("PT-10", "BURGER PATTY 6OZ 10/PK", Decimal("11.00")),
    "CK-24": ItemInfo("CK-24", "COLA 20OZ EA 24/CS", Decimal("1.20")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # the goods said by the list's name are pieces of its container
        ("30 eggs cracked", "9.00"),
        ("2 psmo tenderloins out of the box spoiled", "200.00"),
        ("250 foam trays got wet", "20.00"),
        # its containers counted stay containers
        ("2 dz eggs cracked", "7.20"),
        ("3 patty packs thawed and 2 missing", None),
        # a line priced each is never divided by its case
        ("4 cola 20oz busted", "4.80"),
    ],
)
def test_pieces_said_by_the_lists_name_are_a_share_of_its_container(
    text: str, amount: str | None
) -> None:
    drafts = draft(text, make_context(items=_CONTAINER_PRICED))
    if amount is None:  # two parts: 3 packs and 2 more packs, never 2 patties
        assert [d.amount for d in drafts] == [Decimal("33.00"), Decimal("22.00")]
    else:
        (d,) = drafts
        assert d.amount == Decimal(amount) and d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "sysco truck is here, 30 cs SKU-12 and 4 SKU-40",
        "got 40 SKU-12 in this morning for the holiday display",
        "price on SKU-12 going to $17.99 next monday",
        "new retail price on SKU-40: $199 starting the 1st",
        "sale: 25% off all SKU-12 this weekend",
        "can someone pull 6 SKU-12 from the back for the 2pm pickup",
        "customer wants 3 SKU-40 held till friday",
        "the 4 SKU-12 i said were missing showed up behind the rack",
        "those 2 SKU-40 turned up in receiving, nvm",
        "reminder: count the SKU-12 tomorrow before close",
        "2 SKU-40 cracked, rep coming thurs, dont toss them yet",
        "counted 55 SKU-12, matches the system",
        "RMA approved for 3 SKU-40, shipping them back monday",
        "vendor agreed to credit us for the 6 SKU-12 that came in short",
        "used 2 SKU-12 on the install, customer billed",
        "total for the charity auction came to $2,300, thanks all",
        "till is off by $15 again",
    ],
)
def test_floor_chatter_with_counts_is_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a reason in the message overrules the chatter's look
        ("sysco truck is here, 3 SKU-12 crushed in the trailer", "45.00"),
        ("customer dropped 2 SKU-12 at the counter, broken", "30.00"),
        # "nvm" before a correction is no report taken back
        ("5 SKU-12 damaged, nvm the 3 i said", "75.00"),
        # a credit for some, a write-off asked for the rest
        ("vendor will credit us for 2, write off the other 4 SKU-12, smashed", "60.00"),
    ],
)
def test_chatter_words_beside_a_request_keep_the_request(text: str, amount: str) -> None:
    drafts = draft(text, make_context(items=_WIDGETS))
    assert drafts and drafts[-1].amount == Decimal(amount)


def test_pieces_of_a_line_whose_name_gives_a_box_count_are_never_sure() -> None:
    # "50 TR413 stems" of "VALVE STEM TR413 SNAP-IN BX/100" at $18.50 drafted $925.00 at 0.97:
    # the list's cost may be the box's (then $9.25)
    items = {"VS-9": ItemInfo("VS-9", "VALVE STEM SNAP-IN BX/100", Decimal("18.50"))}
    (d,) = draft("50 VS-9 stems cracked, old stock", make_context(items=items))
    assert d.confidence < 0.9
    assert any("BX/100" in line for line in d.explanation)
    # a name that says each is priced each
    items = {"VS-9": ItemInfo("VS-9", "VALVE STEM SNAP-IN EA (100/BX)", Decimal("0.19"))}
    (d,) = draft("50 VS-9 cracked", make_context(items=items))
    assert d.amount == Decimal("9.50")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # goods that broke inside a vehicle: damage ("broke in van 12" was a break-in at 0.97)
        ("pls w/o 2 SKU-12, broke in van 12", Category.LOSS),
        ("3 SKU-12 broke in the truck on the way back", Category.LOSS),
        ("4 SKU-12 broke in transit", Category.LOSS),
        # someone breaking in is a break-in, whatever they broke into
        ("someone broke in the van last night, 3 SKU-12 gone", Category.CASUALTY),
        ("they broke in the truck and took 4 SKU-12", Category.CASUALTY),
        ("store got broke in, 3 SKU-12 gone", Category.CASUALTY),
    ],
)
def test_broke_in_is_a_break_in_only_when_someone_broke_in(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is category


def test_broke_in_said_by_nobody_is_never_sure() -> None:
    (d,) = draft("2 SKU-12 broke in, back room", make_context(items=_WIDGETS))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "freight truck dropped 12 cs SKU-12 at the back door",
        "the ups guy dropped off 4 SKU-40 this morning",
        "carton got crushed in shipping but all 12 SKU-12 inside are fine",
        "fixed the wobbly SKU-40, its back on the floor",
        "vendor is sending replacements for the 3 cracked SKU-40",
        "POS says 14 SKU-12, i'll recount tomorrow",
        "Q2 shrink was 2.1k, down from 3k",
        "6 SKU-12 coming on thursday's truck",
        "team order for the hornets: 20 SKU-12, ships friday",
        "mrs patel is picking up the 2 SKU-40 on layaway",
        "we thought 3 SKU-40 were stolen, they turned up in the back",
        "SKU-12 cost changed to $16.50 from the vendor",
    ],
)
def test_more_floor_chatter_is_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # goods dropped and broken, or given away, are still written off
        ("driver dropped the crate, 4 SKU-12 smashed", "60.00"),
        ("dropped off 5 SKU-12 at the food pantry, donation", "75.00"),
        ("carton crushed, 3 SKU-12 inside are broken", "45.00"),
    ],
)
def test_dropped_goods_are_still_written_off(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a burst pipe floods the room under it (it was damage at 0.97)
        ("pipe burst in the stockroom, 4 SKU-12 soaked", Category.CASUALTY),
        ("burst pipe over aisle 2 ruined 3 SKU-12", Category.CASUALTY),
        # the floor's words for theft
        ("5 finger discount on 2 SKU-12 again", Category.CASUALTY),
        ("somebody boosted 2 SKU-12 off the endcap", Category.CASUALTY),
        ("a guest yoinked 1 SKU-12 from the display", Category.CASUALTY),
        # the reserve boosted is still the reserve built
        ("boost the obsolescence reserve by $500 for old SKU-12", Category.RESERVE_PROVISION),
    ],
)
def test_burst_pipes_and_theft_slang(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is category


def test_a_return_authorisations_number_is_a_reference() -> None:
    # "RA 5531 denied" drafted a second write-off of 5,531 cases
    (d,) = draft("1 case SKU-12 froze, RA 5531 denied by the vendor", make_context(items=_WIDGETS))
    assert d.quantity == 1


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # the trade's stock software is the books
        ("metrc says 22 SKU-12, shelf has 19", Category.SHRINKAGE, 3),
        ("we're short 3 SKU-12 against bevspot", Category.SHRINKAGE, 3),
        # the locked cage, the vault, the walk-in counted
        ("cage count: system says 6 SKU-12, cage has 7", Category.OVERAGE, 1),
        ("books say 10 SKU-12, walk-in has 8", Category.SHRINKAGE, 2),
    ],
)
def test_more_books_and_more_places_counted(text: str, category: Category, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert (d.category, d.quantity) == (category, quantity)


_PACKS_IN_NAMES = {
    "CC-4": ItemInfo("CC-4", "COIL CLEANER 4/1GAL CS", Decimal("71.60")),
    "EB-24": ItemInfo("EB-24", "EARBUDS WIRED CS/24", Decimal("40.80")),
    "TN-12": ItemInfo("TN-12", "TONIC WATER 200ML 12PK", Decimal("13.20")),
}


@pytest.mark.parametrize(
    "text",
    [
        "3 jugs of CC-4 froze and split",  # jugs of a case of four jugs
        "7 EB-24 earbuds from the open case, wires ripped",  # earbuds of a case of 24
        "5 bottles of TN-12 broke",  # bottles of a 12-pack
        "a bunch of TN-12 leaked",  # how many is a bunch?
    ],
)
def test_pieces_of_an_item_sold_as_a_pack_are_never_sure(text: str) -> None:
    (d,) = draft(text, make_context(items=_PACKS_IN_NAMES))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("3 CC-4 froze and split", "214.80"),  # the code counted: the list's unit
        ("2 12pks of TN-12 broke", "26.40"),  # the pack itself counted
    ],
)
def test_the_lists_own_unit_counted_is_read_as_it(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_PACKS_IN_NAMES))
    assert d.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "items", "amount"),
    [
        # a box of a "BX/50" line is the list's unit: its cost is as often the box's
        ("5 bx SP-50 got wet", {"SP-50": ("GAUZE SPONGE 4X4 BX/50", "6.80")}, "34.00"),
        # ... unless the name says the piece is priced, or prices a measure
        ("2 bx PN-12 crushed", {"PN-12": ("GEL PEN BLK EA (BX/12)", "1.35")}, "32.40"),
        ("1 box of HP-44 went stale", {"HP-44": ("HOPS CITRA LB (BX/44)", "16.75")}, "737.00"),
    ],
)
def test_boxes_of_a_box_line(text: str, items: dict[str, tuple[str, str]], amount: str) -> None:
    listed = {sku: ItemInfo(sku, name, Decimal(cost)) for sku, (name, cost) in items.items()}
    (d,) = draft(text, make_context(items=listed))
    assert d.amount == Decimal(amount)


def test_pieces_out_of_an_open_pack_are_a_share_of_it() -> None:
    items = {"CB-10": ItemInfo("CB-10", "USB-C CABLE 3FT 10PK", Decimal("18.50"))}
    (d,) = draft("4 cables from an open 10pk of CB-10 are frayed", make_context(items=items))
    assert d.amount == Decimal("7.40") and d.confidence < 0.9
    # a set "right out of the box" is no piece of a pack
    (d,) = draft("3 CB-10 dead right out of the box", make_context(items=items))
    assert d.amount == Decimal("55.50")


def test_a_part_beside_a_doubtful_part_is_never_sure() -> None:
    from ledger.drafting import whole_message

    items = {**_WIDGETS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    (sure,) = draft("2 SKU-12 cracked", make_context(items=items))
    (doubtful,) = draft("maybe 3 SKU-40 broken", make_context(items=items))
    assert sure.confidence >= 0.9 and doubtful.confidence < 0.5
    first, second = whole_message([sure, doubtful])
    assert first.confidence < 0.9 and any("in doubt" in w for w in first.warnings)
    assert second == doubtful
    assert whole_message([sure, sure]) == [sure, sure]  # sure beside sure stays sure


@pytest.mark.parametrize(
    "text",
    [
        "raising the price on SKU-12 to $19 starting 4/1",
        "new cost on SKU-40 is 150.00 starting 6/1",
        "par for SKU-12 is 10 cs now",
        "will call ticket 8821 picked up 6 SKU-12",
        "kohler delivery just landed, 12 SKU-40, all good",
        "catering order for fri: 40 SKU-12",
        "store 14 needs 5 cs SKU-12 asap",
        "the 2 SKU-40 i flagged yesterday were fine after all",
        "the cracked SKU-40 from monday is already written off, ignore the dupe",
        "remind me to w/o the expired SKU-12 tmrw",
        "last month we w/o $1,240 in SKU-12, crazy",
    ],
)
def test_still_more_floor_chatter(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("6 SKU-12 pinched in the deck, cables cut", Category.LOSS),
        ("fluded out the back room, lost 5 SKU-12", Category.CASUALTY),
    ],
)
def test_pinched_in_a_place_and_a_flood_typed_in_a_hurry(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is category


@pytest.mark.parametrize(
    "text",
    [
        # "staying" is two slips from "stealing": a word of its own (it drafted $14,000 theft)
        "thanks for staying late everyone, we did 14k today!!",
        # "quick release" names the goods, not the reserve released (it drafted a use at 0.97)
        "obsolescence reserve - 2,200 for the quick release hubs",
        # through the reserve, with nothing written off: using it or adding to it?
        "run the $600 of old SKU-12 through the reserve",
    ],
)
def test_words_that_only_look_like_a_sure_reading_are_never_sure(text: str) -> None:
    try:
        drafts = draft(text, make_context(items=_WIDGETS))
    except DraftError:
        return
    assert all(d.confidence < 0.9 for d in drafts)


def test_goods_written_off_through_the_reserve_use_it() -> None:
    (d,) = draft("scrap 4 SKU-12 thru the E&O reserve", make_context(items=_WIDGETS))
    assert d.category is Category.RESERVE_WRITE_OFF and d.confidence >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "prepped 40 SKU-12 for the weekend",
        "86 SKU-12 at the main store till the truck comes",
        "used 6 SKU-12 for the salsa today",
        "we have 20 SKU-12 for the order, need 5 more",
        "we have 6 SKU-40 out on loan to the shop next door",
        "truck 3 taking 12 SKU-12 to the jobsite at 2",
        "store did 14k today, thanks all",
        "BOH on SKU-12 is 4, order more",
        "SKU-12 20% off this weekend, 2 for $25",
        "received 2 cs SKU-12, both fine, all good",
        "lol the SKU-40 survived the drop",
        "last year we donated 200 SKU-12 to the league, again in may?",
        "total Q2 w/o was 12,430.55 fyi",
    ],
)
def test_kitchen_and_counter_chatter(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


def test_goods_that_did_not_survive_are_written_off() -> None:
    drafts = draft("2 SKU-40 survived the drop but 3 cracked", make_context(items=_WIDGETS))
    assert drafts


_BREAKERS = {
    "QO120": ItemInfo("QO120", "QO 20A 1P breaker", Decimal("26.20")),
    "QO130": ItemInfo("QO130", "QO 30A 1P breaker", Decimal("48.90")),
}


@pytest.mark.parametrize(
    "text",
    [
        # the premises damaged beside a break-in's goods: no damage of the goods (the
        # second part was a routine loss at 0.97)
        "break-in last night: they took 6 QO120 and 4 QO130. door frame is busted too",
        "stolen: 6 QO120 and 4 QO130. the back window got smashed",
        "theft overnight, 6 QO120 and 4 QO130 gone and our roll up door is bent",
    ],
)
def test_the_premises_damaged_is_no_damage_of_the_goods(text: str) -> None:
    drafts = draft(text, make_context(items=_BREAKERS))
    assert [(d.sku, d.quantity, d.category) for d in drafts] == [
        ("QO120", Decimal(6), Category.CASUALTY),
        ("QO130", Decimal(4), Category.CASUALTY),
    ]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("6 glass doors smashed at $40", Category.LOSS),  # doors counted: the goods
        ("cage lock was cut, 6 QO120 gone", Category.CASUALTY),  # the break-in itself
    ],
)
def test_doors_and_locks_that_are_the_story_still_count(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_BREAKERS))
    assert d.category is category


def test_an_event_said_first_is_what_happened_to_a_single_part_after_it() -> None:
    # "flood in the low bay, water got to 8 inches, 60 bags ... ruined": the flood, said
    # before a sentence of its own, ruined them (a routine loss at 0.87)
    items = {"QC60": ItemInfo("QC60", "QUIKRETE CONCRETE MIX 60LB", Decimal("5.35"))}
    (d,) = draft(
        "flood in the low bay, water got to 8 inches, 60 bags of QC60 ruined",
        make_context(items=items),
    )
    assert (d.category, d.amount) == (Category.CASUALTY, Decimal("321.00"))


_ROASTER = {
    "NJ-12": ItemInfo("NJ-12", "NIGHTJAR BLEND 12OZ BAG", Decimal("6.10")),
    "NJ-5L": ItemInfo("NJ-5L", "NIGHTJAR BLEND 5LB BAG", Decimal("33.75")),
    "TMB-16": ItemInfo("TMB-16", "TUMBLER 16OZ LOGO", Decimal("14.80")),
    "OLP-1": ItemInfo("OLP-1", "OLAPLEX NO.1 BOND MULTIPLIER 525ML", Decimal("122.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        # goods "coming back" from somewhere are goods, not money coming back on a claim
        ("dammaged 12 TMB-16 coming back from the engraver, dents everywhere", "TMB-16", 12),
        # a coffee's own date, with its age between
        ("retail sweep: 22 nightjar 12oz bags past the 60 day roast date, pulling", "NJ-12", 22),
        ("nightjar 5lb bags, 8 of em, seals failed", "NJ-5L", 8),
        # "1 x 9 in the cage": nine kept in the cage, not a size of 1 by 9 inches
        ("expired olaplex no.1 x 9 in the cage, dated 03/22", "OLP-1", 9),
        # the tip jar was taken beside the goods: no payment or tip told
        ("break-in last night, they grabbed the tip jar and 2 NJ-5L from the back", "NJ-5L", 2),
        # what the goods cost, not a service paid for
        (
            "the nightjar 5lb bag that ripped on the hand truck, we paid $33.75 for that bag, w/o",
            "NJ-5L",
            1,
        ),
    ],
)
def test_write_offs_that_read_like_chatter_are_drafted(text: str, sku: str, quantity: int) -> None:
    drafts = draft(text, make_context(items=_ROASTER))
    assert [d.sku for d in drafts] == [sku]
    assert drafts[0].quantity in (Decimal(quantity), None)


@pytest.mark.parametrize(
    "text",
    [
        "freight claim approved, $850 coming back for the damaged SKU-12",
        "paid $400 for the forklift repair",
        "we got tips of 240 today",
    ],
)
def test_money_coming_back_or_paid_for_a_service_is_still_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("half a case of SKU-12 got cooked in the van", "got cooked"),
        ("one cs of SKU-12 had bad crown caps, all flat", "all flat"),
    ],
)
def test_heat_and_flat_drinks_are_damage(text: str, reason: str) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert (d.category, d.reason) == (Category.LOSS, reason)


_RESERVE_GOODS = {
    "CH-CAMP": ItemInfo("CH-CAMP", "CAMP CHAIR FOLDING BLK", Decimal("17.95")),
    "TOTE-2": ItemInfo("TOTE-2", "TOTE CANVAS 2BTL", Decimal("5.90")),
    "LIP-ASST": ItemInfo("LIP-ASST", "REVLON SUPER LUSTROUS LIPSTK ASST", Decimal("5.85")),
    "MUG-BLK": ItemInfo("MUG-BLK", "MUG CAMP ENAMEL BLK", Decimal("8.00")),
    "MUG-RED": ItemInfo("MUG-RED", "MUG CAMP ENAMEL RED", Decimal("8.00")),
}


@pytest.mark.parametrize(
    ("text", "sku"),
    [
        # the goods a reserve moves for, named by a word of one item's name: its SKU, asked
        ("add $600 to the reserve for the old chairs", "CH-CAMP"),
        ("take $500 out of the reserve for the old totes", "TOTE-2"),
        # two items' names say it as fully: which one?
        ("add $300 to the obsolescence reserve for the enamel mugs", None),
    ],
)
def test_goods_a_reserve_moves_for_are_read_by_name_and_asked(text: str, sku: str | None) -> None:
    # (they were drafted with no SKU at 0.97, the writers named the item)
    (d,) = draft(text, make_context(items=_RESERVE_GOODS))
    assert d.sku == sku and d.amount is not None and 0.5 <= d.confidence < 0.9


def test_a_reserves_plain_number_beside_goods_named_may_be_their_count() -> None:
    # "take 20 out of the reserve" under "obsolete revlon shades:": $20, or 20 lipsticks at
    # $5.85 ($117.00, as its writer meant)? It drafted $20.00 at 0.97; the part beside it is
    # not sure either
    first, second = draft(
        "obsolete revlon shades: take 20 out of the reserve. then add $400 to the reserve",
        make_context(items=_RESERVE_GOODS),
    )
    assert first.confidence < 0.5 and any("may be their count" in w for w in first.explanation)
    assert second.amount == Decimal("400.00") and second.confidence < 0.9
    # no goods of the list named: a reserve moves by dollars
    (d,) = draft("take 900 out of the obsolescence reserve", make_context(items=_RESERVE_GOODS))
    assert d.amount == Decimal("900.00") and d.confidence >= 0.9


# Case packs whose pieces at the list's cost would make one case worth $1,000 or more: the
# cost is the case's (rounds 82-83: "2 cs" of lids drafted $82,000.00)
_CASE_PRICED = {
    "CUP-8": ItemInfo("CUP-8", "CUP HOT 8OZ SW WHT CS/1000", Decimal("52.00")),
    "WN-452": ItemInfo("WN-452", "IDEAL 452 RED WIRENUT BX/100", Decimal("14.90")),
    "CAB-21": ItemInfo("CAB-21", "CAB SAUV 2021 750ML CS/12", Decimal("168.00")),
    "DSK-BX": ItemInfo("DSK-BX", "DSK COLLECTOR BOOSTER BX/12", Decimal("252.00")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # (whole cases are counted in pieces, the amount the cases', as "3 cs (12/cs)" is)
        ("2 cs CUP-8 crushed", "2000", "104.00"),
        ("dropped 3 cs of CAB-21, all smashed", "36", "504.00"),
        # pieces of it are a share of the case's cost
        ("40 WN-452 wirenuts fell into the floor drain, w/o", "40", "5.96"),
        ("300 cups of CUP-8 got wet", "300", "15.60"),
        # the box itself counted, as the goods: boxes at the list's cost
        ("DSK-BX collector boxes, 5 of them, obsolete", "5", "1260.00"),
    ],
)
def test_a_case_pack_worth_thousands_a_case_at_the_pieces_cost_is_priced_by_the_case(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_CASE_PRICED))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert d.confidence < 0.9  # the list does not say which; the card shows the reading


def test_a_cheap_case_pack_is_still_priced_by_the_piece() -> None:
    # 24 gravy cups at $0.85 make a $20.40 case: the cost is one cup's
    (d,) = draft("2 cs gravy cups dented", make_context(items=_PACKED))
    assert (d.quantity, d.amount) == (Decimal(48), Decimal("40.80"))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # the invoice says what the goods cost: no payment told
        ("12 SKU-12 went grey in the case, invoice was $8.12 each", "97.44"),
        ("broken: 1 SKU-12, $24 per the new invoice", "24.00"),
        # the vendor refused the return: the loss stays ours
        ("SKU-12, 2 ea defective, rtv denied", "30.00"),
    ],
)
def test_an_invoices_price_or_a_denied_return_is_no_payment(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert (d.category, d.amount) == (Category.LOSS, Decimal(amount))


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # more than the books have: over (the shrinkage group's "more than we have" is shorter)
        ("recount on SKU-12: 2 more than we have on the books", Category.OVERAGE, "2"),
        # what the scale reads is the count ("scale" was read as a slip of "stale")
        ("SKU-12 short: book says 14, scale says 11", Category.SHRINKAGE, "3"),
    ],
)
def test_the_books_against_the_scale_or_more_than_the_books(
    text: str, category: Category, quantity: str
) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


_YARD = {
    "QC80": ItemInfo("QC80", "QUIKRETE CONC MIX 80LB", Decimal("6.28")),
    "QC80PLT": ItemInfo("QC80PLT", "QUIKRETE CONC MIX 80LB PLT/42", Decimal("263.76")),
    "OLP-N1": ItemInfo("OLP-N1", "OLAPLEX NO.1 BOND MULTIPLIER 525ML", Decimal("122.00")),
    "OLP-N2": ItemInfo("OLP-N2", "OLAPLEX NO.2 BOND PERFECTOR 525ML", Decimal("98.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # an item and its pallet line, named alike: the container counted picks the line
        ("10 bags quikrete conc mix 80lb busted", "QC80", "62.80"),
        ("2 pallets of quikrete conc mix 80lb got soaked", "QC80PLT", "527.52"),
        # "no1" said as one word of the list's "NO.1"
        ("went missing from the cage: 6 olaplex no1", "OLP-N1", "732.00"),
        ("short 4 olaplex no2 vs system", "OLP-N2", "392.00"),
    ],
)
def test_names_said_as_the_floor_says_them_pick_their_line(
    text: str, sku: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_YARD))
    assert (d.sku, d.amount) == (sku, Decimal(amount))
    assert d.confidence < 0.9  # read by name


@pytest.mark.parametrize(
    "text",
    [
        "found 2 SKU-12 upstairs we didnt know we had",
        "found a SKU-12 out behind the shop nobody had on the books",
        "found 3 SKU-12 behind the cut station that nobody booked",
        "found a SKU-12 in the back freezer that wasnt in inventory",
        "found 4 SKU-12 in the back of the freezer, not in the count",
        "found an unopened SKU-12 behind the pallet, system had 0",
    ],
)
def test_goods_found_that_the_books_never_had_are_over(text: str) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is Category.OVERAGE


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("over by 4 on the SKU-12", Category.OVERAGE),
        ("over on the SKU-12 by 4", Category.OVERAGE),
        ("count is +6 on the SKU-12", Category.OVERAGE),
        ("recount: SKU-12 we're +10 vs the books", Category.OVERAGE),
        # what happened to the goods, not a count
        ("4 SKU-12 got run over by 2 trucks", Category.LOSS),
    ],
)
def test_a_count_over_by_a_figure_is_over(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert d.category is category


@pytest.mark.parametrize(
    "text",
    [
        "count on the SKU-12 matches the system, 38 cs",
        "SKU-12 count matches, 6 cases on hand",
        "count on SKU-12 matches, 48 bx, nice",
        "count on SKU-12, 48 on shelf 48 in system",
        "truck from the mill dropped 4 SKU-12, all checked in",
        "truck from the soil vendor brought 40 cs of SKU-12 today",
    ],
)
def test_counts_that_match_and_trucks_that_brought_goods_are_chatter(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


def test_a_count_that_differs_is_still_read() -> None:
    (d,) = draft("counted SKU-12: 30 cs, system 32 cs", make_context(items=_WIDGETS))
    assert d.category is Category.SHRINKAGE


@pytest.mark.parametrize(
    "text",
    [
        "milk guy comes tues, we need 6 cases SKU-12",
        "need 6 boxes of SKU-12 pulled for the kits",
        "will call pickup for order 55812, 8 SKU-12",
        "loaded 14 cs SKU-12 for the meridian run",
        # refused at the door: never ours to write off
        "rejected 18 SKU-12 at the door, moldy, went right back on the truck",
    ],
)
def test_needs_pickups_runs_and_refused_deliveries_are_chatter(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


def test_a_write_off_we_need_is_still_drafted() -> None:
    (d,) = draft("we need to write off 6 SKU-12, broken", make_context(items=_WIDGETS))
    assert (d.category, d.quantity) == (Category.LOSS, Decimal(6))


_CELLAR = {
    "RO24": ItemInfo("RO24", "ROSE 2024 750ML CS/12", Decimal("84.00")),
    "SB23": ItemInfo("SB23", "SAUV BLANC 2023 750ML CS/12", Decimal("96.00")),
    "SB22": ItemInfo("SB22", "SAUV BLANC 2022 750ML CS/12", Decimal("92.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        # a vintage said by its last two figures names the line, and is no count
        # (whole cases in pieces, as the golden table's "3 cs (12/cs)")
        ("donated 2 cs rose 24 to the hospital foundation gala", "RO24", 24),
        ("found 4 extra cs of sauv blanc 23 behind the bottling pallet", "SB23", 48),
        ("sauv blanc 22: 3 cs corked", "SB22", 36),
    ],
)
def test_a_vintage_said_by_two_figures_names_the_line(text: str, sku: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_CELLAR))
    assert (d.sku, d.quantity) == (sku, Decimal(quantity))


_LOOSE_GOODS = {
    "CRK-24": ItemInfo("CRK-24", "WATER CRACKER 4.4OZ BX CS/12", Decimal("31.20")),
    "TEA-EG": ItemInfo("TEA-EG", "EARL GREY TEA 100/BX", Decimal("11.20")),
    "GR-240": ItemInfo("GR-240", "GRAVY CUP BEEF 4OZ CS/24", Decimal("0.85")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # a case pack priced by the case ($2.60 a box): 2 cases and 5 boxes, their share
        ("2 cs CRK-24 crushed plus 5 loose boxes", "29", "75.40"),
        # a box of 100 bags at $11.20, and 30 loose bags its share
        ("2 bx of TEA-EG plus 30 loose bags got wet", "230", "25.76"),
        # cases multiplied out to the pieces the list prices, and the loose ones at that cost
        ("2 cs gravy cups + 5 loose ones dented", "53", "45.05"),
    ],
)
def test_whole_containers_and_loose_pieces_are_one_write_off(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_LOOSE_GOODS))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert d.confidence < 0.9


def test_loose_pieces_of_another_story_stay_a_part_of_their_own() -> None:
    drafts = draft(
        "2 bx TEA-EG damaged and 30 loose bags missing", make_context(items=_LOOSE_GOODS)
    )
    assert [d.category for d in drafts] == [Category.LOSS, Category.SHRINKAGE]


@pytest.mark.parametrize(
    "text",
    [
        # a yes/no question typed without its mark (it drafted a $4,000 reserve use at 0.85)
        "does the reserve still have 4k in it or did we use it",
        "did we ever get the 6 SKU-12 back from the vendor",
        "is there still 40 SKU-12 on the shelf",
    ],
)
def test_a_question_without_its_mark_is_a_question(text: str) -> None:
    with pytest.raises(DraftError, match="question"):
        draft(text, make_context(items=_WIDGETS))


def test_a_year_after_a_count_names_the_goods_not_their_count() -> None:
    # "8 leftover 2022 spring suits" drafted 2,022 suits ($179,958.00)
    items = {"WS-SPR-M": ItemInfo("WS-SPR-M", "WETSUIT SPRING 2MM MD", Decimal("89.00"))}
    (d,) = draft("8 leftover 2022 WS-SPR-M damaged", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(8), Decimal("712.00"))


_BY_WEIGHT = {
    "CHK-BR": ItemInfo("CHK-BR", "CHKN BRST BNLS SKNLS 4/10LB CS", Decimal("118.40")),
    "SWP-40": ItemInfo("SWP-40", "SWEET POTATO #1 40LB CS", Decimal("29.20")),
    "PRO-16": ItemInfo("PRO-16", "PROPANE CYL 16.4OZ CS/12", Decimal("47.88")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # pounds of a case the name weighs: their share of it (14 lb was 14 cases)
        ("pulled 14 lb of SWP-40 out of the case, soft rot", "10.22"),
        # four bags of ten pounds: forty to the case
        ("55 lb of CHK-BR went over temp during the power cut", "162.80"),
    ],
)
def test_a_measure_of_a_case_the_name_weighs_is_its_share(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_BY_WEIGHT))
    assert d.amount == Decimal(amount)


def test_a_pieces_measure_before_its_case_pack_is_no_case_weight() -> None:
    # "16.4OZ CS/12": each cylinder holds 16.4 oz; a case is twelve of them
    from ledger.drafting.reading import measures

    assert measures.holder_size("PROPANE CYL 16.4OZ CS/12") is None
    assert measures.holder_size("CHKN BRST BNLS SKNLS 4/10LB CS") == (Decimal(40), "pound")


def test_a_known_code_glued_to_an_unknown_one_is_never_sure() -> None:
    # "MON0/MON" (the hypothesis suite's): one code the list knows slashed to one it does not
    items = {s: ItemInfo(s, "item", Decimal(1)) for s in ("MON0", "MON1")}
    (d,) = draft("1 MON0/MON broken at $1", make_context(items=items))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "last yr we tossed 1.4k of SKU-12 in october, lets not repeat that",
        "prep list for tmrw: 80 SKU-12, 40 SKU-40",
        "pie crew made 80 SKU-12 and 30 SKU-40 this morning, racks are full",
        "week 32 menu uses SKU-12 at 0.42 lb per meal, 600 meals",
    ],
)
def test_past_figures_prep_lists_and_menus_are_chatter(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_WIDGETS))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # what was paid for a roll is the goods' cost, not a payment told
        ("3 SKU-12 rolls got grease on them, paid 410/roll", "1230.00"),
        ("2 grand worth of SKU-12 got hydraulic fluid all over it from the forklift", "2000.00"),
    ],
)
def test_goods_fouled_and_their_price_paid_are_a_write_off(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_WIDGETS))
    assert (d.category, d.amount) == (Category.LOSS, Decimal(amount))


def test_a_part_naming_goods_of_its_own_is_in_doubt_with_a_siblings_code() -> None:
    # round 86: "found 4 extra spp6 kits but were short 6 packs of valve cores" gave the
    # valve cores the kits' code; the kits' part was sure beside it
    items = {
        "SPP6": ItemInfo("SPP6", "SUPCO SPP6 HARD START KIT", Decimal("24.50")),
        "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
    }
    kits, cores = draft(
        "found 4 extra SPP6 kits but were short 6 packs of valve cores", make_context(items=items)
    )
    assert cores.confidence < 0.5 and kits.confidence < 0.9
    # the same goods said again keep the code with a small guess
    _, second = draft("4 SKU-12 dented, and 2 more SKU-12 rusted", make_context(items=items))
    assert second.sku == "SKU-12"


# A distributor's list names the unit it stocks by its case pack: "CS/12" after the name is
# the case, and the cost is the case's, unless the name prices the piece or a measure, or a
# piece would then cost under 20 cents.
_DISTRIBUTOR = {
    "448102": ItemInfo("448102", "Cocktail sauce 12 oz bottle CS/12", Decimal("27.60")),
    "RO-6": ItemInfo("RO-6", "Spray paint gloss black 12 oz CS/6", Decimal("31.50")),
    "NS-12": ItemInfo("NS-12", "Normal saline 0.9% 1000mL bag CS/12", Decimal("31.20")),
    "GR-240": ItemInfo("GR-240", "GRAVY CUP BEEF 4OZ CS/24", Decimal("0.85")),
    "HP-44": ItemInfo("HP-44", "HOPS CITRA LB (BX/44)", Decimal("16.75")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("recall on the cocktail sauce, pulling 3 cases 448102", "36", "82.80"),
        ("18 bottles of cocktail sauce 448102 donated to the fish fry", "18", "41.40"),
        ("9 cans of the black gloss spray RO-6 dented", "9", "47.25"),  # "12 oz" is a size
        ("10 cs NS-12 recalled", "120", "312.00"),
        ("1 case plus 3 loose NS-12 bags punctured", "15", "39.00"),
        # a cup at 3.5 cents is no price: the list's cost is one cup's
        ("3 cs GR-240 dented", "72", "61.20"),
        # the name prices the pound the box holds 44 of
        ("1 box of HP-44 went stale", "44", "737.00"),
    ],
)
def test_a_case_pack_after_the_name_is_the_unit_the_list_costs(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_DISTRIBUTOR))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert d.confidence < 0.9  # which unit the cost is for, the card asks to confirm
    assert not any("differs from" in w for w in d.warnings)  # pieces are a share, no conflict


_STRINGS = {
    "EXL110": ItemInfo("EXL110", "D'Addario EXL110 strings 10-46, single set", Decimal("4.85")),
    "EXL110-10P": ItemInfo(
        "EXL110-10P", "D'Addario EXL110 strings 10-46, 10-pack", Decimal("42.50")
    ),
}


def test_packs_of_a_pieces_code_are_the_lists_own_line_for_the_pack() -> None:
    # "two 10-packs of EXL110" was 20 single sets at $4.85 = $97.00, sure; the list stocks the
    # 10-pack as EXL110-10P at $42.50
    (d,) = draft("two 10-packs of EXL110 missing off the pegboard", make_context(items=_STRINGS))
    assert (d.sku, d.amount) == ("EXL110-10P", Decimal("85.00"))
    assert d.confidence < 0.9  # the pieces might be meant: the card says which it read
    # a count of the piece's code alone is the piece
    (d,) = draft("3 EXL110 missing", make_context(items=_STRINGS))
    assert (d.sku, d.amount) == ("EXL110", Decimal("14.55"))
    # a pack the list does not stock as its own line is the pieces
    (d,) = draft("two 12-packs of EXL110 missing", make_context(items=_STRINGS))
    assert (d.sku, d.quantity, d.amount) == ("EXL110", Decimal(24), Decimal("116.40"))


_CASED = {
    "AC-VO-CS24": ItemInfo(
        "AC-VO-CS24", "Al Cass valve oil 1.6 oz bottle, CS/24", Decimal("86.40")
    ),
    "CK-12": ItemInfo("CK-12", "Acrylic latex caulk white 10.1 oz CS/12", Decimal("26.40")),
    "TP-24": ItemInfo("TP-24", "Blue painter's tape 1.41 in CS/24", Decimal("118.80")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # what one piece of the case comes in, counted: pieces, their share of the case
        ("valve oil leaked all over the bin, 9 bottles are toast", "9", "32.40"),
        ("13 tubes white caulk dried out", "13", "28.60"),
        # the case they came out of is no case counted
        ("17 rolls of the blue tape out of a CS/24 got crushed", "17", "84.15"),
        # cases with their size said: the pieces, at the cases' cost
        ("3 cs of valve oil (24/cs) came in crushed", "72", "259.20"),
        ("1.5 cases of valve oil gone missing on the count, 24 to a case", "36", "129.60"),
    ],
)
def test_pieces_of_a_case_priced_line_are_a_share_of_the_case(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_CASED))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        # slow movers are the goods a reserve is for, not which way it moves
        "slow movers E&O reserve $3,000 - pls post",
        "reserve adj for slow movers, $1,800",
    ],
)
def test_slow_movers_beside_a_reserve_do_not_say_which_way_it_moves(text: str) -> None:
    try:
        drafts = draft(text, make_context())
    except DraftError:
        return
    assert all(d.confidence < 0.9 for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        "reserve $4,000 for slow moving inventory",
        # reserving against goods builds the reserve; against the reserve would use it
        "please reserve $2,500 against slow movers",
        "pls provide $1,200 for the old widgets",
    ],
)
def test_to_reserve_an_amount_for_goods_builds_the_reserve(text: str) -> None:
    (d,) = draft(text, make_context())
    assert d.category is Category.RESERVE_PROVISION


def test_pieces_a_containers_name_says_it_holds_are_a_share_of_it() -> None:
    items = {"QK-80": ItemInfo("QK-80", "Concrete mix 80 lb pallet of 42 bags", Decimal("272.16"))}
    # "18 bags" were drafted as 18 pallets, $4,898.88 at 0.97
    (d,) = draft("18 bags off a pallet of QK-80 torn by the forks", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(18), Decimal("116.64"))
    assert d.confidence < 0.9
    # other containers than the list's, of a line it prices by the pallet: never sure
    (d,) = draft("3 totes of QK-80 torn", make_context(items=items))
    assert d.confidence < 0.9


_FLOWERS = {
    "RSFR50": ItemInfo("RSFR50", "Rose Freedom red 50cm bunch of 25", Decimal("18.75")),
    "RS-PLAYA-60": ItemInfo(
        "RS-PLAYA-60", "Rose Playa Blanca white 60cm bunch of 25", Decimal("21.50")
    ),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # the bunches the list prices, counted by the goods' name: bunches, not stems
        ("12 bunches of freedom reds came in bent necked, tossing them", "12", "225.00"),
        # stems out of a bunch are its pieces
        ("18 stems out of a playa blanca bunch snapped", "18", "15.48"),
    ],
)
def test_containers_counted_before_the_goods_name_are_the_lists_containers(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_FLOWERS))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


_DOZENS = {
    "GRIS-DZ": ItemInfo("GRIS-DZ", "Grissini torinesi 125 g pack, dozen", Decimal("19.20")),
    "EGG-15D": ItemInfo("EGG-15D", "Eggs large loose 15 dozen case", Decimal("41.25")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a name ending in its dozen prices the dozen, whatever the piece comes in
        ("grissini packs crushd, 2 dz GRIS-DZ", "38.40"),
        ("two and a half dozen grissini packs GRIS-DZ gone stale", "48.00"),
        # "15 dozen case": 180 eggs to the case the list prices
        ("3 dozen eggs busted on the pick line", "8.25"),
        ("2 cases of EGG-15D dropped", "82.50"),
    ],
)
def test_dozens_an_items_name_prices_or_holds(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_DOZENS))
    assert d.amount == Decimal(amount)


def test_a_lift_is_a_container_of_the_yard() -> None:
    items = {
        "DW-L40": ItemInfo("DW-L40", "Drywall 1/2 in 4x12 regular lift of 40", Decimal("748.80"))
    }
    # "(40 sht)" multiplied a lift out to 40 sheets at the lift's $748.80: $29,952.00 at 0.87
    (d,) = draft(
        "a full lift of 1/2 4x12 (40 sht) smashed by the semi. DW-L40", make_context(items=items)
    )
    assert d.amount == Decimal("748.80")
    (d,) = draft("12 sheets DW-L40 cracked", make_context(items=items))
    assert d.amount == Decimal("224.64")


def test_pieces_of_a_case_pack_are_pieces_though_the_case_is_mentioned() -> None:
    items = {"PL-24": ItemInfo("PL-24", "PL375 adhesive 28 oz tube CS/24", Decimal("134.40"))}
    text = "PL-24 tubes leaked all over the inside of the case, 9 tubes are junk"
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(9), Decimal("50.40"))


def test_a_vintage_right_before_the_code_of_goods_already_counted_is_no_count() -> None:
    items = {"KJ-CAB": ItemInfo("KJ-CAB", "KJ Cabernet 750ml", Decimal("13.40"))}
    (d,) = draft("48 btl of dead 2019 KJ-CAB corked", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(48), Decimal("643.20"))


@pytest.mark.parametrize(
    "text",
    [
        # "recal" is "recall" typed with one l, not "reval" (a revaluation: a write-down)
        "wrte off 7 SKU-12, recal notice came in",
        "recal notice on SKU-12, pulling 50",
        # "real" is a word of its own
        "wrte off 1 SKU-12 scratched face real bad",
    ],
)
def test_a_doubled_letter_typed_once_is_no_other_reason(text: str) -> None:
    (d,) = draft(text, make_context())
    assert d.category is Category.LOSS


_BY_THE_PACK = {
    "MB-50": ItemInfo("MB-50", "Kraft mailer box 10x8x2 pack of 50", Decimal("31.50")),
    "TR-500": ItemInfo("TR-500", "Foam meat trays 2S case of 500", Decimal("38.50")),
    "SR-10": ItemInfo("SR-10", "Watch battery SR626SW pack of 10", Decimal("9.80")),
    "WB-900": ItemInfo("WB-900", "Waste bags 900 ct box", Decimal("11.25")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # the goods the name says the container holds, counted: pieces, their share
        ("damadged 25 mailer boxes MB-50", "15.75"),
        ("300 foam trays short at count TR-500", "23.10"),
        ("5 SR-10 batteries dead on arrival", "4.90"),
        # a container word after the name's sizes is the container: "20 boxes" of "900 ct box"
        ("gave 20 boxes of WB-900 to the shelter", "225.00"),
    ],
)
def test_the_goods_a_containers_name_says_counted_are_pieces(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_BY_THE_PACK))
    assert d.amount == Decimal(amount)


def test_a_bare_count_of_an_item_priced_by_a_sized_container_is_never_sure() -> None:
    items = {"RC-36": ItemInfo("RC-36", "Peanut butter cups 1.5 oz BX/36", Decimal("33.12"))}
    # "x8" was 8 boxes at 0.97; the writer meant 8 cups
    (d,) = draft("RC-36 x8 melted", make_context(items=items))
    assert d.confidence < 0.9
    assert any("8 a count of boxes or of pieces" in w for w in d.warnings)
    # the boxes counted by name are the boxes
    (d,) = draft("2 bx RC-36 melted", make_context(items=items))
    assert d.amount == Decimal("66.24") and not any("of boxes or of" in w for w in d.warnings)


def test_pieces_named_by_a_short_word_of_the_items_name_are_pieces() -> None:
    items = {
        "KK-36": ItemInfo("KK-36", "Kit Kat 1.5 oz BX/36", Decimal("30.96")),
        "OIL-100": ItemInfo("OIL-100", "Oil-only absorbent pads bale of 100", Decimal("54.00")),
    }
    (d,) = draft("damadged 6 kit kats in the return tote", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(6), Decimal("5.16"))
    # the word said of something else is no piece counted: the bale
    text = "OIL-100 bale x 1 soaked with hydraulic oil from the leak"
    (d,) = draft(text, make_context(items=items))
    assert d.amount == Decimal("54.00")


@pytest.mark.parametrize(
    "text",
    [
        # a vending machine by its number is no count: these were 412 and 318 coin mechs
        "A12 machine 0412 coin mech SKU-77 snapped",
        "ticket 2231 machine 0318 Lakeview High, SKU-77 shorted out, scrapped",
    ],
)
def test_a_machine_by_its_number_is_no_count(text: str) -> None:
    (d,) = draft(text, make_context())
    assert d.quantity in (None, Decimal(1))


@pytest.mark.parametrize(
    "text",
    [
        "SKU-40 was DOA, vendor says no credit",  # "says" is no plural of goods
        "SKU-40 got gouged by the pallet jack coming off the truck, full w/o",
        "SKU-40 fell off the dolly, glass shattered, whole unit is junk",
    ],
)
def test_one_costly_item_named_with_no_count_is_read_as_one(text: str) -> None:
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("142.00"))
    assert d.confidence < 0.5  # a count not written: never approvable as it stands


def test_cases_of_a_line_the_list_prices_by_the_case_keep_the_pieces_counted() -> None:
    items = {"GL-100": ItemInfo("GL-100", "Nitrile gloves, large, box of 100", Decimal("7.90"))}
    (d,) = draft("3 bx (100/bx) GL-100 torn", make_context(items=items))
    # the pieces counted, the boxes' cost, and QuickBooks moves the list's 3 boxes
    assert (d.quantity, d.amount, d.item_quantity) == (Decimal(300), Decimal("23.70"), Decimal(3))


_NURSERY = {
    "HM1020": ItemInfo("HM1020", "Seedling heat mat 10 x 20 in", Decimal("24.90")),
    "1020-NH-CS100": ItemInfo("1020-NH-CS100", "1020 flat no holes case of 100", Decimal("62.00")),
}


def test_a_figure_two_codes_share_names_neither_for_sure() -> None:
    # "1020" was HM1020 (the letters and these figures), at 0.97: $9,960.00 of heat mats
    (d,) = draft(
        "damaged 1020 flats: 4 cs (100/cs) warped in the heat", make_context(items=_NURSERY)
    )
    assert (d.sku, d.amount) == ("1020-NH-CS100", Decimal("248.00"))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        # a production line or a greenhouse by its number is no count (were 2 and 3 at 0.87)
        "SKU-40 on line 2 is dead, wont power on. write it off",
        "someone walked off with the SKU-40 from house 3",
    ],
)
def test_a_line_or_a_greenhouse_by_its_number_is_no_count(text: str) -> None:
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    (d,) = draft(text, make_context(items=items))
    assert d.quantity == Decimal(1)


def test_a_number_the_reserve_moves_for_named_goods_is_dollars() -> None:
    # "the reserve 650 for obsolete SKU-40 kits": $650, not 650 kits ($92,300.00)
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = "draw down the reserve 650 for obsolete SKU-40 kits"
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("650.00"))
    assert d.confidence < 0.9  # the card says it may be their count


def test_a_thousands_figure_with_k_is_money_in_a_write_down() -> None:
    items = {"DF90": ItemInfo("DF90", "Outboard 90 hp 4-stroke", Decimal("9875.00"))}
    # "to 8.4k" was $8.40: 3 x (9,875 - 8.40) = $29,599.80 at 0.97
    for text in ("write down 3 DF90 to 8.4k", "write down 3 DF90 from 9.875k to 8.4k"):
        (d,) = draft(text, make_context(items=items))
        assert d.amount == Decimal("4425.00"), text
        assert not any("group thousands" in w for w in d.warnings)  # "9.875k" is 9,875


_BLUE = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}


def test_a_return_to_vendor_number_is_no_count() -> None:
    (d,) = draft("RTV 7710 denied, 12 SKU-12 defective, w/o pls", make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("180.00"))


def test_a_write_off_talked_of_in_a_tag_question_is_no_request() -> None:
    with pytest.raises(DraftError):
        draft("the cabinet write off of $3,450 went through right?", make_context())
    (d,) = draft("3 SKU-12 broke, write them off right?", make_context(items=_BLUE))
    assert d.amount == Decimal("45.00")


def test_a_figure_after_a_names_one_of_the_goods() -> None:
    items = {"R410A-25": ItemInfo("R410A-25", "R-410A refrigerant 25 lb cyl", Decimal("189.00"))}
    # "a 410 jug" was 410 cylinders, $77,490.00 at 0.87
    (d,) = draft(
        "dropped a 410 jug off the forklift, valve snapped. R410A-25", make_context(items=items)
    )
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("189.00"))
    assert d.confidence < 0.9


def test_a_case_of_cheap_pieces_is_still_priced_by_the_case() -> None:
    items = {"PW8-48": ItemInfo("PW8-48", "Purified water 8oz CS/48", Decimal("7.20"))}
    # 15 cents a bottle is a price water has: $7.20 is the case's, not one bottle's
    (d,) = draft("donated 60 cs PW8-48 to the food pantry", make_context(items=items))
    assert d.amount == Decimal("432.00")


def test_goods_counted_by_another_items_name_are_in_doubt() -> None:
    items = {
        "LC-200": ItemInfo("LC-200", "Checkweigher load cell", Decimal("1350.00")),
        "SHK-6": ItemInfo("SHK-6", "Processing line shackle 6in", Decimal("21.00")),
        "PIN-SHK": ItemInfo("PIN-SHK", "Shackle pin", Decimal("0.45")),
    }
    # read as 8 load cells, $10,800.00 at 0.87; the shackles are the line's shackle (the head
    # of its name), not the shackle's pin (round 280), and neither part is sure
    cell, shackles = draft(
        "load cell LC-200 dead, and 8 shackles cracked", make_context(items=items)
    )
    assert (cell.sku, cell.quantity) == ("LC-200", 1)
    assert (shackles.sku, shackles.quantity) == ("SHK-6", 8)
    assert max(cell.confidence, shackles.confidence) < 0.5


def test_a_casualty_told_before_the_goods_is_every_parts_story() -> None:
    items = {**_BLUE, "SKU-77": ItemInfo("SKU-77", "Speaker", Decimal("45.00"))}
    text = "trailer 17 took water in the storm last night, 12 SKU-12 and 5 SKU-77 soaked"
    drafts = draft(text, make_context(items=items))
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


def test_an_amount_used_of_it_after_a_reserve_is_the_reserve_used() -> None:
    text = "add $1,500 to the obsolescence reserve, then use $600 of it for the old SKU-12 stock"
    first, second = draft(text, make_context(items=_BLUE))
    assert (first.category, first.amount) == (Category.RESERVE_PROVISION, Decimal("1500.00"))
    assert (second.category, second.amount) == (Category.RESERVE_WRITE_OFF, Decimal("600.00"))


def test_glasses_of_a_rack_line_are_pieces_of_the_rack() -> None:
    items = {"WG-25": ItemInfo("WG-25", "Wine glass 10oz rack of 25", Decimal("57.50"))}
    (d,) = draft("a dozen wine glasses broke in the dish machine", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("27.60"))
    (d,) = draft("2 racks WG-25 broke", make_context(items=items))
    assert d.amount == Decimal("115.00")


def test_a_cost_that_is_the_count_times_the_lists_is_the_total() -> None:
    items = {"110361": ItemInfo("110361", "Mozzarella shredded 4x5 lb case", Decimal("72.90"))}
    # "cost $291.60" was read as a case's cost: 4 x $291.60 = $1,166.40
    (d,) = draft("mozzarella 110361 4 cs, cost $291.60, mold", make_context(items=items))
    assert d.amount == Decimal("291.60")
    # a price said to be one case's stays one case's
    (d,) = draft("mozzarella 110361 4 cs, cost $291.60 per case, mold", make_context(items=items))
    assert d.amount == Decimal("1166.40")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # these were another part's reason, inherited at 0.85
        ("3 quarts SKU-12 mistint, 2 quarts SKU-77 missing", Category.LOSS),
        ("12 rolls SKU-12 stuck together from humidity, 5 rolls SKU-77 stolen", Category.LOSS),
        ("2 SKU-12 bad threads, 3 SKU-77 missing on count", Category.LOSS),
        # a flood typed in a hurry
        ("flud in the basement, 6 SKU-12 soaked", Category.CASUALTY),
        # the shrink wrap slit is no shrinkage
        ("SKU-12 1 box, shrink was slit and packs searched, pull it", Category.LOSS),
    ],
)
def test_more_floor_reasons(text: str, category: Category) -> None:
    items = {**_BLUE, "SKU-77": ItemInfo("SKU-77", "Speaker", Decimal("45.00"))}
    assert draft(text, make_context(items=items))[0].category is category


@pytest.mark.parametrize(
    "text",
    ["D-2 dock: 631402 x3 bottles leaking", "631402 3 btls leaking", "6 btl 631402 broke"],
)
def test_pieces_said_after_the_count_of_a_case_line_are_its_share(text: str) -> None:
    items = {"631402": ItemInfo("631402", "Castile soap 32 oz CS/12", Decimal("118.80"))}
    (d,) = draft(text, make_context(items=items))
    assert d.amount == quantize(d.quantity * Decimal("9.90"))


@pytest.mark.parametrize(
    "text",
    [
        "wrte down 6 SKU-12 to $6 ea, old model",
        "wrte dwn 6 SKU-12 to $6 ea",
        "rite down 6 SKU-12 to 6",
    ],
)
def test_a_write_down_typed_in_a_hurry_is_a_write_down(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("54.00"))


def test_pieces_named_in_a_part_that_takes_a_siblings_box_code_are_its_share() -> None:
    items = {"FP-500": ItemInfo("FP-500", "Felt pads 1in, box of 500", Decimal("22.50"))}
    # "40 felt pads" took the box's code and was 40 boxes, $900.00
    first, second = draft(
        "short 40 felt pads on the count, and 1 box FP-500 crushed", make_context(items=items)
    )
    assert (first.quantity, first.amount) == (Decimal(40), Decimal("1.80"))
    assert second.amount == Decimal("22.50")


def test_pounds_off_a_block_are_its_share_and_mild_is_no_mold() -> None:
    items = {"29114": ItemInfo("29114", "Mild cheddar 40 lb block", Decimal("96.00"))}
    (d,) = draft(
        "14 lbs trimmed off the mild cheddar block, mold, tossed it", make_context(items=items)
    )
    assert d.amount == Decimal("33.60")  # 14 of the block's 40 lb, not 14 blocks
    (d,) = draft("2 blocks mild cheddar 29114 moldy", make_context(items=items))
    assert not any("as 'mold'" in w for w in d.warnings)


# -- held-out round 97 (sets 814-821) ------------------------------------------------------------


def test_pieces_counted_by_the_name_said_beside_a_case_lines_code_are_its_share() -> None:
    items = {"402118": ItemInfo("402118", "Hot cup 12 oz white paper CS/1000", Decimal("80.00"))}
    # "250 of the 12oz hot cups 402118" was 250 cases, $20,000.00
    (d,) = draft("crushed 250 of the 12oz hot cups 402118", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(250), Decimal("20.00"))


def test_a_grades_figure_before_the_case_pack_is_no_case_size() -> None:
    items = {"FF-16": ItemInfo("FF-16", "Furnace filter 16x25x1 MERV 8 CS/12", Decimal("48.00"))}
    # "MERV 8 CS/12" was read as cases of 8: six filters were $36.00
    (d,) = draft("half a dozen furnace filters 16x25x1 bent corners", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(6), Decimal("24.00"))


@pytest.mark.parametrize(
    "text", ["6 PSF-12 bottles leaked out", "half a dozen PSF-12 bottles leaked out"]
)
def test_pieces_said_after_a_case_lines_code_are_its_share(text: str) -> None:
    items = {"PSF-12": ItemInfo("PSF-12", "Power steering fluid 12 oz CS/12", Decimal("46.80"))}
    (d,) = draft(text, make_context(items=items))  # six bottles were six cases, $280.80
    assert (d.quantity, d.amount) == (Decimal(6), Decimal("23.40"))
    (d,) = draft("2 PSF-12 cases leaked", make_context(items=items))
    assert d.amount == Decimal("93.60")


def test_a_box_of_cheap_pieces_is_priced_by_the_box() -> None:
    items = {"NIT-L": ItemInfo("NIT-L", "Nitrile gloves blue L BX/100", Decimal("6.90"))}
    # 4 boxes of 100 were 400 gloves at $6.90 each, $2,760.00
    (d,) = draft("4 bx of 100 NIT-L gloves got wet and moldy", make_context(items=items))
    assert d.amount == Decimal("27.60") and d.lines[0].account == "5000"
    cheap = {"GC-4": ItemInfo("GC-4", "GRAVY CUP 4OZ CS/24", Decimal("0.85"))}
    (d,) = draft("3 GC-4 crushed", make_context(items=cheap))  # under $2 a case: a cup's cost
    assert d.amount == Decimal("2.55")


def test_an_area_in_the_name_is_the_pieces_size_not_the_measure_priced() -> None:
    items = {
        "XW-24": ItemInfo("XW-24", "Christmas gift wrap roll 30 sq ft CS/24", Decimal("31.20"))
    }
    # 8 cases were 192 rolls at the case's cost, $5,990.40
    (d,) = draft("obsolete XW-24, 8 cs, write off against the allowance", make_context(items=items))
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("249.60"))
    (d,) = draft("9 rolls of XW-24 burned in the fire", make_context(items=items))
    assert d.amount == Decimal("11.70")


@pytest.mark.parametrize(
    "text",
    [
        "2 cs of SKU-12 expired, vendor credit denied",
        "RTV 7719 denied by vendor, scrap the 2 SKU-12 with the cracked doors",
        "RTV #88213 denied, 2 SKU-12 going in the compactor",
    ],
)
def test_a_refund_refused_leaves_the_goods_to_write_off(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.amount == Decimal("30.00")
    with pytest.raises(DraftError):
        draft("RTV 88213 approved, 2 SKU-12 going back", make_context(items=_BLUE))


def test_exhaust_tips_are_goods_not_a_tip_jar() -> None:
    (d,) = draft("scrap 4 dented exhaust tips, $250 each", make_context())
    assert d.amount == Decimal("1000.00")
    with pytest.raises(DraftError):
        draft("tip jar short $20", make_context())


def test_grand_before_total_is_the_totals_word_not_thousands() -> None:
    items = {"ALT-1": ItemInfo("ALT-1", "Alternator reman", Decimal("128.00"))}
    # "$256 grand total" was $256,000.00
    (d,) = draft("2 ALT-1 stolen, $128 ea, $256 grand total", make_context(items=items))
    assert d.amount == Decimal("256.00") and not d.warnings
    (d,) = draft("2 ALT-1 stolen, 2 grand", make_context(items=items))
    assert d.amount == Decimal("4000.00")
    (d,) = draft("write off 5 grand total of water damaged stock", make_context())
    assert d.amount == Decimal("5000.00")


def test_a_word_of_an_item_lists_name_is_no_misspelt_reason() -> None:
    items = {"104230": ItemInfo("104230", "Fries crinkle cut 6/5 LB CS", Decimal("36.60"))}
    # "fries" was read as "fried": a loss, not the count's shortfall
    (d,) = draft("the count is off by 8 cs on crinkle fries 104230", make_context(items=items))
    assert d.category is Category.SHRINKAGE
    assert not any("as 'fried'" in e for e in d.explanation)


def test_a_count_of_goods_of_the_code_starts_its_own_part() -> None:
    # "9 btls of the SKU-12 and 1 SKU-40 stolen" was one draft of 1 SKU-12
    first, second = draft("9 btls of the SKU-12 and 1 SKU-40 stolen", make_context())
    assert (first.sku, first.quantity, second.sku, second.quantity) == (
        "SKU-12",
        Decimal(9),
        "SKU-40",
        Decimal(1),
    )


def test_an_amounts_word_beside_a_figure_names_no_item() -> None:
    items = {
        "LED-100": ItemInfo("LED-100", "Christmas LED light set 100ct", Decimal("6.80")),
        "CLG-TOT": ItemInfo("CLG-TOT", "Colgate Total toothpaste 5.1oz", Decimal("3.55")),
    }
    # "$272 total" was a second draft, of Colgate Total
    (d,) = draft("tossing 40 christmas led light sets, dead, $272 total", make_context(items=items))
    assert (d.sku, d.amount) == ("LED-100", Decimal("272.00"))
    (d,) = draft("6 colgate total leaking", make_context(items=items))
    assert (d.sku, d.amount) == ("CLG-TOT", Decimal("21.30"))


def test_a_pack_or_carton_after_the_name_is_the_unit_the_list_costs() -> None:
    items = {
        "AA-16": ItemInfo(
            "AA-16", "Duracell Coppertop AA Alkaline Batteries PK/16", Decimal("17.92")
        ),
        "BB-12": ItemInfo("BB-12", "Bankers Box Stor/File Letter/Legal CT/12", Decimal("38.40")),
    }
    # 11 batteries were 11 packs, $197.12
    (d,) = draft("11 AA batteries leaking out of an opened AA-16", make_context(items=items))
    assert d.amount == Decimal("12.32")
    (d,) = draft("2 pks of 16 AA-16 expired", make_context(items=items))
    assert d.amount == Decimal("35.84")
    (d,) = draft("4 ct of BB-12 crushed at the bottom of the stack", make_context(items=items))
    assert d.amount == Decimal("153.60")


def test_a_reason_word_of_the_goods_name_is_no_reason() -> None:
    items = {"60412": ItemInfo("60412", "LEGO City Fire Rescue Truck", Decimal("31.20"))}
    # "fire truck" made the damaged boxes a fire, sure
    (d,) = draft("*DAMAGED* 3x `60412` lego fire truck, boxes ripped", make_context(items=items))
    assert d.category is Category.LOSS
    (d,) = draft("lego fire truck 60412 x3 burned in the fire", make_context(items=items))
    assert d.category is Category.CASUALTY


def test_write_is_no_typo_of_a_name_word() -> None:
    items = {
        "LNY-W": ItemInfo("LNY-W", "Phone wrist lanyard PK/12", Decimal("7.20")),
        "TAB-A9": ItemInfo("TAB-A9", "Samsung Galaxy Tab A9+ 64GB Graphite", Decimal("169.00")),
    }
    # "write" was read as the wrist lanyard: the write-down vanished, the reserve drafted at 0.97
    ds = draft(
        "write down 4 tab a9+ to 130 and top up the obsolescence reserve $500",
        make_context(items=items),
    )
    assert [d.category for d in ds] == [Category.WRITE_DOWN, Category.RESERVE_PROVISION]
    assert ds[0].amount == Decimal("156.00")


def test_goods_that_only_borrow_the_reserves_word_are_no_provisions_goods() -> None:
    # the count and "to 130" vanished into the $500 provision, drafted at 0.97
    items = {"SKU-77": ItemInfo("SKU-77", "Red gadget", Decimal("45.00"))}
    ds = draft(
        "SKU-77 down 4 SKU-1 to 130 and top up the obsolescence reserve $500",
        make_context(items=items),
    )
    assert len(ds) == 2 and all(d.confidence < 0.9 for d in ds)
    text = "provide for 2 SKU-77 going obsolete, add $620 to the E&O reserve"
    (d,) = draft(text, make_context(items=items))
    assert d.amount == Decimal("620.00")


def test_teeth_gone_is_damage_not_goods_gone() -> None:
    items = {**_BLUE, "AX38": ItemInfo("AX38", "V-belt AX38", Decimal("13.10"))}
    # the belt with its teeth gone was drafted as shrinkage
    _, d = draft("scrap 7 AX38 (cracked), 1 SKU-12 (teeth gone)", make_context(items=items))
    assert d.category is Category.LOSS


def test_dozens_of_the_goods_are_pieces_of_the_case_the_list_prices() -> None:
    items = {
        "LEM-140": ItemInfo("LEM-140", "Lemons 140ct CS", Decimal("42.00")),
        "N95-20": ItemInfo("N95-20", "N95 respirator BX/20", Decimal("21.80")),
    }
    # three dozen lemons were 36 cases, $1,512.00
    (d,) = draft("3 dozen lemons moldy", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(36), Decimal("10.80"))
    (d,) = draft("a dozen N95s got wet, trash", make_context(items=items))
    assert d.amount == Decimal("13.08")
    (d,) = draft("a dozen boxes of N95-20 got wet", make_context(items=items))
    assert d.amount == Decimal("261.60")


def test_bundles_said_short_are_bundles_and_a_hyphened_figure_is_the_goods_name() -> None:
    items = {
        "BX-2P": ItemInfo("BX-2P", "Meal kit box 2-person 16x12x8 BDL/25", Decimal("31.25")),
        "BX-4P": ItemInfo("BX-4P", "Meal kit box 4-person 18x14x10 BDL/20", Decimal("33.00")),
    }
    # "4-person" was read as $4 each: 7 bundles were $28.00
    (d,) = draft("7 bdl of 4-person boxes crushed", make_context(items=items))
    assert (d.sku, d.amount) == ("BX-4P", Decimal("231.00"))


@pytest.mark.parametrize(
    "text",
    [
        "what's the cost on a SKU-12 right now",
        "can you show me the 5 biggest write-offs this week",
        "canning run today: 112 cs SKU-12, 40 cs SKU-77, all good",
        "loaded 36 SKU-12 on truck 2 for the miller job",
        "lol we went through 900 SKU-12 today, record week",
        "set up the easter endcap today, 3 cs SKU-12 + 20 SKU-77",
    ],
)
def test_questions_without_a_mark_and_the_days_work_are_no_write_offs(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context())


def test_goods_that_fell_off_the_loaded_truck_are_still_written_off() -> None:
    (d,) = draft("forklift tine went thru 3 SKU-12", make_context(items=_BLUE))
    assert d.amount == Decimal("45.00")
    ds = draft("loaded 36 SKU-12 on truck 2, 3 fell off and broke", make_context(items=_BLUE))
    assert any(d.quantity == Decimal(3) for d in ds)


@pytest.mark.parametrize(
    "text",
    [
        "truck 3 leaving at 7:30 with 12 SKU-12 for the Hendricks job",
        "posts and belts for the new rack came in, 12 SKU-12",
        "moved 12 SKU-12 to the steam room shelf 3 months ago",
    ],
)
def test_an_ordinary_word_is_no_misspelt_reason(text: str) -> None:
    # "leaving" was read as "leaking": 12 water heaters written off at 0.92
    try:
        ds = draft(text, make_context(items=_BLUE))
    except DraftError:
        return
    assert all(d.confidence < 0.5 for d in ds)


def test_the_case_pack_after_a_fittings_size_is_the_box() -> None:
    items = {
        "W01012": ItemInfo("W01012", "Wrot copper coupling 1/2 w/ stop BX/100", Decimal("38.00"))
    }
    # "1/2 w/ stop" hid the BX/100: 300 couplings at $38.00, $11,400.00 at 0.97
    (d,) = draft(
        "3 bx of 100 W01012 couplings got wet and went green, scrap", make_context(items=items)
    )
    assert d.amount == Decimal("114.00")


def test_each_part_with_its_own_goods_and_story_is_its_own_draft() -> None:
    items = {
        "IMK-10P": ItemInfo("IMK-10P", "Ice maker water line 10ft PEX", Decimal("8.40")),
        "PC-DR4": ItemInfo("PC-DR4", "Dryer cord 4-wire 6ft", Decimal("16.80")),
        "LRMV": ItemInfo("LRMV", "LG French door fridge 30 cu ft", Decimal("2240.00")),
        "LREL": ItemInfo("LREL", "LG electric range 6.3 cu ft", Decimal("1085.00")),
    }
    # the second part of each was dropped, the first drafted alone
    ds = draft(
        "fire in the parts cage: 8 ice maker lines IMK-10P and 3 dryer cords PC-DR4 melted",
        make_context(items=items),
    )
    assert [(d.sku, d.quantity) for d in ds] == [("IMK-10P", 8), ("PC-DR4", 3)]
    ds = draft(
        "LG fridge LRMV crushed on the liftgate + 1 LG range LREL glass cracked",
        make_context(items=items),
    )
    assert [d.sku for d in ds] == ["LRMV", "LREL"]


def test_a_code_of_figures_typed_in_two_groups_is_the_code() -> None:
    items = {"330412": ItemInfo("330412", "Fluoride varnish 5% BX/50", Decimal("46.50"))}
    # "330-412" was $330 each, or 330 of them
    (d,) = draft("330-412 x 2 bx recalled, lot 7781", make_context(items=items))
    assert (d.sku, d.amount) == ("330412", Decimal("93.00"))


def test_a_cup_of_a_dozen_is_the_unit_the_list_prices() -> None:
    items = {"NCW-DZ": ItemInfo("NCW-DZ", "Canadian Nightcrawlers 1 Doz Cup", Decimal("1.65"))}
    # 16 cups were 16 worms, $2.20
    (d,) = draft(
        "tossing 16 cups of crawlers, bait fridge died overnight", make_context(items=items)
    )
    assert d.amount == Decimal("26.40")


def test_pieces_in_the_open_box_are_its_share() -> None:
    items = {"CO2-30": ItemInfo("CO2-30", "Threaded CO2 Cartridge 16g BX/30", Decimal("42.00"))}
    text = "half the 30 co2 cartridges in the open box are duds, totally empty"
    (d,) = draft(text, make_context(items=items))  # 15 boxes were $630.00
    assert d.amount == Decimal("21.00")


def test_a_count_of_cases_names_no_item_whose_name_ends_in_that_pack() -> None:
    items = {
        "410220": ItemInfo("410220", "Exam table paper crepe 21in x 125ft CS/12", Decimal("46.80")),
        "230410": ItemInfo("230410", "Patient bibs 2-ply 13x18 blue CS/500", Decimal("31.50")),
        "220305": ItemInfo("220305", "Isolation gowns yellow universal CS/50", Decimal("42.00")),
    }
    # "12 cs" was read as the exam table paper, and the bibs dropped
    ds = draft("flood in aisle 2: 12 cs bibs and 8 cs iso gowns ruined", make_context(items=items))
    assert [(d.sku, d.quantity, d.item_quantity) for d in ds] == [
        ("230410", 6000, 12),
        ("220305", 400, 8),
    ]


def test_mice_of_a_mouse_said_beside_its_code_are_no_pests() -> None:
    items = {"910-2225": ItemInfo("910-2225", "Logitech M185 wireless mouse grey", Decimal("9.60"))}
    # drafted as pest damage at 0.97 ("foudn" is read as found since round 335)
    (d,) = draft("foudn 6 extra 910-2225 mice in bin C4, system is low", make_context(items=items))
    assert (d.category, d.quantity) == (Category.OVERAGE, Decimal(6))
    (d,) = draft("mice chewed 3 910-2225 boxes", make_context(items=items))
    assert d.category is Category.LOSS


def test_a_part_under_a_heading_of_its_own_keeps_its_own_story() -> None:
    items = {
        "T-K": ItemInfo("T-K", "Tempur king mattress", Decimal("1890.00")),
        "LC-08": ItemInfo("LC-08", "Leather care kit", Decimal("6.25")),
    }
    first, second = draft(
        "theft: 1 T-K. shrinkage: 2 LC-08 leather kits", make_context(items=items)
    )
    assert (first.category, second.category) == (Category.CASUALTY, Category.SHRINKAGE)


def test_retail_packs_named_by_their_size_stay_packs() -> None:
    items = {"EDR-3": ItemInfo("EDR-3", "EveryDrop fridge water filter PK/3", Decimal("88.50"))}
    # 2 three-packs were quantity 6
    (d,) = draft("2 everydrop 3pks EDR-3 are gone from the locked cage", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("177.00"))
    (d,) = draft("2 pk (3/pk) EDR-3 crushed", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(6), Decimal("177.00"))


def test_a_lone_m_in_a_name_is_a_size_not_a_metre() -> None:
    items = {"VGL-M": ItemInfo("VGL-M", "Vinyl glove powder-free M BX/100", Decimal("5.25"))}
    # 15 boxes were 1,500 gloves at $5.25 each, $7,875.00 at 0.87
    (d,) = draft("15 bx VGL-M gloves melted together in the hot trailer", make_context(items=items))
    assert d.amount == Decimal("78.75")


@pytest.mark.parametrize(
    "text",
    [
        "system says 20 SKU-12, bin has 26",
        "counted 10 SKU-12 in aisle 4 but system only has 4",
    ],
)
def test_more_in_the_bin_than_the_system_is_an_overage(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is Category.OVERAGE and d.quantity == 6


def test_a_choice_of_counts_beside_a_names_figure_is_in_doubt() -> None:
    items = {"RB-7": ItemInfo("RB-7", "Red Brand 4-Point Barbed Wire 1320 FT", Decimal("89.95"))}
    (d,) = draft("3 or 4 rolls barbed wire rusted out", make_context(items=items))
    assert d.confidence < 0.5


@pytest.mark.parametrize(
    "text",
    ["a few bags of SKU-12 torn", "a couple of cases of SKU-12 crushed", "several SKU-12 dented"],
)
def test_a_count_not_said_is_in_doubt(text: str) -> None:
    # "a few bags" was one bag, sure at 0.97
    ds = draft(text, make_context(items=_BLUE))
    assert all(d.confidence < 0.5 for d in ds)
    (d,) = draft("3 SKU-12 broke a few days ago", make_context(items=_BLUE))
    assert d.amount == Decimal("45.00") and d.confidence >= 0.9


def test_a_dozen_or_a_pair_priced_line_counts_its_own_unit() -> None:
    items = {
        "31020": ItemInfo("31020", "Pilot G2 gel pen 0.7mm black DZ/12", Decimal("13.20")),
        "6001": ItemInfo("6001", "3M 6001 organic vapor cartridge PR", Decimal("14.80")),
    }
    # "4 dz" of a DZ/12 line were 48 dozens, $633.60 at 0.97
    (d,) = draft("sku 31020 4 dz dmg", make_context(items=items))
    assert d.amount == Decimal("52.80")
    # six loose cartridges of a pair's line were six pairs, $88.80 at 0.97
    (d,) = draft("6 loose 6001 cartridges with broken seals, toss", make_context(items=items))
    assert d.amount == Decimal("44.40")
    (d,) = draft("found 4 extra pr 6001 carts", make_context(items=items))
    assert d.amount == Decimal("59.20")


def test_pieces_of_a_foodservice_case_pack_are_its_share() -> None:
    items = {
        "1043235": ItemInfo("1043235", "Heavy cream 40% 12/QT CS", Decimal("58.80")),
        "1043318": ItemInfo("1043318", "Yogurt greek plain 4/32 oz CS", Decimal("21.60")),
    }
    # a dozen quarts were 12 cases, $705.60
    (d,) = draft("a dozen qts of heavy cream spoiled", make_context(items=items))
    assert d.amount == Decimal("58.80")
    (d,) = draft("2 tubs of the greek yogurt expired", make_context(items=items))
    assert d.amount == Decimal("10.80")
    (d,) = draft("3 cs of 1043235 expired", make_context(items=items))
    assert d.amount == Decimal("176.40")


def test_a_count_of_cases_after_a_name_stays_a_count() -> None:
    items = {
        "HOL-GP": ItemInfo(
            "HOL-GP", "Crown Royal Holiday Gift Pack 750ML w/2 Glasses CS/6", Decimal("171.00")
        )
    }
    # "2 cs" was eaten into the name ("w/2 Glasses CS/6"): no count, two drafts merged
    (d,) = draft("obsolete holiday gift packs 2 cs w/o", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("342.00"))


def test_bottles_said_short_are_counted_goods() -> None:
    ds = draft("1 cs SKU-12 smashed, 2 btls SKU-77 broke", make_context())
    assert [(d.sku, d.quantity) for d in ds] == [("SKU-12", 1), ("SKU-77", 2)]


def test_eighty_six_the_goods_is_no_count() -> None:
    # "86 the expired sour cream, 3 tubs" was 86 tubs, sure-ish
    (d,) = draft("86 the expired SKU-12, 3 of them", make_context(items=_BLUE))
    assert d.quantity == Decimal(3)


def test_a_bag_pack_after_the_name_prices_the_bag() -> None:
    items = {
        "43802": ItemInfo("43802", 'Qualatex 11" Latex Red BG/100', Decimal("14.75")),
        "INS-25": ItemInfo("INS-25", "Ring Insulators Black BG/25", Decimal("5.75")),
    }
    # 40 balloons were 40 bags, $590.00
    (d,) = draft("40 red 11in latex popped at the inflation station", make_context(items=items))
    assert d.amount == Decimal("5.90")
    (d,) = draft("2 bg ring insulators short on count", make_context(items=items))
    assert d.amount == Decimal("11.50")


def test_a_size_glued_to_its_measure_names_the_goods() -> None:
    # "6 of the 8qt chafers" was 8 at $6.00
    (d,) = draft("6 of the 8qt SKU-12 rusted through, scrap em", make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(6), Decimal("90.00"))
    (d,) = draft("1 chafer 8qt SKU-12 dented bad", make_context(items=_BLUE))
    assert d.quantity == Decimal(1)


def test_quarts_of_a_quart_line_sold_by_the_case_are_its_share() -> None:
    items = {"5W30": ItemInfo("5W30", "5W-30 small engine oil qt CS/12", Decimal("69.00"))}
    # 8 quarts were 8 cases, $552.00 at 0.82
    (d,) = draft("8 qts 5W30 contaminated with water, dumped them", make_context(items=items))
    assert d.amount == Decimal("46.00")


def test_a_pack_in_capitals_or_a_bottle_of_so_many_prices_the_pack() -> None:
    items = {
        "418R": ItemInfo("418R", "Dunlop Tortex Standard .60mm Refill BAG/72", Decimal("21.60")),
        "215004": ItemInfo("215004", "Oclacitinib 16 mg tabs BTL/100", Decimal("218.60")),
    }
    # 2 bags of 72 picks were 144 bags, $3,110.40 at 0.97
    (d,) = draft("2 bags 418R (72/bag) soaked in fret cleaner, trash", make_context(items=items))
    assert d.amount == Decimal("43.20")
    # 30 tablets were 30 bottles, $6,558.00 at 0.87
    (d,) = draft("30 tabs oclacitinib spilled on the floor", make_context(items=items))
    assert d.amount == Decimal("65.58")
    (d,) = draft("1 btl 215004 went missing from the cage", make_context(items=items))
    assert d.amount == Decimal("218.60")


def test_goods_counted_beside_their_box_said_without_a_count_are_pieces() -> None:
    items = {"GLV-L": ItemInfo("GLV-L", "Nitrile exam gloves L BX/100", Decimal("9.10"))}
    # 50 gloves were 50 boxes, $455.00
    (d,) = draft("50 nitrile L gloves torn, box got wet", make_context(items=items))
    assert d.amount == Decimal("4.55")
    (d,) = draft("2 boxes of GLV-L got wet", make_context(items=items))
    assert d.amount == Decimal("18.20")


def test_a_pair_of_figures_with_a_slash_names_the_one_with_a_plus() -> None:
    items = {
        "CAP-45-5": ItemInfo(
            "CAP-45-5", "Dual run capacitor 45+5 MFD 440V round", Decimal("14.60")
        ),
        "RLC-4PK": ItemInfo(
            "RLC-4PK", "Locking refrigerant caps R-410A pink 4-pack", Decimal("19.60")
        ),
    }
    # "45/5 caps" were the locking caps
    (d,) = draft("2 of the 45/5 caps came in bulged on top, scrap em", make_context(items=items))
    assert (d.sku, d.amount) == ("CAP-45-5", Decimal("29.20"))


def test_footwear_of_a_pairs_line_is_counted_in_pairs() -> None:
    items = {"CB-8": ItemInfo("CB-8", "Chelsea boot tan sz 8 PR", Decimal("72.00"))}
    (d,) = draft(
        "half a dozen tan chelsea boots sz 8 scuffed beyond repair", make_context(items=items)
    )
    assert d.amount == Decimal("432.00")
    (d,) = draft(
        "found 6 extra pr CB-8 up on the mezz, not in the system", make_context(items=items)
    )
    assert d.amount == Decimal("432.00")


def test_a_couple_hundred_without_its_article_is_still_no_figure() -> None:
    # "$100.00" at 0.97
    (d,) = draft("couple hundred bucks of SKU-12 ruined", make_context(items=_BLUE))
    assert d.confidence < 0.5


def test_an_exchange_is_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft("customer exchanged 2 pr SKU-12 sz 9 for sz 10, no issue", make_context())


def test_a_number_signs_size_after_the_counted_goods_is_no_count() -> None:
    items = {"RB4-20": ItemInfo("RB4-20", "Rebar #4 1/2in x 20ft gr60", Decimal("13.90"))}
    # "#4" was the count: 4 sticks, not 22
    (d,) = draft("22 sticks #4 rebar 20' bent by the loader, scrap", make_context(items=items))
    assert d.quantity == Decimal(22)


def test_plural_goods_of_a_case_lines_name_counted_after_its_code_are_pieces() -> None:
    items = {
        "SP450": ItemInfo("SP450", "4.5in standard pot black CS/500", Decimal("72.50")),
        "1020-NH": ItemInfo("1020-NH", "1020 flat no holes CS/100", Decimal("64.00")),
    }
    # 150 pots were 150 cases, $10,875.00
    (d,) = draft("SP-450 150 pots cracked", make_context(items=items))
    assert d.amount == Decimal("21.75")
    # "1020 flat" is the flat's model, not a flat of 1020
    (d,) = draft("60 of the 1020 no hole flats warped, trash", make_context(items=items))
    assert d.amount == Decimal("38.40")


def test_a_figures_code_typed_in_two_groups_with_a_space() -> None:
    items = {"410122": ItemInfo("410122", "Mozzarella shredded 4/5 LB CS", Decimal("46.80"))}
    # "410 122" was 122 cases, $5,709.60
    (d,) = draft("410 122 mozz 2 cs torn", make_context(items=items))
    assert (d.sku, d.amount) == ("410122", Decimal("93.60"))


def test_the_break_room_breaks_nothing() -> None:
    with pytest.raises(DraftError):
        draft("lunch is on me today, $120 of pizza in the break room", make_context())


def test_goods_taken_home_by_staff_are_stolen() -> None:
    (d,) = draft(
        "camera shows the night guy taking 3 SKU-12 home with him on tuesday, HR is on it",
        make_context(items=_BLUE),
    )
    assert d.category is Category.CASUALTY


def test_a_card_of_so_many_prices_the_card() -> None:
    items = {"210040": ItemInfo("210040", "C7 night light 4W E12 clear CD/4", Decimal("1.60"))}
    # 2 cards of 4 were 8 cards at $1.60, sure at 0.97
    (d,) = draft("2 cards of C7 night lights 210040 (4 per card) broken", make_context(items=items))
    assert d.amount == Decimal("3.20")


def test_the_bags_a_case_pack_holds_are_its_pieces() -> None:
    items = {"LR": ItemInfo("LR", "Lactated Ringers Inj 1000mL bag CS/12", Decimal("45.60"))}
    # 11 bags were 11 cases, $501.60
    (d,) = draft("11 LR bags leaked all over the bin", make_context(items=items))
    assert d.amount == Decimal("41.80")
    clams = {"CLM": ItemInfo("CLM", "Littleneck clams 100 ct bag", Decimal("38.00"))}
    (d,) = draft("littlenecks gaping, 2 bags of CLM in the bin", make_context(items=clams))
    assert d.amount == Decimal("76.00")


def test_ripped_typed_short_is_damage() -> None:
    (d,) = draft("15 SKU-12 ripd in the dryer", make_context(items=_BLUE))
    assert d.category is Category.LOSS and d.reason


def test_so_many_to_the_carton_ending_the_name_prices_the_carton() -> None:
    items = {"LMP-22": ItemInfo("LMP-22", "Cassia table lamp brass 2/CN", Decimal("58.00"))}
    # one lamp was the carton of two, $58.00
    (d,) = draft(
        "somebody walked off with a cassia lamp LMP-22 from the showroom", make_context(items=items)
    )
    assert d.amount == Decimal("29.00")
    (d,) = draft("3 cartons LMP-22 (2/cn) dropped off the top rack", make_context(items=items))
    assert d.amount == Decimal("174.00")


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        ("count is off on the rc410 qts, 7 fewer than the books", "RC410-QT", "68.95"),
        ("back room shelf 3B, 11 gallons RC410 ceiling white froze", "RC410-GAL", "312.40"),
        ("the 5 gallon RC410 pails skinned over solid, 2 of them are junk", "RC410-5G", "263.00"),
    ],
)
def test_a_codes_stem_beside_its_size_names_that_sizes_code(
    text: str, sku: str, amount: str
) -> None:
    items = {
        "RC410-QT": ItemInfo("RC410-QT", "Ridgecoat Int Eggshell Extra White QT", Decimal("9.85")),
        "RC410-GAL": ItemInfo(
            "RC410-GAL", "Ridgecoat Int Eggshell Extra White 1 GAL", Decimal("28.40")
        ),
        "RC410-5G": ItemInfo(
            "RC410-5G", "Ridgecoat Int Eggshell Extra White 5 GAL PAIL", Decimal("131.50")
        ),
    }
    # "rc410" named no item: the size said beside it picks the line
    ds = draft(text, make_context(items=items))
    assert (ds[0].sku, ds[0].amount) == (sku, Decimal(amount))


def test_gold_karat_is_no_thousands() -> None:
    items = {"B5150": ItemInfo("B5150", "Bangle 14k yellow gold 3mm", Decimal("515.00"))}
    # "14k bangle" was $14,000.00, an overage at 0.87
    (d,) = draft(
        "found 1 extra 14k bangle B5150 in the safe, system is low", make_context(items=items)
    )
    assert d.amount == Decimal("515.00")
    (d,) = draft("write off 14k of damaged stock", make_context())
    assert d.amount == Decimal("14000.00")


def test_pieces_counted_out_of_smaller_containers_are_a_share_of_the_case() -> None:
    items = {"DC-32": ItemInfo("DC-32", "Dart 32 oz Foam Cup 32J32 CS/500", Decimal("62.50"))}
    # 2 sleeves of 50 were 100 cups at the case's cost each, $6,250.00
    (d,) = draft("2 sleeves of DC-32 cups (50/slv) got wet and crushed", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(100), Decimal("12.50"))


def test_a_long_message_of_words_between_a_case_and_a_figure_is_read_at_once() -> None:
    # a size-after pattern split each word into letter runs every way it could: this message
    # ran for minutes (in a child process, so a hang fails instead of stalling the suite)
    text = (
        "heads up, 7 cs 40125 sat on dock 6 for 5 hrs during the transfer from the grind room "
        "bc nobody grabbed the pallet jack, product is spoiled, supervisor signed off on dumping it"
    )
    script = (
        "from decimal import Decimal\n"
        "from ledger.drafting import ItemInfo, draft\n"
        "from tests.ledger.conftest import ITEMS, make_context\n"
        "items = {'40125': ItemInfo('40125', 'Ground beef 80/20 10 lb chub CS/4', Decimal('88'))}\n"
        f"(d,) = draft({text!r}, make_context(items=items))\n"
        "print(d.quantity)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "28"  # (7 cases of 4, in pieces)


def test_nobody_taking_anything_is_no_theft() -> None:
    # "bc nobody grabbed the pallet jack, product is spoiled" was a theft
    (d,) = draft(
        "7 SKU-12 sat on dock 6 for 5 hrs bc nobody grabbed the pallet jack, spoiled",
        make_context(items=_BLUE),
    )
    assert d.category is Category.LOSS
    (d,) = draft("no one knows who stole 3 SKU-12", make_context(items=_BLUE))
    assert d.category is Category.CASUALTY


def test_a_count_after_a_bag_of_is_the_bags_count_not_the_goods_name() -> None:
    # "3 bags of 100 orange wire nuts" read "100" as the name "bag of 100": 3 at 0.97
    items = {
        "078477301285": ItemInfo(
            "078477301285", "Ideal 73B Wire-Nut Orange, bag of 100", Decimal("11.25")
        )
    }
    (d,) = draft(
        "3 bags of 100 orange wire nuts 078477301285 soaked in hydraulic oil, scrap",
        make_context(items=items),
    )
    assert (d.quantity, d.amount) == (Decimal(300), Decimal("33.75"))
    # a figure the name gives as a model, not a pack, is still the name's: 9 tubes
    items = {
        "3M-06500": ItemInfo("3M-06500", "3M 5200 Marine Sealant White 10 oz", Decimal("27.49"))
    }
    (d,) = draft("9 tubes of 5200 white 3M-06500 dried out", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(9), Decimal("247.41"))


def test_a_weeks_number_is_no_count() -> None:
    # "wk 32 cycle count ... short 7" counted 32
    (d,) = draft("wk 32 cycle count, SKU-12 short 7", make_context(items=_BLUE))
    assert (d.category, d.quantity, d.amount) == (Category.SHRINKAGE, Decimal(7), Decimal("105.00"))


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("3 shelf packs (12/pk) SKU-12 expired", 36),
        ("2 shelf packs x 6 of SKU-12, expired", 12),
        ("2 display boxes of 24 SKU-12 crushed", 48),
    ],
)
def test_a_shelf_pack_is_a_pack(text: str, quantity: int) -> None:
    # the word before the container hid it: "3 shelf" was the count, the 12/pk not understood
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(quantity), quantize(Decimal(quantity) * 15))
    assert d.confidence >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "thanks <@U04KJ8QZ> for the count, all 46 SKU-12 matched :+1:",
        "thanks <@U01XYZ789> :+1: the 6 SKU-12 posted fine",
        "client venmo'd $75 for the SKU-12 they lost",
        "core credit from interstate came thru: 12 SKU-12 x $18 = $216",
        "freight claim filed with the carrier for 2 SKU-12, $1,496, not writing them off yet",
        "cupping at 2, can someone bring 3 bags of the SKU-12",
    ],
)
def test_chatter_with_counts_is_no_write_off(text: str) -> None:
    # each drafted a write-off of the goods named
    with pytest.raises(DraftError):
        draft(text, make_context(items=_BLUE))


def test_a_figure_said_after_a_word_of_a_name_is_the_names_not_another_code() -> None:
    # "bravecto 1000" was read as the code LRS-1000 (its figures), beside the Bravecto item
    items = {
        "BRV-1000-1": ItemInfo(
            "BRV-1000-1", "Bravecto 1000 mg chew 44-88 lb 1ct", Decimal("39.75")
        ),
        "LRS-1000": ItemInfo("LRS-1000", "Lactated Ringer's 1000 mL bag", Decimal("2.95")),
    }
    (d,) = draft("stolen from the will call counter: 4 bravecto 1000", make_context(items=items))
    assert (d.sku, d.amount) == ("BRV-1000-1", Decimal("159.00"))
    (d,) = draft("w/o 40 LRS 1000 bags punctured", make_context(items=items))
    assert (d.sku, d.amount) == ("LRS-1000", Decimal("118.00"))


def test_the_lists_own_container_counted_is_whole_ones() -> None:
    # "2 rolls" of a label roll of 500 was 2 labels ($0.09); "bread bag boxes ... 3 short" of
    # a box of 1000 bags was 3 bags ($0.12)
    items = {
        "LBL-43-500": ItemInfo("LBL-43-500", "4x3 ingredient label roll, 500 ct", Decimal("22.10")),
        "BB-8418-1M": ItemInfo(
            "BB-8418-1M", "Micro-perf bread bag 8x4x18, 1000 ct box", Decimal("39.60")
        ),
    }
    ctx = make_context(items=items)
    (d,) = draft("aisle 6 bin 6-14-B: 2 rolls of ingredient labels water damaged", ctx)
    assert (d.sku, d.amount) == ("LBL-43-500", Decimal("44.20"))
    text = "fewer bread bag boxes on the shelf than on the books, 3 short"
    (d,) = draft(text, ctx)
    assert (d.sku, d.amount) == ("BB-8418-1M", Decimal("118.80"))
    # the pieces themselves counted stay pieces
    (d,) = draft("300 bread bags ripped, BB-8418-1M", ctx)
    assert d.amount == Decimal("11.88")


def test_a_code_typed_in_all_its_spaced_parts_is_that_code() -> None:
    # (found by the item-list property test) "1 lt 0 aa broken" beside LT0 and LT-0-AA was
    # LT0 at 0.97: its first two parts joined before the whole code was read
    items = {
        code: ItemInfo(code, code, Decimal(1))
        for code in ("MON0", "MON1", "LT0", "CHG0", "LT-0-AA")
    }
    (d,) = draft("1 lt 0 aa broken", make_context(items=items))
    assert d.sku == "LT-0-AA"
    (d,) = draft("1 lt 0 broken", make_context(items=items))
    assert d.sku == "LT0"
    # ... nor its figures another code's: "lt 0925 lt" beside CHG0925 was CHG0925
    items = {code: ItemInfo(code, code, Decimal(1)) for code in ("LT0", "CHG0925", "LT-0925-LT")}
    (d,) = draft("1 lt 0925 lt broken", make_context(items=items))
    assert d.sku == "LT-0925-LT"


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # "night" of "Retinol Night Cream" after "unit 3 last" was counted goods of its own
        ("break-in at unit 3 last night, they took 9 FGS-EDP-50", "FGS-EDP-50", "346.50"),
        # "bay" of "150W UFO LED High Bay" after "aisle 14"
        ("aisle 14 bay C, 5 HOM2100 dmg, found by mike 3/12", "HOM2100", "481.50"),
    ],
)
def test_a_word_of_a_name_after_a_places_number_is_no_goods_beside_a_code(
    text: str, sku: str, amount: str
) -> None:
    items = {
        "SKN-RET-30": ItemInfo("SKN-RET-30", "Retinol Night Cream 30ml", Decimal("14.20")),
        "FGS-EDP-50": ItemInfo(
            "FGS-EDP-50", "Eau de Parfum Gift Set 50ml + Shower Gel", Decimal("38.50")
        ),
        "HOM2100": ItemInfo("HOM2100", "Square D Homeline 2-Pole 100A Breaker", Decimal("96.30")),
        "HB150-UFO": ItemInfo("HB150-UFO", "150W UFO LED High Bay", Decimal("125.00")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.sku, d.amount) == (sku, Decimal(amount))


def test_a_part_number_after_p_n_is_the_goods_code() -> None:
    (d,) = draft("w/o 6 of p/n 7721-BR-04 broken, $14.20 ea", make_context())
    assert (d.sku, d.quantity, d.amount) == ("7721-BR-04", Decimal(6), Decimal("85.20"))


def test_write_em_off_asks_for_the_write_off() -> None:
    # "*reminder* ... write em off pls" was a note for later
    (d,) = draft(
        "*reminder* <@U0ACCT42> the obsolete SKU-12, 40 pcs, write em off pls :pray:",
        make_context(items=_BLUE),
    )
    assert (d.quantity, d.amount) == (Decimal(40), Decimal("600.00"))


def test_a_forms_number_is_no_count() -> None:
    # "dea form 106 filed" drafted 106 of the goods beside the 120 taken
    (d,) = draft(
        "dea form 106 filed - break-in last night, 120 SKU-12 taken", make_context(items=_BLUE)
    )
    assert (d.category, d.quantity) == (Category.CASUALTY, Decimal(120))


def test_the_names_own_retail_pack_counted_stays_packs() -> None:
    # "5 RX-TWIN-2220 twin packs" of "Rain-X Latitude twin pack" was 10 (5 x 2-pack) at 0.87
    items = {
        "RX-TWIN-2220": ItemInfo(
            "RX-TWIN-2220", "Rain-X Latitude twin pack 22in+20in", Decimal("21.90")
        ),
        "EVD-3PK": ItemInfo("EVD-3PK", "Everydrop filter 3pk", Decimal("90.00")),
    }
    ctx = make_context(items=items)
    (d,) = draft("5 RX-TWIN-2220 twin packs crushed under a tire stack", ctx)
    assert (d.quantity, d.amount) == (Decimal(5), Decimal("109.50"))
    (d,) = draft("2 EVD-3PK 3pks cracked", ctx)
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("180.00"))


def test_a_bag_of_so_many_in_lower_case_prices_the_bag() -> None:
    # "crimp rings bag/100" at $14.80 was read as $14.80 a ring: 300 rings $4,440.00 at 0.97
    items = {"SKU-4410": ItemInfo("SKU-4410", "PEX 1/2 in crimp rings bag/100", Decimal("14.80"))}
    (d,) = draft(
        "3 bags crimp rings SKU-4410 spilled in the lot, 100/bag, w/o", make_context(items=items)
    )
    assert d.amount == Decimal("44.40")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # each borrowed the other part's reason ("missing", "stolen") at 0.82 and 0.72
        ("8 SKU-12 bulged and 3 SKU-77 missing", Category.LOSS),
        ("5 SKU-12 failed recert, and 2 SKU-77 stolen from the cage", Category.LOSS),
    ],
)
def test_a_parts_own_damage_word_is_its_reason(text: str, category: Category) -> None:
    items = {**_BLUE, "SKU-77": ItemInfo("SKU-77", "Red widget", Decimal("20.00"))}
    first, _ = draft(text, make_context(items=items))
    assert first.category is category and first.confidence >= 0.9


def test_the_measure_of_the_names_holder_is_the_names() -> None:
    # "4 R-410A 25 lb cylinders" of "R-410A refrigerant 25 lb cylinder" counted 25 (pounds)
    items = {
        "R410A-25": ItemInfo("R410A-25", "R-410A refrigerant 25 lb cylinder", Decimal("289.00")),
        "R454B-20": ItemInfo("R454B-20", "R-454B refrigerant 20 lb cylinder", Decimal("365.00")),
    }
    ctx = make_context(items=items)
    (d,) = draft("stolen: 4 R-410A 25 lb cylinders from the yard overnight", ctx)
    assert (d.sku, d.quantity, d.amount) == ("R410A-25", Decimal(4), Decimal("1156.00"))
    # a weight said at the end is still a weight of the goods: never sure
    (d,) = draft("stolen: R-410A 20 lb", ctx)
    assert d.confidence < 0.9


def test_a_single_piece_the_name_prices_is_counted_in_pieces() -> None:
    # "(single card, ships 6/pk)": 4 packs of 6 are 24 cards, not 4 packs at a card's cost
    items = {
        "GC-BDAY-ASST": ItemInfo(
            "GC-BDAY-ASST", "Birthday card assorted (single card, ships 6/pk)", Decimal("1.15")
        )
    }
    (d,) = draft(
        "4 pks (6/pk) of the assorted bday cards came in crushed", make_context(items=items)
    )
    assert (d.quantity, d.amount) == (Decimal(24), Decimal("27.60"))


def test_a_code_ending_in_a_labels_word_stays_whole() -> None:
    # the "CAT" ending "FLX-6D-CAT x3" was read as a catalogue's label: code X3, no draft
    items = {"FLX-6D-CAT": ItemInfo("FLX-6D-CAT", "FleaGuard Cat, 6-dose", Decimal("44.80"))}
    (d,) = draft("`FLX-6D-CAT` x3 expired :skull:", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("FLX-6D-CAT", Decimal(3), Decimal("134.40"))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("someone five-fingered 2 SKU-12 off the demo table", Category.CASUALTY),
        ("someone got into the cage last night, 4 SKU-12 gone", Category.CASUALTY),
        ("tossed 10 SKU-12 that were too far gone", Category.LOSS),
        ("8 SKU-12 skinned over, found by Maria 10/09", Category.LOSS),
    ],
)
def test_more_floor_words_for_theft_and_spoilage(text: str, category: Category) -> None:
    # each was shrinkage ("gone"), a routine loss with no reason, or an overage ("over")
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is category


def test_gift_card_envelopes_are_goods_not_a_payment() -> None:
    (d,) = draft(
        "SKU-12 gift card envelopes, 500 pcs, crushed box, toss", make_context(items=_BLUE)
    )
    assert d.quantity == Decimal(500)
    with pytest.raises(DraftError):
        draft("customer paid with 2 gift cards, $50", make_context(items=_BLUE))


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # the list's code with a colon was read as EHP-1, with no cost
        ("stolin 1 EHP-1:5-RED out of the delivery van", "EHP-1:5-RED", "1495.00"),
        # ... with a plus, as TUNA-AHI-1
        ("TUNA-AHI-1+ 14 lb went brown, spoiled", "TUNA-AHI-1+", "307.30"),
    ],
)
def test_a_code_with_an_odd_mark_is_read_whole(text: str, sku: str, amount: str) -> None:
    items = {
        "EHP-1:5-RED": ItemInfo("EHP-1:5-RED", "Electric Handpiece 1:5 Red Band", Decimal("1495")),
        "TUNA-AHI-1": ItemInfo("TUNA-AHI-1", "Ahi tuna #1 loin, per lb", Decimal("24.50")),
        "TUNA-AHI-1+": ItemInfo("TUNA-AHI-1+", "Ahi tuna #1+ loin, per lb", Decimal("21.95")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.sku, d.amount) == (sku, Decimal(amount))


def test_a_size_said_short_picks_the_item_of_that_size() -> None:
    # "lg nitrile" of Small, Medium and Large boxes named no item: no cost, no amount
    items = {
        f"NIT-{s[0]}-100": ItemInfo(
            f"NIT-{s[0]}-100", f"Nitrile Exam Gloves {s} bx/100", Decimal("8.95")
        )
        for s in ("Small", "Medium", "Large")
    }
    ctx = make_context(items=items)
    (d,) = draft("shortfall of 18 bx lg nitrile vs system", ctx)
    assert (d.sku, d.amount) == ("NIT-L-100", Decimal("161.10"))
    (d,) = draft("> 10 bx med nitrile ripped / w/o pls :pray:", ctx)
    assert (d.sku, d.amount) == ("NIT-M-100", Decimal("89.50"))


def test_thanks_for_catching_a_count_is_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft("thx <@U04KD2L> for catching the SKU-12 count :+1:", make_context(items=_BLUE))


def test_two_codes_that_differ_by_a_mark_draft_alike_in_every_process() -> None:
    # "TUNA-AHI-1" and "TUNA-AHI-1+" shared one lookup key; which one won hung on the
    # process's hash seed, and half the processes drafted nothing for "TUNA-AHI-1+"
    script = (
        "from decimal import Decimal\n"
        "from ledger.drafting import ItemInfo, draft\n"
        "from tests.ledger.conftest import ITEMS, make_context\n"
        "items = {c: ItemInfo(c, 'Ahi tuna loin, per lb', Decimal(p)) for c, p in "
        "(('TUNA-AHI-1', '24.50'), ('TUNA-AHI-1+', '21.95'), ('EHP-1:5-RED', '1495'))}\n"
        "(d,) = draft('TUNA-AHI-1+ 14 lb went brown, spoiled', make_context(items=items))\n"
        "print(d.sku, d.amount)\n"
    )
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.stdout.split() == ["TUNA-AHI-1+", "307.30"]


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # "gone" after a leak was shrinkage; "seeping" is the leak
        ("SKU-12 keg seeping at the valve, product's gone. w/o 1", Category.LOSS, 1),
        # "missing from the factory" is a defect, not a short count
        ("6 SKU-12 defective, tiles missing from the factory", Category.LOSS, 6),
        # the shrink wrap shattered, not a shrinkage
        ("SKU-12 x3 shattered shrink and crushed, customer wont take them", Category.LOSS, 3),
        # a count "N bags on shelf" beside the system's figure
        ("cycle count 10/31: SKU-12 14 bags on shelf, system 17", Category.SHRINKAGE, 3),
    ],
)
def test_floor_words_of_round_111(text: str, category: Category, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


def test_goods_named_before_but_are_their_own_beside_a_later_code() -> None:
    # "3 extra T6 Pros ... but short 2 1F83C" took the 1F83C for the T6 Pros too
    items = {
        "TH6220U2000": ItemInfo("TH6220U2000", "Honeywell T6 Pro thermostat", Decimal("74.50")),
        "1F83C-11NP": ItemInfo(
            "1F83C-11NP", "White-Rodgers 1F83C programmable thermostat", Decimal("41.20")
        ),
    }
    first, second = draft(
        "found 3 extra T6 Pros on the shelf but short 2 1F83C", make_context(items=items)
    )
    assert (first.sku, first.amount, first.category) == (
        "TH6220U2000",
        Decimal("223.50"),
        Category.OVERAGE,
    )
    assert (second.sku, second.amount) == ("1F83C-11NP", Decimal("82.40"))


def test_a_florists_bunch_holds_its_stems() -> None:
    # "6 bu (10/bu)" was 6 stems, the 10 per bunch not understood
    items = {
        "RAN-BFY-WHT": ItemInfo("RAN-BFY-WHT", "Ranunculus Butterfly White", Decimal("1.65")),
        "KALE-BU": ItemInfo("KALE-BU", "Kale green bunch", Decimal("1.20")),
    }
    ctx = make_context(items=items)
    (d,) = draft("lost 6 bu (10/bu) ranunculus to botrytis", ctx)
    assert (d.quantity, d.amount) == (Decimal(60), Decimal("99.00"))
    # a line priced by the bunch, counted in bunches, stays bunches
    (d,) = draft("2 bu KALE-BU spoiled", ctx)
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("2.40"))


def test_a_guest_who_took_the_goods_is_a_theft() -> None:
    (d,) = draft(
        "rm 1412 checkout 5/2, guest took the SKU-12 robe, not on folio. w/o 1",
        make_context(items=_BLUE),
    )
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    "text",
    [
        "can someone reprint labels for 30 SKU-12",
        "store 33 wants 10 more trays of SKU-12 next order",
    ],
)
def test_errands_for_labels_and_stores_are_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_BLUE))


def test_money_glued_to_a_misspelt_unit_is_refused() -> None:
    # (found by the glued-amounts property test) "$1CAES" was read as $1 a case, at 0.92:
    # the respelling of pack words after a count took the money for a count
    with pytest.raises(DraftError) as refused:
        draft("write off broken tvs, $1CAES", make_context())
    assert "$1CAES" in str(refused.value)
    with pytest.raises(DraftError) as refused:
        draft("write off broken tvs, $1,200BOXS", make_context())
    assert "$1,200BOXS" in str(refused.value)
    (d,) = draft("2 dozne SKU-12 broken", make_context(items=_BLUE))
    assert d.quantity == Decimal(24)


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # the place counted, then its figure, beside the books'
        ("month end count SKU-12: books 40, freezer 33", Category.SHRINKAGE, 7),
        # wire and rope are measured, not counted
        ("SKU-12: books 900 ft, measured 640 left on the reel", Category.SHRINKAGE, 260),
        ("SKU-12 measured 1,940 ft, books say 2,000", Category.SHRINKAGE, 60),
        # what the holder actually has is the count
        ("inventory says 300 SKU-12, rack actually has 480", Category.OVERAGE, 180),
    ],
)
def test_a_count_beside_the_books_in_the_trades_words(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))
    assert d.amount == quantize(Decimal(quantity) * Decimal("15.00"))


def test_a_numbered_freezer_is_a_place_not_the_count() -> None:
    # "freezer 3: 33 counted": freezer 3 is where; it was read as a count of 3 (37 short)
    (d,) = draft("SKU-12 books 40, freezer 3: 33 counted", make_context(items=_BLUE))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, Decimal(7))


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Of the 400 SKU-12 we pulled back from Metro, 15% are leaking. w/o the leakers", 60),
        ("of the 80 SKU-12 we got on PO 5531200, 25% showed up crushed", 20),
        # a clearance rack is where they are: 25% of them crushed is a share of the goods
        # (it drafted a 25% write-down of all 40 at 0.97)
        ("of the 40 SKU-12 on the clearance rack, 25% are crushed flat. w/o those", 10),
        ("40 SKU-12 on the clearance rack, 25% are crushed flat. w/o those", 10),
        ("the 40 SKU-12 in the sale bin: 25% are broken, toss them", 10),
    ],
)
def test_a_share_said_after_its_whole_is_the_quantity(text: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (Category.LOSS, Decimal(quantity))
    assert d.amount == quantize(Decimal(quantity) * Decimal("15.00"))


def test_a_share_in_a_state_is_no_price_cut() -> None:
    # "25% crushed" beside a clearance rack: a share of the goods (of which count?), not a
    # 25% markdown (it drafted one at 0.97)
    for d in draft("40 SKU-12 on clearance, 25% crushed", make_context(items=_BLUE)):
        assert d.confidence < 0.9
    # a cut is still a cut
    (d,) = draft("of the 40 SKU-12 on the clearance rack, 25% off", make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("150.00"))


_BOOSTERS = {
    "TCG-BB": ItemInfo("TCG-BB", "Trading card booster box, 36 packs", Decimal("104.00")),
}


def test_packs_out_of_a_box_the_list_prices_are_its_pieces() -> None:
    # "booster box, 36 packs": the box holds 36 packs; "2 packs" torn are 2/36 of a box (it
    # drafted two whole boxes, $208.00, at 0.97)
    (d,) = draft("2 packs of TCG-BB torn", make_context(items=_BOOSTERS))
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("5.78"))
    (d,) = draft("2 TCG-BB packs torn", make_context(items=_BOOSTERS))
    assert d.amount == Decimal("5.78")
    # ... and the box, counted as the name says it, is whole boxes (it was priced as 1 pack)
    (d,) = draft("broke 1 trading card booster box TCG-BB", make_context(items=_BOOSTERS))
    assert d.amount == Decimal("104.00")
    (d,) = draft("broke 1 TCG-BB", make_context(items=_BOOSTERS))
    assert d.amount == Decimal("104.00")


def test_a_name_with_accents_is_read_with_or_without_them() -> None:
    # "rosé" was read as "ros" plus a stray "é" glued to the code: "ROSE-PRV-750é" was then
    # refused as a look-alike number
    items = {
        "ROSE-PRV-750": ItemInfo("ROSE-PRV-750", "Côtes de Provence rosé 750ml", Decimal("10.90"))
    }
    for text in ("6 btl of provence rosé broken", "6 btl of provence rose broken"):
        (d,) = draft(text, make_context(items=items))
        assert (d.sku, d.amount) == ("ROSE-PRV-750", Decimal("65.40"))


def test_a_codes_letters_are_no_words_of_the_message() -> None:
    # "SOLD-PASTE-35G" sold nothing: the message was refused as a sale
    items = {"SOLD-PASTE-35G": ItemInfo("SOLD-PASTE-35G", "Solder paste 35g", Decimal("8.75"))}
    (d,) = draft(
        "expired solder paste, 6 syringes SOLD-PASTE-35G past date", make_context(items=items)
    )
    assert (d.category, d.amount) == (Category.LOSS, Decimal("52.50"))
    with pytest.raises(DraftError):
        draft("sold 6 SOLD-PASTE-35G to a customer", make_context(items=items))


def test_a_names_pieces_then_their_holder_price_the_holder() -> None:
    # "3 tube pack" is a pack of 3 tubes (it was a "tube of 3"); "Series 4 blind box" is no
    # box of 4
    assert packs.size_of("Revolution Plus cat 5.6-11 lb, 3 tube pack") == ("pack", Decimal(3))
    assert packs.size_of("Red blend, 6 bottle case") == ("case", Decimal(6))
    assert packs.size_of("Smiski Series 4 blind box") is None
    items = {"REV-3": ItemInfo("REV-3", "Revolution Plus cat, 3 tube pack", Decimal("52.20"))}
    (d,) = draft("5 tubes of REV-3 punctured", make_context(items=items))
    assert d.amount == Decimal("87.00")  # five tubes, not five packs ($261.00)


def test_the_lists_own_container_named_with_the_goods_is_counted_whole() -> None:
    # "carprofen 100mg bottles x2" of "..., bottle of 60": two bottles (it was two caplets,
    # $1.15)
    items = {
        "CARP-60": ItemInfo("CARP-60", "Carprofen 100 mg caplets, bottle of 60", Decimal("34.50"))
    }
    (d,) = draft("carprofen 100mg bottles x2 - seals broken, toss them", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("69.00"))


_TWO = {
    "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
    "SKU-77": ItemInfo("SKU-77", "Red gadget", Decimal("96.00")),
}


def test_a_part_said_apart_from_the_event_is_not_surely_the_events() -> None:
    # "break-in last night, 2 X stolen. also 1 Y ... w/o that too": nothing says the break-in
    # did Y; it was drafted as the break-in's casualty at 0.97
    text = "break-in last night, 2 SKU-12 stolen. also 1 SKU-77 w/o"
    stolen, other = draft(text, make_context(items=_TWO))
    assert stolen.category is Category.CASUALTY and stolen.confidence >= 0.9
    assert other.confidence < 0.9
    # ... and a forklift's hole is damage of its own (a loss)
    text = "break-in last night, 2 SKU-12 stolen. also found 1 SKU-77 with a forklift hole in it"
    _, other = draft(text, make_context(items=_TWO))
    assert other.category is Category.LOSS


def test_a_loss_beside_the_fire_service_is_not_surely_a_routine_loss() -> None:
    # "fire dept says it was the soldering station ... 1 amp destroyed" was a routine loss
    # at 0.97: the fire service's words are masked (a fire company's raffle is no fire)
    text = "fire dept says it was the soldering station left on. 1 SKU-77 on the bench destroyed"
    (d,) = draft(text, make_context(items=_TWO))
    assert d.confidence < 0.9


def test_goods_that_went_over_fell() -> None:
    # "one went over" beside "counted it out" was read as an overage at 0.97
    text = (
        "the guys stacked the totes too high and one went over. Counted it out: 22 of the "
        "SKU-12 have dented shields"
    )
    (d,) = draft(text, make_context(items=_TWO))
    assert (d.category, d.quantity) == (Category.LOSS, Decimal(22))


_PHARMACY = {
    "ZYR-45": ItemInfo("ZYR-45", "Zyrtec 10mg tablets, 45 ct", Decimal("21.15")),
    "LGT-100": ItemInfo("LGT-100", "Christmas LED mini lights, 100 ct string", Decimal("3.90")),
    "EGG-30": ItemInfo("EGG-30", "Eggs large, 30 ct", Decimal("6.00")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # "45 ct" counts what one bottle holds: the bottles are counted (each was 12/45 of a
        # bottle, $5.64)
        ("12 zyrtec 45 went missing from the cage", 12, "253.80"),
        ("ZYR-45: 35 btls expired", 35, "740.25"),
        ("Shrink adj: 8 ea ZYR-45", 8, "169.20"),
        ("xmas lights: 15 strings defective. LGT-100", 15, "58.50"),
        # ... unless the contents are counted, named as the name names them
        ("12 tablets of ZYR-45 crushed", 12, "5.64"),
        ("60 eggs EGG-30 cracked", 60, "12.00"),
    ],
)
def test_a_count_of_an_item_whose_name_counts_its_contents(
    text: str, quantity: int, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_PHARMACY))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_written_off_to_the_reserve_uses_it() -> None:
    # "write X off to the reserve we set up last quarter" built the reserve at 0.97: "set up"
    # names which reserve, and "off to the reserve" was no word for using it
    text = "write the old SKU-12 x5 off to the reserve we set up last quarter"
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("75.00"))
    (d,) = draft("set up a reserve for 5 SKU-12", make_context(items=_BLUE))
    assert d.category is Category.RESERVE_PROVISION


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # a count sheet's number is no books' figure (it read "sheet 14" as the books, 5 over)
        (
            "Count sheet 14 (mezz): SKU-12 book 22 / actual 19. pls book the diff",
            Category.SHRINKAGE,
            3,
        ),
        # "physical count of X is 212" was refused as a stock figure
        ("physical count of SKU-12 is 212, books say 230", Category.SHRINKAGE, 18),
        ("counted blue widgets: 212. system: 240. adjust pls", Category.SHRINKAGE, 28),
    ],
)
def test_counts_beside_the_books_as_count_sheets_say_them(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


@pytest.mark.parametrize(
    "text",
    [
        # "all over" is everywhere (it was an overage: "over" beside "found")
        "found mouse droppings all over the boxes in the back, 16 SKU-12 contaminated, toss",
        # a temperature's bound is no count over the books (beside "before the count")
        "cooler died, mfr says anything over 77F for 8 hrs is done. SKU-12 qty 30 spoiled, "
        "w/o before the count",
    ],
)
def test_over_that_is_no_count_over_the_books(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is Category.LOSS


def test_goods_scrapped_after_a_refund_or_a_sale_are_written_off() -> None:
    # refused as a payment or a sale: the write-off is asked ("scrap 1", "toss em")
    text = "customer return came back defective, credit memo already went out. so scrap 1 SKU-12"
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.LOSS, Decimal("15.00"))
    text = "the SKU-12 parts we kept for the old roaster are obsolete now that it's sold, toss em"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is Category.LOSS


def test_a_money_word_said_as_a_names_word_is_the_goods() -> None:
    # "1 steam tip" of "Steam wand tip" was refused as a payment (a tip)
    items = {"STM-TIP": ItemInfo("STM-TIP", "Steam wand tip, 4 hole", Decimal("31.20"))}
    (d,) = draft("1 steam tip STM-TIP clogged solid w/ milk scale", make_context(items=items))
    assert d.amount == Decimal("31.20")


def test_a_count_code_and_pack_size_then_the_containers() -> None:
    # "2 TUB-BX50 (50/bx) boxes" was 2 tubes ($5.70) and "(50/bx)" not understood
    items = {
        "TUB-BX50": ItemInfo("TUB-BX50", "Tube 26x1.75 schrader, box of 50", Decimal("142.50"))
    }
    (d,) = draft("w/o 2 TUB-BX50 (50/bx) boxes crushed, tubes creased", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(100), Decimal("285.00"))


def test_a_size_with_a_decimal_is_no_count_or_price() -> None:
    # "short 2 DES 3.0x25" read "3." as a price of $3.00 beside the 2 (its "0x25" masked)
    for d in draft(
        "we're short 2 DES 3.0x25 vs the system, write off as shrinkage", make_context()
    ):
        assert d.amount is None and d.unit_cost is None
    (d,) = draft("write down the 2.5x18 stents by $300/unit, 5 units", make_context())
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("1500.00"))


def test_a_plain_figure_against_the_reserve_beside_goods_is_asked() -> None:
    # "X discontinued, write off 2 against the allowance": $2.00 at 0.97, where 2 of the goods
    # at cost is as likely
    (d,) = draft(
        "SKU-12 discontinued, write off 2 against the allowance", make_context(items=_BLUE)
    )
    assert d.category is Category.RESERVE_WRITE_OFF and d.confidence < 0.9
    (d,) = draft("write off 400 against the reserve", make_context(items=_BLUE))
    assert (d.amount, d.confidence >= 0.9) == (Decimal("400.00"), True)


def test_a_code_the_list_does_not_know_read_by_a_names_words_is_in_doubt() -> None:
    # "2 MON-ARM-SGL" was the list's ARM-MON-DL (a dual arm, not a single) at 0.87
    items = {"ARM-MON-DL": ItemInfo("ARM-MON-DL", "Dual monitor arm, clamp mount", Decimal("94"))}
    (d,) = draft("stolen from the van: 2 MON-ARM-SGL", make_context(items=items))
    assert d.confidence < 0.5 and "MON-ARM-SGL" in " ".join(d.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # the register's number was the smaller count after an arrival ("pulled 9"): 1 jerky
        "pulled 9 SKU-12 off the endcap by reg 1, expired last week",
        "pulled 9 SKU-12 off the endcap by register 1, expired",
    ],
)
def test_a_registers_number_is_no_count(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.quantity == Decimal(9)


def test_a_store_by_its_number_is_no_count() -> None:
    # "back storage at #88" was 88 bags at 0.82
    items = {"10431": ItemInfo("10431", "Doritos Nacho Cheese 2.75 oz bag", Decimal("1.38"))}
    text = (
        "mice got into the back storage at #88 again :rat: chewed thru 13 bags of "
        "doritos nacho cheese"
    )
    (d,) = draft(text, make_context(items=items))
    assert d.quantity == Decimal(13)


def test_extra_goods_that_turned_up_are_an_overage() -> None:
    # a loss at 0.87
    (d,) = draft("extra SKU-12 turned up in the back room, +1", make_context(items=_BLUE))
    assert d.category is Category.OVERAGE


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # a count with its day said ("count today 212"): it was 212 towels written off
        ("pool deck count today 212 SKU-12, books say 240. adjust pls", Category.SHRINKAGE, 28),
        # what the reel reads is measured
        ("SKU-12 reel reads 480 ft left, system thinks 610. shortfall", Category.SHRINKAGE, 130),
    ],
)
def test_counts_said_with_their_day_or_read_off_a_reel(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


def test_a_codes_letters_tell_no_story_beside_a_count() -> None:
    # "AMN-DENT-KIT" names no dent: the count beside the books was taken for damage and 2,400
    # kits written off
    items = {"AMN-DENT-KIT": ItemInfo("AMN-DENT-KIT", "Dental kit", Decimal("1.15"))}
    text = "quarterly count — AMN-DENT-KIT 2,400 on hand vs 2,250 in QB"
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.quantity) == (Category.OVERAGE, Decimal(150))


def test_creased_goods_are_damaged() -> None:
    # "also unrelated, 20 prints creased" after a break-in took the break-in's casualty
    text = "break-in at the kiosk: 3 SKU-77 taken. Also unrelated, 20 SKU-12 creased in the file"
    stolen, creased = draft(text, make_context(items=_TWO))
    assert (stolen.category, creased.category) == (Category.CASUALTY, Category.LOSS)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "no invoice" sends none: it was refused as a payment
        ("we gave 4 SKU-12 to the Harbor Food Bank. donated, no invoice", Category.DONATION),
        # a shaft's tip section is no tip paid (refused as a payment)
        ("11 SKU-12 defective, tip section bent out of true", Category.LOSS),
        # "searched returns + staging" is no stealing (read as theft at 0.82)
        (
            "missing 2 SKU-12 from bin B-04 after the count, searched returns + staging",
            Category.SHRINKAGE,
        ),
    ],
)
def test_warehouse_words_that_read_like_money_or_theft(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is category


def test_a_5k_race_is_no_money_and_a_weekend_no_count_over_the_books() -> None:
    # "to the 5k charity run" was $5,000 a gatorade ($200,000.00)
    (d,) = draft("we donated 40 SKU-12 to the 5k charity run", make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.DONATION, Decimal("600.00"))
    (d,) = draft("write off 5k of damaged stock", make_context())
    assert d.amount == Decimal("5000.00")
    # "split over the weekend ... found it" was an overage
    text = "write off 4 SKU-12, the bottles split over the weekend. Deshawn found it this morning"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is Category.LOSS


def test_a_choice_with_a_weak_word_is_still_a_choice() -> None:
    # "donate or toss" drafted a donation at 0.85: "toss" is a weak word, dropped before the
    # choice was looked for
    text = "donate or toss the 20 old SKU-12, whatever Dana decides"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.confidence < 0.5


def test_a_charity_5k_is_a_race() -> None:
    # "the veterans charity 5k" was $5,000.00 for one display
    text = "donated 1 SKU-12 to the veterans charity 5k for their finish line"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.amount == Decimal("15.00")
    (d,) = draft("gave 5k of damaged stock to charity", make_context())
    assert d.amount == Decimal("5000.00")


def test_a_reason_asked_beside_another_story_is_in_doubt() -> None:
    # "stolen or shipped by mistake?" was a sure-ish theft at 0.85
    text = "stolen or shipped by mistake? 4 SKU-12 gone from will call"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.confidence < 0.5


def test_racks_hold_what_the_message_says_they_hold() -> None:
    # "4 racks (36 per rack)" was 4 pieces with the 36 unexplained (doubtful)
    (d,) = draft("4 racks (36 per rack) SKU-12 damaged", make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(144), Decimal("2160.00"))
    assert d.confidence >= 0.9
    (d,) = draft("2 racks of SKU-12 damaged, 36 a rack", make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(72), Decimal("1080.00"))
    # a rack as a place is still a place
    (d,) = draft("rack 4: 12 SKU-12 damaged", make_context(items=_BLUE))
    assert d.quantity == Decimal(12)


_PARTS = {
    "TU3": ItemInfo("TU3", "Chromatic tuner", Decimal("62.00")),
    "XLR-25": ItemInfo("XLR-25", "XLR cable 25ft", Decimal("8.90")),
    "BK-1": ItemInfo("BK-1", "Hardback novel", Decimal("2.65")),
    "DMP-0907": ItemInfo("DMP-0907", "Counter dump bin", Decimal("9.80")),
}


def test_a_part_made_wrong_is_no_part_of_the_theft_before_it() -> None:
    # "also 3 XLR-25 with bad solder joints" took "stolen" from the first part (casualty)
    a, b = draft("1 TU3 stolen, also 3 XLR-25 with bad solder joints", make_context(items=_PARTS))
    assert (a.category, b.category) == (Category.CASUALTY, Category.LOSS)
    assert b.amount == Decimal("26.70")


@pytest.mark.parametrize(
    "text",
    [
        # said apart after the part ("(unrelated)"): it was the flood's at 0.72
        "Flood in bay C: 40 x BK-1 ruined. Also 2 DMP-0907 broken (unrelated)",
        # a cause of its own: the forklift, not the flood
        "Flood in bay C: 40 x BK-1 ruined, 2 DMP-0907 broken by the forklift",
        "storm last night: 12 BK-1 soaked, 2 DMP-0907 crushed by a customer cart",
    ],
)
def test_a_part_with_its_own_cause_keeps_it_under_an_event(text: str) -> None:
    a, b = draft(text, make_context(items=_PARTS))
    assert a.category is Category.CASUALTY
    assert (b.category, b.amount) == (Category.LOSS, Decimal("19.60"))


def test_the_events_damage_words_stay_the_events() -> None:
    a, b = draft("fire in bay 2, 4 BK-1 and 2 DMP-0907 destroyed", make_context(items=_PARTS))
    assert (a.category, b.category) == (Category.CASUALTY, Category.CASUALTY)


def test_a_round_count_before_money_is_no_year() -> None:
    # "2000 specimen cups ..., 1 grand for the lot" read 2000 as a year in the name and drafted
    # no quantity at 0.97
    (d,) = draft("2000 specimen cups expired, cost us 1 grand for the lot", make_context())
    assert (d.quantity, d.amount) == (Decimal(2000), Decimal("1000.00"))
    (d,) = draft("the unsold 2024 desk calendars are obsolete: 210 of them at $3", make_context())
    assert (d.quantity, d.amount) == (Decimal(210), Decimal("630.00"))


@pytest.mark.parametrize("when", ["quarterly", "year-end", "annual", "physical"])
def test_lost_on_whichever_count_is_shrinkage(when: str) -> None:
    (d,) = draft(f"lost 25 SKU-12 on the {when} count", make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.SHRINKAGE, Decimal("375.00"))
    assert d.confidence >= 0.9


def test_a_gift_to_others_disaster_relief_is_a_donation() -> None:
    text = "donated 20 SKU-12 to a relief charity for the hurricane response"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is Category.DONATION
    (d,) = draft("gave 10 SKU-12 to the flood relief drive", make_context(items=_BLUE))
    assert d.category is Category.DONATION
    (d,) = draft("hurricane damage: 4 SKU-12 soaked", make_context(items=_BLUE))
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # the case's size said as "(case = 36)" was not read: 36 pieces at 0.45
        ("3/4 of a case of SKU-12 (case = 36) got wet and moldy", 27),
        ("a quarter of a case of SKU-12 (case = 36) wet", 9),
        ("a third of a box of SKU-12 wet, box holds 24", 8),
        # "cases SKU-12 (case = 36)" was read as 36 cases counted after their container
        ("2 cases SKU-12 (case = 36) got wet", 72),
    ],
)
def test_a_containers_size_said_with_equals(text: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.quantity == Decimal(quantity)
    assert d.amount == Decimal(15) * quantity


def test_building_the_reserve_named_before_as_it() -> None:
    # "then top it up by $800" drafted a loss at 0.92 beside the reserve's use
    text = "take $1,200 out of the E&O reserve for the dead shades, then top it up by $800"
    a, b = draft(text, make_context())
    assert (a.category, a.amount) == (Category.RESERVE_WRITE_OFF, Decimal("1200.00"))
    assert (b.category, b.amount) == (Category.RESERVE_PROVISION, Decimal("800.00"))
    text = "use $500 of the obsolescence reserve, then increase it by $200"
    a, b = draft(text, make_context())
    assert (b.category, b.amount) == (Category.RESERVE_PROVISION, Decimal("200.00"))


@pytest.mark.parametrize(
    "text",
    ["top it up by $800 for the new discontinueds", "add $800 to it for discontinued items"],
)
def test_raising_something_never_named_is_in_doubt(text: str) -> None:
    (d,) = draft(text, make_context())
    assert d.confidence < 0.5
    assert any("raise what?" in w for w in d.warnings)


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # the code between "physical count" and its figure; "qoh" is the books' figure
        ("physical count SKU-12 112 vs system 130", Category.SHRINKAGE, 18),
        ("qoh says 40 SKU-12, physical 31", Category.SHRINKAGE, 9),
        ("SOH 40, counted 31 SKU-12", Category.SHRINKAGE, 9),
        # long on a count is over it
        ("count came up long on SKU-12 by 11", Category.OVERAGE, 11),
        ("SKU-12 long by 3 on the cycle count", Category.OVERAGE, 3),
    ],
)
def test_count_lines_as_the_floor_says_them(text: str, category: Category, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


def test_a_length_is_no_overage() -> None:
    (d,) = draft("cable 10ft long by 2in wide, 3 SKU-12 broken", make_context(items=_BLUE))
    assert d.category is Category.LOSS


def test_a_brake_in_is_a_break_in_and_a_brake_is_a_part() -> None:
    (d,) = draft("we had a brake-in, 2 SKU-12 taken", make_context(items=_BLUE))
    assert d.category is Category.CASUALTY
    (d,) = draft("2 SKU-12 brake in box crushed", make_context(items=_BLUE))
    assert d.category is Category.LOSS


_SEA = {
    "SQ-2LB": ItemInfo("SQ-2LB", "Squid tubes, 2lb bag", Decimal("6.20")),
    "SH2125": ItemInfo("SH2125", "White shrimp 21/25, 10x2lb master carton", Decimal("112.50")),
    "BX-PIE9": ItemInfo("BX-PIE9", "Pie box 9 in window", Decimal("0.47")),
    "FL-HG50": ItemInfo("FL-HG50", "High-gluten flour 50 lb sack", Decimal("24.80")),
    "PVC-10": ItemInfo("PVC-10", "PVC pipe 10ft stick", Decimal("31.48")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # "MC" is a master carton
        ("5 MC squid SQ-2LB (12 bags/MC) freezer burned", "60", "372.00"),
        ("half a MC of SH2125 split open", "0.5", "56.25"),
        # thousands with a comma inside the brackets
        ("theft: 1 pallet BX-PIE9 (2,000 pcs)", "2000", "940.00"),
        # "@" before pieces named is no price
        ("2 pallets FL-HG50 @ 50 sacks each, flooded", "100", "2480.00"),
        # part of a sack
        ("a sack and a half of FL-HG50 spilled on the floor", "1.5", "37.20"),
        # the bundle's size said as "bundles are 10"
        ("half a bundle of PVC-10 cracked, bundles are 10 sticks", "5", "157.40"),
    ],
)
def test_containers_of_the_trades(text: str, quantity: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_SEA))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_at_a_figure_each_is_still_a_price() -> None:
    (d,) = draft("2 pallets FL-HG50 @ 50 each, flooded", make_context(items=_SEA))
    assert d.amount == Decimal("100.00")


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # the value after a comma
        ("write down 40 SKU-12 to NRV, $4.00 each now (seasonal, not moving)", 40, "440.00"),
        # the value in a part of its own after the count
        ("write down SKU-12, 50 units, to 9.00 ea - old model", 50, "300.00"),
        # the value first, then how many to write down
        ("NRV on SKU-12 dropped to $6 after the recall, write down the 20 we have", 20, "180.00"),
        ("SKU-12 packaging change, NRV 2.00/unit, 150 units - write down pls", 150, "1950.00"),
        # what we get for them, "a pop"
        (
            "impaired: 10 SKU-12, realistically we get $5 a pop for them, write them down",
            10,
            "100.00",
        ),
    ],
)
def test_a_new_value_said_apart_from_the_goods(text: str, quantity: int, amount: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is Category.WRITE_DOWN
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_a_pop_is_each() -> None:
    (d,) = draft("10 SKU-12 stolen, $5 a pop", make_context(items=_BLUE))
    assert d.amount == Decimal("50.00")


@pytest.mark.parametrize(
    "text",
    [
        # the vendor or carrier refusing to pay leaves the loss ours: no refund moved
        "faulty zips on 12 SKU-12, vendor won't take RTV, scrap",
        "12 SKU-12 defective, misprinted cards, vendor said no RTV",
        "PO 45521 came in w/ 12 SKU-12 dmg, carrier won't pay the claim",
    ],
)
def test_money_refused_back_is_still_a_write_off(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.LOSS, Decimal("180.00"))


def test_money_paid_back_is_still_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft("vendor refunded $40 for 2 SKU-12", make_context(items=_BLUE))


def test_a_past_figure_remarked_on_is_no_request() -> None:
    # it drafted $4,100 of shrinkage at 0.85
    with pytest.raises(DraftError, match="past loss"):
        draft(
            "last year's count had us short $4,100 total, hoping it's better this time lol",
            make_context(),
        )
    # goods remembered are still drafted, never sure
    (d,) = draft("last week 12 SKU-12 got smashed, remember?", make_context(items=_BLUE))
    assert d.quantity == Decimal(12) and d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("SKU-12: books 50, bay has 54", Category.OVERAGE, 4),
        ("system says 12 SKU-12, fridge has 14", Category.OVERAGE, 2),
        ("PO 88213 rcvd w/ 3 brkn SKU-12", Category.LOSS, 3),
        # "wo" is a write-off before a count, a work order before its number
        ("wo 2 SKU-12 dead on arrival", Category.LOSS, 2),
        ("WO 4471: 2 SKU-12 DOA", Category.LOSS, 2),
        # serial numbers, an IMEI, a shipping container: references, never counts
        ("wo 2 SKU-12 (serials 5104477, 5104481) dead on arrival", Category.LOSS, 2),
        ("2 SKU-12 IMEI 351234567890123 DOA", Category.LOSS, 2),
        ("SKU-12 (cntr MSKU 4418230) 2 torn + thawed", Category.LOSS, 2),
    ],
)
def test_floor_shorthand_and_references(text: str, category: Category, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))
    assert d.amount == Decimal(15) * quantity


_WIRE = {
    "THHN10": ItemInfo("THHN10", "THHN 10 AWG red, per ft", Decimal("0.34")),
    "NMB-142": ItemInfo("NMB-142", "Romex NM-B 14/2 w/ground, per ft", Decimal("0.62")),
    "WN-YEL": ItemInfo("WN-YEL", "yellow wire nut, each", Decimal("0.09")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # feet written with a mark, on what holds them
        ("2 spools of THHN10 (500'/spool) run over by the forklift", 1000, "340.00"),
        ("thieves cut the chain and took 2 spools THHN10 (500' ea)", 1000, "340.00"),
        # a code's digits between the holders and their measure
        ("1 spool THHN10 (500 ft spool) ruined", 500, "170.00"),
        # a share of one holder of a size
        ("half a spool of THHN10 ruined (500 ft spool)", 250, "85.00"),
        ("a quarter of the 1000' reel of NMB-142 got crushed", 250, "155.00"),
        # a round count of feet is no year
        ("2000 ft NMB-142 damaged", 2000, "1240.00"),
        # a count label in brackets is what each box holds
        ("7 boxes WN-YEL (100 ct) crushed", 700, "63.00"),
    ],
)
def test_goods_sold_by_the_foot_or_the_piece_counted_in_holders(
    text: str, quantity: int, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_WIRE))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_holders_of_goods_sold_by_the_foot_are_no_feet() -> None:
    # "2 spools THHN10 ruined" drafted two feet ($0.68) at 0.97
    (d,) = draft("2 spools THHN10 ruined", make_context(items=_WIRE))
    assert d.confidence < 0.5
    assert any("how many feet on a spool" in w for w in d.warnings)


def test_a_write_down_of_feet() -> None:
    text = "impairment: 2000 ft NMB-142 down to $0.40/ft, discolored jacket"
    (d,) = draft(text, make_context(items=_WIRE))
    assert (d.category, d.quantity, d.amount) == (
        Category.WRITE_DOWN,
        Decimal(2000),
        Decimal("440.00"),
    )


def test_a_total_after_goods_named_with_a_word_before_their_plural() -> None:
    # "13 hockey sticks ..., line total 1,118.00" was read as $1,118 each ($14,534.00)
    (d,) = draft("13 hockey sticks broken blades, line total 1,118.00", make_context())
    assert (d.quantity, d.amount) == (Decimal(13), Decimal("1118.00"))


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # pairs glued to their count
        ("SKU-12 2pr dmg'd on unload, pls w/o", 2),
        ("10pr SKU-12 torn", 10),
        # buckets and rolls hold a stated count
        ("4 bkts SKU-12 (50/bkt) damaged - cracked edges", 200),
        ("4 rolls SKU-12 (5 cans/roll) expired", 20),
    ],
)
def test_pairs_buckets_and_rolls(text: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(15) * quantity)


def test_a_pack_size_then_a_count_of_those_packs() -> None:
    # "cupcake 6pk, 14 pks ..., 3.40 per pk" was 84 packs at $3.40 ($285.60) at 0.97
    (d,) = draft("cupcake 6pk, 14 pks moldy, 3.40 per pk", make_context())
    assert (d.quantity, d.amount) == (Decimal(84), Decimal("47.60"))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("truck w/ 200 cases of SKU-12 lands at 3pm, dock 4", "on its way in"),
        ("shipment of 40 cases SKU-12 coming Tuesday, dock 3", "on its way in"),
        ("can someone recount the 50 SKU-12 on rack 7", "count or check"),
        ("we had 3 orders fail age verification this week, do those get written off??", "question"),
        # "roasting" is no misspelt "rotting"
        ("FYI roasting 3 batches of 12 kg each tomorrow morning", "not a write-off"),
    ],
)
def test_floor_talk_with_numbers_and_no_loss_is_answered(text: str, says: str) -> None:
    with pytest.raises(DraftError, match=says):
        draft(text, make_context(items=_BLUE))


def test_a_loss_said_beside_an_arrival_is_still_drafted() -> None:
    (d,) = draft("truck landed at 3pm, 4 SKU-12 crushed", make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.LOSS, Decimal("60.00"))


_BEARINGS = {
    "6205-2RS": ItemInfo("6205-2RS", "Ball bearing 6205-2RS 25x52x15", Decimal("7.85")),
    "UCP-208": ItemInfo("UCP-208", "Pillow block bearing UCP208 40mm", Decimal("38.60")),
    "GRN-ETH": ItemInfo("GRN-ETH", "Ethiopia green coffee, per kg", Decimal("9.40")),
}


def test_a_part_number_that_starts_with_digits_is_its_own_code() -> None:
    # "6308-2RS" was read as the listed 6205-2RS by its "2RS"
    (d,) = draft("write off 7 x 6308-2RS @ 14.25, seized", make_context(items=_BEARINGS))
    assert (d.sku, d.category, d.amount) == ("6308-2RS", Category.LOSS, Decimal("99.75"))
    (d,) = draft("damaged 12 bearings 6310-ZZ, $148.80 total", make_context(items=_BEARINGS))
    assert (d.sku, d.amount) == ("6310-ZZ", Decimal("148.80"))
    (d,) = draft("pls write off 3 x 6205-2RS, seized", make_context(items=_BEARINGS))
    assert (d.sku, d.amount) == ("6205-2RS", Decimal("23.55"))


def test_a_numbered_code_is_the_code() -> None:
    # "#UCP-208" became "UCP-208-208"
    text = "#UCP-208 (aisle 14) qty 2 cracked, RMA 20931 denied so w/o"
    (d,) = draft(text, make_context(items=_BEARINGS))
    assert (d.sku, d.amount) == ("UCP-208", Decimal("77.20"))


def test_one_holder_with_its_measure_in_brackets() -> None:
    text = "1 sack of GRN-ETH (60 kg) donated to the barista school charity program"
    (d,) = draft(text, make_context(items=_BEARINGS))
    assert (d.category, d.quantity, d.amount) == (
        Category.DONATION,
        Decimal(60),
        Decimal("564.00"),
    )
    # two sacks "(60 kg)": a sack's size, likelier than both together, never sure
    (d,) = draft("2 sacks GRN-ETH (60 kg) moldy", make_context(items=_BEARINGS))
    assert d.quantity == Decimal(120) and d.confidence < 0.9


@pytest.mark.parametrize(
    "text", ["SKU-12 (sz 7) -- 1 pr, boot ripped, scrap", "SKU-12 size 9, 1 pr torn"]
)
def test_a_size_is_no_count(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("15.00"))
    assert d.confidence >= 0.5


def test_a_set_of_goods_priced_each_is_asked() -> None:
    # "1 set X" of a tyre priced each drafted one tyre at 0.87 (a set is four, in the trade)
    (d,) = draft("donating 1 set SKU-12 to the church charity raffle", make_context(items=_BLUE))
    assert d.confidence < 0.5
    (d,) = draft("2 sets of 4 SKU-12 stolen", make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(8), Decimal("120.00"))


def test_a_size_in_inches_is_no_count_in_each() -> None:
    # "2 sets of 17\" alloys, $165/wheel" was 34 wheels ($5,610.00) at 0.97
    (d,) = draft('scrap 2 sets of 17" alloys, $165/wheel, cracked', make_context())
    assert d.confidence < 0.9 and d.quantity != Decimal(34)
    # a weight is what a case holds
    items = {"SWAI": ItemInfo("SWAI", "Swai fillets, per lb", Decimal("1.90"))}
    (d,) = draft("SWAI 6 cs x 15 lb, freezer burn, w/o", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(90), Decimal("171.00"))


_GOLD = {
    "CH14": ItemInfo("CH14", "14k cuban link chain, per gram", Decimal("41.35")),
    "EXT-5G": ItemInfo("EXT-5G", "Exterior satin, 5 gallon pail", Decimal("142.50")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # grams written "g" of goods priced per gram
        ("write off 12.8 g CH14, links crushed", "12.8", "529.28"),
        ("6.5g of CH14 damaged (kinked) when shortening, write off", "6.5", "268.78"),
        # "14k cuban" is the gold's purity, no $14,000
        ("14k cuban CH14 22.4 grams stolen from showcase 1", "22.4", "926.24"),
    ],
)
def test_gold_by_the_gram(text: str, quantity: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_GOLD))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_a_5g_pail_is_no_grams() -> None:
    (d,) = draft("2 5G pails EXT-5G skinned over", make_context(items=_GOLD))
    assert d.amount == Decimal("285.00")


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # pipette tip racks are no gratuity
        ("take 900 bucks of obsolete tip racks out of the obsolescence reserve",
         Category.RESERVE_WRITE_OFF, "900.00"),
        ("bump up the reserve by 1,800 for the legacy tip racks going obsolete",
         Category.RESERVE_PROVISION, "1800.00"),
        # "releive" typed the other way round
        ("obsolesence reserve: releive it for 5 SKU-12 we scrapped",
         Category.RESERVE_WRITE_OFF, "75.00"),
    ],
)  # fmt: skip
def test_reserve_words_as_typed(text: str, category: Category, amount: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.amount) == (category, Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        # broke in handling is broken, nobody broke in
        "flood in bay 2 ruined 20 bags SKU-12; separately 5 SKU-410 broke in picking",
        # what no storm or flood does: made wrong, out of date
        "storm took out 8 SKU-12 on the back lot; 3 SKU-410 defective from the bad batch",
        "flood last night: 12 SKU-12 soaked, 3 SKU-410 expired",
    ],
)
def test_a_part_no_event_explains_keeps_its_own_reason(text: str) -> None:
    items = {**_BLUE, "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00"))}
    a, b = draft(text, make_context(items=items))
    assert (a.category, b.category) == (Category.CASUALTY, Category.LOSS)


_C_STORE = {
    "SD-24CK": ItemInfo("SD-24CK", "Coca-Cola 12oz can 24pk case", Decimal("14.88")),
    "CRY-24": ItemInfo("CRY-24", "Crayons, 24 count box", Decimal("0.89")),
    "DAP": ItemInfo("DAP", "DAP 18-46-0 fertilizer, per ton", Decimal("742.10")),
    "MIN-HM": ItemInfo("MIN-HM", "Mineral tub, horse", Decimal("32.60")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # "24pk case": the case is priced (it was 48 cans at the case's cost, $714.24)
        ("2 cs (24/cs) SD-24CK crushed", "48", "29.76"),
        # a bare count of a box of 24 counts the boxes
        ("busted pallet of crayons, 300 CRY-24 trashed", "300", "267.00"),
        # part of a ton, written as a fraction
        ("1/4 ton DAP swept up off the floor, contaminated", "0.25", "185.53"),
        ("a quarter ton of DAP contaminated", "0.25", "185.53"),
        # "quarter of the 48" with no article
        ("quarter of the 48 CRY-24 on hand are crushed", "12", "10.68"),
    ],
)
def test_cases_boxes_and_shares_of_measures(text: str, quantity: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_C_STORE))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_a_half_gallon_size_counted_is_no_half_gallon() -> None:
    (d,) = draft("OJ half gal x 9 leaking, $2.35 each", make_context())
    assert d.amount != Decimal("1.18")


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("physical count MIN-HM 41, QB says 45, write off the difference", Category.SHRINKAGE, 4),
        ("physical count MIN-HM: 118, books: 125. adjust for shrink", Category.SHRINKAGE, 7),
        ("MIN-HM we have 2 more than on the books", Category.OVERAGE, 2),
        ("4 more MIN-HM on the tray than on the books", Category.OVERAGE, 4),
    ],
)
def test_count_lines_with_a_lettered_code(text: str, category: Category, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_C_STORE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


_RESIN = {"RES-EPX": ItemInfo("RES-EPX", "marine epoxy resin, gallon", Decimal("118.40"))}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # a name ending ", gallon" prices the gallon: 2 pails of 5 gal are 10 gallons (it drafted
        # two gallons, $236.80, at 0.97)
        ("RES-EPX 2 x 5-gal pails expired", "10", "1184.00"),
        ("1.5 gal RES-EPX spilled", "1.5", "177.60"),
    ],
)
def test_goods_priced_by_the_gallon_named_last(text: str, quantity: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_RESIN))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_one_thing_named_after_the_reasons_label() -> None:
    (d,) = draft("stolen: pressure washer, $429", make_context())
    assert (d.category, d.quantity, d.amount) == (
        Category.CASUALTY,
        Decimal(1),
        Decimal("429.00"),
    )


_VOLT = {
    "ED12-4PK": ItemInfo("ED12-4PK", "Volt Zero 12oz 4-pack", Decimal("4.40")),
    "EN-16": ItemInfo("EN-16", "EN-16", Decimal("5.60")),
    "ED16": ItemInfo("ED16", "Volt energy drink 16oz can", Decimal("1.35")),
}


def test_packs_of_a_listed_pack_marked_down_at_the_lists_cost() -> None:
    # "200 4pks ... from $4.40 to $2.90" of the list's 4-pack at $4.40 was 800 cans ($1,200)
    text = "ED12-4PK old packaging, 200 4pks marked down from $4.40 to $2.90"
    (d,) = draft(text, make_context(items=_VOLT))
    assert (d.category, d.quantity, d.amount) == (
        Category.WRITE_DOWN,
        Decimal(200),
        Decimal("300.00"),
    )


def test_packs_of_an_item_the_list_names_no_pack_of_are_asked() -> None:
    # "30 4pks EN-16" of an unnamed item at $5.60: a 4-pack's cost or a can's? (0.87)
    (d,) = draft("donated 30 4pks EN-16 to the food bank", make_context(items=_VOLT))
    assert d.confidence < 0.9
    assert any("per pack, or per piece" in w for w in d.warnings)
    # a name that says what one piece is prices the piece
    (d,) = draft("donated 30 4pks ED16 to the food bank", make_context(items=_VOLT))
    assert (d.quantity, d.amount) == (Decimal(120), Decimal("162.00"))
    assert not any("per pack, or per piece" in w for w in d.warnings)


def test_a_parts_own_unknown_word_keeps_a_siblings_reason_in_doubt() -> None:
    # "10 X cupped & 4 Y missing on the count": X's own word is no missing; it took Y's
    # shrinkage at 0.87 ("cupped" is a damage word since round 250: "crazed" stands in)
    items = {**_BLUE, "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00"))}
    a, b = draft("10 SKU-12 crazed & 4 SKU-410 missing on the count", make_context(items=items))
    assert a.confidence < 0.5 and any("'crazed'" in w for w in a.warnings)
    assert b.category is Category.SHRINKAGE
    # goods with no word of their own share the reason
    a, b = draft("10 SKU-12 and 4 SKU-410 missing", make_context(items=items))
    assert (a.category, b.category) == (Category.SHRINKAGE, Category.SHRINKAGE)
    # words of the trade's damage: chafed rope, gelled resin
    (d,) = draft("100 SKU-12 chafed", make_context(items=items))
    assert d.category is Category.LOSS


_CHANDLER = {
    "RP-NY12": ItemInfo("RP-NY12", "Nylon rope 1/2in, per ft", Decimal("0.89")),
    "CHN-516": ItemInfo("CHN-516", "G4 chain 5/16, per ft", Decimal("7.95")),
    "BD-SD11": ItemInfo("BD-SD11", "Seed beads 11/0, strand", Decimal("2.15")),
    "FAB-BURL": ItemInfo("FAB-BURL", "Burlap, per yard", Decimal("3.10")),
}


@pytest.mark.parametrize(
    ("text", "category", "quantity", "amount"),
    [
        ("25% of a 600 ft reel of RP-NY12 was kinked & got cut out, write off",
         Category.LOSS, "150", "133.50"),
        ("CHN-516 books say 400 ft, tape measure says 362", Category.SHRINKAGE, "38", "302.10"),
        ("4 hanks BD-SD11, 12 strands per hank, crushed", Category.LOSS, "48", "103.20"),
        ("12 and a quarter yds FAB-BURL mildewed", Category.LOSS, "12.25", "37.98"),
        ("count variance -7 on BD-SD11", Category.SHRINKAGE, "7", "15.05"),
    ],
)  # fmt: skip
def test_measures_and_counts_of_the_chandlery(
    text: str, category: Category, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_CHANDLER))
    assert (d.category, d.quantity, d.amount) == (category, Decimal(quantity), Decimal(amount))


def test_a_repair_kit_is_stock() -> None:
    (d,) = draft("expired epoxy repair kits 11 @ $24.99", make_context())
    assert (d.quantity, d.amount) == (Decimal(11), Decimal("274.89"))
    with pytest.raises(DraftError):
        draft("forklift repair $180", make_context())


def test_containers_of_a_bare_listed_code_ask_what_its_cost_is_for() -> None:
    # "3 cs (6/cs) CDL-6" of a code the list names nothing of, at $66.90: eighteen candles at
    # $66.90 ($1,204.20) was drafted at 0.87; the cost may be the case's
    items = {"CDL-6": ItemInfo("CDL-6", "CDL-6", Decimal("66.90"))}
    (d,) = draft("3 cs (6/cs) CDL-6 broken in the container", make_context(items=items))
    assert d.confidence < 0.9
    assert any("per case, or per piece" in w for w in d.warnings)
    items = {"CDL-6": ItemInfo("CDL-6", "Hurricane candle", Decimal("11.15"))}
    (d,) = draft("3 cs (6/cs) CDL-6 broken", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(18), Decimal("200.70"))


def test_a_look_alike_in_the_cents_is_no_number() -> None:
    # "4 tubs at 31.7O" drafted the item list's $31.70 at 0.85
    with pytest.raises(DraftError, match=r"31\.7O"):
        draft("SKU-12 melted, 4 tubs at 31.7O", make_context(items=_BLUE))
    (d,) = draft("4 SKU-12 at 31.70 melted", make_context(items=_BLUE))
    assert d.amount == Decimal("126.80")


def test_the_display_case_is_no_case_number() -> None:
    # "stolen from the case: 3 optics" read "case: 3" as a case number: no quantity, at 0.97
    (d,) = draft("stolen from the case: 3 optics, $1,467 total", make_context())
    assert (d.category, d.quantity, d.amount) == (
        Category.CASUALTY,
        Decimal(3),
        Decimal("1467.00"),
    )


@pytest.mark.parametrize(
    ("text", "category", "quantity", "amount"),
    [
        ("veal loins x3, $212 each, USDA condemned", Category.LOSS, "3", "636.00"),
        ("system says 6 SKU-12, board has 9", Category.OVERAGE, "3", "45.00"),
        ("take $900 off the E&O reserve for the old dye lot seconds",
         Category.RESERVE_WRITE_OFF, None, "900.00"),
    ],
)  # fmt: skip
def test_words_of_round_131(
    text: str, category: Category, quantity: str | None, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.amount) == (category, Decimal(amount))
    if quantity:
        assert d.quantity == Decimal(quantity)


def test_a_share_of_a_weight_is_a_weight() -> None:
    # "25% of the 120 lb SKU-12" was 30 pieces at 0.97
    (d,) = draft("25% of the 120 lb SKU-12 spoiled", make_context(items=_BLUE))
    assert d.quantity == Decimal(30) and d.confidence < 0.9
    items = {"GRN": ItemInfo("GRN", "Colombia green coffee, per kg", Decimal("7.85"))}
    (d,) = draft("25% of the 80 kg GRN bin is moldy", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(20), Decimal("157.00"))


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # "write off 2,000" was a count of 2 beside an unread ",000"
        ("write off 2,000 SKU-12 expired", 2000),
        ("w/o 1,500 SKU-12 expired", 1500),
        ("write off 2,000 SKU-12 against the E&O reserve", 2000),
    ],
)
def test_thousands_after_write_off(text: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(15) * quantity)
    assert d.confidence >= 0.9


def test_a_job_tray_by_its_number_is_a_place() -> None:
    # "x 30 dmg, tray 12 dropped at station 4" drafted a second write-off of 12
    (d,) = draft("SKU-12 x 30 dmg, tray 12 dropped at station 4", make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(30), Decimal("450.00"))
    (d,) = draft("tray of 12 SKU-12 dropped", make_context(items=_BLUE))
    assert d.quantity == Decimal(12)


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # a roofer's square holds bundles
        ("3 squares SKU-12, 3 bundles per square, torn up by the forks", (Category.LOSS,)),
        # short on a named count is a count's shortfall, beside a break-in
        ("break-in: 14 SKU-12 stolen. plus we're short 3 SKU-410 on the metrc count",
         (Category.CASUALTY, Category.SHRINKAGE)),
        # a machine of the floor at work is a cause of its own
        ("flood in bay 2: 3 SKU-12 ruined. Also 1 SKU-410 torn on the conveyor",
         (Category.CASUALTY, Category.LOSS)),
        ("someone cut the cage lock at depot B, 6 SKU-12 gone", (Category.CASUALTY,)),
        # goods counted in a drawer are no cash
        ("30 pre-rolls crushed in the drawer, $4.10 ea, w/o", (Category.LOSS,)),
        ("inflatable pool floats x 60 marked down from $12.50 to $4 after labor day",
         (Category.WRITE_DOWN,)),
        # goods of last month asked to be written off now
        ("SKU-12 - 9 boxes expired last month, need them written off", (Category.LOSS,)),
    ],
)  # fmt: skip
def test_floor_words_of_round_132(text: str, categories: tuple[Category, ...]) -> None:
    items = {**_BLUE, "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00"))}
    drafts = draft(text, make_context(items=items))
    assert tuple(d.category for d in drafts) == categories
    if text.startswith("3 squares"):
        assert (drafts[0].quantity, drafts[0].amount) == (Decimal(9), Decimal("135.00"))


def test_cash_in_a_drawer_is_still_cash() -> None:
    for text in ("till was $20 short", "float was $20 short"):
        with pytest.raises(DraftError, match="cash"):
            draft(text, make_context())


def test_the_goods_own_unit_before_a_bracketed_case_pack_is_priced() -> None:
    # "3/4in masking tape, roll (48/cs)" at $3.85 is a roll's cost: "10 rolls" were 10/48 of a
    # case ($0.80)
    items = {"MT34": ItemInfo("MT34", "3/4in masking tape, roll (48/cs)", Decimal("3.85"))}
    (d,) = draft("10 rolls MT34 crushed under a pallet, w/o pls", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(10), Decimal("38.50"))
    (d,) = draft("3 cs MT34 (48/cs) crushed on the dock", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(144), Decimal("554.40"))


_SPICE = {
    "PEP-KG": ItemInfo("PEP-KG", "Tellicherry black pepper, per kg", Decimal("11.20")),
    "CARD-KG": ItemInfo("CARD-KG", "Green cardamom, per kg", Decimal("29.60")),
    "SLT-50": ItemInfo("SLT-50", "Salt block 50 lb", Decimal("9.45")),
}


@pytest.mark.parametrize(
    ("text", "category", "quantity", "amount"),
    [
        ("6 sacks PEP-KG (25kg), pest finding, rejected at the port and destroyed",
         Category.LOSS, "150", "1680.00"),
        # grams of goods priced per kg
        ("500g CARD-KG spilled, swept up and binned", Category.LOSS, "0.5", "14.80"),
        ("physical count SLT-50 = 31, system 36", Category.SHRINKAGE, "5", "47.25"),
        ("found 4 SLT-50 we didn't have on the books", Category.OVERAGE, "4", "37.80"),
        ("expired - 40 SLT-50, best before was last week", Category.LOSS, "40", "378.00"),
    ],
)  # fmt: skip
def test_words_of_round_133(text: str, category: Category, quantity: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_SPICE))
    assert (d.category, d.quantity, d.amount) == (category, Decimal(quantity), Decimal(amount))


def test_written_off_beside_a_gift_is_no_gift() -> None:
    # "write off 5 X (forks) and donate 8 Y" gave X the donation
    items = {**_BLUE, "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00"))}
    a, b = draft(
        "write off 5 SKU-12 (forks) and donate 8 SKU-410 to Habitat", make_context(items=items)
    )
    assert (a.category, b.category) == (Category.LOSS, Category.DONATION)


def test_a_write_down_word_beside_crushed_goods_and_no_new_value() -> None:
    # "w/d ..., $2.1k total, ... crushed them" was a write-down at 0.87
    text = "w/d canned diet, 30 cases, $2.1k total, pallet tipped and crushed them"
    (d,) = draft(text, make_context())
    assert (d.category, d.amount) == (Category.LOSS, Decimal("2100.00"))
    assert d.confidence < 0.9
    (d,) = draft("write down 10 damaged SKU-12 to $5 each", make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("100.00"))


_CAPS = {
    "CAP-OX": ItemInfo("CAP-OX", "oxygen-absorbing crown caps black, gross (144)", Decimal("8.99"))
}


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # a gross of the list's gross-priced caps is one gross's cost (it was 720 caps at the
        # gross's $8.99, $6,472.80, at 0.97)
        ("5 gross CAP-OX damaged, box got soaked", Category.LOSS, "44.95"),
        ("take 2 gross CAP-OX out of the reserve, obsolete color",
         Category.RESERVE_WRITE_OFF, "17.98"),
        ("writedown CAP-OX 10 gross to $4.50/gross", Category.WRITE_DOWN, "44.90"),
    ],
)  # fmt: skip
def test_goods_priced_by_the_gross(text: str, category: Category, amount: str) -> None:
    (d,) = draft(text, make_context(items=_CAPS))
    assert (d.category, d.amount) == (category, Decimal(amount))


def test_a_bare_count_of_goods_priced_by_the_gross_is_asked() -> None:
    (d,) = draft("300 CAP-OX damaged", make_context(items=_CAPS))
    assert d.confidence < 0.9


def test_a_write_off_to_come_if_something_happens_is_in_doubt() -> None:
    text = "if the 20 SKU-12 in bay 4 are still wet tomorrow we'll write them off"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.confidence < 0.5


def test_more_than_on_the_books_holds_beside_a_quality_word() -> None:
    # "found 1 more X than on the books (was in a mislabeled box)" was a sure loss
    text = "recount found 1 more SKU-12 than on the books (was in a mislabeled box)"
    (d,) = draft(text, make_context(items=_BLUE))
    assert d.category is Category.OVERAGE or d.confidence < 0.5
    assert not (d.category is Category.LOSS and d.confidence >= 0.9)


def test_wear_from_normal_use_is_no_part_of_a_flood() -> None:
    items = {**_BLUE, "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00"))}
    text = "flood in the back room took 20 SKU-12. also 3 SKU-410 torn from normal rentals"
    a, b = draft(text, make_context(items=items))
    assert (a.category, b.category) == (Category.CASUALTY, Category.LOSS)


def test_a_glued_sn_code_is_no_serial_number() -> None:
    # hypothesis found "1 1-0 and SN0 broken" sure: "SN0" was read as serial number 0, so the
    # code the list does not know went unreported
    items = {
        "1-0": ItemInfo("1-0", "1-0", Decimal("1")),
        "MON0": ItemInfo("MON0", "MON0", Decimal("1")),
    }
    (d,) = draft("1 1-0 and SN0 broken", make_context(items=items))
    assert d.confidence < 0.9
    (d,) = draft("SKU-12 sn 4471 DOA", make_context(items=_BLUE))
    assert d.quantity == Decimal(1)


def test_a_linens_weight_per_dozen_is_no_price_per_dozen() -> None:
    # "Bath towel 24x54 16lb/dz" at $4.75 is a towel's cost: "3 dz" were three dozens' worth
    # at $4.75 a dozen ($14.25)
    items = {"BT2454": ItemInfo("BT2454", "Bath towel 24x54 16lb/dz", Decimal("4.75"))}
    (d,) = draft("rag out 3 dz BT2454, frayed edges", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(36), Decimal("171.00"))
    items = {"EGG": ItemInfo("EGG", "EGGS LG DOZ", Decimal("3.10"))}
    (d,) = draft("3 dz EGG cracked", make_context(items=items))
    assert d.amount == Decimal("9.30")


def test_pieces_named_then_their_container_is_no_names_figure() -> None:
    # "50 stems a bucket" was read as the name of "Freedom red rose 50cm, per stem": 3 stems
    # ($4.35) at 0.97 beside a draft for one rose
    items = {
        "RS-FRD-50": ItemInfo("RS-FRD-50", "Freedom red rose 50cm, per stem", Decimal("0.85")),
        "RAN-HANO": ItemInfo("RAN-HANO", "Hanoi ranunculus, per stem", Decimal("1.45")),
    }
    (d,) = draft("dump 3 buckets RAN-HANO, 50 stems a bucket, all mush", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(150), Decimal("217.50"))


def test_a_place_word_after_each_is_a_count_per_container() -> None:
    # "inside each tray 2 bottles" was read as "tray 2", a place: 2 trays at $0.25 sure, where
    # two trays of two bottles each are 4 bottles (found by the arithmetic property test in CI)
    (d,) = draft("inside each tray 2 bottles, 2 trays broken, $0.25 per tray", make_context())
    assert (d.quantity, d.amount) == (Decimal(4), Decimal("0.50"))
    assert "tray 2" not in d.memo
    (d,) = draft("2 trays broken, inside each tray 12 bottles, $0.25 per tray", make_context())
    assert (d.quantity, d.amount) == (Decimal(24), Decimal("0.50"))


@pytest.mark.parametrize(
    "text",
    [
        # a figure asked about, relayed or to be confirmed: drafted sure as a casualty
        "adjuster is asking what the flood claim came to, $3,240? can someone confirm",
        "insurance adjuster asking what the fire loss total was - was it $14,600?",
        "insurance adjuster wants to know what the storm claim total was — $3,460?",
        "last week's w/o for the freezer was $196.80 right? just checking it went through",
        # a request from outside, for later
        "the food bank asked if we can donate helium tanks next month, how many can we spare?"
        " we have 40 BT-STD89",
        "Oakfield PTA asked if we can donate 30 blazers next term - thoughts?",
        # money received for a loss
        "insurance check came in for the break-in, $1,850 - where do I put that?",
    ],
)
def test_a_figure_asked_about_or_money_received_is_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_BLUE))


def test_an_amount_with_a_question_mark_is_in_doubt() -> None:
    (d,) = draft("4 mugs broken, $12?", make_context())
    assert d.confidence < 0.5
    assert any("$12?" in w for w in d.warnings)


def test_a_total_beside_a_write_down_that_is_neither_loss_nor_value_is_asked() -> None:
    items = {"IMP-HB": ItemInfo("IMP-HB", "Impression heavy body", Decimal("36.80"))}
    ctx = make_context(items=items)
    (d,) = draft("write down 25 IMP-HB from $36.80 to $30, total $200", ctx)
    assert d.confidence < 0.9 and d.amount == Decimal("170.00")
    # only the loss itself agrees; the goods' value before or after may be the total meant
    for total, sure in (("170", True), ("920", False), ("750", False)):
        (d,) = draft(f"write down 25 IMP-HB from $36.80 to $30 ea, ${total} total", ctx)
        assert (d.amount, d.confidence >= 0.9) == (Decimal("170.00"), sure), total


def test_a_count_beside_the_books_leaves_no_place_behind() -> None:
    # "books 30, shelf 41" was rewritten to "surplus , shelf 11", read as shelf 11: no amount
    items = {"ANS-ART-50": ItemInfo("ANS-ART-50", "Articaine 4% 50/bx", Decimal("62.00"))}
    (d,) = draft("ANS-ART-50: books 30, shelf 41", make_context(items=items))
    # (a bare count of goods the list prices by a box of 50 counts pieces: 11 cartridges, at
    # 11/50 of the box's cost; never sure)
    assert (d.category, d.quantity, d.amount) == (Category.OVERAGE, Decimal(11), Decimal("13.64"))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("BLK-WF: 3,410 lb in the system vs 3,268 lb on the scale", Category.SHRINKAGE, 142),
        ("overage on BLK-WF: tank dip 3,520 lb vs 3,400 lb on the books", Category.OVERAGE, 120),
    ],
)
def test_a_weighed_or_dipped_figure_is_the_count(
    text: str, category: Category, quantity: int
) -> None:
    items = {"BLK-WF": ItemInfo("BLK-WF", "Bulk wildflower honey, per lb", Decimal("2.35"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.quantity) == (category, Decimal(quantity))
    assert d.amount == quantize(Decimal(quantity) * Decimal("2.35"))


def test_joining_words_spell_no_initials_of_a_name() -> None:
    # "system has 20" was read as "Hammermill Copy Plus 20# Bond ... 500sh/RM" ("SH" + "20")
    items = {
        "HM-20B-8511W": ItemInfo(
            "HM-20B-8511W", "Hammermill Copy Plus 20# Bond 8.5x11 White 500sh/RM", Decimal("5.85")
        ),
        "TN619Y": ItemInfo("TN619Y", "Konica Minolta TN-619Y Yellow Toner", Decimal("256.00")),
    }
    (d,) = draft("we counted 22 TN619Y, system has 20", make_context(items=items))
    assert (d.category, d.quantity, d.amount) == (Category.OVERAGE, Decimal(2), Decimal("512.00"))


@pytest.mark.parametrize(
    "text",
    [
        "increase the reserve by the cost of 10 SKU-12",
        "increase the E&O allowance by the cost of 10 SKU-12 widgets",
        "add the cost of 10 SKU-12 to the obsolescence reserve",
    ],
)
def test_the_cost_of_a_count_of_goods_is_no_price(text: str) -> None:
    # "the cost of 10 SKU-12" was read as a price of $10, and the reserve had no amount
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity, d.amount) == (
        Category.RESERVE_PROVISION,
        Decimal(10),
        Decimal("150.00"),
    )


def test_a_cost_of_a_bare_number_is_still_a_price() -> None:
    (d,) = draft("4 mugs broken, cost of 12 each", make_context())
    assert d.amount == Decimal("48.00")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("found 2 extra boxes KOD-3034 (50/bx) we thought we'd used", Category.OVERAGE),
        ("2 damaged boxes KOD-3034 (50/bx)", Category.LOSS),
        ("2 missing boxes KOD-3034 (50/bx) on the count", Category.SHRINKAGE),
    ],
)
def test_a_word_between_the_count_and_its_containers_keeps_the_pack_size(
    text: str, category: Category
) -> None:
    items = {"KOD-3034": ItemInfo("KOD-3034", "Process-free plate EA (50/BX)", Decimal("7.40"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.quantity, d.amount) == (category, Decimal(100), Decimal("740.00"))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("reserve write-off: 14 SKU-12 with the old logo, no market for them",
         Category.RESERVE_WRITE_OFF),
        ("E&O reserve usage: 14 SKU-12 (old design)", Category.RESERVE_WRITE_OFF),
        ("w/o vs E&O reserve: SKU-12 x 14 (old formulation)", Category.RESERVE_WRITE_OFF),
        ("Q3 reserve provision - 14 SKU-12, demand dried up", Category.RESERVE_PROVISION),
    ],
)  # fmt: skip
def test_a_reserve_heading_says_which_way(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity, d.amount) == (category, Decimal(14), Decimal("210.00"))


@pytest.mark.parametrize(
    "text",
    [
        "expired:\nSKU-12: 14\nSKU-40: 9",
        "expired:\nSKU-12 - 14\nSKU-40 - 9",
        "*Expired stock*\n\u2022 SKU-12 \u2013 14\n\u2022 SKU-40 \u2013 9\ntossing both",
    ],
)
def test_lines_of_a_code_and_its_count_after_a_colon_or_a_dash(text: str) -> None:
    items = {**_BLUE, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    drafts = draft(text, make_context(items=items))
    assert [(d.sku, d.quantity) for d in drafts] == [("SKU-12", 14), ("SKU-40", 9)]


@pytest.mark.parametrize(
    ("name", "cost", "text", "amount"),
    [
        # a note in brackets of how the pieces ship: the list costs the piece
        ("FRAM Extra Guard oil filter PH3614 (12/CS)", "4.27",
         "PH3614 x 18 - roof leak got into the box, filters rusted. dmg w/o", "76.86"),
        ("Mobil 1 5W-30 1 QT (6/CS)", "7.48", "inventory shortfall on X1: 9 pcs", "67.32"),
        # "EA" says the piece, however dear a case of them would be
        ("Echelon Flex Reload 60mm Blue, EA (12/BX)", "231.50",
         "impaired: 2 X1 reloads, NRV $150 ea (vendor buyback price)", "163.00"),
        # ... as a pair's line says the pair
        ("Surgical Glove Sz 7.5, PR (50 PR/BX)", "2.37", "10 pr of X1 torn, write off", "23.70"),
    ],
)  # fmt: skip
def test_what_the_list_costs_when_its_name_gives_a_pack(
    name: str, cost: str, text: str, amount: str
) -> None:
    sku = "PH3614" if "PH3614" in text else "X1"
    (d,) = draft(text, make_context(items={sku: ItemInfo(sku, name, Decimal(cost))}))
    assert d.amount == Decimal(amount)


def test_a_bare_case_pack_ending_the_name_is_still_the_cases_cost() -> None:
    items = {"WN-100": ItemInfo("WN-100", "IDEAL WIRE-NUT YEL 100/BX", Decimal("14.90"))}
    (d,) = draft("3 bx WN-100 crushed", make_context(items=items))
    assert d.amount == Decimal("44.70")


@pytest.mark.parametrize(
    "text",
    [
        "use the reserve: 4 SKU-12 + 10 SKU-40, obsolete",
        "charge to the reserve: 4 SKU-12 and 10 SKU-40, both expired",
        "charge to the obsolete inventory reserve: 4 SKU-12 and 10 SKU-40, both expired",
    ],
)
def test_a_reserve_heading_pays_for_every_line(text: str) -> None:
    # the last line's own "obsolete" made it a loss beside the reserve (sure); "to the
    # obsolete inventory reserve" read as building it
    items = {**_BLUE, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    drafts = draft(text, make_context(items=items))
    assert [d.category for d in drafts] == [Category.RESERVE_WRITE_OFF] * 2


def test_a_count_with_an_x_after_a_place_word_is_no_place() -> None:
    # ":face_palm:" dropped, "mezzanine 3x" was read as a place and "a box" counted one (sure)
    items = {"LENS-CPS": ItemInfo("LENS-CPS", "Goggle lens", Decimal("48.00"))}
    text = "dropped a box of lenses off the mezzanine :face_palm: 3x LENS-CPS cracked"
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(3), Decimal("144.00"))


def test_thousands_on_a_holder_of_goods_priced_by_the_foot() -> None:
    # "1,200 ft spool" lost its "200 ft" as the spool's size: 1 ft at $0.42, sure
    items = {"HS5000": ItemInfo("HS5000", "Brake housing 5mm black (per ft)", Decimal("0.42"))}
    for text in ("HS5000 - 1,200 ft spool crushed, damaged", "a 1,200 ft spool of HS5000 crushed"):
        (d,) = draft(text, make_context(items=items))
        assert (d.quantity, d.amount) == (Decimal(1200), Decimal("504.00")), text


def test_cases_of_a_line_whose_name_notes_its_case_pack_in_brackets_cost_their_pieces() -> None:
    # "Swix F4 glide wax, 60g (24/cs)" at $8.75 is a tin's cost: a case was read as $8.75
    items = {"SWX-F4": ItemInfo("SWX-F4", "Swix F4 glide wax rub-on, 60g (24/cs)", Decimal("8.75"))}
    (d,) = draft(
        "found an extra case of SWX-F4 (24/cs) behind the counter", make_context(items=items)
    )
    assert (d.category, d.quantity, d.amount) == (Category.OVERAGE, Decimal(24), Decimal("210.00"))


def test_a_line_priced_by_the_pair_counts_pairs() -> None:
    items = {"HW-40": ItemInfo("HW-40", "HotHands hand warmer, pair (40/bx)", Decimal("0.85"))}
    (d,) = draft("twenty two pair of hand warmers (HW-40) damaged", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(22), Decimal("18.70"))


def test_a_number_said_in_several_words_is_one_count_of_containers() -> None:
    # "twenty two pair" was read as "two pair": 4 pieces
    (d,) = draft("twenty two pair of SKU-12 damaged", make_context(items=_BLUE))
    assert d.quantity == Decimal(44)
    (d,) = draft("forty two cases (12/cs) of SKU-12 crushed", make_context(items=_BLUE))
    assert d.quantity == Decimal(504)


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # the count in the books' own sentence, not the next one's figure
        ("Cycle count: SKU-12 shelf 11 / system 8. Found 3 extra", Category.OVERAGE, 3),
        ("SKU-12: 31 in the system, 29 on the racks", Category.SHRINKAGE, 2),
        ("count came in over: 18 SKU-12 on hand, system shows 14", Category.OVERAGE, 4),
        # a count said in words
        ("overage on SKU-12 - counted sixty, system 48", Category.OVERAGE, 12),
        ("SKU-12 system says forty, shelf has thirty-one", Category.SHRINKAGE, 9),
    ],
)
def test_more_ways_a_count_stands_beside_the_books(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))
    assert d.amount == Decimal(quantity) * Decimal("15.00")


def test_a_status_question_after_a_figure_is_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft("overage report from last week showed +$312.40, did that get posted?", make_context())


@pytest.mark.parametrize(
    "text",
    [
        "found 3 SKU-12 in the back that isn't in QuickBooks",
        "found 3 SKU-12 not in QB",
        "inventory adj UP: found 3 SKU-12 in the tint room",
    ],
)
def test_goods_the_books_never_had_are_an_overage_of_all_that_was_found(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity, d.amount) == (Category.OVERAGE, Decimal(3), Decimal("45.00"))


@pytest.mark.parametrize(
    "text",
    [
        "ReStore mailed the donation receipt for the $715.20 of Valspar, filing it w/ taxes",
        "the shelter sent a thank-you card for the $450 donation last month :heart:",
        "insurance adjuster asked how much the break-in cost us, was it $3,450?",
        "controller asked: do we need to top up the reserve this quarter? last top-up was $5k",
    ],
)
def test_paperwork_and_questions_passed_on_are_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=_BLUE))


def test_a_donation_that_asks_for_its_receipt_is_still_drafted() -> None:
    (d,) = draft(
        "donated 4 SKU-12 to the food bank, they need a donation receipt", make_context(items=_BLUE)
    )
    assert (d.category, d.amount) == (Category.DONATION, Decimal("60.00"))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("write-down to melt value: 2 SKU-40, melt is $100 each", "84.00"),
        ("lower of cost or NRV on the SKU-40 x 10: realizable $90/btl", "520.00"),
    ],
)
def test_melt_and_realizable_values_are_new_values(text: str, amount: str) -> None:
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_an_amount_at_cost_after_a_count_is_the_lots_value() -> None:
    (d,) = draft("donated 40 poinsettias to the senior center, $164 at cost", make_context())
    assert (d.quantity, d.amount) == (Decimal(40), Decimal("164.00"))


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("3 cs (12/cs) SKU-12 cracked when the pallet got dropped, all 36 no good",
         Category.LOSS, 36),
        ("flattened 25 coils of SKU-12. scrap all 25, ticket #7731", Category.LOSS, 25),
        ("8 SKU-12 sat out back all summer and got UV cracked, all 8 are junk", Category.LOSS, 8),
        ("SKU-12 count is off by 2, we have 2 fewer than the system", Category.SHRINKAGE, 2),
    ],
)  # fmt: skip
def test_a_count_said_again_in_words_of_its_own_is_one_write_off(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


def test_the_same_count_at_two_places_is_still_asked() -> None:
    drafts = draft(
        "2 SKU-12 broken on the dock, 2 SKU-12 broken in the van", make_context(items=_BLUE)
    )
    assert len(drafts) == 2 and all(d.confidence < 0.9 for d in drafts)


def test_a_part_beside_goods_guessed_by_name_is_not_sure() -> None:
    # "touch-up solvent" read as the list's "Leather Touch-Up Kit", one assumed, beside a sure
    # draft for the fabric it stained
    items = {
        "TUC-KIT": ItemInfo("TUC-KIT", "Leather Touch-Up Kit", Decimal("4.80")),
        "FAB-BKL": ItemInfo("FAB-BKL", "Upholstery Fabric, Boucle Ivory, per yd", Decimal("14.20")),
    }
    text = (
        "the touch-up solvent tipped over in the fabric room and leaked all over 12.5 yds of "
        "FAB-BKL boucle, stained thru. dmg w/o"
    )
    drafts = draft(text, make_context(items=items))
    assert all(d.confidence < 0.9 for d in drafts)


def test_a_name_that_says_what_is_priced_is_believed() -> None:
    # "k/d Feline 5.5 oz can 24/CS (priced per can)" at $2.05: 24 cans were read as one case
    items = {
        "HIL-7017": ItemInfo(
            "HIL-7017",
            "Hill's PD k/d Feline Chicken 5.5 oz can 24/CS (priced per can)",
            Decimal("2.05"),
        )
    }
    (d,) = draft("pls w/o 24 cans HIL-7017 k/d feline, expired 11/24", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(24), Decimal("49.20"))
    (d,) = draft("shortfall of 1 case (24/cs) on HIL-7017 at the count", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(24), Decimal("49.20"))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("DOA x3 SKU-12 - left bud won't pair and we're past the RTV window so vendor won't take "
         "them back", Category.LOSS),
        ("missing 1 SKU-12 from the overstock, checked the compactor area and the RTV shelf, "
         "nothing", Category.SHRINKAGE),
        ("damaged in the showroom: 1 SKU-12, some kid took a box cutter to the seat. we paid $15 "
         "for this one (older PO)", Category.LOSS),
        ("write off 1 SKU-12 against the obsolescence reserve, carriers stopped activating that "
         "build", Category.RESERVE_WRITE_OFF),
        ("reserve draw: SKU-12 x 1, old-label stock we can't sell", Category.RESERVE_WRITE_OFF),
        ("Build the E&O reserve: 1 SKU-12, old label", Category.RESERVE_PROVISION),
    ],
)  # fmt: skip
def test_words_that_only_look_like_money_moved_or_a_reserve_built(
    text: str, category: Category
) -> None:
    drafts = draft(text, make_context(items=_BLUE))
    assert [d.category for d in drafts] == [category]


def test_the_reserve_raised_by_a_count_of_goods_is_no_amount() -> None:
    (d,) = draft(
        "top-up the reserve by 7 SKU-12 (tweed discontinued), $105", make_context(items=_BLUE)
    )
    assert (d.category, d.quantity, d.amount) == (
        Category.RESERVE_PROVISION,
        Decimal(7),
        Decimal("105.00"),
    )


def test_a_fraction_sign_is_read_as_its_fraction() -> None:
    (d,) = draft("2\u00bd dozen SKU-12 broken", make_context(items=_BLUE))
    assert (d.quantity, d.amount) == (Decimal(30), Decimal("450.00"))


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("Counted 9 SKU-12, system shows 5. add the 4 back", Category.OVERAGE, 4),
        ("SKU-12 swatch packs: system 60, counted 48. write off the 12", Category.SHRINKAGE, 12),
        ("cycle count: SKU-12 shows 22 in the system, only 16 on the shelf. adjust the 6",
         Category.SHRINKAGE, 6),
    ],
)  # fmt: skip
def test_a_difference_said_again_as_what_to_do_keeps_the_counts_way(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


@pytest.mark.parametrize(
    ("name", "cost", "text", "quantity", "amount"),
    [
        # a liquid's measure, then how many ship to a case: the list costs the gallon
        ("Quat Disinfectant Conc 1 GAL, 4/CS", "18.90", "pulling 26 gal of X1 off the shelf, "
         "recall, write them off", 26, "491.40"),
        ("Foaming Hand Soap 1000ML Cartridge, 6/CS", "7.35", "3 cs (6/cs) X1 crushed", 18,
         "132.30"),
        # ... while a weight before the pack leaves the case's cost ("Crisps 6oz, 12/CS")
        ("Raincoast Crisps Original 6oz, 12/CS", "52.80", "4 cs X1 crushed", 48, "211.20"),
    ],
)  # fmt: skip
def test_a_case_pack_after_a_liquids_measure_ships_the_pieces(
    name: str, cost: str, text: str, quantity: int, amount: str
) -> None:
    (d,) = draft(text, make_context(items={"X1": ItemInfo("X1", name, Decimal(cost))}))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_goods_dropped_off_beside_a_charity_donation_were_given_too() -> None:
    # "dropped 40 A" was read as dropped on the floor, a sure loss beside B's sure donation
    items = {**_BLUE, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = (
        "dropped 40 SKU-12 + 40 SKU-40 at the Salvation Army (charity donation, receipt #SA-8821)"
    )
    drafts = draft(text, make_context(items=items))
    assert [d.category for d in drafts] == [Category.DONATION] * 2
    # ... while goods dropped on the floor are broken, whatever else was given
    text = "dropped 4 SKU-12 on the floor, donated 2 SKU-40 to the food bank"
    assert [d.category for d in draft(text, make_context(items=items))] == [
        Category.LOSS,
        Category.DONATION,
    ]


@pytest.mark.parametrize(
    "text", ["Monthly count Mar-31: SKU-12 shortfall of 6", "count on 31-Mar: SKU-12 short 6"]
)
def test_a_date_written_with_a_dash_is_no_count(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, Decimal(6))


@pytest.mark.parametrize(
    "text",
    [
        "write downs: 20 SKU-12 to $3.00 and 20 SKU-40 to $3.50",
        "demo units write-down:\n\u2022 SKU-12 x20 \u2192 $3.00\n\u2022 SKU-40 x20 \u2192 $3.50",
    ],
)
def test_under_a_write_downs_heading_to_a_price_is_the_new_value(text: str) -> None:
    items = {**_BLUE, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    drafts = draft(text, make_context(items=items))
    assert [(d.category, d.amount) for d in drafts] == [
        (Category.WRITE_DOWN, Decimal("240.00")),
        (Category.WRITE_DOWN, Decimal("2770.00")),
    ]


def test_an_order_to_replace_lost_goods_is_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft(
            "order 60 bags of SKU-12 to replace the ones the mice got, PO 10442",
            make_context(items=_BLUE),
        )


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("Missing 12 SKU-12 from the vet cooler, not on any invoice. count short",
         Category.SHRINKAGE, 12),
        ("gates SKU-12 - system says 9 on the rack, there's 8. one short", Category.SHRINKAGE, 1),
        ("donating 50 SKU-12 to the wildfire hay relief drive for the ranchers out west",
         Category.DONATION, 50),
    ],
)  # fmt: skip
def test_an_invoice_named_none_a_count_theres_and_aid_for_a_wildfire(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


@pytest.mark.parametrize(
    ("name", "cost", "text", "amount"),
    [
        ("Josh Cellars Cabernet Sauvignon 750ml 12/CS", "11.40", "dropped a case of X1, 12/cs, "
         "all 12 broken", "136.80"),
        ("Milk Whole 1 GAL 4/CS", "2.48", "6 X1 sour, tossing", "14.88"),
        ("Strawberries 1 LB Clam 8/CS", "2.15", "10 X1 moldy, tossed", "21.50"),
    ],
)  # fmt: skip
def test_a_case_pack_after_a_pieces_volume_or_vessel_ships_the_pieces(
    name: str, cost: str, text: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items={"X1": ItemInfo("X1", name, Decimal(cost))}))
    assert d.amount == Decimal(amount)


def test_is_that_right_asks_about_the_figure() -> None:
    with pytest.raises(DraftError):
        draft(
            "system says 14 SKU-12, is that right? I'm seeing a bunch more in back",
            make_context(items=_BLUE),
        )


def test_a_volume_and_its_vessel_then_a_case_pack_ships_the_pieces() -> None:
    items = {
        "RNDC-1150": ItemInfo(
            "RNDC-1150", "Fireball Cinnamon Whisky 50ml Mini 120/CS", Decimal("0.68")
        )
    }
    (d,) = draft("a dozen Fireball 50s (RNDC-1150) short on the count", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("8.16"))
    # ... while cartridges boxed by fifty are the box's cost
    items = {"ANS-50": ItemInfo("ANS-50", "Articaine 4% 1.7mL Cartridges 50/BX", Decimal("62.00"))}
    (d,) = draft("someone nicked 2 bx ANS-50 off the will-call counter", make_context(items=items))
    assert d.amount == Decimal("124.00")


@pytest.mark.parametrize(
    ("sku", "name", "cost", "text", "amount"),
    [
        # a piece's weight then at once how many to the case: the piece's cost
        ("DY-300116", "Butter Salted 1 LB 36/CS", "3.05", "Butter DY-300116 - 1 cs (36/cs) "
         "melted on the dock, dump", "109.80"),
        ("DY-600116", "Sour Cream 16 OZ 12/CS", "1.29", "6 DY-600116 sour cream crushed", "7.74"),
        # ... unless the code names the case it stocks
        ("FF-CLPATE-24", "Fancy Feast Classic Pate Variety 3OZ 24/CS", "18.96",
         "2 cs FF-CLPATE-24 (24/cs) crushed under the litter pallet", "37.92"),
    ],
)  # fmt: skip
def test_a_pieces_size_then_its_case_pack_and_a_code_that_names_the_case(
    sku: str, name: str, cost: str, text: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items={sku: ItemInfo(sku, name, Decimal(cost))}))
    assert d.amount == Decimal(amount)


def test_a_box_in_brackets_is_as_often_the_unit_sold() -> None:
    # "(20/BX)" was read as how the respirators ship: 11 boxes were 220 respirators, $4,356
    items = {"3M-8210": ItemInfo("3M-8210", "3M 8210 N95 Respirator (20/BX)", Decimal("19.80"))}
    (d,) = draft("expired 3M-8210 respirators, 11 bx past shelf life", make_context(items=items))
    assert d.amount == Decimal("217.80")


@pytest.mark.parametrize(
    "text",
    [
        "insurance adjuster coming Tues re: the fire, claim #FC-2291 for $18,400 - who's meeting"
        " him?",
        "insurance adjuster coming Tues re: the break-in, claim # CL-22871 for $3,250 - can someone"
        " pull the invoices?",
    ],
)
def test_talk_of_an_insurance_claim_is_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context())


def test_a_write_off_that_names_its_claim_is_still_drafted() -> None:
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = (
        "break-in last night, 4 SKU-40 stolen, filed insurance claim #88, can you write them off?"
    )
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.amount) == (Category.CASUALTY, Decimal("568.00"))


def test_a_code_that_names_its_case_still_gives_way_to_a_pieces_cost() -> None:
    # "MON-GRN-16-24" ends with its case pack, but at $1.62 a case of 24 cans would cost next
    # to nothing: the can's cost
    items = {
        "MON-GRN-16-24": ItemInfo(
            "MON-GRN-16-24", "Monster Energy Green 16oz can (24/CS)", Decimal("1.62")
        )
    }
    (d,) = draft(
        "Monster case fell off the dolly, 7 cans MON-GRN-16-24 dented", make_context(items=items)
    )
    assert d.amount == Decimal("11.34")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("physical > system for SKU-12 by 2 packs", Category.OVERAGE),
        ("unable to locate 2 SKU-12 that show in stock on the demo shelf, counted twice",
         Category.SHRINKAGE),
    ],
)  # fmt: skip
def test_a_count_said_with_a_sign_or_goods_not_located(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_BLUE))
    assert (d.category, d.quantity) == (category, Decimal(2))


def test_grams_with_thousands_of_goods_priced_by_the_kilo() -> None:
    # "1,500 g" of tea priced per kg was 1,500 kg ($36,900.00) at 0.97
    items = {
        "LT-CHAI-KG": ItemInfo("LT-CHAI-KG", "Masala chai loose leaf, per kg", Decimal("24.60"))
    }
    (d,) = draft(
        "short 1,500 g of Masala chai LT-CHAI-KG on the bulk bin count", make_context(items=items)
    )
    assert (d.quantity, d.amount) == (Decimal("1.5"), Decimal("36.90"))


def test_why_goods_turned_up_is_no_loss_under_a_count_heading() -> None:
    items = {**_BLUE, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = "found extra: 1,500 SKU-12 and 300 SKU-40 in a mislabeled box"
    assert [d.category for d in draft(text, make_context(items=items))] == [Category.OVERAGE] * 2


def test_a_case_at_a_few_cents_a_piece_is_the_pieces_cost() -> None:
    # "Ceramic Coffee Mug 11oz 24/CS" at $0.71: 2 cases were $1.42
    items = {
        "GB-31455": ItemInfo(
            "GB-31455", "Ceramic Coffee Mug 11oz Asst Colors 24/CS", Decimal("0.71")
        )
    }
    (d,) = draft(
        "damaged out 2 cs of mugs GB-31455 (24/cs), forklift clipped the pallet",
        make_context(items=items),
    )
    assert (d.quantity, d.amount) == (Decimal(48), Decimal("34.08"))


def test_a_count_of_goods_the_list_does_not_know_added_to_the_reserve_is_no_amount() -> None:
    # "add 12 XX-BEANIE-RED to the obsolescence reserve" was $12 at 0.97
    (d,) = draft("add 12 XX-BEANIE-RED to the obsolescence reserve", make_context())
    assert d.confidence < 0.5
    (d,) = draft("add 500 to the reserve", make_context())
    assert (d.amount, d.confidence >= 0.9) == (Decimal("500.00"), True)


def test_whole_boxes_of_the_pack_the_list_prices_are_counted_in_pieces() -> None:
    # "3 BX" of "... stem 50/BX" at the box's $44.50: the quantity is the 150 pieces, the
    # amount the boxes' and QuickBooks moves 3 boxes (it drafted 3 pieces at 0.97)
    items = {
        "TR600HP-50": ItemInfo(
            "TR600HP-50", "TR600HP high-pressure metal clamp-in stem 50/BX", Decimal("44.50")
        )
    }
    (d,) = draft("TR600HP-50: 3 BX bent, dock 2", make_context(items=items))
    assert (d.quantity, d.amount, d.item_quantity) == (Decimal(150), Decimal("133.50"), 3)
    # the message's own pack arithmetic counts boxes: kept
    items = {
        "112-4472": ItemInfo("112-4472", "Nitrile exam gloves PF, medium, 200/bx", Decimal("11.40"))
    }
    (d,) = draft(
        "1 cs + 3 loose bx 112-4472 (10 bx/cs) torn open by the carrier",
        make_context(items=items),
    )
    assert (d.quantity, d.amount) == (Decimal(13), Decimal("148.20"))


def test_a_weighed_bag_in_a_master_carton_is_the_bags_cost() -> None:
    # "Black Tiger Shrimp 16/20 IQF 4 lb bag (10/MC)" at $27.60 is a bag's cost: 6 bags were
    # read as 6 tenths of a carton ($16.56)
    items = {
        "SHR-BT-1620": ItemInfo(
            "SHR-BT-1620", "Black Tiger Shrimp HLSO 16/20 IQF 4 lb bag (10/MC)", Decimal("27.60")
        )
    }
    (d,) = draft("freezr burnt 6 bags of SHR-BT-1620, toss em", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(6), Decimal("165.60"))
    (d,) = draft("3 MC (10/MC) SHR-BT-1620 crushed by the clamp truck", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(30), Decimal("828.00"))


@pytest.mark.parametrize(
    "text",
    [
        # the balance the reserve should reach, not the amount to book (0.97 for $10,000)
        "increase the reserve to $10,000 before year end",
        "bring the obsolescence reserve up to 12,000 this quarter",
        # a reserve too big let go: no goods leave (0.97 as a use of the reserve)
        "reserve is overfunded, release $2,000 back",
    ],
)
def test_a_reserve_brought_to_a_balance_or_let_go_is_never_sure(text: str) -> None:
    try:
        drafts = draft(text, make_context())
    except DraftError:
        return  # (a refusal asks too)
    assert drafts and all(d.confidence < 0.9 for d in drafts)


def test_a_reserve_moved_by_an_amount_is_still_sure() -> None:
    (d,) = draft("increase the reserve by $10,000 before year end", make_context())
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("10000.00"))
    assert d.confidence >= 0.9


def test_the_lot_said_as_a_yard_before_a_count_is_no_lot_number() -> None:
    # "from the lot: 14 alloy wheels" dropped the 14 as a lot number, sure at 0.97
    (d,) = draft(
        "stolen from the lot: 14 alloy wheels at a cost of $3,150 total", make_context(items={})
    )
    assert (d.quantity, d.amount) == (Decimal(14), Decimal("3150.00"))


_PUERH = {
    "T-PUE-2015-357": ItemInfo(
        "T-PUE-2015-357", "Menghai 7542 raw pu-erh cake 2015, 357 g", Decimal("64.00")
    )
}


@pytest.mark.parametrize(
    "text",
    [
        # the value in one sentence, the count in the next (two drafts, neither with an amount)
        "write down the 2015 pu-erh pls, market has tanked. valuing them at $48/cake now, we "
        "have 22 cakes",
        "pu-erh cakes (2015 menghai) are impaired, NRV is $48 per cake. 22 cakes on hand",
    ],
)
def test_a_write_downs_value_and_its_count_said_apart_are_one_write_down(text: str) -> None:
    (d,) = draft(text, make_context(items=_PUERH))
    assert (d.category, d.quantity, d.amount) == (
        Category.WRITE_DOWN,
        Decimal(22),
        Decimal("352.00"),
    )


def test_one_price_below_the_lists_cost_in_a_write_down_is_the_new_value() -> None:
    items = {"EXT-5G": ItemInfo("EXT-5G", "Regal exterior flat deep base 5 gal", Decimal("178.00"))}
    # "best we can get is $140 a pail" was read as the cost, and no amount drafted
    (d,) = draft(
        "impair the 10 EXT-5G pails, best we can get for them is $140 a pail",
        make_context(items=items),
    )
    assert (d.amount, d.confidence < 0.9) == (Decimal("380.00"), True)
    # said as the cost, it is not the new value
    (d,) = draft("write down 10 EXT-5G from $140", make_context(items=items))
    assert d.amount is None
    # ... but "lower of cost or NRV puts it at $140" names the value
    (d,) = draft(
        "impair 10 EXT-5G, lower of cost or NRV puts it at $140 a pail", make_context(items=items)
    )
    assert d.amount == Decimal("380.00")


@pytest.mark.parametrize(
    "text",
    [
        "set aside $750 for obsolete tackle (old pkg power worms)",
        "accrue another 4k for obsolescence, the mocha line is dead",
    ],
)
def test_money_set_aside_or_accrued_for_obsolescence_builds_the_reserve(text: str) -> None:
    (d,) = draft(text, make_context(items={}))
    assert d.category is Category.RESERVE_PROVISION


def test_a_price_said_right_after_the_cases_counted_is_theirs() -> None:
    # "500/cs, 1 cs @ $38" was 500 mitts at $38, $19,000.00 at 0.97
    (d,) = draft(
        "item 71044-BLK shoe mitts 500/cs, 1 cs @ $38 stained",
        make_context(items={"71044-BLK": ItemInfo("71044-BLK", "Shoe mitts", Decimal("0.08"))}),
    )
    assert (d.quantity, d.amount, d.confidence < 0.9) == (Decimal(500), Decimal("38.00"), True)


def test_against_the_reserve_typed_in_a_hurry_uses_it() -> None:
    items = {"ACT787": ItemInfo("ACT787", "Brake pad set ceramic", Decimal("54.20"))}
    text = "write the obsolite ACT787 sets off agains the obsolesence reserv - 12 sets"
    (d,) = draft(text, make_context(items=items))  # a loss at 0.97
    assert d.category is Category.RESERVE_WRITE_OFF
    # a reserve named in a way not understood leaves no sure loss
    (d,) = draft(
        "write the obsolete ACT787 off agens the reserv - 12 sets", make_context(items=items)
    )
    assert d.confidence < 0.9


def test_a_total_after_every_priced_line_is_all_of_theirs() -> None:
    items = {
        "PF63E": ItemInfo("PF63E", "oil filter", Decimal("6.10")),
        "FL-820-S": ItemInfo("FL-820-S", "oil filter", Decimal("7.25")),
    }
    text = "4 PF63E at $6.10 and 3 FL-820-S at $7.25, $46.15 total, all crushed in the tote"
    ds = draft(text, make_context(items=items))  # the second line was $46.15
    assert [d.amount for d in ds] == [Decimal("24.40"), Decimal("21.75")]
    # a total that is neither: no line is sure
    ds = draft(text.replace("46.15", "50.00"), make_context(items=items))
    assert all(d.confidence < 0.9 for d in ds)


def test_boxes_of_a_code_ending_in_its_pack_are_counted_in_pieces_never_sure() -> None:
    items = {
        "CO2-16T-30/BX": ItemInfo(
            "CO2-16T-30/BX", "CO2 cartridge 16g threaded, 30/BX", Decimal("42.00")
        )
    }
    (d,) = draft("CO2-16T-30/BX: 4 bx leaking", make_context(items=items))
    assert (d.quantity, d.amount, d.confidence < 0.9) == (Decimal(120), Decimal("168.00"), True)


def test_a_skein_by_its_measure_in_a_bagged_pack_is_the_skeins_cost() -> None:
    items = {
        "CAS220-8555": ItemInfo(
            "CAS220-8555",
            "Cascade 220 Wool worsted 100g skein, 8555 Black (10/BAG)",
            Decimal("6.40"),
        )
    }
    # 14 skeins were 14 tenths of a bag, $8.96
    (d,) = draft("fourteen skeins of CAS220-8555 are ruined, moths", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(14), Decimal("89.60"))


def test_a_write_down_with_its_count_and_why_after_a_comma_is_one_write_down() -> None:
    items = {"RB-WAF-LXL": ItemInfo("RB-WAF-LXL", "Waffle robe L/XL", Decimal("24.75"))}
    # "60 units (faded)" was a $1,485.00 loss at 0.82 beside a one-robe write-down
    (d,) = draft("RB-WAF-LXL write down to NRV $11.00, 60 units (faded)", make_context(items=items))
    assert (d.category, d.quantity, d.amount) == (
        Category.WRITE_DOWN,
        Decimal(60),
        Decimal("825.00"),
    )


def test_a_upc_in_its_printed_groups_before_a_comma_is_the_lists_code() -> None:
    items = {"019962193033": ItemInfo("019962193033", "Puzzle 1000 pc", Decimal("11.20"))}
    # "19962" was read as a price: $119,772.00
    (d,) = draft("UPC 0 19962 19303 3, 6 pcs, boxes crushed", make_context(items=items))
    assert (d.sku, d.amount) == ("019962193033", Decimal("67.20"))


def test_a_bare_value_is_the_goods_money_not_their_count() -> None:
    items = {"1888-HT-1630": ItemInfo("1888-HT-1630", "Hand towel 16x30 (DZ)", Decimal("30.60"))}
    # "value 91.80" was 91.8 dozen towels
    (d,) = draft("stock take: 1888-HT-1630 short, value 91.80", make_context(items=items))
    assert d.amount == Decimal("91.80")
    # ... while "value of 30 X" counts the goods
    (d,) = draft("value of 30 1888-HT-1630 lost in the flood", make_context(items=items))
    assert d.quantity == Decimal(30)


_GAUZE = {
    "NON25865": ItemInfo(
        "NON25865", "Medline gauze sponge 2x2 8-ply non-sterile, 200/SL", Decimal("2.40")
    ),
    "GRM-44110": ItemInfo(
        "GRM-44110", "Exam table paper 18in x 225ft crepe, 12 RL/CS", Decimal("54.80")
    ),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # 2,400 sponges at the sleeve's $2.40 each were $5,760.00 at 0.87
        ("12 of the 200-ct sleeves of NON25865 got wet under the sink and are moldy", "28.80"),
        ("short 2 sleeves of NON25865 (200/sl) on the count", "4.80"),
        # a case and loose rolls of a case-priced line: 18 rolls were 18 cases
        ("1 cs plus 6 loose rolls of GRM-44110 (12/cs) got soaked when the bucket tipped", "82.20"),
    ],
)
def test_pieces_of_a_sleeve_or_a_case_the_list_prices_are_their_share(
    text: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_GAUZE))
    assert d.amount == Decimal(amount)


def test_a_code_naming_its_case_with_a_separator_prices_the_case() -> None:
    # "CORONA-24-CS" of "... 12oz btl 24/CS" at $29.75 was read as a bottle's cost; the
    # reading's "how many pieces in a case?" is answered by the list
    items = {
        "CORONA-24-CS": ItemInfo("CORONA-24-CS", "Corona Extra 12oz btl 24/CS", Decimal("29.75"))
    }
    (d,) = draft("CORONA-24-CS – 2 cs short on count", make_context(items=items))
    assert (d.quantity, d.amount, d.item_quantity) == (Decimal(48), Decimal("59.50"), 2)
    assert not any("how many pieces" in w for w in d.warnings)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # 14 bags were 14 forty-seconds of a pallet, $1.99
        ("14 bags of 1101-80 set up solid, bags tore and the humidity got in", "83.72"),
        ("2 bundles of 356MDF-16 short on the count, 10 pcs/bdl", "284.00"),
    ],
)
def test_a_bracketed_pallet_or_bundle_note_ships_the_priced_piece(text: str, amount: str) -> None:
    items = {
        "1101-80": ItemInfo("1101-80", "Quikrete Concrete Mix 80 lb (42/PLT)", Decimal("5.98")),
        "356MDF-16": ItemInfo(
            "356MDF-16", "356 Primed MDF Casing 2-1/4 x 16' (10/BDL)", Decimal("14.20")
        ),
    }
    (d,) = draft(text, make_context(items=items))
    assert d.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # the cases multiplied out by the message's pack, then loose pieces: two drafts were
        # one loss said twice or two
        ("GTRD-FP-28 (15/cs): 2 cases + 4 loose bottles past date", 34, "45.56"),
        ("MB-HEIN-330 2 cs (24/cs) + 1 six-pack dropped on the dock", 54, "56.70"),
    ],
)
def test_cases_of_a_stated_pack_and_loose_pieces_are_one_write_off(
    text: str, quantity: int, amount: str
) -> None:
    items = {
        "GTRD-FP-28": ItemInfo("GTRD-FP-28", "Gatorade Fierce 28oz", Decimal("1.34")),
        "MB-HEIN-330": ItemInfo("MB-HEIN-330", "Heineken 330ml btl", Decimal("1.05")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        # a heading naming the provision, and money set aside against obsolescence to come
        "Q3 obsolescence provision: $6,750.00",
        "set aside another $1k against future obsolescence on the rosé",
    ],
)
def test_an_obsolescence_provision_builds_the_reserve(text: str) -> None:
    (d,) = draft(text, make_context(items={}))
    assert d.category is Category.RESERVE_PROVISION


@pytest.mark.parametrize(
    "text",
    [
        "tentatively 9 SKU-12 defective, pending vendor RMA decision",
        "9 SKU-12 defective, pending vendor RMA decision",
    ],
)
def test_a_tentative_or_pending_write_off_is_in_doubt(text: str) -> None:
    (d,) = draft(text, make_context(items=_BLUE))  # a sure loss at 0.97
    assert d.confidence < 0.5


def test_a_bag_whose_name_notes_how_many_ship_on_a_pallet_is_the_bags_cost() -> None:
    items = {
        "DN-ADLT-40": ItemInfo(
            "DN-ADLT-40",
            "Diamond Naturals Adult Dog Chicken & Rice 40 lb bag (50 bags/pallet)",
            Decimal("31.90"),
        )
    }
    # 10 bags were a fifth of a pallet at $31.90, $6.38
    (d,) = draft("donated 10 bags DN-ADLT-40 to the animal rescue", make_context(items=items))
    assert d.amount == Decimal("319.00")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # 6 chains at the box's $54.00 each were $324.00 at 0.87
        ("half a box of the 925-BOX-18-12BX (12/bx) missing from the wall display", "27.00"),
        ("half a case of HAM-86700-CS (10 reams per case) got ripped up by the strapping", "34.25"),
    ],
)
def test_a_share_of_one_container_the_list_prices_is_its_share_of_the_cost(
    text: str, amount: str
) -> None:
    items = {
        "925-BOX-18-12BX": ItemInfo(
            "925-BOX-18-12BX", "Sterling Silver Box Chain 18in (12/BX)", Decimal("54.00")
        ),
        "HAM-86700-CS": ItemInfo(
            "HAM-86700-CS", "Hammermill Copy Plus 8.5x11 20lb, 10 RM/CS", Decimal("68.50")
        ),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.amount, d.confidence < 0.9) == (Decimal(amount), True)


def test_a_reserve_released_with_no_goods_is_never_sure() -> None:
    (d,) = draft("release $400 from the reserve", make_context())  # a sure use at 0.97
    assert d.confidence < 0.9
    # goods written off through it: used
    (d,) = draft("release the reserve for the 20 scrapped SKU-12", make_context(items=_BLUE))
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("300.00"))


def test_a_weight_after_of_is_no_count_in_each_roll() -> None:
    # "12 rolls of 30# felt" were 360 pieces, sure at 0.97
    (d,) = draft("12 rolls of 30# felt ruined at $31.00/roll", make_context(items={}))
    assert d.quantity != Decimal(360) and d.amount == Decimal("372.00")


def test_a_dozen_with_no_figure_before_it_is_not_dropped() -> None:
    # "dz pair of TIG gloves" was one pair, sure at 0.97
    (d,) = draft("dz pair of TIG gloves at $14.25/pr stolen out of van 7", make_context(items={}))
    assert d.confidence < 0.5


def test_feet_of_goods_the_list_prices_by_the_length_are_lengths() -> None:
    items = {
        "DE-R-10-BRN": ItemInfo("DE-R-10-BRN", "Drip edge type D alum 10ft, brown", Decimal("9.15"))
    }
    # "250 lf" was 250 ten-foot lengths, $2,287.50 ("lf" was not read at all)
    (d,) = draft("250 lf of DE-R-10-BRN bent up in the rack", make_context(items=items))
    assert (d.amount, d.confidence < 0.9) == (Decimal("228.75"), True)


def test_a_bundle_three_to_a_square_is_the_bundles_cost() -> None:
    items = {
        "OC-DUR-ONX": ItemInfo(
            "OC-DUR-ONX", "Owens Corning Duration Onyx Black, bundle (3 bdl/sq)", Decimal("41.75")
        )
    }
    # 14 bundles were 14 thirds of a square, $194.83
    (d,) = draft("stolen off the flatbed: fourteen bundles OC-DUR-ONX", make_context(items=items))
    assert d.amount == Decimal("584.50")


def test_tips_counted_or_sized_are_goods_not_the_tip_jar() -> None:
    items = {"14-35": ItemInfo("14-35", "contact tip .035, 25/PK", Decimal("31.50"))}
    # "a gross of loose .035 tips ($0.92 ea)" was refused as cash
    (d,) = draft(
        "a gross of loose .035 tips ($0.92 ea) went into the floor scrubber tank, ruined",
        make_context(items=items),
    )
    assert d.amount == Decimal("132.48")
    for cash in ("tip jar was $12 short today", "write off $2.50 tip jar short"):
        with pytest.raises(DraftError):
            draft(cash, make_context())


@pytest.mark.parametrize(
    "text",
    [
        "obsolete belts 5V1180 x 9 + 3VX500 x 22, relieve the reserve for both",
        "obsolete 5V1180 x 9 and 3VX500 x 22, write them off against the reserve",
    ],
)
def test_a_reserve_named_for_every_part_uses_it_for_each(text: str) -> None:
    items = {
        "5V1180": ItemInfo("5V1180", "V-belt 5V1180", Decimal("41.35")),
        "3VX500": ItemInfo("3VX500", "V-belt 3VX500", Decimal("14.25")),
    }
    # the first part was a plain loss, sure at 0.97
    ds = draft(text, make_context(items=items))
    assert [d.category for d in ds] == [Category.RESERVE_WRITE_OFF] * 2


def test_topping_off_the_allowance_builds_it() -> None:
    (d,) = draft("topping off the allowance for obsolete stock: $2,750.50", make_context())
    assert d.category is Category.RESERVE_PROVISION  # a sure use of it at 0.97


def test_a_whole_code_after_the_word_sku_keeps_its_own_name() -> None:
    (d,) = draft("sku 4471-B x2 dmg $89 ea", make_context(items={}))
    assert d.sku == "4471-B"  # was SKU-4471-B
    (d,) = draft("SKU 410 6 pcs chipped at $3", make_context(items={}))
    assert d.sku == "SKU-410"
    (d,) = draft("Expired meds SKU-RX-220, qty 30, unit cost 12.40", make_context(items={}))
    assert d.sku == "SKU-RX-220"


def test_a_price_said_per_box_keeps_the_list_pricing_the_box() -> None:
    items = {
        "XM-SANTA": ItemInfo(
            "XM-SANTA", "Hollow Milk Chocolate Santa 1.5oz 24/BX", Decimal("16.32")
        )
    }
    # 75 boxes were 1,800 santas at a box's prices each: $20,376.00
    (d,) = draft(
        "mark the XM-SANTA down from 16.32 to 5.00 a box, 75 bx left after christmas",
        make_context(items=items),
    )
    assert (d.quantity, d.amount) == (Decimal(75), Decimal("849.00"))


_BEEF = {
    "112A-CH-CW": ItemInfo(
        "112A-CH-CW", "Beef Ribeye Lip-On 112A Choice, catch wt (per lb)", Decimal("9.85")
    ),
    "189A-CH-CW": ItemInfo(
        "189A-CH-CW", "Beef Tenderloin 189A Choice, catch wt (per lb)", Decimal("13.40")
    ),
}


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        # boxes weighed one by one: the pounds are the weights added (3 boxes were 3 lb)
        ("freezer burnt 112A-CH-CW, 3 boxes: 57.4 lb / 60.0 lb / 55.9 lb", "173.3"),
        ("punctured by a fork: 1 box of 112A-CH-CW, 59.8 lb on the label", "59.8"),
    ],
)
def test_catch_weights_of_goods_priced_by_the_pound_are_added(text: str, pounds: str) -> None:
    (d,) = draft(text, make_context(items=_BEEF))
    assert d.quantity == Decimal(pounds)
    assert d.amount == quantize(Decimal(pounds) * Decimal("9.85"))
    assert d.confidence < 0.9


def test_weights_against_the_books_are_their_difference() -> None:
    (d,) = draft(
        "shortage on cycle count: 189A-CH-CW, book 412.6 lb, counted 377.2 lb",
        make_context(items=_BEEF),
    )
    assert d.quantity == Decimal("35.4")


def test_a_number_sign_after_the_goods_code_is_its_model_not_a_count() -> None:
    items = {"PGP-ADJ": ItemInfo("PGP-ADJ", "Hunter PGP adjustable rotor", Decimal("16.90"))}
    # "PGP-ADJ #17 rotors stolen" was 17 rotors, sure at 0.97
    (d,) = draft("PGP-ADJ #17 rotors stolen", make_context(items=items))
    assert d.quantity != Decimal(17) and d.confidence < 0.9
    (d,) = draft("4 PGP-ADJ #17 rotors stolen", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(4), Decimal("67.60"))


# -- held-out round 157 (sets 1293-1300) ------------------------------------------------------


def test_money_accrued_for_excess_and_obsolete_builds_the_reserve() -> None:
    # "accrue $4,000 more for excess & obsolete" was a $4,000 loss to 5200, sure at 0.97
    for text in ("accrue $4,000 more for excess & obsolete", "accrue 4k for excess and obsolete"):
        (d,) = draft(text, make_context(items=ITEMS))
        assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("4000.00"))


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # "half-doz" and "half-dozen" were read as a dozen (12 tanks, with a doubt)
        ("half-doz SKU-40 cracked along the seam", 6),
        ("half-dozen boxes of SKU-40 smashed", 6),
        # a count of half dozens is so many sixes
        ("2 half-dozen boxes of SKU-40 cracked", 12),
        ("three half-doz SKU-40 cracked", 18),
    ],
)
def test_a_hyphened_half_dozen_is_six(text: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.quantity == Decimal(quantity)
    assert d.amount == Decimal("2.50") * quantity


def test_relive_beside_a_reserve_is_relieve_and_says_so() -> None:
    # "relive the reserve for 25 X" was a plain loss, the reserve's direction not read
    (d,) = draft("relive the E&O reserve for 9 SKU-12 (model EOL)", make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("135.00"))
    assert any("'relive' as 'relieve'" in line for line in d.explanation)


def test_a_write_down_total_that_agrees_is_the_same_write_down() -> None:
    # a second draft of the same $270 was made from "total writedown $270"
    for tail in ("total writedown $270", "write-down total $270", "total hit $270"):
        (d,) = draft(f"write down 20 SKU-12 from $15 to $1.50, {tail}", make_context(items=ITEMS))
        assert (d.category, d.quantity, d.amount) == (
            Category.WRITE_DOWN,
            Decimal(20),
            Decimal("270.00"),
        )
        assert d.confidence >= 0.9
    # a total that disagrees is no confident draft
    drafts = draft(
        "write down 20 SKU-12 from $15 to $1.50, total writedown $280",
        make_context(items=ITEMS),
    )
    assert all(d.confidence < 0.9 for d in drafts)


def test_a_total_hit_is_the_entrys_total_not_a_price() -> None:
    # "$470" after "total hit" was read as a price each: 20 x $470 = $9,400
    (d,) = draft("20 SKU-12 damaged, total hit $250", make_context(items=ITEMS))
    assert d.amount == Decimal("250.00")  # (not 20 x $250; the list's $300 is asked about)
    assert d.confidence < 0.9


def test_goods_the_reserve_covers_then_its_money_are_one_provision() -> None:
    # two provisions of $4,960, one at 0.97: the goods, then the money that covers them
    items = {"WIN-40ST": ItemInfo("WIN-40ST", "Self-tailing winch #40", Decimal("1240.00"))}
    (d,) = draft(
        "4 WIN-40ST are obsolete (old drum size), so increase the obsolescence reserve by "
        "$4,960 to cover them",
        make_context(items=items),
    )
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("4960.00"))


def test_fathoms_of_goods_priced_by_the_foot_are_six_feet_each() -> None:
    # "3 fathoms of chain" priced per foot was 3 feet, at 0.87
    items = {"CHN-516": ItemInfo("CHN-516", "Anchor chain 5/16in G4, per ft", Decimal("4.80"))}
    (d,) = draft("3 fathoms of CHN-516 rusted out", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(18), Decimal("86.40"))


@pytest.mark.parametrize(
    "hedge", ["could've been theft, could've been a miscount", "could of been theft"]
)
def test_could_have_been_contracted_is_a_hedge(hedge: str) -> None:
    # "could've been theft, could've been a miscount" was theft at 0.87
    (d,) = draft(f"lost 20 SKU-12, {hedge}", make_context(items=ITEMS))
    assert d.confidence < 0.5


# -- held-out round 158 (sets 1301-1308) ------------------------------------------------------


def test_a_pack_size_alone_is_no_count() -> None:
    # "(12/cs)" right after the code was read as 12 pieces, sure at 0.97
    for text in ("SKU-12 (12/cs) crushed", "cases SKU-12 (12/cs) missing"):
        for d in draft(text, make_context(items=ITEMS)):
            assert d.confidence < 0.9, text


@pytest.mark.parametrize(
    "text",
    [
        # a share said roughly ("about 1/3 of the 90") was 30 at 0.87
        "about 1/3 of the 90 SKU-12 are bruised",
        "about half the 90 SKU-12 are bruised",
        # two stories and "can't tell which" (0.85 before)
        "6 SKU-12 went walkabout or got tossed out with the trash, can't tell which",
        # two items left as a choice, codes in capitals and hyphens (0.85 before)
        "RB-WFL-L or RB-WFL-M? 4 stolen",
    ],
)
def test_roughly_and_either_or_are_doubts(text: str) -> None:
    items = {
        **ITEMS,
        "RB-WFL-L": ItemInfo("RB-WFL-L", "Robe waffle L", Decimal("24.00")),
        "RB-WFL-M": ItemInfo("RB-WFL-M", "Robe waffle M", Decimal("23.00")),
    }
    assert all(d.confidence < 0.5 for d in draft(text, make_context(items=items)))


def test_the_maker_replacing_the_goods_free_is_no_sure_loss() -> None:
    # "mfr is replacing 3 defective X at no cost to us" was a loss at 0.87; since round 264
    # the maker's free replacement is no write-off at all
    with pytest.raises(DraftError, match="vendor"):
        draft(
            "warranty claim: mfr is replacing 3 defective SKU-12 at no cost to us",
            make_context(items=ITEMS),
        )


def test_write_down_prices_with_cents_and_each_are_money() -> None:
    # "from 9.85 to 6.00 ea": the cost and the new value, not a count of 9.85
    items = {"BTR-82": ItemInfo("BTR-82", "Butter sheets 82%", Decimal("9.85"))}
    (d,) = draft("write-down 20 BTR-82 from 9.85 to 6.00 ea", make_context(items=items))
    assert (d.category, d.quantity, d.amount) == (
        Category.WRITE_DOWN,
        Decimal(20),
        Decimal("77.00"),
    )
    # (the card asked about '9.85', below 0.5, though it was the cost)
    assert not any("9.85" in w for w in d.warnings) and d.confidence >= 0.5


def test_goods_missing_a_part_are_damaged_not_missing() -> None:
    (d,) = draft("6 SKU-12 missing claws, toss them", make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_goods_reserved_for_then_scrapped_against_it_use_the_reserve() -> None:
    # "we reserved for these last year, scrap the 12 X against it" was a loss at 0.85
    (d,) = draft(
        "we reserved for these last year, scrap the 12 SKU-12 against it",
        make_context(items=ITEMS),
    )
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("180.00"))


def test_a_burst_water_main_is_a_flood() -> None:
    (d,) = draft(
        "water main burst in the B-wing linen room. 90 SKU-12 written off",
        make_context(items=ITEMS),
    )
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize("text", ["3 SKU-12 grew legs out of staging", "3 SKU-12 went walkabout"])
def test_idioms_of_goods_gone_are_never_sure(text: str) -> None:
    # theft or shrinkage, the words leave room for either: were 0.97 each
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category in (Category.CASUALTY, Category.SHRINKAGE) and d.confidence < 0.9


# -- held-out round 159 (sets 1309-1316) ------------------------------------------------------


def test_no_idea_how_many_is_a_doubt() -> None:
    # "3 cases ... no idea how many per case, $2.10 each" was 3 x $2.10, sure at 0.97
    drafts = draft(
        "3 cases of PEX elbows crushed, no idea how many per case, $2.10 each", make_context()
    )
    assert all(d.confidence < 0.5 for d in drafts)


def test_a_bid_lost_is_no_write_off() -> None:
    # "we lost the Henderson bid by $3,000" was a $3,000 loss at 0.87
    with pytest.raises(DraftError):
        draft("we lost the Henderson bid by $3,000, ugh", make_context())
    # goods lost are still goods lost
    (d,) = draft("lost the contract pallet: 3 SKU-12 crushed", make_context(items=ITEMS))
    assert d.amount == Decimal("45.00")


def test_the_reserve_reduced_with_no_goods_is_never_sure() -> None:
    # "reduce the reserve by $700": taken back to income, or used? It was used, at 0.97
    (d,) = draft("reduce the reserve by $700", make_context())
    assert d.confidence < 0.9
    # with the goods written off against it, it is used
    (d,) = draft(
        "reduce the reserve by $600 for 40 obsolete SKU-12 binned", make_context(items=ITEMS)
    )
    assert (d.category, d.confidence >= 0.9) == (Category.RESERVE_WRITE_OFF, True)


def test_a_line_total_write_down_that_agrees_is_the_same_write_down() -> None:
    (d,) = draft(
        "mark down 5 SKU-12 from $15 to $10, line total writedown $25", make_context(items=ITEMS)
    )
    assert (d.quantity, d.amount) == (Decimal(5), Decimal("25.00"))


def test_a_case_of_bags_by_weight_in_the_lists_name_is_priced_by_the_case() -> None:
    # "4 cs (12/cs)" of "Mixed vegetables case 12x2 lb" at $24.60 was 48 x $24.60, at 0.87
    items = {"FV-1045": ItemInfo("FV-1045", "Mixed vegetables case 12x2 lb", Decimal("24.60"))}
    (d,) = draft("4 cs (12/cs) of FV-1045 thawed on the dock", make_context(items=items))
    assert d.amount == Decimal("98.40")


def test_two_stories_joined_by_or_and_a_verb_are_a_doubt() -> None:
    # "went walkabout or got binned by mistake": with walkabout the weaker word, the choice
    # was read as binned at 0.85
    (d,) = draft("SKU-12 x2 went walkabout or got binned by mistake", make_context(items=ITEMS))
    assert d.confidence < 0.5


# -- held-out round 160 (sets 1317-1324) ------------------------------------------------------


def test_stock_moved_into_the_reserve_says_no_direction() -> None:
    # "move $800 of the old Halloween stock into the reserve" was a provision at 0.97
    (d,) = draft("move $800 of the old Halloween stock into the reserve", make_context())
    assert d.confidence < 0.9
    # slow-moving stock moves nothing
    (d,) = draft("provide for slow-moving stock: $3,000 to the inventory reserve", make_context())
    assert (d.category, d.confidence >= 0.9) == (Category.RESERVE_PROVISION, True)


def test_fairly_sure_is_a_hedge() -> None:
    # "I'm fairly sure it was theft, 3 X" was theft at 0.97
    (d,) = draft("I'm fairly sure it was theft, 3 SKU-12", make_context(items=ITEMS))
    assert d.confidence < 0.5
    (d,) = draft("quite sure 3 SKU-12 were stolen", make_context(items=ITEMS))
    assert d.confidence >= 0.9


def test_replacements_sent_free_are_no_sure_loss() -> None:
    # "Publisher is sending 5 replacement copies ... no charge" was a loss at 0.97; since
    # round 259 replacements shipped are a vendor's matter, no write-off at all
    try:
        drafts = draft(
            "Publisher is sending 5 replacement copies of SKU-12 for the misprints, no charge",
            make_context(items=ITEMS),
        )
    except DraftError:
        drafts = []
    assert all(d.confidence < 0.5 for d in drafts)
    # replacements refused leave the loss
    (d,) = draft(
        "5 SKU-12 misprinted, publisher won't send replacements, w/o", make_context(items=ITEMS)
    )
    assert d.confidence >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "3 boxes FLT-100 (100 filters/box) torn and dusty",
        "FLT-100: 3 boxes of 100 crushed under a pallet",
        "3 boxes FLT-100, 100 ct each, brittle",
    ],
)
def test_a_pack_size_that_is_also_the_codes_figure_is_still_the_pack(text: str) -> None:
    # the "100" was read as part of the code's name: 3 boxes, not 300 filters
    items = {"FLT-100": ItemInfo("FLT-100", "Chemex filters, box of 100", Decimal("11.50"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(300), Decimal("34.50"))


def test_a_charitys_tax_code_is_no_number() -> None:
    # "a registered 501(c)(3) charity" made a second draft of 501 and a wrong amount
    (d,) = draft(
        "gave 100 SKU-12 to the homeless shelter, it's a 501(c)(3) charity",
        make_context(items=ITEMS),
    )
    assert (d.category, d.quantity, d.amount) == (
        Category.DONATION,
        Decimal(100),
        Decimal("1500.00"),
    )


@pytest.mark.parametrize("text", ["2 lifts of SKU-12 broken", "2 racks of SKU-12 broken"])
def test_lifts_and_racks_hold_many(text: str) -> None:
    # two lifts of drywall were two sheets, at 0.97
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


# -- held-out round 161 (sets 1325-1332) ------------------------------------------------------


def test_deal_with_it_is_no_reason() -> None:
    # "deal" was read as a misspelt "dead": a loss at 0.82 on no reason at all
    items = {"CHN-30": ItemInfo("CHN-30", "5/16in grade 30 chain, per ft", Decimal("2.35"))}
    (d,) = draft("30 ft CHN-30, deal with it", make_context(items=items))
    assert d.reason_assumed and d.confidence < 0.5


def test_a_display_box_in_the_lists_name_is_what_it_prices() -> None:
    # "3 display boxes (24 booklets/bx)" of "Zig-Zag papers, 24ct display box" at $27.60 was
    # 72 x $27.60, at 0.87
    items = {"MCL-2054": ItemInfo("MCL-2054", "Zig-Zag papers, 24ct display box", Decimal("27.60"))}
    (d,) = draft("MCL-2054 3 display boxes (24 booklets/bx) got wet", make_context(items=items))
    assert d.amount == Decimal("82.80")


def test_a_few_of_them_is_a_doubt() -> None:
    # "dropped a case (6/cs) of X, a few of them cracked" was all six, sure at 0.97
    (d,) = draft(
        "dropped a case (6/cs) of SKU-12, a few of them cracked", make_context(items=ITEMS)
    )
    assert d.confidence < 0.5


def test_someone_getting_into_the_locked_cage_is_theft() -> None:
    (d,) = draft(
        "someone got into the locked cage over the weekend, 3 SKU-12 gone",
        make_context(items=ITEMS),
    )
    assert d.category is Category.CASUALTY


def test_a_total_that_is_the_lists_cost_of_one_is_one() -> None:
    # "extended cost $1,450" of an item the list costs $1,450 had no quantity
    items = {"WRF535": ItemInfo("WRF535", "French door fridge 25cf", Decimal("1450.00"))}
    (d,) = draft(
        "WRF535: water line burst inside and ruined the liner, extended cost $1,450",
        make_context(items=items),
    )
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("1450.00"))


def test_exam_gloves_a_hundred_to_the_box_are_not_priced_by_the_pair() -> None:
    # the card asked "are 9 boxes whole pairs?" of "Nitrile glove large, bx/100"
    assert packs.sold_by("Nitrile glove large, bx/100") is None
    assert packs.sold_by("Work gloves leather L") == "pair"


# -- held-out round 162 (sets 1333-1340) ------------------------------------------------------

_BY_THE_KG = {
    "ROO-KG": ItemInfo("ROO-KG", "Rooibos loose leaf, per kg", Decimal("14.90")),
    "CRD-KG": ItemInfo("CRD-KG", "Green cardamom pods, per kg", Decimal("38.50")),
}


def test_bags_of_so_many_grams_of_goods_priced_by_the_kg_are_their_weight() -> None:
    # "10 bags of 500g" was 5,000 kg: $74,500.00, sure at 0.97
    (d,) = draft("10 bags of 500g ROO-KG split open and got wet", make_context(items=_BY_THE_KG))
    assert (d.quantity, d.amount) == (Decimal(5), Decimal("74.50"))


def test_bags_of_a_weight_after_the_code_are_their_weight() -> None:
    # "2 x CRD-KG 5 kg bags" was 2 kg, sure at 0.97 (the 5 kg went unread)
    (d,) = draft("stolen 2 x CRD-KG 5 kg bags from dock 4", make_context(items=_BY_THE_KG))
    assert (d.quantity, d.amount) == (Decimal(10), Decimal("385.00"))


def test_the_n_damaged_ones_are_counted() -> None:
    # "the 2 torn ones" was read as a kind of the goods: one draft, sure, the two torn lost
    drafts = draft(
        "donate 10 SKU-12 to the women's shelter charity; the 2 torn ones get written off",
        make_context(items=ITEMS),
    )
    assert [(d.category, d.quantity) for d in drafts] == [
        (Category.DONATION, Decimal(10)),
        (Category.LOSS, Decimal(2)),
    ]


def test_a_months_shrink_compared_is_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft(
            "Shrink for March came in at $1,842, down from $2,310 in Feb. nice work all",
            make_context(),
        )


@pytest.mark.parametrize("text", ["a case or two of SKU-12 leaked", "one or two SKU-12 cracked"])
def test_one_or_two_is_a_doubt(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_a_sleeve_of_cheap_cups_is_priced_by_the_sleeve() -> None:
    # "45 slv" of "Dart 16oz foam cup, slv/25" at $1.85 was 1,125 cups at $1.85 each:
    # $2,081.25 at 0.87 (a cup at 7 cents fell below the floor a piece's cost is read at)
    items = {"16J16": ItemInfo("16J16", "Dart 16oz foam cup, slv/25", Decimal("1.85"))}
    (d,) = draft("dart 16J16 45 slv torn", make_context(items=items))
    assert d.amount == Decimal("83.25")


# -- held-out round 163 (sets 1341-1348) ------------------------------------------------------


def test_half_a_bag_of_an_item_priced_by_the_bag_is_half_its_cost() -> None:
    # "half a bag of B2B-XH-A (100/bag)" of "..., bag of 100" at $4.10 was 50 x $4.10, at 0.97
    items = {"B2B-XH": ItemInfo("B2B-XH", "JST XH 2-pin header, bag of 100", Decimal("4.10"))}
    (d,) = draft("half a bag of B2B-XH (100/bag) bent", make_context(items=items))
    assert d.amount == Decimal("2.05")


def test_thousands_per_reel_are_pieces_not_dollars() -> None:
    # "(5k/reel)" was read as $5,000 a reel: $20,000.00 at 0.82
    items = {"RC0603": ItemInfo("RC0603", "Resistor 0603 10k, reel of 5000", Decimal("9.80"))}
    (d,) = draft("4 reels RC0603 (5k/reel) crushed by the forklift", make_context(items=items))
    assert d.amount == Decimal("39.20")
    # (reels or their pieces: the pack said as the list's name is no longer taken for the
    # name and set aside, sure)
    assert d.confidence < 0.9


def test_pretty_certain_is_a_hedge() -> None:
    (d,) = draft("pretty certain it was mice, 9 SKU-12 chewed up", make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_an_agreeing_total_after_a_priced_count_is_the_same_write_off() -> None:
    # "7 X at $140 each, total $980 - past the date" made a second draft of $980
    (d,) = draft(
        "7 SKU-12 at $15 each, total $105 - past the expiration date", make_context(items=ITEMS)
    )
    assert (d.quantity, d.amount, d.category) == (Decimal(7), Decimal("105.00"), Category.LOSS)


# -- held-out round 164 (sets 1349-1356) ------------------------------------------------------


def test_id_say_is_a_hedge() -> None:
    (d,) = draft("i'd say half the 40 SKU-12 are ruined", make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_a_denial_that_lists_two_stories_denies_both() -> None:
    # "no sign of damage or a break-in" was read as a break-in: theft at 0.85
    (d,) = draft(
        "We are short 5 SKU-12 against the system, no sign of damage or a break-in.",
        make_context(items=ITEMS),
    )
    assert d.category is Category.SHRINKAGE


def test_not_writing_these_off_is_no_request() -> None:
    # "we're filing a claim with them, not writing these off" was a loss at 0.87
    with pytest.raises(DraftError):
        draft(
            "3 SKU-12 came in torn from the supplier, we're filing a claim with them, not "
            "writing these off",
            make_context(items=ITEMS),
        )
    (d,) = draft("3 SKU-12 torn, why not write them off", make_context(items=ITEMS))
    assert d.amount == Decimal("45.00")


# -- held-out round 165 (sets 1357-1364) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["if 20 SKU-12 were damaged would that hit COGS?", "if 20 SKU-12 got damaged, which account?"],
)
def test_a_what_if_asked_is_no_write_off(text: str) -> None:
    # drafted as a $300 loss at 0.97
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_recount_not_done_is_a_doubt() -> None:
    (d,) = draft(
        "count sheet says 11 SKU-12, rack has 9, but the recount isn't done yet",
        make_context(items=ITEMS),
    )
    assert d.confidence < 0.5


def test_cards_of_goods_priced_each_hold_many() -> None:
    # "5 cards" of buttons priced each were 5 buttons, sure at 0.97
    items = {"BTN-PRL": ItemInfo("BTN-PRL", "Pearl shank button 10mm, each", Decimal("0.35"))}
    (d,) = draft("5 cards BTN-PRL damaged", make_context(items=items))
    assert d.confidence < 0.5
    cards = {"BDAY-01": ItemInfo("BDAY-01", "Birthday card, glitter", Decimal("1.20"))}
    (d,) = draft("5 cards BDAY-01 damaged", make_context(items=cards))
    (plain,) = draft("5 BDAY-01 damaged", make_context(items=cards))
    # cards of an item that is a card are the item: no question, no lower confidence
    assert (d.amount, d.confidence) == (Decimal("6.00"), plain.confidence)


# -- held-out round 166 (sets 1365-1372) ------------------------------------------------------


def test_half_a_case_of_an_item_priced_by_the_carton_is_half_its_cost() -> None:
    # "half a case ... (12 btl/case)" of "Sriracha 17oz, carton of 12" at $41.40 was 6 cartons'
    # worth, $248.40 at 0.97: a case and a carton of twelve are one container
    items = {"SC-SRI": ItemInfo("SC-SRI", "Sriracha 17oz, carton of 12", Decimal("41.40"))}
    (d,) = draft("half a case of SC-SRI smashed (12 btl/case)", make_context(items=items))
    assert d.amount == Decimal("20.70")


def test_no_count_taken_is_a_doubt() -> None:
    (d,) = draft("dmaged bottls SKU-12, didnt get a count", make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_a_write_down_total_beside_the_lists_cost_is_checked_not_doubled() -> None:
    # "mark down 100 X to $3 each, total write-down $220" of X at $5.20 made two drafts of
    # $220 (0.85), and said in one clause it asked for a cost the list gives
    items = {"CD-884": ItemInfo("CD-884", "Kind of Blue CD, jewel case", Decimal("5.20"))}
    for text in (
        "mark down 100 CD-884 to $3 each, total write-down $220",
        "mark down 100 CD-884 to $3 each for a total write-down of $220",
    ):
        (d,) = draft(text, make_context(items=items))
        assert (d.category, d.quantity, d.amount) == (
            Category.WRITE_DOWN,
            Decimal(100),
            Decimal("220.00"),
        ), text
    # a total that disagrees with the list's cost is asked about
    (d,) = draft(
        "mark down 100 CD-884 to $3 each, total write-down $250", make_context(items=items)
    )
    assert d.confidence < 0.9 and any("$250.00" in w for w in d.warnings)


# -- held-out round 167 (sets 1373-1380) ------------------------------------------------------


def test_squares_of_bundles_said_short_are_the_bundles() -> None:
    # "4 sq of X, 3 bdl/sq" of shingles priced by the bundle was 4 bundles, sure at 0.92
    items = {"3T-25": ItemInfo("3T-25", "3-tab 25yr shingle Black, bundle", Decimal("29.85"))}
    (d,) = draft("4 sq of 3T-25, 3 bdl/sq, donated to habitat", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("358.20"))


def test_an_area_of_goods_priced_each_is_no_count() -> None:
    # "40 sq ft of SKU-12" was 40 widgets, sure at 0.97: "sq ft" went unread
    for text in ("40 sq ft of SKU-12 water damaged", "40 sq. ft. SKU-12 damaged"):
        (d,) = draft(text, make_context(items=ITEMS))
        assert d.confidence < 0.9, text
        assert any("sqft" in w for w in d.warnings), text


# -- session of 2026-12-06: known gaps ---------------------------------------------------------


def test_a_new_item_code_of_two_capital_parts_is_the_sku() -> None:
    # "3 SYR-PMK bottles expired $8 ea" was a right amount at 0.97 with no SKU: the code of a
    # new item (two parts of letters) went unread
    for text, sku in (
        ("3 SYR-PMK bottles expired $8 ea", "SYR-PMK"),
        ("2 HT-GIFT tins dented at $12", "HT-GIFT"),
    ):
        (d,) = draft(text, make_context(items=ITEMS))
        assert (d.sku, d.amount) == (sku, Decimal("24.00")), text
        assert d.confidence < 0.9, text  # not on the item list
    # words in capitals are no codes, and neither is a message typed in capitals
    (d,) = draft("3 units SKU-12 damaged, NON-STOCK bin", make_context(items=ITEMS))
    assert d.sku == "SKU-12"
    (d,) = draft("3 WIDGETS DAMAGED AT $8 EA, SEE RE-COUNT", make_context(items=ITEMS))
    assert d.sku != "RE-COUNT"


# -- held-out round 168 (sets 1381-1388) ------------------------------------------------------


def test_money_to_the_inventory_reserve_is_likely_a_build_but_not_sure() -> None:
    # "book $450 to the inventory reserve" was a provision at 0.97: "to" says where the money
    # goes, not which way the reserve moves
    for text in (
        "book $450 to the inventory reserve",
        "post $450 to the excess & obsolete reserve",
    ):
        (d,) = draft(text, make_context())
        assert d.category == Category.RESERVE_PROVISION, text
        assert d.confidence < 0.9, text
    # a word that says which way still makes it sure
    (d,) = draft("add $10,000 to the inventory reserve", make_context())
    assert (d.category, d.confidence >= 0.9) == (Category.RESERVE_PROVISION, True)


def test_write_off_said_first_asks_whatever_was_paid() -> None:
    # refused as "an order or a purchase" for the PO that priced the goods
    (d,) = draft(
        "Write off 14 SKU-12 at $15.00 ea (that's what we paid on the last PO)",
        make_context(items=ITEMS),
    )
    assert (d.quantity, d.amount) == (Decimal(14), Decimal("210.00"))


def test_a_question_aside_then_goods_counted_is_a_report() -> None:
    # refused as a question: the question has no figure, the report after it does
    for text in (
        "is this the channel for breakage? 2 SKU-40 panels cracked when we rehung the wall",
        "hey is the bot working? testing. also 2 SKU-40 busted in the display case, pls w/o",
    ):
        (d,) = draft(text, make_context(items=ITEMS))
        assert (d.quantity, d.amount) == (Decimal(2), Decimal("5.00")), text
    # goods lost some time ago, told as an example of the question, are no report
    with pytest.raises(DraftError):
        draft("does it work for expired stuff? had 50 SKU-12 go off last week", make_context())


# -- held-out round 169 (sets 1389-1396) ------------------------------------------------------


def test_part_of_a_listed_case_is_never_sure() -> None:
    # "a case and a half" of a line priced by its case of 12 was 1.5 cases at 0.97: the
    # golden table counts such parts in cases, a held-out writer in the 18 glasses
    items = {"GLS-TLP-CS": ItemInfo("GLS-TLP-CS", "10oz tulip glass, case of 12", Decimal("40.80"))}
    (d,) = draft("a case and a half of tulips broke, GLS-TLP-CS", make_context(items=items))
    assert d.amount == Decimal("61.20") and d.confidence < 0.9


def test_bottles_of_tablets_are_counted_in_bottles() -> None:
    # "3 dozen ANTAC-96" of "Antacid chewable tablets, btl/96" at $3.05 was 36 tablets, $1.14
    items = {
        "ANTAC-96": ItemInfo("ANTAC-96", "Antacid chewable tablets, btl/96", Decimal("3.05")),
        "ACET-500-100": ItemInfo(
            "ACET-500-100", "Acetaminophen 500mg caplets, btl/100", Decimal("3.85")
        ),
    }
    for text, qty, amount in (
        ("3 dozen ANTAC-96 expired, pulled from the overstock shelf", 36, "109.80"),
        ("ACET-500-100 @ A-3-4: 11 ea outdated", 11, "42.35"),
    ):
        (d,) = draft(text, make_context(items=items))
        assert (d.quantity, d.amount) == (Decimal(qty), Decimal(amount)), text
    # the tablets said are the tablets
    (d,) = draft("40 loose tablets of ANTAC-96 crushed", make_context(items=items))
    assert d.amount == Decimal("1.27")


def test_estimating_is_a_hedge_in_every_tense() -> None:
    # "estimating 10% of the 200 X have dented cans" was sure at 0.87 (a doubt); "estimated"
    # was already one
    for text in ("estimating 10% of the 200 SKU-12 are dented", "estimates 20 SKU-12 dented"):
        (d,) = draft(text, make_context(items=ITEMS))
        assert d.confidence < 0.5, text


# -- held-out round 170 (sets 1397-1404) ------------------------------------------------------


def test_so_many_to_the_case_said_as_the_name_says_it_is_the_pack() -> None:
    # "(12 pr/cs)" of "Leather work gloves L, case of 12 pr" was taken for the name's figures
    # and the 2 cases drafted as 2 pieces at 0.97
    items = {
        "GLV-LTH-L": ItemInfo("GLV-LTH-L", "Leather work gloves L, case of 12 pr", Decimal("79.20"))
    }
    (d,) = draft("2 cs GLV-LTH-L (12 pr/cs) chewed by mice", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(24), Decimal("158.40"))


def test_the_year_of_obsolete_goods_is_no_count() -> None:
    # "obsolete 2019 harness stock, 5 HRN-ALP-M" drafted 2,019 of them beside the 5
    (d,) = draft("obsolete 2019 widgets, 5 SKU-12, toss it", make_context(items=ITEMS))
    assert (d.quantity, d.amount) == (Decimal(5), Decimal("75.00"))
    (d,) = draft("discontinued 2021 widgets: 4 SKU-12 tossed", make_context(items=ITEMS))
    assert d.quantity == Decimal(4)
    # a round count is still one
    (d,) = draft("obsolete 2000 SKU-12 pens, toss", make_context(items=ITEMS))
    assert d.quantity == Decimal(2000)


# -- held-out round 171 (sets 1405-1412) ------------------------------------------------------


def test_cases_times_the_pieces_the_name_gives_are_the_pack() -> None:
    # "4 cases x 12 cans" of "... 13 oz cans, case of 12": "12 cans" was taken for the name's
    # figures and the 4 cases drafted as 4 cans at 0.97
    items = {
        "DIET-KD-CN": ItemInfo(
            "DIET-KD-CN", "Renal diet k/d canine 13 oz cans, case of 12", Decimal("42.36")
        )
    }
    (d,) = draft(
        "DIET-KD-CN 4 cases x 12 cans dented & bulging, toss all", make_context(items=items)
    )
    assert (d.quantity, d.amount) == (Decimal(48), Decimal("169.44"))


def test_a_fire_risk_is_no_fire() -> None:
    # "3 X swollen, fire risk, taking them to the recycler" was a casualty at 0.87
    (d,) = draft("3 SKU-12 swollen, fire risk, taking them to the recycler", make_context())
    assert d.category == Category.LOSS


def test_goods_given_to_a_free_clinic_are_a_donation() -> None:
    (d,) = draft("gave 15 SKU-12 to the free clinic at St. Vincent's", make_context())
    assert d.category == Category.DONATION


def test_asked_to_chuck_goods_past_dating_is_a_request() -> None:
    # refused as a question; "past dating" was no reason
    (d,) = draft("can we chuck 5 SKU-12 kits? they're past dating", make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.LOSS, Decimal("75.00"))


def test_write_the_unit_off_asks_beside_a_refund() -> None:
    # refused as a refund: "pls write the unit off" was not read as asking
    (d,) = draft(
        "customer returned a SKU-12, it's cracked. refunded him $29.99 cash, "
        "pls write the unit off",
        make_context(items=ITEMS),
    )
    assert d.category == Category.LOSS and d.sku == "SKU-12"


def test_a_bare_figure_beside_the_reserve_is_its_money() -> None:
    # "bump the reserve up 850 for slow movers" and "Provision for obsolete ...: 600" read
    # the figure as a count of goods, with no price
    for text, amount in (
        ("bump the reserve up 850 for slow movers", "850.00"),
        ("Provision for obsolete stock: 600", "600.00"),
    ):
        (d,) = draft(text, make_context())
        assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal(amount)), text
    # goods counted after the heading are goods
    (d,) = draft("obsolescence reserve: 40 SKU-12", make_context(items=ITEMS))
    assert d.quantity == Decimal(40)


# -- held-out round 172 (sets 1413-1420) ------------------------------------------------------


def test_whole_cases_the_name_sizes_are_never_sure_whichever_way_counted() -> None:
    # "3 cartons TOB-MRL-CTN" of "Marlboro Red, carton of 10 packs" was 3 cartons at 0.97
    # where a held-out writer counted the 30 packs; the golden table counts "2 cs" of a
    # "case of 24" in cases: the amount is the same, the count is the reader's guess
    items = {
        "TOB-MRL-CTN": ItemInfo(
            "TOB-MRL-CTN", "Marlboro Red, carton of 10 packs", Decimal("72.50")
        ),
        "FUEL230": ItemInfo("FUEL230", "Isobutane fuel canister, case of 24", Decimal("98.40")),
    }
    for text, amount in (
        ("3 cartons TOB-MRL-CTN got wet from the ceiling tile leak", "217.50"),
        ("2 cs FUEL230 expired", "196.80"),
    ):
        (d,) = draft(text, make_context(items=items))
        assert d.amount == Decimal(amount) and d.confidence < 0.9, text
    # the message's own arithmetic says how it counts
    (d,) = draft("2 cs FUEL230 (24/cs) expired", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(48), Decimal("196.80"))


def test_pieces_counted_out_of_cases_stay_pieces_beside_a_total_or_a_case_price() -> None:
    # "3 bags X (25/bag) crushed, $56.25 total" was 3 bags: with no total it was already the
    # 75 pieces (the golden table's rule), at the bags' cost
    items = {
        "CU-EL90": ItemInfo("CU-EL90", "1/2in copper 90 elbow, bag of 25", Decimal("18.75")),
        "CS-PIL-24": ItemInfo("CS-PIL-24", "Town Pils, case of 24 12oz cans", Decimal("19.20")),
    }
    for text, qty, amount in (
        ("3 bags CU-EL90 (25/bag) crushed, $56.25 total", 75, "56.25"),
        ("5 cases of Pils (24/cs) damaged, $19.20/cs. CS-PIL-24", 120, "96.00"),
    ):
        (d,) = draft(text, make_context(items=items))
        assert (d.quantity, d.amount) == (Decimal(qty), Decimal(amount)), text


def test_tubes_counted_out_are_pieces_like_cases() -> None:
    # "6 tubes of X, 100 per tube" of "..., tube of 100" was 6 tubes; cases, bags and boxes
    # counted out this way were already the pieces
    items = {
        "IC-358": ItemInfo("IC-358", "LM358 op amp SOIC-8, tube of 100", Decimal("11.00")),
    }
    (d,) = draft("6 tubes of IC-358, 100 per tube, legs bent. scrap", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(600), Decimal("66.00"))


# -- held-out round 173 (sets 1421-1428) ------------------------------------------------------


def test_bout_is_about_said_short() -> None:
    # "bout 15 X frayed" was sure at 0.97; "a bout of damp" is no hedge
    (d,) = draft("bout 15 SKU-12 frayed", make_context(items=ITEMS))
    assert d.confidence < 0.5
    (d,) = draft("a bout of damp got 15 SKU-12", make_context(items=ITEMS))
    assert d.confidence >= 0.9


def test_the_ones_that_walked_were_taken() -> None:
    # "$2,400 for the dented units and the ones that walked": one amount over damage and
    # theft, sure at 0.97 as a loss
    (d,) = draft("write off $2,400 for the dented units and the ones that walked", make_context())
    assert d.confidence < 0.5


def test_round_173_words() -> None:
    # refused as a refund: the refund denied
    (d,) = draft(
        "not a refund for the cafe, it's a write-off: 4 SKU-12 expired on their shelf",
        make_context(items=ITEMS),
    )
    assert (d.category, d.amount) == (Category.LOSS, Decimal("60.00"))
    # "nicking" was no theft: drafted as shrinkage
    (d,) = draft("someone's been nicking SKU-12 out of the closet, 6 gone", make_context())
    assert d.category == Category.CASUALTY
    # "supposedly" is a hedge
    (d,) = draft("supposedly 50 SKU-12 missing", make_context(items=ITEMS))
    assert d.confidence < 0.5
    # a reserve that needs to go up is built (it was refused)
    (d,) = draft("the obsolescence reserve needs to go up 2k", make_context())
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("2000.00"))


# -- held-out round 174 (sets 1429-1436) ------------------------------------------------------


def test_a_counts_shortfall_is_its_own_story_beside_a_storm() -> None:
    # one amount over storm damage and a count's shrink was a sure casualty
    for text in (
        "$2,000 for the storm damage and the shrink from the Q2 count combined",
        "$1,200 total for the flood + whatever's missing from the count",
    ):
        (d,) = draft(text, make_context())
        assert d.confidence < 0.5, text
    # goods gone in the storm are the storm's
    (d,) = draft("storm last night, 5 SKU-12 missing", make_context(items=ITEMS))
    assert (d.category, d.confidence >= 0.9) == (Category.CASUALTY, True)


def test_round_174_words() -> None:
    # "dropped off the mezz" is fallen, not delivered: it was refused as a purchase ("we pay")
    (d,) = draft("2 cs of SKU-12 (we pay $470/cs) dropped off the mezz", make_context(items=ITEMS))
    assert d.amount == Decimal("940.00")
    # a new item's code of two capital parts, the second of six letters
    (d,) = draft("PRD-SPRMIX x 18 wilted @ $2.40 ea", make_context(items=ITEMS))
    assert (d.sku, d.amount) == ("PRD-SPRMIX", Decimal("43.20"))


def test_goods_out_of_code_are_no_storms_doing() -> None:
    # "Storm last night: 6 X soaked. Also 2 Y out of code" drafted both as the storm's
    items = {**ITEMS, "KEG-1": ItemInfo("KEG-1", "Hazy IPA 1/2 bbl keg", Decimal("118.00"))}
    storm, dated = draft(
        "Storm last night: 6 SKU-12 soaked in the tent. Also 2 KEG-1 out of code, dumping those",
        make_context(items=items),
    )
    assert (storm.category, dated.category) == (Category.CASUALTY, Category.LOSS)


# -- held-out round 176 (sets 1445-1452) ------------------------------------------------------


def test_units_gone_on_a_count_are_short_not_stolen() -> None:
    # "2 units gone, count short" was theft at 0.97 ("units gone" was a thief's phrase)
    (d,) = draft("loc A-07-3, sku SKU-12, 2 units gone, count short", make_context(items=ITEMS))
    assert d.category == Category.SHRINKAGE


# -- held-out round 177 (sets 1453-1460) ------------------------------------------------------


def test_a_showcase_named_by_its_number_is_no_count() -> None:
    # "case 3 lock popped, X x2 gone" drafted 3 of the goods beside the 2
    (d,) = draft("case 3 lock popped, SKU-12 x2 gone. LP notified, it's theft", make_context())
    assert (d.quantity, d.category) == (Decimal(2), Category.CASUALTY)
    # a lock popped is forced, not goods broken: it was a sure loss by 'popped'
    (d,) = draft("display lock popped, 2 SKU-12 gone", make_context())
    assert d.category == Category.CASUALTY


# -- held-out round 179 (sets 1469-1476) ------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["SKU-12 2pr missing @ cage C1", "SKU-12 x2 went missing outta the cage (C-2)"]
)
def test_gone_from_the_cage_said_short_is_theft(text: str) -> None:
    # the locked cage's goods gone are theft (they were shrinkage at 0.87)
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.CASUALTY


def test_goods_found_that_were_thought_stolen_are_no_loss() -> None:
    # "found the 6 X we thought were stolen" drafted the theft at 0.97
    drafts = draft(
        "Marcus found the 6 SKU-12 we thought were stolen, they were in the wrong bin. "
        "Separately, 2 SKU-12 came in cracked from the vendor today, please write those off",
        make_context(items=ITEMS),
    )
    assert drafts and all(d.confidence < 0.5 for d in drafts)


def test_pair_of_said_without_a_is_two() -> None:
    # "pair of robes X torn on the door hook" was left uncounted, a draft with no amount
    (d,) = draft("pair of SKU-12 torn on the door hook", make_context(items=ITEMS))
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("30.00")) and d.confidence < 0.9


def test_a_code_typed_with_spaces_for_its_dashes_is_the_code() -> None:
    # "TS WHT QT x 6" of TS-WHT-QT (a code of letters only, typed in capitals) and "80C GLS
    # 1218" of 80C-GLS-1218 (its first part leads with figures) were unknown goods
    items = {
        **ITEMS,
        "TS-WHT-QT": ItemInfo("TS-WHT-QT", "Topside enamel white (quart)", Decimal("32.75")),
        "80C-GLS-1218": ItemInfo("80C-GLS-1218", "80# cover gloss 12x18 (ream)", Decimal("48.50")),
    }
    (d,) = draft("TS WHT QT x 6 dented, dock room shelf 2", make_context(items=items))
    assert (d.sku, d.amount) == ("TS-WHT-QT", Decimal("196.50"))
    (d,) = draft("80C GLS 1218 - 10 reams torn", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("80C-GLS-1218", Decimal(10), Decimal("485.00"))
    # ... but letters in lower case are words, never a code without a figure
    (d,) = draft("ts wht qt x 6 dented, SKU-12", make_context(items=items))
    assert d.sku == "SKU-12"


@pytest.mark.parametrize("text", ["SKU-12 10rl gummy", "SKU-12 10rm water dmg, row 9"])
def test_rolls_and_reams_glued_to_their_count(text: str) -> None:
    # "10rl", "40rm" were left unread: a draft with no amount
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.quantity, d.amount) == (Decimal(10), Decimal("150.00"))


@pytest.mark.parametrize(
    "text",
    [
        "issued 30 reams SKU-12 to the district office, charge to dept 110",
        "we used 4 bags of SKU-12 in today's brew, batch 221",
        "used 3 SKU-12 on the Hendricks job - just so you know where they went",
        "got 6 SKU-12 back from the shop down the road, they borrowed them last wk",
        "FYI 2 SKU-12 are out for repair at the service center, back in 2 wks",
        "charge 3 SKU-12 to room 1118's folio, guest forgot to sign the slip",
    ],
)
def test_stock_put_to_use_or_lent_is_no_write_off(text: str) -> None:
    # each drafted a routine loss (below 0.5): stock issued, used on a job, lent or out for
    # repair is where it went, not a loss
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))
    # ... and a reason beside it is still drafted
    drafts = draft("used 3 SKU-12 on the Hendricks job, 2 more cracked", make_context(items=ITEMS))
    assert any(d.quantity == Decimal(2) for d in drafts)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a padlock cut and the police called are a break-in's theft (shrinkage by "gone")
        (
            "cage padlock was cut sometime sunday night. 8 SKU-12 gone, cops have been called",
            Category.CASUALTY,
        ),
        # "froze over break" is frozen goods, not a count's "over" (it was an overage)
        (
            "cleaning out aisle 9 we found 4 SKU-12 pails that froze over break, need those "
            "written off",
            Category.LOSS,
        ),
        # toners "streaking" print badly: no "stealing" by a near spelling (it was theft)
        (
            "defectve lot of SKU-12 from the distributor, 5 toners streaking. w/o pls",
            Category.LOSS,
        ),
        # how the goods are sold is no sale of them (refused as a sale)
        (
            "SKU-12 nav light sets (sold by the pair, cost is per pair): 3 pairs fogged up "
            "inside, defective",
            Category.LOSS,
        ),
        (
            "festival recap: sold out of hazy by 4pm, great job all. Unfortunately someone "
            "swiped 7 SKU-12 off the merch table. can someone book that?",
            Category.CASUALTY,
        ),
        # a count's news that goes on to ask for the entry is a request (refused as news)
        (
            "great job on the count team! only discrepancy: SKU-12 down 3 vs system. go ahead "
            "and book it",
            Category.SHRINKAGE,
        ),
        # legal paper is a size of paper, not a legal claim's reserve (refused)
        (
            "increase reserve for obsolete legal paper SKU-12, everyone went to letter size. "
            "150 reams",
            Category.RESERVE_PROVISION,
        ),
        # a plus on the reserve is more of it (refused)
        ("Q4 provision: obsolescence reserve +$3,400", Category.RESERVE_PROVISION),
    ],
)
def test_round_179_reasons(text: str, category: Category) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert [d.category for d in drafts] == [category]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("a grand and a half of cover stock damaged in transit, SKU-12", "1500.00"),
        ("two and a half grand of SKU-12 damaged", "2500.00"),
        ("half a grand of SKU-12 damaged", "500.00"),
    ],
)
def test_halves_of_a_grand(text: str, amount: str) -> None:
    # "a grand and a half" was $1,000 with "half" not understood; "two and a half grand" a
    # count of 2
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.amount == Decimal(amount) and d.confidence >= 0.9


def test_a_new_price_each_after_from_is_no_pieces_per_container() -> None:
    # "marked down 2 rolls X from 315 to 200 each" read 200 pieces in each roll (400 rolls'
    # worth and no amount)
    (d,) = draft("marked down 2 rolls SKU-12 from 15 to 10 each, wrong weave", make_context())
    assert (d.category, d.quantity, d.amount) == (Category.WRITE_DOWN, Decimal(2), Decimal("10.00"))
    items = {"VNL-54": ItemInfo("VNL-54", "Banner vinyl 54in x 150ft (roll)", Decimal("315.00"))}
    (d,) = draft("marked down 2 rolls VNL-54 from 315 to 200 each", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("230.00"))


def test_a_one_letter_place_code_is_no_count() -> None:
    # "SKU-12 x 10, L-40 rack" counted 40 racks; "A-12 bin" drafted goods called A-12
    for text in ("SKU-12 x 10, L-40 rack, torn bags", "SKU-12 x 10, A-12 bin, torn"):
        (d,) = draft(text, make_context(items=ITEMS))
        assert (d.quantity, d.amount) == (Decimal(10), Decimal("150.00"))


def test_the_days_news_counts_no_goods() -> None:
    # "busy day, 14 deliveries. the bleach X that fell off the shelf, 9 jugs" drafted 14
    drafts = draft(
        "busy day, 14 deliveries. the bleach SKU-12 that fell off the top shelf, 9 jugs, can "
        "u write off",
        make_context(items=ITEMS),
    )
    assert [d.quantity for d in drafts] == [Decimal(9)]


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("dropped 2 dozen SKU-DZ on the way to the dishwasher", 24, "55.20"),
        ("half a dozen SKU-DZ broke in the glass washer", 6, "13.80"),
        ("4 pks SKU-6PK (6/pk) mildewed in the back", 24, "108.00"),
        ("3 rolls SKU-RL (100/roll) got dye bleed, ruined", 300, "28.80"),
        # ... but retail packs named by their size are counted as packs
        ("12 6pks SKU-6PK stained, write off", 12, "324.00"),
    ],
)
def test_packs_rolls_and_dozens_counted_out_are_pieces(
    text: str, quantity: int, amount: str
) -> None:
    # a line priced by the dozen, pack or roll, counted in them and multiplied out, was
    # drafted in the list's unit; 45 held-out writers counted the pieces, none the packs
    items = {
        "SKU-DZ": ItemInfo("SKU-DZ", "Logo pint glass (dozen)", Decimal("27.60")),
        "SKU-6PK": ItemInfo("SKU-6PK", "Pillowcase standard (pack of 6)", Decimal("27.00")),
        "SKU-RL": ItemInfo("SKU-RL", "Gift bow roll (100/roll)", Decimal("9.60")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_retail_packs_priced_by_the_pack_are_never_sure_of_their_count() -> None:
    # "12 4pks ..., $5.20 per 4pk" drafted the 48 pieces at 0.97 (the golden table's count)
    # where a held-out writer counted the 12 packs
    (d,) = draft("12 4pks of hand sanitizer damaged, $5.20 per 4pk", make_context())
    assert (d.quantity, d.amount) == (Decimal(48), Decimal("62.40")) and d.confidence < 0.9


def test_part_of_a_listed_case_said_with_a_figure_is_never_sure() -> None:
    # "1.5 cases butter X" of "..., case of 36": 1.5 cases or 54 pieces? (sure in cases,
    # where the writer counted pieces; "a case and a half" was never sure already)
    items = {"BTR": ItemInfo("BTR", "Butter unsalted 1 lb (case of 36)", Decimal("142.20"))}
    (d,) = draft("1.5 cases butter BTR rancid", make_context(items=items))
    assert d.amount == Decimal("213.30") and d.confidence < 0.9


# -- held-out round 180 (sets 1477-1484) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "we set up an obsolescence reserve last quarter - use it for these: 5 SKU-12, old stock",
        "we set up a reserve last qtr for exactly this. relieve it for 5 SKU-12, expired",
        "we topped up the reserve last month, now take 5 SKU-12 out of it (old design)",
    ],
)
def test_a_reserve_built_before_and_used_now_is_used(text: str) -> None:
    # the build's words told the reserve's history: each was drafted as building it
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("75.00"))


def test_a_count_then_its_parts_drafts_the_parts() -> None:
    # "6 X: 4 cracked, 2 donated" drafted the 6 beside the 4 and the 2
    drafts = draft("6 SKU-12: 4 cracked, 2 donated to the school rodeo", make_context(items=ITEMS))
    assert [(d.category, d.quantity) for d in drafts] == [
        (Category.LOSS, Decimal(4)),
        (Category.DONATION, Decimal(2)),
    ]


def test_the_actual_count_said_short() -> None:
    # "sys 40 / act 36" drafted 40 lost at 0.32
    (d,) = draft("cyc ct 10/14 bin W-22: SKU-12 sys 40 / act 36", make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, Decimal(4))


# -- held-out round 181 (sets 1485-1492) ------------------------------------------------------


def test_pieces_taken_out_of_the_lists_case_are_its_share() -> None:
    # "8 cartons from OAT32-12" of "..., case of 12" drafted 8 cases
    items = {"OAT": ItemInfo("OAT", "Oat milk barista 32oz (case of 12)", Decimal("41.40"))}
    (d,) = draft("expired oat milk, 8 cartons from OAT", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(8), Decimal("27.60"))
    # ... whole cases from it stay cases
    (d,) = draft("2 cases from OAT expired", make_context(items=items))
    assert d.amount == Decimal("82.80")


# -- held-out round 182 (sets 1493-1500) ------------------------------------------------------


def test_set_aside_against_obsolete_stock_builds_the_reserve() -> None:
    # "set aside $300 against obsolete greeting card stock" was a sure loss
    (d,) = draft("set aside $300 against obsolete greeting card stock", make_context())
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("300.00"))
    # ... and goods written off against the obsolete stock reserve use it
    (d,) = draft("write off 3 SKU-12 against obsolete reserve", make_context(items=ITEMS))
    assert d.category == Category.RESERVE_WRITE_OFF


def test_a_write_down_priced_per_dozen_is_the_dozens() -> None:
    # "mark down 5 dz X from $21/dz to $9/dz" wrote down 60 x $12 = $720 at 0.97
    items = {"MASK": ItemInfo("MASK", "Masquerade masks (dozen)", Decimal("21.00"))}
    (d,) = draft("mark down 5 dz MASK from $21/dz to $9/dz, old designs", make_context(items=items))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("60.00"))
    (d,) = draft("mark down 5 cases of SKU-12 (12/cs) from $120/cs to $60/cs", make_context())
    assert d.amount == Decimal("300.00")


@pytest.mark.parametrize(
    "text",
    [
        # counted by a price per case and a total: cases or the 720 cups? (sure in cases)
        "3 cs cups CUP-CS at $31.20/cs crushed, total $93.60",
        # flats of single canisters: how many in a flat? (sure at 3 canisters)
        "3 flats of SKU-12 run over by the pallet jack",
    ],
)
def test_round_182_readings_are_never_sure(text: str) -> None:
    items = {
        **ITEMS,
        "CUP-CS": ItemInfo("CUP-CS", "Plastic cups 16oz red (case of 240)", Decimal("31.20")),
    }
    drafts = draft(text, make_context(items=items))
    assert drafts and all(d.confidence < 0.9 for d in drafts)


def test_on_break_is_a_rest_not_damage() -> None:
    # "2 got pinched off the counter display while Jen was on break" was a sure loss by "break"
    (d,) = draft(
        "pruners SKU-12: 2 got pinched off the counter display while Jen was on break",
        make_context(items=ITEMS),
    )
    assert d.category == Category.CASUALTY


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # a reserve that "needs" money is built (refused, or no amount read)
        (
            "obsolescence reserve needs $180 more for the christmas cards",
            Category.RESERVE_PROVISION,
            "180.00",
        ),
        (
            "the slow-moving reserve needs another 850 added for the old gaskets",
            Category.RESERVE_PROVISION,
            "850.00",
        ),
        # "per Priya's review" is who said so, no unit the money is per
        (
            "allowance for obsolete stock needs to go up by $3,250 per Priya's review",
            Category.RESERVE_PROVISION,
            "3250.00",
        ),
        # a heading's bare figure is the reserve's money (it was a count of 1,800)
        ("E&O reserve top-up 1,800", Category.RESERVE_PROVISION, "1800.00"),
        # "did the wig wall w/ Tasha." tells the job done: no question (refused)
        (
            "did the wig wall w/ Tasha. / count is off on SKU-12. books say 20, only 14 on the peg",
            Category.SHRINKAGE,
            "90.00",
        ),
        # a thief's stuffing inside his jacket (shrinkage at 0.87)
        (
            "cctv shows a guy stuffing 2 SKU-12 inside his jacket, gone before i got to the door",
            Category.CASUALTY,
            "30.00",
        ),
        # misbound books are damaged (refused as stock received)
        ("a quarter of the 80 SKU-12 that came in are misbound", Category.LOSS, "300.00"),
        # how deep the water stood is no count (6 of the goods)
        (
            'flood at the store, 6" of water in the back room. 14 SKU-12 filters destroyed',
            Category.CASUALTY,
            "210.00",
        ),
    ],
)
def test_round_182_words(text: str, category: Category, amount: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (category, Decimal(amount))


def test_a_choice_not_remembered_is_a_doubt() -> None:
    # "$85 of magazines damaged or returned, can't remember which" was a loss at 0.85
    (d,) = draft("$85 of magazines damaged or returned, can't remember which", make_context())
    assert d.confidence < 0.5


def test_a_person_fine_is_no_goods_fine() -> None:
    # "all garbage. Luis is ok" was refused as goods that are fine
    drafts = draft(
        "whole pallet of SKU-12 tipped off the forklift at dock 2 at 10:30. all garbage. "
        "Luis is ok",
        make_context(items=ITEMS),
    )
    assert drafts


# -- held-out round 183 (sets 1501-1508) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("3 cs DEV30-CS4 came off the lift, every jug leaking", 12, "201.60"),
        ("half a box of HNGR-50 hangers snapped during the move", 25, "9.00"),
        # ... retail packs, sets and pairs stay the list's unit
        ("3 packs FLR-3PK expired", 3, "192.00"),
    ],
)
def test_whole_listed_cases_and_boxes_are_counted_in_pieces(
    text: str, quantity: int, amount: str
) -> None:
    # the golden table's own rule: the list's name gives the size, the pieces are the count
    # (held-out writers: 75 drafts right with it, 24 wrong, on 40 sets; drafted in cases)
    items = {
        "DEV30-CS4": ItemInfo("DEV30-CS4", "Developer 30 vol gallon (case of 4)", Decimal("67.20")),
        "HNGR-50": ItemInfo("HNGR-50", "Padded hangers (box of 50)", Decimal("18.00")),
        "FLR-3PK": ItemInfo("FLR-3PK", "Aerial flares 12ga (pack of 3)", Decimal("64.00")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount)) and d.confidence < 0.9


def test_a_listed_codes_letters_are_no_misspelt_reason() -> None:
    # "received 1 MACE/MON1 on PO 10000, all good, no damage" read "MACE" as "mice" (damage)
    items = {s: ItemInfo(s, "item", Decimal(1)) for s in ("MON0", "MACE/MON1")}
    with pytest.raises(DraftError):
        draft("received 1 MACE/MON1 on PO 10000, all good, no damage", make_context(items=items))


def test_a_size_inside_a_code_is_part_of_the_code() -> None:
    # "MON-SZ1" lost its "SZ1" as a garment's size, and the unknown item went unseen (0.97)
    items = {s: ItemInfo(s, "item", Decimal(1)) for s in ("MON0", "MON1")}
    (d,) = draft("1 MON0 broken, MON-SZ1 too", make_context(items=items))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "sku"),
    [
        ("BR-7719 crystal bridal belt, 2 pcs broken, $55 each", "BR-7719"),
        ("PLW-FTH-STD feather pillows x2, $55 ea, split open", "PLW-FTH-STD"),
    ],
)
def test_goods_named_by_a_code_the_list_does_not_know_are_not_a_listed_item(
    text: str, sku: str
) -> None:
    # the words after a new item's code named a listed one ("bridal" gown, "pillow" cases),
    # which was drafted at the stated price (five trades in rounds 179-183)
    items = {
        "GWN-2291": ItemInfo("GWN-2291", "Bridal gown A-line ivory sz 8", Decimal("1140.00")),
        "PC-STD-6PK": ItemInfo("PC-STD-6PK", "Pillowcase standard (pack of 6)", Decimal("27.00")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.sku, d.amount) == (sku, Decimal("110.00"))


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # a figure glued to its dozens (it read one dozen)
        ("TWL-DZ 3dz mildew, bin T-01", 36, "126.00"),
        # a share "of a dozen" (it read the whole dozen)
        ("three quarters of a dozen TWL-DZ bleached out", 9, "31.50"),
    ],
)
def test_dozens_glued_or_shared(text: str, quantity: int, amount: str) -> None:
    items = {"TWL-DZ": ItemInfo("TWL-DZ", "Bleach-safe towels (dozen)", Decimal("42.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_none_survived_is_no_goods_fine() -> None:
    # "2 cases smashed / not a single bottle survived" was refused as goods that are fine
    drafts = draft(
        "SKU-12 x 2 cases smashed off the hand truck / not a single bottle survived",
        make_context(items=ITEMS),
    )
    assert drafts


# -- held-out round 184 (sets 1509-1516) ------------------------------------------------------


_CASED_184 = {
    "RT800K": ItemInfo("RT800K", "Roll towel 8in x 800ft (case of 6 rolls)", Decimal("31.50")),
    "GLV-M": ItemInfo("GLV-M", "Nitrile gloves black, medium (box of 100)", Decimal("12.40")),
    "FLT": ItemInfo("FLT", "Chemex filters (box of 100)", Decimal("11.00")),
    "T8": ItemInfo("T8", "LED T8 tube 4ft (case of 25)", Decimal("112.50")),
    "WAX": ItemInfo("WAX", "Universal wax 60g (case of 24)", Decimal("96.00")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # a price per case that is the list's: the cases' money, their pieces counted
        ("6 cs RT800K @ 31.50/cs smashed by the clamp truck", 36, "189.00"),
        ("gloves: 30 boxes GLV-M torn, $12.40/box, total $372", 3000, "372.00"),
        # a share of boxes is boxes, counted out
        ("20% of the 5 boxes of FLT we got on PO 88213 were torn", 100, "11.00"),
    ],
)
def test_priced_or_shared_listed_cases_are_counted_in_pieces(
    text: str, quantity: int, amount: str
) -> None:
    # each was drafted at 0.97 in cases or boxes where the writer counted the pieces
    (d,) = draft(text, make_context(items=_CASED_184))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount)) and d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "1 pallet T8 (24 cs per pallet) came off the forks, every tube busted",
        "12 cs WAX - write down to $60/cs, new formula is out",
    ],
)
def test_listed_cases_left_in_cases_are_never_sure(text: str) -> None:
    # a pallet's cases, and a write-down of cases: sure in cases, the writer counted pieces
    (d,) = draft(text, make_context(items=_CASED_184))
    assert d.confidence < 0.9


def test_a_price_each_whose_total_is_said_is_no_pieces_per_container() -> None:
    # "4 drums presoak, 412 each, 1,648 total": 1,648 pieces, and "bungs" read as bugs
    items = {"PS-DRM": ItemInfo("PS-DRM", "Presoak detergent, 55 gal drum", Decimal("412.00"))}
    drafts = draft(
        "write off 4 drums PS-DRM, 412 each, 1,648 total - bungs were loose, contaminated",
        make_context(items=items),
    )
    assert [(d.quantity, d.amount) for d in drafts] == [(Decimal(4), Decimal("1648.00"))]


def test_funding_the_reserve_builds_it() -> None:
    # "please fund the E&O reserve with $1,800 this month" was refused
    (d,) = draft("please fund the E&O reserve with $1,800 this month", make_context())
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("1800.00"))


def test_a_bag_of_single_pieces_asks_how_many() -> None:
    # "1 bag of CBLMICRO damaged" of "Micro-USB cable 3ft" at $0.95 drafted one cable, sure
    items = {"CBL": ItemInfo("CBL", "Micro-USB cable 3ft", Decimal("0.95"))}
    (d,) = draft("1 bag of CBL damaged", make_context(items=items))
    assert d.confidence < 0.5
    # ... goods the list sells in a bag are counted in bags
    items = {"MUL": ItemInfo("MUL", "Red mulch 2 cu ft bag", Decimal("4.20"))}
    (d,) = draft("3 bags of MUL torn", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(3), Decimal("12.60"))


# -- held-out round 185 (sets 1517-1524) ------------------------------------------------------


def test_each_after_cases_of_unknown_size_is_never_sure() -> None:
    # "4 cases of suction canisters crushed, $2.10 each": each case or each canister? (0.97)
    (d,) = draft("4 cases of suction canisters crushed, $25 each", make_context())
    assert d.amount == Decimal("100.00") and d.confidence < 0.9
    (d,) = draft("4 cases of suction canisters crushed, $25 per case", make_context())
    assert d.confidence >= 0.9


def test_a_plus_beside_the_reserve_builds_it_only_with_money() -> None:
    # "the E&O reserve + the 8 obsolete X, can you book it" was a sure build by "reserve +"
    (d,) = draft(
        "the E&O reserve + the 8 obsolete SKU-12, can you book it", make_context(items=ITEMS)
    )
    assert d.confidence < 0.9
    (d,) = draft("Q4 provision: obsolescence reserve +$3,400", make_context())
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("3400.00"))


def test_cases_counted_out_of_a_pallet_are_their_pieces() -> None:
    # "1 pallet (60 cs) J8A-12" of "..., case of 12" drafted the 60 cases at 0.87
    items = {"J8A-12": ItemInfo("J8A-12", "8oz amber jar (case of 12)", Decimal("21.60"))}
    (d,) = draft("1 pallet (60 cs) J8A-12 tipped at dock 4, all broken", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(720), Decimal("1296.00")) and d.confidence < 0.9


# -- held-out round 186 (sets 1525-1532) ------------------------------------------------------


def test_bottles_of_counted_tablets_are_never_sure_of_their_count() -> None:
    # "7 bottles of X" of "Atorvastatin 20mg tabs (bottle of 500)": 7 bottles or 3,500 tablets?
    # a pharmacy's writer counted tablets (nine sure drafts), a drugstore's the bottles
    items = {"ATV": ItemInfo("ATV", "Atorvastatin 20mg tabs (bottle of 500)", Decimal("41.25"))}
    (d,) = draft("recall on lot 4471B, we have 7 bottles of ATV, pulled", make_context(items=items))
    assert d.amount == Decimal("288.75") and d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "strawberries got fuzzy lol. 5 flats of SKU-12, straight in the compost",
        "russets SKU-12 greened up under the lights, pulling 16 sacks",
        "1 case (12 heads) SKU-12 green leaf w/ tipburn",
        "3 cs (24/cs) SKU-12 romaine slimed",
    ],
)
def test_a_produce_wholesalers_spoilage_is_a_loss(text: str) -> None:
    # no reason word was read (refused without a code, a loss assumed below 0.5 with one)
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.LOSS and not d.reason_assumed


# -- held-out round 187 (sets 1533-1540) ------------------------------------------------------


def test_round_187_readings_are_never_sure() -> None:
    # "2 boxes of" a glasses case (the case is the goods): boxes of how many? (sure at 2)
    items = {"HSC": ItemInfo("HSC", "Hard shell glasses case, black", Decimal("1.85"))}
    (d,) = draft("2 boxes of HSC crushed", make_context(items=items))
    assert d.confidence < 0.5
    # "a reserve entry" says no direction (built at 0.97)
    (d,) = draft("book a reserve entry $1,100 for old chafers", make_context())
    assert d.confidence < 0.9


def test_round_187_counts_and_locks() -> None:
    # the shelf's and the system's figures on lines of their own (it drafted the 14)
    (d,) = draft("shrinkge on SKU-12\nshelf 11\nsystem 14", make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, Decimal(3))
    # the cage's lock cut is a break-in (shrinkage by "gone")
    (d,) = draft("cage C1: SKU-12 x14 gone, lock on the cage was cut", make_context(items=ITEMS))
    assert d.category == Category.CASUALTY


def test_boxes_said_after_an_x_count_are_their_pieces() -> None:
    # "ANC-SL38 x4 bx crushed" read a bare 4 (asking boxes or pieces)
    items = {"ANC": ItemInfo("ANC", "Sleeve anchor 3/8 x 3in (box of 50)", Decimal("38.60"))}
    (d,) = draft("A12-03 shelf: ANC x4 bx crushed", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(200), Decimal("154.40"))


# -- held-out round 188 (sets 1541-1548) ------------------------------------------------------


def test_cases_of_a_case_slash_size_line_cost_the_cases() -> None:
    # "3 cs 4S1030-CS (12/cs)" of "... (case/12)" at $78 drafted 36 x $78 = $2,808.00 at 0.97
    items = {"4S1030-CS": ItemInfo("4S1030-CS", "4-stroke oil 10W-30 (case/12)", Decimal("78.00"))}
    (d,) = draft("3 cs 4S1030-CS (12/cs) stolen off the dock cart", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(36), Decimal("234.00")) and d.confidence < 0.9


# -- held-out round 189 (sets 1549-1556) ------------------------------------------------------

_KIT_189 = {"FLK": ItemInfo("FLK", "12 gauge aerial flare kit, 4-pack", Decimal("89.99"))}
_CHEW_189 = {"NXG": ItemInfo("NXG", "NexGard chew 24-60lb, 6-pack", Decimal("98.40"))}


@pytest.mark.parametrize(
    ("text", "items", "quantity", "amount"),
    [
        # the goods' word elsewhere in the message counted the bare 5 in flares ($112.49)
        ("expired flares again FLK qty 5, dates ran out", _KIT_189, "5", "449.95"),
        ("obsolete nexgard (old packaging): 12 NXG, write off", _CHEW_189, "12", "1180.80"),
        # the kits the list sells, counted as kits (7 flares, $157.48)
        ("flares expierd - FLK, 7 kits. pls w/o", _KIT_189, "7", "629.93"),
        # the pack spelt out is the list's pack ("5 four-packs": 20 flares)
        ("5 four-packs of flares FLK soaked", _KIT_189, "5", "449.95"),
        # the pieces said with the count are still pieces
        ("9 flares FLK expired", _KIT_189, "9", "202.48"),
    ],
)
def test_a_retail_pack_is_counted_as_the_list_counts_it(
    text: str, items: dict[str, ItemInfo], quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_a_reserve_moved_before_is_the_storys_background() -> None:
    # the move last month and the top-up now were drafted as two entries at 0.97
    text = (
        "we took $900 out of the reserve last month for the boxes. now top it up by $900 "
        "again for the next batch of obsolete stuff"
    )
    (d,) = draft(text, make_context())
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("900.00"))
    assert d.confidence < 0.9
    # said short, it was refused as talk about the past
    (d,) = draft("we took $900 out of the reserve last month. top it up by $900", make_context())
    assert d.category == Category.RESERVE_PROVISION


_BOXED_189 = {
    "PEN": ItemInfo("PEN", "BIC Round Stic pens, black (box/12)", Decimal("2.40")),
    "BNK": ItemInfo("BNK", "Bankers Box storage boxes, carton of 12", Decimal("38.40")),
    "HC-CS": ItemInfo("HC-CS", "Hair color 10A lightest ash, case of 12 tubes", Decimal("69.00")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # a gross is twelve dozen pens, not 144 boxes ($345.60 at 0.87)
        ("a gross of PEN pens water damaged in the back", "144", "28.80"),
        # the containers said after the code are the list's cartons, counted out
        ("crushed!! 4 BNK cartons at the bottom of the stack", "48", "153.60"),
        # a code ending in the case counts the case's tubes too
        ("2 cs HC-CS got wet", "24", "138.00"),
        ("HC-CS 1 cs + 4 loose tubes crushed, row 14", "16", "92.00"),
    ],
)
def test_round_189_containers_counted_out(text: str, quantity: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_BOXED_189))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert d.confidence < 0.9


# -- held-out round 191 (sets 1565-1572) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "items", "first", "second"),
    [
        (
            "3 S22 screens cracked + 2 stolen out of the van S22D",
            {"S22D": ItemInfo("S22D", "Galaxy S22 display assembly", Decimal("168.00"))},
            (Category.LOSS, "504.00"),
            (Category.CASUALTY, "336.00"),
        ),
        (
            "10 navy L hoodies damaged + 4 went missing from the rack (HD-L)",
            {"HD-L": ItemInfo("HD-L", "Crest hoodie navy, L", Decimal("27.80"))},
            (Category.LOSS, "278.00"),
            (Category.SHRINKAGE, "111.20"),
        ),
    ],
)
def test_a_count_and_goods_in_a_few_words_are_a_part_of_their_own(
    text: str,
    items: dict[str, ItemInfo],
    first: tuple[Category, str],
    second: tuple[Category, str],
) -> None:
    # the first part's goods ran to more than a word, so it was read with the second as one
    # write-off of the second's count and reason ("several reasons")
    a, b = draft(text, make_context(items=items))
    assert (a.category, a.amount) == (first[0], Decimal(first[1]))
    assert (b.category, b.amount) == (second[0], Decimal(second[1]))


@pytest.mark.parametrize(
    ("text", "items", "amount"),
    [
        # a bracketed code after the goods' name, "a" before it (asked for an amount)
        (
            "ugh. someone stole a jellycat bashful bunny (JCB) off the front table",
            {"JCB": ItemInfo("JCB", "Jellycat Bashful Bunny medium", Decimal("15.00"))},
            "15.00",
        ),
        # one thing's price, said as what was paid for it
        (
            "tossing the broken concert uke from the display, neck's split. we paid $48 for it",
            {},
            "48.00",
        ),
    ],
)
def test_one_thing_said_in_the_singular_is_one_unit(
    text: str, items: dict[str, ItemInfo], amount: str
) -> None:
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(1), Decimal(amount))


_CASED_192 = {
    "OIL": ItemInfo("OIL", "4-stroke outboard oil 10W-30 quart, case of 12", Decimal("107.88")),
    "CHD": ItemInfo("CHD", "House Chardonnay 750ml, case of 12", Decimal("96.00")),
    "SQM": ItemInfo("SQM", "Squishmallow 8in assorted (case/24)", Decimal("168.00")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # the loose quarts were dropped (12 quarts)
        ("1 case OIL plus 3 loose qts, all contaminated w water", "15", "134.85"),
        ("SQM 1 cs + 6 loose, moldy, back room shelf 5", "30", "210.00"),
        # loose ones first, more of them than a case holds (15 bottles at a case's cost each)
        ("rack collapse: 15 loose btls + 2 full cases of CHD broken", "39", "312.00"),
    ],
)
def test_whole_cases_and_loose_pieces_of_a_listed_case(
    text: str, quantity: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_CASED_192))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))
    assert d.confidence < 0.9


def test_a_demo_unit_named_after_its_code_is_one() -> None:
    # the reserve's money drafted with no count at 0.97; the writer counted the one unit
    items = {"SG14S": ItemInfo("SG14S", "Countertop griddle 14in", Decimal("2340.00"))}
    text = "relieve the E&O reserve $2,340 - scrapped the SG14S demo unit, obsolete"
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.quantity, d.amount) == (
        Category.RESERVE_WRITE_OFF,
        Decimal(1),
        Decimal("2340.00"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "B14G2 & BA-0314-00: 2 each punctured in the drum room demo",
        "B14G2 / BA-0314-00 - 2 heads each busted",
        "B14G2, BA-0314-00 two each broken",
    ],
)
def test_the_same_count_of_each_of_two_codes(text: str) -> None:
    # one draft of the first code only (a list's code without a dash, a count word, or the
    # goods' word before "each" were not read as the shared count)
    items = {
        "B14G2": ItemInfo("B14G2", "Evans G2 coated 14in drumhead", Decimal("19.00")),
        "BA-0314-00": ItemInfo("BA-0314-00", "Remo Ambassador coated 14in", Decimal("18.50")),
    }
    a, b = draft(text, make_context(items=items))
    assert (a.sku, a.quantity, b.sku, b.quantity) == ("B14G2", 2, "BA-0314-00", 2)


@pytest.mark.parametrize(
    "text",
    [
        # news of a price
        "new price on SKU-12 from the vendor is $54.50 starting june",
        "heads up copper went up 8% this week, SKU-12 is $104 now",
        "lol SKU-12 is $214.50 now?? they raised prices again",
        "lol the 14x14 boxes are $57 a bundle now?? highway robbery",
        "price check: SKU-12 we sell at 54.99?",
        # asked how to use the bot
        "how do i reverse the entry from tuesday for the 2 water heaters",
        "how do I write stuff off? like if 5 paint sets are damaged what do I type",
        "whats the difference between shrinkage and a write-off",
        # stock gone as it should, or fine
        "sent 40 tubes SKU-12 to the salon in Tulsa, invoice 10233",
        "we sold 20 tubs SKU-12 to the school district, $30 each",
        "the Patel order (10 SKU-12, 5 SKU-410) is packed and on dock 2",
        "Dale picked up 8 bags of SKU-12 on account, put it on his tab",
        "lol the display fell over again, nothing broke tho",
        "client's dog grabbed a SKU-12 off the counter and ate it, they paid for it, $16.40",
        "petty cash drawer is $40 short this week, can you look into it",
    ],
)
def test_round_189_194_chatter_is_no_write_off(text: str) -> None:
    # each was drafted (rounds 189-194), none at 0.9
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        "monthly count done, everything matched except SKU-12, system 20 shelf 17",
        "3 SKU-12 recalled by the vendor, $45 total and they're not crediting us",
    ],
)
def test_a_loss_beside_the_chatter_words_is_drafted(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.amount == Decimal("45.00")


def test_a_code_read_from_part_of_the_lists_code_is_never_sure() -> None:
    # "SKU QP-405" of QP405-BLK was read as the list's code at 0.97; another colour may be meant
    items = {"QP405-BLK": ItemInfo("QP405-BLK", "Q.PEAK DUO BLK 405W panel", Decimal("188.00"))}
    (d,) = draft("SKU QP-405 cracked x2", make_context(items=items))
    assert (d.sku, d.amount) == ("QP405-BLK", Decimal("376.00")) and d.confidence < 0.9
    assert any("QP-405" in line for line in d.explanation)


@pytest.mark.parametrize(
    ("text", "item", "quantity", "amount"),
    [
        # a pair by its name: two glasses, not two halves of one pair ($5.50)
        (
            "write off 2 reading glasses RDG pls, lenses popped out on the spinner rack",
            ItemInfo("RDG", "Reading glasses +1.50, pair", Decimal("5.50")),
            "2",
            "11.00",
        ),
        # the list's box size said again beside the loose ones (60 tubes at a box's cost)
        (
            "TUB 2 boxes of 25 + 10 loose ones, all torn at the valve stem",
            ItemInfo("TUB", "Inner tube 26x1.95 schrader, box of 25", Decimal("87.50")),
            "60",
            "210.00",
        ),
        # "just the one" beside the code (asked for an amount)
        (
            "someone pocketed a thermometer off the counter display, THM, just the one",
            ItemInfo("THM", "Digital thermometer", Decimal("6.80")),
            "1",
            "6.80",
        ),
    ],
)
def test_round_193_counts(text: str, item: ItemInfo, quantity: str, amount: str) -> None:
    (d,) = draft(text, make_context(items={item.sku: item}))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_an_amount_after_the_goods_is_their_total() -> None:
    # the amount on its own after a heading's goods was drafted as a second entry at 0.97
    text = "donation to the cancer center charity: 10 SKU-12 battings, $420 total value"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity, d.amount) == (Category.DONATION, 10, Decimal("420.00"))


_WEIGHED_196 = {
    "TOM": ItemInfo("TOM", "Roma tomatoes, box of 25 lb", Decimal("28.75")),
    "BAN": ItemInfo("BAN", "Bananas, case of 40 lb", Decimal("23.20")),
}


def test_a_container_sold_by_weight_holds_its_weight() -> None:
    # "box of 25 lb" was read as a box of 2 (8 pieces for "4 bx")
    (d,) = draft(
        "tomatoes 4 bx, split skins after the heat wave, TOM", make_context(items=_WEIGHED_196)
    )
    assert d.amount == Decimal("115.00") and d.quantity != 8
    # boxes or pounds: writers count either, so never sure
    assert d.confidence < 0.9
    (d,) = draft("pls write off 45 lb of bananas BAN, overripe", make_context(items=_WEIGHED_196))
    assert (d.quantity, d.amount) == (45, Decimal("26.10"))


def test_a_count_named_as_the_box_prices_the_box() -> None:
    # "Crayons 24ct (box/24)" at $1.45: 20 boxes were 480 crayons at $1.45 each ($696.00)
    items = {"CRY": ItemInfo("CRY", "Crayons 24ct (box/24)", Decimal("1.45"))}
    (d,) = draft("20 boxes of crayons CRY damaged", make_context(items=items))
    assert (d.quantity, d.amount) == (480, Decimal("29.00"))


def test_boxes_of_a_line_priced_per_square_foot_ask_how_many_feet() -> None:
    # three boxes at the square foot's $4.25 were drafted at 0.97
    items = {"SLT": ItemInfo("SLT", "Multicolor slate tile, per sq ft", Decimal("4.25"))}
    (d,) = draft("3 boxes of slate SLT cracked", make_context(items=items))
    assert d.confidence < 0.5
    (d,) = draft("40 sq ft of slate SLT cracked", make_context(items=items))
    assert d.amount == Decimal("170.00")


def test_the_difference_said_on_a_line_of_its_own() -> None:
    # the count's "15" followed by "\nso 3 short" was read as "15 short": 18 drafted
    text = "SKU-12: system says 18, shelf has 15\nso 3 short, pls book it"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, 3)


def test_a_dozen_pairs_is_priced_by_the_dozen() -> None:
    # "MIG gloves cowhide, dozen pairs" at $102 was read as priced by the pair: "2 dz" was
    # 24 x $102 = $2,448.00
    items = {"GLV": ItemInfo("GLV", "MIG gloves cowhide, dozen pairs", Decimal("102.00"))}
    (d,) = draft(
        "give 2 dz MIG gloves GLV to the habitat for humanity crew", make_context(items=items)
    )
    assert (d.category, d.amount) == (Category.DONATION, Decimal("204.00"))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # asked politely, the bot's own entries (refused as questions)
        (
            "can we add $650 to the obsolescence reserve? the old stuff just isnt selling",
            Category.RESERVE_PROVISION,
        ),
        (
            "can we mark the 250ml SKU-12 down from 5.40 to 3.00? 40 pcs, old etched style",
            Category.WRITE_DOWN,
        ),
    ],
)
def test_a_reserve_move_or_a_markdown_asked_politely_is_drafted(
    text: str, category: Category
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


def test_a_container_named_as_the_goods_is_no_pack() -> None:
    # "Sharps container 2 gal, case of 20": the list sells the case; "container" named the
    # goods, so the case was never counted out (1 case drafted as 1 piece)
    items = {"SHRP": ItemInfo("SHRP", "Sharps container 2 gal, case of 20", Decimal("64.00"))}
    (d,) = draft("SHRP 1 cs crushed (forklift)", make_context(items=items))
    assert (d.quantity, d.amount) == (20, Decimal("64.00")) and d.confidence < 0.9


# -- held-out round 202 (sets 1653-1660) ------------------------------------------------------


def test_round_202_sure_misses_ask() -> None:
    # "Axiom+ 9": the plus glued to the name's word kept its figure from the name (9 units,
    # $12,141.00 at 0.97)
    items = {"E70637": ItemInfo("E70637", "Raymarine Axiom+ 9 RV chartplotter", Decimal("1349.00"))}
    text = "Axiom+ 9 (E70637) dead on arrival, raymarine won't RMA. writing it off"
    (d,) = draft(text, make_context(items=items))
    assert d.quantity != 9 and d.amount == Decimal("1349.00")
    # "33 each so 185": "so" and a sum the writer got wrong, not a sales order (sure at $165)
    (d,) = draft("5 SKU-12 damaged, 33 each so 185", make_context(items=ITEMS))
    assert d.confidence < 0.9


def test_the_books_line_then_the_counts_line_pair_up() -> None:
    # "system: 210" on a line, "bin: 184" on the next: the books' 210 was drafted
    text = "avocado cycle count done\nsystem: 210\nbin: 184\nso we're 26 short on SKU-12"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, 26)


# -- held-out round 203 (sets 1661-1668) ------------------------------------------------------


def test_a_cases_own_price_said_still_counts_its_pieces() -> None:
    # "3 boxes @ $60/box" of "..., box of 4" at $68: the boxes' money at the price said, and
    # the 12 cartridges counted, as without the price (it counted 3)
    items = {"PVSL4": ItemInfo("PVSL4", "PVS light body cartridges, box of 4", Decimal("68.00"))}
    (d,) = draft("PVSL4 light body: 3 boxes @ $60/box, expired", make_context(items=items))
    assert (d.quantity, d.amount) == (12, Decimal("180.00")) and d.confidence < 0.9
    assert any("$60.00 a box" in w for w in d.warnings)


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("3 bx KBSC1 @ .80 ea, bent in shipping", "150", "120.00"),
        ("KBSC1 2 boxes scratched, we pay $0.75/blank", "100", "75.00"),
        # the pieces' total said too (round 208: counted 4 boxes)
        ("KBSC1 4 boxes crushed, $0.75/blank, $150 total", "200", "150.00"),
        # a box's price, said as "each" of the boxes: no pieces' price
        ("3 bx KBSC1 @ $38 each, bent in shipping", "150", "114.00"),
    ],
)
def test_a_pieces_price_beside_whole_boxes_prices_the_pieces(
    text: str, quantity: str, amount: str
) -> None:
    # the list prices the box of 50 at $40; ".80 ea" is a blank's price (it drafted $2.40)
    items = {"KBSC1": ItemInfo("KBSC1", "Key blank SC1 brass, box of 50", Decimal("40.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount)) and d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("the mice chewed thru 7 boxes of WCR44, all going in the trash", "7", "18.20"),
        ("WCR44 - 2 boxes opened and stale", "2", "5.20"),
        # the case itself counted stays whole cases, counted out to their boxes
        ("2 cases of WCR44 crushed", "24", "62.40"),
    ],
)
def test_boxes_of_a_line_sold_by_the_case_are_what_the_case_holds(
    text: str, quantity: str, amount: str
) -> None:
    # "..., case of 12" at $31.20: seven boxes were priced as seven cases ($218.40)
    items = {"WCR44": ItemInfo("WCR44", "Water crackers 4.4 oz, case of 12", Decimal("31.20"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount)) and d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # lamps named for what they light: no flood (a casualty at 0.97, round 206)
        ("write off the obsolete halogen flood lights, $1,340 worth", Category.LOSS),
        ("3 SKU-12 LED flood lamps cracked", Category.LOSS),
        ("2 SKU-12 fire blankets torn", Category.LOSS),
        # the flood itself still is one
        ("the flood got 4 SKU-12 flood lights", Category.CASUALTY),
    ],
)
def test_goods_named_for_a_flood_or_a_fire_are_no_casualty(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("RSP6: 4 btls broken, 2 btls short on count", "29.00"),
        ("RSP6: 1 case crushed by the forklift, plus 2 loose bottles missing on count", "29.00"),
    ],
)
def test_a_later_part_that_names_its_pieces_counts_pieces(text: str, amount: str) -> None:
    # "..., case of 6" at $87: the second part's 2 bottles were priced as 2 cases ($174.00)
    items = {"RSP6": ItemInfo("RSP6", "Mosel Riesling 750ml, case of 6", Decimal("87.00"))}
    drafts = draft(text, make_context(items=items))
    assert len(drafts) == 2
    assert (drafts[1].quantity, drafts[1].amount) == (2, Decimal(amount))
    assert drafts[1].confidence < 0.9


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        (
            "2 pails of the green deck screws DS825, lids cracked and full of water",
            "2000",
            "145.00",
        ),
        ("DS825 1 pail crushed by the forklift", "1000", "72.50"),
        ("half a pail of DS825 spilled in the gravel", "500", "36.25"),
    ],
)
def test_pails_of_a_line_sold_by_the_pail_are_counted_out(
    text: str, quantity: str, amount: str
) -> None:
    # "..., pail of 1000": the pails were counted as the pieces at 0.97 (round 207)
    items = {
        "DS825": ItemInfo("DS825", "Deck screw #8 x 2in green, pail of 1000", Decimal("72.50"))
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount)) and d.confidence < 0.9


def test_money_moved_out_of_the_reserve_with_nothing_written_off_asks() -> None:
    # "move $500 out of the reserve": used against stock scrapped, or released? (0.97)
    (d,) = draft("move $500 out of the reserve", make_context(items=ITEMS))
    assert d.category == Category.RESERVE_WRITE_OFF and d.confidence < 0.9
    # goods written off against it say which
    (d,) = draft("take $900 of obsolete stock out of the obsolescence reserve", make_context())
    assert d.category == Category.RESERVE_WRITE_OFF and d.confidence >= 0.9


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # the books' figures restate "up 2"; they still say whose side is up (a loss)
        ("we're up 2 on SKU-12. books say 14, rack has 16", "2"),
        # "sys", the books' short name, after "than" (a loss)
        ("bin A-01 has 3 more SKU-12 than sys, add back", "3"),
        # "came back 22" is the count's figure (22 units lost at 0.32)
        ("count on SKU-12 came back 22, system says 14. found a bunch behind the totes", "8"),
    ],
)
def test_more_on_the_shelf_than_the_books_said_these_ways_is_an_overage(
    text: str, quantity: str
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.OVERAGE, Decimal(quantity))


# -- held-out round 208 (sets 1701-1708) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "Collision" names the body shop the paint went to (a loss at 0.97)
        "delivered 10 gal SKU-12 to Lakeside Collision, signed by Ray",
        "shipped 20 SKU-12 to Metro Fire on SO 10442",
        # a remake under the lab's warranty, free to us: no gift (a donation at 0.97)
        "sent 2 SKU-12 back to the lab for remake under their warranty, no charge to us",
    ],
)
def test_goods_sent_to_a_business_or_back_under_warranty_are_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 209 (sets 1709-1716) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "LTEG 25kg sack contaminated with floor cleaner, $780 total",
        "LTEG 25kg sack contaminated",
        "the 25 kg sack of LTEG got wet",
    ],
)
def test_one_sack_of_a_measure_is_its_measure_of_goods_priced_by_it(text: str) -> None:
    # tea priced per kg: "25kg sack" after the code was dropped, the total drafted with no
    # quantity at 0.97 (round 209)
    items = {"LTEG": ItemInfo("LTEG", "Earl Grey classic loose, per kg", Decimal("31.20"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (25, Decimal("780.00"))


# -- held-out round 210 (sets 1717-1724) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # "3/4" was masked as a date and the whole bolt drafted at 0.97 ($960.00)
        ("3/4 of a bolt of VLV gone - 40yd bolts - water damage in the stockroom", "30", "720.00"),
        ("3/4 of a 40yd bolt of VLV ruined", "30", "720.00"),
        ("three quarters of a bolt of VLV ruined, 40 yd bolts", "30", "720.00"),
        ("2 bolts of VLV ruined, 40 yd bolts", "80", "1920.00"),
    ],
)
def test_a_share_of_a_bolt_of_goods_priced_by_the_yard(
    text: str, quantity: str, amount: str
) -> None:
    items = {"VLV": ItemInfo("VLV", "Cotton velvet 54in, navy, per yard", Decimal("24.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_half_a_sized_bag_in_figures_is_half_a_bag() -> None:
    # "1/2 a 50 lb bag": the half was masked as a date; one whole bag was drafted at 0.97
    (d,) = draft("1/2 a 50 lb bag of SKU-12 spilled", make_context(items=ITEMS))
    assert d.quantity == Decimal("0.5")


# -- held-out round 211 (sets 1725-1732) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("2 reels RC10K crushed, reels are warped and won't sit on the feeder", "10000", "19.60"),
        ("RC10K, loc R-14-3, 1 reel dropped & tape split", "5000", "9.80"),
    ],
)
def test_reels_of_parts_on_tape_are_counted_out_like_rolls(
    text: str, quantity: str, amount: str
) -> None:
    # "..., reel of 5000": the reels were counted as resistors at 0.97 (round 211)
    items = {"RC10K": ItemInfo("RC10K", "Resistor 10k 1% 0603, reel of 5000", Decimal("9.80"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount)) and d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    ["1 1/2 bunches EUC10 slimy", "donating 100 bunches of EUC10 to the rotary gala, $820 total"],
)
def test_bunches_of_a_line_sold_by_the_bunch_are_never_sure(text: str) -> None:
    # florists count the bunches and the stems in them both; writers disagree (0.97)
    items = {"EUC10": ItemInfo("EUC10", "Seeded eucalyptus, bunch of 10", Decimal("8.20"))}
    (d,) = draft(text, make_context(items=items))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        # a donation at 0.97: the polos are lent, coming back
        "sent 10 SKU-12 to the school for sample day, they're coming back friday",
        "10 SKU-12 sample remotes went out to the dealer show, they come back monday",
        "rented out 200 SKU-12 for the gala this weekend, back monday",
    ],
)
def test_goods_lent_or_out_on_show_that_come_back_are_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_line_blown_off_its_coupler_is_no_wind() -> None:
    # "the keg line blew off the coupler": a hose come loose (a casualty at 0.97)
    text = "8 SKU-12 got sprayed when the keg line blew off the coupler behind the bar. trash"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.LOSS
    (d,) = draft("wind blew off the tarp, 6 SKU-12 soaked", make_context(items=ITEMS))
    assert d.category == Category.CASUALTY


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("2 SKU-12 got jacked from the contractor desk while we were slammed", Category.CASUALTY),
        # a pallet jack's work is no theft
        ("pallet got jacked into the rack, 3 SKU-12 crushed", Category.LOSS),
        # goods the books don't know are an overage (drafted as a loss)
        ("turned up 2 SKU-12 behind the rack that QB doesn't know about", Category.OVERAGE),
    ],
)
def test_floor_slang_for_theft_and_for_goods_the_books_do_not_know(
    text: str, category: Category
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


# -- held-out round 212 (sets 1733-1740) ------------------------------------------------------


def test_a_total_after_several_parts_that_is_their_sum_is_no_conflict() -> None:
    # "2 SKU-12 + 4 SKU-40, total 40": 2 x $15 + 4 x $2.50 is all of them, not SKU-40's
    # alone (it drafted SKU-40 at $40.00, asking, beside SKU-12 sure)
    drafts = draft("stolen from the van: 2 SKU-12 + 4 SKU-40, total 40", make_context(items=ITEMS))
    assert [d.amount for d in drafts] == [Decimal("30.00"), Decimal("10.00")]
    # a total that is neither the last part's nor all of them puts every part in question
    drafts = draft("stolen from the van: 2 SKU-12 + 4 SKU-40, total 90", make_context(items=ITEMS))
    assert all(d.confidence < 0.9 for d in drafts)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # "shipment: 25" read as a reference; the total drafted with no count at 0.97
        ("damaged shipment: 25 x SKU-12, $15 ea, $375 ext", "25"),
        # "receiving\n3": the place's number taken from the next line, the 3 lost at 0.97
        ("bad news from receiving\n3 SKU-12 came in crushed on the pallet", "3"),
    ],
)
def test_a_count_is_no_reference_or_place_number(text: str, quantity: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.quantity == Decimal(quantity)


# -- held-out round 213 (sets 1741-1748) ------------------------------------------------------


def test_bunches_are_never_read_as_bundles() -> None:
    # "chuck 10 bunches" of "Kale, case of 24 bunches" at $30 was read as 10 bundles, i.e.
    # ten cases ($300.00); they are 10 of the case's 24 bunches
    items = {"KAL24": ItemInfo("KAL24", "Kale, case of 24 bunches", Decimal("30.00"))}
    (d,) = draft("kale's wilted and brown. chuck 10 bunches KAL24", make_context(items=items))
    assert d.amount == Decimal("12.50")
    assert not any("bundles" in g for g in d.explanation)


def test_a_write_down_of_bunches_is_never_sure() -> None:
    # read as bunches at last (not bundles), "20 bunches now worth $22/bunch" was sure at 0.97
    # where round 211's florist counted 200 stems
    items = {"PEO10": ItemInfo("PEO10", "Coral charm peony, bunch of 10", Decimal("38.00"))}
    (d,) = draft(
        "lower of cost or NRV on PEO10: 20 bunches now worth $22/bunch", make_context(items=items)
    )
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "install crew took 2 SKU-12 for the Lopez job, it's on the work order",
        "used 3 SKU-12 on repairs today, tickets 5512 5513",
        "loaded 60 SKU-12 on the route truck for tomorrow's deliveries",
        "installed 2 SKU-12 at the customer's house, ticket 3381",
    ],
)
def test_goods_used_for_a_job_or_a_repair_are_no_write_off(text: str) -> None:
    # drafted as losses (below 0.5): the goods went where they were meant to
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        "used 3 SKU-12 on the job, they cracked, w/o",
        "half a bag of SKU-12, chrome flaking off, cant put that on a customer car",
    ],
)
def test_goods_spoilt_on_a_job_are_still_written_off(text: str) -> None:
    assert draft(text, make_context(items=ITEMS))


# -- held-out round 214 (sets 1749-1756) ------------------------------------------------------


@pytest.mark.parametrize("text", ["PEO10 2 bn of 10 blown open", "dmg:\nPEO10 x 1 bn"])
def test_bunches_written_bn_are_never_sure(text: str) -> None:
    # a florist's "bn" of "..., bunch of 10" was sure at 0.97 (round 214)
    items = {
        "PEO10": ItemInfo("PEO10", "Peony Sarah Bernhardt pink, bunch of 10", Decimal("42.00"))
    }
    (d,) = draft(text, make_context(items=items))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        # refused ("I couldn't find a write-off")
        "provision $650 to the obsolescence reserve for the old sealer formula",
        # a loss at 0.32
        "provision $450 obsolescence for the SKU-12 overstock",
    ],
)
def test_provision_said_as_a_verb_builds_the_reserve(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.RESERVE_PROVISION


def test_goods_written_off_against_the_provision_still_use_it() -> None:
    (d,) = draft("write off 4 SKU-12 against the provision", make_context(items=ITEMS))
    assert d.category == Category.RESERVE_WRITE_OFF


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # "in 3 pieces": the fragments, no count (three panels at 0.97)
        ("dropped a SKU-40 panel off the lifter, snapped in 3 pieces", Category.LOSS, "1"),
        # "broke into 4 pieces": broken up, no break-in (a casualty of four at 0.97)
        ("1 SKU-40 broke into 4 pieces", Category.LOSS, "1"),
        ("thieves broke into the van, took 3 SKU-12", Category.CASUALTY, "3"),
    ],
)
def test_the_pieces_a_thing_broke_into_are_no_count_and_no_break_in(
    text: str, category: Category, quantity: str
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


# -- held-out round 215 (sets 1757-1764) ------------------------------------------------------


def test_each_labelled_line_of_a_list_takes_its_own_label() -> None:
    # "found:" was glued to the line before, and the 4 extra read as damaged (a loss at 0.97)
    drafts = draft("damaged: 12 SKU-12\nfound: 4 extra SKU-40", make_context(items=ITEMS))
    assert [d.category for d in drafts] == [Category.LOSS, Category.OVERAGE]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "driver is ok" on the next line is a person fine, not the goods (refused)
        ("4 SKU-12 came off the liftgate, all 4 smashed\ndriver is ok", Category.LOSS),
        # "the shelf above" is a place, not a count above the books (an overage)
        ("write off 6 SKU-12, a jug burst on the shelf above and soaked them", Category.LOSS),
    ],
)
def test_a_person_fine_or_a_shelf_above_say_nothing_of_the_goods(
    text: str, category: Category
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


# -- held-out round 216 (sets 1765-1772) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("3 cs LV6 came off the top rack, every jug busted", "6", "354.00"),
        ("2 cs LV6 damaged, $118/cs, $236 total", "4", "236.00"),
    ],
)
def test_a_case_of_so_many_containers_of_a_measure_holds_that_many(
    text: str, quantity: str, amount: str
) -> None:
    # "case of 2 x 2.5 gal": two jugs a case; the cases were counted as jugs at 0.97
    items = {"LV6": ItemInfo("LV6", "2,4-D LV6 ester, case of 2 x 2.5 gal", Decimal("118.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount)) and d.confidence < 0.9


def test_a_count_done_on_a_wall_is_told_not_asked() -> None:
    # "did the monthly count on the main wall. ...": a job done, no question (refused)
    text = "did the monthly count on the main wall. SKU-12 count is off, 4 fewer on the shelf"
    (d,) = draft(text + " than on the books", make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, 4)


# -- held-out round 217 (sets 1773-1780) ------------------------------------------------------


def test_ext_before_a_figure_is_the_extended_cost_not_a_phone_extension() -> None:
    # "unit cost 15, ext 121" disagree (8 x $15 = $120): the card asks; "ext 121" had been
    # masked as a phone extension and $120.00 drafted at 0.97
    (d,) = draft("damaged 8 SKU-12 - unit cost 15, ext 121", make_context(items=ITEMS))
    assert d.confidence < 0.9
    (d,) = draft("8 SKU-12 damaged, call me at ext 4471", make_context(items=ITEMS))
    assert d.amount == Decimal("120.00")


# -- held-out round 218 (sets 1781-1788) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "shelf has more than the books: GLV-NIT-M system 80 bx, counted 86",
        "GLV-NIT-M system says 80, we counted 86 bx",
        "cycle count GLV-NIT-M / system 80 boxes, shelf 86 boxes / pls adjust",
    ],
)
def test_a_count_difference_in_boxes_is_boxes_of_the_pieces_in_them(text: str) -> None:
    # "system 80 bx, counted 86": 6 boxes over, 600 gloves; the box word was left behind
    # and 6 gloves drafted at 0.87
    items = {
        "GLV-NIT-M": ItemInfo("GLV-NIT-M", "Nitrile exam gloves, medium, box/100", Decimal("8.40"))
    }
    (d,) = draft(text, make_context(items=items))
    assert d.category == Category.OVERAGE
    assert (d.quantity, d.amount) == (Decimal(600), Decimal("50.40"))


# -- held-out round 219 (sets 1789-1796) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SKU-12 x 70, $1,050 line total, water marked from the skylight drip",
        "70 SKU-12 watermarked, roof leak",
        "70 SKU-12 water-marked",
    ],
)
def test_water_marked_goods_are_damaged_not_marked_down(text: str) -> None:
    # "water marked from the skylight drip" was read as "marked (down) from": a write-down
    # at 0.97
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.LOSS and d.amount == Decimal("1050.00")
    assert d.lines[0].account == "5200"


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("FRM-AL56-GRYx3 bent, dock 7", "3", "936.00"),
        ("w/o frm-al56-gryx2 scratched", "2", "624.00"),
        ("dmg 3xFRM-AL56-GRY pls w/o", "3", "936.00"),
        ("GLV-NIT-Mx6bx expd dock D3", "600", "50.40"),
    ],
)
def test_a_count_glued_to_a_known_code_is_the_count(text: str, quantity: str, amount: str) -> None:
    # "FRM-AL56-GRYx3 bent": the code and its count typed as one word; nothing was drafted
    # (round 219 had ten such messages in 1,600)
    items = {
        "FRM-AL56-GRY": ItemInfo("FRM-AL56-GRY", "Aluminium road frame 56cm, grey", Decimal(312)),
        "GLV-NIT-M": ItemInfo("GLV-NIT-M", "Nitrile exam gloves, medium, box/100", Decimal("8.40")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_a_size_glued_to_a_code_ending_in_a_figure_is_not_taken_for_a_count() -> None:
    # "BOLT-M8x40" is an M8 bolt 40 long, not 40 of BOLT-M8
    items = {"BOLT-M8": ItemInfo("BOLT-M8", "Hex bolt M8", Decimal("0.40"))}
    drafts = draft("BOLT-M8x40 rusted, 12 of them", make_context(items=items))
    assert all(d.quantity != 40 or d.confidence < 0.9 for d in drafts)


def test_part_of_a_pallet_of_cases_counts_the_pieces_in_the_cases() -> None:
    # "half a pallet (40 cs to a pallet)" is 20 cases of 96 rolls: 1,920 rolls, not 20 at 0.97
    items = {"BT2P-96": ItemInfo("BT2P-96", "2-ply bath tissue, case of 96", Decimal("57.60"))}
    text = "half a pallet of BT2P-96 (40 cs to a pallet) fell off the top rack, all torn open"
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(1920), Decimal("1152.00"))


# -- held-out round 220 (sets 1797-1804) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "count shows 6 SKU-12 short but kev thinks theyre in the overflow bay. hold off?",
        "6 SKU-12 short on count, hold off for now",
        "6 SKU-12 short on the count - hold off until maria checks the mezz",
    ],
)
def test_someone_elses_doubt_or_a_wait_asked_for_is_not_sure(text: str) -> None:
    # "kev thinks theyre in the overflow bay. hold off?": drafted at 0.97
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_holding_off_something_else_leaves_the_write_off_sure() -> None:
    (d,) = draft("6 SKU-12 damaged, hold off on reordering them", make_context(items=ITEMS))
    assert d.confidence >= 0.9 and d.quantity == 6


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("WEB-3.5-40 1 roll overstretched, scrap the whole roll", 48),
        ("2 rolls WEB-3.5-40 torn", 96),
        # (round 223: a price or a total said, or a bare count, says no more)
        ("1 roll WEB-3.5-40 kinked, $48 ext", 48),
        ("WEB-3.5-40 2 rolls torn on the dock at $48/roll", 96),
        ("WEB-3.5-40, core crushed, whole roll unusable. write off 1", 48),
    ],
)
def test_rolls_of_a_length_are_not_sure_as_rolls(text: str, amount: int) -> None:
    # "1 roll" of "..., roll of 40 yd": one roll or 40 yards? Writers count both, so the card
    # asks (drafted as 1 roll at 0.97; rounds 218-220 counted the yards)
    items = {
        "WEB-3.5-40": ItemInfo("WEB-3.5-40", "Elastic webbing 3.5in, roll of 40 yd", Decimal(48))
    }
    (d,) = draft(text, make_context(items=items))
    assert d.amount == amount and d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("the 2 GC-32Z-12 bottles that tipped over on friday are cracked, toss them", 2, "6.40"),
        ("old label on the GC-32Z-12, cant sell them. w/o 9 btls", 9, "28.80"),
        ("2 cs GC-32Z-12 crushed", 24, "76.80"),
    ],
)
def test_bottles_of_an_item_sold_by_the_case_of_so_many_are_bottles(
    text: str, quantity: int, amount: str
) -> None:
    # "2 GC-32Z-12 bottles" of "..., case of 12" at $38.40: two bottles at $3.20, not two
    # cases (round 219 drafted $76.80)
    name = "glass cleaner 32 oz trigger spray, case of 12"
    items = {"GC-32Z-12": ItemInfo("GC-32Z-12", name, Decimal("38.40"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


def test_a_carton_of_an_item_sold_as_a_pack_is_the_pack() -> None:
    # (the golden table's w11-063: the carton is the 4-pack, not one chair of it)
    items = {"STK-4PK": ItemInfo("STK-4PK", "Guest stack chair armless 4-pack", Decimal(236))}
    (d,) = draft("1 STK-4PK carton crushed (all 4 chairs bent)", make_context(items=items))
    assert d.amount == Decimal("236.00")


# -- held-out round 221 (sets 1805-1812) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("expired: 9 HSE-12-RET bags past best by, pulled from the retail shelf", 9, "67.50"),
        (
            "use the allowance for obsolete stock on 36 HSE-12-RET bags w/ the old packaging",
            36,
            "270.00",
        ),
        ("2 cs HSE-12-RET crushed", 24, "180.00"),
    ],
)
def test_what_the_lists_name_says_a_case_holds_is_counted_as_pieces(
    text: str, quantity: int, amount: str
) -> None:
    # "9 HSE-12-RET bags" of "... retail bag, case of 12" at $90: nine bags at $7.50, not nine
    # cases (round 221 drafted $810.00)
    name = "House Blend whole bean 12 oz retail bag, case of 12"
    items = {"HSE-12-RET": ItemInfo("HSE-12-RET", name, Decimal(90))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        "count came up 2 long on SKU-12",
        "came up 2 heavy on SKU-12 vs the books",
        "recount done, we're actually up 2 SKU-12 vs the books",
        "Marcus just found 2 SKU-12 behind the baler that weren't on the system",
    ],
)
def test_a_count_said_to_come_up_long_or_goods_not_on_the_system_are_an_overage(
    text: str,
) -> None:
    # these were read as a loss (or refused as a request to count): rounds 220-221
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity, d.amount) == (Category.OVERAGE, 2, Decimal("30.00"))


@pytest.mark.parametrize(
    "text",
    [
        "not a big deal but 12 SKU-12 came out of the shrink tunnel melted so those are done",
        "12 SKU-12 melted, somebody left them next to the shrink tunnel. toss",
    ],
)
def test_the_shrink_tunnel_is_a_machine_not_shrinkage(text: str) -> None:
    # "came out of the shrink tunnel melted" was drafted to 5100 Shrinkage
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.LOSS and d.quantity == 12


# -- held-out rounds 221-223 (sets 1805-1828) -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "3 SKU-12 gone walkabout from the cage",
        "hey so the cage was open this am and 3 SKU-12 are gone, security's pulling the tape",
        "driver was caught taking 3 SKU-12 off the truck, he's been let go. write them off",
        "brake in at the warehouse sat night, they took the SKU-12 stack - 3 of them",
    ],
)
def test_goods_taken_from_the_cage_or_by_someone_caught_are_theft(text: str) -> None:
    # read as shrinkage or an unexplained loss; the writers booked theft (5200)
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.CASUALTY, 3)
    assert d.lines[0].account == "5200"


# -- held-out round 224 (sets 1829-1836) ------------------------------------------------------


def test_a_total_before_a_colon_heads_the_parts_it_lists() -> None:
    # "1.2k in seed ruined by the roof leak: 8 bags X + 1 bag Y" was drafted three times: the
    # $1,200 at 0.97 beside the two bags. The heading is their total, no write-off of its own
    text = "$200 in stock ruined by the roof leak: 8 SKU-12 + 32 SKU-40"
    drafts = draft(text, make_context(items=ITEMS))
    assert [(d.sku, d.amount) for d in drafts] == [
        ("SKU-12", Decimal("120.00")),
        ("SKU-40", Decimal("80.00")),
    ]
    # ... and when the parts do not add up to it, each part asks
    drafts = draft(text.replace("$200", "$250"), make_context(items=ITEMS))
    assert [d.sku for d in drafts] == ["SKU-12", "SKU-40"]
    assert all(d.confidence < 0.9 for d in drafts)


def test_a_part_told_as_done_last_month_beside_this_months_request_asks() -> None:
    # "last month we topped up the reserve by 2k. / this month write off 20 X against it": the
    # top-up is the story, and was drafted at 0.97 beside the write-off (round 218)
    text = "last month we topped up the reserve by 2k.\nthis month write off 20 SKU-12 against it"
    told, asked = draft(text, make_context(items=ITEMS))
    assert told.category == Category.RESERVE_PROVISION and told.confidence < 0.9
    assert asked.category == Category.RESERVE_WRITE_OFF and asked.amount == Decimal("300.00")
    assert asked.confidence >= 0.9


# -- held-out round 225 (sets 1837-1844) ------------------------------------------------------


def test_crooks_who_smashed_the_front_glass_took_the_goods() -> None:
    # the smashed glass was the way in, not the goods' damage (drafted a loss at 0.97)
    text = "crooks hit the shop overnight, smashed the front glass / 20 SKU-12 gone"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.CASUALTY and d.lines[0].account == "5200"


def test_goods_never_weighed_are_doubted() -> None:
    # "3 tenderloins X spoiled, didnt weigh them": how much went is unknown (0.97)
    text = "3 SKU-12 in the bin, spoiled, didnt weigh them before they went out"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


# -- held-out round 226 (sets 1845-1852) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("2 dz MTCH-DZ matches got soaked, worthless now", 24, "42.00"),
        ("half a dozen boxes of MTCH-DZ crushed under a tent pallet", 6, "10.50"),
    ],
)
def test_a_list_priced_per_dozen_boxes_prices_a_dozen(
    text: str, quantity: int, amount: str
) -> None:
    # "Stormproof matches, per dozen boxes" at $21: '2 dz' is two dozen at $21, not 24 x $21
    # (drafted $504.00 at 0.97)
    name = "Stormproof matches, per dozen boxes"
    items = {"MTCH-DZ": ItemInfo("MTCH-DZ", name, Decimal(21))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


# -- held-out round 227 (sets 1853-1860) ------------------------------------------------------

_BIKE_PARTS = {
    sku: ItemInfo(sku, name, Decimal(cost))
    for sku, name, cost in (
        ("TB-700-25P", "Tube 700x23-25c presta 48mm", "5.80"),
        ("TB26-SV", "Tube 26x1.95-2.125 schrader", "4.90"),
        ("TB-20SV", "Tube 20x1.75 schrader", "4.60"),
        ("TR26-21K", "Tire 26x2.10 knobby MTB", "17.25"),
        ("WHL-26F-N", "Wheel 26in front QR, new", "42.00"),
        ("FRM-K20", "Frame kids 20in, used", "15.00"),
    )
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # "20in" alone names the kids' frame; the words after it name a tube of that size
        ("gave 10 20in schrader tubes to the school bike club", "TB-20SV", "46.00"),
        ("a dozen 26in schrader tubes got gnawed by mice", "TB26-SV", "58.80"),
        ("4 26in knobbies gashed on the frame rack, w/o", "TR26-21K", "69.00"),
        # "700c" is the tube's size, not 700 cents ($7.00 a tube)
        ("3 700c presta tubes damaged, valve stems ripped off", "TB-700-25P", "17.40"),
    ],
)
def test_a_size_said_before_goods_names_the_goods_of_that_size(
    text: str, sku: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_BIKE_PARTS))
    assert (d.sku, d.amount) == (sku, Decimal(amount))
    assert d.confidence < 0.9  # matched by name: never sure


# -- held-out rounds 228-229 (sets 1861-1876) --------------------------------------------------


def test_an_amount_near_one_items_cost_but_not_it_asks() -> None:
    # "tesla ws FW05233GTN dropped, w/o $950" of a $889.00 windshield: one of them, at a cost
    # the list does not say (drafted at 0.97); its own cost stays sure
    items = {
        "FW05233GTN": ItemInfo("FW05233GTN", "WS TESLA MODEL 3 ACOUSTIC HTD", Decimal("889.00"))
    }
    (d,) = draft("tesla ws FW05233GTN dropped off the cart, w/o $950", make_context(items=items))
    assert d.amount == Decimal("950.00") and d.confidence < 0.9
    (d,) = draft("tesla ws FW05233GTN dropped off the cart, w/o $889", make_context(items=items))
    assert d.amount == Decimal("889.00") and d.confidence >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "SKU-12 x1 smashed, someone threw a brick thru the shop window last night",
        "theives broke the shop window lastnight and grabbed 4 SKU-12",
        "somebody cleaned out the back room over the weekend, 20 SKU-12 gone",
    ],
)
def test_vandals_and_thieves_said_the_floors_way(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == Category.CASUALTY and d.lines[0].account == "5200"


_VET_SHELF = {
    sku: ItemInfo(sku, name, Decimal(cost))
    for sku, name, cost in (
        ("NXG-L-6PK", "NexGard Chew Dog 24.1-60 lb (blue), 6pk", "96.30"),
        ("NXG-M-3PK", "NexGard Chew Dog 10.1-24 lb (green), 3pk", "46.80"),
        ("SIMT-M-6", "Simparica Trio Dog 22.1-44 lb (caramel), 6pk", "118.44"),
    )
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        # the size letter between the name and its pack is the code's: "6pks" is the list's
        # pack, not six of something (drafted one pack)
        ("someone stole 2 Simparica Trio M 6pks off the counter", "SIMT-M-6", 2),
        ("short 3 boxes of NexGard L 6pk on the count, no idea", "NXG-L-6PK", 3),
    ],
)
def test_a_names_pack_said_after_a_size_letter_is_the_lists_pack(
    text: str, sku: str, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=_VET_SHELF))
    assert (d.sku, d.quantity) == (sku, Decimal(quantity))
    assert d.amount == quantize(_VET_SHELF[sku].unit_cost * quantity)


_LUMBER_YARD = {
    sku: ItemInfo(sku, name, Decimal(cost))
    for sku, name, cost in (
        ("2X6-8-SPF", "2x6x8 SPF #2", "7.45"),
        ("PT-4X4-8", "4x4x8 treated post GC", "12.48"),
        ("PT-4X4-10", "4x4x10 treated post GC", "16.20"),
        ("DF-2X12-16", "2x12x16 Doug Fir #2", "38.75"),
    )
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        ("count came up light 14 on the 2x6x8 #2", "2X6-8-SPF", "104.30"),
        ("found 12 extra 4x4x10 pt in shed 5", "PT-4X4-10", "194.40"),
        # a bunk is the yard's banded stack: the 28 pieces are its goods, one write-off
        ("truck dumped a bunk of 2x12x16 df on the way, 28 pcs busted", "DF-2X12-16", "1085.00"),
    ],
)
def test_a_yards_three_figure_size_names_its_lumber(text: str, sku: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_LUMBER_YARD))
    assert (d.sku, d.amount) == (sku, Decimal(amount))
    assert d.confidence < 0.9  # matched by name: never sure


# -- held-out round 230 (sets 1877-1884) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "cost", "amount"),
    [
        # a nursery's flat written with a slash, or by its cells: the plants out of the flats
        # are pieces of one (drafted 28 flats)
        ("28 hosta out of the HOS-18 flats have crown rot", "Hosta Patriot 4in, flat/18", "38.70",
         "60.20"),
        ("18 petunias out of the HOS-18 flats got trampled", "Wave Petunia, 48-cell flat", "21.60",
         "8.10"),
        # a retail pack the pieces came out of ("Stack chair ..., 4pk": two chairs, not 2 packs)
        ("2 stack chairs out of a HOS-18 cracked shells, toss", "Stack chair poly, 4pk", "132.00",
         "66.00"),
        ("30 balls of HOS-18 from busted packs, logos smeared", "Golf balls distance 15pk",
         "17.25", "34.50"),
    ],
)  # fmt: skip
def test_pieces_out_of_the_lists_flat_or_pack_are_a_share_of_its_cost(
    text: str, name: str, cost: str, amount: str
) -> None:
    items = {"HOS-18": ItemInfo("HOS-18", name, Decimal(cost))}
    (d,) = draft(text, make_context(items=items))
    assert d.amount == Decimal(amount)
    (whole,) = draft("2 HOS-18 cracked", make_context(items=items))
    assert whole.amount == Decimal(cost) * 2 and whole.confidence < 0.9  # packs, or pieces?


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("SKU-12, +7 vs system", Category.OVERAGE, 7),
        ("cycle count zone F 6/1: up 12 SKU-12", Category.OVERAGE, 12),
        ("count: SKU-12 down 3", Category.SHRINKAGE, 3),
        ("the edging came up 3 rolls heavy SKU-12 on count", Category.OVERAGE, 3),
        ("dryers SKU-12: cycle count came up 3 long", Category.OVERAGE, 3),
        # the count came up so many, the way said after it
        ("bin B-4 came up 5 SKU-12 light vs what the system says", Category.SHRINKAGE, 5),
    ],
)
def test_a_count_off_said_the_floors_way(text: str, category: Category, quantity: int) -> None:
    # round 230 drafted each as a loss (0.45)
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


# -- held-out round 231 (sets 1885-1892) ------------------------------------------------------


def test_a_carton_in_lower_case_after_a_slash_is_the_lists_pack() -> None:
    # "Carlon 1G new work box 18 cu in, carton/100" at $46.50: "5 boxes of X" are five of
    # its boxes, not five cartons, and a bare count asks (drafted 5 cartons at 0.97)
    name = "Carlon 1G new work box 18 cu in, carton/100"
    items = {"B118A-CTN": ItemInfo("B118A-CTN", name, Decimal("46.50"))}
    ctx = make_context(items=items)
    (d,) = draft("5 boxes of B118A-CTN broken", ctx)
    assert d.amount == Decimal("2.33") and d.confidence < 0.9
    (d,) = draft("450 B118A-CTN boxes cracked, that's 4.5 cartons, w/o", ctx)
    assert d.amount == Decimal("209.25")
    (d,) = draft("3 B118A-CTN crushed", ctx)
    assert d.confidence < 0.9  # three cartons, or three boxes?


def test_two_capitals_after_a_reserves_count_are_goods_not_dollars() -> None:
    # "against reserve: 18 HP box sets": 18 sets, not $18.00 (drafted at 0.97)
    (d,) = draft("against reserve: 18 HP box sets with the old cover, tossing", make_context())
    assert d.amount != Decimal("18.00") and d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        ("build a reserve for the 45 SKU-12 still in stock, at full cost",
         Category.RESERVE_PROVISION, "675.00"),
        ("build the obso reserve for the 6 SKU-12 the mfr discontinued",
         Category.RESERVE_PROVISION, "90.00"),
        ("provide for 1,200 in the obsolescence reserve for slow-moving art books",
         Category.RESERVE_PROVISION, "1200.00"),
        ("burn the reserve on the 2 old SKU-12", Category.RESERVE_WRITE_OFF, "30.00"),
        ("5 SKU-12 sprouted feet from the checkout rack", Category.CASUALTY, "75.00"),
        ("someone cut the yard fence last night and took 6 SKU-12", Category.CASUALTY, "90.00"),
    ],
)  # fmt: skip
def test_reserve_and_theft_words_of_rounds_231_232(
    text: str, category: Category, amount: str
) -> None:
    # each was a loss, a count of 1,200 books or a shrinkage before
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (category, Decimal(amount))


def test_a_word_that_starts_a_reason_is_no_names_cut() -> None:
    # "2 caymus walked off the shelf": "walked" read as Johnnie Walker, and "caymus" lost to
    # it; the theft read as a loss (round 231)
    items = {
        "CAYM-SS-750": ItemInfo("CAYM-SS-750", "Caymus Special Selection Cab 750ml", Decimal(132)),
        "JWB-750": ItemInfo("JWB-750", "Johnnie Walker Black Label 12yr 750ml", Decimal("29.75")),
    }
    (d,) = draft("2 caymus walked off the shelf this afternoon smh", make_context(items=items))
    assert (d.category, d.sku, d.amount) == (Category.CASUALTY, "CAYM-SS-750", Decimal(264))
    assert d.confidence < 0.9


# -- held-out round 233 (sets 1901-1908) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a break-in shouted in capitals is no unknown code (drafted a loss)
        ("*BREAK-IN* they took SKU-12 x2", Category.CASUALTY),
        ("someone smashed the front window last night and took 14 SKU-12", Category.CASUALTY),
        ("nor'easter tore the tarp off the pile, 30 SKU-12 ruined", Category.CASUALTY),
        ("SKU-12 scuffed but sellable, drop to 4.00, 60 units", Category.WRITE_DOWN),
    ],
)
def test_round_233s_words_for_what_happened(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


def test_months_written_mo_are_no_count() -> None:
    # "expiring in 2 mo" was a second write-off of 2 units
    (d,) = draft("SKU-12 x 60, drop value to 10 each, expiring in 2 mo", make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("300.00"))


# -- held-out round 234 (sets 1909-1916) ------------------------------------------------------


def test_a_question_after_the_goods_code_is_a_question() -> None:
    # "245316 - did we ever write off those 2 rusty spools from march?" (0.97)
    with pytest.raises(DraftError):
        draft("SKU-12 - did we ever write off those 2 rusty ones from march?", make_context())


def test_goods_charged_to_it_after_a_top_up_use_the_reserve() -> None:
    # "add 500 to the obsolescence reserve, then charge 2 X to it": the second part built the
    # reserve too (drafted beside a sure top-up)
    top_up, used = draft(
        "add 500 to the obsolescence reserve, then charge 2 SKU-12 to it",
        make_context(items=ITEMS),
    )
    assert top_up.category == Category.RESERVE_PROVISION and top_up.amount == Decimal(500)
    assert used.category == Category.RESERVE_WRITE_OFF and used.amount == Decimal(30)


# -- held-out round 235 (sets 1917-1924), with rounds 227-234 ---------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("couldnt find 2 SKU-12 on the count", Category.SHRINKAGE),
        ("5 SKU-12 are MIA on the count", Category.SHRINKAGE),
        ("8 SKU-12 are a no-show on the count", Category.SHRINKAGE),
        ("misng 5 SKU-12 on the cyle count", Category.SHRINKAGE),
        ("we're light 3 SKU-12 on the shelf, no idea where they went", Category.SHRINKAGE),
        ("tally's light 11 SKU-12", Category.SHRINKAGE),
        ("cage is light 4 SKU-12 vs the book, no clue why", Category.SHRINKAGE),
        ("over 2 on SKU-12", Category.OVERAGE),
        ("cout was ovr by 5 on the SKU-12", Category.OVERAGE),
        ("we're heavy 10 SKU-12", Category.OVERAGE),
        # "over 40" is still more than forty, not a count over the books
        ("we're over 40 units of SKU-12 damaged", Category.LOSS),
    ],
)
def test_a_count_off_said_in_the_floors_shorthand(text: str, category: Category) -> None:
    # each was a loss with no reason (0.45) before
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


# -- held-out round 236 (sets 1925-1932) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bundles"),
    [
        ("3 squares of GAF-HDZ got crushed by the boom truck", 9),
        ("4 sq of GAF-HDZ stolen off the job trailer", 12),
        ("3 bundles of GAF-HDZ crushed", 3),
    ],
)
def test_roofing_squares_of_shingles_priced_by_the_bundle(text: str, bundles: int) -> None:
    # a square is three bundles for most shingles: 3 squares were drafted as 3 bundles at 0.97
    items = {
        "GAF-HDZ": ItemInfo("GAF-HDZ", "GAF Timberline HDZ Charcoal, bundle", Decimal("38.50"))
    }
    (d,) = draft(text, make_context(items=items))
    assert d.amount == Decimal("38.50") * bundles
    assert (d.confidence < 0.9) == (bundles != 3)  # squares: likely, never sure


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("found a stray SKU-12 up on the mezzanine that isn't on the books", Category.OVERAGE),
        ("found extr 2 SKU-12 on the shelf, not in the sytem", Category.OVERAGE),
        ("aisle 2 recount tues: +10 bx SKU-12", Category.OVERAGE),
        ("the church pantry took 15 SKU-12 for their program, on the house", Category.DONATION),
        ("gifting 4 SKU-12 to the foster kids program", Category.DONATION),
    ],
)
def test_goods_found_off_the_books_and_goods_given_free(text: str, category: Category) -> None:
    # each was a loss with no reason (0.45) in rounds 228-235
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("grab and go on 6 SKU-12, guy was out the door before we could stop him",
         Category.CASUALTY),
        ("3 SKU-12 gone at close, a volunteer saw a guy pocket them", Category.CASUALTY),
        ("last fri after close someone broke the back door and took 18 SKU-12",
         Category.CASUALTY),
        ("20 SKU-12 gone from the locked case, somebody had a key", Category.CASUALTY),
        ("new SKU-12, 6 with shelf scuffs, reduce to $10", Category.WRITE_DOWN),
    ],
)  # fmt: skip
def test_thefts_and_write_downs_said_on_the_floor(text: str, category: Category) -> None:
    # rounds 227-236 read each as a loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category == category


# -- held-out round 237 (sets 1933-1940) ------------------------------------------------------


def test_a_bundle_counted_after_a_space_at_a_names_end_is_the_lists_pack() -> None:
    # "KRAFT HANDLE BAG 1/6 BBL, bundle 250" at $44: 125 bags are half a bundle, not 125
    # bundles ($5,500.00 at 0.97)
    name = "KRAFT HANDLE BAG 1/6 BBL, bundle 250"
    items = {"TG-BAG-HND": ItemInfo("TG-BAG-HND", name, Decimal("44.00"))}
    (d,) = draft(
        "125 handle bags TG-BAG-HND got soaked under the dish pit", make_context(items=items)
    )
    assert d.amount == Decimal("22.00") and d.confidence < 0.9


def test_goods_given_in_parts_to_one_cause_are_donations() -> None:
    # "gave 10 X + 10 Y to the church pantry": the pantry is said once, after the last part;
    # both parts were losses (0.45) in rounds 227-236
    drafts = draft("gave 10 SKU-12 and 10 SKU-40 to the church pantry", make_context(items=ITEMS))
    assert [d.category for d in drafts] == [Category.DONATION, Category.DONATION]
    assert [d.amount for d in drafts] == [Decimal("150.00"), Decimal("25.00")]


# -- held-out round 238 (sets 1941-1948) ------------------------------------------------------


def test_a_statement_taken_back_leaves_no_sure_draft() -> None:
    # "found 5 extra X, wait no, X count matches. it's Y that's over by 5": X was drafted at
    # 0.97 beside Y
    text = "found 5 extra SKU-12, wait no, SKU-12 count matches. it's SKU-40 that's over by 5"
    drafts = draft(text, make_context(items=ITEMS))
    assert drafts and all(d.confidence < 0.5 for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        "lol remember when we lost 40 SKU-12 in the flood, that was $856 of pain",
        "hydrofarm delivery short shipped 2 cases of SKU-12, called the rep",
        "PO 4471 came in 2 cs short on the SKU-12, vendor is shipping the rest",
    ],
)
def test_old_stories_and_short_deliveries_are_no_write_offs(text: str) -> None:
    # a story from years ago, and goods the vendor still owes: each was drafted (rounds 227-238)
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_story_recalled_with_a_request_is_still_a_request() -> None:
    (d,) = draft(
        "remember when i said 3 SKU-12 were cracked? pls write them off", make_context(items=ITEMS)
    )
    assert d.amount == Decimal("45.00")


@pytest.mark.parametrize(
    ("text", "name", "cost", "amount"),
    [
        ("25 yds of elastic off an ELS-50 roll kinked beyond use",
         "Braided Elastic 3/4in, roll 50 yd", "19.90", "9.95"),
        ("tossing 45 yds of ELS-50, sun faded in the window", "Kona Cotton White, bolt 15 yd",
         "78.00", "234.00"),
        ("60 ft of ELS-50 cutout wire kinked, useless", "CUTOUT WIRE BRAIDED ROLL 100 FT",
         "34.00", "20.40"),
    ],
)  # fmt: skip
def test_a_length_off_a_roll_whose_size_follows_it(
    text: str, name: str, cost: str, amount: str
) -> None:
    # "roll 50 yd" without "of": 25 yards were 25 rolls ($497.50) in round 228
    items = {"ELS-50": ItemInfo("ELS-50", name, Decimal(cost))}
    (d,) = draft(text, make_context(items=items))
    assert d.amount == Decimal(amount) and d.confidence < 0.9


def test_pieces_said_as_such_of_a_retail_pack_are_a_share_of_it() -> None:
    # "9 pcs" of "Patch Cable 6 in Right Angle, 6pk" at $13.20 were nine 6-packs ($118.80)
    items = {"PCH-6": ItemInfo("PCH-6", "Patch Cable 6 in Right Angle, 6pk", Decimal("13.20"))}
    (d,) = draft(
        "patch cables PCH-6: 9 pcs with bad solder joints, toss", make_context(items=items)
    )
    assert d.amount == Decimal("19.80") and d.confidence < 0.9


# -- held-out round 239 (sets 1949-1956) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("2 boxes of the cm-x5 shaft zincs damaged", "cm-x5", "Martyr Shaft Anode 1in Zinc"),
        ("2 boxes of CG-MEGACLAW got water damaged under the leaky window", "CG-MEGACLAW",
         "Crab Grab Mega Claw Stomp Pad"),
        ("a bag of SH-316-516D missing from the rigging bench", "SH-316-516D",
         "Shackle SS316 D 5/16in"),
    ],
)  # fmt: skip
def test_boxes_of_goods_the_list_prices_one_by_one_ask_their_size(
    text: str, code: str, name: str
) -> None:
    # the list names one piece: a box of them holds how many? (0.97 at one piece a box)
    items = {code: ItemInfo(code, name, Decimal("9.75"))}
    drafts = draft(text, make_context(items=items))
    assert drafts and all(d.confidence < 0.9 for d in drafts)


@pytest.mark.parametrize("name", ["Round bur RA #2, 100pk", "Nitrile gloves M/200", "SH-77"])
def test_boxes_of_a_packed_or_unnamed_line_are_the_lists_unit(name: str) -> None:
    items = {"SH-77": ItemInfo("SH-77", name, Decimal("54.00"))}
    (d,) = draft("SH-77, 2 boxes, rusted out, scrap them", make_context(items=items))
    assert d.amount == Decimal("108.00")


# -- held-out round 240 (sets 1957-1964) ------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["tossing 3 inner packs of SKU-12, lids all snapped", "3 inners of SKU-12 broken"]
)
def test_inner_packs_of_goods_priced_one_by_one_ask_their_size(text: str) -> None:
    # "inners" and "inner packs" were no count's unit: three bottles at 0.97
    items = {"SKU-12": ItemInfo("SKU-12", "Nail Lacquer Top Coat 0.5oz", Decimal("6.75"))}
    (d,) = draft(text, make_context(items=items))
    assert d.confidence < 0.9 and any("in an inner?" in w for w in d.warnings)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("found 2 SKU-12 behind the shelf", Category.OVERAGE),
        ("we found 4 SKU-12 under a tarp by the chiller", Category.OVERAGE),
        ("found 2 SKU-12 cracked", Category.LOSS),
        ("found out 2 SKU-12 were stolen", Category.CASUALTY),
    ],
)
def test_goods_found_with_nothing_else_said_are_over_the_books(
    text: str, category: Category
) -> None:
    # "found 2 X behind the shelf" was drafted as a loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


@pytest.mark.parametrize(
    "text",
    [
        # the second part drafts one of the two codes it names
        "thieves got 2 SKU-12 and a SKU-40, and smashed 1 SKU-77 on the way out",
    ],
)
def test_a_part_read_in_doubt_leaves_the_message_unsure(text: str) -> None:
    # the first part was drafted at 0.97 beside a second part the reader was unsure of
    items = {
        **ITEMS,
        "SKU-77": ItemInfo("SKU-77", "Bluetooth speaker", Decimal("45.00")),
    }
    drafts = draft(text, make_context(items=items))
    assert len(drafts) >= 2 and all(d.confidence < 0.9 for d in drafts)


# -- held-out rounds 241-242 (sets 1965-1980) -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # a break-in said by its lock ('popped' was read as damage, at 0.97)
        ("someone popped the back door lock last night and took 2 SKU-12",
         Category.CASUALTY, "30.00"),
        # goods going out as seconds, or used, at a price: a write-down
        ("3 SKU-12 with crushed boxes going out as seconds at $9 each", Category.WRITE_DOWN,
         "18.00"),
        ("retired demo SKU-12 x10, selling used at $12", Category.WRITE_DOWN, "30.00"),
        ("SKU-12 qty 4 seams look rough, moving to the seconds bin at $3",
         Category.WRITE_DOWN, "48.00"),
        ("SKU-12 1 with a crushed flange, marking it to $8", Category.WRITE_DOWN, "7.00"),
        # counts as the floor says them
        ("SKU-12 cycle ct -3", Category.SHRINKAGE, "45.00"),
        ("SKU-12 are running 4 over what the system shows", Category.OVERAGE, "60.00"),
        ("SKU-12 - 8 over after the remeasure", Category.OVERAGE, "120.00"),
        ("SKU-12 x3 not on the peg at count, no idea where they went", Category.SHRINKAGE,
         "45.00"),
        # goods given to a church's work, or sent to a free clinic to be written off
        ("gave 4 SKU-12 to First Baptist for the kids' fish tank ministry", Category.DONATION,
         "60.00"),
        ("we're sending 10 SKU-12 over to the free clinic at St. Vincent's church tmrw, pls "
         "write them off", Category.DONATION, "150.00"),
    ],
)  # fmt: skip
def test_floor_words_of_rounds_241_242(text: str, category: Category, amount: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (category, Decimal(amount))


def test_a_quarters_write_offs_told_are_no_write_off() -> None:
    # "Q3 write-offs totaled $3,412, fyi": drafted as a $3,412 loss at 0.97
    with pytest.raises(DraftError):
        draft("Q3 write-offs totaled $3,412, fyi for thursday's meeting", make_context())


# -- held-out round 243 (sets 1981-1988) ------------------------------------------------------


def test_boxes_of_goods_named_by_their_size_ask_how_many() -> None:
    # "Tofu, extra firm, 14oz": a weight is one block's size; 3 boxes were 3 blocks at 0.97
    items = {"tf-xf-14": ItemInfo("tf-xf-14", "Tofu, extra firm, 14oz", Decimal("1.89"))}
    (d,) = draft("3 boxes of tf-xf-14 got crushed under the milk crates", make_context(items=items))
    assert d.confidence < 0.9


def test_an_insurance_check_for_a_loss_is_money_received() -> None:
    # drafted as a $1,230.80 casualty at 0.97
    with pytest.raises(DraftError):
        draft(
            "insurance adjuster check finally showed up for the baler room fire, $1,230.80, "
            "Rhonda's depositing it today",
            make_context(),
        )


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("the 6 SKU-12 with scuffed shells go to the seconds rack at $10", "30.00"),
        ("SKU-12 x6 going in the hurt bin at $8", "42.00"),
        ("SKU-12 close to date: 10 bags to $4.00 for the quick-sale basket", "110.00"),
        ("SKU-12, 15 with a small misprint in the tag, sell as irregulars for $8", "105.00"),
        ("SKU-12 2 tubs short dated, going to $6 each as manager's special", "18.00"),
        ("SKU-12 4 with light frame scratches, B-stock at $11", "16.00"),
        ("SKU-12 x 4 edge curl, knock $5 off each", "20.00"),
        ("the 12 SKU-12 with crushed boxes, sell em at $12", "36.00"),
        ("SKU-12 x6, faded print on the wrap, value at $14 ea", "6.00"),
    ],
)
def test_goods_put_out_for_less_are_written_down(text: str, amount: str) -> None:
    # each was drafted as a loss of the goods' whole cost (rounds 239-243)
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


# -- held-out round 244 (sets 1989-1996) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pulled 150 tack strips out of the wet carton and trashed them TS-4FT",
        "150 tack strips TS-4FT trashed",
    ],
)
def test_goods_whose_name_is_a_container_word_are_pieces_of_the_listed_carton(text: str) -> None:
    # "Tack Strip 4ft": a strip 4 ft long, not a strip of 4 ft; 150 strips were 150 cartons,
    # $6,600.00 at 0.97
    items = {"TS-4FT": ItemInfo("TS-4FT", "Tack Strip 4ft, carton of 100", Decimal("44.00"))}
    (d,) = draft(text, make_context(items=items))
    assert d.amount == Decimal("66.00") and d.item_quantity == Decimal("1.5")


def test_a_bare_count_of_such_goods_asks_cartons_or_pieces() -> None:
    items = {"TS-4FT": ItemInfo("TS-4FT", "Tack Strip 4ft, carton of 100", Decimal("44.00"))}
    (d,) = draft("150 TS-4FT trashed, wet", make_context(items=items))
    assert d.confidence < 0.9


def test_goods_gone_in_a_break_in_were_taken() -> None:
    # the second part was drafted as a shortfall on a count (0.87): 'unrelated' after its
    # sentence was read as setting it apart
    drafts = draft(
        "break-in last night: 5 SKU-12 and 3 SKU-40 gone. unrelated, 2 SKU-12 dried out",
        make_context(items=ITEMS),
    )
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY, Category.LOSS]


@pytest.mark.parametrize(
    "text",
    [
        "customer returned 2 SKU-12 unopened, back on shelf B-4",
        "guy brought back a SKU-12, wrong size, tags still on. back on the wall",
        "cycle count on the SKU-12 was spot on, 14 and 14",
        "counted SKU-12 this morning, 11 boxes, QB 11 boxes",
    ],
)
def test_goods_back_in_stock_and_counts_that_agree_are_no_write_offs(text: str) -> None:
    # each was drafted as a loss (rounds 239-245)
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 246 (sets 2005-2012) ------------------------------------------------------


def test_what_thieves_broke_on_the_way_out_is_the_break_ins() -> None:
    # six writers in rounds 238-246: the smashing was drafted as a routine loss
    drafts = draft(
        "break-in. took 4 SKU-12 and 2 SKU-40, and smashed a SKU-12 on the way out",
        make_context(items=ITEMS),
    )
    assert [d.category for d in drafts] == [Category.CASUALTY] * 3
    # goods on their way out of the range are no thieves'
    (d,) = draft("these SKU-12 are on the way out, 5 obsolete", make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_goods_sent_back_to_the_distributor_for_credit_are_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft(
            "sent 5 defective SKU-12 back to the distro on RMA 8812, they're crediting the "
            "full cost",
            make_context(items=ITEMS),
        )


# -- held-out round 247 (sets 2013-2020) ------------------------------------------------------


def test_a_length_said_alone_beside_a_total_is_never_sure() -> None:
    # "120 ft" was read as the goods' size and the $1,128 drafted at 0.97; the writer meant
    # 120 feet of coax lost
    (d,) = draft("total hit on the crushed coax is $1,128, 120 ft", make_context())
    assert d.amount == Decimal("1128.00") and d.confidence < 0.9


# -- held-out round 248 (sets 2021-2028) ------------------------------------------------------


def test_a_total_that_is_no_whole_count_at_the_price_is_never_sure() -> None:
    # "rack 5" took the count; $200.00 at $38.50 each is 5.19 lites, drafted at 0.97
    (d,) = draft(
        "vandalism on the yard rack 5 lites SKU-12 @ $38.50 = $200.00", make_context(items=ITEMS)
    )
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("sprinkler head let go over rack 12 - 6 SKU-12 and 10 SKU-40 soaked through",
         [Category.CASUALTY, Category.CASUALTY]),
        ("pipe burst and flooded the back room - lost 4 SKU-12. also unrelated, 7 SKU-40 went "
         "wrinkly", [Category.CASUALTY, Category.LOSS]),
    ],
)  # fmt: skip
def test_floor_words_of_round_248(text: str, categories: list[Category]) -> None:
    assert [d.category for d in draft(text, make_context(items=ITEMS))] == categories


def test_goods_thought_missing_that_were_there_all_along_are_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft(
            "the 2 SKU-12 we thought were missing were in the overflow trailer the whole time, "
            "count's right now",
            make_context(items=ITEMS),
        )


# -- held-out round 249 (sets 2029-2036) ------------------------------------------------------

GLASS_SHOP = {
    sku: ItemInfo(sku, name, Decimal(cost))
    for sku, name, cost in (
        ("FW03901GTNN", "Windshield - Ford F-150 15-20 w/ rain sensor", "312.50"),
        ("MLD-3901", "Windshield molding - Ford F-150 15-20", "41.25"),
        ("FW04611GBYN", "Windshield - Toyota Camry 18-24 w/ camera bracket", "238.00"),
        ("CAM-BKT-CMRY", "ADAS camera bracket - Toyota Camry 18-24", "34.00"),
    )
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # both names say "f-150" and "windshield"; only one is a windshield (the other a
        # molding): it was asked
        ("hail last night tore up the outside rack, 4 f-150 windshields cracked",
         "FW03901GTNN", "1250.00"),
        ("2 f-150 moldings bent", "MLD-3901", "82.50"),
        # both names say "camry camera bracket"; one is a bracket, the other a windshield with
        # one (the windshield was drafted at 0.87)
        ("camry camera bracket snapped during prep. w/o 1", "CAM-BKT-CMRY", "34.00"),
        ("1 camry windshield cracked", "FW04611GBYN", "238.00"),
    ],
)  # fmt: skip
def test_goods_named_by_words_two_names_share_are_the_one_the_words_head(
    text: str, sku: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=GLASS_SHOP))
    assert (d.sku, d.amount) == (sku, Decimal(amount))


def test_a_code_of_figures_before_x_and_a_count_is_the_goods() -> None:
    # "42151 x3": three of LEGO-42151 (it drafted 3 at $42,151.00)
    items = {
        "LEGO-42151": ItemInfo("LEGO-42151", "LEGO Technic Bugatti Bolide 42151", Decimal("32")),
        "LEGO-60337": ItemInfo("LEGO-60337", "LEGO City Express Train 60337", Decimal("108")),
    }
    (d,) = draft("42151 x3 stolen", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("LEGO-42151", Decimal(3), Decimal("96.00"))
    # a code read from its figures alone is a guess to confirm, however the count is said
    (d,) = draft("60337 - 2 stolen", make_context(items=items))
    assert d.sku == "LEGO-60337" and d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # gone out of the locked cage was taken (a sure shrinkage); searched, it stays short
        ("1 SKU-12 went walkies out of the locked cage sometime this week", Category.CASUALTY),
        ("from the cage (C-1), 2 SKU-12 went missing between 3/2 and 3/9", Category.CASUALTY),
        ("checked the cage, 3 SKU-12 missing", Category.SHRINKAGE),
        # cut by someone on purpose; cut opening a carton is damage in use
        ("somebody slashed the window display with a box cutter overnight, 3 SKU-12 are cut up",
         Category.CASUALTY),
        ("the box cutter slashed 3 SKU-12 opening the carton", Category.LOSS),
        # a twister beside weather only ("Twister" is a game, "260Q twisters" balloons)
        ("2 twister games SKU-12 crushed", Category.LOSS),
        ("a twister hit the yard, 4 SKU-12 gone", Category.CASUALTY),
        # a window smashed and goods taken after it is the break-in (it was a routine loss)
        ("police case 2024-118274: front window smashed sat night 11/16, they took 6 SKU-12 "
         "off the display", Category.CASUALTY),
        ("back door smashed, 3 SKU-12 broken", Category.LOSS),
        # put out for less, as the floor says it
        ("5 SKU-12 with dented corners, moving them to the seconds shelf at $10 ea",
         Category.WRITE_DOWN),
        ("seconds: 3 SKU-12 missing the lid, price them $10", Category.WRITE_DOWN),
        ("short dated SKU-12, 8 boxes, write the cost down 25%", Category.WRITE_DOWN),
        # a surprise the count turned up, booked in
        ("count turned up a surprise case of SKU-12 on the top shelf, pls book it in",
         Category.OVERAGE),
    ],
)  # fmt: skip
def test_floor_words_of_round_249(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


def test_on_the_house_beside_a_count_is_no_gift() -> None:
    # "the 5lb house" is the house blend; "on the house" was read as given away
    items = {
        "RB-HOUSE-5LB": ItemInfo(
            "RB-HOUSE-5LB", "House Blend whole bean 5 lb bag", Decimal("26.50")
        )
    }
    (d,) = draft(
        "physical count on the 5lb house is 8 under what QB says", make_context(items=items)
    )
    assert (d.category, d.amount) == (Category.SHRINKAGE, Decimal("212.00"))
    (d,) = draft("the church pantry took 15 SKU-12, on the house", make_context(items=ITEMS))
    assert d.category is Category.DONATION


def test_a_count_the_system_agrees_with_after_the_goods_is_no_write_off() -> None:
    # "12 SKU-12, system says 12": the comma after the figure hid the agreement
    with pytest.raises(DraftError):
        draft("cycle count rack A: 12 SKU-12, system says 12, all good", make_context(items=ITEMS))


# -- held-out round 250 (sets 2037-2044) ------------------------------------------------------

FLOORING = {
    sku: ItemInfo(sku, name, Decimal(cost))
    for sku, name, cost in (
        ("ADM-MSH-0923", "Mannington Adura Max plank, Margate Oak Sandbar, carton", "86.50"),
        ("SHW-FLT-12", "Shaw Floorte Pro LVP, carton", "74.00"),
        ("UND-3IN1", "3-in-1 underlayment roll 100 sf", "39.00"),
    )
}


def test_a_total_of_goods_one_name_says_takes_that_item_as_a_guess() -> None:
    # the one Mannington line: drafted with no item at 0.97
    (d,) = draft(
        "writedown of $1,450 total on the discontinued Mannington stock per the aging review",
        make_context(items=FLOORING),
    )
    assert (d.sku, d.amount, d.category) == (
        "ADM-MSH-0923",
        Decimal("1450.00"),
        Category.WRITE_DOWN,
    )
    assert d.confidence < 0.9
    # goods said to be mixed are no one item: the card does not ask which
    mixed = Facts(
        source_text="scrap the misc Mannington and Shaw ends, $85.40 total",
        category=Category.LOSS,
        reason="scrap",
        total=Decimal("85.40"),
    )
    assert named.reserve_goods(mixed, FLOORING) == mixed
    assert (
        named.reserve_goods(
            replace(mixed, source_text="scrap the Mannington ends, $85.40"), FLOORING
        ).sku
        == "ADM-MSH-0923"
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # taken, as the floor tells it (shrinkage, or a routine loss with no reason)
        ("the SKU-12 walked. 3 gone from the rack by the door, def someone stuffed them in a "
         "backpack, its on the camera", Category.CASUALTY),
        ("4 SKU-12 came back from the fitting room as empty hangers, someone wore them out "
         "under their sweats", Category.CASUALTY),
        # paint thrown in a protest is vandalism; a painter's splash is an accident
        ("SKU-12 qty 9 - paint thrown on the outdoor rack during the protest", Category.CASUALTY),
        # damage words the lexicon lacked (refused, or a routine loss with no reason)
        ("receiving dock door 3, 6/14: forklift pierced 9 SKU-12", Category.LOSS),
        ("a dozen SKU-12 came in with the crest printed upside down, not sellable, scrapping "
         "them", Category.LOSS),
        ("the SKU-12 from the last batch snap at the hinge. pulling all 48 we have left and "
         "scrapping", Category.LOSS),
        # a refund already given, the stock asked to be written off (refused as a refund)
        ("got a ctn of SKU-12 back from the job, boards cupped. refund was already done at the "
         "counter, just need the stock written off", Category.LOSS),
    ],
)  # fmt: skip
def test_floor_words_of_round_250(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category and not d.reason_assumed


def test_a_painters_splash_is_no_vandalism() -> None:
    (d,) = draft("the painter splashed paint on 3 SKU-12", make_context(items=ITEMS))
    assert d.category is Category.LOSS


@pytest.mark.parametrize(
    "text",
    [
        "*Cycle count* :white_check_mark: SKU-12, 120 sheets counted, 120 in system",
        "recounted the SKU-12, it's 120 like the system says. my bad",
        "count on bin B3 (13 batts) matches — 24 SKU-12 on the shelf, 24 in QB",
    ],
)
def test_counts_the_books_agree_with_are_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 251 (sets 2045-2052) ------------------------------------------------------


def test_goods_sent_back_on_an_rma_for_credit_are_no_write_off() -> None:
    # it was a sure loss; with the credit refused and the write-off asked, it is one
    with pytest.raises(DraftError):
        draft(
            "sending 6 defective SKU-12 back to brother on RMA 77120, they're crediting our "
            "account",
            make_context(items=ITEMS),
        )
    (d,) = draft(
        "sending 6 defective SKU-12 back to brother on RMA 77120, they denied credit, write "
        "them off",
        make_context(items=ITEMS),
    )
    assert (d.category, d.amount) == (Category.LOSS, Decimal("90.00"))


def test_a_plus_before_a_code_of_letters_and_one_figure_is_over() -> None:
    # "+2 SPP6" took the heading's "count variance" (short) at 0.94
    items = {
        "SPP6": ItemInfo("SPP6", "Spring pin pack", Decimal("19.50")),
        "C-083-S": ItemInfo("C-083-S", "Filter drier 3/8", Decimal("11.40")),
    }
    a, b = draft("count variances: +2 SPP6, -1 C-083-S", make_context(items=items))
    assert (a.category, a.sku, b.category) == (Category.OVERAGE, "SPP6", Category.SHRINKAGE)


def test_goods_taken_out_of_the_bargain_bin_are_not_marked_down() -> None:
    # junked from the bargain bin was a sure write-down
    (d,) = draft(
        "misc tackle out of the bargain bin, rusty hooks spinners etc, $86.40 at cost. junk",
        make_context(items=ITEMS),
    )
    assert d.category is Category.LOSS
    (d,) = draft("4 SKU-12 scuffed, going in the bargain bin at $9", make_context(items=ITEMS))
    assert d.category is Category.WRITE_DOWN


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a break-in as told: misspelt, by the police report, by a cage still locked
        ("breakin last nite, took 2 SKU-12", Category.CASUALTY),
        ("ticket #4410: lot camera shows 2 guys loading 4 SKU-12 from rack R2 into a pickup at "
         "2:14am. police report 24-18833", Category.CASUALTY),
        ("cage C1, 6/22: 2 SKU-12 gone, cage was still locked", Category.CASUALTY),
        # broken in the back stock is no break-in
        ("jonny walker SKU-12 3 broke in back stock", Category.LOSS),
        # put out for less as seconds, or on the mistint shelf
        ("selling the SKU-12 with water-stained wrappers as seconds, 6 at $10",
         Category.WRITE_DOWN),
        ("mistints: 6 SKU-12 going on the $5 mistint shelf", Category.WRITE_DOWN),
        # an open box of goods is a container, not goods sold open-box
        ("knocked an open box of SKU-12 off the counter, 5 with cracked lids", Category.LOSS),
        # given to a trade school
        ("gave the vo-tech 3 SKU-12 for the lab", Category.DONATION),
        # a length measured over the books
        ("the SKU-12 reel measured long, +80 ft vs what the system says", Category.OVERAGE),
        # a print center is a place, no report asked for
        ("print center 9/30, job P-3321: the fuser jammed and ate 2 SKU-12, all wrinkled and "
         "smeared, unusable", Category.LOSS),
    ],
)  # fmt: skip
def test_floor_words_of_round_251(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


@pytest.mark.parametrize(
    "text",
    [
        # a count the books agree with, told with chatter after it (the aisle's 5 was drafted)
        "SKU-12 counted 30, system 30. aisle 5 done",
        # extra goods the vendor bills for are a purchase
        "got 3 extra SKU-12 in the shipment vs the packing slip, called HJC and they're "
        "invoicing us for them",
    ],
)
def test_no_write_off_in_round_251(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 252 (sets 2053-2060) ------------------------------------------------------


def test_a_count_of_the_goods_parts_is_never_sure() -> None:
    # "3 keys stuck down" of one digital piano drafted 3 pianos, $1,017.00 at 0.97
    items = {"P45B": ItemInfo("P45B", "Yamaha P-45 88-Key Digital Piano Black", Decimal("339"))}
    (d,) = draft(
        "P45B demo unit took a dive off the stand during a lesson, keybed is busted and 3 keys "
        "stuck down. scrap it",
        make_context(items=items),
    )
    assert d.confidence < 0.9
    # goods that are the parts named are counted as they are
    keys = {"KEY-SET": ItemInfo("KEY-SET", "Replacement keys, white", Decimal("4"))}
    (d,) = draft("3 KEY-SET keys cracked", make_context(items=keys))
    assert (d.quantity, d.confidence >= 0.9) == (Decimal(3), True)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a car filled up and gone, a gate's chain cut, someone into a cage
        ("drive off on pump 5 at 11:40pm, 14 SKU-12", Category.CASUALTY),
        ("12 SKU-12 went walkabout from the side yard, the gate chain was cut",
         Category.CASUALTY),
        ("somebody got into the fastener cage overnight and took 3 SKU-12", Category.CASUALTY),
        # a physical count said done, long against the system (refused as a question)
        ("did the physical on the SKU-12, we're long 2 boxes vs the system", Category.OVERAGE),
        ("back room shelf B-9, 9/12: 2 SKU-12 over vs QB", Category.OVERAGE),
        # the cost said now is no new value (drafted as write-downs)
        ("SKU-12 x 3 cases expired, cost is $40.32 a case now", Category.LOSS),
        # a lifted bridge is raised, a length nicked at the bench is cut
        ("the SKU-12 with the lifted bridge is toast, take it off the books", Category.LOSS),
        ("tossing 30 ft of SKU-12 that got nicked at the bench", Category.LOSS),
        ("2 SKU-12 got nicked from the van", Category.CASUALTY),
        # plants gone bad
        ("SKU-12 in row C have blight, pulling 25 of them and bagging for the landfill",
         Category.LOSS),
    ],
)  # fmt: skip
def test_floor_words_of_round_252(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category and not d.reason_assumed


@pytest.mark.parametrize(
    "text",
    [
        "tobacco count matches, 0 variance all brands :thumbsup:",
        "cycle count on aisle 3 SKU-12 matches system, 0 variance",
        "charged rm 1122 $120 for the 2 SKU-12 they took, it's on the folio",
    ],
)
def test_no_write_off_in_round_252(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a cut in the price said with its sign (drafted as losses of the whole cost)
        ("knock 25% off the 8 SKU-12 with scuffed lids", "30.00"),
        ("dented SKU-12: 4 going out at 50% off", "30.00"),
        ("knock $5/ctn off the 40 SKU-12, box damage", "200.00"),
    ],
)
def test_a_price_cut_with_its_sign_is_a_write_down_never_sure(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))
    assert d.confidence < 0.9  # a customer's discount reads the same


def test_a_promotions_discount_is_no_write_down() -> None:
    with pytest.raises(DraftError):
        draft(
            "rep is coming thursday at 2 to talk about the new SKU-12 bags, 10% off promo on 5+",
            make_context(items=ITEMS),
        )


# -- held-out round 253 (sets 2061-2068) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # seconds said as the sales floor says them (drafted as losses of the new price)
        ("4 SKU-12 with small dents, moving them to scratch and dent at $10",
         Category.WRITE_DOWN),
        ("3 SKU-12 scuffed up, selling them as a second for $9", Category.WRITE_DOWN),
        # gone, as the floor tells it
        ("2 SKU-12 just went poof between counts, no clue", Category.SHRINKAGE),
        ("3 SKU-12 fell off the truck somewhere on the route, never found them",
         Category.SHRINKAGE),
        ("2 bx of SKU-12 missing from receiving, never made it to the floor",
         Category.SHRINKAGE),
        # taken, as the floor tells it (a shortfall, a routine loss or refused as chatter)
        ("customer switched one of our SKU-12 for a fake during a try-on", Category.CASUALTY),
        ("one of the SKU-12s walked during the lunch rush. camera shows a guy palming it",
         Category.CASUALTY),
        ("we got hit sunday night - they smashed the glass case and cleaned out 2 SKU-12",
         Category.CASUALTY),
        # gone bad
        ("30 yd of SKU-12 sat against the heater vent and fused to itself", Category.LOSS),
        ("chuck 15 SKU-12, they've gone rubbery in the bottle", Category.LOSS),
    ],
)  # fmt: skip
def test_floor_words_of_round_253(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category and not d.reason_assumed


@pytest.mark.parametrize(
    "text",
    [
        "RMA 5521 going back to trek for the 2 SKU-12 with the cracked dropout, credit expected",
        "customer says they got 4 cases of bad SKU-12, we're crediting their account $115",
        "recall swap came in, vendor replaced the 8 cs of SKU-12 1 for 1",
        "returned 3 SKU-12 to Gems Inc on memo 2291, they were never ours",
    ],
)
def test_no_write_off_in_round_253(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_police_report_is_no_report_asked_for() -> None:
    # it was refused as a request for a report
    (d,) = draft(
        "back door got pried overnight and they took 2 SKU-12 off the floor. police report "
        "24-11873, insurance guy coming thurs",
        make_context(items=ITEMS),
    )
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    ("text", "category", "amount"),
    [
        # one piece of goods said as "it", in any tense (no count: asked)
        ("the SKU-12 got backed over by a minivan in the lot. frame's folded, writing it off",
         Category.LOSS, "15.00"),
        ("the SKU-12 in the window is sun faded, marking it down to $10",
         Category.WRITE_DOWN, "5.00"),
    ],
)  # fmt: skip
def test_it_said_of_the_goods_in_any_tense_is_one_piece(
    text: str, category: Category, amount: str
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity, d.amount) == (category, Decimal(1), Decimal(amount))
    assert d.confidence < 0.9


# -- held-out round 254 (sets 2069-2076) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an item not yet set up in QuickBooks is no count over the books
        ("6 SKU-99 (not in QB yet) cracked in the box, $4.25 each", Category.LOSS),
        # where ruined goods sat is no markdown (a write-down asked for the whole cost)
        ("the SKU-12 on the clearance rack are toast, 8 of them rusted thru", Category.LOSS),
        ("25 SKU-12 with the old patch, value 4.00 each, we'll sell them in the bargain bin",
         Category.WRITE_DOWN),
        # a shoplifter as the floor says it, a shelf that has nothing
        ("booster hit the nail aisle again, 9 SKU-12 gone", Category.CASUALTY),
        ("ghost inventory on the SKU-12: system says 80 boxes, shelf has zip",
         Category.SHRINKAGE),
        # a blade's tip is no gratuity (refused as a payment)
        ("SKU-12 para military 2, blade snapped at the tip, 1 ea", Category.LOSS),
    ],
)  # fmt: skip
def test_floor_words_of_round_254(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category and not d.reason_assumed


@pytest.mark.parametrize(
    "text",
    [
        # a delivery checked in (a loss at 0.87 by "dropped")
        "sysco dropped 10 cs SKU-12, PO 44817, temps good, checked in",
        "Taco Loco truck picked up 3 cs SKU-12, put it on their member account",
        "cycle count aisle 9: SKU-12 240 system, 240 on the shelf. matches",
    ],
)
def test_no_write_off_in_round_254(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 255 (sets 2077-2084) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a code with a point beside its sign ("VAL70.951 +5" took the heading's shortfall)
        ("count variances aisle 14: SKU-12 -12, VAL70.951 +5", Category.OVERAGE),
        # the cost said as the vendor's new price is no new value (drafted as write-downs)
        ("SKU-12 22 lb moldy, $2.60/lb (new price on the last PO)", Category.LOSS),
        # given away when a shelter picked the goods up
        ("shelter on grand picked up 3 SKU-12 we couldnt move before end of season",
         Category.DONATION),
        # taken or wrecked, as the floor tells it
        ("had a walkout on a SKU-12 - kid just strolled out the door with it on his shoulder",
         Category.CASUALTY),
        ("caught a bartender on cam helping himself to SKU-12, 2 btls over the last month",
         Category.CASUALTY),
        ("some punks trashed the sidewalk display last night, smashed the 4 SKU-12 we had out "
         "front", Category.CASUALTY),
        # cut along its length is no theft
        ("cut 25 ft of SKU-12 off the reel, jacket nicked the whole length. scrap", Category.LOSS),
        # gone bad as the floor says it
        ("kill 2 pails of SKU-12 out of the system, ants got in", Category.LOSS),
    ],
)  # fmt: skip
def test_floor_words_of_round_255(text: str, category: Category) -> None:
    drafts = draft(text, make_context(items={**ITEMS, "VAL70.951": ITEMS["SKU-12"]}))
    assert drafts[-1].category is category and not drafts[-1].reason_assumed


@pytest.mark.parametrize(
    "text",
    [
        "customer dropped off 3 empty SKU-12 for refill, tagged and in the fill line",
        "medicare claim for 2 pr SKU-12 billed, auth #A77812",
    ],
)
def test_no_write_off_in_round_255(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_report_number_is_no_report_asked_for() -> None:
    (d,) = draft(
        "truck got broken into at the jobsite drop and they took 1 SKU-12 we were delivering. "
        "report #5521",
        make_context(items=ITEMS),
    )
    assert d.category is Category.CASUALTY


# -- held-out round 256 (sets 2085-2092) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the cost said by its invoice or its rise is no payment and no new value
        ("writing off the SKU-12 that froze: 3 cases at $31.75 a case, that's what we paid on "
         "the last KeHE invoice", Category.LOSS),
        ("shoplifted: 1 SKU-12, $84.00 on the newest invoice", Category.CASUALTY),
        ("2 SKU-12 stolen, they're $36.10 each now after the price increase", Category.CASUALTY),
        # given away, as said on the floor
        ("donted 30 lbs of SKU-12 to the elemntary school breakfast program", Category.DONATION),
        ("kicked 3 SKU-12 to the furniture bank since they were last season stock",
         Category.DONATION),
        # knocked down by a sum
        ("knock the faded SKU-12 down $2 each, 48 of them", Category.WRITE_DOWN),
        # opened returns that cannot be sold; in over the fence
        ("86 the 4 SKU-12 from the returns rack, they've been opened and can't be resold",
         Category.LOSS),
        ("kids hopped the fence sat nite and smashed 20 SKU-12 for fun", Category.CASUALTY),
    ],
)  # fmt: skip
def test_floor_words_of_round_256(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category and not d.reason_assumed


@pytest.mark.parametrize(
    "text",
    [
        "cycle count aisle 3 done, SKU-12 48 system / 48 on shelf :thumbsup:",
        "physical on SKU-12 matched: 212 pr QB, 212 pr on the shelf",
        "ok to bill Hanson for the 3 SKU-12 they grabbed yesterday?",
        # a vendor's credit to come is still no write-off
        "rep pulled the stales, 14 bags SKU-12, credit on the next invoice",
    ],
)
def test_no_write_off_in_round_256(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 257 (sets 2093-2100) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a price cut said as marking down by a share, or taking a sum off
        ("mark the 2 SKU-12 display units down 25%", Category.WRITE_DOWN),
        ("take $5 a unit off the 30 SKU-12 with the old style casing", Category.WRITE_DOWN),
        ("dented SKU-12, 24 cans, selling to the liquidator at $3 a can", Category.WRITE_DOWN),
        # short scraps are no shortfall; nicked every couple of feet is cut
        ("new guy hacked 52 ft of SKU-12 into short scraps. write it off", Category.LOSS),
        ("1 spool of SKU-12 got run over by the trencher, nicked every couple feet. scrap the "
         "whole spool", Category.LOSS),
        # the cost said "(new price)" is no new value
        ("dumped 14 tubs SKU-12 @ $9.10 ea (new price)", Category.LOSS),
        # comped to a church, a science fair's gift
        ("we comped 3 pr of SKU-12 to St. Mark's church youth group for their winter outing",
         Category.DONATION),
        # security tags cut: taken
        ("Aisle 2 endcap, 11/28: 3 SKU-12 gone, security tags found cut open in the restroom",
         Category.CASUALTY),
        ("bistro lites 4 SKU-12 shortd out, tossing", Category.LOSS),
    ],
)  # fmt: skip
def test_floor_words_of_round_257(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category and not d.reason_assumed


@pytest.mark.parametrize(
    "text",
    [
        "pulled 22 unsold SKU-12 and stripped the covers for distributor credit",
        "WO 10423: 500 mile service, used 2 SKU-12 and 1 qt oil, billed on the ticket",
        "customer dropped off his old cracked SKU-12 for us to toss, fyi it's in the dumpster",
    ],
)
def test_no_write_off_in_round_257(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 258 (sets 2101-2108) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("SKU-12 count came up fat by 2 bags", Category.OVERAGE),
        ("SKU-12 with cracked outer sleeves -> outlet bin at $6, 33 of them", Category.WRITE_DOWN),
        ("SKU-12 with scratched frames will go at $4.50, qty 18", Category.WRITE_DOWN),
    ],
)
def test_floor_words_of_round_258(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category and not d.reason_assumed


def test_a_customer_picking_up_their_order_is_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft(
            "Martinez Foods picked up their 18 cs SKU-12, BOL 30092 signed",
            make_context(items=ITEMS),
        )


# -- held-out round 259 (sets 2109-2116) ------------------------------------------------------


def test_a_reserve_booked_against_goods_builds_it() -> None:
    # "against the old kits" is what the reserve is for: it was a sure use of the reserve
    (d,) = draft(
        "book an obsolescence reserve of $300 against the old SKU-12 kits, they're not moving",
        make_context(items=ITEMS),
    )
    assert d.category is Category.RESERVE_PROVISION
    (d,) = draft("write off 5 SKU-12 against the reserve", make_context(items=ITEMS))
    assert d.category is Category.RESERVE_WRITE_OFF


@pytest.mark.parametrize(
    "text",
    [
        "short-dated SKU-12: 60 bottles going out at $1.25",
        "48 dented SKU-12 -> seconds price $1.00 ea",
    ],
)
def test_goods_going_out_at_a_price_are_written_down(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.WRITE_DOWN


@pytest.mark.parametrize(
    "text",
    [
        "2 SKU-12 going back under RA 5532, louet is crediting our account for both",
        "invoice 88123 from us foods was short 2 bags SKU-12, they're redelivering tmrw",
        "vendor is shipping 8 replacement SKU-12 at no charge for the ones that came chipped",
    ],
)
def test_no_write_off_in_round_259(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


# -- held-out round 261 (sets 2125-2132) ------------------------------------------------------


@pytest.mark.parametrize("place", ["back lot", "parking lot", "side lot"])
def test_a_lot_that_is_a_place_says_no_many(place: str) -> None:
    # "EB-VRV2-M stolen from the back lot": one costly item; "lot" there is the yard, not a
    # lot of goods (the card had asked for an amount)
    items = {"EB-9": ItemInfo("EB-9", "E-bike, M", Decimal("1890.00"))}
    (d,) = draft(f"EB-9 stolen from the {place}", make_context(items=items))
    assert d.quantity == 1
    assert d.amount == Decimal("1890.00")
    assert d.confidence < 0.9


def test_a_roll_up_door_is_no_report_asked_for() -> None:
    # "roll-up" is a report's word, and "got smashed" read as "got" asking for it: the storm's
    # case of pints had been refused as a request for a report
    items = {"GLS-24": ItemInfo("GLS-24", "Shaker pint 16oz, case of 24", Decimal("52.80"))}
    (d,) = draft(
        "storm blew the roll-up door in, a case of shaker pints got smashed",
        make_context(items=items),
    )
    assert d.category is Category.CASUALTY
    assert d.amount == Decimal("52.80")


@pytest.mark.parametrize(
    "text",
    [
        "the vendor is sending an RMA credit for the 3 bad SKU-12, they're covering it",
        "Landau is issuing an RMA credit for the 12 defective SKU-12",
        "sending back an RMA for the 2 SKU-40 motors, they'll credit us $458",
    ],
)
def test_a_credit_the_vendor_gives_is_no_write_off(text: str) -> None:
    # each had drafted a loss of goods the vendor pays for
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        "inventory on SKU-12 strut: 63 counted, 63 on the books :thumbsup:",
        "count done for dry storage: 62 bags SKU-12, 18 bags SKU-40, everything ties out",
    ],
)
def test_a_count_that_ties_out_is_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_count_that_does_not_tie_out_is_still_read() -> None:
    (d,) = draft("SKU-12 doesn't tie out, 4 short", make_context(items=ITEMS))
    assert d.category is Category.SHRINKAGE
    assert d.quantity == 4


@pytest.mark.parametrize("text", ["tulips - 7 bunches bent over, trash", "tulips: 7 bunches dead"])
def test_the_bunches_counted_are_no_name_of_the_goods(text: str) -> None:
    # "bunches" had been read as a second naming of "Tulip ..., bunch of 10" and the count
    # left without its unit: 7 stems at a tenth of the bunch's cost ($7.98)
    items = {"FR-TUL": ItemInfo("FR-TUL", "Tulip Dutch assorted, bunch of 10", Decimal("11.40"))}
    (d,) = draft(text, make_context(items=items))
    assert d.sku == "FR-TUL"
    assert d.amount == Decimal("79.80")


# -- held-out round 262 (sets 2133-2140) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a clearance price after "@" (drafted as a loss at the clearance price)
        ("clearance: 3 SKU-40 @ 100", "126.00"),
        # moved to be sold for less is a write-down, not stock moved (it had been refused)
        ("move 4 SKU-40 to clearance at $100 each", "168.00"),
        # seconds at their price now (drafted as a loss of the new price)
        ("seconds: 2 SKU-40 w/ paint flaw, now $100", "84.00"),
    ],
)
def test_goods_cleared_or_sold_as_seconds_at_a_price_are_written_down(
    text: str, amount: str
) -> None:
    items = {"SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    (d,) = draft(text, make_context(items=items))
    assert d.category is Category.WRITE_DOWN
    assert d.amount == Decimal(amount)


def test_stock_moved_with_no_price_or_reason_is_still_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft("moved 20 damaged SKU-12 to bay 9", make_context(items=ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        "SKU-12 gave up the ghost, 6 of them",
        "6 SKU-12 in the compost",
        "10 SKU-12 gone gloopy, writing them off",
        "SKU-12 got eaten by the generator, 1",
        "4 SKU-12 chunked out in the yard",
        "gotta eat the cost on 10 SKU-12, nothing to be done",
    ],
)
def test_round_262_words_for_ruined_goods(text: str) -> None:
    # each had drafted with no reason read (a routine loss assumed, below 0.5), and "gone
    # gloopy" as goods gone missing at 0.87
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS
    assert d.reason_assumed is False


# -- held-out round 263 (sets 2141-2148) ------------------------------------------------------


def test_goods_named_by_the_initials_of_three_words_of_their_name() -> None:
    # "PRVs" of "Watts pressure reducing valve": the list's words in lower case had no
    # initials, and the card asked for a unit cost
    items = {
        "LF25": ItemInfo("LF25", 'Watts pressure reducing valve 3/4" LF25AUB-Z3', Decimal("142")),
        "WAX-R": ItemInfo("WAX-R", "Wax ring w/ flange", Decimal("2.45")),
    }
    (d,) = draft("missing 3 PRVs, no clue where they went", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("LF25", 3, Decimal("426.00"))
    assert d.category is Category.SHRINKAGE
    assert d.confidence < 0.9


def test_a_floor_acronym_is_no_initials_of_a_name() -> None:
    # "Return merchandise authorization" is a name that initials as RMA; the floor's "RMA" is
    # its own word
    items = {"RMA-1": ItemInfo("RMA-1", "Rubber mat anchor", Decimal("12.00"))}
    drafts = draft("RMA for 3 cracked SKU-12 approved, 3 at $15", make_context(items=items))
    assert all(d.sku != "RMA-1" for d in drafts)


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # the name read as the item: the pair guessed two pieces (six pants at $179)
        ("shoplifter walked out with 3 pairs of Sitka mountain pants size XL", "3", "537.00"),
        # readers are a pair as one piece; a box of 12 of them costs $42
        ("shoplifter grabbed 1 pair of the +2.50 readers off the rack", "1", "3.50"),
    ],
)
def test_pairs_of_goods_that_are_one_piece_a_pair(text: str, quantity: str, amount: str) -> None:
    items = {
        "SIT-XL": ItemInfo("SIT-XL", "Sitka Mountain Pant Optifade - XL", Decimal("179.00")),
        "RDR-250": ItemInfo("RDR-250", "Readers +2.50 spring hinge asst, box of 12", Decimal("42")),
    }
    (d,) = draft(text, make_context(items=items))
    assert d.quantity == Decimal(quantity)
    assert d.amount == Decimal(amount)
    assert d.category is Category.CASUALTY


# -- held-out round 264 (sets 2149-2156) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Xerox is replacing the 4 bottles of SKU-12 that leaked in transit, no charge to us",
        "sent back 3 defective SKU-12 under warranty, Schrader is replacing them free",
        "vendor is sending a new SKU-40 under warranty for the cracked one",
    ],
)
def test_goods_the_vendor_replaces_free_are_no_write_off(text: str) -> None:
    # the first had been a sure loss (0.97) of goods the vendor makes good
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_goods_we_replace_for_a_customer_are_still_ours_to_write_off() -> None:
    (d,) = draft(
        "customer's 2 SKU-12 arrived smashed, we're replacing them free",
        make_context(items=ITEMS),
    )
    assert d.quantity == 2


# -- held-out round 265 (sets 2157-2164) ------------------------------------------------------


_SAME_GOODS_IN_TWO_UNITS = {
    "HZ-4": ItemInfo("HZ-4", "Hazy Daze IPA 16oz 4pk", Decimal("7.20")),
    "HZ-24": ItemInfo("HZ-24", "Hazy Daze IPA 16oz, case of 24", Decimal("43.20")),
    "HZ-KEG": ItemInfo("HZ-KEG", "Hazy Daze IPA 1/2 bbl keg", Decimal("128.00")),
    "PN-750": ItemInfo("PN-750", "2020 Russian River Pinot Noir 750ml", Decimal("16.40")),
    "PN-CS": ItemInfo("PN-CS", "2020 Russian River Pinot Noir, case of 12", Decimal("196.80")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # the cases counted are the list's case line (the card had asked which Hazy)
        ("3 cs hazy dented (24/cs)", "HZ-24", "129.60"),
        # bottles counted are the bottle's line, not the case's
        ("the 2020 pinot - 4 btls are toast, corked", "PN-750", "65.60"),
    ],
)
def test_the_unit_counted_picks_the_line_it_fits(text: str, sku: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_SAME_GOODS_IN_TWO_UNITS))
    assert (d.sku, d.amount) == (sku, Decimal(amount))
    assert d.confidence < 0.9


# -- held-out round 266 (sets 2165-2172) ------------------------------------------------------


def test_the_five_of_a_five_finger_discount_is_no_count() -> None:
    # the "5" had been read as five goods stolen beside the 6 gone (two drafts)
    (d,) = draft(
        "5 finger discount at the key kiosk again: 6 SKU-12 gone", make_context(items=ITEMS)
    )
    assert (d.category, d.quantity) == (Category.CASUALTY, 6)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("7 SKU-12 have mites, pitching them", Category.LOSS),
        ("some punks smashed up the sidewalk cooler, 4 SKU-12 ruined", Category.CASUALTY),
        ("none of the 6 SKU-12 survived, all smashed", Category.LOSS),
        ("system 70 SKU-12, counted none", Category.SHRINKAGE),
    ],
)
def test_round_266_words(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


# -- held-out round 267 (sets 2173-2180) ------------------------------------------------------


def test_a_pair_of_figures_in_a_name_is_said_by_its_first() -> None:
    # "Jaws 56" of "... wedge 56/10 S": the 56 had been read as a price beside "Jaws",
    # which names both wedges
    items = {
        "J56": ItemInfo("J56", "Callaway Jaws Raw wedge 56/10 S", Decimal("109.00")),
        "J60": ItemInfo("J60", "Callaway Jaws Raw wedge 60/10 S", Decimal("109.00")),
    }
    (d,) = draft("cycle count found 3 extra Jaws 56 wedges", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("J56", 3, Decimal("327.00"))
    assert d.category is Category.OVERAGE


@pytest.mark.parametrize(
    "text",
    [
        "the scorecard pencils are toast - whole box of 144 got soaked",
        "scorecard pencils: WHOLE BOX got soaked",
    ],
)
def test_a_whole_box_is_one_box(text: str) -> None:
    # "whole box of 144 got soaked": the card had asked for an amount
    items = {"PNC-144": ItemInfo("PNC-144", "Scorecard pencils, box of 144", Decimal("8.40"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.sku, d.amount) == ("PNC-144", Decimal("8.40"))


# -- held-out round 268 (sets 2181-2188) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        ("break-in last night. they took the X100V out of the used case", "U-478", "980.00"),
        ("smash and grab at 3am, they got the 5D IV body off the used shelf", "U-433", "1240.00"),
    ],
)
def test_one_costly_item_taken_from_a_case_or_by_them(text: str, sku: str, amount: str) -> None:
    # the display case is no case of goods, "they got" are the thieves, and "X100V" is no
    # "x 100": each had asked for an amount
    items = {
        "U-478": ItemInfo("U-478", "USED Fujifilm X100V silver - Grade B", Decimal("980")),
        "U-433": ItemInfo("U-433", "USED Canon EOS 5D Mark IV body - Grade A-", Decimal("1240")),
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == (sku, 1, Decimal(amount))
    assert d.category is Category.CASUALTY
    assert d.confidence < 0.9


# -- held-out round 269 (sets 2189-2196) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the salon on Maple wants 6 SKU-12 for Friday pickup",
        "OR needs 6 SKU-40 on the cart for room 7 tomorrow",
        "need 60 SKU-12 for the Patterson order friday",
        "pls quote 12 SKU-40 for the Hendersons",
        "send 20 SKU-12 up to the spa pls",
        "holding 4 SKU-40 for a customer pickup friday",
        "made 40 lbs of SKU-12 today, best batch yet",
        "ironer 2 ran 1,400 SKU-12 today, new record",
        "walk-in temp reading 38F at 6am, 12 SKU-12 on the top shelf",
    ],
)
def test_orders_and_the_days_work_are_no_write_off(text: str) -> None:
    # each had drafted a loss with no reason (below 0.5), where writers expect no draft
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_goods_wanted_written_off_are_still_drafted() -> None:
    (d,) = draft("chef wants 6 SKU-12 written off for friday, moldy", make_context(items=ITEMS))
    assert d.quantity == 6


# -- held-out round 270 (sets 2197-2204) ------------------------------------------------------


def test_goods_named_by_an_unknown_code_and_a_reason_are_a_request() -> None:
    # "PS5 digital stolen": no count, no code the list knows, no place; the list's name says
    # which one (it had been refused: no write-off found)
    items = {
        "CFI-A": ItemInfo("CFI-A", "PlayStation 5 Console - Disc Edition", Decimal("340")),
        "CFI-B": ItemInfo("CFI-B", "PlayStation 5 Console - Digital Edition", Decimal("290")),
    }
    (d,) = draft("PS5 digital stolen", make_context(items=items))
    assert (d.category, d.sku) == (Category.CASUALTY, "CFI-B")
    assert d.confidence < 0.9


def test_goods_with_ink_marks_are_damaged() -> None:
    # the second part had taken the first's theft (a casualty at 0.82)
    first, second = draft(
        "4 SKU-12 stolen from the fitting room, 3 SKU-40 with ink marks", make_context(items=ITEMS)
    )
    assert (first.category, second.category) == (Category.CASUALTY, Category.LOSS)


# -- held-out round 271 (sets 2205-2212) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Elf bar rep RMA'd the 20 leaking SKU-12, replacements coming next week",
        "Horizon is covering the crushed SKU-40 under their freight claim, replacement en route",
        "zyn count: 22 SKU-12, 18 SKU-40, all good",
        "got 6 boxes of SKU-12 in, unboxed and shelved",
    ],
)
def test_round_271_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("customer palmed a SKU-12 while I was ringing someone else up", Category.CASUALTY),
        (
            "turned up 2 SKU-12 behind the returns desk that were never in the system",
            Category.OVERAGE,
        ),
    ],
)
def test_round_271_words(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "3 pr shoes SKU-12 moldy from sitting in the wet donation bin, tossing them",
            Category.LOSS,
        ),
        ("vandalism on the donation trailer, 12 SKU-12 smashed up", Category.CASUALTY),
    ],
)
def test_the_donation_bin_is_a_place_not_a_gift(text: str, category: Category) -> None:
    # each had been drafted as a donation at 0.87
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


# -- held-out round 272 (sets 2213-2220) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "EB-9 stolen from the lot",
        "the EB-9 that was on the rack grew legs over the weekend",
    ],
)
def test_one_costly_item_beside_a_lot_or_legs(text: str) -> None:
    # "the lot" the goods were taken from, and the legs they grew, are no many goods: each
    # had asked for an amount
    items = {"EB-9": ItemInfo("EB-9", "Yamaha F9.9 kicker outboard", Decimal("2845.00"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (1, Decimal("2845.00"))
    assert d.confidence < 0.9


def test_a_cooler_that_says_a_figure_is_the_count() -> None:
    # "cooler says 26" beside "books say 20" had drafted a loss of the 20
    (d,) = draft("Books say 20 SKU-12, cooler says 26. six extra", make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.OVERAGE, 6)


# -- held-out round 273 (sets 2221-2228) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "86 the 2 cases of SKU-12, they're hockey pucks",
        "86 the SKU-12, 2 cases went to slime",
        "1 bag SKU-12 bought the farm",
        "corn went starchy, 3 SKU-12 are hog feed now",
        "peaches are past it - 3 SKU-12 going to the chickens",
    ],
)
def test_round_273_words_for_spoiled_goods(text: str) -> None:
    # each had been refused (stock received, a payment, or no write-off found)
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS


# -- held-out round 274 (sets 2229-2236) ------------------------------------------------------


def test_goods_we_stopped_using_do_not_use_the_reserve() -> None:
    # "book $750 to the reserve for the old jars we stopped using" had been a sure use of the
    # reserve (0.97): booking to it builds it
    (d,) = draft(
        "book $750 to the E&O reserve for the old SKU-12 we stopped using",
        make_context(items=ITEMS),
    )
    assert d.category is Category.RESERVE_PROVISION
    (d,) = draft(
        "write off 5 SKU-12 we no longer use, using the E&O reserve", make_context(items=ITEMS)
    )
    assert d.category is Category.RESERVE_WRITE_OFF


def test_larvae_found_in_goods_are_damage_not_an_overage() -> None:
    # "found" had been read as goods found over the books
    items = {"SP-4": ItemInfo("SP-4", "Star anise 4oz", Decimal("2.40"))}
    (d,) = draft("SP-4 x 25 found moth larvae, $60 even", make_context(items=items))
    assert (d.category, d.amount) == (Category.LOSS, Decimal("60.00"))


# -- held-out round 275 (sets 2237-2244) ------------------------------------------------------


def test_half_a_counted_case_of_a_case_priced_line_is_half_its_cost() -> None:
    # "half a case of matzo crushed - 6 boxes" of "Matzo, 1 lb box, 12/cs" at $38.40: the
    # list's cost is the case's when the message counts cases (it had been 6 x $38.40)
    items = {"07113-04": ItemInfo("07113-04", "Matzo, unsalted, 1 lb box, 12/cs", Decimal("38.40"))}
    (d,) = draft("half a case of matzo crushed - 6 boxes", make_context(items=items))
    assert d.amount == Decimal("19.20")


# -- held-out round 278 (sets 2261-2268) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "book a $2,500 obsolescence reserve for the discontinued SKU-12",
        "book $750 to the inventory reserve for SKU-12, the customer dropped the contract",
    ],
)
def test_a_reserve_booked_for_goods_that_lost_their_value_builds_it(text: str) -> None:
    # the goods' story ("discontinued", "dropped") had beaten the reserve's weak verb: a loss,
    # Dr 5000/5200 / Cr 1200, the reserve left out
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.RESERVE_PROVISION


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("6 SKU-12 dinged, still usable, drop them by $5 each", "30.00"),
        ("3 SKU-12 scuffed, sell as blemished at $10", "15.00"),
    ],
)
def test_round_278_words_for_goods_kept_at_less(text: str, amount: str) -> None:
    # each had been a loss of the new price (or of the cut) times the count
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("bin for SKU-12 is light by 2", Category.SHRINKAGE),
        ("SKU-12 bin is light by 2", Category.SHRINKAGE),
        ("count on SKU-12 is up 12", Category.OVERAGE),
        ("Q3 count Boise: up 5 on SKU-12", Category.OVERAGE),
        ("tally for SKU-12 is down 3", Category.SHRINKAGE),
    ],
)
def test_a_count_off_said_of_a_bin_or_with_the_goods_between(text: str, category: Category) -> None:
    # each had been a routine loss with no reason (0.45): the way the count is off was unread
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


def test_a_made_in_layers_name_prices_the_piece() -> None:
    # "3-layer vented bee suit" at $129.00 had been priced by "the layer of 3": two suits
    # $86.00, and a count of them asked as layers or pieces
    items = {"SUIT-L": ItemInfo("SUIT-L", "3-layer vented bee suit, L", Decimal("129.00"))}
    (d,) = draft("mice got in, 2 SUIT-L chewed", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(2), Decimal("258.00"))
    # ... while a pallet's layer of so many is still one
    assert packs.size_of("Water 500ml, layer of 8 cases") is not None


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("X4 - 9 (4pk) damaged", 9),
        ("found 4 extra X4 4pks in the back", 4),
        ("X4 x 10, 4pks all crushed", 10),
        # ... while a pack said alone is the count there is
        ("a X4 4pk fell off the shelf", 1),
    ],
)
def test_the_lists_own_retail_pack_said_again_is_no_count(text: str, quantity: int) -> None:
    # "9 (4pk)" of a "..., 4pk" line had been read as 1 pack of 4, the 9 not understood
    items = {"X4": ItemInfo("X4", "Kids toothbrush extra soft 4pk", Decimal("3.20"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), quantity * Decimal("3.20"))


def test_damaged_goods_worth_less_now_are_written_down() -> None:
    # "cosmetic damage on the cover, worth $1,100 now" of a $1,450 organ had been a loss of
    # $1,100 (the value kept read as the amount lost)
    items = {"ORG-1": ItemInfo("ORG-1", "Tone wheel organ, reconditioned", Decimal("1450.00"))}
    (d,) = draft(
        "ORG-1 1 with cosmetic damage on the cover, worth $1,100 now", make_context(items=items)
    )
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("350.00"))


@pytest.mark.parametrize(
    "text",
    [
        "re: the widgets, yes, write off 11 SKU-12, seams gone",
        "SKU-12 x 11, heels gone",
        "customer refused 11 SKU-12, we cut them too short, scrap them",
    ],
)
def test_a_part_gone_or_goods_cut_too_short_are_damage(text: str) -> None:
    # each had been shrinkage: "gone" and "short" read as goods missing on a count
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.LOSS, Decimal(11))
    # ... while goods gone, or counted short, still are
    (d,) = draft("11 SKU-12 gone from the bin", make_context(items=ITEMS))
    assert d.category is Category.SHRINKAGE


# -- held-out round 279 (sets 2269-2276) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SKU-12 10 pcs, worth $5 less each now that the new style is out",
        "10 SKU-12 now worth $5 less each",
        "10 SKU-12 worth $5 less each",
    ],
)
def test_worth_so_much_less_is_the_cut_not_the_value(text: str) -> None:
    # "worth $25 less each now" had been a sure write-down to $25 (the cut read as the value
    # kept), or a loss of $5
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("50.00"))
    # ... while the value kept is still read as one
    (d,) = draft("10 SKU-12 now worth $5 each", make_context(items=ITEMS))
    assert d.amount == Decimal("100.00")


@pytest.mark.parametrize(
    ("name", "cost", "text", "quantity", "amount"),
    [
        ("Cake box 10x10x5 white, bundle of 100", "0.68", "3 bundles X1 crushed", 300, "204.00"),
        ("Parchment sheets 16x24, 1000/cs", "0.05", "X1 1 case soaked", 1000, "50.00"),
        ("Lace doilies 10in (box of 250)", "0.04", "X1 3 boxes crushed", 750, "30.00"),
        # ... while a container that could cost so much is still the list's unit
        ("Nitrile gloves L, box of 100", "8.90", "X1 3 boxes torn", 300, "26.70"),
    ],
)  # fmt: skip
def test_whole_containers_no_container_could_cost_are_the_pieces_cost(
    name: str, cost: str, text: str, quantity: int, amount: str
) -> None:
    # "3 bundles" of a cake box "bundle of 100" at $0.68 had been 300 boxes for $2.04
    (d,) = draft(text, make_context(items={"X1": ItemInfo("X1", name, Decimal(cost))}))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


# -- held-out round 280 (sets 2277-2284) ------------------------------------------------------


def test_a_theft_word_that_names_the_goods_is_no_theft() -> None:
    # "VS-STL-R x 2 dye bled (the stole, not the red candles)" of "Deacon stole red" had
    # been a sure casualty (theft) at 0.97
    items = {"VS-STL-R": ItemInfo("VS-STL-R", "Deacon stole red", Decimal("54.00"))}
    ctx = make_context(items=items)
    (d,) = draft("VS-STL-R x 2 dye bled (the stole, not the red candles)", ctx)
    assert (d.category, d.amount) == (Category.LOSS, Decimal("108.00"))
    (d,) = draft("someone stole 2 VS-STL-R off the rack", ctx)
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("reduce 12 SKU-12 to $9 each - open box returns", "72.00"),
        ("reduce SKU-12 x 45 to 9.25", "258.75"),
        ("knock 12 SKU-12 to 9.00 each, ugly casings but fine", "72.00"),
        ("drop 4 SKU-12 to $10 each, old formula", "20.00"),
        ("lower the 40 SKU-12 to $7", "320.00"),
    ],
)
def test_a_price_verb_with_the_goods_before_their_new_price(text: str, amount: str) -> None:
    # each had been a loss of the new price times the count (the value kept read as lost)
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


_SCOPES = {
    "EQ-MSCP-400": ItemInfo("EQ-MSCP-400", "Compound microscope 40-400x LED", Decimal("169.00")),
    "GL-SLD-72": ItemInfo("GL-SLD-72", "Microscope slides plain, box of 72", Decimal("5.76")),
    "LGT-BST-48": ItemInfo("LGT-BST-48", "Bistro string lights 48ft", Decimal("54.00")),
    "CHR-XBK-NAT": ItemInfo("CHR-XBK-NAT", "Crossback chair, natural wood", Decimal("89.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "category", "quantity"),
    [
        # a name word two names share: the goods are the one whose head it is
        ("6 microscopes damaged, dropped off the cart", "EQ-MSCP-400", Category.LOSS, 6),
        # ... said by the end of it, in the plural
        ("3 scopes stolen from the van", "EQ-MSCP-400", Category.CASUALTY, 3),
        ("we're 4 scopes light after the count", "EQ-MSCP-400", Category.SHRINKAGE, 4),
        # the way a count is off after the goods' plural is no name's word ("string lights")
        ("our count came up 9 crossbacks light", "CHR-XBK-NAT", Category.SHRINKAGE, 9),
        ("3 bistro lights broken", "LGT-BST-48", Category.LOSS, 3),
    ],
)
def test_goods_by_the_head_of_their_name_and_a_count_way_after_them(
    text: str, sku: str, category: Category, quantity: int
) -> None:
    # the first three had asked which of the microscope and its slides (no price); the
    # fourth had read "light" as the string lights, a loss at 0.00
    (d,) = draft(text, make_context(items=_SCOPES))
    assert (d.sku, d.category, d.quantity) == (sku, category, Decimal(quantity))


# -- held-out round 281 (sets 2285-2292) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("5 SKU-12 write off at $350 ea (what we paid on the last PO)", "1750.00"),
        ("SKU-12 x2 write off, we paid 310 each on the last PO", "620.00"),
        ("wrote off 10 SKU-12 @ 39.00 (what we actually paid on that PO)", "390.00"),
        ("lost 1 SKU-12 to a crack, invoice on that slab was $1,295.00", "1295.00"),
        ("SKU-12 4 units burn-in, landed cost on these was $262 each", "1048.00"),
    ],
)
def test_what_the_goods_cost_said_beside_a_write_off_is_no_purchase(text: str, amount: str) -> None:
    # each had been refused as an order, a purchase, a payment or stock on its way in
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.LOSS, Decimal(amount))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("SKU-12 10 cs down to $7/cs", "80.00"),
        ("SKU-12 x3, finish came out blotchy, drop to $9.50/ea", "16.50"),
        ("SKU-12 12 cs, freezer burn on the edges, sell as 2nds at $6/cs", "108.00"),
    ],
)
def test_a_new_price_said_in_dollars_after_down_to_writes_down(text: str, amount: str) -> None:
    # each had been a loss of the new price times the count
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_a_figure_said_as_not_the_goods_is_no_count() -> None:
    # "CAS220-9404 (not the 8505!) 5 stained" had been 8,505 skeins, $74,418.75
    items = {
        "CAS220-9404": ItemInfo("CAS220-9404", "Cascade 220 worsted, 9404 Ruby", Decimal("8.75")),
        "CAS220-8505": ItemInfo("CAS220-8505", "Cascade 220 worsted, 8505 White", Decimal("8.75")),
    }
    (d,) = draft("CAS220-9404 (not the 8505!) 5 stained", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("CAS220-9404", Decimal(5), Decimal("43.75"))
    # ... while "95 vs 100", "7 not 9" are still counts
    (d,) = draft("w/o 9 SKU-12, torn. correction: 7 not 9", make_context(items=ITEMS))
    assert d.quantity == 7


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("someone smashed the glass and took the SKU-12 off the wall", Category.CASUALTY),
        ("10 SKU-12 smell funky", Category.LOSS),
    ],
)
def test_round_281_words(text: str, category: Category) -> None:
    # a loss at 0.57 ("smashed"), and no reason at all
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


@pytest.mark.parametrize(
    "text",
    [
        "EXT-9R dropped off the forks. frame bent, motor housing cracked. done.",
        "the EXT-9R is a goner, rusted all over from the roof leak",
        "EXT-9R from lot TM-22 cracked down the middle",
        "the new mutants extractor EXT-9R was stolen from the wall case",
    ],
)
def test_one_costly_piece_named_with_no_count_beside_words_that_are_no_many(text: str) -> None:
    # each had asked for an amount: "forks", "all", "lot" and the name's own plural read as
    # many goods
    items = {
        "EXT-9R": ItemInfo("EXT-9R", "New Mutants radial extractor, motorized", Decimal("1240"))
    }
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("1240.00"))
    assert d.confidence < 0.9


# -- held-out round 282 (sets 2293-2300) ------------------------------------------------------


def test_so_many_named_pieces_to_a_case_give_the_case_its_size() -> None:
    # "2 cs" of "Cilantro, 30 bunches/cs" at $0.55 had been two cases at $0.55, sure (0.97)
    items = {"HRB-CIL": ItemInfo("HRB-CIL", "Cilantro, 30 bunches/cs", Decimal("0.55"))}
    ctx = make_context(items=items)
    (d,) = draft("2 cs HRB-CIL yellowed out", ctx)
    assert (d.quantity, d.amount) == (Decimal(60), Decimal("33.00"))
    assert packs.size_of("Paper towel 12 rolls/case") == ("case", Decimal(12))
    (d,) = draft("12 bunches HRB-CIL yellowed", ctx)
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("6.60"))


@pytest.mark.parametrize(
    ("name", "cost", "text", "amount"),
    [
        # pieces of a case the list prices, their new value a piece's: the piece's cost
        ("Stoop Pils 12oz cans, case of 24", "21.60",
         "Writedown: 200 X1 cans with crooked labels, value 0.50/can", "80.00"),
        # ... but a new value above a piece's cost and below the set's is the set's
        ("Copic Sketch marker set of 12", "89.00", "X1 x 5 open-box, now worth 60 each",
         "145.00"),
    ],
)  # fmt: skip
def test_a_write_down_of_a_listed_container_reads_the_value_per_what_it_prices(
    name: str, cost: str, text: str, amount: str
) -> None:
    # each had asked for a unit cost: the pieces were priced as a share of the whole
    (d,) = draft(text, make_context(items={"X1": ItemInfo("X1", name, Decimal(cost))}))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_the_lists_retail_pack_said_again_of_goods_said_by_name() -> None:
    # "2 cs of Northpaw DIPA (6 4pks/cs)" of "Northpaw DIPA 16oz 4pk": twelve 4-packs
    items = {"20418": ItemInfo("20418", "Northpaw DIPA 16oz 4pk", Decimal("11.75"))}
    (d,) = draft("2 cs of Northpaw DIPA (6 4pks/cs) pulled", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(12), Decimal("141.00"))


# -- held-out round 283 (sets 2301-2308) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("7 SKU-12 kits with missing sprues, unsellable", Category.LOSS),
        ("SKU-12 x 5 sets each missing a stud, can't sell em", Category.LOSS),
        ("SKU-12 x 5 kits missing reagents", Category.LOSS),
        # ... while goods missing are still a shortfall
        ("5 SKU-12 missing from the bin", Category.SHRINKAGE),
        ("missing 5 SKU-12", Category.SHRINKAGE),
        # the idiom's "up" is no count's sign
        ("chalk up 5 SKU-12 to shrink, can't find them anywhere", Category.SHRINKAGE),
    ],
)
def test_a_part_the_goods_lack_and_an_idioms_up(text: str, category: Category) -> None:
    # the first three had been shrinkage, the last an overage ("up 5" read as +5)
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, Decimal(5 if "5" in text else 7))


# -- held-out round 284 (sets 2309-2316) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("count's heavy by 2 SKU-12", Category.OVERAGE),
        ("bin 22-B came up 6 SKU-12 to the good", Category.OVERAGE),
        ("bin 22-B-04 recount 9/30: SKU-12 is 5 under", Category.SHRINKAGE),
        ("SKU-12: 20 walked. nobody knows where", Category.SHRINKAGE),
    ],
)
def test_round_284_ways_a_count_is_off(text: str, category: Category) -> None:
    # each had been a routine loss with no reason
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


# -- held-out round 285 (sets 2317-2324) ------------------------------------------------------


def test_a_machine_by_its_number_is_where_the_goods_were() -> None:
    # "Roughing wheel on edger 3 (EDG-WHL-HYB) cracked" had been 3 wheels, $4,020.00, sure
    items = {"EDG": ItemInfo("EDG", "Edger roughing wheel, hybrid", Decimal("1340.00"))}
    text = "Roughing wheel on edger 3 (EDG) cracked. Tech says not repairable. Write it off."
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("1340.00"))
    assert d.confidence < 0.9


def test_goods_that_never_came_back_are_missing_not_stolen() -> None:
    # "3 VS-CER-GRY never came back and nobody knows where they are" had been a sure theft
    (d,) = draft("3 SKU-12 never came back from the show", make_context(items=ITEMS))
    assert d.category is Category.SHRINKAGE
    # ... while the one who took them and never came back stole them
    (d,) = draft("took 1 SKU-12 out for a test ride and never came back", make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_break_in_told_first_is_the_story_of_goods_only_said_lost() -> None:
    # "break-in overnight, lost 3 X and 2 Y" had drafted X a loss, Y a theft
    drafts = draft("break-in overnight, lost 3 SKU-12 and 2 SKU-40", make_context(items=ITEMS))
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


def test_what_a_name_is_priced_per_is_no_word_of_its_goods() -> None:
    # "peonies bit the dust, 40 stems" had been read as the orchid "..., per stem"
    items = {
        "PEO": ItemInfo("PEO", "Peony Sarah Bernhardt", Decimal("3.40")),
        "ORC": ItemInfo("ORC", "Cymbidium orchid green, per stem", Decimal("7.25")),
    }
    (d,) = draft("peonies bit the dust, 40 stems", make_context(items=items))
    assert (d.sku, d.amount) == ("PEO", Decimal("136.00"))
    (d,) = draft("6 orchids snapped", make_context(items=items))
    assert d.sku == "ORC"


@pytest.mark.parametrize(
    "text",
    [
        "gave 6 SKU-12 to the Head Start preschool on Oak St, take em off the books",
        "dropping 4 SKU-12 off at the elementary school for their classroom, no charge",
        "6 SKU-12 going to the Goodwill job training center, pull from stock",
    ],
)
def test_round_285_gifts(text: str) -> None:
    # each had been a routine loss with no reason (0.45)
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.DONATION
    # ... while goods going to the dumpster are no gift
    (d,) = draft("3 SKU-12 going to the dumpster, broken", make_context(items=ITEMS))
    assert d.category is Category.LOSS


# -- held-out round 286 (sets 2325-2332) ------------------------------------------------------


def test_one_amount_for_the_lot_over_two_reasons_asks() -> None:
    # "$500 for the lot - 20 torn X and 15 missing Y" had drafted the missing part at 0.97
    drafts = draft(
        "$500 for the lot - 20 torn SKU-12 and 15 missing SKU-40", make_context(items=ITEMS)
    )
    assert [d.category for d in drafts] == [Category.LOSS, Category.SHRINKAGE]
    assert max(d.confidence for d in drafts) < 0.5


def test_goods_too_poor_even_for_a_charity_are_no_gift() -> None:
    # "scrap 7 X, too stained even for the charity bag" had been a sure donation
    (d,) = draft("scrap 7 SKU-12, too stained even for the charity bag", make_context(items=ITEMS))
    assert d.category is Category.LOSS
    (d,) = draft("gave 7 SKU-12 to the charity bag drive", make_context(items=ITEMS))
    assert d.category is Category.DONATION


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("<@U04LK2M9Q> 1 `SKU-12` crashed in the net, can you book it?", "15.00"),
        ("2 SKU-12 written off at $850 ea (our cost after the rebate)", "1700.00"),
    ],
)
def test_a_write_off_asked_after_the_goods_or_told_done(text: str, amount: str) -> None:
    # the first had been refused as a question, the second as a refund
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.LOSS, Decimal(amount))


def test_someone_elses_goods_are_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft(
            "customer crashed their own SKU-12 in the parking lot, not ours. just FYI",
            make_context(items=ITEMS),
        )


# -- held-out round 287 (sets 2333-2340) ------------------------------------------------------


def test_an_order_picked_up_is_no_gift() -> None:
    # "Lincoln HS team order picked up - 30 X" had been a sure donation (0.97)
    with pytest.raises(DraftError):
        draft("Lincoln HS team order picked up - 30 SKU-12", make_context(items=ITEMS))
    (d,) = draft("the shelter picked up 3 SKU-12 we couldn't sell", make_context(items=ITEMS))
    assert d.category is Category.DONATION


def test_goods_back_with_a_part_missing_are_damage() -> None:
    # "3 X came back open box with the cuffs missing. can't resell them" had been a sure
    # shrinkage (0.97)
    (d,) = draft(
        "3 SKU-12 came back open box with the cuffs missing. can't resell them",
        make_context(items=ITEMS),
    )
    assert d.category is Category.LOSS


# -- held-out round 288 (sets 2341-2348) ------------------------------------------------------


def test_not_a_write_off_said_is_nothing_to_draft() -> None:
    # "not a write-off, just fyi: 3 X have scuffed boxes but they're fine to sell" had been a
    # sure loss
    with pytest.raises(DraftError):
        draft(
            "not a write-off, just fyi: 3 SKU-12 have scuffed boxes but they're fine to sell",
            make_context(items=ITEMS),
        )


def test_a_write_down_to_a_total_asks_whether_it_is_each() -> None:
    # "write down 2 pcs X to 500 total" had written each down to $500, sure
    (d,) = draft("write down 2 pcs SKU-12 to 10 total", make_context(items=ITEMS))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("write off 2 SKU-12 (missing pattern) and 1 SKU-40 (cracked)", Category.LOSS),
        ("SKU-12 x3 (missing from bin)", Category.SHRINKAGE),
    ],
)
def test_a_part_missing_said_in_brackets(text: str, category: Category) -> None:
    # "2 KIT-LOGQ (missing pattern)" had been a sure shrinkage
    assert draft(text, make_context(items=ITEMS))[0].category is category


# -- held-out round 290 (sets 2357-2364) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "someone's knocked off 4 SKU-12 from the front display :(",
        "somebody knocked off 2 SKU-12 off the rack",
        "someone's nicked 3 SKU-12",
    ],
)
def test_someone_knocking_goods_off_is_a_theft(text: str) -> None:
    # "someone's knocked off 4 fleeces X from the front display" had been a sure loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_goods_knocked_off_a_shelf_stay_damage() -> None:
    (d,) = draft("4 SKU-12 got knocked off the shelf", make_context(items=ITEMS))
    assert d.category is Category.LOSS


@pytest.mark.parametrize(
    ("text", "sku"),
    [
        ("scrap 5 QO115 @ 10.90, cracked", "QO115"),
        ("2 HOM2200BBGC main breakers, bent stabs, $224 ea, w/o", "HOM2200BBGC"),
        ("w/o 3 GF20LW-T6 @ 19.75 each, won't trip", "GF20LW-T6"),
    ],
)
def test_a_catalogue_number_run_together_is_the_goods(text: str, sku: str) -> None:
    # a maker's number of letters and digits with no dash had been drafted with no SKU
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.sku == sku


@pytest.mark.parametrize(
    "text",
    ["PO7789: 2 SKU-12 dented", "FY2025 close: 2 SKU-12 dented", "2 SKU-12 dented, RMA20931"],
)
def test_a_reference_run_together_is_no_goods(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.sku == "SKU-12"
    assert d.amount == Decimal("30.00")


# -- held-out round 291 (sets 2365-2372) ------------------------------------------------------


def test_a_cost_gone_up_is_news_of_a_price() -> None:
    # "fyi the X went up $20 in cost on the new price sheet" had been a sure $20 write-down
    with pytest.raises(DraftError):
        draft(
            "fyi the SKU-40 went up $20 in cost on the new price sheet", make_context(items=ITEMS)
        )


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("SKU-12 300 bags defective, valves glued shut. scrap 300", Category.LOSS, 300),
        ("cycle count: SKU-12 system 120 counted 104. short 16, adjust", Category.SHRINKAGE, 16),
        ("SKU-12 system 9 counted 8. short 1, no idea where it went", Category.SHRINKAGE, 1),
    ],
)
def test_the_count_said_again_with_only_its_verb_is_one_write_off(
    text: str, category: Category, quantity: int
) -> None:
    # each had been drafted twice
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, quantity)


def test_a_different_count_after_is_not_the_same_write_off() -> None:
    drafts = draft("SKU-12 3 bags defective, scrap 2", make_context(items=ITEMS))
    assert len(drafts) != 1 or drafts[0].confidence < 0.9


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("take a $60 write-down total on the 6 SKU-12, old style", "60.00"),
        ("take a $150 writedown on the 5 dinged SKU-40, still usable", "150.00"),
        ("knock $90 total off the 9 shelf-worn SKU-40", "90.00"),
        ("knock $10 each off the 9 shelf-worn SKU-40", "90.00"),
    ],
)
def test_a_write_down_said_as_its_own_amount(text: str, amount: str) -> None:
    # each had asked for a value per unit, or drafted the amount as a loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


# -- held-out round 292 (sets 2373-2380) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("inventory count: SKU-12 64 counted / 80 system", Category.SHRINKAGE, 16),
        ("blind count bin D1-14 SKU-12: 64 on hand vs 70 expected", Category.SHRINKAGE, 6),
        ("SKU-12: system shows 5 on hand, physically 7", Category.OVERAGE, 2),
        ("cycle count aisle B: SKU-12 sys 46 rolls, counted 41", Category.SHRINKAGE, 5),
        ("cylce count SKU-12: sytem 14, countd 11", Category.SHRINKAGE, 3),
        (
            "annual count: SKU-12 reel shows 600ft in system, we measured 548",
            Category.SHRINKAGE,
            52,
        ),
        ("count on the SKU-12 reel: system 300ft, measured 342ft", Category.OVERAGE, 42),
    ],
)
def test_the_books_figure_and_the_count_said_every_way(
    text: str, category: Category, quantity: int
) -> None:
    # each had drafted one of the two figures as a loss, or refused
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, quantity)


@pytest.mark.parametrize(
    "text",
    [
        "giving 15 SKU-12 to St Vinnies for the winter appeal",
        "giving 2 SKU-12 sample gowns to Brides Across America for their giveaway",
        "Lincoln HS got 1 dz SKU-12 for the swim team",
        "Lincoln elementary got 3 dz SKU-12 for the art room",
    ],
)
def test_goods_given_to_a_cause_or_a_school_are_a_donation(text: str) -> None:
    # each had been drafted as a routine loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.DONATION


@pytest.mark.parametrize(
    "text",
    [
        "our box truck got rear-ended on I-25, 6 SKU-12 crushed in the back",
        "car jumped the curb and came through the front window, the SKU-40 display is totaled",
        "8 SKU-12 lost when truck 3 rolled over on the highway",
    ],
)
def test_a_road_accident_is_a_casualty(text: str) -> None:
    # each had been a routine loss; the interstate had been read as a second item's code
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_pallet_rolled_over_stays_damage() -> None:
    (d,) = draft("the pallet rolled over on its side, 3 SKU-12 cracked", make_context(items=ITEMS))
    assert d.category is Category.LOSS


# -- held-out round 293 (sets 2381-2388) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "w/o list for tues:\n- 3 SKU-12 water bottle spill\n- 1 SKU-40 missing tiles",
        "SKU-12 kits x 9, missing overloads from mfr, w/o",
        "SKU-12 ×15 — valve cores missing from the whole box",
        "SKU-12 - keys missing on 5 units, can't lock them. w/o",
    ],
)
def test_a_part_the_goods_lack_named_before_or_after_missing_is_damage(text: str) -> None:
    # each had been a sure shortfall
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.category is Category.LOSS for d in drafts)


@pytest.mark.parametrize(
    "text", ["shrink: 11 SKU-12 studs missing on count", "SKU-12 remote missing from 1108 again"]
)
def test_the_goods_own_word_after_their_code_missing_is_a_shortfall(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.SHRINKAGE


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        (
            "the 8 scuffed SKU-12 cans, write down $3 each, theyre going in the bargain bin",
            8,
            "24.00",
        ),
        ("SKU-12 12 bags close to date, reduce the value by $180 total", 12, "180.00"),
        ("50 bags SKU-12 with sun-faded bags, write down $1 each", 50, "50.00"),
        ("10 SKU-12 bags with faded print, revalue to 3 ea so we can move them", 10, "120.00"),
    ],
)
def test_the_goods_and_their_state_then_their_write_down_is_one_write_down(
    text: str, quantity: int, amount: str
) -> None:
    # each had drafted the goods' state as a loss beside a write-down with no count
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity, d.amount) == (Category.WRITE_DOWN, quantity, Decimal(amount))


def test_the_rest_written_down_is_not_the_goods_before() -> None:
    drafts = draft("3 SKU-12 broken, write down the rest by $5 each", make_context(items=ITEMS))
    assert len(drafts) == 2 and drafts[0].category is Category.LOSS


# -- held-out round 294 (sets 2389-2396) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("cc: SKU-12 3 tubs over", Category.OVERAGE),
        ("3 cs over on SKU-12", Category.OVERAGE),
        ("SKU-12 x3 short", Category.SHRINKAGE),
    ],
)
def test_a_count_and_its_way_beside_the_goods(text: str, category: Category) -> None:
    # "X 3 tubs over" and "3 cs over on X" had been routine losses
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


@pytest.mark.parametrize(
    "text",
    [
        "someone smashed the case and took 1 SKU-40",
        "somebody smashed the back door glass and took the SKU-40 off the staging rack",
        "someone smashed the lobby display case, 3 SKU-12 gone",
        "driver caught on camera walking 5 SKU-12 out the side door. write them off",
    ],
)
def test_someone_breaking_in_or_walking_goods_out_is_a_theft(text: str) -> None:
    # each had been a routine loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_demo_unit_not_worth_fixing_is_scrapped_not_written_down() -> None:
    # "demo unit, motor burned up and its not worth fixing" had been a write-down with no value
    (d,) = draft(
        "scrap 1 SKU-40 - the counter demo unit, motor burned up and its not worth fixing",
        make_context(items=ITEMS),
    )
    assert (d.category, d.quantity) == (Category.LOSS, 1) and d.amount is not None


# -- held-out round 295 (sets 2397-2404) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("physical says 52 SKU-12, system 60", Category.SHRINKAGE, 8),
        ("SKU-12 counted 31, books 35, nothing damaged just gone", Category.SHRINKAGE, 4),
        (
            "SKU-12 count short by 14. nothing broken logged, they're just not there",
            Category.SHRINKAGE,
            14,
        ),
        (
            "cycle count: SKU-12 system 40, counted 36. no clue where the 4 went",
            Category.SHRINKAGE,
            4,
        ),
        ("physical inv SKU-12: 600 lf on hand vs 520 in system, adjust up", Category.OVERAGE, 80),
        ("SKU-12 recounted twice, 2 boxes over what the system has", Category.OVERAGE, 2),
    ],
)
def test_counts_that_had_been_refused_or_read_as_damage(
    text: str, category: Category, quantity: int
) -> None:
    # damage denied ("nothing damaged") had refused the message or hidden the count's pair
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, quantity)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "someone cut the cable lock on the jack display and wheeled out 2 SKU-12",
            Category.CASUALTY,
        ),
        (
            "customer backed his truck into the outdoor display. 30 SKU-12 destroyed",
            Category.CASUALTY,
        ),
        ("backed the forklift into the rack, 3 SKU-12 crushed", Category.LOSS),
        ("culled 11 ctns SKU-12 at the repack line, too much decay. gone", Category.LOSS),
    ],
)
def test_thefts_accidents_and_culls_said_plainly(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


def test_pull_is_no_cull() -> None:
    with pytest.raises(DraftError):
        draft(
            "can someone pull 14 ctns SKU-12 for will call, order 88213", make_context(items=ITEMS)
        )


# -- held-out round 296 (sets 2405-2412) ------------------------------------------------------


def test_a_part_of_goods_that_all_met_the_same_fate_is_asked() -> None:
    # "60 X soaked through and half of them floated off. flood loss" had drafted 30, sure,
    # where all 60 were lost
    (d,) = draft(
        "creek came over the bank, 60 SKU-12 soaked through and half of them floated off. "
        "flood loss",
        make_context(items=ITEMS),
    )
    assert d.confidence < 0.9


def test_a_part_of_goods_that_only_arrived_is_the_part() -> None:
    (d,) = draft("60 SKU-12 arrived, half of them damaged", make_context(items=ITEMS))
    assert d.quantity == 30 and d.confidence >= 0.9


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("knock $200 off the value of the floor model SKU-40, scuffed but functional", "200.00"),
        ("knock $120 off the value of the 10 SKU-40 with dented caps, still sellable", "120.00"),
        ("knock $200 off the carrying value of the 1 demo SKU-40, cosmetic wear only", "200.00"),
        ("SKU-40 x1 dented on the side, markdown $89", "89.00"),
    ],
)
def test_a_cut_off_the_value_is_the_write_down(text: str, amount: str) -> None:
    # each had read the cut as the value left (a write-down of cost minus $200)
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_fewer_than_inventory_shows_is_a_shortfall() -> None:
    (d,) = draft("cycle ct row F - 2 fewer SKU-40 than inventory shows", make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, 2)


# -- held-out round 297 (sets 2413-2420) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "break in at dock 4 last nite, lock cut on the trailer. 150 lb SKU-12 and 6 SKU-40 gone",
        "break-in at store 308 overnight. 5 SKU-12 and 3 SKU-40 gone from the battery rack",
    ],
)
def test_a_break_in_said_in_a_sentence_before_the_goods_took_every_part(text: str) -> None:
    # the second part had been a shortfall (one at 0.77, "break in" spelt with a space)
    drafts = draft(text, make_context(items=ITEMS))
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


def test_a_part_said_apart_after_the_goods_keeps_its_own_story() -> None:
    drafts = draft(
        "flood in the basement got 10 SKU-12; separately 2 SKU-40 punctured by a box cutter",
        make_context(items=ITEMS),
    )
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.LOSS]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("QA found feathers in 3 SKU-12 packs, w/o", Category.LOSS),
        ("found 3 extra SKU-12 in the back", Category.OVERAGE),
        (
            "sprinkler head popped in dry storage last night, 6 SKU-12 soaked thru",
            Category.CASUALTY,
        ),
        ("floor drain backed up in dry storage, 4 SKU-12 ruined", Category.CASUALTY),
        ("wite down the 2 scrached SKU-40 by 75 ea", Category.WRITE_DOWN),
    ],
)
def test_round_297_words(text: str, category: Category) -> None:
    # feathers found in the packs had been a count over the books at 0.87
    assert draft(text, make_context(items=ITEMS))[0].category is category


def test_a_count_in_dozens_is_short_in_dozens() -> None:
    # "system 40 dz, counted 37 dz" had been one dozen short
    items = {"BALL-12": ItemInfo("BALL-12", "Golf balls white, dozen", Decimal("38.50"))}
    (d,) = draft(
        "cycle count: BALL-12 system 40 dz, counted 37 dz. adjust", make_context(items=items)
    )
    assert (d.category, d.amount) == (Category.SHRINKAGE, Decimal("115.50"))


@pytest.mark.parametrize(
    "text",
    [
        "3 SKU-12 crushed, book it to petty cash",
        "6 bags SKU-12 clumped and stained yellow, supplier refused the RTV. junk them",
        "mfr recall on SKU-12 lot 22-118, we have 4 on hand and they're not issuing credit. "
        "write all 4 off",
        "harnes SKU-12 1 ea webbing cut by a box cuttr on receiving. writ off",
        "2 SKU-12 came in the wrong finish, vendor won't take them back. writing them off",
        "1 SKU-12 customer demo unit, tip mashed. pitch it",
    ],
)
def test_a_write_off_asked_beside_credit_or_receiving_words_is_drafted(text: str) -> None:
    # each had been refused as a payment, a refund or goods received
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("1 bag SKU-12, gaskets all nicked", Category.LOSS),
        ("w/o 3 SKU-12 @ $13.50 ea, insulation nicked", Category.LOSS),
        ("found 13 loose SKU-12 o-rings that are nicked, toss", Category.LOSS),
        ("15 ft SKU-12 nicked jacket, cut off and scrapped", Category.LOSS),
        ("2 SKU-40 and 1 SKU-12 - all nicked", Category.CASUALTY),
        ("4 SKU-12 got nicked from the dock", Category.CASUALTY),
    ],
)
def test_nicked_surfaces_are_cut_nicked_goods_are_taken(text: str, category: Category) -> None:
    # a nicked surface or part had been drafted as a theft
    assert all(d.category is category for d in draft(text, make_context(items=ITEMS)))


# -- held-out round 298 (sets 2421-2428) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        (
            "12 SKU-12 crystallized and fermented, we paid $10.75 each on the last order",
            Category.LOSS,
            12,
        ),
        ("AED pads SKU-12 x3 expired. we paid $155 ea on the last PO", Category.LOSS, 3),
        ("*cycle count* `SKU-12`\n>system: 30 bx\n>counted: 27 bx", Category.SHRINKAGE, 3),
        ("physical count SKU-40 shows 22, system says 24. w/o the diff", Category.SHRINKAGE, 2),
    ],
)
def test_round_298_costs_and_counts(text: str, category: Category, quantity: int) -> None:
    # the first two had been refused as purchases or a service cost; the counts drafted
    # one of their figures as a loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, quantity)


# -- held-out round 299 (sets 2429-2436) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("counted SKU-12, 31 bundles on hand vs 34 in system", 3),
        ("cc results tank 2 SKU-12: book 412 gal, stick reading 389 gal", 23),
        ("SKU-12 bulk bin weighs out at 212 lb, system shows 240", 28),
        ("SKU-12 weighed 6.5 lb on the count vs 8 lb on hand in the system", Decimal("1.5")),
    ],
)
def test_counts_weighed_and_stuck_are_shortfalls(text: str, quantity: Decimal) -> None:
    # each had drafted one of its two figures as a routine loss
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, quantity)


def test_a_place_number_beside_no_books_is_no_books_figure() -> None:
    (d,) = draft(
        "found 250 SKU-12 on top of rack 9 that werent in the system", make_context(items=ITEMS)
    )
    assert (d.category, d.quantity) == (Category.OVERAGE, 250)


def test_one_amount_over_a_storm_and_forklift_damage_is_in_doubt() -> None:
    # "$200 total for the storm stuff and the busted bags from the fork" had been a sure casualty
    (d,) = draft(
        "$200 total for the storm stuff and the busted bags from the fork",
        make_context(items=ITEMS),
    )
    assert d.confidence < 0.5


# -- held-out round 300 (sets 2437-2444) ------------------------------------------------------


def test_a_part_missing_from_goods_that_cannot_be_resold_is_damage() -> None:
    # "customer brought back 1 X, rattle missing and the blanket has a stain on it. can't
    # resell" had been a sure shortfall
    (d,) = draft(
        "customer brought back 1 SKU-12, rattle missing and the blanket has a stain on it. "
        "can't resell, please w/o",
        make_context(items=ITEMS),
    )
    assert d.category is Category.LOSS


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("count adj SKU-12 -5, nothing damaged they're just not there", Category.SHRINKAGE),
        ("SKU-12 x2 - short shot canopies from the factory, binned", Category.LOSS),
        ("cycle ct SKU-12 is +6 vs the books", Category.OVERAGE),
        ("cycle count: SKU-12 brushes up 2 packs vs system", Category.OVERAGE),
        (
            "caught a guy on camera filling a bag from the SKU-12 bin and walking out, 4 lb gone",
            Category.CASUALTY,
        ),
        (
            "delivery truck backed right through dock door 1, the SKU-40 on the dock is crushed",
            Category.CASUALTY,
        ),
    ],
)
def test_round_300_words(text: str, category: Category) -> None:
    # each had been refused, a shortfall, a routine loss or a count with no way
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


# -- held-out round 302 (sets 2453-2460) ------------------------------------------------------


def test_what_thieves_also_did_is_the_break_ins() -> None:
    # "break in: took 4 X and 3 Y, also smashed 6 Z in the case": the smashing had been a loss
    drafts = draft(
        "break in: took 4 SKU-12 and 3 SKU-40, also smashed 6 SKU-77 in the case",
        make_context(items=ITEMS),
    )
    assert [d.category for d in drafts] == [Category.CASUALTY] * 3


def test_a_part_said_apart_after_a_break_in_keeps_its_own_story() -> None:
    drafts = draft(
        "break-in last night, they took 2 SKU-12. also 3 SKU-40 cracked in receiving",
        make_context(items=ITEMS),
    )
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.LOSS]


def test_one_amount_over_a_flood_and_what_the_driver_damaged_is_in_doubt() -> None:
    # it had been one sure casualty
    (d,) = draft(
        "write off $300 for the flood and the stuff the driver damaged", make_context(items=ITEMS)
    )
    assert d.confidence < 0.5


# -- held-out round 304 (sets 2469-2476) ------------------------------------------------------

_BULK_ITEMS = {
    "CO2-30": ItemInfo("CO2-30", "CO2 cartridge 16g threaded, box of 30", Decimal("27.00")),
    "NIP-100": ItemInfo("NIP-100", "Brass nipple 14g 12mm silver, bag of 100", Decimal("9.80")),
    "GL-PINT": ItemInfo("GL-PINT", "Logo shaker pint glass, dozen", Decimal("54.00")),
    "TB-10": ItemInfo("TB-10", "Inner tube 26x1.95 SV, box of 10", Decimal("38.50")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # a bare count of goods the list prices by the box, bag or dozen counts pieces (they
        # had been 18 boxes, 110 bags and 7 dozen)
        ("w/o 18 CO2-30 carts, rusty", "18", "16.20"),
        ("scrap 110 NIP-100 nips, wrong finish came in", "110", "10.78"),
        ("broke 7 GL-PINT unpacking the merch order", "7", "31.50"),
        ("CO2-30 cycle ct: system 300 we have 270", "30", "27.00"),
        # the container said is the container counted, a count said or not
        ("extra bx of TB-10 turned up in the returns cage, not on the books", None, "38.50"),
        ("2 bx CO2-30 rusted through", "60", "54.00"),
        ("3 dz GL-PINT chipped", "36", "162.00"),
    ],
)
def test_a_bare_count_of_goods_priced_by_a_bulk_container_counts_pieces(
    text: str, quantity: str | None, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_BULK_ITEMS))
    assert d.amount == Decimal(amount)
    if quantity is not None:
        assert d.quantity == Decimal(quantity)
    if "bx" not in text and "dz" not in text:
        assert d.confidence < 0.9
        assert any("a count of" in w and "Read as pieces" in w for w in d.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # a vehicle on the road and what befell it is a casualty (each was a sure routine loss)
        "truck 7 slid off the road on the ice this am, driver is ok. 15 SKU-12 dumped in the ditch",
        "driver crash on rt 30, van totaled. 40 SKU-12 on board destroyed",
        "truck rollover on I-80, lost the whole load of SKU-12, 120 pcs",
        "driver backed the box truck into the dock post, 2 SKU-12 on board busted",
        "van clipped a pole on the way to the show, 2 SKU-40 flew out the back and got run over",
        "the delivery driver backed into 2 SKU-12",
    ],
)
def test_a_road_accident_said_any_way_is_a_casualty(text: str) -> None:
    for d in draft(text, make_context(items=ITEMS)):
        assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    "text",
    [
        # goods that crashed to the floor by a truck, or a hand truck's load, are routine
        "3 SKU-40 crashed to the floor when we unloaded the truck",
        "hand truck tipped over, 3 SKU-40 cracked",
        # a machine that caught the goods took nothing away (it was a sure theft)
        "ironer grabbed a sheet and took 2 SKU-12 with it",
        "the conveyor caught 4 SKU-12 and shredded them",
    ],
)
def test_goods_broken_by_the_trucks_unloading_or_a_machine_are_a_loss(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS


# -- held-out round 305 (sets 2477-2484) ------------------------------------------------------

_CASED_305 = {
    "FF-24": ItemInfo("FF-24", "Cat food pate 3 oz, case of 24", Decimal("14.64")),
    "GIN-6": ItemInfo("GIN-6", "London dry gin 70cl, case of 6", Decimal("58.20")),
    "FL-18": ItemInfo("FL-18", "Petunia wave mix 4in, flat of 18", Decimal("21.60")),
    "WIRE": ItemInfo("WIRE", "THHN 12 AWG stranded black, per ft", Decimal("0.19")),
    "LIME": ItemInfo("LIME", "Garden lime 40 lb bag", Decimal("8.90")),
}


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # the pieces of the containers just counted, said again with "all": one write-off
        # (each had two drafts, the second of whole cases or as a shortfall)
        ("FF-24 1 case crushed corner, all 24 cans dented", Category.LOSS, "24"),
        ("GIN-6 1 cs fell off the conveyor, all 6 gone", Category.LOSS, "6"),
        ("FL-18 1 flat fell off the cart face down, all 18 smashed", Category.LOSS, "18"),
    ],
)
def test_the_pieces_of_the_cases_just_counted_said_again_are_one_write_off(
    text: str, category: Category, quantity: str
) -> None:
    (d,) = draft(text, make_context(items=_CASED_305))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


def test_more_pieces_than_the_cases_hold_are_a_part_of_their_own() -> None:
    drafts = draft("FF-24 1 case crushed, 6 more cans dented", make_context(items=_CASED_305))
    assert [d.quantity for d in drafts] == [Decimal(24), Decimal(6)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a length of wire nicked is cut (it was a casualty)
        ("w/o 100 ft WIRE nicked, insulation through to copper", Category.LOSS),
        ("100 ft WIRE nicked from the job site", Category.CASUALTY),
        # a vehicle backing into the goods is a road accident's kind (a sure routine loss)
        ("delivery truck backed into the pallet of LIME, 20 bags busted", Category.CASUALTY),
    ],
)
def test_round_305_words(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_CASED_305))
    assert d.category is category


_NAMED_305 = {
    "GFCI-15": ItemInfo("GFCI-15", "GFCI receptacle 15A white", Decimal("17.40")),
    "SW-5362": ItemInfo("SW-5362", "Leviton 5362-W duplex receptacle 20A", Decimal("3.85")),
    "ROD-58": ItemInfo("ROD-58", "5/8 in x 8 ft copper-bonded ground rod", Decimal("18.75")),
    "NUT-2H": ItemInfo("NUT-2H", "Heavy hex 2H nut 3/4-10, box of 25", Decimal("34.25")),
    "STRAP": ItemInfo("STRAP", "1/2 in EMT one-hole strap, box of 100", Decimal("14.50")),
}


@pytest.mark.parametrize(
    "text",
    [
        # goods mentioned by a word of their name, with no count of their own, beside goods
        # counted by their code: the story's other things (each was a second draft)
        "GFCI-15 qty 5 DOA, trip and wont reset. past the 90 days so leviton wont credit",
        "ROD-58 8 scrap, threads rolled wrong, wont take a 2H nut",
    ],
)
def test_goods_mentioned_by_name_beside_goods_counted_by_code_are_no_write_off(text: str) -> None:
    (d,) = draft(text, make_context(items=_NAMED_305))
    assert d.sku in ("GFCI-15", "ROD-58") and d.confidence < 0.9
    assert any("Left out" in w for w in d.warnings)


def test_goods_named_and_counted_are_still_a_write_off_of_their_own() -> None:
    drafts = draft("5 GFCI-15 DOA and 2 2H nuts cracked", make_context(items=_NAMED_305))
    assert [d.sku for d in drafts] == ["GFCI-15", "NUT-2H"]


def test_ones_is_no_word_of_a_name() -> None:
    # "2 bent ones" are more of the rod counted before, not the "one-hole strap"
    drafts = draft(
        "count on ROD-58 came up 3 short. also 2 bent ones need scrapping",
        make_context(items=_NAMED_305),
    )
    assert [(d.sku, d.category) for d in drafts] == [
        ("ROD-58", Category.SHRINKAGE),
        ("ROD-58", Category.LOSS),
    ]


# -- held-out round 306 (sets 2485-2492) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a sprinkler or water line that let go, however said (routine losses, one at 0.97)
        "sprinkler head went off in aisle 4 overnight, 4 SKU-12 soaked",
        "sprinkler head got knocked off in bay 7 - 14 SKU-12 soaked",
        "burst water line over the back shelves: 6 SKU-12 soaked",
        # a wreck told with its road, or a vehicle's wreck (a sure routine loss)
        "truck 7 rolled over on the I-95 on ramp, driver ok. 12 SKU-12 on board, total loss",
        "van wreck on I-80 on the commercial run, lost 2 SKU-40",
    ],
)
def test_round_306_casualties(text: str) -> None:
    for d in draft(text, make_context(items=ITEMS)):
        assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    "text",
    [
        # a pallet that rolled over in the aisle, or a sprinkler said of nothing that let go
        "pallet rolled over on its side in aisle 3, 4 SKU-40 cracked",
        "4 SKU-40 cracked when we moved the sprinkler pipe rack",
    ],
)
def test_round_306_routine_losses(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS


@pytest.mark.parametrize(
    "text",
    [
        # "the other X is broken", "another one is broken": one more, a part of its own (the
        # second was dropped from a sure write-down)
        "SKU-40 x1 scratched, mark it down to 100. the other SKU-40 is broken, scrap that one",
        "1 SKU-40 scratched, mark it down to 100. another one is broken, scrap it",
    ],
)
def test_the_other_one_said_apart_is_one_more(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert [(d.category, d.quantity) for d in drafts] == [
        (Category.WRITE_DOWN, Decimal(1)),
        (Category.LOSS, Decimal(1)),
    ]


def test_one_and_the_other_of_a_count_are_the_count() -> None:
    drafts = draft(
        "write off 2 SKU-40, one has a chip and the other has a crack", make_context(items=ITEMS)
    )
    assert [d.quantity for d in drafts] == [Decimal(2)]


# -- held-out round 307 (sets 2493-2500) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a part come loose is no theft (a sure casualty)
        (
            "two SKU-77 went down when the rack tipped, both grilles lifted. write off both",
            Category.LOSS,
        ),
        ("someone lifted 2 SKU-77 off the display", Category.CASUALTY),
        # the warehouse's own trucks are no road vehicles (read as a road accident)
        ("reach truck clipped the pallet, 4 SKU-12 split open", Category.LOSS),
        ("the hand truck tipped over, 2 SKU-40 cracked", Category.LOSS),
        # the pieces goods lack (each was a shortfall)
        ("SKU-12 x4 came back on RMA 30418 w/ missing pcs. scrap em", Category.LOSS),
        ("SKU-12 qty 3 short 2 pcs from the factory, cant sell incomplete. w/o", Category.LOSS),
        (
            "SKU-12 qty 34, dice missing from the whole lot, factory defect. write off",
            Category.LOSS,
        ),
        ("scrap 2 SKU-77, returned w/ missing clamps and scratched", Category.LOSS),
        # goods missing are still goods missing
        ("4 SKU-12 missing from the whole order", Category.SHRINKAGE),
    ],
)
def test_round_307_words(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


_VALUED_307 = {
    "GC-60": ItemInfo("GC-60", "Sumatra G1 green coffee, 60kg jute", Decimal("402.60")),
    "LED-24": ItemInfo("LED-24", "2x4 LED flat panel 40W 4000K", Decimal("64.90")),
    "IRON": ItemInfo("IRON", "Flat iron 1 in ceramic", Decimal("48.50")),
    "PAIL": ItemInfo("PAIL", "Fondant white 20 lb pail", Decimal("58.40")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a value said with "to", "is" or "NRV" before "per bag" is no count of pieces (380
        # bags a piece had been read)
        ("impair GC-60 5 bags, revalue to 380 per bag", "113.00"),
        ("market dropped, GC-60 4 bags, NRV is 350 a bag", "210.40"),
        ("PAIL 10 pails came out ivory, still good product. NRV 40 per pail", "184.00"),
        # a colour temperature is no money ("4000k" had been $4,000,000)
        ("mark down 12 LED-24 to $45, old 4000k style moving slow", "238.80"),
        # the floor's words for a new value (each was a loss)
        ("IRON 12 w/ cosmetic scuffs, B-grade now, worth $30 each", "222.00"),
        ("mrk dwn IRON 6 pcs to 40.00 - boxes beat up", "51.00"),
        ("PAIL 3 old formula still good, can sell thru at $50/pail", "25.20"),
    ],
)
def test_round_307_write_downs(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_VALUED_307))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_a_count_per_case_is_still_a_pack_size() -> None:
    (d,) = draft("3 cases SKU-12, 12 to a case, broken", make_context(items=ITEMS))
    assert (d.quantity, d.amount) == (Decimal(36), Decimal("540.00"))


# -- held-out round 308 (sets 2501-2508) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a reason taken back later is denied where it was first said (a sure casualty)
        (
            "scrap 250 SKU-12 from the flooded... nah not flooded, the roof leak. soaked thru",
            Category.LOSS,
        ),
        ("12 SKU-12 soaked, not from the flood", Category.LOSS),
        # the warehouse's own truck's accident is routine (a casualty)
        ("3 SKU-40 wrecked in the reach truck accident by door 3, no one hurt. w/o", Category.LOSS),
    ],
)
def test_round_308_words(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


@pytest.mark.parametrize(
    "text",
    [
        # the count said again with the goods' word after it is one write-off (each was two)
        "SKU-12 leaking at the cap, 5 of them, back room reeks. scrapping 5",
        "2 SKU-77 got soaked in bar oil, cards ruined. scrap the 2 speakers",
        "6 SKU-40 came out of the tint machine wrong. scrap the 6 bad panels pls",
    ],
)
def test_the_count_said_again_with_its_word_is_one_write_off(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.quantity in (Decimal(5), Decimal(2), Decimal(6))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # goods taken or gone, then denied broken, are no goods found fine (it was refused)
        ("4 SKU-12 stolen, nothing damaged", Category.CASUALTY),
        ("2 SKU-12 missing, nothing broken", Category.SHRINKAGE),
    ],
)
def test_goods_taken_and_denied_broken_are_still_lost(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


def test_goods_denied_broken_alone_are_fine() -> None:
    with pytest.raises(DraftError):
        draft("dropped 3 SKU-40, nothing broken", make_context(items=ITEMS))


def test_the_difference_referred_back_to_after_the_pair_is_the_pairs() -> None:
    # "the extra 12" after "counted 212, system says 200": 12 over, not 212
    (d,) = draft(
        "counted 212 SKU-12, system says 200, the extra 12 were in the wrong tote",
        make_context(items=ITEMS),
    )
    assert (d.category, d.quantity) == (Category.OVERAGE, Decimal(12))


# -- held-out round 309 (sets 2509-2516) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a write-off asked in the floor's words is no news, return or payment (each refused)
        "need a writeoff for 16 SKU-12, temp log shows the reach-in was at 52F overnight",
        "SKU-77 x 4, melted their own cones on the test bench. defective, binning",
        "dye lot mismatch on 22 SKU-12, customers keep sending them back. were scrapping them",
        "w/o 80 SKU-12, bad lot from the mill, streaky. those were invoiced at 12.50 ea",
        "SKU-12 x 4, bad lot per cust complaint. QA pulled the rest last week, these 4 were on"
        " the returns shelf. scrap",
    ],
)
def test_a_write_off_asked_in_the_floors_words_is_drafted(text: str) -> None:
    assert draft(text, make_context(items=ITEMS))


def test_a_past_write_off_asked_about_is_still_a_question() -> None:
    with pytest.raises(DraftError):
        draft(
            "did the 4 SKU-12 ever get written off from last month or no", make_context(items=ITEMS)
        )


# -- held-out round 310 (sets 2517-2524) ------------------------------------------------------


def test_a_road_accident_said_first_is_what_befell_every_part() -> None:
    # the second part's "wrecked" had made it a sure routine loss
    drafts = draft(
        "our van got rear ended on the M6 last night on the way back from the birmingham drop,"
        " driver is ok thank god. 12 SKU-12 and 20 SKU-77 in the back are wrecked, boxes"
        " everywhere. insurance claim going in separately",
        make_context(items=ITEMS),
    )
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


_MEASURED_309 = {
    "WIRE": ItemInfo("WIRE", "14 AWG high-temp lead wire, per ft", Decimal("0.62")),
    "MP-1K": ItemInfo("MP-1K", "Micropipette 100-1000 uL", Decimal("289.00")),
}


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        # the pair's figures, then their difference said: one count of the difference (each
        # had drafted the first figure and a second part)
        ("WIRE spool measures out to 120 ft, books say 150. 30 ft short", Category.SHRINKAGE, "30"),
        ("MP-1K count 9 vs system 7, found 2 extra in the demo cabinet", Category.OVERAGE, "2"),
        (
            "measured the WIRE, 210 ft left but system says 300. short 90 ft",
            Category.SHRINKAGE,
            "90",
        ),
    ],
)
def test_a_pair_then_its_difference_is_one_count(
    text: str, category: Category, quantity: str
) -> None:
    (d,) = draft(text, make_context(items=_MEASURED_309))
    assert (d.category, d.quantity) == (category, Decimal(quantity))
    assert d.confidence < 0.9


def test_a_second_count_that_is_no_difference_stays_a_part() -> None:
    drafts = draft(
        "MP-1K count 9 vs system 7, and 3 more MP-1K cracked", make_context(items=_MEASURED_309)
    )
    assert len(drafts) == 2


# -- held-out round 311 (sets 2525-2532) ------------------------------------------------------

_PACKED_311 = {
    "APV-10": ItemInfo("APV-10", "Apivar Mite Strips, pack of 10", Decimal("38.50")),
    "Q-SEAL-10": ItemInfo("Q-SEAL-10", "Enphase Q Cable Sealing Cap, pack of 10", Decimal("27.50")),
    "BSF-24": ItemInfo(
        "BSF-24", "SF Bay Frozen Brine Shrimp 3.5oz flat, case of 24", Decimal("52.80")
    ),
}


@pytest.mark.parametrize(
    ("text", "amount", "quantity"),
    [
        # the goods' own word from the list's name counts its pieces, even where that word
        # can name a container elsewhere (a blister strip, a flat of plants); each had
        # priced 17 strips as 17 packs of 10
        ("qtr count APV-10 short 17 strips vs sys", "65.45", "17"),
        ("somebody stole the apivar out of the van overnight, 40 strips", "154.00", "40"),
        ("BSF-24 14 flats freezer burned, pulling", "30.80", "14"),
        ("19 seal caps Q-SEAL-10 cracked, cold snap made em brittle", "52.25", "19"),
        ("q-seal-10 caps short 23 on count", "63.25", "23"),
    ],
)
def test_the_goods_named_by_the_lists_word_for_them_count_pieces(
    text: str, amount: str, quantity: str
) -> None:
    (d,) = draft(text, make_context(items=_PACKED_311))
    assert (d.amount, d.quantity) == (Decimal(amount), Decimal(quantity))


def test_the_lists_container_counted_still_counts_containers() -> None:
    (d,) = draft("APV-10 3 packs expired", make_context(items=_PACKED_311))
    assert d.amount == Decimal("115.50")


@pytest.mark.parametrize(
    "text",
    [
        # damage done by people who meant it, said with who did it (the first was a sure
        # routine loss, the second part too)
        "kids smashed up the bait cooler display out front, 3 SKU-12 + 2 SKU-77 wrecked",
        "some kids busted 4 SKU-12 out back",
        "teens kicked in the side door, 2 SKU-40 broken",
    ],
)
def test_vandals_named_with_the_damage_make_every_part_a_casualty(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert drafts and all(d.category is Category.CASUALTY for d in drafts)


def test_kids_as_a_kind_of_goods_are_no_vandals() -> None:
    (d,) = draft("6 kids bikes smashed on the dock SKU-12", make_context(items=ITEMS))
    assert d.category is Category.LOSS


@pytest.mark.parametrize(
    "text",
    [
        "obsolescence reserve is overfunded, release $800, nothing being scrapped",
        "release $800 of the reserve, no stock being scrapped",
    ],
)
def test_a_reserve_let_go_with_nothing_scrapped_is_never_sure(text: str) -> None:
    assert all(d.confidence < 0.9 for d in draft(text, make_context(items=ITEMS)))


_WEIGHED_311 = {
    "WAX-LB": ItemInfo("WAX-LB", "Yellow beeswax, per lb", Decimal("9.80")),
    "CALLETS": ItemInfo("CALLETS", "Dark callets 54%, per lb", Decimal("7.85")),
}


@pytest.mark.parametrize(
    "text",
    [
        # the count over the books, said by the scale or against "books"/"sys" (each was
        # drafted as a routine loss)
        "14 lb extra wax on the scale vs books, WAX-LB",
        "WAX-LB weighed 3.5 lb over",
        "WAX-LB spool measures 40 lb more than sys",
        "12 lb CALLETS in an unlabeled tote, not in sys, @ 7.85",
        "WAX-LB bucket reads 18 lb over books",
    ],
)
def test_more_than_the_books_said_by_the_scale_or_sys_is_an_overage(text: str) -> None:
    (d,) = draft(text, make_context(items=_WEIGHED_311))
    assert d.category is Category.OVERAGE


_DATED_311 = {
    "NUTS-LB": ItemInfo("NUTS-LB", "Walnut halves & pieces, per lb", Decimal("6.30")),
    "ICING-PL": ItemInfo("ICING-PL", "Dawn icing 14 lb pail", Decimal("96.00")),
    "DEMO-X": ItemInfo("DEMO-X", "Radial extractor 9 frame manual", Decimal("895.00")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # the value taken off or the new value, said the floor's way (each was a loss)
        ("walnuts short dated 40 lb NUTS-LB, drop to 4.50/lb", "72.00"),
        ("icing 8 pails ICING-PL near date, reduce by $20 ea", "160.00"),
        ("DEMO-X floor demo 1 unit, scratched up, reduce by $200", "200.00"),
    ],
)
def test_a_value_taken_off_said_as_reduce_by_or_drop_to_is_a_write_down(
    text: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_DATED_311))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


# -- held-out round 312 (sets 2533-2540) ------------------------------------------------------

_KITS_312 = {
    "KIT-PRO": ItemInfo("KIT-PRO", "Lash starter kit, pro", Decimal("395.00")),
    "DISC-180": ItemInfo(
        "DISC-180", "Hookit Purple sanding disc 6in P180, box of 50", Decimal("42.50")
    ),
    "MOWER-1": ItemInfo("MOWER-1", "Zero-turn mower 54in", Decimal("3150.00")),
    "OIL-48": ItemInfo("OIL-48", "2-cycle oil 2.6oz, 48/cs", Decimal("86.40")),
}


def test_goods_that_are_missing_a_part_are_a_loss() -> None:
    # "that are missing tweezers": kits lacking a part (a sure shortfall before)
    drafts = draft(
        "donate 5 old lash starter kits to the school + toss 2 that are missing tweezers KIT-PRO",
        make_context(items=_KITS_312),
    )
    assert [d.category for d in drafts] == [Category.DONATION, Category.LOSS]
    (d,) = draft("2 KIT-PRO that are missing from the shelf", make_context(items=_KITS_312))
    assert d.category is Category.SHRINKAGE


def test_a_container_said_of_another_size_than_the_lists_is_never_sure() -> None:
    # "a box of 180" of a "box of 50" (180 is the grit): 90 discs at the box's cost, sure
    (d,) = draft("half a box of 180 purple got oil on it. DISC-180", make_context(items=_KITS_312))
    assert d.confidence < 0.9
    assert any("box of 180" in w for w in d.warnings)


def test_goods_that_were_under_something_are_no_count_under() -> None:
    drafts = draft(
        "forklift mess this am - 1 MOWER-1 (deck crushed) and 2 cs OIL-48 that were under it",
        make_context(items=_KITS_312),
    )
    assert [d.category for d in drafts] == [Category.LOSS, Category.LOSS]


def test_a_van_rolled_on_a_route_is_a_road_accident() -> None:
    (d,) = draft(
        "van rolled on rt 29 on the way to the delivery - MOWER-1 x1 destroyed, driver ok",
        make_context(items=_KITS_312),
    )
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    "text",
    [
        # a loss of the past told as a story, asking nothing (each was drafted)
        "last yr we dumped like 3k of old method books, wild",
        "last yr we ate like 8k on a cracked slab bundle, brutal",
        "lol remember last yr when we tossed like $3k of butter after the cooler died. wild",
    ],
)
def test_a_past_loss_told_as_a_story_is_no_request(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_goods_of_the_past_asked_to_be_written_off_now_are_drafted() -> None:
    for text in (
        "last month we dumped 3 SKU-12, need them written off",
        "last month we tossed 3 SKU-12, pls w/o",
    ):
        (d,) = draft(text, make_context(items=ITEMS))
        assert d.quantity == 3 and d.confidence < 0.9


def test_a_money_word_said_before_a_word_of_the_goods_name_is_the_goods() -> None:
    # "tip sets" of "Piping Tip Set 55pc": goods, not a tip paid (six refused)
    items = {
        "26050-EA": ItemInfo("26050-EA", "Ateco Stainless Piping Tip Set 55pc", Decimal("42.00"))
    }
    (d,) = draft("tip sets count short 2 (26050-EA)", make_context(items=items))
    assert (d.category, d.amount) == (Category.SHRINKAGE, Decimal("84.00"))
    with pytest.raises(DraftError):
        draft(
            "gave the delivery guy a $20 tip, set it against petty cash", make_context(items=items)
        )


_SECONDS_313 = {
    "SLAB-2P": ItemInfo("SLAB-2P", "Nero Marquina slab 2cm polished", Decimal("1685.00")),
    "POP-10": ItemInfo("POP-10", "Poplar 1x6 S4S 10ft", Decimal("17.95")),
    "VEL-YD": ItemInfo("VEL-YD", "Velvet emerald, per yd", Decimal("24.60")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # goods sold on as something less, at a price: a write-down (each was refused as a
        # sale or a price)
        ("SLAB-2P has a fissure, selling it as a remnant at 950", "735.00"),
        ("POP-10 w/ wane, 20 pcs, sell as utility at 11", "139.00"),
        ("VEL-YD 40 yd off-shade, selling it to the upholstery shops at $12/yd", "504.00"),
    ],
)
def test_goods_sold_on_as_something_less_are_written_down(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=_SECONDS_313))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        # the difference, then the pair it came from: one shortfall (each drafted twice)
        "SKU-77 count short 1, system has 22 we have 21",
        "cnt of SKU-77 off by 1, books 14 we have 13",
    ],
)
def test_a_difference_then_its_pair_is_one_count(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.SHRINKAGE, Decimal(1))


def test_another_goods_pair_after_a_difference_stays_a_part() -> None:
    drafts = draft("SKU-12 short 1, SKU-77 system 22 we have 21", make_context(items=ITEMS))
    assert [d.sku for d in drafts] == ["SKU-12", "SKU-77"]


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # the road a wreck happened on is no count (each drafted the road's number as goods)
        ("van crashed on 94 on the way to the school delivery, 4 SKU-12 smashed", [4]),
        ("truck accident on 287, lost 1 SKU-40 and 20 SKU-12 off the back", [1, 20]),
        # ... but goods counted right after it are goods
        ("truck crashed on 3 SKU-12", [3]),
    ],
)
def test_a_roads_number_after_a_wreck_is_no_count(text: str, quantities: list[int]) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert [d.quantity for d in drafts] == [Decimal(q) for q in quantities]
    assert all(d.category is Category.CASUALTY for d in drafts)


_LISTED_313 = {
    "LDL-8": ItemInfo("LDL-8", "Ladle 8oz stainless", Decimal("6.35")),
    "68640": ItemInfo("68640", "Vollrath stock pot 40qt", Decimal("89.00")),
}


def test_one_more_of_the_goods_listed_after_counted_ones_is_a_part() -> None:
    # "5 ladles and a 40qt stock pot": the pot went too (it was left out)
    drafts = draft(
        "walked off: 5 ladles and a 40qt stock pot from the will call table while we were at lunch",
        make_context(items=_LISTED_313),
    )
    assert [(d.sku, d.quantity) for d in drafts] == [("LDL-8", 5), ("68640", 1)]
    assert all(d.category is Category.CASUALTY for d in drafts)


# -- held-out round 314 (sets 2549-2556) ------------------------------------------------------

_ROUND_314 = {
    "BAN-506": ItemInfo("BAN-506", "Bandai HG Gundam kit 1/144", Decimal("11.40")),
    "ARA-87": ItemInfo("ARA-87", "Arrma Kraton 6S RC truck", Decimal("512.00")),
    "GRN-CS": ItemInfo("GRN-CS", "Greenies Regular Dental Treats 27oz 6/cs", Decimal("162.00")),
}


def test_goods_with_one_fault_and_missing_a_part_are_a_loss() -> None:
    (d,) = draft(
        "BAN-506 - 8 boxes with the wrong manual and missing polycaps, sell-through only. w/o",
        make_context(items=_ROUND_314),
    )
    assert d.category is Category.LOSS


def test_rolled_the_van_is_a_road_accident() -> None:
    (d,) = draft(
        "jake rolled the van on rt 9, he's ok. had 2 ARA-87 in it, all junk",
        make_context(items=_ROUND_314),
    )
    assert d.category is Category.CASUALTY


def test_a_list_cost_of_a_weighed_piece_then_a_case_count_is_never_sure() -> None:
    # "27oz 6/cs" at $162: a bag's cost or the case's? (42 bags at $162 was sure)
    (d,) = draft("greenies 6/cs GRN-CS - 7 cs recalled, pull", make_context(items=_ROUND_314))
    assert d.confidence < 0.9


_SPOOLED_314 = {
    "WIRE-RD": ItemInfo("WIRE-RD", "Silicone wire 12awg red, per ft", Decimal("0.62")),
    "AXO-16": ItemInfo("AXO-16", "Squishmallow Archie axolotl 16in", Decimal("11.25")),
    "GW-48": ItemInfo("GW-48", "Combat Patrol box set", Decimal("96.00")),
}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # more on the spool than the books, extras in overstock: over the books
        ("WIRE-RD: 18 ft more on the spool than sys", Category.OVERAGE),
        ("4 extra AXO-16 in overstock", Category.OVERAGE),
        # the shrink-wrap still on: no count's shrinkage
        (
            "found a GW-48 with the sprues snapped inside, shrink still on, GW won't take back",
            Category.LOSS,
        ),
    ],
)
def test_round_314_counts_and_wraps(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=_SPOOLED_314))
    assert d.category is category


def test_goods_missing_a_part_by_the_makers_fault_are_a_loss() -> None:
    items = {"BAN-506": ItemInfo("BAN-506", "Bandai HG Gundam kit 1/144", Decimal("11.40"))}
    (d,) = draft("14 HG kits missing sprue C, factory defect, BAN-506", make_context(items=items))
    assert d.category is Category.LOSS
    # ... never the goods themselves gone, the maker's fault said of other goods
    drafts = draft("3 SKU-12 missing, factory defect on 2 SKU-77", make_context(items=ITEMS))
    assert [d.category for d in drafts] == [Category.SHRINKAGE, Category.LOSS]


# -- held-out round 315 (sets 2557-2564) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a truck off the road said by its route, goods keyed by someone overnight (both were
        # sure routine losses)
        "box truck 14 slid off rt 9 on the ice, 1 SKU-40 and 1 SKU-77 totaled",
        "someone keyed 3 SKU-40 at the tent sale overnight, long gouges down the doors",
    ],
)
def test_round_315_casualties(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert drafts and all(d.category is Category.CASUALTY for d in drafts)


def test_the_places_goods_broke_at_are_no_count() -> None:
    # "snapped in 3 spots": where it broke (it drafted 3 at 0.97)
    (d,) = draft("SKU-12 cracked in 3 places, 4 of them", make_context(items=ITEMS))
    assert d.quantity == 4
    (d,) = draft("2 SKU-12 broke in 2 pieces", make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.LOSS, 2)


# -- held-out round 316 (sets 2565-2572) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a sprinkler's main or its discharge, said as such (both sure routine losses)
        "sprinkler main let go over the stat aisle, 6 SKU-77 soaked",
        "sprinkler discharge over the puzzle wall, 12 SKU-12 soaked",
    ],
)
def test_a_sprinkler_main_or_discharge_is_a_casualty(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_break_in_said_first_is_what_befell_the_goods_smashed_in_it() -> None:
    drafts = draft(
        "break in last night: they took 3 SKU-77 and smashed the display case, 1 SKU-12"
        " destroyed in it. police came",
        make_context(items=ITEMS),
    )
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


# -- held-out round 317 (sets 2573-2580) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a cut off a price the books do not carry (it drafted the cut off cost, sure)
        "HG-LTH-XL, 10 pr w/ stitching flaws - sell at 50% off retail",
        "4 HG-LTH-XL scuffed, mark down 30% off list",
    ],
)
def test_a_cut_off_retail_or_list_is_never_sure(text: str) -> None:
    gloves = ItemInfo("HG-LTH-XL", "Animal handling gloves, leather XL, pair", Decimal("64.80"))
    drafts = draft(text, make_context(items={"HG-LTH-XL": gloves}))
    assert drafts and all(d.confidence < 0.9 for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        # a carrier's claim paid, a maker replacing at no charge (sure loss, sure donation)
        "UPS accepted the claim on the 3 crushed SKU-12, they're paying",
        "NSK replacing the 4 DOA SKU-12 free of charge, RMA 7781",
        "freight claim approved on the 6 dented SKU-12",
    ],
)
def test_goods_someone_else_pays_for_are_a_doubt(text: str) -> None:
    try:
        drafts = draft(text, make_context(items=ITEMS))
    except DraftError:
        return  # a refusal is no sure draft either
    assert drafts and all(d.confidence < 0.5 for d in drafts)


def test_a_donation_free_of_charge_is_still_a_donation() -> None:
    (d,) = draft("donating 5 SKU-12 to the shelter free of charge", make_context(items=ITEMS))
    assert d.category is Category.DONATION and d.confidence >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        # a roof that gave way under snow, sprinklers and mains said loosely, lightning, a van
        # rear-ended, goods taken by the door left open, lifted by five fingers (all drafted
        # routine losses or shrinkage)
        "roof on the lean-to caved in under the snow sat night, 4 SKU-12 ruined",
        "a dozen SKU-12 were under the sprinkler that went off in bay 3",
        "sprinklr went off in recieving, 4 SKU-12 soked",
        "1 SKU-12 soaked when the water main let go out front",
        "pipe let go over the grout aisle last night, 9 SKU-12 soaked thru",
        "lightning took out the back building last night, 5 SKU-12 smoked",
        "our van got rear-ended on 95 this morning, 4 SKU-12 destroyed",
        "truck 14 on the 9am run slid into a ditch, 3 SKU-12 busted",
        "dock door 5 left open overnight, 2 SKU-12 taken",
        "somebody's been five-fingering the SKU-12, 2 gone from the showroom case",
        "couple of teens trashed the SKU-12 display out front, 11 ripped open",
        "w/o 20 SKU-12, water damage from the burst line",
    ],
)
def test_round_317_casualties(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert drafts and all(d.category is Category.CASUALTY for d in drafts)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a cut by a share, said with "reduce ... by" (it drafted the whole cost as a loss)
        ("reduce the old-packaging SKU-12 by 25%, 12 of them", "45.00"),
        # a share of cost kept, a buyer's price, a price the goods go at (all losses)
        ("the 5 SKU-12 with the paint runs are worth 70% of cost", "22.50"),
        ("clearance the 14 scuffed SKU-12 at $5", "140.00"),
        ("12 SKU-12 picked up some moisture, feed guy will give us $3 each", "144.00"),
        ("40 SKU-12 salvaged from the tank, can only resell at $6 ea", "360.00"),
        ("open box SKU-12, can get $10 each for the 2 of them", "10.00"),
        ("4 SKU-12 w/ scuffed bodies, homebrew shop will buy them at $11", "16.00"),
    ],
)
def test_round_317_write_downs(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_a_measure_turned_into_the_lists_is_shown_and_never_sure() -> None:
    # "6 quarts" of goods priced per gallon: 1.5 gallons, exact, but the writer's sum is not
    # the list's unit (it was a sure 1.5 gallons; the round's writer asked instead)
    star = ItemInfo("CHEM-SS-GAL", "Star San acid sanitizer, per gal", Decimal("62.00"))
    (d,) = draft(
        "6 quarts of CHEM-SS-GAL leaked out of a cracked jug",
        make_context(items={"CHEM-SS-GAL": star}),
    )
    assert (d.quantity, d.amount) == (Decimal("1.5"), Decimal("93.00"))
    assert d.confidence < 0.9
    assert any("6 quarts as 1.5" in w for w in (*d.warnings, *d.explanation))


@pytest.mark.parametrize(
    "text",
    [
        # the road a wreck happened on or off is no count (95 and 287 were drafted as parts)
        "our van got rear-ended on 95 this morning, 4 SKU-12 destroyed",
        "truck slid off 287 in the snow: 2 SKU-12 and 8 SKU-40",
    ],
)
def test_the_road_said_bare_is_no_count(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert [d.quantity for d in drafts] in ([4], [2, 8])
    assert all(d.category is Category.CASUALTY for d in drafts)


# -- held-out round 318 (sets 2581-2588) ------------------------------------------------------


def test_water_from_the_sprinkler_is_a_casualty() -> None:
    drafts = draft(
        "2 SKU-12 stolen + 3 SKU-40 water dmg from the sprinkler", make_context(items=ITEMS)
    )
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


def test_a_quarters_write_offs_told_are_no_request() -> None:
    try:
        drafts = draft("heads up, Q2 expired write-offs came to 14k total, ouch", make_context())
    except DraftError:
        return
    assert all(d.confidence < 0.9 for d in drafts)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a phrase typed without its apostrophe (read as stock over the books)
        ("SKU-12 x5 cant be found since we moved the rack", Category.SHRINKAGE),
        # a van into the median, a pile that combusted, a downpour's wash (routine losses)
        (
            "parts van slid into the median on I-80 this morning. 4 SKU-12 cracked",
            Category.CASUALTY,
        ),
        ("mulch pile spontaneously combusted overnight, 22 SKU-12 burned up", Category.CASUALTY),
        ("that downpour washed 6 SKU-12 right into the storm drain", Category.CASUALTY),
    ],
)
def test_round_318_reasons(text: str, category: Category) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is category


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a cut per piece said after "off", a buyer's share of cost, a price for the goods
        ("take $5 off per chair on the 20 SKU-12 with scuffed armrests", "100.00"),
        ("SKU-12 w/ misprint, 24 pcs, buyer will pay 60% of cost", "144.00"),
        ("can get $8/bag for the caked SKU-12, 25 bags", "175.00"),
    ],
)
def test_round_318_write_downs(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_goods_struck_from_an_earlier_message_are_a_doubt() -> None:
    drafts = draft(
        "scratch the 6 SKU-12 from earlier, Jose found em behind the pallet",
        make_context(items=ITEMS),
    )
    assert all(d.confidence < 0.5 for d in drafts)


# -- held-out round 319 (sets 2589-2596) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # made good or someone else pays, said short (all drafted as losses to approve)
        "vendor's replacing the 6 cracked SKU-12 free, don't w/o",
        "we'll bill the freight co for the 5 shattered SKU-12",
        "customer took the 3 dented SKU-12 anyway, paid full price",
    ],
)
def test_round_319_goods_made_good_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert drafts and all(d.confidence < 0.5 for d in drafts)


def test_an_insurance_check_said_short_is_no_write_off() -> None:
    # "ins check came in for the flood, $4,200" was a sure $4,200 casualty
    with pytest.raises(DraftError):
        draft("ins check came in for the flood, $4,200. where does that go", make_context())


def test_a_share_of_cost_the_goods_are_worth_is_a_write_down() -> None:
    (d,) = draft("SKU-12 worth 60% of cost now, 300 of them", make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("1800.00"))


def test_litres_of_goods_priced_by_the_gallon_are_never_sure() -> None:
    # "18 ltr" of a per-gallon degreaser was a sure 18 gallons
    degreaser = ItemInfo("4455-DG", "Butyl degreaser, per gal", Decimal("10.25"))
    (d,) = draft("18 ltr of 4455-DG leaked out", make_context(items={"4455-DG": degreaser}))
    assert d.confidence < 0.5


def test_a_bare_l_after_a_count_of_goods_priced_by_the_gallon_is_never_gallons() -> None:
    degreaser = ItemInfo("4455-DG", "Butyl degreaser, per gal", Decimal("10.25"))
    (d,) = draft(
        "18 L of 4455-DG leaked out of the pump jug", make_context(items={"4455-DG": degreaser})
    )
    assert d.confidence < 0.5
    # ... while gloves in size L stay gloves
    gloves = ItemInfo("GLV-L", "Nitrile gloves, box of 100", Decimal("9.00"))
    (d,) = draft("4 boxes GLV-L torn, size L", make_context(items={"GLV-L": gloves}))
    assert d.quantity in (4, 400)


# -- held-out round 320 (sets 2597-2604) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # lightning and wind said their own way, a thief at work (sure routine losses)
        "3 of the SKU-12 got fried by lightning last nite, they were plugged in on the demo board",
        "tues 4pm, yard row C: wind flipped the gate rack, 2 SKU-12 bent",
        "somebody's been lifting SKU-12 off the counter display, 6 gone",
    ],
)
def test_round_320_casualties(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    "text",
    [
        # made good at no charge by the mill; only the outer box hurt
        "rep says mill will replace the 8 bowed SKU-12 at no charge",
        "outer box crushed on 3 cartons of SKU-12 but the product's fine, restacked",
    ],
)
def test_round_320_goods_made_good_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert drafts and all(d.confidence < 0.5 for d in drafts)


def test_a_length_cut_off_goods_sold_whole_is_never_sure() -> None:
    fence = ItemInfo("RB70214", "Red Brand field fence 47in x 330ft, roll", Decimal("289.00"))
    (d,) = draft(
        "cut 50 ft off a roll of RB70214, its kinked junk, write off the 50 ft",
        make_context(items={"RB70214": fence}),
    )
    assert d.confidence < 0.9


# -- held-out round 321 (sets 2605-2612) ------------------------------------------------------


def test_a_trays_style_number_before_its_flat_is_no_pack_size() -> None:
    # "1801 flat of 18": ten flats were 18,010 plants
    petunia = ItemInfo("WP-PNK-1801", "Wave petunia Pink, 1801 flat of 18", Decimal("23.40"))
    (d,) = draft(
        "10 flats WP-PNK-1801 damaged by the cooler door",
        make_context(items={"WP-PNK-1801": petunia}),
    )
    assert (d.quantity, d.amount) == (180, Decimal("234.00"))


@pytest.mark.parametrize(
    "text",
    [
        # hail out in the sales area (read as an order to post to Sales), a deer on the road
        "3 SKU-12 got hit by hail out in the sales area",
        "truck #2 hit a deer on hwy 12 at 6:15, 8 SKU-12 got thrown out of the bed and busted",
    ],
)
def test_round_321_casualties(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY
    assert not any("instruction" in w for w in d.warnings)


def test_a_replacement_sent_at_no_charge_is_a_doubt() -> None:
    drafts = draft(
        "carton of SKU-12 came in crushed, apple's sending a replacement carton at no charge",
        make_context(items=ITEMS),
    )
    assert drafts and all(d.confidence < 0.5 for d in drafts)


# -- held-out round 322 (sets 2613-2620) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a sprinkler said as "it", kids who got into the goods, a van off the ramp, a guest
        # who left with the goods (all routine losses)
        "linen cart clipped a sprinkler head in B2 storage and it let go. 6 SKU-12 drowned",
        "kids got into the trailer out back and went to town, 4 SKU-12 emptied on the fence",
        "dock 2, 10/02 - van (unit 14) slid off the on-ramp in the rain. 5 SKU-12 broken",
        "guest in 1810 skipped out w/ 2 SKU-12 in his suitcase, couldnt charge the card. w/o em",
    ],
)
def test_round_322_casualties(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    ("name", "text", "quantity", "amount"),
    [
        # the list prices a measure and names what a box holds of it: boxes are so many of
        # the measure (round 317 priced 3 boxes as 3 square feet)
        ("Porcelain 24x48 matte, per sq ft (16 sf/box)", "3 bx TILE shattered", "48", "199.20"),
        ("Subway 3x6 white, per sq ft (12.5 sf/box)", "2 boxes TILE cracked", "25", "103.75"),
        ("Carrara hex mosaic, per sheet (10 sheets/box)", "2 boxes TILE got wet", "20", "83.00"),
    ],
)
def test_boxes_of_goods_priced_by_a_measure_hold_so_much_of_it(
    name: str, text: str, quantity: str, amount: str
) -> None:
    tile = ItemInfo("TILE", name, Decimal("4.15"))
    (d,) = draft(text, make_context(items={"TILE": tile}))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(amount))


# -- held-out round 323 (sets 2621-2628) ------------------------------------------------------


def test_a_measure_beside_a_count_of_goods_priced_by_it_is_never_sure() -> None:
    # "2 of the 50 lb blocks" of ice priced per lb was a sure 2 lb
    ice = ItemInfo("ICE-BLK", "Block ice, per lb", Decimal("0.19"))
    context = make_context(items={"ICE-BLK": ice})
    (d,) = draft("2 of the 50 lb blocks (ICE-BLK) shattered on the dock", context)
    assert d.confidence < 0.9
    assert any("50 lb" in w for w in d.warnings)
    # ... while the measure as the count stays sure
    (d,) = draft("40 lb of ICE-BLK melted", context)
    assert (d.quantity, d.amount, d.confidence >= 0.9) == (40, Decimal("7.60"), True)


@pytest.mark.parametrize(
    "text",
    [
        # the provision named as what is used (read as a heading that builds it)
        "draw down the E&O provision for 6 scrapped SKU-12, $90",
        "utilize the E&O provision for the 4 SKU-12 we binned",
    ],
)
def test_the_provision_drawn_down_is_the_reserve_used(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.RESERVE_WRITE_OFF
    # ... while a provision said as a heading still builds it
    (d,) = draft("Q3 e&o provision: 40 SKU-12", make_context(items=ITEMS))
    assert d.category is Category.RESERVE_PROVISION


def test_round_323_break_in_and_a_store_that_paid() -> None:
    (d,) = draft(
        "cig cage got busted into over the weekend, 15 SKU-12 taken", make_context(items=ITEMS)
    )
    assert d.category is Category.CASUALTY
    drafts = draft("store 57 paid for the 2 SKU-12 they broke", make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        # a clown who keyed and smashed, a van that rolled or slid on the ice, flames, a
        # trailer's seal cut (all drafted routine losses or shrinkage)
        "some clown keyed the window display and smashed 4 of the SKU-12",
        "3 SKU-12 damaged when the van rolled, $45",
        "van slid on the ice and rolled, lost 4 SKU-12",
        "grinder station went up in flames, burned up 2 SKU-12",
        "door 7 trailer 5531 - seal cut overnight, 14 SKU-12 gone",
    ],
)
def test_round_323_casualties(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


# -- held-out round 324 (sets 2629-2636) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # written down to nothing, or written off? (a sure routine loss; every round's
        # writer asked)
        "4 SKU-12 w/ salt corrosion, worth nothing now",
        "those 2 SKU-12 with the torn seats aren't worth a dime anymore",
    ],
)
def test_goods_worth_nothing_now_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert drafts and all(d.confidence < 0.5 for d in drafts)


def test_goods_that_walked_are_taken() -> None:
    (d,) = draft(
        "20 of the ivory SKU-12 walked at the Oak Hill barn wedding", make_context(items=ITEMS)
    )
    assert d.category is Category.CASUALTY
    drafts = draft(
        "keg audit: 3 SKU-12 w cracked necks, 1 SKU-40 walked", make_context(items=ITEMS)
    )
    assert [d.category for d in drafts] == [Category.LOSS, Category.CASUALTY]
    # ... never goods walked somewhere by someone
    (d,) = draft("4 SKU-12 walked to the dumpster, smashed", make_context(items=ITEMS))
    assert d.category is Category.LOSS


# -- held-out round 325 (sets 2637-2644) ------------------------------------------------------


def test_a_code_beside_another_items_full_name_asks_which() -> None:
    # "2 ZOL-AEDP vital signs monitors": the code is the AED, the words name the monitor the
    # list also holds (drafted as the AED, sure)
    items = {
        "ZOL-AEDP": ItemInfo("ZOL-AEDP", "ZOLL AED Plus defibrillator, each", Decimal("1395.00")),
        "CVSM-6400": ItemInfo("CVSM-6400", "Connex 6400 vital signs monitor", Decimal("2485.00")),
    }
    (d,) = draft("2 ZOL-AEDP vital signs monitors dropped at dock 4", make_context(items=items))
    assert d.confidence < 0.9
    # ... but the code's own name beside it is the same goods
    (d,) = draft("2 ZOL-AEDP defibrillators dropped at dock 4", make_context(items=items))
    assert (d.sku, d.amount, d.confidence >= 0.9) == ("ZOL-AEDP", Decimal("2790.00"), True)


def test_a_places_number_before_the_cash_drawer_is_no_count_of_goods() -> None:
    # "counter 1 drawer was $40 short": $40 of shrinkage, sure
    for text in ("counter 1 drawer was $40 short at close", "lane 3 till short $12 tonight"):
        with pytest.raises(DraftError, match="cash"):
            draft(text, make_context(items=ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        # the thief stopped, the goods back where they are sold
        "the guy who lifted 2 SKU-12 got stopped by security, they're back in the case",
        "2 SKU-12 snatched but the kid dropped them, back in the display case now",
        # the customer took the damaged goods at full price
        "the 2 SKU-12 that got dinged on delivery, they took them at full price anyway",
        "3 scuffed SKU-12, customer accepted them at full price",
    ],
)
def test_goods_back_for_sale_or_taken_at_full_price_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


# -- held-out round 326 (sets 2645-2652) ------------------------------------------------------


def test_a_burst_sprinkler_is_a_casualty_for_every_line_under_it() -> None:
    items = {**ITEMS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    drafts = draft("burst sprinkler soaked bay 7:\n10 SKU-12\n4 SKU-40", make_context(items=items))
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]
    # ... but broken sprinklers a garden centre sells are goods
    (d,) = draft("12 broken sprinklers SKU-12", make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_the_fire_bucket_is_where_swollen_batteries_go_not_a_fire() -> None:
    (d,) = draft("3 SKU-12 went pillowy, straight into the fire bucket", make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_the_drawer_at_a_numbered_counter_is_cash() -> None:
    with pytest.raises(DraftError, match="cash"):
        draft("drawer at counter 2 was short $40 tonight", make_context(items=ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        "5 SKU-12 have dented cans but they test fine on the meter. w/o?",
        "3 SKU-12 scuffed but they power up normally",
        "acme is crediting us for the 3 cracked SKU-12, do we still w/o?",
    ],
)
def test_goods_that_work_or_a_vendor_credits_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


_BOXED_EACH = {
    "LB100": ItemInfo("LB100", "Conduit body 1in w/ cover (ea, 10/bx)", Decimal("9.80")),
    "OW-1G": ItemInfo("OW-1G", "1-gang old work box (ea, 50/cs)", Decimal("1.18")),
}


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        # containers counted in words the count's own pattern missed: each was one piece, sure
        ("found 2 extra boxes of LB100 in overflow, not on system", Decimal(20), "196.00"),
        ("2 LB100 boxes crushed", Decimal(20), "196.00"),
        # a quarter of a case of 50 is 12.5 pieces: never sure (it was 0.25 of a piece)
        ("quarter case of OW-1G cracked when the shelf gave", Decimal("12.5"), "14.75"),
    ],
)
def test_containers_of_goods_priced_each_multiply_out(
    text: str, quantity: Decimal, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_BOXED_EACH))
    assert (d.quantity, d.amount) == (quantity, Decimal(amount))
    assert d.confidence < 0.9


def test_units_of_goods_priced_by_the_case_are_as_bare_as_a_count() -> None:
    items = {"CR-24": ItemInfo("CR-24", "Crayola Crayons 24ct, case of 48", Decimal("38.40"))}
    (d,) = draft("upc CR-24, 30 units crushed under a fallen shelf", make_context(items=items))
    assert (d.amount, d.confidence < 0.9) == (Decimal("24.00"), True)


# -- held-out round 327 (sets 2653-2660) ------------------------------------------------------


def test_a_drivers_cod_bag_is_cash() -> None:
    with pytest.raises(DraftError, match="cash"):
        draft("COD bag on route 12 came back $60 short", make_context(items=ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        "caught a shoplifter at the door w/ 2 SKU-12 in his coat, got both back",
        "the 2 SKU-12 that got stolen last week - cops caught the guy and we got both back",
    ],
)
def test_stolen_goods_got_back_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


_WINE = {
    "613050": ItemInfo("613050", "Bacardi Superior Rum 750ml, 12/cs", Decimal("139.20")),
    "705315": ItemInfo("705315", "Barefoot Pinot Grigio 1.5L, 6/cs", Decimal("41.70")),
    "415220": ItemInfo("415220", "Hendrick's Gin 750ml (ea, 12/cs)", Decimal("27.85")),
}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("2 cs 705315 broken", "83.40"),
        ("we gave 12 bottles of 705315 to the food bank", "83.40"),
        ("cycle count 613050: sys 84 btl, counted 79", "58.00"),
        # ... and the piece the list prices "ea" stays the piece
        ("2 cs 415220 broken", "668.40"),
    ],
)
def test_a_list_that_says_ea_for_the_piece_prices_its_other_case_packs_by_the_case(
    text: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=_WINE))
    assert d.amount == Decimal(amount)
    assert d.confidence < 0.9
    # a list that never says "ea" keeps the piece's reading (rounds 138-143)
    items = {sku: i for sku, i in _WINE.items() if sku != "415220"}
    if "415220" not in text:
        (d,) = draft(text, make_context(items=items))
        assert d.amount != Decimal(amount)


# -- held-out round 328 (sets 2661-2668) ------------------------------------------------------


def test_a_count_line_of_goods_priced_by_the_pack_asks_what_was_counted() -> None:
    code = "611269991000"
    items = {code: ItemInfo(code, "Red Bull Energy Drink 8.4oz can, 24pk Cs", Decimal("39.60"))}
    (d,) = draft(f"count sheet bay 9:\n{code} sys 480 / ct 462", make_context(items=items))
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "tech took 2 SKU-12 on his route, never came back, we're taking it out of his check",
        "installer cracked 1 SKU-12 on a job, it's coming out of his paycheck",
    ],
)
def test_a_loss_taken_out_of_someones_pay_is_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


def test_a_code_beside_a_twins_name_asks_which() -> None:
    items = {
        "WN-TW": ItemInfo("WN-TW", "Warm & Natural batting, twin, pkg", Decimal("23.10")),
        "WN-QN": ItemInfo("WN-QN", "Warm & Natural batting, queen, pkg", Decimal("34.50")),
    }
    (d,) = draft("WN-TW queen batting x 2 ripped", make_context(items=items))
    assert d.confidence < 0.9
    (d,) = draft("WN-TW twin batting x 2 ripped", make_context(items=items))
    assert (d.amount, d.confidence >= 0.9) == (Decimal("46.20"), True)


# -- held-out round 329 (sets 2669-2676) ------------------------------------------------------


def test_a_code_beside_its_twins_size_asks_which() -> None:
    items = {
        "1804PRS": ItemInfo(
            "1804PRS", "Rain Bird 1804 4in spray body (ea, 25/bx)", Decimal("4.12")
        ),
        "1806PRS": ItemInfo(
            "1806PRS", "Rain Bird 1806 6in spray body (ea, 25/bx)", Decimal("6.35")
        ),
    }
    (d,) = draft("1804PRS 6in spray bodies x 10 cracked", make_context(items=items))
    assert d.confidence < 0.9
    (d,) = draft("1804PRS 4in spray bodies x 10 cracked", make_context(items=items))
    assert (d.amount, d.confidence >= 0.9) == (Decimal("41.20"), True)


def test_a_share_of_a_case_counts_in_units_of_goods_priced_by_the_case_is_never_sure() -> None:
    items = {"94225": ItemInfo("94225", "Organic Hass avocados #48, 48ct case", Decimal("64.80"))}
    (d,) = draft("a third of the 48 avos in the 94225 case are mush", make_context(items=items))
    assert d.confidence < 0.9


def test_a_bottle_of_goods_priced_by_the_bottle_is_one_bottle() -> None:
    items = {"TR50": ItemInfo("TR50", "Tramadol 50 mg tablets, bottle of 1000", Decimal("29.80"))}
    (d,) = draft("someone took a bottle of TR50 from the drug safe", make_context(items=items))
    assert d.amount == Decimal("29.80")


# -- held-out round 330 (sets 2677-2684) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("RAM-16G sys 40 / ct'd 43", Category.OVERAGE, Decimal(3)),
        ("SKU-12 sys 40 ct'd 37", Category.SHRINKAGE, Decimal(3)),
    ],
)
def test_ctd_is_counted(text: str, category: Category, quantity: Decimal) -> None:
    items = {**ITEMS, "RAM-16G": ItemInfo("RAM-16G", "DDR4 16GB SODIMM", Decimal("31.25"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.quantity) == (category, quantity)


@pytest.mark.parametrize(
    "text",
    [
        "sidewalls scuffed on 4 SKU-12 from the conveyor but they hold air fine, do we w/o?",
        "outer boxes crushed on 4 SKU-12 but the panels tested fine",
    ],
)
def test_goods_that_work_after_all_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


def test_a_cut_below_retail_is_never_sure() -> None:
    (d,) = draft("write down 10 SKU-12 to 30% below retail, scuffed", make_context(items=ITEMS))
    assert d.confidence < 0.9


# -- held-out round 331 (sets 2685-2692) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "driver dropped 2 cs SKU-12 and is paying for them out of his check",
        "the guy who grabbed 4 SKU-12 off dock 6 got caught, cops brought it all back",
    ],
)
def test_paid_out_of_a_check_or_brought_back_is_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


def test_what_the_count_sheet_says_is_the_books() -> None:
    (d,) = draft("sheet says 40 SKU-12, floor has 43, book the extra", make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.OVERAGE, Decimal(3))


# -- held-out round 332 (sets 2693-2700) ------------------------------------------------------


def test_boxes_of_goods_the_list_prices_each_ask_how_many() -> None:
    code = "ELE.GFCI-15W"
    items = {code: ItemInfo(code, "Leviton GFCI Receptacle White, each", Decimal("14.30"))}
    (d,) = draft(f"2 boxes of the {code} outlets crushed", make_context(items=items))
    assert d.confidence < 0.9
    (d,) = draft(f"2 {code} crushed", make_context(items=items))
    assert (d.amount, d.confidence >= 0.9) == (Decimal("28.60"), True)


# -- held-out round 333 (sets 2701-2708) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "3 SKU-12 in crushed boxes, radios power up and test fine tho. write off?",
        "cartons on 2 SKU-12 are torn to shreds but the doors look perfect, w/o?",
        "10 SKU-12 scuffed up but they still play fine, write off?",
    ],
)
def test_goods_that_play_look_or_test_fine_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


def test_goods_that_were_fine_before_the_damage_are_written_off() -> None:
    (d,) = draft("3 SKU-12 cracked, they looked fine on arrival", make_context(items=ITEMS))
    assert d.confidence >= 0.9


def test_a_pasted_count_table_drafts_each_row() -> None:
    # one row of 68 such tables in rounds 325-333 was drafted, as a loss of its count
    items = {**ITEMS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = "<!here> count results\n```\nSKU     sys  ct\nSKU-12  22   19\nSKU-40  10   11\n```"
    drafts = draft(text, make_context(items=items))
    assert [(d.category, d.sku, d.quantity) for d in drafts] == [
        (Category.SHRINKAGE, "SKU-12", Decimal(3)),
        (Category.OVERAGE, "SKU-40", Decimal(1)),
    ]
    # ... the count first when the header says so; a row that agrees writes nothing off
    text = "```\nitem     count  system\nSKU-12   19     22\nSKU-40   10     10\n```\npls book"
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.sku, d.quantity) == (Category.SHRINKAGE, "SKU-12", Decimal(3))


# -- held-out round 334 (sets 2709-2716) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("knock the 10 SKU-12 down 25%, scuffed lenses", "37.50"),
        ("take the 6 SKU-12 to 60% of cost", "36.00"),
        ("value 8 SKU-12 in the old packaging down 25%", "30.00"),
        ("bring the 2 SKU-12 with small chips to 70% of cost", "9.00"),
        ("down 30% on the 12 SKU-12 in the old packaging", "54.00"),
        ("20 SKU-12 with the old test date, knock it down 30%", "90.00"),
        ("SKU-12 x4 were $15 now $10, scuffed finish", "20.00"),
        ("was 15 now 9: SKU-12, 5 of them with small knots", "30.00"),
    ],
)
def test_a_value_cut_by_a_share_or_said_was_and_now_is_a_write_down(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


def test_a_figure_going_up_or_a_count_said_was_and_now_is_no_write_down() -> None:
    for text in ("SKU-12 was 40 now 37 on the shelf", "SKU-12 cost was $15 now $18"):
        try:
            drafts = draft(text, make_context(items=ITEMS))
        except DraftError:
            continue  # a refusal is no write-down either
        assert all(d.category is not Category.WRITE_DOWN for d in drafts), text


@pytest.mark.parametrize(
    "text",
    [
        "found the 4 SKU-12 we thought got stolen, they were in the returns bin",
        "thought 10 of the SKU-12 were cracked, turns out just the sleeves were torn",
        "shipping carton for 2 SKU-12 got mashed, heads inside tested fine",
    ],
)
def test_goods_found_or_fine_after_all_are_a_doubt(text: str) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)


def test_other_goods_that_tested_fine_leave_the_loss_alone() -> None:
    (d,) = draft("4 SKU-12 cracked, others tested fine", make_context(items=ITEMS))
    assert (d.quantity, d.confidence >= 0.9) == (Decimal(4), True)


def test_a_gift_still_to_be_made_is_never_sure() -> None:
    for text in (
        "donating the 24 SKU-12 to the college next month once the rig goes LED",
        "will donate 4 SKU-12 to the high school",
    ):
        (d,) = draft(text, make_context(items=ITEMS))
        assert (d.category, d.confidence < 0.9) == (Category.DONATION, True), text
    (d,) = draft("donated 4 SKU-12 to the high school yesterday", make_context(items=ITEMS))
    assert d.confidence >= 0.9


def test_a_count_table_with_pipes_and_a_unit_column_drafts_each_row() -> None:
    items = {**ITEMS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = "count sheet\nSKU | sys | cnt\nSKU-12 | 20 | 17\nSKU-40 | 14 | 16"
    drafts = draft(text, make_context(items=items))
    assert [(d.category, d.sku, d.quantity) for d in drafts] == [
        (Category.SHRINKAGE, "SKU-12", Decimal(3)),
        (Category.OVERAGE, "SKU-40", Decimal(2)),
    ]
    box = {"BX-50": ItemInfo("BX-50", "Exam gloves, box of 50", Decimal("5.40"))}
    text = "```\nSKU    UOM  SYS  CNT\nBX-50  BX    40   37\n```"
    (d,) = draft(text, make_context(items=box))
    assert (d.category, d.amount) == (Category.SHRINKAGE, Decimal("16.20"))


def test_a_count_line_whose_figure_matches_the_line_before_is_its_own_item() -> None:
    # SKU-40's "4" is no restatement of SKU-12's 4 short (round 334 read both lines as one)
    items = {**ITEMS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = "SKU-12 sys 30 cnt 26\nSKU-40 sys 4 cnt 5"
    drafts = draft(text, make_context(items=items))
    assert [(d.category, d.sku, d.quantity) for d in drafts] == [
        (Category.SHRINKAGE, "SKU-12", Decimal(4)),
        (Category.OVERAGE, "SKU-40", Decimal(1)),
    ]


@pytest.mark.parametrize(
    "text",
    ["rcvd 40 dz SKU-12 from the mill, all good", "rcvd 6 cs SKU-12, all good, temps at 38F"],
)
def test_a_delivery_received_all_good_is_no_write_off(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))
    (d,) = draft("rcvd 6 SKU-12, all good except 2 cracked", make_context(items=ITEMS))
    assert d.quantity == Decimal(2)


# -- held-out round 335 (sets 2717-2724) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("SKU-12 sys 24 / bin 27", Category.OVERAGE, 3),
        ("count on SKU-12: books 120 / bin 131", Category.OVERAGE, 11),
        ("cycle count SKU-12: system 64, on the hooks 57", Category.SHRINKAGE, 7),
        ("SKU-12 cuont: sytem 20 acutal 18", Category.SHRINKAGE, 2),
        ("ovrage on SKU-12, sytem 30 shlef 33", Category.OVERAGE, 3),
    ],
)
def test_the_count_under_a_label_of_its_own_after_the_books(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


@pytest.mark.parametrize(
    "text",
    [
        "fuond 5 extra SKU-12 on the top shelf, sytem says 12 we got 17",
        "fiound 5 extra SKU-12 behnd the truss racks, books dont have them",
    ],
)
def test_found_typed_in_a_hurry_is_found(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.OVERAGE, Decimal(5))


# -- held-out round 336 (sets 2725-2732) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("write the SKU-12 down 40%, 16 copies, covers scuffed", "96.00"),
        ("the 8 SKU-12 in the old packaging, down 15%", "18.00"),
    ],
)
def test_written_down_by_a_share_said_apart(text: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        "10 SKU-12 went to the high school marine tech program, no charge",
        "handed off 20 SKU-12 to the Rotary plant sale, no charge",
    ],
)
def test_goods_that_went_to_a_good_cause_are_a_donation(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.DONATION


@pytest.mark.parametrize(
    "text",
    [
        "4 SKU-12 cracked, sent to the dumpster behind the school",
        "4 SKU-12 cracked, went to the dumpster behind the school",
    ],
)
def test_goods_sent_to_the_dumpster_are_no_gift(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_a_value_said_was_and_now_of_last_years_model_is_no_past_figure() -> None:
    (d,) = draft(
        "the 2 leftover SKU-12, last year's model, was 15 now 12 ea", make_context(items=ITEMS)
    )
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("6.00"))


def test_a_quoted_question_answered_below_is_the_answers_report() -> None:
    text = "&gt; did anything break at the gala?\nyep, 2 SKU-12 came off the boom :boom: w/o"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.LOSS, Decimal(2))
    with pytest.raises(DraftError):
        draft("&gt; did anything break at the gala?\nnope all good", make_context(items=ITEMS))


# -- held-out round 337 (sets 2733-2740) ------------------------------------------------------


def test_a_second_one_said_after_the_first_is_never_the_only_sure_draft() -> None:
    text = "SKU-12: 1 flat-spotted on the demo dyno, and a second one stolen from the tire rack"
    drafts = draft(text, make_context(items=ITEMS))
    assert len(drafts) == 2 or all(d.confidence < 0.9 for d in drafts)


def test_goods_the_maker_replaces_free_are_a_doubt() -> None:
    text = "SKU-12 x3 scratched, Shoei's replacing them free, rep is sending new ones"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("SKU-12 sys 24 / on peg 27", Category.OVERAGE, 3),
        ("ovrage on SKU-12, sysem 5 shelf 7", Category.OVERAGE, 2),
        ("inventroy count SKU-12: systme 200, coutned 188", Category.SHRINKAGE, 12),
    ],
)
def test_the_books_typed_in_a_hurry_and_the_count_on_a_peg(
    text: str, category: Category, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


# -- held-out round 338 (sets 2741-2748) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Patel's kid chewed through 2 SKU-12 in the break room, she's paying for them",
        "the 3 SKU-12 that got stolen, the kid's parents came in and paid for all of them",
    ],
)
def test_someone_else_paying_for_the_goods_is_a_doubt(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_goods_moved_to_scratch_and_dent_with_no_value_are_never_a_sure_loss() -> None:
    (d,) = draft("scratch and dent: 3 SKU-12 with torn tags", make_context(items=ITEMS))
    assert d.confidence < 0.9


def test_goods_never_to_be_seen_again_are_short() -> None:
    text = "4 SKU-12 fell behind the counter, never to be seen again"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.SHRINKAGE


def test_goods_put_in_the_reserve_at_cost_build_it() -> None:
    text = "reserve the 8 SKU-12 at cost, last season's colorway isn't moving"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.RESERVE_PROVISION, Decimal("120.00"))
    (d,) = draft("we reserve 8 SKU-12 at cost for the customer pickup", make_context(items=ITEMS))
    assert d.category is not Category.RESERVE_PROVISION


def test_a_count_sheet_line_with_the_count_after_a_bare_slash() -> None:
    items = {**ITEMS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = "cycle count results\nSKU-12 sys 18 / 15\nSKU-40 sys 20 / 24"
    drafts = draft(text, make_context(items=items))
    assert [(d.category, d.quantity) for d in drafts] == [
        (Category.SHRINKAGE, Decimal(3)),
        (Category.OVERAGE, Decimal(4)),
    ]


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("SKU-12 cout 40 sytem 46", Category.SHRINKAGE, 6),
        ("foud 3 extra SKU-12 behind the pallte racks, sys dosnt have them", Category.OVERAGE, 3),
    ],
)
def test_count_and_found_typed_in_a_hurry(text: str, category: Category, quantity: int) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (category, Decimal(quantity))


def test_a_delivery_received_all_in_good_shape_is_no_write_off() -> None:
    with pytest.raises(DraftError):
        draft("rcvd 4 cs SKU-12 today, all in good shape", make_context(items=ITEMS))


# -- held-out round 339 (sets 2749-2756) ------------------------------------------------------


def test_a_count_with_the_cases_it_came_in_said_beside_it_counts_pieces() -> None:
    code = "FLT-16"
    items = {code: ItemInfo(code, "Pleated air filter 16x25x2, case of 12", Decimal("58.80"))}
    (d,) = draft(f"24 {code} (2 cs) crushed", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(24), Decimal("117.60"))


# -- held-out round 340 (sets 2757-2764) ------------------------------------------------------


def test_goods_that_go_out_of_date_next_month_are_never_a_sure_loss() -> None:
    text = "the quarts go out of date next month, toss the 12 SKU-12 now?"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.9


def test_goods_sent_for_repair_are_a_doubt_unless_not_worth_it() -> None:
    text = "5 SKU-12 chipped, sending them to the rebuild center for repair"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5
    (d,) = draft("5 SKU-12 smashed, not worth sending for repair", make_context(items=ITEMS))
    assert d.confidence >= 0.9


def test_goods_taken_and_never_paid_for_are_theft() -> None:
    (d,) = draft("4 SKU-12 went home with a customer, never paid", make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_sprinkler_that_burst_said_apart_is_a_flood() -> None:
    text = "sprinkler head over rack C burst overnight and soaked 11 SKU-12, all junk"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY
    (d,) = draft("4 SKU-12 broken, the sprinkler system test went fine", make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_a_count_table_keyed_by_plu_with_the_unit_in_the_header() -> None:
    items = {
        "8221": ItemInfo("8221", "Almonds raw, per lb", Decimal("4.85")),
        "8240": ItemInfo("8240", "Cashews, per lb", Decimal("6.40")),
    }
    text = "count sheet bulk nuts\nPLU | sys lb | counted\n8221 | 80 | 74\n8240 | 40 | 43"
    drafts = draft(text, make_context(items=items))
    assert [(d.category, d.sku, d.quantity) for d in drafts] == [
        (Category.SHRINKAGE, "8221", Decimal(6)),
        (Category.OVERAGE, "8240", Decimal(3)),
    ]


# -- held-out round 341 (sets 2765-2772) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "store 2: truck 14 backed into the dock stack, 3 SKU-12 crushed",
        "trailer jackknifed coming back from the show. SKU-12 x2 trashed",
    ],
)
def test_a_numbered_vehicle_or_a_jackknifed_trailer_is_a_wreck(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_goods_sent_to_the_cleaners_are_a_doubt() -> None:
    text = "3 SKU-12 got slimed by a busted bottle, sending them out to the cleaners"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


# -- held-out round 342 (sets 2773-2780) ------------------------------------------------------


def test_goods_ordered_to_replace_the_broken_ones_are_a_doubt() -> None:
    # (the 10 ordered are new goods; how many broke, the message does not say)
    (d,) = draft("ordered 10 more SKU-12 to replace the broken ones", make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_listed_goods_with_no_count_beside_a_counted_part_are_a_doubt() -> None:
    items = {**ITEMS, "SKU-40": ItemInfo("SKU-40", "Glass panel", Decimal("142.00"))}
    text = "pup got loose in the retail corner: 3 SKU-12 chewed, and a few SKU-40 too"
    drafts = draft(text, make_context(items=items))
    assert all(d.confidence < 0.5 for d in drafts)


def test_goods_the_freight_carrier_lost_are_lost_in_transit() -> None:
    text = "freight lost 10 SKU-12 somewhere between our warehouse and the showroom. w/o"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS


# -- held-out round 344 (sets 2789-2796) ------------------------------------------------------


def test_a_roll_of_an_area_is_counted_in_rolls_not_pieces() -> None:
    # (a roll of 30 sq yd holds an area, not 30 pieces: "3 rolls" are three rolls)
    items = {
        "PAD-7": ItemInfo("PAD-7", "Rebond carpet pad 7/16in, roll of 30 sq yd", Decimal("96.00"))
    }
    (d,) = draft("pallet jack tore up 3 rolls of PAD-7", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(3), Decimal("288.00"))


def test_burning_the_provision_uses_the_reserve() -> None:
    text = "burn $1,120 of the E&O reserve for the old SKU-12 we tossed last wk"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.RESERVE_WRITE_OFF


@pytest.mark.parametrize(
    "text",
    [
        "fenders with the old logo print, 20 SKU-12, down $8 each",
        "20 SKU-12 with under 2 yrs left on the date. take them down $8 each",
        "mark the 20 SKU-12 down $8 each, smushed lids but sealed inside",
        "SKU-12 in the old profile, 20 pcs down $8 each",
    ],
)
def test_goods_taken_down_so_many_dollars_each_are_a_write_down(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("160.00"))


@pytest.mark.parametrize(
    "text",
    [
        "customer backed his pickup + boat trailer right into the display: 3 SKU-12 crushed",
        "delivery truck from Midwest Supply backed into the pallet in the bay, 3 SKU-12 smashed",
        "LTL driver backed his trailer right into the staged stack, 3 SKU-12 burst",
        "some guy drove his car through the showroom window, took out 3 SKU-12",
    ],
)
def test_a_road_vehicle_backed_or_driven_into_the_goods_is_a_casualty(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_hand_truck_backed_into_the_goods_is_a_loss() -> None:
    (d,) = draft("hand truck backed into the shelf, 2 SKU-12 broke", make_context(items=ITEMS))
    assert d.category is Category.LOSS


@pytest.mark.parametrize(
    "text",
    [
        "padlock on yard container 3 was cut overnight, 3 SKU-12 are gone",
        "someone kicked in the glass on the display case overnight, 3 SKU-12 cut up",
    ],
)
def test_a_cut_padlock_or_glass_kicked_in_is_theft_or_vandalism(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_goods_lost_somewhere_in_the_building_are_shrinkage() -> None:
    text = "we lost 4 SKU-12 somewhere between receiving and putaway"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.SHRINKAGE


def test_a_write_down_of_boxes_the_list_prices_counts_the_pieces() -> None:
    # (as a write-off of the boxes does: 50 boxes of 80 are 4,000 tiles, valued by the box)
    items = {"CW-36": ItemInfo("CW-36", "Ceramic subway tile 3x6, box of 80", Decimal("24.00"))}
    (d,) = draft("impair the CW-36, 50 bx, now worth $15/bx", make_context(items=items))
    assert (d.category, d.amount, d.quantity, d.item_quantity) == (
        Category.WRITE_DOWN,
        Decimal("450.00"),
        Decimal(4000),
        Decimal(50),
    )


# -- held-out round 345 (sets 2797-2803) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "FYI damage w/o's for August came to $3,412, up from July",
        "FYI breakage for May came to $1,284, way better than April",
    ],
)
def test_a_months_write_offs_told_as_news_are_no_request(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_floor_drain_backed_up_said_apart_is_a_casualty() -> None:
    text = "floor drain in the stockroom backed up after the rain, 12 SKU-12 ruined"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_figure_set_after_goods_with_no_count_is_asked_about() -> None:
    # (each can, a case, or all of them?)
    (d,) = draft("busted brake cleaner from the pallet drop: $30", make_context(items=ITEMS))
    assert d.amount == Decimal("30.00")
    assert d.confidence < 0.9


def test_a_reserve_wine_is_goods_not_the_books_reserve() -> None:
    text = "the 8 SKU-12 of reserve chard, the case fell off the top rack, all broken"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_a_van_backed_in_by_its_fleet_number_is_a_casualty() -> None:
    (d,) = draft("Luis backed van 2 into the pallet, 5 SKU-12 crushed", make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


# -- held-out round 346 (sets 2804-2811) ------------------------------------------------------


def test_a_price_from_one_dollar_figure_down_to_another_is_a_write_down() -> None:
    text = "3 SKU-12 with scratches from the wall hangers, from $15 to $9"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("18.00"))


def test_goods_not_yet_powered_up_are_a_doubt() -> None:
    text = "2 SKU-12 came in with dented corners, haven't powered them up yet. w/o?"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_a_pickup_named_by_its_model_is_a_road_vehicle_not_goods() -> None:
    text = "customer backed his F-250 into the display out front, 3 SKU-12 caved in"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.sku, d.quantity) == (Category.CASUALTY, "SKU-12", Decimal(3))


# -- held-out round 347 (sets 2812-2819) ------------------------------------------------------


def test_the_leads_label_said_again_on_each_line_keeps_the_leads_story() -> None:
    items = {**ITEMS, "SKU-410": ItemInfo("SKU-410", "Ceramic mug", Decimal("12.00"))}
    text = "Roof of the lean-to caved in under the snow.\nCrushed: 9 SKU-12\nCrushed: 3 SKU-410"
    drafts = draft(text, make_context(items=items))
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


def test_a_count_rows_code_with_no_digit_that_agrees_is_dropped_with_its_row() -> None:
    items = {
        "KONG-L": ItemInfo("KONG-L", "Kong classic L", Decimal("6.85")),
        "KONG-M": ItemInfo("KONG-M", "Kong classic M", Decimal("5.10")),
    }
    text = "```\nSKU       SYS  CNT\nKONG-L     44   44\nKONG-M     52   49\n```"
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.sku, d.quantity, d.amount) == (
        Category.SHRINKAGE,
        "KONG-M",
        Decimal(3),
        Decimal("15.30"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "UPS dropped off the mugs with the carton caved in, 7 mugs cracked. SKU-12 x7",
        "7 SKU-12 cracked when the shelf bracket gave out. SKU-12 x7",
    ],
)
def test_the_goods_tag_after_the_story_is_the_same_loss_said_once_more(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.sku, d.quantity) == (Category.LOSS, "SKU-12", Decimal(7))


def test_two_stories_of_the_same_count_still_ask_which() -> None:
    drafts = draft("7 SKU-12 cracked. also 7 SKU-12 chipped", make_context(items=ITEMS))
    assert len(drafts) == 2
    assert all(d.confidence < 0.9 for d in drafts)


@pytest.mark.parametrize(
    "text",
    [
        "Acme's driver dropped 2 SKU-12 off the liftgate. they'll cover it, sending them the bill",
        "contractor cracked 2 SKU-12 loading them at will-call, we charged his account for both",
        "SKU-12 x4, box crushed in shipping but the widgets are fine",
    ],
)
def test_goods_someone_else_pays_for_or_only_their_box_hurt_are_a_doubt(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_a_write_down_of_goods_whose_boxes_are_crushed_is_still_a_write_down() -> None:
    text = "mark down the 25 SKU-12 from $6.40 to $3 each, boxes crushed but the widgets are fine"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal("85.00"))
    assert d.confidence >= 0.5


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the ladder slipped and took 3 SKU-12 down with me", None),
        ("van 3 liftgate gave out mid-drop at Jefferson HS, 1 SKU-12 caved in", Category.LOSS),
        ("the wind knocked the SKU-12 rack over, 22 broken", Category.CASUALTY),
        ("dropped 60 SKU-12 at St. Vincent's pantry after close, no charge", Category.DONATION),
    ],
)
def test_what_befell_the_goods_is_read_from_the_whole_phrase(
    text: str, category: Category | None
) -> None:
    drafts = draft(text, make_context(items=ITEMS))
    if category is None:  # (a fall: no thief, whatever else the reader makes of it)
        assert all(d.category is not Category.CASUALTY for d in drafts)
    else:
        assert [d.category for d in drafts] == [category]


# -- held-out round 349 (sets 2828-2835) ------------------------------------------------------


def test_cubes_of_bricks_are_counted_out_to_bricks() -> None:
    items = {"BRK-R": ItemInfo("BRK-R", "Modular face brick, red, cube of 500", Decimal("345.00"))}
    (d,) = draft("3 cubes BRK-R overfired and crazed, scrapping", make_context(items=items))
    assert (d.amount, d.quantity) == (Decimal("1035.00"), Decimal(1500))


def test_a_models_name_beside_its_code_is_no_count() -> None:
    items = {"17N166": ItemInfo("17N166", "Airless paint sprayer Magnum X7, ea", Decimal("412.00"))}
    (d,) = draft("shoplifter walked out w/ a 17N166 X7 in a cart", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("412.00"))
    (d,) = draft("17N166 x7 crushed", make_context(items=items))
    assert d.quantity == Decimal(7)  # (typed as a count, it is one)


# -- held-out round 350 (sets 2836-2843) ------------------------------------------------------


def test_a_part_of_the_goods_gone_is_damage_not_goods_gone() -> None:
    (d,) = draft("1 SKU-12, wheel gone", make_context(items=ITEMS))
    assert d.category is Category.LOSS


def test_goods_the_police_recovered_and_back_on_the_floor_are_a_doubt() -> None:
    text = "police recovered the 2 SKU-12 from last week's break-in, they're back on the floor"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


def test_goods_staff_were_caught_taking_home_are_theft() -> None:
    text = "Pete (nights) admitted to taking home 25 SKU-12 over the last month, HR has it"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


@pytest.mark.parametrize(
    "text",
    [
        "box truck backing up to dock 1 went right into the pallet, 5 SKU-12 crushed",
        "customer backing his truck up to the pickup bay ran right into 1 SKU-12",
    ],
)
def test_a_road_vehicle_backing_up_into_the_goods_is_a_casualty(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


# -- held-out round 351 (sets 2844-2851) ------------------------------------------------------

_COUNTED_IN_CASES = {
    "LRS-12": ItemInfo("LRS-12", "Lactated Ringer's 1000 mL bag, case of 12", Decimal("26.40")),
    "GLV-M": ItemInfo("GLV-M", "Nitrile exam gloves M, box of 100", Decimal("7.90")),
    "PDS-36": ItemInfo("PDS-36", "PDS II 3-0 suture, box of 36", Decimal("226.80")),
    "RAB-10": ItemInfo("RAB-10", "Rabies 1-yr vaccine, tray of 10 doses", Decimal("48.00")),
    "CER-4": ItemInfo("CER-4", "Cerenia 24 mg tablets, blister card of 4", Decimal("27.80")),
    "06500": ItemInfo("06500", "Oil filter, case of 12", Decimal("118.80")),
    "ANC-13": ItemInfo("ANC-13", "Danforth anchor 13 lb", Decimal("54.30")),
}


@pytest.mark.parametrize(
    "text",
    [
        "| item | sys | cnt |\n|---|---|---|\n| LRS-12 | 8 cs | 7 cs + 5 |\n"
        "| GLV-M | 20 bx | 20 bx |\n| PDS-36 | 3 bx | 2 bx + 30 |",
        "item,sys,counted\nLRS-12,8 cs,7 cs + 5\nGLV-M,20 bx,20 bx\nPDS-36,3 bx,2 bx + 30",
        "```\nSKU       SYS    CNT\nLRS-12    8cs    7cs+5\nGLV-M     20bx   20bx\n"
        "PDS-36    3bx    2bx+30\n```",
    ],
)
def test_a_count_table_in_cases_and_loose_pieces_is_counted_in_pieces(text: str) -> None:
    drafts = draft(text, make_context(items=_COUNTED_IN_CASES))
    # 96 vs 89 bags: 7 short at $2.20; 108 vs 102 sutures: 6 short at $6.30
    assert [(d.category, d.sku, d.quantity, d.amount) for d in drafts] == [
        (Category.SHRINKAGE, "LRS-12", Decimal(7), Decimal("15.40")),
        (Category.SHRINKAGE, "PDS-36", Decimal(6), Decimal("37.80")),
    ]
    assert any("7 x 12 per case + 5 loose" in e for e in drafts[0].explanation)


def test_a_spreadsheets_rows_keep_their_cells_apart_at_the_tabs() -> None:
    text = (
        "cycle count wk 32\nitem\tsys\tcount\nRAB-10\t6 trays\t5 trays + 4\n"
        "CER-4\t10 cards\t10 cards + 2"
    )
    drafts = draft(text, make_context(items=_COUNTED_IN_CASES))
    assert [(d.category, d.quantity, d.amount) for d in drafts] == [
        (Category.SHRINKAGE, Decimal(6), Decimal("28.80")),
        (Category.OVERAGE, Decimal(2), Decimal("13.90")),
    ]


def test_a_count_of_cases_and_loose_said_under_its_item_is_counted_in_pieces() -> None:
    text = "cycle cnt LRS-12\nsys 10 cs\ncountd 9 cs + 7 loose"
    (d,) = draft(text, make_context(items=_COUNTED_IN_CASES))
    assert (d.category, d.quantity, d.amount) == (Category.SHRINKAGE, Decimal(5), Decimal("11.00"))


def test_a_row_that_agrees_in_cases_gives_no_other_row_its_code() -> None:
    text = "```\nSKU    SYS   CNT\n06500  2cs   2cs\nANC-13  9     7\n```"
    (d,) = draft(text, make_context(items=_COUNTED_IN_CASES))
    assert (d.sku, d.quantity, d.amount) == ("ANC-13", Decimal(2), Decimal("108.60"))


def test_a_variance_column_beside_the_figures_is_read_with_them() -> None:
    text = (
        "```\nsku      sys  cnt  var\nANC-13   18   16   -2\nGLV-M    60   63   +3\n"
        "LRS-12   12   12    0\n```"
    )
    drafts = draft(text, make_context(items=_COUNTED_IN_CASES))
    assert [(d.category, d.sku, d.quantity) for d in drafts] == [
        (Category.SHRINKAGE, "ANC-13", Decimal(2)),
        (Category.OVERAGE, "GLV-M", Decimal(3)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "count: SKU-12 sys 30 / counted 26, camera shows a guy pocketing them",
        "count short 4 SKU-12, cameras show a driver grabbing them off the dock",
        "SKU-12 count 4 short, camera shows them getting loaded into some randos pickup",
    ],
)
def test_a_counts_shortfall_the_camera_saw_taken_is_theft(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity, d.amount) == (Category.CASUALTY, Decimal(4), Decimal("60.00"))


# -- held-out round 352 (sets 2852-2859) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "quantity"),
    [
        (
            "a whole box of 100 envelopes ended up under the leak, paid 9.50 for the box",
            "9.50",
            100,
        ),
        ("a case of 24 water bottles got crushed, paid $30 for the case", "30.00", 24),
        ("3 boxes of 100 envelopes got wet, paid $9.50 for each box", "28.50", 300),
    ],
)
def test_a_price_paid_for_the_container_is_the_containers(
    text: str, amount: str, quantity: int
) -> None:
    (d,) = draft(text, make_context(items={}))
    assert (d.amount, d.quantity) == (Decimal(amount), Decimal(quantity))


@pytest.mark.parametrize(
    "text",
    ["can't believe Q3 breakage hit $6k in the yard alone", "breakage in march hit $2,400, ugh"],
)
def test_a_periods_losses_that_hit_a_figure_are_talk_not_a_request(text: str) -> None:
    with pytest.raises(DraftError):
        draft(text, make_context(items=ITEMS))


def test_a_signed_count_of_goods_the_list_prices_by_the_pallet_is_of_pieces() -> None:
    items = {
        "PAV-CH": ItemInfo("PAV-CH", "Holland paver 4x8 charcoal, pallet of 520", Decimal("364"))
    }
    (d,) = draft("cycle count wk 14\nPAV-CH -40", make_context(items=items))
    assert (d.category, d.quantity, d.amount) == (Category.SHRINKAGE, Decimal(40), Decimal("28.00"))
    assert d.confidence < 0.9


def test_a_new_value_for_them_all_or_each_is_asked() -> None:
    items = {"D36000": ItemInfo("D36000", "DEWALT 10in wet tile saw D36000", Decimal("1040.00"))}
    text = "the 3 open-box D36000 in the showroom, can only get $700 for them"
    (d,) = draft(text, make_context(items=items))
    assert d.confidence < 0.9
    (d,) = draft(text.replace("for them", "each"), make_context(items=items))
    assert d.amount == Decimal("1020.00")  # 3 x ($1,040 - $700)
    assert not any("for all" in w for w in d.warnings)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("12 SKU-12 mildewed, wait no 10, recounted", 10),
        ("20 SKU-12 stained\nwait no 16, recounted", 16),
        ("12 SKU-12 infected, dumping\nactually make that 10, 2 were fine", 10),
        ("8 SKU-12 bent on the 6/28 delivery\nwait, 7, one was fine", 7),
        ("7 SKU-12 cracked - wait no, 6, one was just a loose strap button", 6),
    ],
)
def test_a_count_taken_back_on_the_next_line_or_with_no_is_the_one_meant(
    text: str, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(15) * quantity)
    assert d.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "the church down the street took 10 SKU-12 for their fellowship hall, no charge",
        "the volunteer fire dept dive team got 10 SKU-12 from us, no charge",
        "gave 10 SKU-12 to the coast guard auxiliary",
        "gave 10 SKU-12 to the 3rd grade at Oakwood",
    ],
)
def test_goods_a_good_cause_took_or_got_for_nothing_are_donated(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.DONATION, Decimal("150.00"))


@pytest.mark.parametrize(
    "text",
    [
        "ext 214 called - delivery on 6/28 had 3 SKU-12 torn, they're junk",
        "ext 214 called: 3 SKU-12 in bin 4-B got moldy",
    ],
)
def test_a_phone_extension_is_no_price(text: str) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.quantity, d.amount) == (Decimal(3), Decimal("45.00"))


def test_a_figure_with_cents_written_off_is_money() -> None:
    (d,) = draft("write off 250.00 in rusted deck stain cans", make_context(items={}))
    assert (d.amount, d.quantity) == (Decimal("250.00"), None)


# -- held-out round 353 (sets 2860-2867) ------------------------------------------------------


def test_no_wait_takes_the_count_back_too() -> None:
    (d,) = draft("14 SKU-12 leaking - no wait, 11, recounted", make_context(items=ITEMS))
    assert (d.quantity, d.amount) == (Decimal(11), Decimal("165.00"))


def test_staff_caught_on_camera_stuffing_goods_away_is_theft() -> None:
    text = "caught a temp on camera stuffing 5 SKU-12 in his hoodie"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.category is Category.CASUALTY


def test_a_trailer_rolled_on_a_farm_to_market_road_is_a_road_accident() -> None:
    text = "trailer 17 rolled on FM 1187 with our load, 45 SKU-12 destroyed"
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.quantity) == (Category.CASUALTY, Decimal(45))


# -- held-out round 354 (sets 2868-2875) ------------------------------------------------------


def test_a_codes_figures_said_after_sku_are_the_lists_dashed_code() -> None:
    items = {"40-1120": ItemInfo("40-1120", "Burr carrier, EK43", Decimal("104.00"))}
    (d,) = draft("sku 401120, qty 2, burr carrier snapped", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("40-1120", Decimal(2), Decimal("208.00"))


def test_whole_cases_plus_loose_pieces_written_off_are_one_count_of_pieces() -> None:
    items = {
        "FLT-16": ItemInfo("FLT-16", "Pleated filter 16x25 MERV 8, case of 12", Decimal("38.40"))
    }
    (d,) = draft("4 cs + 7 FLT-16 found moldy in the back trailer", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(55), Decimal("176.00"))
    assert d.confidence < 0.9


def test_a_codes_figures_in_two_groups_after_sku_are_the_lists_code() -> None:
    items = {"5392-02": ItemInfo("5392-02", "Foam hand sanitizer 1200mL refill", Decimal("19.45"))}
    (d,) = draft("sku 5392 02 - 8 refills expired", make_context(items=items))
    assert (d.sku, d.quantity, d.amount) == ("5392-02", Decimal(8), Decimal("155.60"))


def test_goods_called_cubes_in_a_bag_are_priced_by_the_bag() -> None:
    assert packs.sold_by("Alfalfa cubes 50 lb bag") == "bag"
    assert packs.size_of("Modular face brick, red, cube of 500") == ("cube", Decimal(500))


# -- held-out round 355 (sets 2876-2882) ------------------------------------------------------


def test_use_it_to_scrap_after_a_reserve_top_up_uses_that_reserve() -> None:
    text = "top up the E&O reserve by $500 and use it to scrap the 20 old SKU-12"
    drafts = draft(text, make_context(items=ITEMS))
    assert [d.category for d in drafts] == [
        Category.RESERVE_PROVISION,
        Category.RESERVE_WRITE_OFF,
    ]


def test_one_amount_over_causes_not_yet_split_out_is_a_doubt() -> None:
    text = "$1,500 of stuff from the break-in and the burst pipe, havent split it out"
    (d,) = draft(text, make_context(items=ITEMS))
    assert d.confidence < 0.5


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # 50 x ($15 - $9), 20 x ($15 - $5), 15 x $4
        ("seconds from the linen vendor: 50 SKU-12 w/ minor flaws, worth $9 apiece", "300.00"),
        ("sun-faded hats, 20 of SKU-12, clearence at $5 each", "200.00"),
        ("knock the 15 SKU-12 with scuffed faceplates down $4 apiece", "60.00"),
    ],
)
def test_seconds_clearance_and_a_knock_down_said_apart_are_write_downs(
    text: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.category, d.amount) == (Category.WRITE_DOWN, Decimal(amount))


# -- held-out round 356 (sets 2883-2890) ------------------------------------------------------


def test_a_case_size_said_on_the_count_line_counts_cases_and_loose_in_pieces() -> None:
    items = {"TEE-S": ItemInfo("TEE-S", "Tee heather grey printed S", Decimal("3.95"))}
    text = "cycle count wk 34\nTEE-S: sys 4 cs (36/cs), counted 3 cs + 20"
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.quantity, d.amount) == (Category.SHRINKAGE, Decimal(16), Decimal("63.20"))


def test_a_count_in_cases_and_loose_of_no_known_case_size_is_not_sure() -> None:
    drafts = draft("cycle count\nSKU-12 sys 4 cs, counted 3 cs + 20", make_context(items=ITEMS))
    assert all(d.confidence < 0.5 for d in drafts)
