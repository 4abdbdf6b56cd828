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
from ledger.db import session_scope
from ledger.drafting import Facts
from ledger.drafting.build import build_draft
from ledger.models import JournalEntry
from ledger.policy import Category
from ledger.posting import post_draft
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
    draft = build_draft(facts, qb.books.context())
    with session_scope(qb.books.engine) as s:
        entry = post_draft(
            s,
            qb.books.company_id,
            draft,
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
