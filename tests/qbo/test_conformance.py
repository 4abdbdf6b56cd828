"""Intuit's conformance points: text limits in UTF-16 units, CurrencyRef for multicurrency
companies, a ledger currency QuickBooks does not keep held with a reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from qbo.journal import (
    NOTE_MAX,
    LedgerEntry,
    LedgerLine,
    MappedAccount,
    journal_entry_body,
    utf16_clip,
    utf16_len,
)
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.qbo.conftest import QboWorld


def test_utf16_clip_counts_what_quickbooks_counts() -> None:
    assert utf16_len("abc") == 3 and utf16_len("📦") == 2 and utf16_len("é") == 1
    text = "📦" * 3000  # 3000 characters, 6000 UTF-16 units
    clipped = utf16_clip(text, NOTE_MAX)
    assert utf16_len(clipped) == NOTE_MAX and len(clipped) == 2000
    # Never half a surrogate pair: one unit short of a whole emoji leaves it out.
    assert utf16_clip("a📦", 2) == "a"
    assert utf16_clip("short", 10) == "short"


def _entry(source: str) -> LedgerEntry:
    lines = (
        LedgerLine("5000", "COGS", Decimal("5.00"), Decimal("0.00"), source),
        LedgerLine("1200", "Inventory", Decimal("0.00"), Decimal("5.00"), ""),
    )
    return LedgerEntry("JE-000001", date(2026, 11, 2), "memo", source, "U1", "U2", 1, lines)


def test_the_note_and_descriptions_stay_within_4000_utf16_units() -> None:
    mapping = {"5000": MappedAccount("1", "COGS", True), "1200": MappedAccount("2", "Inv", True)}
    body = journal_entry_body(_entry("🧯" * 3990), mapping)
    assert utf16_len(body["PrivateNote"]) <= NOTE_MAX
    assert all(utf16_len(ln["Description"]) <= NOTE_MAX for ln in body["Line"])
    assert "CurrencyRef" not in body  # settings unknown: as before


def test_an_emoji_heavy_report_reaches_quickbooks(world: QboWorld) -> None:
    """The reporter's words go into PrivateNote: 3,000 emoji are 6,000 UTF-16 units, which
    a cut at 4,000 Python characters would send whole, and QuickBooks would refuse."""
    world.connect()
    [eid] = world.post(text="1 units damaged SKU-12 at $15 " + "📦" * 3000)
    report = world.qb.sync()
    assert report.pushed == [eid] and not report.failed
    note = world.fake.journal_entries()[0]["PrivateNote"]
    assert utf16_len(note) <= NOTE_MAX and note.endswith("📦")


def test_multicurrency_companies_get_currency_ref(world: QboWorld) -> None:
    world.fake.set_preferences(multicurrency=True)
    world.connect()
    world.post()
    report = world.qb.sync()
    assert len(report.pushed) == 1
    sent = world.fake.api_requests("batch")[-1].body["BatchItemRequest"][0]["JournalEntry"]
    assert sent["CurrencyRef"] == {"value": "USD"}
    assert world.fake.journal_entries()[0]["CurrencyRef"]["value"] == "USD"


def test_one_currency_companies_get_none(world: QboWorld) -> None:
    world.connect()
    world.post()
    world.qb.sync()
    sent = world.fake.api_requests("batch")[-1].body["BatchItemRequest"][0]["JournalEntry"]
    assert "CurrencyRef" not in sent


def test_a_ledger_in_another_currency_is_held_with_the_reason(world: QboWorld) -> None:
    world.fake.set_preferences(home_currency="CAD")
    world.connect()
    [eid] = world.post()
    report = world.qb.sync()
    assert not report.pushed and world.fake.journal_entries() == []
    [(held_id, why)] = report.held
    assert held_id == eid and "USD" in why and "CAD" in why
