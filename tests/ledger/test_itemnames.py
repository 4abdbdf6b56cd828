"""Goods named as the item list names them, figures and all (reading/itemnames.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.drafting import ItemInfo, draft
from ledger.drafting.reading import itemnames
from ledger.policy import Category
from tests.ledger.conftest import make_context

NAMES = {
    "RULE-27D": "Rule 1100 GPH bilge pump 12V",
    "JAB-313": "Jabsco Par-Max 3 water pressure pump 12V",
    "BAT-G31": "Group 31 AGM deep cycle battery",
    "BAT-G27": "Group 27 flooded marine battery",
    "SD-80-BX": "6in 80 grit sanding discs, box of 50",
    "SD-120-BX": "6in 120 grit sanding discs, box of 50",
    "KID-5BC": "Kidde Mariner 5BC fire extinguisher",
}
COSTS = {
    "RULE-27D": "52.10", "JAB-313": "145.00", "BAT-G31": "238.00", "BAT-G27": "189.00",
    "SD-80-BX": "31.00", "SD-120-BX": "33.00", "KID-5BC": "34.00",
}  # fmt: skip
ITEMS = {sku: ItemInfo(sku, name, Decimal(COSTS[sku])) for sku, name in NAMES.items()}


@pytest.mark.parametrize(
    ("text", "sku", "quantity", "amount"),
    [
        # the name's figures are no count: 1100 pumps at $4 each was drafted before
        ("4 Rule 1100 bilge pumps defective, won't kick on", "RULE-27D", 4, "208.40"),
        ("3 Jabsco Par-Max 3 pumps seized up, scrap them", "JAB-313", 3, "435.00"),
        ("2 Group 27 batteries stolen from the yard", "BAT-G27", 2, "378.00"),
        ("found 6 Kidde 5BC expired on the shelf", "KID-5BC", 6, "204.00"),
        # a figure after "the" starts the name: 2 boxes of the 80 grit discs, not 6 of them
        # (the 100 discs in the 2 boxes of 50, at the boxes' cost)
        ("2 boxes of the 6in 80 grit discs got wet", "SD-80-BX", 100, "62.00"),
    ],
)
def test_goods_named_with_their_figures_are_the_item_at_its_cost(
    text: str, sku: str, quantity: int, amount: str
) -> None:
    (d,) = draft(text, make_context(items=ITEMS))
    assert (d.sku, d.quantity, d.amount) == (sku, Decimal(quantity), Decimal(amount))
    assert 0.5 <= d.confidence < 0.9  # likely, never sure: the writer gave no code
    assert any("by its name in the item list" in line for line in d.explanation + d.warnings)


def test_a_name_two_items_share_as_fully_is_not_guessed() -> None:
    (d,) = draft("3 boxes of sanding discs got wet", make_context(items=ITEMS))
    assert d.sku is None and d.amount is None


def test_one_word_of_a_name_after_a_count_is_a_guess_to_confirm() -> None:
    (d,) = draft("2 AGMs sat in the flood water, write off", make_context(items=ITEMS))
    assert (d.sku, d.amount) == ("BAT-G31", Decimal("476.00"))
    assert d.confidence < 0.5


def test_a_code_typed_is_never_read_again_as_a_name() -> None:
    (d,) = draft("4 RULE-27D pumps defective", make_context(items=ITEMS))
    assert (d.sku, d.amount) == ("RULE-27D", Decimal("208.40"))
    assert not any("by its name" in line for line in d.explanation + d.warnings)
    assert itemnames.rewrite("4 RULE-27D pumps defective", NAMES).matches == ()


def test_rewrite_reports_the_words_it_read_as_the_item() -> None:
    found = itemnames.rewrite("w/o 4 Rule 1100 bilge pumps", NAMES)
    assert found.text == "w/o 4 RULE-27D"
    assert [(m.sku, m.said, m.weak) for m in found.matches] == [
        ("RULE-27D", "Rule 1100 bilge pumps", False)
    ]


def test_one_word_of_a_name_after_a_count_and_its_unit_is_a_guess_too() -> None:
    (d,) = draft("found 2 extra AGMs in the back lot", make_context(items=ITEMS))
    assert (d.category, d.sku, d.amount) == (Category.OVERAGE, "BAT-G31", Decimal("476.00"))
    assert d.confidence < 0.5
    # ... but not after any word: "a couple" is no count, so nothing is priced from the list;
    # the goods the message prices are the AGM, by a word of its name, never sure
    (d,) = draft("a couple AGMs walked out the door, call it $300", make_context(items=ITEMS))
    assert (d.sku, d.quantity, d.amount) == ("BAT-G31", None, Decimal("300.00"))
    assert d.confidence < 0.9


def test_one_word_of_a_name_where_the_goods_were_is_no_more_goods() -> None:
    names = {"SN-1002": "Doritos Nacho Cheese 1.75oz", "DR-2030": "Dasani water 20oz"}
    found = itemnames.rewrite("22 doritos nacho bags crushed under a case of water", names)
    assert [m.sku for m in found.matches] == ["SN-1002"]  # the water crushed them


def test_a_name_word_cut_short_stands_for_it() -> None:
    items = {
        "DAI-PARM": ItemInfo("DAI-PARM", "Parmigiano Reggiano, per lb", Decimal("16.40")),
        "DAI-MOZZ": ItemInfo("DAI-MOZZ", "Mozzarella fresh, per lb", Decimal("5.20")),
    }
    (d,) = draft("16 lb parm, moldy all the way through", make_context(items=items))
    assert (d.sku, d.amount) == ("DAI-PARM", Decimal("262.40"))
    assert d.confidence < 0.5  # one word, cut short: a guess to confirm


def test_a_count_or_a_reason_between_words_of_a_name_is_never_skipped() -> None:
    items = {
        "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
        "LC-1": ItemInfo("LC-1", "Lost Coast Ale 6 pack", Decimal("9.99")),
    }
    (d,) = draft("SKU-12 blue 3 widgets broken", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(3), Decimal("45.00"))  # found in review: None


def test_codes_with_a_space_and_a_backslash_never_break_the_reader() -> None:
    items = {
        "C\\D 12": ItemInfo("C\\D 12", "Odd code", Decimal("1.00")),
        "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
    }
    (d,) = draft("2 SKU-12 cracked", make_context(items=items))  # was re.error for any text
    assert d.amount == Decimal("30.00")


def test_a_name_beside_its_own_code_gives_up_its_figures_and_says_so() -> None:
    items = {"899-00581": ItemInfo("899-00581", "Meta Quest 3 512GB headset", Decimal("431.20"))}
    (d,) = draft("Quest 3 demo unit (899-00581) got stolen", make_context(items=items))
    assert d.quantity == Decimal(1) and d.amount == Decimal("431.20")  # was 3 units at 0.97
    assert any("Read 'Quest 3' as the name of 899-00581" in e for e in d.explanation)


SHOP = {
    "GB-GRAB": ItemInfo("GB-GRAB", "GENERAL GRABBER APT 225/65R17", Decimal("128.20")),
    "SH-FINE": ItemInfo("SH-FINE", "SHARPIE FINE PT BLACK EA", Decimal("1.29")),
    "VF-5A": ItemInfo("VF-5A", "Vic Firth American Classic 5A Hickory", Decimal("7.90")),
    "VF-5B": ItemInfo("VF-5B", "Vic Firth American Classic 5B Hickory", Decimal("7.90")),
    "FN-STRAT": ItemInfo("FN-STRAT", "Fender Player Stratocaster MN", Decimal("529.00")),
    "GM-OMS": ItemInfo("GM-OMS", "GAMBLIN GAMSOL OMS 32OZ", Decimal("21.40")),
    "YO-12": ItemInfo("YO-12", "Duncan Butterfly Yo-Yo asst", Decimal("2.35")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # a name word a fuzzy reading took for a reason ("grabbed") is the name's
        ("hail shredded the outdoor rack, 5 grabbers ruined", "GB-GRAB", "641.00"),
        ("2 bx sharpies (12/bx) dried out", "SH-FINE", "30.96"),  # "sharpies" of "Sharpie"
        ("the 5B sticks, 10 pr, warped by the radiator", "VF-5B", "79.00"),  # not the 5A
        ("2 stratocasters stolen from the wall", "FN-STRAT", "1058.00"),
        ("3 stratocater stolen from the wall", "FN-STRAT", "1587.00"),  # a letter left out
        ("gamsol cans rusted thru, 3 leaking, pull them", "GM-OMS", "64.20"),  # not counted
        ("12 yoyos cracked in the bin", "YO-12", "28.20"),  # "Yo-Yo" typed as one word
    ],
)
def test_goods_named_as_people_type_them_are_the_item_never_sure(
    text: str, sku: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=SHOP))
    assert (d.sku, d.amount) == (sku, Decimal(amount))
    assert d.confidence < 0.9


def test_a_word_a_letter_from_two_name_words_is_neither() -> None:
    items = {
        "A": ItemInfo("A", "Stratocaster", Decimal("500")),
        "B": ItemInfo("B", "Stratocasper", Decimal("400")),
    }
    (d,) = draft("3 stratocaser stolen from the wall", make_context(items=items))
    assert d.sku is None


SHOP2 = {
    "STL-16": ItemInfo("STL-16", "STEEL WHEEL 16X6.5 BLK", Decimal("64.80")),
    "WW-STL": ItemInfo("WW-STL", "WHEEL WEIGHT STEEL ADHESIVE 1/4OZ", Decimal("9.00")),
    "DE-25": ItemInfo("DE-25", "DE FILTER POWDER 25LB BAG", Decimal("27.50")),
    "FI-1": ItemInfo("FI-1", "NANO TITANIUM FLAT IRON 1IN", Decimal("89.00")),
    "SH-PUR": ItemInfo("SH-PUR", "PURETONE VIOLET SHAMPOO 1L", Decimal("13.40")),
    "SH-ARG": ItemInfo("SH-ARG", "ARGAN OIL SHAMPOO 1L", Decimal("15.10")),
    "RB-1": ItemInfo("RB-1", "The Real Book Vol. I 6th Ed", Decimal("11.80")),
    "RAB-3": ItemInfo("RAB-3", "Defensor 3 Rabies 1ml vial", Decimal("4.85")),
    "PK-PK": ItemInfo("PK-PK", "Pokemon TCG Booster Pack", Decimal("3.05")),
    "PK-BX": ItemInfo("PK-BX", "Pokemon TCG Booster Box", Decimal("98.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        ("4 steel wheels rusted out by the fence", "STL-16", "259.20"),  # the words in order
        ("vandals slashed 7 bags of DE in the yard", "DE-25", "192.50"),  # two capitals
        ("thief grabbed 2 flatirons off the counter", "FI-1", "178.00"),  # "flat iron"
        ("7 purple shampoo liters busted open", "SH-PUR", "93.80"),  # violet, said purple
        ("lot 4471B rabies, 8 vials expired", "RAB-3", "38.80"),  # a lot number, no code
        ("shrink on the pokemon packs again, 14 gone", "PK-PK", "42.70"),  # no place: "on"
    ],
)
def test_more_names_as_people_type_them(text: str, sku: str, amount: str) -> None:
    ds = draft(text, make_context(items=SHOP2))
    assert [(d.sku, d.amount) for d in ds] == [(sku, Decimal(amount))]
    assert ds[0].confidence < 0.9


def test_an_all_figure_code_put_for_a_name_glued_to_a_word_is_no_count() -> None:
    (d,) = draft("write down the old-edition real books (8) to $9 each", make_context(items=SHOP2))
    assert (d.sku, d.quantity, d.amount) == ("RB-1", Decimal(8), Decimal("22.40"))


POOL = {
    "PEN-IF3-011018": ItemInfo(
        "PEN-IF3-011018", "Pentair IntelliFlo3 VSF 3HP Pump", Decimal("1689.00")
    ),
    "HAY-H250FDN": ItemInfo("HAY-H250FDN", "Hayward H250FDN Gas Heater", Decimal("2315.00")),
    "HAY-ALF-SQ": ItemInfo("HAY-ALF-SQ", "Alfalfa Hay Sm Sq Bale", Decimal("16.50")),
    "HAY-T15": ItemInfo("HAY-T15", "Hayward TurboCell Salt Cell", Decimal("742.00")),
    "SKN-DLX": ItemInfo("SKN-DLX", "Leaf Skimmer Net Deluxe", Decimal("11.40")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        ("break-in last nite, they took 3 IF3s", "PEN-IF3-011018", "5067.00"),  # the code's part
        ("impaired: 3 H250s, old model, worth $1,900 each now", "HAY-H250FDN", "1245.00"),  # stem
        ("11 bales of alf molded on the concrete", "HAY-ALF-SQ", "181.50"),  # a code's word
        ("2 T-15 cells dead, scrap", "HAY-T15", "1484.00"),  # typed with its hyphen
    ],
)
def test_goods_named_by_a_part_of_their_code_or_a_models_stem_are_a_guess(
    text: str, sku: str, amount: str
) -> None:
    ds = draft(text, make_context(items=POOL))
    assert [(d.sku, d.amount) for d in ds] == [(sku, Decimal(amount))]
    assert ds[0].confidence < 0.9  # no code was given


def test_a_code_part_two_items_share_names_neither() -> None:
    # "HAY" begins two codes: it names no item ("hay" is a word of one name, said as such)
    assert (
        itemnames.rewrite("3 hayward parts broken", {k: v.name for k, v in POOL.items()}).matches
        == ()
    )


LIQUOR = {
    "10451": ItemInfo("10451", "TITOS HANDMADE VODKA 750ML", Decimal("15.90")),
    "10452": ItemInfo("10452", "TITOS HANDMADE VODKA 1.75L", Decimal("29.80")),
    "10610": ItemInfo("10610", "JACK DANIELS OLD NO7 750ML", Decimal("19.75")),
    "10612": ItemInfo("10612", "JACK DANIELS OLD NO7 1.75L", Decimal("36.40")),
    "12301": ItemInfo("12301", "FIREBALL CINN WHSKY 50ML", Decimal("0.72")),
    "12302": ItemInfo("12302", "FIREBALL CINN WHSKY 1.75L", Decimal("21.60")),
    "KEG-MLL": ItemInfo("KEG-MLL", "MILLER LITE 1/2 BBL KEG", Decimal("118.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        ("dropped a handle of titos in aisle 3. 1 btl gone", "10452", "29.80"),
        ("broke a titos fifth at register 2", "10451", "15.90"),
        ("2 jack fifths came off the top shelf, broken", "10610", "39.50"),
        ("fireball nips: 30 crushed at the bottom of the tote", "12301", "21.60"),
        ("cycle count: jack handles short 3 vs system", "10612", "109.20"),
        ("miller lite halfie leaking at the coupler, 1 keg", "KEG-MLL", "118.00"),
    ],
)
def test_a_bottle_or_keg_size_said_the_trades_way_picks_the_item(
    text: str, sku: str, amount: str
) -> None:
    ds = draft(text, make_context(items=LIQUOR))
    assert [(d.sku, d.amount) for d in ds] == [(sku, Decimal(amount))]
    assert ds[0].confidence < 0.9


def test_titos_with_no_size_is_not_guessed() -> None:
    (d,) = draft("broke 2 titos at the register", make_context(items=LIQUOR))
    assert d.sku is None or d.confidence < 0.5


YARD = {
    "CL3-25": ItemInfo("CL3-25", "Trichlor 3in Tabs 25lb Bkt", Decimal("89.50")),
    "CL3-50": ItemInfo("CL3-50", "Trichlor 3in Tabs 50lb Pail", Decimal("164.00")),
    "GATE-14": ItemInfo("GATE-14", "Tube Gate 14' 6-Bar Gray", Decimal("164.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity", "amount"),
    [
        ("dropped a 25# bucket of tabs off the forklift, w/o 1", "CL3-25", 1, "89.50"),
        ("knock the dented 50# tab pails down to $140, 5 of them", "CL3-50", 5, "120.00"),
        ("mark the 14' tube gates down from 164 to 120, 3 of them", "GATE-14", 3, "132.00"),
    ],
)
def test_a_figure_with_a_pound_or_foot_mark_is_the_names_size_not_a_count(
    text: str, sku: str, quantity: int, amount: str
) -> None:
    (d,) = draft(text, make_context(items=YARD))
    assert (d.sku, d.quantity, d.amount) == (sku, Decimal(quantity), Decimal(amount))


CUT = {
    "13400": ItemInfo("13400", "MACALLAN 18YR SHERRY OAK 750ML", Decimal("289.00")),
    "SIM-H25A": ItemInfo("SIM-H25A", "SIMPSON H2.5A HURR TIE", Decimal("0.89")),
    "OSB716": ItemInfo("OSB716", "7/16 4X8 OSB SHTG", Decimal("15.85")),
    "VADO": ItemInfo("VADO", "Specialized Turbo Vado 3.0 M E-Bike", Decimal("2480.00")),
}


@pytest.mark.parametrize(
    ("text", "category", "sku", "amount"),
    [
        # a word cut to three letters names the item before another word of its name
        ("break-in last night, took 5 mac 18", Category.CASUALTY, "13400", "1445.00"),
        # a reason's word written out for the list's short word is the goods' name
        (
            "hurricane ties 2 cartons (250 per ctn) rusted solid",
            Category.LOSS,
            "SIM-H25A",
            "445.00",
        ),
        # ... but the storm that blew the roof off is still the reason
        (
            "hurricane blew the roof off, 20 sheets osb ruined",
            Category.CASUALTY,
            "OSB716",
            "317.00",
        ),
        # a count after what happened to the goods ("frame crack x1")
        ("vado M frame crack x1, w/o", Category.LOSS, "VADO", "2480.00"),
    ],
)
def test_words_cut_short_or_written_out_and_counts_said_late(
    text: str, category: Category, sku: str, amount: str
) -> None:
    (d,) = draft(text, make_context(items=CUT))
    assert (d.category, d.sku, d.amount) == (category, sku, Decimal(amount))
    assert d.confidence < 0.9


def test_mac_alone_names_nothing() -> None:
    assert itemnames.rewrite("the mac is broken", {k: v.name for k, v in CUT.items()}).matches == ()


TRADE = {
    "2408SPF": ItemInfo("2408SPF", "2X4-8' SPF #2&BTR KD", Decimal("4.28")),
    "4410PT": ItemInfo("4410PT", "4X4-10' PT SYP #2 GC", Decimal("16.95")),
    "SW-HP13": ItemInfo("SW-HP13", "PAN HOTEL SS 1/3 4IN", Decimal("12.40")),
    "SW-HP16": ItemInfo("SW-HP16", "PAN HOTEL SS 1/6 4IN", Decimal("8.90")),
}


@pytest.mark.parametrize(
    ("text", "category", "sku", "quantity"),
    [
        ("2x4x8 came up 46 pcs short vs system on the count", Category.SHRINKAGE, "2408SPF", 46),
        ("guy loaded 20 pt 4x4x10s and drove off w/o paying", Category.CASUALTY, "4410PT", 20),
        ("grease fire at the fry station melted 5 third pans", Category.CASUALTY, "SW-HP13", 5),
        ("sixth pans x6 dented beyond use", Category.LOSS, "SW-HP16", 6),
        # "a third of" is a share, no third pan
        ("a third of the 6 sixth pans cracked", Category.LOSS, "SW-HP16", 2),
    ],
)
def test_sizes_a_trade_says_its_own_way(
    text: str, category: Category, sku: str, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=TRADE))
    assert (d.category, d.sku, d.quantity) == (category, sku, Decimal(quantity))


ONE = {
    "SP-1": ItemInfo("SP-1", "Hayward Super Pump 1.5HP", Decimal("489.00")),
    "PR": ItemInfo("PR", "Prosciutto di Parma Bone-In 18lb", Decimal("214.50")),
}


def test_one_thing_named_by_one_word_with_no_figure_is_that_item_as_a_guess() -> None:
    (d,) = draft("the superpump on the demo stand seized up, scrap it", make_context(items=ONE))
    assert (d.sku, d.quantity, d.amount) == ("SP-1", Decimal(1), Decimal("489.00"))
    assert d.confidence < 0.5


def test_one_word_beside_a_figure_stays_a_question() -> None:
    # a count or an amount said: the word may be the goods or not (unchanged reading)
    names = {k: v.name for k, v in ONE.items()}
    found = itemnames.rewrite("the prosciutto guy is late again, 3 days now", names)
    assert found.matches == ()


PARTS = {
    "DC92": ItemInfo("DC92", "SAMSUNG WASHER MAIN PCB ASSY", Decimal("189.00")),
    "W107": ItemInfo("W107", "WP RANGE OVEN CONTROL BOARD", Decimal("198.00")),
    "W113": ItemInfo("W113", "WP FRIG ICE MAKER ASSY", Decimal("112.00")),
    "ICE-LN": ItemInfo("ICE-LN", "ICE MAKER WTR LINE PEX 1/4IN X 25FT", Decimal("12.30")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # a PCB is a board
        ("2 samsung washer boards dead out of the box", "DC92", "378.00"),
        # of two names that say "ice maker", the one that says least besides (the other
        # names a line for one)
        ("8 ice makers cracked at the mounting ears", "W113", "896.00"),
    ],
)
def test_a_part_as_the_counter_names_it(text: str, sku: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=PARTS))
    assert (d.sku, d.amount) == (sku, Decimal(amount))
    assert d.confidence < 0.9


FLOOR = {
    "NB-M990GL6": ItemInfo("NB-M990GL6", "NB 990V6 MADE IN USA GRY", Decimal("104.00")),
    "HP-CF226A": ItemInfo("HP-CF226A", "HP 26A LaserJet Toner Blk CF226A", Decimal("118.50")),
    "204318": ItemInfo("204318", "TI-84 Plus Graphing Calc Blk", Decimal("104.00")),
    "KIWI-BLK": ItemInfo("KIWI-BLK", "KIWI SHOE POLISH BLK 1.125OZ", Decimal("1.85")),
    "WB30": ItemInfo("WB30", "GE RANGE SURF ELEMENT 8IN 2100W", Decimal("36.15")),
    "TP-WHIP": ItemInfo("TP-WHIP", "WHIPPED TOPPING AEROSOL 15OZ", Decimal("3.85")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        ("990s shortfall of 2 on the wall count", "NB-M990GL6", 2),  # a model's figures
        ("8 26As dmg", "HP-CF226A", 8),  # a model in the plural
        ("ti84 count: 2 cracked screens", "204318", 2),  # a heading, then the count
        ("count off on kiwi black, system says 48 tins we have 41", "KIWI-BLK", 7),
        ("the 8in burners got bent when the rack came down, 7 of em", "WB30", 7),
        ("whip cans: 6 expired", "TP-WHIP", 6),
    ],
)
def test_goods_named_the_way_the_floor_says_them(text: str, sku: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=FLOOR))
    assert (d.sku, d.quantity) == (sku, Decimal(quantity))
    assert d.confidence < 0.9


def test_a_figure_after_a_is_the_names_and_a_sheet_is_a_sht() -> None:
    items = {
        "SWI-747": ItemInfo("SWI-747", "Swingline 747 Stapler Classic Blk", Decimal("19.25")),
        "770315": ItemInfo("770315", "Fellowes 12-Sht Cross-Cut Shredder 12C", Decimal("89.00")),
    }
    (d,) = draft("guy stole a 747 stapler lol. 1 ea", make_context(items=items))
    assert (d.sku, d.quantity) == ("SWI-747", Decimal(1))
    (d,) = draft(
        "demo shredder (the 12 sheet fellowes) motor burnt out, w/o 1", make_context(items=items)
    )
    assert (d.sku, d.quantity) == ("770315", Decimal(1))


def test_goods_named_then_counted_by_a_counts_word_and_bad_out_of_box() -> None:
    items = {
        "DC31": ItemInfo("DC31", "SAMSUNG WASHER DRAIN PUMP", Decimal("29.80")),
        "4681": ItemInfo("4681", "LG WASHER DRAIN PUMP ASSY", Decimal("31.50")),
        "5304": ItemInfo("5304", "FRIGIDAIRE OVEN BAKE ELEMENT 2500W", Decimal("42.80")),
        "3164": ItemInfo("3164", "FRIGIDAIRE OVEN IGNITOR FLAT", Decimal("48.25")),
    }
    ctx = make_context(items=items)
    ds = draft("samsung drain pumps 3 bad out of box, lg drain pumps 2 bad out of box", ctx)
    assert [(d.sku, d.quantity, d.category) for d in ds] == [
        ("DC31", Decimal(3), Category.LOSS),
        ("4681", Decimal(2), Category.LOSS),
    ]
    ds = draft("end of month count: bake elements short 3, ignitors short 2", ctx)
    assert [(d.sku, d.quantity) for d in ds] == [("5304", Decimal(3)), ("3164", Decimal(2))]


PHONE = {
    "CS-CLR-14": ItemInfo("CS-CLR-14", "CLEAR TPU CASE IPH14", Decimal("2.15")),
    "IP15-128": ItemInfo("IP15-128", "IPHONE 15 128GB BLK UNLKD", Decimal("699.00")),
    "CBL-LTG-3": ItemInfo("CBL-LTG-3", "CABLE LTG 3FT MFI WHT", Decimal("4.75")),
    "CHM-1012": ItemInfo("CHM-1012", "GLASS CLNR RTU 1GAL", Decimal("6.40")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        # a POS's short word glued to its figures: no 14 iPhone 15s at $699
        ("the clear iphone 14 cases went yellow, 45 of them", "CS-CLR-14", 45),
        ("lightning cords x 22 frayed at the neck", "CBL-LTG-3", 22),
        ("8 glass cleaner dmg", "CHM-1012", 8),
    ],
)
def test_a_pos_s_short_words_said_in_full(text: str, sku: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=PHONE))
    assert (d.sku, d.quantity) == (sku, Decimal(quantity))


def test_a_figure_over_itself_is_or_not_a_fraction() -> None:
    items = {
        "TG-IP15": ItemInfo("TG-IP15", "TEMP GLASS IPH 15/15PRO 2PK", Decimal("3.85")),
        "IP15-128": ItemInfo("IP15-128", "IPHONE 15 128GB BLK UNLKD", Decimal("699.00")),
        "PD-3120": ItemInfo("PD-3120", "LETTUCE ROMAINE HEARTS 12/3CT CS", Decimal("34.50")),
    }
    ctx = make_context(items=items)
    (d,) = draft("cycle count aisle 2: iphone 15 glass short 9", ctx)
    assert (d.sku, d.quantity) == ("TG-IP15", Decimal(9))
    # (3 cases of "12/3CT CS": the 36 packs of hearts, at the 3 cases' cost)
    (d,) = draft("romaine hearts 3 cs rusty and brown, unusable", ctx)
    assert (d.sku, d.quantity, d.amount) == ("PD-3120", Decimal(36), Decimal("103.50"))


FOODS = {
    "F-201": ItemInfo("F-201", "FRT CUP MIXED 8OZ", Decimal("2.40")),
    "B-900": ItemInfo("B-900", "FRUIT BASKET DELUXE", Decimal("45.00")),
    "P-31": ItemInfo("P-31", "PURINA PP ADLT 18LB", Decimal("31.00")),
    "P-32": ItemInfo("P-32", "PURINA ONE ADLT 18LB", Decimal("33.00")),
    "H-50": ItemInfo("H-50", "AQ HTR 50W SUBM", Decimal("14.10")),
    "W-1": ItemInfo("W-1", "WHL WEIGHT CLIP-ON 1OZ BX", Decimal("18.00")),
    "FF-1": ItemInfo("FF-1", "FNCY FST CLASSIC 3OZ 24PK", Decimal("16.90")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        # words said in full that the list writes without vowels: FRT, WHL, FNCY FST (and
        # "fruit" alone stays the basket's word)
        ("9 fruit cups expired", "F-201", 9),
        ("3 boxes wheel weights stolen", "W-1", 3),
        ("2 flats fancy feast dented", "FF-1", 2),
        # two words typed for the two letters a list writes ("pro plan" of PP), and a word
        # whose first letter, a vowel, the list keeps ("adult" of ADLT)
        ("4 bags pro plan adult torn", "P-31", 4),
    ],
)
def test_words_a_list_writes_without_vowels_or_as_initials(
    text: str, sku: str, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=FOODS))
    assert (d.sku, d.quantity) == (sku, Decimal(quantity))


def test_a_word_without_its_vowels_alone_names_nothing() -> None:
    # "heater" is HTR only beside another word of that name: alone it is no item
    (d,) = draft("the heater in the back room leaked on 3 fruit baskets", make_context(items=FOODS))
    assert d.sku == "B-900"


OILS = {
    "Q-0W20": ItemInfo("Q-0W20", "OIL FULL SYN 0W-20 1QT", Decimal("6.25")),
    "D-0W20": ItemInfo("D-0W20", "OIL BULK FULL SYN 0W-20 55GAL DRUM", Decimal("865.00")),
    "S-433": ItemInfo("S-433", "TPMS SENSOR PROG 433MHZ", Decimal("38.50")),
    "S-315": ItemInfo("S-315", "TPMS SENSOR PROG 315MHZ", Decimal("36.75")),
    "T-DF2": ItemInfo("T-DF2", "TIRE MICH DEFENDER2 225/65R17", Decimal("168.40")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity", "amount"),
    [
        # a grade typed without its hyphen, the measure before it picking the quart
        ("write off 12 qts of the 0w20 full syn, split bottles", "Q-0W20", 12, "75.00"),
        # a setting glued to its measure is the name's figure, never a count
        ("count: 3 short on 433 sensors", "S-433", 3, "115.50"),
        ("tech dropped a 315 sensor, cracked", "S-315", 1, "36.75"),
        # a word glued to a figure in the name, said in the plural
        ("2 defenders 225/65R17 with sidewall cuts", "T-DF2", 2, "336.80"),
    ],
)
def test_grades_settings_and_models_as_the_floor_says_them(
    text: str, sku: str, quantity: int, amount: str
) -> None:
    (d,) = draft(text, make_context(items=OILS))
    assert (d.sku, d.quantity, d.amount) == (sku, Decimal(quantity), Decimal(amount))


CODES = {
    "HG8850": ItemInfo("HG8850", "SERESTO COLLAR LG DOG", Decimal("42.75")),
    "AQ5077": ItemInfo("AQ5077", "AQ HTR 100W SUBM", Decimal("17.40")),
    "BX12": ItemInfo("BX12", "GIFT BOX SMALL", Decimal("1.10")),
    "OR-PHL": ItemInfo("OR-PHL", "ORCHID PHAL WHT SPRAY", Decimal("14.50")),
    "TU-WHT": ItemInfo("TU-WHT", "TULIP WHT DUTCH BN10", Decimal("8.90")),
}


def test_a_code_typed_with_a_space_or_without_its_letters() -> None:
    ctx = make_context(items=CODES)
    # letters in capitals and figures apart are the code, never 8,850 of something
    (d,) = draft("HG 8850 x 2 dmg pkg", ctx)
    assert (d.sku, d.quantity, d.amount) == ("HG8850", Decimal(2), Decimal("85.50"))
    # an item number that is a code's figures names that code, as a guess to confirm
    (d,) = draft("item 5077 x2 dead on arrival", ctx)
    assert (d.sku, d.amount) == ("AQ5077", Decimal("34.80"))
    assert d.confidence < 0.9
    # "box 12" in words stays a box and a number, no BX12
    (d,) = draft("box 12 of HG8850 torn", ctx)
    assert d.sku == "HG8850"


def test_an_amount_in_goods_names_the_goods_to_ask_about() -> None:
    # "2 grand in orchids" is money spent in orchids, no place: the card asks about the item
    # (it drafted no item at 0.97)
    (d,) = draft("2 grand in orchids dead after the cooler failed", make_context(items=CODES))
    assert (d.sku, d.amount) == ("OR-PHL", Decimal("2000.00"))
    assert d.confidence < 0.9


def test_a_slack_channels_name_is_no_place_with_a_number() -> None:
    # "#lube-bay" then "1 drum": the count is one drum, not a bay 1
    (d,) = draft("<#C01LUBE|lube-bay> 1 HG8850 busted, *$40*", make_context(items=CODES))
    assert (d.quantity, d.amount) == (Decimal(1), Decimal("40.00"))


PRODUCE = {
    "4225": ItemInfo("4225", "AVOCADO HASS 48CT EA", Decimal("1.08")),
    "RP-118": ItemInfo("RP-118", "MUSHROOM WHT 10LB CS", Decimal("18.75")),
    "4032": ItemInfo("4032", "WATERMELON SDLS EA", Decimal("4.60")),
    "8523": ItemInfo("8523", "RASPB 6OZ CLAM", Decimal("2.60")),
    "CUT-MAT": ItemInfo("CUT-MAT", "OLFA CUT MAT 18x24 GRN", Decimal("24.50")),
    "K-WHT": ItemInfo("K-WHT", "KONA CTN SOLID WHITE /YD", Decimal("4.85")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        ("dmg 6 avos, dropped the tray", "4225", 6),  # a word's first three letters, plural
        ("3 cs shrooms expired in the walk-in", "RP-118", 3),  # the end of a long word
        ("kid smashed 3 melons on the floor", "4032", 3),
        ("bad batch of rasps, 15 clams gone in the trash", "8523", 15),  # four of five letters
    ],
)
def test_words_clipped_the_way_a_counter_clips_them(text: str, sku: str, quantity: int) -> None:
    (d,) = draft(text, make_context(items=PRODUCE))
    assert (d.sku, d.quantity) == (sku, Decimal(quantity))
    assert d.confidence < 0.9  # a guess to confirm


def test_a_name_words_own_verb_is_no_cut_of_it() -> None:
    # "the cutting counter" is no OLFA CUT MAT: the kona white bolt is the goods
    (d,) = draft(
        "spilled coffee on the kona white bolt at the cutting counter, 4 yds ruined",
        make_context(items=PRODUCE),
    )
    assert d.sku != "CUT-MAT"


def test_an_item_said_as_what_holds_other_goods_is_the_container() -> None:
    items = {
        "EQ-1": ItemInfo("EQ-1", "SHEET PAN AL FULL 18X26", Decimal("14.90")),
        "EQ-2": ItemInfo("EQ-2", "SPEED RACK 20-PAN", Decimal("189.00")),
        "FG-1": ItemInfo("FG-1", "CROISSANT BTR LG", Decimal("0.88")),
        "FG-2": ItemInfo("FG-2", "DINNER ROLL PARKER HSE", Decimal("0.18")),
    }
    ctx = make_context(items=items)
    # a rack of rolls is rolls, not a $189 speed rack (it drafted 20 racks, $3,780)
    ds = draft("dropped a rack of dinner rolls, 20 of them", ctx)
    assert all(d.sku != "EQ-2" for d in ds)
    # the pan itself, dropped, is the goods
    (d,) = draft("dropped 2 sheet pans, bent", ctx)
    assert (d.sku, d.quantity) == ("EQ-1", Decimal(2))


def test_it_after_a_reserve_said_before_is_that_reserve() -> None:
    items = {"GL-10": ItemInfo("GL-10", "DECANTER CRYSTAL 1L", Decimal("32.00"))}
    ds = draft(
        "top up E&O reserve $300 and take 10 obsolete decanters out of it",
        make_context(items=items),
    )
    assert [(d.category, d.amount) for d in ds] == [
        (Category.RESERVE_PROVISION, Decimal("300.00")),
        (Category.RESERVE_WRITE_OFF, Decimal("320.00")),
    ]


def test_a_word_a_list_cuts_by_its_vowels_beside_a_plain_word() -> None:
    items = {
        "744301": ItemInfo("744301", "PAINT INT EGGSHL WHT GAL", Decimal("24.50")),
        "744319": ItemInfo("744319", "PAINT INT EGGSHL WHT QT", Decimal("9.75")),
        "744343": ItemInfo("744343", "PAINT INT FLAT CEIL WHT 5GAL", Decimal("98.00")),
    }
    ctx = make_context(items=items)
    # "eggshell white" of EGGSHL WHT (a letter said twice kept by the list), the quarts by
    # the measure said before them
    (d,) = draft("donating 12 qts of the eggshell white to the habitat restore", ctx)
    assert (d.sku, d.amount) == ("744319", Decimal("117.00"))
    # "ceiling" is CEIL, no verb of it
    (d,) = draft("ceiling white 5 gal pails, we're 3 short against the system", ctx)
    assert (d.sku, d.quantity) == ("744343", Decimal(3))


def test_a_names_weight_range_and_pack_are_the_names_not_a_count() -> None:
    items = {
        "V-75": ItemInfo("V-75", "SIMPARICA TRIO 22.1-44LB 6CT", Decimal("118.40")),
        "V-70": ItemInfo("V-70", "HEARTGARD+ BLU 26-50LB 6CT", Decimal("39.80")),
    }
    ctx = make_context(items=items)
    # the range typed without its tenth is the name's: 9 boxes, not 44 (it drafted $5,209.60)
    (d,) = draft("simparica trio 22-44 x 9 expired, 118.40 ea", ctx)
    assert (d.sku, d.quantity, d.amount) == ("V-75", Decimal(9), Decimal("1065.60"))
    # "blue" of BLU, "6ct" the name's pack: 26 of them
    (d,) = draft("we have 26 heartgard blue 6ct past exp, pulling them now", ctx)
    assert (d.sku, d.quantity) == ("V-70", Decimal(26))


def test_a_list_word_with_letters_left_out_but_never_a_words_start() -> None:
    items = {
        "CR-303": ItemInfo("CR-303", "LOBSTER LIVE JMBO 3#+", Decimal("38.00")),
        "CR-302": ItemInfo("CR-302", "LOBSTER LIVE SLCT 1.5#", Decimal("16.40")),
        "BF-1120": ItemInfo("BF-1120", "BF RIBEYE LIP-ON CHOICE /LB", Decimal("11.85")),
        "BF-1230": ItemInfo("BF-1230", "BF SHORT RIB 123A /LB", Decimal("8.90")),
    }
    ctx = make_context(items=items)
    (d,) = draft("4 live jumbos died when the tank pump quit", ctx)  # JMBO of "jumbos"
    assert (d.sku, d.quantity) == ("CR-303", Decimal(4))
    # "ribeye short" is the ribeye, short on a count: "rib" starts "ribeye", no cut of it
    (d,) = draft("count, bay 12: ribeye short 9.5 lb vs system", ctx)
    assert d.sku == "BF-1120"


STORE = {
    "TB1075": ItemInfo("TB1075", "GRZLY WNTRGRN LC CAN", Decimal("4.15")),
    "TB1090": ItemInfo("TB1090", "ZYN COOL MINT 6MG", Decimal("3.55")),
    "GM5001": ItemInfo("GM5001", "CHGR CAR USB-C 20W", Decimal("6.80")),
    "GM5010": ItemInfo("GM5010", "BIC LTR CLASSIC", Decimal("0.98")),
    "GM5022": ItemInfo("GM5022", "SUNGLS ASST SPINNER", Decimal("3.25")),
    "OR-1": ItemInfo("OR-1", "ORCHID PHAL WHT SPRAY", Decimal("14.50")),
}


def test_each_part_of_a_line_names_its_own_goods() -> None:
    ctx = make_context(items=STORE)
    # "grizzly" of GRZLY, counted: its own item, not the zyn's (it took TB1090 twice)
    ds = draft("count: zyn short 6, grizzly short 4", ctx)
    assert [(d.sku, d.quantity) for d in ds] == [("TB1090", Decimal(6)), ("TB1075", Decimal(4))]
    # "bic lighters 12 broken" names the lighters: not the chargers of the part before
    ds = draft("usb chargers 5 broken, bic lighters 12 broken", ctx)
    assert [(d.sku, d.amount) for d in ds] == [
        ("GM5001", Decimal("34.00")),
        ("GM5010", Decimal("11.76")),
    ]
    # a word of an item's name said as a place is no goods: the part's goods are the first's
    ds = draft("10 GM5022 damaged and 4 missing at the orchid display", ctx)
    assert [d.sku for d in ds] == ["GM5022", "GM5022"]


def test_a_long_name_word_with_letters_left_out_needs_all_its_consonants() -> None:
    # "separately" has SPRAY's letters in order, but not its consonants only: no spray
    ds = draft("write down 30 GM5022 to $1 ea; separately 4 more broke", make_context(items=STORE))
    assert all(d.sku == "GM5022" for d in ds)


def test_a_names_glued_figures_beside_its_code_or_before_it_are_no_count() -> None:
    items = {
        "55-30440": ItemInfo("55-30440", "SODA COLA 20OZ", Decimal("0.58")),
        "63-40240": ItemInfo("63-40240", "BATTERY AA 4PK", Decimal("0.97")),
        "42-10517": ItemInfo("42-10517", "TRASH BAG 13GAL 12CT", Decimal("0.95")),
    }
    ctx = make_context(items=items)
    (d,) = draft("sku 55-30440 (cola 20oz) 16 leakers", ctx)  # not 20 sodas
    assert (d.quantity, d.amount) == (Decimal(16), Decimal("9.28"))
    (d,) = draft("63-40240 aa 4pk x 15 corroded + leaking", ctx)  # not 4 packs
    assert (d.quantity, d.amount) == (Decimal(15), Decimal("14.55"))
    # "the 13 gal trash bags" are the 13-gallon ones: one shortfall of 10, no 13 of them
    ds = draft("count is off on the 13 gal trash bags, 10 fewer than the books say", ctx)
    assert [(d.sku, d.quantity) for d in ds] == [("42-10517", Decimal(10))]


def test_a_name_two_items_share_beside_one_of_their_codes_is_that_codes() -> None:
    items = {
        "CSD1075": ItemInfo("CSD1075", "CASSIDE OUD INTENSE PRFM 75ML", Decimal("142.00")),
        "CSD1075T": ItemInfo("CSD1075T", "TSTR CASSIDE OUD INTENSE 75ML", Decimal("0.00")),
        "CSD1200": ItemInfo("CSD1200", "CASSIDE OUD INTENSE PRFM 200ML", Decimal("289.00")),
    }
    # "oud 75" says the 75ml and its tester; the code beside it picks one, and the 75 is
    # the name's, no count (it drafted 75 bottles, $10,650)
    ds = draft(
        "broke 1 big oud (CSD1200) and 1 oud 75 (CSD1075) closing", make_context(items=items)
    )
    assert [(d.sku, d.quantity) for d in ds] == [("CSD1200", Decimal(1)), ("CSD1075", Decimal(1))]


def test_a_code_typed_without_its_first_part() -> None:
    items = {
        "10-4420-Q": ItemInfo("10-4420-Q", "MATT HYBRID 12IN QUEEN", Decimal("279.00")),
        "10-5100-K": ItemInfo("10-5100-K", "MATT FIRM KING", Decimal("265.00")),
        "20-5100-Q": ItemInfo("20-5100-Q", "BASE POWER QUEEN", Decimal("385.00")),
        "30-5100-Q": ItemInfo("30-5100-Q", "BASE POWER QUEEN XL", Decimal("405.00")),
    }
    ctx = make_context(items=items)
    (d,) = draft("w/o 4420Q x2 torn cover", ctx)  # the department's figures left out
    assert (d.sku, d.amount) == ("10-4420-Q", Decimal("558.00"))
    (d,) = draft("5100-K dmg 1", ctx)  # not 5,100 of something (it drafted $5,100)
    assert (d.sku, d.amount) == ("10-5100-K", Decimal("265.00"))
    # a tail two codes share names neither
    (d,) = draft("5100-Q dmg 1 at $300", ctx)
    assert d.sku not in ("20-5100-Q", "30-5100-Q")


def test_goods_a_driver_lost_are_a_loss() -> None:
    items = {"DV-1": ItemInfo("DV-1", "TOPPER SIGN MAGNETIC", Decimal("22.00"))}
    (d,) = draft("driver lost 1 DV-1 on his route again", make_context(items=items))
    assert d.category is Category.LOSS


def test_a_silent_gh_is_no_consonant_a_list_keeps() -> None:
    items = {
        "BL-UPF14W": ItemInfo("BL-UPF14W", "FRZR UPRT 14CF WHT", Decimal("545.00")),
        "BL-CHF7W": ItemInfo("BL-CHF7W", "FRZR CHEST 7CF WHT", Decimal("219.00")),
    }
    # "upright freezers" of FRZR UPRT: no freezer's chest, no question
    (d,) = draft(
        "2 upright freezers, floor models 5 yrs old, junk, scrap em", make_context(items=items)
    )
    assert (d.sku, d.amount) == ("BL-UPF14W", Decimal("1090.00"))


def test_a_codes_figures_alone_and_a_sizes_figure_without_its_letters() -> None:
    items = {
        "PWT-31025": ItemInfo("PWT-31025", "CHLOR TAB 3IN 25LB BKT", Decimal("82.50")),
        "PWT-31050": ItemInfo("PWT-31050", "CHLOR TAB 3IN 50LB BKT", Decimal("149.00")),
        "PCM-1000": ItemInfo("PCM-1000", "PARACETAMOL 1000MG", Decimal("0.12")),
        "IBU-200": ItemInfo("IBU-200", "IBUPROFEN 200MG", Decimal("0.08")),
        "CL-41": ItemInfo("CL-41", "CLOG PRO CLASSIC BLK EU41", Decimal("54.00")),
        "CL-39": ItemInfo("CL-39", "CLOG PRO CLASSIC BLK EU39", Decimal("54.00")),
    }
    ctx = make_context(items=items)
    # a code's figures beside another count are the code (it drafted 31,025 of them)
    (d,) = draft("31025 - 1 bkt leaking", ctx)
    assert (d.sku, d.amount) == ("PWT-31025", Decimal("82.50"))
    # ... but a count before a code stays a count
    (d,) = draft("expired: 1000 IBU-200 tablets", ctx)
    assert (d.sku, d.quantity) == ("IBU-200", Decimal(1000))
    # "blk 41" of EU41: the size picks the pair
    (d,) = draft("2 pr pro clogs blk 39 went missing from the cage", ctx)
    assert (d.sku, d.amount) == ("CL-39", Decimal("108.00"))


def test_a_codes_letters_apart_from_its_figures_when_no_word_has_them() -> None:
    items = {
        "PRD201": ItemInfo("PRD201", "LIMES 200CT CS", Decimal("44.00")),
        "BOX12": ItemInfo("BOX12", "GIFT BOX SMALL", Decimal("1.10")),
    }
    ctx = make_context(items=items)
    (d,) = draft("prd 201 - 3 cs spoiled", ctx)  # no vowel: a code's letters, typed apart
    assert (d.sku, d.amount) == ("PRD201", Decimal("132.00"))
    (d,) = draft("box 12 of PRD201 crushed", ctx)  # "box 12" is a word and a number
    assert d.sku == "PRD201"


def test_a_long_word_a_list_cut_between_two_consonants() -> None:
    items = {
        "J501": ItemInfo("J501", "JAM STRAWB 16OZ", Decimal("3.35")),
        "J503": ItemInfo("J503", "JAM PEACH 16OZ", Decimal("3.45")),
        "GR-1": ItemInfo("GR-1", "GRAPE RED SDLS LB", Decimal("2.10")),
    }
    ctx = make_context(items=items)
    (d,) = draft("shortfall on strawberry jam, 7 jars unaccounted for after count", ctx)
    assert (d.sku, d.amount) == ("J501", Decimal("23.45"))
    # a whole word of a name is no cut of a longer one ("grapefruit" is no GRAPE)
    (d,) = draft("4 lb grapefruit moldy, $6", ctx)
    assert d.sku != "GR-1"


def test_an_item_code_starting_gl_is_no_ledger_account() -> None:
    items = {"GL60012": ItemInfo("GL60012", "GLASS TEKU 14OZ", Decimal("4.80"))}
    ctx = make_context(items=items)
    # "GL60012" is the teku glass, not an instruction to post to GL 60012 (it was cut out
    # of the message as one, and the goods left unpriced)
    (d,) = draft("w/o 5 teku glasses, chipped rims", ctx)
    assert (d.sku, d.amount) == ("GL60012", Decimal("24.00"))
    (d,) = draft("3 GL60012 broken, post to gl 5200", ctx)  # the account said is still ignored
    assert d.amount == Decimal("14.40")
    assert any("Ignored an instruction" in w for w in d.warnings)


RECORDS = {
    "VNL-NM": ItemInfo("VNL-NM", "LP USED NM GRADE", Decimal("12.00")),
    "VNL-VGP": ItemInfo("VNL-VGP", "LP USED VG+ GRADE", Decimal("7.50")),
    "VNL-VG": ItemInfo("VNL-VG", "LP USED VG GRADE", Decimal("4.00")),
    "CDU-USD": ItemInfo("CDU-USD", "CD USED ASST", Decimal("2.25")),
    "CMX-USD": ItemInfo("CMX-USD", "COMIC USED BAGGED", Decimal("0.80")),
    "BNB-CMX": ItemInfo("BNB-CMX", "BAGS&BRDS COMIC 100CT", Decimal("9.00")),
}


@pytest.mark.parametrize(
    ("text", "sku", "amount"),
    [
        # a two-letter name word in the plural ("lps", "cds": no item was found)
        ("3 nm lps damaged when the shelf collapsed", "VNL-NM", "36.00"),
        ("6 used cds cracked", "CDU-USD", "13.50"),
        # a grade's plus is the grade's: VG+ is not VG
        ("3 vg+ lps warped from sitting in the window", "VNL-VGP", "22.50"),
        ("3 vg lps warped from sitting in the window", "VNL-VG", "12.00"),
    ],
)
def test_short_name_words_as_the_floor_types_them(text: str, sku: str, amount: str) -> None:
    (d,) = draft(text, make_context(items=RECORDS))
    assert (d.sku, d.amount) == (sku, Decimal(amount))


def test_its_and_has_are_no_plural_of_a_two_letter_word() -> None:
    assert itemnames._norm("lps") == "lp" and itemnames._norm("its") == "its"
    # one word two names share ("comics") names neither
    (d,) = draft("9 comics damaged", make_context(items=RECORDS))
    assert d.sku is None and d.confidence < 0.9


# a list of a dozen items or more, as a company's is
SUNDRY = {
    "SH3046-VW": ItemInfo("SH3046-VW", "WDW SH 30X46 VNYL WHT LOW-E", Decimal("168.00")),
    "SH3060-VW": ItemInfo("SH3060-VW", "WDW SH 30X60 VNYL WHT LOW-E", Decimal("192.00")),
    "PH2868R-6P": ItemInfo("PH2868R-6P", "PH DR 2/8X6/8 RH 6PNL PRMD HC", Decimal("139.00")),
    "PH2868L-6P": ItemInfo("PH2868L-6P", "PH DR 2/8X6/8 LH 6PNL PRMD HC", Decimal("139.00")),
    "V41250": ItemInfo("V41250", "REESES PIECES THTR BX 4OZ", Decimal("1.12")),
    "YTX20HL-BS": ItemInfo("YTX20HL-BS", "BATT YUASA YTX20HL-BS AGM", Decimal("113.65")),
}


@pytest.mark.parametrize(
    ("text", "sku", "quantity"),
    [
        # a code typed without its last part, the one variant the list has
        ("<@U04ABCD> *2* sh3046 cracked, pls w/o", "SH3046-VW", 2),
        ("2 SH3046 cracked", "SH3046-VW", 2),
        # the goods a shortfall is on, said before the count
        ("shrinkge on reeses, 10 bx short", "V41250", 10),
        ("shrinkage on reeses, 10 bx short", "V41250", 10),
    ],
)
def test_goods_named_as_the_floor_types_codes_and_counts(
    text: str, sku: str, quantity: int
) -> None:
    (d,) = draft(text, make_context(items=SUNDRY))
    assert (d.sku, d.quantity) == (sku, Decimal(quantity))


def test_a_codes_head_two_variants_share_names_neither() -> None:
    # PH2868 is the head of the left- and the right-hand door: which one?
    (d,) = draft("2 PH2868 dinged up", make_context(items=SUNDRY))
    assert d.sku is None and d.confidence < 0.9


def test_boiled_over_is_what_happened_not_a_count_over() -> None:
    (d,) = draft(
        "the ytx20hl on the shelf is cooked, boiled over on the charger. w/o 1",
        make_context(items=SUNDRY),
    )
    assert (d.category, d.sku, d.amount) == (Category.LOSS, "YTX20HL-BS", Decimal("113.65"))


def test_the_books_reserve_is_no_items_name_word() -> None:
    items = {
        "20121": ItemInfo("20121", "GRUYERE RESERVE LB", Decimal("13.90")),
        "CRK-FIG": ItemInfo("CRK-FIG", "CRKR FIG CRISPS 6OZ", Decimal("48.00")),
        "MG-PRO": ItemInfo("MG-PRO", "MTHGRD DBL PRO W/CASE", Decimal("14.90")),
    }
    ctx = make_context(items=items)
    # "the obsolescence reserve" (it drafted 20 Gruyere Reserve as a loss of $19,200)
    (d,) = draft("take $960 out of the obsolescence reserve for the 20 CRK-FIG we dropped", ctx)
    assert (d.category, d.amount) == (Category.RESERVE_WRITE_OFF, Decimal("960.00"))
    # "provide" is the reserve's verb, no "PRO" cut short
    (d,) = draft("provide for obsolescence, $480 to the reserve", ctx)
    assert (d.category, d.sku) == (Category.RESERVE_PROVISION, None)
    # the cheese is still the cheese
    (d,) = draft("3 lb gruyere reserve moldy", ctx)
    assert d.sku == "20121"
