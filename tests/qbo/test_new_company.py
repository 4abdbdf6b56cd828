"""A real new QuickBooks company: account numbers off, default names, no write-off accounts.
Connecting reads what the company is like, maps what is safe, proposes close names without
applying them, and creates what is missing once."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import select

from bot.services import qbo_setup
from bot.services.books import open_books
from bot.services.display import CREATE_IN_QBO, MapState
from bot.services.quickbooks import QuickBooks
from ledger.db import session_scope
from ledger.models import AuditEvent
from qbo.company import load_settings
from qbo.mapping import COGS_RULE, INVENTORY_RULE, match_accounts
from tests.fakes.qbo_api import NEW_COMPANY_CHART, REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.qbo.conftest import qbo_settings

WRITE_OFF_ACCOUNTS = ("1290", "5100", "5200", "5300", "5400")


@pytest.fixture
def qb(db_url: str, fake_qbo: FakeQbo) -> Iterator[QuickBooks]:
    books = open_books(qbo_settings(db_url, fake_qbo))
    service = QuickBooks(books, sleep=lambda _s: None)
    try:
        yield service
    finally:
        service.http.close()
        books.engine.dispose()


def connect(qb: QuickBooks, fake: FakeQbo) -> None:
    state = parse_qs(urlparse(qb.connect_url(actor="U0CTRL")).query)["state"][0]
    qb.complete(state, fake.issue_code(), REALM_ID)


def audit(qb: QuickBooks, action: str) -> list[AuditEvent]:
    with session_scope(qb.books.engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_connecting_a_new_company_maps_only_what_is_unambiguous(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    ids = fake_qbo.new_company(track_quantity=True)
    connect(qb, fake_qbo)
    table = {r["code"]: r for r in qb.accounts()}
    assert table["1200"]["qbo_id"] == ids["Inventory Asset"] and table["1200"]["method"] == "type"
    assert table["5000"]["qbo_id"] == ids["Cost of Goods Sold"]
    # Nothing for a write-off is guessed: not the only Other Expense account, not by type.
    for code in WRITE_OFF_ACCOUNTS:
        assert table[code]["qbo_id"] is None, table[code]
    with session_scope(qb.books.engine) as s:
        settings = load_settings(s, qb.books.company_id)
    assert settings is not None
    assert settings.country == "US" and settings.track_quantity
    assert not settings.use_account_numbers and not settings.multicurrency
    shown = qb.status().to_json()
    assert shown["company"] == {
        "country": "US",
        "account_numbers": False,
        "quantity_tracking": True,
        "multicurrency": False,
    }
    assert set(shown["unmapped_accounts"]) == {"1000", *WRITE_OFF_ACCOUNTS}  # type: ignore[arg-type]


def test_the_dialog_offers_create_first_and_creating_happens_once(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    fake_qbo.new_company()
    connect(qb, fake_qbo)
    dialog = qbo_setup.mapping_dialog(qb)
    first = [r.code for r in dialog.rows[: len(WRITE_OFF_ACCOUNTS)]]
    assert sorted(first) == sorted(WRITE_OFF_ACCOUNTS)  # the ones needing a decision first
    assert all(r.selected == CREATE_IN_QBO for r in dialog.rows[: len(first)])
    assert {r.code: r.state for r in dialog.rows}["1200"] == MapState.MAPPED
    before = len(fake_qbo.accounts())
    choices = {code: CREATE_IN_QBO for code in WRITE_OFF_ACCOUNTS}
    applied = qbo_setup.apply_mapping(qb, choices, "U0CTRL")
    assert sorted(c for c, _ in applied.created) == sorted(WRITE_OFF_ACCOUNTS)
    made = {a["Name"]: a for a in fake_qbo.accounts()[before:]}
    assert made["Inventory Shrinkage"]["AccountType"] == "Cost of Goods Sold"
    assert made["Inventory Write-Off Expense"]["AccountType"] == "Other Expense"
    assert made["Inventory Reserve"]["AccountSubType"] == "AllowanceForBadDebts"
    assert "Loss on Inventory Write-Down" in made and "Inventory Obsolescence Expense" in made
    # A second confirm (a double click, another approver) creates nothing more.
    again = qbo_setup.apply_mapping(qb, choices, "U0CTRL2")
    assert not again.created and len(fake_qbo.accounts()) == before + len(WRITE_OFF_ACCOUNTS)
    assert len(audit(qb, "qbo_account_created")) == len(WRITE_OFF_ACCOUNTS)
    table = {r["code"]: r for r in qb.accounts()}
    assert all(table[c]["qbo_id"] for c in WRITE_OFF_ACCOUNTS)
    # map-accounts later keeps what a person decided.
    qb.map_accounts()
    assert {r["code"]: r["method"] for r in qb.accounts()}["5100"] == "created"


def test_a_name_already_in_quickbooks_is_used_not_duplicated(
    qb: QuickBooks, fake_qbo: FakeQbo
) -> None:
    fake_qbo.new_company()
    connect(qb, fake_qbo)
    # Someone made it by hand between the dialog opening and the confirm.
    made = fake_qbo.add_account("Inventory Shrinkage", None, "Cost of Goods Sold")
    applied = qbo_setup.apply_mapping(qb, {"5100": CREATE_IN_QBO}, "U0CTRL")
    assert not applied.created and applied.mapped == (("5100", "Inventory Shrinkage"),)
    assert [a["Name"] for a in fake_qbo.accounts()].count("Inventory Shrinkage") == 1
    assert {r["code"]: r["qbo_id"] for r in qb.accounts()}["5100"] == made


def test_close_names_are_proposed_never_applied(qb: QuickBooks, fake_qbo: FakeQbo) -> None:
    fake_qbo.new_company()
    shrink = fake_qbo.add_account("Shrinkage", None, "Cost of Goods Sold", sub_type="Other")
    connect(qb, fake_qbo)
    result = qb.map_accounts()
    assert [(p.code, p.qbo_id) for p in result.proposals] == [("5100", shrink)]
    assert {r["code"]: r["qbo_id"] for r in qb.accounts()}["5100"] is None  # not applied
    row = {r.code: r for r in qbo_setup.mapping_dialog(qb).rows}["5100"]
    assert row.state == MapState.PROPOSED and row.selected == shrink
    qbo_setup.apply_mapping(qb, {"5100": shrink}, "U0CTRL")
    assert {r["code"]: r["method"] for r in qb.accounts()}["5100"] == "manual"
    assert audit(qb, "qbo_account_mapped")[-1].details.count(shrink) == 1


def test_account_numbers_on_map_by_number(qb: QuickBooks, fake_qbo: FakeQbo) -> None:
    fake_qbo.set_preferences(account_numbers=True)
    target = fake_qbo.add_account("Stock loss", "5100", "Cost of Goods Sold")
    connect(qb, fake_qbo)
    assert {r["code"]: r["qbo_id"] for r in qb.accounts()}["5100"] == target
    # The same company with numbers switched off: a stale AcctNum maps nothing.
    fake_qbo.set_preferences(account_numbers=False)
    with session_scope(qb.books.engine) as s:
        from qbo.models import AccountMapping

        for m in s.exec(select(AccountMapping)):
            s.delete(m)
    qb.map_accounts()
    assert {r["code"]: r["qbo_id"] for r in qb.accounts()}["5100"] is None


def _acct(ident: str, name: str, typ: str, sub: str | None = None) -> dict[str, object]:
    return {"Id": ident, "Name": name, "AccountType": typ, "AccountSubType": sub, "Active": True}


def test_type_alone_never_maps_an_account_of_another_purpose() -> None:
    ledger = [
        ("1200", "Stock", "Other Current Asset"),
        ("5000", "COGS", "Cost of Goods Sold"),
        ("5200", "Inventory Write-Off Expense", "Other Expense"),
    ]
    rules = {"1200": INVENTORY_RULE, "5000": COGS_RULE}
    new_company = [
        _acct(str(i), name, typ, sub) for i, (name, typ, sub) in enumerate(NEW_COMPANY_CHART, 1)
    ]
    result = match_accounts(ledger, new_company, by_type=rules)
    assert {m.code: m.qbo_name for m in result.matches} == {
        "1200": "Inventory Asset",
        "5000": "Cost of Goods Sold",
    }
    assert result.unmapped == ("5200",) and not result.proposals
    # Two inventory accounts, two COGS accounts: a person decides.
    two = [
        _acct("1", "Inventory - Parts", "Other Current Asset", "Inventory"),
        _acct("2", "Inventory - Finished", "Other Current Asset", "Inventory"),
        _acct("3", "Materials COGS", "Cost of Goods Sold"),
        _acct("4", "Freight COGS", "Cost of Goods Sold"),
    ]
    ambiguous = match_accounts(ledger, two, by_type=rules)
    assert not ambiguous.matches  # at most proposed: "COGS" is close to "Materials COGS"
    assert {p.code for p in ambiguous.proposals} <= {"5000"}
