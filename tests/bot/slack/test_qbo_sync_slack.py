"""Issue 11 sync behaviour seen from Slack: a conflict with a hand-made QuickBooks entry is
alerted at once, naming both entries, and the card never says "synced"."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from bot.services.jobs import JobContext, run_job, sync_job
from bot.slack.chat import SlackChat
from ledger.db import session_scope
from ledger.models import OutboxItem
from ledger.posting import post_entry
from tests.bot.conftest import CHANNEL, CONTROLLER, RunningApp, block_text, start_app
from tests.bot.slack.test_qbo_slack import ALERTS, connect
from tests.bot.slack.test_slack_e2e import click, entries, report, wait_until
from tests.fakes.qbo_api import FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.fakes.slack_api import FakeSlack
from tests.qbo.conftest import SECRET_KEY, seed_accounts


@pytest.fixture
def app(tmp_path: Path, fake_slack: FakeSlack, fake_qbo: FakeQbo) -> Iterator[RunningApp]:
    seed_accounts(fake_qbo)
    yield from start_app(
        tmp_path,
        fake_slack,
        **fake_qbo.app_env(),
        WRITEOFF_SECRET_KEY=SECRET_KEY,
        WRITEOFF_ALERT_CHANNEL=ALERTS,
    )


def test_duplicate_number_conflict_is_alerted_at_once_naming_both(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    connect(app, fake_qbo)
    fake_qbo.duplicate_doc_warning = True
    theirs = fake_qbo.add_hand_made_entry("WOB-JE-000001", amount="75.00")
    ts = report(app, "3 units SKU-1 damaged at $5")["ts"]
    with session_scope(app.books.engine) as s:
        post_entry(
            s,
            app.books.company_id,
            entries(app)[0].id or 0,
            approver=CONTROLLER,
            max_amount=app.books.settings.writeoff_max_amount,
        )
    sync_job(JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books)))
    alerts = [c for c in app.fake.calls("chat.postMessage") if c.args["channel"] == ALERTS]
    assert len(alerts) == 1
    words = json.dumps(alerts[0].args["blocks"])
    assert f"JournalEntry {theirs['Id']}" in words and "JE-000001" in words
    assert "WOB-JE-000001-2" in words
    with session_scope(app.books.engine) as s:
        assert s.exec(select(OutboxItem)).one().status == "pending"
    # (Card render ordering is issue 12 defect 3, not tested here: only "never synced".)
    assert "synced, JournalEntry" not in block_text(app.fake.message(CHANNEL, ts).blocks)


def test_sixty_approvals_in_ten_seconds_are_all_in_quickbooks_within_ten_seconds(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    """Issue 11 §3: a burst of approvals is gathered into a few requests, and never waits
    for the next minute's batch budget."""
    connect(app, fake_qbo)
    fake_qbo.latency = 0.1
    fake_qbo.enforce_limits(per_minute=500, batch_per_minute=40)
    cards = [report(app, f"{i + 1} units SKU-{i} damaged at $5")["ts"] for i in range(60)]
    ids = [e.id or 0 for e in entries(app)]
    start = time.monotonic()
    for n, (entry_id, ts) in enumerate(zip(ids, cards, strict=True)):
        click(app, "approve", str(entry_id), CONTROLLER, ts)
        time.sleep(max(0.0, start + (n + 1) * 10 / 60 - time.monotonic()))
    last_click = time.monotonic()
    clicking = last_click - start
    wait_until(lambda: len(fake_qbo.journal_entries()) == 60, timeout=30)
    took = time.monotonic() - last_click
    print(f"60 approvals: all in QuickBooks {took:.2f} s after the last click")
    assert took <= 10
    assert len({e["DocNumber"] for e in fake_qbo.journal_entries()}) == 60
    assert not [r for r in fake_qbo.api_requests() if r.status == 429]
    # Gathered: at most one push per gathering moment (0.5 s) while the clicks went on, so
    # 30 or fewer for clicks spread over 10 s (one push per approval would be 60). On a
    # loaded machine the clicks themselves can take longer than the 10 s asked for (seen:
    # 31 pushes in CI); the bound then follows the time the clicks really took.
    windows = max(30, math.ceil(clicking / 0.5) + 1)
    print(
        f"clicks took {clicking:.1f} s; {fake_qbo.batch_count} batches, "
        f"{fake_qbo.request_count('journalentry')} plain creates"
    )
    assert fake_qbo.batch_count + fake_qbo.request_count("journalentry") <= windows


