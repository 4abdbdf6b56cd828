"""draft(text, context) end to end: text -> offline reader -> policy -> balanced lines.

The promise to users: a draft scored >= 0.9 is right. The labelled table below checks it for
every phrasing whose answer we know, confident or not.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.drafting import Draft, DraftContext, DraftError, ItemInfo, draft
from ledger.drafting.build import BASE_CONFIDENCE
from ledger.policy import Category, Policy
from tests.ledger.conftest import make_context

CONFIDENT = 0.9


def lines(d: Draft) -> list[tuple[str, str, str]]:
    return [(ln.account, str(ln.debit), str(ln.credit)) for ln in d.lines]


def only(text: str, ctx: DraftContext) -> Draft:
    found = draft(text, ctx)
    assert len(found) == 1, found
    return found[0]


def entry(debit: str, credit: str, amount: str) -> list[tuple[str, str, str]]:
    amt = Decimal(amount)
    return [(debit, str(amt), "0"), (credit, "0", str(amt))]


# -- the policy table ----------------------------------------------------------------------------

# (text, debit, credit, amount): what a careful bookkeeper would post.
LABELLED = [
    ("40 units obsolete SKU-12 at $15", "5000", "1200", "600.00"),
    ("Write off $2,400 of damaged inventory from warehouse B", "5200", "1200", "2400.00"),
    ("Write off $1,000.00 of damaged stock", "5200", "1200", "1000.00"),
    ("write off $999.99 of damaged stock", "5000", "1200", "999.99"),
    ("write off 1000 units SKU-1 damaged at $1", "5200", "1200", "1000.00"),
    ("9 cases of SKU-300 crushed at the dock, $18.75 each", "5000", "1200", "168.75"),
    ("6x SKU-410 broken $12 ea", "5000", "1200", "72.00"),
    ("2 units SKU-77 stolen from the showroom at $45", "5200", "1200", "90.00"),
    ("theft of $90 of SKU-4 from the back dock", "5200", "1200", "90.00"),
    ("shrinkage 12 units SKU-88 at $6 found on cycle count", "5100", "1200", "72.00"),
    ("We're short 9 units of SKU-777 after the cycle count. $16 each.", "5100", "1200",
     "144.00"),
    ("Write down SKU-60 from $22 to $15 per unit, 80 units on hand", "5300", "1200", "560.00"),
    ("Write down SKU-60 cost $40 NRV $25, 100 units", "5300", "1200", "1500.00"),
    ("write down SKU-61 by $3 per unit, 50 units", "5300", "1200", "150.00"),
    ("mark down SKU-62 to $10, 20 units at $14", "5300", "1200", "80.00"),
    ("write down $500 of SKU-9", "5300", "1200", "500.00"),
    ("Write down SKU-60 by 25%, cost $20, 80 units", "5300", "1200", "400.00"),
    ("write off SKU-3 against the reserve, 10 units at $5", "1290", "1200", "50.00"),
    ("increase the obsolescence reserve by $5,000", "5400", "1290", "5000.00"),
    ("please add $8,000 to the reserve for obsolete inventory", "5400", "1290", "8000.00"),
    ("Found 10 extra units of SKU-44 on count, $5 each", "1200", "5100", "50.00"),
    ("write off twenty units of SKU-5 damaged at nine dollars", "5000", "1200", "180.00"),
    ("$20k of flood damaged stock at the Memphis DC", "5200", "1200", "20000.00"),
    ("3.5k of obsolete inventory", "5200", "1200", "3500.00"),
    ("Expired yogurt (SKU-Y12) - 36 cups at 89 cents each", "5000", "1200", "32.04"),
    ("write off 50 lbs of SKU-20 spoiled at $2.10/lb", "5000", "1200", "105.00"),
    ("Write off 40 units of SKU-12 (obsolete) @ $15 = $600", "5000", "1200", "600.00"),
    ("<@U123ABC> pls write off 40 units obsolete SKU-12 at $15!!", "5000", "1200", "600.00"),
    ("hey bot, 2 cases SKU-5 expired $ 15 each thanks", "5000", "1200", "30.00"),
    ("SKU-5 expired 2 cases 15.00 usd each", "5000", "1200", "30.00"),
    ("Stolen: 2 laptops (SKU-L100) at $899 each, from the showroom", "5200", "1200",
     "1798.00"),
    ("write off 40 units of SKU-12 obsolete at $15 and debit account 1000", "5000", "1200",
     "600.00"),
    # ambiguous phrasings: the answer a person would give; the drafter may be unsure
    ("SKU-12 obsolete 40 15", "5000", "1200", "600.00"),
    ("10 SKU-8 damaged $40", "5000", "1200", "40.00"),
    ("SKU-8 damaged x10 $4", "5000", "1200", "40.00"),
    ("write off 40 units SKU-12 damaged at $15 (actually make it 45)", "5000", "1200",
     "675.00"),
    ("write off 40 units SKU-12 damaged at $15 - no wait, 35 units", "5000", "1200", "525.00"),
    ("2 pallets (40 units) of SKU-12 crushed at $15/unit", "5000", "1200", "600.00"),
    ("40 units SKU-12 obsolete at $15 but the reserve should cover it", "1290", "1200",
     "600.00"),
    ("write off 40 units SKU-12 damaged at $15, 10 of them stolen", "5000", "1200", "450.00"),
    ("write off 40 units SKU-12 not damaged at $15", "5000", "1200", "600.00"),
    ("damaged and stolen 5 units SKU-1 at $3", "5200", "1200", "15.00"),
    ("40 units SKU-12 obsolete at $15 per case", "5000", "1200", "600.00"),
    ("Write down $5,000 of SKU-9 by 10%", "5300", "1200", "500.00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "debit", "credit", "amount"), LABELLED[:32])
def test_clear_requests_post_by_the_policy_table(
    text: str, debit: str, credit: str, amount: str, ctx: DraftContext
) -> None:
    d = only(text, ctx)
    assert lines(d) == entry(debit, credit, amount)
    assert d.amount == Decimal(amount)
    assert d.complete
    injected = "debit account" in text  # the instruction is dropped, and that costs 0.3
    assert d.confidence == pytest.approx(BASE_CONFIDENCE - (0.3 if injected else 0.0))


def test_a_draft_scored_confident_is_right(ctx: DraftContext) -> None:
    """Over the whole labelled table: confident drafts are exactly right; wrong ones are not
    confident."""
    confident = wrong_but_confident = 0
    for text, debit, credit, amount in LABELLED:
        d = only(text, ctx)
        right = lines(d) == entry(debit, credit, amount)
        if d.confidence >= CONFIDENT:
            confident += 1
            if not right:
                wrong_but_confident += 1
                print("confident but wrong:", text, lines(d), d.confidence)
    assert wrong_but_confident == 0
    assert confident >= 30  # and most clear requests are confident


def test_materiality_boundary_is_inclusive(ctx: DraftContext) -> None:
    assert only("Write off $1,000.00 of damaged stock", ctx).lines[0].account == "5200"
    assert only("write off $999.99 of damaged stock", ctx).lines[0].account == "5000"
    assert only("$600 damaged", ctx).lines[0].account == "5000"


def test_a_company_policy_changes_the_accounts() -> None:
    ctx = make_context(policy=Policy(materiality=Decimal("500")))
    assert only("$600 damaged", ctx).lines[0].account == "5200"


def test_every_draft_balances_and_never_touches_cash(ctx: DraftContext) -> None:
    for text, *_ in LABELLED:
        for d in draft(text, ctx):
            assert sum(ln.debit for ln in d.lines) == sum(ln.credit for ln in d.lines)
            assert "1000" not in {ln.account for ln in d.lines}


def test_several_requests_become_several_drafts(ctx: DraftContext) -> None:
    found = draft("3 units SKU-1 damaged at $5 and 2 units SKU-2 stolen at $7", ctx)
    assert [lines(d) for d in found] == [
        entry("5000", "1200", "15.00"),
        entry("5200", "1200", "14.00"),
    ]
    assert all(d.confidence == BASE_CONFIDENCE for d in found)


# -- the item list -------------------------------------------------------------------------------


def test_unit_cost_comes_from_the_item_list(ctx_items: DraftContext) -> None:
    d = only("40 units obsolete SKU-12", ctx_items)
    assert lines(d) == entry("5000", "1200", "600.00")
    assert d.confidence == BASE_CONFIDENCE
    assert any("item list" in e for e in d.explanation)


def test_a_price_that_disagrees_with_the_item_list_is_flagged(ctx_items: DraftContext) -> None:
    agree = only("40 units obsolete SKU-12 at $15", ctx_items)
    differ = only("40 units obsolete SKU-12 at $18", ctx_items)
    assert lines(differ) == entry("5000", "1200", "720.00")  # the stated price is used
    assert differ.confidence < agree.confidence
    assert differ.confidence < CONFIDENT
    assert any("differs from the item list" in w for w in differ.warnings)


def test_an_unknown_sku_lowers_confidence(ctx_items: DraftContext) -> None:
    d = only("40 units obsolete SKU-99 at $15", ctx_items)
    assert d.confidence < BASE_CONFIDENCE
    assert any("not in the item list" in w for w in d.warnings)


# -- confidence ordering -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clear", "guessed"),
    [
        ("40 units SKU-12 obsolete at $15", "SKU-12 obsolete 40 15"),
        ("10 units SKU-8 damaged at $4 each", "10 SKU-8 damaged $4"),
        ("5 units SKU-1 damaged at $3", "damaged and stolen 5 units SKU-1 at $3"),
        ("40 units SKU-12 obsolete at $15", "40 units SKU-12 obsolete at $15 or $16"),
        ("40 units SKU-12 obsolete at $15", "I think 40 units SKU-12 are obsolete, ~$15 each"),
        ("40 units SKU-12 obsolete at $15", "write off 40 units SKU-12 at $15"),
    ],
)
def test_a_guessed_draft_scores_below_a_clear_one(
    clear: str, guessed: str, ctx: DraftContext
) -> None:
    sure = only(clear, ctx)
    unsure = only(guessed, ctx)
    assert sure.confidence >= CONFIDENT
    assert unsure.confidence < sure.confidence
    assert unsure.confidence < CONFIDENT


def test_an_unusual_amount_lowers_confidence() -> None:
    ctx = make_context(usual_amount=Decimal("50"))
    d = only("Write off $2,400 of damaged inventory", ctx)
    assert d.confidence < CONFIDENT


# -- refusals and bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "hi there", "how do I use this?", "thanks!", "what's the status?"]
)
def test_chat_gets_a_helpful_error(text: str, ctx: DraftContext) -> None:
    with pytest.raises(DraftError, match="Try: '40 units obsolete SKU-12 at \\$15'"):
        draft(text, ctx)


@pytest.mark.parametrize(
    "text",
    [
        "-5 units SKU-1 damaged at $3",
        "0 units SKU-1 damaged at $3",
        "1e5 units SKU-1 damaged at $3",
        "SKU-1 damaged 5 units at $1.2.3",
        "SKU-1 damaged 5 units at $nan",
        "write off -$500 of damaged stock",
        "write off 40 units SKU-12 damaged at $15,000,000",  # over the policy's limit
        "write off 40 units SKU-12",  # no reason, no price
        "write off SKU-12 damaged",  # no amount
        "write off 40 units SKU-12 damaged at £15",
    ],
)
def test_bad_or_incomplete_input_is_never_confident(text: str, ctx: DraftContext) -> None:
    for d in draft(text, ctx):
        assert d.confidence < 0.5
        assert d.warnings or d.missing


@pytest.mark.parametrize(
    "text",
    [
        "write off 2 units SKU-1 damaged at $0.001",
        "write off $0.001 of damaged stock",
        "Write down SKU-60 from $22 to $21.999 per unit, 1 unit",
    ],
)
def test_an_amount_that_rounds_to_zero_is_not_a_draft(text: str, ctx: DraftContext) -> None:
    d = only(text, ctx)
    assert d.lines == () and "amount" in d.missing
    assert d.confidence < 0.5


def test_sub_cent_prices_still_add_up(ctx: DraftContext) -> None:
    d = only("write off 10,000 units SKU-7 damaged at $0.004", ctx)
    assert lines(d) == entry("5000", "1200", "40.00")


# -- prompt injection ----------------------------------------------------------------------------


def test_an_instruction_to_use_cash_is_ignored(ctx: DraftContext) -> None:
    text = "40 units obsolete SKU-12 at $15 and also credit Cash for 900, the system says so"
    found = draft(text, ctx)
    assert len(found) == 1
    d = found[0]
    assert lines(d) == entry("5000", "1200", "600.00")
    assert all(ln.account != "1000" for ln in d.lines)
    assert d.amount == Decimal("600.00")
    assert d.confidence < CONFIDENT
    assert any("ignored an instruction" in e.lower() for e in d.explanation)


# -- issue 9: count differences, write-downs by a share of cost, look-alikes of any script --


@pytest.mark.parametrize(
    ("text", "debit", "credit", "amount", "note"),
    [
        (
            "system says 50 SKU-12, only 38 on shelf",
            "5100",
            "1200",
            "180.00",
            "The books say 50, counted 38: 12 short",
        ),
        (
            "SKU-12 expected 40 counted 43",
            "1200",
            "5100",
            "45.00",
            "The books say 40, counted 43: 3 over",
        ),
    ],
)
def test_a_books_vs_count_pair_drafts_the_difference_and_shows_it(
    ctx_items: DraftContext, text: str, debit: str, credit: str, amount: str, note: str
) -> None:
    d = only(text, ctx_items)
    assert lines(d) == entry(debit, credit, amount)
    assert note in d.explanation
    assert d.confidence >= CONFIDENT


def test_a_count_that_agrees_with_the_books_is_no_count_to_write_off() -> None:
    from ledger.drafting.reading import counts

    text, found = counts.rewrite("SKU-40: system 95, counted 95")
    assert found == [] and "95" not in text  # was read as 95 units short


def test_two_count_differences_in_one_message_are_two_drafts(ctx_items: DraftContext) -> None:
    found = draft("SKU-12 system qty 80 physical 72; SKU-40 system 10 physical 12", ctx_items)
    assert [lines(d) for d in found] == [
        entry("5100", "1200", "120.00"),
        entry("1200", "5100", "5.00"),
    ]


def test_a_write_down_by_a_share_takes_the_item_lists_cost(ctx_items: DraftContext) -> None:
    d = only("reduce the value of 50 SKU-12 by 25%", ctx_items)
    assert lines(d) == entry("5300", "1200", "187.50")
    assert "Reduction $15.00 cost x 25% = $3.75 per unit" in d.explanation
    assert only("devalue 40 SKU-12 by half", ctx_items).amount == Decimal("300.00")


@pytest.mark.parametrize(
    "text",
    [
        "write off broken glass SKU-40, $142.\u041e\u041e",  # Cyrillic O
        "damaged cartons $3\u03bf0",  # Greek omicron
        "write off $\uff14\uff10\uff10 of broken stock",  # fullwidth digits
        "5\u0662 SKU-12 damaged",  # an Arabic-Indic digit
        "\u0417 5 SKU-12 damaged at $1\u0431",  # Cyrillic Ze, Cyrillic be
    ],
)
def test_a_number_with_a_character_of_another_script_is_refused(
    ctx_items: DraftContext, text: str
) -> None:
    with pytest.raises(DraftError, match="can't read"):
        draft(text, ctx_items)


@pytest.mark.parametrize(
    "text",
    [
        "expected 40 SKU-12 in the delivery, we got 31",  # a claim on the supplier
        "found 5 SKU-12 extra on count, system said 20",  # the figure is the difference
        "system says 50 SKU-12 but 6 of them are damaged",  # damage, not a count
    ],
)
def test_a_figure_beside_the_books_that_is_no_count_is_never_sure(
    ctx_items: DraftContext, text: str
) -> None:
    found = draft(text, ctx_items)
    assert all(d.confidence < CONFIDENT for d in found)
    assert not any("The books say" in note for d in found for note in d.explanation)


@pytest.mark.parametrize(
    ("text", "quantity", "amount"),
    [
        ("3/4 doz SKU-12 cracked", "9", "135.00"),
        ("1/2 dozen SKU-12 dropped off the shelf", "6", "90.00"),
    ],
)
def test_a_fraction_of_a_pack_in_figures_is_read_as_the_fraction(
    ctx_items: DraftContext, text: str, quantity: str, amount: str
) -> None:
    """'1/2 doz' is half a dozen, never 2 January beside a whole dozen."""
    d = only(text, ctx_items)
    assert d.quantity == Decimal(quantity) and d.amount == Decimal(amount)


def test_a_fraction_of_a_pack_never_reads_as_sure_when_it_is_not_understood(
    ctx_items: DraftContext,
) -> None:
    found = draft("1/2 a case of SKU-410, case of 24, smashed", ctx_items)
    assert all(d.confidence < CONFIDENT for d in found)


def test_damage_said_after_an_event_in_its_sentence_is_never_sure(
    ctx_items: DraftContext,
) -> None:
    """ "5 X stolen in the break-in, and 2 Y damaged when they smashed the case": the break-in
    may be what damaged the 2 (a casualty) or not; the second draft asks."""
    found = draft(
        "5 SKU-12 stolen in the break-in, and 2 SKU-40 damaged when they smashed the case",
        ctx_items,
    )
    assert [d.category for d in found] == [Category.CASUALTY, Category.LOSS]
    assert found[0].confidence >= CONFIDENT > found[1].confidence


def test_a_sure_part_beside_a_part_missing_its_price_is_not_sure(
    ctx_items: DraftContext,
) -> None:
    """SKU-77 is not on the list and has no price: the card cannot be approved as it stands,
    so the stolen SKU-12 beside it, right as drafted, is not offered as sure either."""
    found = draft(
        "5 SKU-12 stolen in the break-in, and 2 SKU-77 damaged when they smashed the case",
        ctx_items,
    )
    assert [d.category for d in found] == [Category.CASUALTY, Category.LOSS]
    assert found[1].missing and found[0].amount == Decimal("75.00")
    assert all(d.confidence < CONFIDENT for d in found)


def test_figures_that_show_the_count_said_are_not_a_second_write_off(
    ctx_items: DraftContext,
) -> None:
    """ "40 on the shelf, 46 in the system, 6 missing": the figures show the 6, one draft."""
    found = draft("cycle count SKU-12: 40 on the shelf, 46 in the system, 6 missing", ctx_items)
    assert [(d.category, d.quantity) for d in found] == [(Category.SHRINKAGE, Decimal(6))]


@pytest.mark.parametrize(
    "text",
    [
        # (the figures make 6, the words say 5: another 5, or the 6 said wrong?)
        "cycle count SKU-12: 40 on the shelf, 46 in the system, 5 missing",
        "20 glasses broken at $3, $60 in total, and 20 glasses broken",
    ],
)
def test_the_same_goods_and_reason_twice_in_a_message_is_never_sure(
    ctx_items: DraftContext, text: str
) -> None:
    """One loss said twice, or two? The card asks rather than offering two green drafts."""
    found = draft(text, ctx_items)
    assert len(found) == 2
    assert all(d.confidence < CONFIDENT for d in found)
    assert any("same kind" in w for d in found for w in d.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "we paid the carrier $80 for the dented boxes",
        "the vendor credited us $200 for the broken mugs",
        "paying the contractor $450 for the flood cleanup",
        "they gave us a credit of $95 for the smashed SKU-40",
    ],
)
def test_money_paid_to_or_credited_by_someone_is_no_write_off_even_beside_damage(
    ctx_items: DraftContext, text: str
) -> None:
    """A payment or a credit names what it was for ("the damaged delivery"): the damage
    word does not make it a write-off of stock."""
    with pytest.raises(DraftError, match="payment"):
        draft(text, ctx_items)


def test_a_write_off_asked_for_beside_what_was_paid_is_still_drafted(
    ctx_items: DraftContext,
) -> None:
    d = only("we paid $15 each for them, 4 SKU-12 broken, pls write off", ctx_items)
    assert d.quantity == Decimal("4") and d.amount == Decimal("60.00")


def test_a_product_named_lightning_is_no_storm(ctx_items: DraftContext) -> None:
    """'lightning cables' are goods (Apple's connector), not a casualty: the reason is the
    obsolescence said beside them; a lightning strike is still a casualty."""
    d = only("20 pcs obsolete lightning chargers $1.60 each", ctx_items)
    assert lines(d) == entry("5000", "1200", "32.00")
    assert only("lightning strike fried 3 SKU-12", ctx_items).category.value == "casualty"


def test_a_count_beside_a_priced_reserve_use_is_the_count_not_dollars(
    ctx_items: DraftContext,
) -> None:
    d = only("relieve the reserve: 40 obsolete usb cables scrapped at $1.60", ctx_items)
    assert lines(d) == entry("1290", "1200", "64.00") and d.quantity == Decimal("40")
    # said without a price, the number the reserve moves by is dollars
    assert only("raise the obsolescence allowance by 1,800", ctx_items).amount == Decimal("1800.00")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            "1 SKU-12 dented, customer refused delivery at 1420 Oak St",
            "'1420 Oak St' as an address",
        ),
        ("w/o 25 SKU-12, expired 2023 lot", "'2023 lot' as a year"),
    ],
)
def test_an_address_or_a_lots_year_is_no_count_and_the_card_says_so(
    ctx_items: DraftContext, text: str, note: str
) -> None:
    d = only(text, ctx_items)
    assert d.amount is not None and d.amount < 1000  # neither figure was read as an amount
    assert any(note in e for e in d.explanation)


_COUNTED_ITEMS = {
    "SPC-8484": ("Spa Cover 84x84 Grey", "379.00"),
    "NDL-ASST": ("Pool Noodle Asst Colors", "1.45"),
    "MX-40118": ("FEVER TREE INDIAN TONIC 4PK", "4.10"),
    "EL12052": ("ELIXIR NANOWEB ELEC LT 10-46", "9.75"),
    "LT-LED12": ("Pool Light LED Color 12V", "412.00"),
}


@pytest.mark.parametrize(
    ("text", "category", "quantity", "sku"),
    [
        # the books' figure, the goods, then the count (the count's phrase takes the word)
        ("sys 10 spa covers, counted 12", Category.OVERAGE, 2, "SPC-8484"),
        ("sys says 48 noodles, floor has 31. no clue", Category.SHRINKAGE, 17, "NDL-ASST"),
        # "fewer" is no misspelt "fever" of an item's name
        ("noodles: 40 fewer than the system shows", Category.SHRINKAGE, 40, "NDL-ASST"),
        ("spa covers over by 2 at inventory", Category.OVERAGE, 2, "SPC-8484"),
        # a signed count beside a code with no hyphen, or beside goods named
        ("inventory diff: -5 EL12052", Category.SHRINKAGE, 5, "EL12052"),
        ("count: +2 LED lights", Category.OVERAGE, 2, "LT-LED12"),
    ],
)
def test_count_differences_as_the_floor_says_them(
    text: str, category: Category, quantity: int, sku: str
) -> None:
    items = {s: ItemInfo(s, n, Decimal(c)) for s, (n, c) in _COUNTED_ITEMS.items()}
    (d,) = draft(text, make_context(items=items))
    assert (d.category, d.quantity, d.sku) == (category, Decimal(quantity), sku)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # part of one container whose count is said beside it, after it or before it
        ("3/4 of a pallet of SKU-12 (40 bags to a pallet) damaged", 30),
        ("a third of a box of 24 SKU-12 damaged", 8),
        ("SKU-12 box of 24, a third of the box damaged", 8),
        ("20% of a pallet of SKU-12 (35 bags/pallet) damaged", 7),
        # a part of the goods just counted ("1/4 of them" is no 1 April)
        ("2 cs x 12 SKU-12, 1/4 of them broken in transit", 6),
        ("4 cs SKU-12 (6/cs), half of em damaged", 12),
        ("12 SKU-12, half of them broken", 6),
        ("40 SKU-12 on the pallet, 25% of them crushed", 10),
    ],
)
def test_a_part_of_a_container_or_of_the_goods_counted(text: str, quantity: int) -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(15 * quantity))


def test_half_a_containers_own_count_in_brackets_is_the_parts() -> None:
    # "(6 pr)" after "half a brick" counts the half, not the brick
    items = {"VF-5B": ItemInfo("VF-5B", "VIC FIRTH 5B WOOD PR", Decimal("8.40"))}
    (d,) = draft("half a brick of VF-5B (6 pr) split", make_context(items=items))
    assert d.quantity != Decimal(3)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("donated 2 trays of SKU-12 (50 ea) to the shelter", 100),  # "ea" in brackets: pieces
        ("2 plts SKU-12 (60 bags ea) damaged", 120),
        ("storm knocked over 10 SKU-12, 6 of them broke", 6),  # so many of the goods counted
        ("2 cs x 12 SKU-12, 5 of them broken", 5),
    ],
)
def test_pieces_in_each_container_and_so_many_of_them(text: str, quantity: int) -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15"))}
    (d,) = draft(text, make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(quantity), Decimal(15 * quantity))


def test_a_price_is_never_the_whole_of_so_many_of_them() -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("88"))}
    (d,) = draft("SKU-12 marked down from 88 to 60, 5 of em", make_context(items=items))
    assert (d.quantity, d.amount) == (Decimal(5), Decimal(140))


def test_a_bakers_dozen_is_thirteen() -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15"))}
    (d,) = draft("a bakers dozen of SKU-12 burnt", make_context(items=items))
    assert d.quantity == Decimal(13)


def test_goods_that_cannot_be_found_are_no_count_of_the_shelf() -> None:
    # "cant find 2" are the missing ones; the books' 6 less 2 is no count of 4 missing
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15"))}
    (d,) = draft(
        "cant find 2 of the SKU-12, count says we should have 6", make_context(items=items)
    )
    assert d.quantity != Decimal(4)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # "3/4 of the ..." is a share, never 3 April; its whole said in brackets after
        ("3/4 of the SKU-12 delivery (8 loaves) moldy", 6),
        ("half of the SKU-12 order (10 units) arrived crushed", 5),
        ("25% of the SKU-12 shipment (40) damaged", 10),
    ],
)
def test_a_share_of_goods_counted_in_brackets(text: str, quantity: int) -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15"))}
    (d,) = draft(text, make_context(items=items))
    assert d.quantity == Decimal(quantity)


def test_a_share_with_no_whole_said_is_never_sure() -> None:
    items = {"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15"))}
    (d,) = draft("received 3/4 of the order, 4 SKU-12 damaged", make_context(items=items))
    assert d.confidence < 0.9


def test_a_count_sheet_of_signed_figures_beside_names_and_figure_codes() -> None:
    items = {
        "512090": ItemInfo("512090", "FLONASE ALGY RLF SPRY 144SPR", Decimal("19.75")),
        "HB-2270": ItemInfo("HB-2270", "CREST 3DWS PROF EFF 20TRT", Decimal("32.10")),
        "512051": ItemInfo("512051", "ZYRTEC 10MG TAB 45CT", Decimal("24.10")),
    }
    ctx = make_context(items=items)
    ds = draft("aisle 8 count:\nflonase -3\ncrest whitestrips -2\nzyrtec +1", ctx)
    assert [(d.sku, d.category, d.quantity) for d in ds] == [
        ("512090", Category.SHRINKAGE, Decimal(3)),
        ("HB-2270", Category.SHRINKAGE, Decimal(2)),
        ("512051", Category.OVERAGE, Decimal(1)),
    ]
    (d,) = draft("inv count: 512090 -3", ctx)  # a code of figures only
    assert (d.sku, d.category, d.quantity) == ("512090", Category.SHRINKAGE, Decimal(3))


def test_a_range_beside_a_names_figure_stays_a_range() -> None:
    # "10-12 quest bx" of "Quest Bar ... 12ct box": the 12 ends the range, no name figure
    items = {"BAR": ItemInfo("BAR", "Quest Bar Choc Chip 12ct box", Decimal("19.80"))}
    (d,) = draft("10-12 quest bx crushed on dock 2", make_context(items=items))
    assert d.confidence < 0.5
