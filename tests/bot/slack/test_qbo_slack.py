"""QuickBooks seen from Slack: cards, alerts, Retry, connect and the OAuth callback."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import select

from bot.services.jobs import JobContext, sync_job
from bot.services.notices import ALERT_AFTER
from bot.slack.cards import refresh_card
from bot.slack.chat import SlackChat
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry, OutboxItem, utcnow
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, block_text, start_app
from tests.bot.slack.test_slack_e2e import click, entries, report, wait_until
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    interaction_body,
    slash_command_body,
    text_field,
    view_submission_payload,
)
from tests.qbo.conftest import SECRET_KEY, seed_accounts

ALERTS = "C0ALERTS"


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


def connect(app: RunningApp, fake: FakeQbo) -> httpx.Response:
    url = app.deps.quickbooks.connect_url(actor=CONTROLLER)
    state = parse_qs(urlparse(url).query)["state"][0]
    return httpx.get(
        f"{app.url}/qbo/callback",
        params={"state": state, "code": fake.issue_code(), "realmId": REALM_ID},
    )


def jobs(app: RunningApp) -> JobContext:
    return JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books))


def test_callback_connects_once_and_refuses_bad_states(app: RunningApp, fake_qbo: FakeQbo) -> None:
    ok = connect(app, fake_qbo)
    assert ok.status_code == 200 and "connected" in ok.text.lower() and "mapped" in ok.text
    assert "Sandbox Company_US_1" in ok.text  # says which company
    forged = httpx.get(
        f"{app.url}/qbo/callback",
        params={"state": "forged", "code": fake_qbo.issue_code(), "realmId": REALM_ID},
    )
    assert forged.status_code == 400 and "unknown state" in forged.text
    url = app.deps.quickbooks.connect_url(actor=CONTROLLER)
    state = parse_qs(urlparse(url).query)["state"][0]
    params = {"state": state, "code": fake_qbo.issue_code(), "realmId": REALM_ID}
    assert httpx.get(f"{app.url}/qbo/callback", params=params).status_code == 200
    reused = httpx.get(f"{app.url}/qbo/callback", params=params)
    assert reused.status_code == 400 and "already used" in reused.text


def test_connect_command_is_for_approvers_only(app: RunningApp) -> None:
    refused = app.post(
        slash_command_body(
            "connect quickbooks",
            REPORTER,
            CHANNEL,
            app.fake.response_url("r1"),
            app.fake.new_trigger_id(),
        )
    )
    assert refused.status_code == 200
    app.fake.wait_for_response("r1")
    assert "Only approvers" in app.fake.responses("r1")[-1].payload["text"]
    app.post(
        slash_command_body(
            "connect quickbooks",
            CONTROLLER,
            CHANNEL,
            app.fake.response_url("r2"),
            app.fake.new_trigger_id(),
        )
    )
    app.fake.wait_for_response("r2")
    text = app.fake.responses("r2")[-1].payload["text"]
    assert "Connect QuickBooks" in text and "state=" in text


def test_approve_pushes_and_the_card_says_synced(app: RunningApp, fake_qbo: FakeQbo) -> None:
    connect(app, fake_qbo)
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(
        lambda: "synced, JournalEntry" in block_text(app.fake.message(CHANNEL, ts).blocks),
        timeout=10,
    )
    assert [e["DocNumber"] for e in fake_qbo.journal_entries()] == ["WOB-JE-000001"]
    assert entries(app)[0].qbo_id == fake_qbo.journal_entries()[0]["Id"]


def test_quickbooks_and_the_export_name_people_the_audit_keeps_ids(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    app.fake.users[REPORTER] = {
        "id": REPORTER,
        "name": "dana",
        "profile": {"real_name": "Dana Lee"},
    }
    app.fake.users[CONTROLLER] = {
        "id": CONTROLLER,
        "name": "casey",
        "profile": {"display_name": "Casey", "real_name": "Casey Kim"},
    }
    connect(app, fake_qbo)
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(lambda: bool(fake_qbo.journal_entries()), timeout=10)
    note = fake_qbo.journal_entries()[0]["PrivateNote"]
    assert "Reported by Dana Lee, approved by Casey." in note
    assert REPORTER not in note and CONTROLLER not in note
    from bot.services import reports
    from ledger.periods import Period

    rows = reports.month_rows(app.deps, Period.of(entries(app)[0].entry_date))
    assert {(r["reporter"], r["approved_by"]) for r in rows} == {("Dana Lee", "Casey")}
    with session_scope(app.books.engine) as s:
        posted = s.exec(select(AuditEvent).where(AuditEvent.action == "posted")).one()
    assert posted.actor == CONTROLLER  # the audit trail keeps the id
    assert len(app.fake.calls("users.info")) == 2  # one lookup per person


def test_not_connected_card_says_so(app: RunningApp) -> None:
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(
        lambda: (
            "QuickBooks: not connected"
            in block_text(app.fake.message(CHANNEL, ts).blocks).replace("*", "")
        )
    )


def test_outage_gives_one_alert_then_retry_resolves_it(app: RunningApp, fake_qbo: FakeQbo) -> None:
    connect(app, fake_qbo)
    for text in ("3 units SKU-1 damaged at $5", "2 units SKU-2 expired at $7"):
        report(app, text)
    with session_scope(app.books.engine) as s:
        from ledger.posting import post_entry

        for e in s.exec(select(JournalEntry)).all():
            post_entry(
                s,
                app.books.company_id,
                e.id or 0,
                approver=CONTROLLER,
                max_amount=app.books.settings.writeoff_max_amount,
            )
    ctx = JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books))
    slept: list[float] = []
    app.deps.quickbooks.sleep = slept.append  # back off without waiting
    start = utcnow()
    for minute in range(0, 60, 7):  # an hour of outage, a pass every few minutes
        fake_qbo.fail_next("batch", "html_503")
        fake_qbo.fail_next("query", "html_503")
        sync_job(ctx, now=start + timedelta(minutes=minute + 120 * minute))
    assert slept  # the client backed off between attempts
    alerts = [c for c in app.fake.calls("chat.postMessage") if c.args["channel"] == ALERTS]
    # Nine failing passes over an hour: one alert per entry for the whole episode.
    assert sorted(a.args["text"] for a in alerts) == [
        "JE-000001 did not reach QuickBooks",
        "JE-000002 did not reach QuickBooks",
    ]
    assert "server error" in json.dumps(alerts[0].args["blocks"]).lower()
    blocks = alerts[0].args["blocks"]
    retry = [
        el
        for b in blocks
        if b["type"] == "actions"
        for el in b["elements"]
        if el["action_id"] == "qbo_retry"
    ]
    assert retry, blocks
    # Someone clicks Retry once QuickBooks is back: pushed at once, alert resolved.
    from tests.fakes.slack_signing import block_actions_payload, interaction_body

    payload = block_actions_payload(
        "qbo_retry", retry[0]["value"], CONTROLLER, ALERTS, alerts[0].response["ts"], blocks=blocks
    )
    app.post(interaction_body(payload))
    wait_until(lambda: len(fake_qbo.journal_entries()) == 1, timeout=10)
    wait_until(
        lambda: "Resolved" in json.dumps(app.fake.message(ALERTS, alerts[0].response["ts"]).blocks),
        timeout=10,
    )
    assert "synced as QuickBooks JournalEntry" in json.dumps(
        app.fake.message(ALERTS, alerts[0].response["ts"]).blocks
    )
    assert len({e["DocNumber"] for e in fake_qbo.journal_entries()}) == 1


def test_many_failures_at_once_make_one_summary(app: RunningApp, fake_qbo: FakeQbo) -> None:
    connect(app, fake_qbo)
    from ledger.posting import post_draft
    from tests.ledger.factories import make_draft

    with session_scope(app.books.engine) as s:
        for i in range(6):
            post_draft(
                s,
                app.books.company_id,
                make_draft(qty=str(i + 1)),
                actor=REPORTER,
                approver=CONTROLLER,
                entry_date=utcnow().date(),
                max_amount=app.books.settings.writeoff_max_amount,
            )
    fake_qbo.fault_next("batch", "6190", "Subscription period has ended", "ended", status=400)
    sync_job(JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books)))
    alerts = [c for c in app.fake.calls("chat.postMessage") if c.args["channel"] == ALERTS]
    assert len(alerts) == 1 and "6 entries" in alerts[0].args["text"]
    assert "Retry all (6)" in json.dumps(alerts[0].args["blocks"])


def test_single_permanent_failure_alerts_at_once(app: RunningApp, fake_qbo: FakeQbo) -> None:
    connect(app, fake_qbo)
    report(app, "3 units SKU-1 damaged at $5")
    with session_scope(app.books.engine) as s:
        from ledger.posting import post_entry

        post_entry(
            s,
            app.books.company_id,
            entries(app)[0].id or 0,
            approver=CONTROLLER,
            max_amount=app.books.settings.writeoff_max_amount,
        )
    fake_qbo.fault_next(
        "journalentry",
        "6190",
        "Subscription period has ended",
        "The subscription has ended",
        status=400,
    )
    sync_job(JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books)))
    alerts = [c for c in app.fake.calls("chat.postMessage") if c.args["channel"] == ALERTS]
    assert len(alerts) == 1 and "subscription" in json.dumps(alerts[0].args["blocks"]).lower()
    with session_scope(app.books.engine) as s:
        assert s.exec(select(OutboxItem)).one().status == "failed"


def test_retry_is_for_approvers_only(app: RunningApp) -> None:
    from tests.fakes.slack_signing import block_actions_payload, interaction_body

    ts = app.fake.add_message(ALERTS, "alert")
    payload = block_actions_payload(
        "qbo_retry",
        "1",
        REPORTER,
        ALERTS,
        ts,
        blocks=[
            {
                "type": "actions",
                "block_id": "qbo_alert_1",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "qbo_retry",
                        "value": "1",
                        "text": {"type": "plain_text", "text": "Retry"},
                    }
                ],
            }
        ],
    )
    app.post(interaction_body(payload))
    eph = app.fake.wait_for("chat.postEphemeral")[0]
    assert "Only approvers" in eph.args["text"]


def test_revoked_connection_alerts_once_with_reconnect(app: RunningApp, fake_qbo: FakeQbo) -> None:
    connect(app, fake_qbo)
    report(app, "3 units SKU-1 damaged at $5")
    with session_scope(app.books.engine) as s:
        from ledger.posting import post_entry

        post_entry(
            s,
            app.books.company_id,
            entries(app)[0].id or 0,
            approver=CONTROLLER,
            max_amount=app.books.settings.writeoff_max_amount,
        )
    fake_qbo.revoke_all()
    ctx = JobContext(app.books, app.deps.quickbooks, SlackChat(app.fake.client(), app.books))
    for i in range(3):
        sync_job(ctx, now=utcnow() + ALERT_AFTER * (i + 1) * 3)
    alerts = [
        c
        for c in app.fake.calls("chat.postMessage")
        if c.args["channel"] == ALERTS and "disconnected" in c.args["text"].lower()
    ]
    assert len(alerts) == 1
    assert "qbo_reconnect" in json.dumps(alerts[0].args["blocks"])


def test_two_passes_at_once_never_push_twice_on_postgres(
    tmp_path: Path, fake_qbo: FakeQbo, pg_url: str
) -> None:
    from bot.services.quickbooks import QuickBooks
    from tests.qbo.conftest import make_world

    worlds = make_world(pg_url, fake_qbo)
    world = next(worlds)
    try:
        world.connect()
        world.post(90)
        barrier = threading.Barrier(2)
        reports: list[Any] = []

        def run(name: str) -> None:
            qb = QuickBooks(world.books)  # its own HTTP client, as another process would have
            barrier.wait()
            reports.append(qb.sync(worker=name))

        threads = [threading.Thread(target=run, args=(f"w{i}",)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        pushed = [e for r in reports for e in r.pushed]
        assert len(pushed) == 90 and len(set(pushed)) == 90
        docs = world.doc_numbers()
        assert len(docs) == 90 and len(set(docs)) == 90
    finally:
        worlds.close()


def test_a_database_blip_after_posting_is_not_told_as_nothing_posted(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    """Issue 12, defect 1: the approval commits, then the database fails (a restart) while
    the card is re-rendered and the push looks up the connection. The approver is told
    what the books hold: posted, with the push to be retried; never "nothing was posted".
    The next sync pass pushes it and puts the card right."""
    connect(app, fake_qbo)
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    blip = threading.Event()

    @sa.event.listens_for(app.books.engine, "before_cursor_execute")
    def _restarting(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if blip.is_set() and "qbo_connection" in statement:
            raise sa.exc.OperationalError(statement, {}, Exception("server closed the connection"))

    blip.set()
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    told = app.fake.wait_for("chat.postEphemeral")[0].args["text"]
    assert "Posted as JE-000001; the QuickBooks push will be retried" in told
    assert "othing was posted" not in told
    assert entries(app)[0].status == "posted"
    blip.clear()
    sync_job(jobs(app))
    assert [e["DocNumber"] for e in fake_qbo.journal_entries()] == ["WOB-JE-000001"]
    assert "synced, JournalEntry" in block_text(app.fake.message(CHANNEL, ts).blocks)


def test_a_stale_render_delivered_last_does_not_stay_on_the_card(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    """Issue 12, defect 3: a render read while the push was pending, answered slowly by
    Slack, lands after the render that says synced. The slow render notices it was
    overtaken and renders again: the card ends on the books' final state."""
    connect(app, fake_qbo)
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    # the push at approval (one entry: a plain create) fails: pending, retrying
    fake_qbo.fail_next("journalentry", "html_503")
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(lambda: "pending (retrying" in block_text(app.fake.message(CHANNEL, ts).blocks))
    entry_id = entries(app)[0].id or 0
    app.fake.set_delay("chat.update", 1.0)
    slow = threading.Thread(target=refresh_card, args=(app.fake.client(), app.books, entry_id))
    slow.start()  # reads "pending", then waits a second in Slack
    time.sleep(0.4)
    app.fake.set_delay("chat.update", 0)
    sync_job(jobs(app), now=utcnow() + timedelta(hours=2))  # pushed; its render lands at once
    assert "synced, JournalEntry" in block_text(app.fake.message(CHANNEL, ts).blocks)
    slow.join()
    assert "synced, JournalEntry" in block_text(app.fake.message(CHANNEL, ts).blocks)