@pytest.fixture
def hooked_app(tmp_path: Path, fake_slack: FakeSlack, fake_qbo: FakeQbo) -> Iterator[RunningApp]:
    seed_accounts(fake_qbo)
    yield from start_app(
        tmp_path,
        fake_slack,
        **fake_qbo.app_env(),
        WRITEOFF_SECRET_KEY=SECRET_KEY,
        WRITEOFF_ALERT_CHANNEL=ALERTS,
        QBO_WEBHOOK_VERIFIER=VERIFIER,
    )


VERIFIER = "fake-webhook-verifier-token"


def test_an_entry_edited_in_quickbooks_gets_one_alert_and_its_card_says_so(
    hooked_app: RunningApp, fake_qbo: FakeQbo
) -> None:
    app = hooked_app
    connect(app, fake_qbo)
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(lambda: "synced, JournalEntry" in block_text(app.fake.message(CHANNEL, ts).blocks))
    qbo_id = fake_qbo.journal_entries()[0]["Id"]
    fake_qbo.edit_entry(qbo_id, amount="450.00", by="9130351111")
    raw, sig = FakeQbo.webhook(VERIFIER, [("JournalEntry", qbo_id, "Update")])
    headers = {"Content-Type": "application/json"}
    bad = httpx.post(
        f"{app.url}/qbo/webhooks", content=raw, headers={**headers, "intuit-signature": "x"}
    )
    assert bad.status_code == 401
    assert httpx.post(f"{app.url}/qbo/webhooks", content=raw, headers=headers).status_code == 401
    started = time.monotonic()
    ok = httpx.post(
        f"{app.url}/qbo/webhooks", content=raw, headers={**headers, "intuit-signature": sig}
    )
    assert ok.status_code == 200 and ok.json() == {"queued": 1}
    assert time.monotonic() - started < 1  # answered at once
    again = httpx.post(
        f"{app.url}/qbo/webhooks", content=raw, headers={**headers, "intuit-signature": sig}
    )
    assert again.json() == {"queued": 0}  # a redelivery
    ctx = JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books))
    run_job("qbo-drift", ctx)
    run_job("qbo-drift", ctx)  # nothing new: no second alert
    alerts = [c for c in app.fake.calls("chat.postMessage") if c.args["channel"] == ALERTS]
    assert len(alerts) == 1 and "changed in QuickBooks" in alerts[0].args["text"]
    words = json.dumps(alerts[0].args["blocks"])
    assert "600.00" in words and "450.00" in words and "9130351111" in words
    card = block_text(app.fake.message(CHANNEL, ts).blocks)
    assert "changed in QuickBooks" in card


def test_an_inventory_adjustment_edited_in_quickbooks_is_alerted_by_item_and_quantity(
    hooked_app: RunningApp, fake_qbo: FakeQbo
) -> None:
    app = hooked_app
    fake_qbo.set_preferences(track_quantity=True)
    fake_qbo.add_item("Blue widget", "SKU-12", qty_on_hand=100, unit_cost="15.00")
    connect(app, fake_qbo)
    ts = report(app, "40 units damaged SKU-12 at $15")["ts"]
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)

    def card() -> str:
        message = app.fake.message(CHANNEL, ts)
        assert message is not None
        return block_text(message.blocks)

    wait_until(lambda: "synced, InventoryAdjustment" in card())
    [adj] = fake_qbo.inventory_adjustments()
    fake_qbo.edit_adjustment(adj["Id"], qty_diff="-25", by="9130352222")
    raw, sig = FakeQbo.webhook(VERIFIER, [("InventoryAdjustment", adj["Id"], "Update")])
    ok = httpx.post(
        f"{app.url}/qbo/webhooks",
        content=raw,
        headers={"Content-Type": "application/json", "intuit-signature": sig},
    )
    assert ok.json() == {"queued": 1}
    ctx = JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books))
    run_job("qbo-drift", ctx)
    run_job("qbo-drift", ctx)  # nothing new: no second alert
    alerts = [c for c in app.fake.calls("chat.postMessage") if c.args["channel"] == ALERTS]
    assert len(alerts) == 1 and "changed in QuickBooks" in alerts[0].args["text"]
    words = json.dumps(alerts[0].args["blocks"])
    assert f"InventoryAdjustment {adj['Id']}" in words and "JournalEntry" not in words
    assert "Blue widget QtyDiff -40" in words and "Blue widget QtyDiff -25" in words
    assert f"changed in QuickBooks (InventoryAdjustment {adj['Id']})" in card()
