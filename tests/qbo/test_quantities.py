"""Quantities kept in step: in a company that tracks quantity on hand, a quantity loss of a
SKU mapped to a tracked item goes as an InventoryAdjustment valued by QuickBooks (its value
read back and compared), write-downs go to the reserve, and companies without quantity
tracking keep JournalEntries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import select

from bot.services import qbo_setup
from bot.services.books import open_books
from bot.services.cards import qbo_line
from bot.services.display import CREATE_IN_QBO
from bot.services.quickbooks import QuickBooks
from ledger.countsheet import (
    COUNT_KIND,
    LineMode,
    count_entry,
    count_lines,
    read_sheet,
    variance_details,
)
from ledger.db import session_scope
from ledger.drafting import Draft, Facts, ItemInfo, draft
from ledger.drafting.build import build_draft
from ledger.items import import_items
from ledger.models import JournalEntry
from ledger.policy import Category, Policy
from ledger.posting import entry_lines, post_draft, post_entry, reverse_entry, save_lines
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.qbo.conftest import MAX, qbo_settings

WRITE_OFF_ACCOUNTS = ("1290", "5100", "5200", "5300", "5400")


@pytest.fixture
def qb(db_url: str, fake_qbo: FakeQbo) -> Iterator[QuickBooks]:
    """On SQLite and on PostgreSQL (the new tables, the look-ups and the true-up on both)."""
    books = open_books(qbo_settings(db_url, fake_qbo))
    service = QuickBooks(books, sleep=lambda _s: None)
    try:
        yield service
    finally:
        service.http.close()
        books.engine.dispose()


def set_up(qb: QuickBooks, fake: FakeQbo, *, track_quantity: bool) -> None:
    """A new company, connected, its missing accounts created through the dialog's path."""
    fake.new_company(track_quantity=track_quantity)
    state = parse_qs(urlparse(qb.connect_url(actor="U0CTRL")).query)["state"][0]
    qb.complete(state, fake.issue_code(), REALM_ID)
    qbo_setup.apply_mapping(qb, {c: CREATE_IN_QBO for c in WRITE_OFF_ACCOUNTS}, "U0CTRL")


def post(
    qb: QuickBooks,
    text: str,
    category: Category,
    sku: str,
    qty: str,
    cost: str,
    total: str | None = None,
) -> int:
    facts = Facts(
        total=Decimal(total) if total else None,
        source_text=text,
        category=category,
        reason=text.split()[2] if len(text.split()) > 2 else "",
        sku=sku,
        quantity=Decimal(qty),
        unit="units",
        unit_cost=Decimal(cost),
    )
    return posted(qb, build_draft(facts, qb.books.context()))


def posted(qb: QuickBooks, d: Draft) -> int:
    """`d` posted today (reported by U1, approved by U2): the entry's id."""
    with session_scope(qb.books.engine) as s:
        entry = post_draft(
            s,
            qb.books.company_id,
            d,
            actor="U1",
            approver="U2",
            entry_date=date.today(),
            max_amount=MAX,
        ).entry
        return entry.id or 0