def test_an_approval_while_the_cards_post_is_unanswered_still_shows_on_the_card(
    app: RunningApp,
) -> None:
    """Slack shows the card to everyone before its answer (with the card's ts) reaches the
    bot. An Approve clicked in that gap posts the entry but finds no card to re-render; once
    the answer arrives the card is put right at once, not left to the next sync pass."""
    app.fake.set_answer_delay("chat.postMessage", 1.5)
    ts = report(app, "40 units obsolete SKU-12 at $15", stored=False)["ts"]
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(lambda: entries(app)[0].status == "posted")
    wait_until(lambda: "JE-000001" in block_text(app.fake.message(CHANNEL, ts).blocks))
    assert CONTROLLER in block_text(app.fake.message(CHANNEL, ts).blocks)


def test_a_card_whose_update_failed_is_rendered_again_by_the_sync_pass(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    app.fake.fail_next("chat.update", "internal_error", 500)
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    app.fake.wait_for("chat.update")
    wait_until(lambda: entries(app)[0].status == "posted")
    time.sleep(0.2)
    assert "JE-000001" not in block_text(app.fake.message(CHANNEL, ts).blocks)
    sync_job(jobs(app))  # QuickBooks is not connected: the pass still puts the card right
    assert "JE-000001" in block_text(app.fake.message(CHANNEL, ts).blocks)
    before = len(app.fake.calls("chat.update"))
    sync_job(jobs(app))  # and leaves an up-to-date card alone
    assert len(app.fake.calls("chat.update")) == before


def test_reversal_is_pushed_at_once_and_its_state_shows_on_the_card(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    connect(app, fake_qbo)
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(app)[0].id
    click(app, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: len(fake_qbo.journal_entries()) == 1, timeout=10)
    sub = view_submission_payload(
        "reverse_entry", str(eid), text_field("reason", "counted again: all there"), CONTROLLER
    )
    app.post(interaction_body(sub))
    # No scheduled pass runs in this test: only the push at once can get it there.
    wait_until(lambda: len(fake_qbo.journal_entries()) == 2, timeout=10)
    assert [e["DocNumber"] for e in fake_qbo.journal_entries()] == [
        "WOB-JE-000001",
        "WOB-JE-000002",
    ]
    wait_until(
        lambda: (
            "Reversal JE-000002 in QuickBooks: synced"
            in block_text(app.fake.message(CHANNEL, ts).blocks)
        ),
        timeout=10,
    )


def test_an_approved_count_is_pushed_and_the_sheet_card_says_so(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    from tests.bot.slack.test_files_slack import SHEET, share, summary_blocks, wait_for_summary
    from tests.bot.slack.test_files_slack import click as click_sheet

    connect(app, fake_qbo)
    share(app, "count.csv", SHEET.encode(), "text/csv", "", "1900.0100", "EvQ1")
    card, blocks = wait_for_summary(app)
    click_sheet(app, "sheet_approve_all", card, blocks)
    wait_until(lambda: len(fake_qbo.journal_entries()) == 1, timeout=10)
    [pushed] = fake_qbo.journal_entries()
    assert pushed["DocNumber"] == "WOB-JE-000001" and len(pushed["Line"]) == 4
    wait_until(lambda: "QuickBooks: synced" in json.dumps(summary_blocks(app)[1]), timeout=10)
    # Reversed: pushed at once too, and the sheet card shows the reversal's state.
    count_id = entries(app)[0].id
    sub = view_submission_payload(
        "reverse_entry", str(count_id), text_field("reason", "wrong sheet"), CONTROLLER
    )
    app.post(interaction_body(sub))
    wait_until(lambda: len(fake_qbo.journal_entries()) == 2, timeout=10)
    wait_until(
        lambda: (
            "Reversed* by *JE-000002* (QuickBooks: synced" in json.dumps(summary_blocks(app)[1])
        ),
        timeout=10,
    )


def test_the_home_tab_shows_a_push_that_failed(app: RunningApp, fake_qbo: FakeQbo) -> None:
    from tests.bot.slack.test_home_slack import open_home, render

    connect(app, fake_qbo)
    ts = report(app, "3 units SKU-1 damaged at $5")["ts"]
    assert "Every posted entry reached QuickBooks" in render(open_home(app, CONTROLLER, 1))
    fake_qbo.fault_next(
        "batch", "6190", "Subscription period has ended", "The subscription has ended", status=400
    )
    fake_qbo.fault_next(
        "journalentry", "6190", "Subscription period has ended", "ended", status=400
    )
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(
        lambda: "*JE-000001* · $15.00 · failed" in render(app.fake.home(CONTROLLER) or {}),
        timeout=15,
    )
    assert "subscription" in render(app.fake.home(CONTROLLER) or {}).lower()
