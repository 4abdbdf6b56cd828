"""Issue 11 §5: drift caught. Intuit's signed webhooks (both payload shapes) and Change Data
Capture, through the real client against the fake; a synced entry edited or deleted in
QuickBooks becomes `changed` / `deleted`, with before/after lines, once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from bot.services.books import open_books
from bot.services.entries import list_entries
from bot.services.quickbooks import QuickBooks
from ledger.db import session_scope
from ledger.models import OutboxItem
from ledger.policy import Category
from qbo.models import QboChange
from qbo.webhooks import parse, verify
from tests.fakes.qbo_api import CLIENT_SECRET, FakeQbo
from tests.qbo.conftest import SECRET_KEY, QboWorld, make_world, qbo_settings
from tests.qbo.test_quantities import card, post, post_count, set_up

VERIFIER = "fake-webhook-verifier-token"


@pytest.fixture
def hooked(tmp_path: Path, fake_qbo: FakeQbo) -> object:
    from tests.conftest import migrated_sqlite_url

    gen = make_world(migrated_sqlite_url(tmp_path), fake_qbo, QBO_WEBHOOK_VERIFIER=VERIFIER)
    world = next(gen)
    world.connect()
    yield world
    gen.close()


def cli_env(world: QboWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The `writeoff` command pointed at this world's database and fake QuickBooks."""
    monkeypatch.chdir(tmp_path)
    for key, value in world.books.settings.model_dump(by_alias=True).items():
        if isinstance(value, str):
            monkeypatch.setenv(key, value)
    monkeypatch.setenv("DATABASE_URL", str(world.books.engine.url))
    monkeypatch.setenv("WRITEOFF_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("QBO_CLIENT_SECRET", CLIENT_SECRET)


def synced_one(world: QboWorld) -> tuple[int, str]:
    [entry_id] = world.post(1, cost="15")
    assert world.qb.sync().pushed == [entry_id]
    return entry_id, world.fake.journal_entries()[-1]["Id"]


def changes(world: QboWorld) -> list[QboChange]:
    with session_scope(world.books.engine) as s:
        return list(s.exec(select(QboChange)))


def test_signature_is_checked_and_nothing_recorded_when_bad(hooked: QboWorld) -> None:
    raw, sig = FakeQbo.webhook(VERIFIER, [("JournalEntry", "101", "Update")])
    assert verify(raw, sig, VERIFIER)
    assert hooked.qb.receive_webhook(raw, None) is None
    assert hooked.qb.receive_webhook(raw, sig[:-4] + "AAA=") is None
    _, other = FakeQbo.webhook("another-token", [("JournalEntry", "101", "Update")])
    assert hooked.qb.receive_webhook(raw, other) is None
    assert changes(hooked) == []
    assert hooked.qb.receive_webhook(raw, sig) == 1
    assert hooked.qb.receive_webhook(raw, sig) == 0  # a redelivery adds nothing
    assert len(changes(hooked)) == 1


@pytest.mark.parametrize("cloud_events", [True, False])
def test_both_payload_shapes_are_read(cloud_events: bool) -> None:
    raw, _ = FakeQbo.webhook(
        VERIFIER,
        [("JournalEntry", "101", "Update"), ("JournalEntry", "102", "Delete")],
        realm="123",
        cloud_events=cloud_events,
    )
    got = [(c.realm_id, c.entity, c.entity_id, c.operation) for c in parse(raw)]
    assert got == [
        ("123", "JournalEntry", "101", "Update"),
        ("123", "JournalEntry", "102", "Delete"),
    ]


def test_an_edit_in_quickbooks_is_drift_with_before_and_after(hooked: QboWorld) -> None:
    entry_id, qbo_id = synced_one(hooked)
    hooked.fake.edit_entry(qbo_id, amount="9.00", by="9130355555")
    raw, sig = FakeQbo.webhook(VERIFIER, [("JournalEntry", qbo_id, "Update")])
    assert hooked.qb.receive_webhook(raw, sig) == 1
    [drift] = hooked.qb.drift(cdc=False)
    assert (drift.entry_id, drift.kind, drift.qbo_id, drift.who) == (
        entry_id,
        "changed",
        qbo_id,
        "9130355555",
    )
    assert any("15.00" in line for line in drift.before)
    assert any("9.00" in line for line in drift.after)
    with session_scope(hooked.books.engine) as s:
        item = s.exec(select(OutboxItem)).one()
        assert item.drift == "changed" and item.status == "synced"
    [row] = list_entries(hooked.books, status="posted")  # `writeoff entries list --json`
    assert row["quickbooks"]["status"] == "changed"
    # Seen again (a redelivery, or the CDC pass finding the same edit): no second alert.
    assert hooked.qb.receive_webhook(raw, sig) == 0
    assert hooked.qb.drift(cdc=True) == []
    assert hooked.fake.journal_entries()[0]["TotalAmt"] == 9.0  # nothing changed back


def test_a_delete_found_by_change_data_capture_alone(hooked: QboWorld) -> None:
    entry_id, qbo_id = synced_one(hooked)
    hooked.fake.delete_entry(qbo_id)
    [drift] = hooked.qb.drift(cdc=True)  # no webhook: the scheduled fallback finds it
    assert (drift.entry_id, drift.kind, drift.after) == (entry_id, "deleted", ())
    cdc = [r for r in hooked.fake.api_requests() if r.path.endswith("/cdc")]
    assert cdc and cdc[0].params["entities"] == "JournalEntry,InventoryAdjustment"
    assert cdc[0].params["changedSince"]
    assert hooked.qb.drifted() == [("JE-000001", "deleted", qbo_id, drift.words(), "JournalEntry")]


def test_changes_to_entries_that_are_not_ours_are_ignored(hooked: QboWorld) -> None:
    synced_one(hooked)
    theirs = hooked.fake.add_hand_made_entry("HAND-1")
    hooked.fake.edit_entry(theirs["Id"], amount="1.00")
    raw, sig = FakeQbo.webhook(VERIFIER, [("JournalEntry", theirs["Id"], "Update")])
    hooked.qb.receive_webhook(raw, sig)
    assert hooked.qb.drift(cdc=True) == []
    assert hooked.qb.drifted() == []


def test_writeoff_qbo_drift_lists_by_entry_number(
    hooked: QboWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot.cli import app

    _, first = synced_one(hooked)
    _, second = synced_one(hooked)
    hooked.fake.delete_entry(second)
    hooked.fake.edit_entry(first, amount="2.00")
    hooked.qb.drift(cdc=True)
    cli_env(hooked, monkeypatch, tmp_path)
    out = CliRunner().invoke(app, ["qbo", "drift"])
    assert out.exit_code == 0, out.output
    lines = [ln for ln in out.output.splitlines() if not ln.startswith("  ")]
    assert lines == [
        f"JE-000001: changed in QuickBooks (JournalEntry {first})",
        f"JE-000002: deleted in QuickBooks (JournalEntry {second})",
    ]
    rows = json.loads(CliRunner().invoke(app, ["qbo", "drift", "--json"]).output)
    assert [r["status"] for r in rows] == ["changed", "deleted"]


def test_a_failing_cdc_pass_does_not_stop_the_queue(hooked: QboWorld) -> None:
    entry_id, qbo_id = synced_one(hooked)
    hooked.fake.edit_entry(qbo_id, amount="3.00")
    hooked.qb.receive_webhook(*FakeQbo.webhook(VERIFIER, [("JournalEntry", qbo_id, "Update")]))
    hooked.fake.fail_next("any", "html_503", times=5)  # CDC: first try and every retry
    [drift] = hooked.qb.drift(cdc=True)
    assert (drift.entry_id, drift.kind) == (entry_id, "changed")


# -- InventoryAdjustments (a company tracking quantity on hand) ------------------------------------


@pytest.fixture
def tracked(tmp_path: Path, fake_qbo: FakeQbo) -> Iterator[QuickBooks]:
    """A quantity-tracking company: a loss of a tracked item syncs as an InventoryAdjustment."""
    from tests.conftest import migrated_sqlite_url

    settings = qbo_settings(migrated_sqlite_url(tmp_path), fake_qbo, QBO_WEBHOOK_VERIFIER=VERIFIER)
    books = open_books(settings)
    qb = QuickBooks(books, sleep=lambda _s: None)
    try:
        set_up(qb, fake_qbo, track_quantity=True)
        fake_qbo.add_item("Blue widget", "SKU-12", qty_on_hand=100, unit_cost="15.00")
        yield qb
    finally:
        qb.http.close()
        books.engine.dispose()


def synced_adjustment(qb: QuickBooks, fake: FakeQbo) -> tuple[int, str]:
    entry_id = post(qb, "40 units damaged SKU-12 at $15", Category.LOSS, "SKU-12", "40", "15")
    assert qb.sync().pushed == [entry_id] and fake.journal_entries() == []
    [adj] = fake.inventory_adjustments()
    return entry_id, str(adj["Id"])


def test_an_edited_inventory_adjustment_is_drift_by_item_and_quantity(
    tracked: QuickBooks, fake_qbo: FakeQbo
) -> None:
    qb = tracked
    entry_id, adj_id = synced_adjustment(qb, fake_qbo)
    fake_qbo.edit_adjustment(adj_id, qty_diff="-30", by="9130357777")
    raw, sig = FakeQbo.webhook(VERIFIER, [("InventoryAdjustment", adj_id, "Update")])
    assert qb.receive_webhook(raw, sig) == 1
    [drift] = qb.drift(cdc=False)
    assert (drift.entry_id, drift.kind, drift.qbo_id, drift.who, drift.entity) == (
        entry_id,
        "changed",
        adj_id,
        "9130357777",
        "InventoryAdjustment",
    )
    assert drift.before == ("Blue widget QtyDiff -40",)
    assert drift.after == ("Blue widget QtyDiff -30",)
    assert f"(QuickBooks InventoryAdjustment {adj_id}) was changed" in drift.words()
    [row] = list_entries(qb.books, status="posted")
    assert row["quickbooks"]["status"] == "changed"
    assert card(qb, entry_id) == (
        f"changed in QuickBooks (InventoryAdjustment {adj_id}): see the alert"
    )
    assert qb.receive_webhook(raw, sig) == 0 and qb.drift(cdc=True) == []  # once


def test_a_journal_entry_change_with_an_adjustments_id_is_not_ours(
    tracked: QuickBooks, fake_qbo: FakeQbo
) -> None:
    """JournalEntry and InventoryAdjustment Ids are separate sequences in QuickBooks: a
    JournalEntry someone edits that happens to share our adjustment's Id is no drift."""
    qb = tracked
    _, adj_id = synced_adjustment(qb, fake_qbo)
    raw, sig = FakeQbo.webhook(VERIFIER, [("JournalEntry", adj_id, "Update")])
    assert qb.receive_webhook(raw, sig) == 1
    assert qb.drift(cdc=False) == [] and qb.drifted() == []


def test_a_deleted_inventory_adjustment_found_by_cdc_is_listed(
    tracked: QuickBooks,
    fake_qbo: FakeQbo,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from bot.cli import app

    qb = tracked
    entry_id, adj_id = synced_adjustment(qb, fake_qbo)
    fake_qbo.delete_adjustment(adj_id)
    [drift] = qb.drift(cdc=True)  # no webhook: Change Data Capture finds it
    assert (drift.entry_id, drift.kind, drift.entity, drift.after) == (
        entry_id,
        "deleted",
        "InventoryAdjustment",
        (),
    )
    assert drift.before == ("Blue widget QtyDiff -40",)
    cli_env(cast(QboWorld, SimpleNamespace(books=qb.books)), monkeypatch, tmp_path)
    out = CliRunner().invoke(app, ["qbo", "drift"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0] == (
        f"JE-000001: deleted in QuickBooks (InventoryAdjustment {adj_id})"
    )
    rows = json.loads(CliRunner().invoke(app, ["qbo", "drift", "--json"]).output)
    assert [(r["status"], r["entity"]) for r in rows] == [("deleted", "InventoryAdjustment")]


def test_a_count_adjustment_changed_in_quickbooks_compares_every_item(
    tracked: QuickBooks, fake_qbo: FakeQbo
) -> None:
    qb = tracked
    fake_qbo.add_item("Bolt", "SKU-1", qty_on_hand=50)
    entry_id = post_count(qb, "sku,expected,counted,unit_cost\nSKU-1,40,31,4.00\nSKU-12,5,7,15\n")
    assert qb.sync().pushed == [entry_id]
    [adj] = fake_qbo.inventory_adjustments()
    fake_qbo.edit_adjustment(adj["Id"], qty_diff="-1")
    [drift] = qb.drift(cdc=True)  # found by Change Data Capture alone
    assert (drift.entry_id, drift.kind, drift.entity) == (
        entry_id,
        "changed",
        "InventoryAdjustment",
    )
    assert drift.before == ("Blue widget QtyDiff 2", "Bolt QtyDiff -9")
    assert drift.after == ("Blue widget QtyDiff -1", "Bolt QtyDiff -1")