def card(qb: QuickBooks, entry_id: int) -> str:
    with session_scope(qb.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        return qbo_line(s, entry, "USD")


def adjustment_bodies(fake: FakeQbo) -> list[dict[str, Any]]:
    return [r.body for r in fake.api_requests("inventoryadjustment")]


def test_items_map_by_sku_then_name_and_the_rest_are_listed(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    by_sku = fake_qbo.add_item("Blue widget", "SKU-12")
    by_name = fake_qbo.add_item("SKU-20", None, track_qty=False, item_type="NonInventory")
    fake_qbo.add_item("Twin", "SKU-30")
    fake_qbo.add_item("Twin 2", "SKU-30")  # two items claim it: a person decides
    for sku in ("SKU-12", "SKU-20", "SKU-30", "SKU-99"):
        post(qb, f"1 units damaged {sku} at $5", Category.LOSS, sku, "1", "5")
    matches, unmapped = qb.map_items()
    assert {(m.sku, m.qbo_id, m.method, m.tracked) for m in matches} == {
        ("SKU-12", by_sku, "sku", True),
        ("SKU-20", by_name, "name", False),
    }
    assert unmapped == ["SKU-30", "SKU-99"]


def test_a_quantity_loss_goes_as_an_inventory_adjustment_valued_by_quickbooks(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    item = fake_qbo.add_item("Blue widget", "SKU-12", qty_on_hand=100, unit_cost="14.50")
    eid = post(qb, "40 units damaged SKU-12 at $15", Category.LOSS, "SKU-12", "40", "15")
    qb.map_items()
    report = qb.sync()
    assert report.pushed == [eid] and fake_qbo.journal_entries() == []
    [body] = adjustment_bodies(fake_qbo)
    detail = body["Line"][0]["ItemAdjustmentLineDetail"]
    assert detail == {"ItemRef": {"value": item, "name": "Blue widget"}, "QtyDiff": -40}
    names = {a["Id"]: a["Name"] for a in fake_qbo.accounts()}
    assert names[body["AdjustAccountRef"]["value"]] == "Cost of Goods Sold"  # the debit side
    assert body["DocNumber"] == "WOB-JE-000001" and "writeoff-bot JE-000001" in body["PrivateNote"]
    request = fake_qbo.api_requests("inventoryadjustment")[0]
    assert int(request.params["minorversion"]) >= 70
    [qbo_item] = [i for i in fake_qbo.items() if i["Id"] == item]
    assert qbo_item["QtyOnHand"] == 60  # the quantity moved, not only the value
    # QuickBooks valued 40 at its own 14.50 = 580.00; the ledger says 600.00.
    assert report.value_differences == {eid: Decimal("-20.00")}
    assert "valued differently" in report.summary()
    line = card(qb, eid)
    assert "InventoryAdjustment" in line and "$580.00" in line and "$20.00 below" in line
    assert "true-up" in line and "not posted" in line


def post_message(qb: QuickBooks, text: str) -> int:
    """`text` read by the offline reader against the company's item list, then posted."""
    [d] = draft(text, qb.books.context())
    assert d.complete, d.warnings
    return posted(qb, d)


@pytest.mark.parametrize(
    ("text", "moved", "left", "booked"),
    [
        ("18 cans of CK-12 dented", Decimal("-1.5"), 8.5, Decimal("27.00")),
        ("30 eggs EG-15 cracked", Decimal("-0.16667"), 9.83333, Decimal("9.00")),
    ],
)
def test_pieces_of_an_item_kept_by_the_case_move_cases_in_quickbooks(
    qb: QuickBooks,
    fake_qbo: FakeQbo,
    text: str,
    moved: Decimal,
    left: float,
    booked: Decimal,
) -> None:
    """The ledger counts the pieces said ("18 cans", valued as 18/12 of a case), QuickBooks
    the item's own unit: the adjustment moves 1.5 cases, not 18, and QuickBooks, valuing
    them at its own cost, books what the ledger did. Reversing moves them back."""
    set_up(qb, fake_qbo, track_quantity=True)
    with session_scope(qb.books.engine) as s:
        import_items(
            s,
            qb.books.company_id,
            [
                ItemInfo("CK-12", "Cola 12oz can, case of 12", Decimal("18.00")),
                ItemInfo("EG-15", "Eggs large, case of 15 dozen", Decimal("54.00")),
            ],
        )
    qb.books.forget_context()
    sku = next(w for w in text.split() if "-" in w)
    name = "Cola case" if sku == "CK-12" else "Egg case"
    cost = "18.00" if sku == "CK-12" else "54.00"
    item = fake_qbo.add_item(name, sku, qty_on_hand=10, unit_cost=cost)
    eid = post_message(qb, text)
    with session_scope(qb.books.engine) as s:
        stock = [jl for jl, a in entry_lines(s, eid) if a.code == "1200"]
        assert [(jl.quantity, jl.item_quantity, jl.credit) for jl in stock] == [
            (Decimal(text.split()[0]), -moved, booked)
        ]
    qb.map_items()
    report = qb.sync()
    assert report.pushed == [eid] and fake_qbo.journal_entries() == []
    [body] = adjustment_bodies(fake_qbo)
    assert Decimal(str(body["Line"][0]["ItemAdjustmentLineDetail"]["QtyDiff"])) == moved
    [qbo_item] = [i for i in fake_qbo.items() if i["Id"] == item]
    assert qbo_item["QtyOnHand"] == pytest.approx(left)
    assert report.value_differences == {}  # QuickBooks booked the ledger's amount

    with session_scope(qb.books.engine) as s:
        reversal = reverse_entry(
            s,
            qb.books.company_id,
            eid,
            actor="U2",
            reason="counted again",
            entry_date=date.today(),
            max_amount=MAX,
        ).entry.id
    assert qb.sync().pushed == [reversal]
    back = adjustment_bodies(fake_qbo)[-1]["Line"][0]["ItemAdjustmentLineDetail"]["QtyDiff"]
    assert Decimal(str(back)) == -moved
    [qbo_item] = [i for i in fake_qbo.items() if i["Id"] == item]
    assert qbo_item["QtyOnHand"] == pytest.approx(10)


def test_an_unmapped_sku_in_a_tracking_company_is_held_not_guessed(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    eid = post(qb, "3 units damaged SKU-77 at $5", Category.LOSS, "SKU-77", "3", "5")
    report = qb.sync()
    assert [e for e, _ in report.held] == [eid]
    assert "SKU-77 has no QuickBooks item" in report.held[0][1]
    assert fake_qbo.journal_entries() == [] and adjustment_bodies(fake_qbo) == []


def test_without_quantity_tracking_entries_stay_journal_entries(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=False)
    fake_qbo.add_item("Blue widget", "SKU-12")
    eid = post(qb, "40 units damaged SKU-12 at $15", Category.LOSS, "SKU-12", "40", "15")
    qb.map_items()
    assert qb.sync().pushed == [eid]
    assert len(fake_qbo.journal_entries()) == 1 and adjustment_bodies(fake_qbo) == []


def test_write_downs_go_to_the_reserve_never_the_tracked_inventory_asset(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    fake_qbo.add_item("Blue widget", "SKU-12")
    qb.books.forget_context()
    eid = post(
        qb, "10 units written down SKU-12 by $40", Category.WRITE_DOWN, "SKU-12", "10", "15", "40"
    )
    assert qb.sync().pushed == [eid]
    [je] = fake_qbo.journal_entries()
    names = {a["Id"]: a for a in fake_qbo.accounts()}
    credited = [
        names[ln["JournalEntryLineDetail"]["AccountRef"]["value"]]
        for ln in je["Line"]
        if ln["JournalEntryLineDetail"]["PostingType"] == "Credit"
    ]
    assert [a["Name"] for a in credited] == ["Inventory Reserve"]
    assert all(a.get("AccountSubType") != "Inventory" for a in credited)


def test_a_push_of_unknown_outcome_is_looked_up_not_sent_twice(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    fake_qbo.add_item("Blue widget", "SKU-12", qty_on_hand=100)
    eid = post(qb, "5 units damaged SKU-12 at $15", Category.LOSS, "SKU-12", "5", "15")
    qb.map_items()
    fake_qbo.fail_next("inventoryadjustment", "drop_after_create")
    first = qb.sync()
    assert first.retrying and len(fake_qbo.inventory_adjustments()) == 1
    with session_scope(qb.books.engine) as s:
        from ledger.models import OutboxItem

        item = s.exec(select(OutboxItem).where(OutboxItem.entry_id == eid)).one()
        item.next_attempt_at = item.created_at
        s.add(item)
    again = qb.sync()
    assert again.adopted == [eid]
    assert len(fake_qbo.inventory_adjustments()) == 1  # not created twice


def test_the_offered_true_up_is_a_draft_kept_in_the_ledger_only(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    fake_qbo.add_item("Blue widget", "SKU-12", qty_on_hand=100, unit_cost="14.50")
    eid = post(qb, "40 units damaged SKU-12 at $15", Category.LOSS, "SKU-12", "40", "15")
    qb.map_items()
    qb.sync()
    true_up = qbo_setup.draft_true_up(qb, eid, "U0CTRL")
    assert isinstance(true_up, int)
    assert qbo_setup.draft_true_up(qb, eid, "U0CTRL2") == true_up  # offered once
    assert "true-up was drafted" in card(qb, eid)
    with session_scope(qb.books.engine) as s:
        from ledger.posting import entry_lines, post_entry

        draft_lines = {(a.code, jl.debit, jl.credit) for jl, a in entry_lines(s, true_up)}
        # QuickBooks booked 20.00 less loss: back into stock, out of cost of goods sold.
        assert draft_lines == {
            ("1200", Decimal("20.00"), Decimal("0.00")),
            ("5000", Decimal("0.00"), Decimal("20.00")),
        }
        assert s.get(JournalEntry, true_up).status == "draft"  # type: ignore[union-attr]
        post_entry(s, qb.books.company_id, true_up, approver="U2", max_amount=MAX)
    report = qb.sync()
    assert report.adopted == [true_up] and not report.pushed
    assert fake_qbo.journal_entries() == []  # nothing sent: QuickBooks holds this value
    assert len(fake_qbo.inventory_adjustments()) == 1
    assert "kept in the ledger only" in card(qb, true_up)


def test_no_true_up_when_quickbooks_agrees(qb: QuickBooks, fake_qbo: FakeQbo) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    fake_qbo.add_item("Blue widget", "SKU-12", qty_on_hand=100, unit_cost="15.00")
    eid = post(qb, "4 units damaged SKU-12 at $15", Category.LOSS, "SKU-12", "4", "15")
    qb.map_items()
    assert qb.sync().value_differences == {}
    assert "as in the ledger" in card(qb, eid)
    assert isinstance(qbo_setup.draft_true_up(qb, eid, "U0CTRL"), str)


def test_a_write_down_on_the_inventory_account_is_held_once_quantities_are_tracked(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    """Drafted while the company did not track quantities (so against 1200), pushed after
    it turned tracking on: held with the reason, never sent against Inventory Asset."""
    set_up(qb, fake_qbo, track_quantity=False)
    eid = post(
        qb, "10 units written down SKU-12 by $40", Category.WRITE_DOWN, "SKU-12", "10", "15", "40"
    )
    fake_qbo.set_preferences(track_quantity=True)
    qb.map_accounts()  # reads the preferences again
    report = qb.sync()
    [(held, why)] = report.held
    assert held == eid and "value change must not post to 1200" in why
    assert fake_qbo.journal_entries() == []


# -- a whole physical count: ONE InventoryAdjustment, a line per SKU -----------------------------

COUNT = (
    "sku,expected,counted,unit_cost,location\n"
    "SKU-1,40,31,4.00,A1\n"  # 9 short: 36.00
    "SKU-2,5,7,20.00,B1\n"  # 2 over: 40.00
    "SKU-3,12,2,10.00,B3\n"  # 10 short: 100.00
    "SKU-1,8,7,4.00,C9\n"  # the same SKU elsewhere: 1 more short, 4.00
    "SKU-4,3,3,9.00,A2\n"  # unchanged: no line
)


def post_count(qb: QuickBooks, sheet: str, mode: LineMode = LineMode.PER_SKU) -> int:
    """Booked as bot/services/sheets.py books it: one entry, the per-SKU detail kept."""
    count = count_entry(read_sheet(sheet.encode(), "count.csv"), qb.books.context())
    lines = count_lines(count, Policy(), mode, "count.csv")
    with session_scope(qb.books.engine) as s:
        saved = save_lines(
            s,
            qb.books.company_id,
            lines,
            kind=COUNT_KIND,
            category=Category.SHRINKAGE.value if count.net >= 0 else Category.OVERAGE.value,
            reason="physical count",
            memo="Physical count count.csv",
            source_text="Count sheet count.csv shared by U1",
            details={"count_sheet": {"lines": mode.value}, **variance_details(count)},
            actor="U1",
            entry_date=date.today(),
        )
        entry_id = saved.entry.id or 0
        post_entry(s, qb.books.company_id, entry_id, approver="U2", max_amount=MAX)
    return entry_id


def count_items(fake: FakeQbo) -> dict[str, str]:
    # QuickBooks' own costs differ from the sheet's for SKU-1 and SKU-3.
    return {
        "SKU-1": fake.add_item("Bolt", "SKU-1", qty_on_hand=48, unit_cost="4.50"),
        "SKU-2": fake.add_item("Nut", "SKU-2", qty_on_hand=5, unit_cost="20.00"),
        "SKU-3": fake.add_item("Gear", "SKU-3", qty_on_hand=12, unit_cost="9.00"),
        "SKU-4": fake.add_item("Cog", "SKU-4", qty_on_hand=3, unit_cost="9.00"),
    }


@pytest.mark.parametrize("mode", [LineMode.PER_SKU, LineMode.SUMMARY])
def test_a_count_goes_as_one_inventory_adjustment_with_a_line_per_sku(
    qb: QuickBooks, fake_qbo: FakeQbo, mode: LineMode
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    ids = count_items(fake_qbo)
    eid = post_count(qb, COUNT, mode)
    report = qb.sync()  # the count's SKUs looked up before the push (summary: from details)
    assert report.pushed == [eid] and fake_qbo.journal_entries() == []
    [body] = adjustment_bodies(fake_qbo)  # one document for the whole count
    moved = {
        ln["ItemAdjustmentLineDetail"]["ItemRef"]["value"]: ln["ItemAdjustmentLineDetail"][
            "QtyDiff"
        ]
        for ln in body["Line"]
    }
    assert moved == {ids["SKU-1"]: -10, ids["SKU-2"]: 2, ids["SKU-3"]: -10}
    names = {a["Id"]: a["Name"] for a in fake_qbo.accounts()}
    assert "Shrinkage" in names[body["AdjustAccountRef"]["value"]]
    on_hand = {i["Id"]: i["QtyOnHand"] for i in fake_qbo.items()}
    assert [on_hand[ids[s]] for s in ("SKU-1", "SKU-2", "SKU-3", "SKU-4")] == [38, 7, 2, 3]
    # Ledger net: 36 + 4 + 100 - 40 = 100.00 short. QuickBooks: 45 + 90 - 40 = 95.00.
    assert report.value_differences == {eid: Decimal("-5.00")}
    line = card(qb, eid)
    assert "InventoryAdjustment" in line and "$95.00" in line and "$5.00 below" in line
    true_up = qbo_setup.draft_true_up(qb, eid, "U0CTRL")
    assert isinstance(true_up, int)
    with session_scope(qb.books.engine) as s:
        drafted = {(a.code, jl.debit, jl.credit) for jl, a in entry_lines(s, true_up)}
    assert drafted == {
        ("1200", Decimal("5.00"), Decimal("0.00")),
        ("5100", Decimal("0.00"), Decimal("5.00")),
    }


def test_a_count_that_quickbooks_nets_the_other_way_shows_the_whole_difference(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    """The ledger books a net overage of 10.00; QuickBooks' costs make it a net loss of
    30.00: the difference is 40.00 (never the 20.00 that comparing sizes would say)."""
    set_up(qb, fake_qbo, track_quantity=True)
    fake_qbo.add_item("Bolt", "SKU-1", qty_on_hand=10, unit_cost="50.00")
    fake_qbo.add_item("Nut", "SKU-2", qty_on_hand=10, unit_cost="1.00")
    eid = post_count(qb, "sku,expected,counted,unit_cost\nSKU-1,10,9,10.00\nSKU-2,10,30,1.00\n")
    qb.map_items()
    report = qb.sync()
    assert report.pushed == [eid]
    assert report.value_differences == {eid: Decimal("-40.00")}
    assert "valued it at $30.00 the other way, $40.00 below the ledger's $10.00" in card(qb, eid)


def test_a_count_with_skus_without_items_is_held_with_them_named(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    fake_qbo.add_item("Bolt", "SKU-1")
    fake_qbo.add_item("Nut", "SKU-2")
    eid = post_count(qb, COUNT)
    qb.map_items()
    report = qb.sync()
    [(held, why)] = report.held
    assert held == eid and "1 of its SKUs have no QuickBooks item: SKU-3" in why
    assert "SKU-1" not in why and "SKU-4" not in why  # mapped, or unchanged
    assert fake_qbo.journal_entries() == [] and adjustment_bodies(fake_qbo) == []


def test_a_count_mixing_untracked_items_is_held_not_split(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    fake_qbo.add_item("Bolt", "SKU-1")
    fake_qbo.add_item("Nut", "SKU-2", track_qty=False, item_type="NonInventory")
    fake_qbo.add_item("Gear", "SKU-3")
    eid = post_count(qb, COUNT)
    qb.map_items()
    report = qb.sync()
    [(held, why)] = report.held
    assert held == eid and why.startswith("SKU-2 map to QuickBooks items that do not track")
    assert fake_qbo.journal_entries() == [] and adjustment_bodies(fake_qbo) == []


def test_a_count_of_untracked_items_only_stays_a_journal_entry(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    set_up(qb, fake_qbo, track_quantity=True)
    for name, sku in (("Bolt", "SKU-1"), ("Nut", "SKU-2"), ("Gear", "SKU-3")):
        fake_qbo.add_item(name, sku, track_qty=False, item_type="NonInventory")
    eid = post_count(qb, COUNT)
    qb.map_items()
    assert qb.sync().pushed == [eid]
    assert len(fake_qbo.journal_entries()) == 1 and adjustment_bodies(fake_qbo) == []


def test_a_count_netting_to_nothing_still_moves_quantities_and_can_be_trued_up(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    """2 short at 10.00 and 4 over at 5.00: no inventory line in the ledger, but QuickBooks
    must still move both items, and at its own costs (12.00, 5.00) it books 4.00 of loss."""
    set_up(qb, fake_qbo, track_quantity=True)
    bolt = fake_qbo.add_item("Bolt", "SKU-1", qty_on_hand=10, unit_cost="12.00")
    nut = fake_qbo.add_item("Nut", "SKU-2", qty_on_hand=10, unit_cost="5.00")
    eid = post_count(qb, "sku,expected,counted,unit_cost\nSKU-1,10,8,10.00\nSKU-2,10,14,5.00\n")
    report = qb.sync()
    assert report.pushed == [eid]
    [body] = adjustment_bodies(fake_qbo)
    assert {
        ln["ItemAdjustmentLineDetail"]["ItemRef"]["value"]: ln["ItemAdjustmentLineDetail"][
            "QtyDiff"
        ]
        for ln in body["Line"]
    } == {bolt: -2, nut: 4}
    assert report.value_differences == {eid: Decimal("4.00")}
    true_up = qbo_setup.draft_true_up(qb, eid, "U0CTRL")
    assert isinstance(true_up, int)
    with session_scope(qb.books.engine) as s:
        drafted = {(a.code, jl.debit, jl.credit) for jl, a in entry_lines(s, true_up)}
    assert drafted == {
        ("5100", Decimal("4.00"), Decimal("0.00")),
        ("1200", Decimal("0.00"), Decimal("4.00")),
    }
