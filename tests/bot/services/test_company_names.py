"""Issue 14 §2: with several companies every QuickBooks alert and stale-draft nudge names
the company whose books it is about; with one company nothing changes. Real QuickBooks
client against the fake, real Slack client against the fake."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import time_machine
from sqlmodel import select

from bot.services.books import Books, open_books
from bot.services.companies import Directory
from bot.services.jobs import (
    JobContext,
    qbo_drift_job,
    qbo_token_check_job,
    stale_drafts,
    sync_job,
)
from bot.services.quickbooks import QuickBooks
from bot.slack.cards import publish_card
from bot.slack.chat import SlackChat
from ledger.db import session_scope
from ledger.models import utcnow
from ledger.posting import post_draft, save_draft
from qbo.models import QboConnection
from tests.bot.services.test_reminders import books_for
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_api import fake_slack_fixture as fake_slack_fixture
from tests.ledger.factories import make_draft
from tests.qbo.conftest import MAX, QboWorld, make_world

FIRST_ALERTS = "C0FIRSTALERTS"
BETA_ALERTS = "C0BETAALERTS"


@pytest.fixture
def world(tmp_path: Path, fake_qbo: FakeQbo) -> Iterator[QboWorld]:
    yield from make_world(
        f"sqlite:///{tmp_path / 'b.db'}", fake_qbo, WRITEOFF_ALERT_CHANNEL=FIRST_ALERTS
    )


@pytest.fixture
def beta(world: QboWorld, fake_slack: FakeSlack) -> Iterator[JobContext]:
    """A second company, Beta Ltd, connected to QuickBooks, alerting its own channel."""
    directory = Directory(world.books.settings, world.books.engine)
    directory.add("Beta Ltd", "U0CTRL")
    directory.set("beta-ltd", "alert_channel", BETA_ALERTS, "U0CTRL")
    books = open_books(world.books.settings, migrate=False, company="beta-ltd")
    qb = QuickBooks(books, sleep=lambda _s: None)
    url = qb.connect_url(actor="U0CTRL")
    qb.complete(parse_qs(urlparse(url).query)["state"][0], world.fake.issue_code(), REALM_ID)
    yield JobContext(books, qb, SlackChat(fake_slack.client(), books))
    qb.http.close()


def post(books: Books, n: int = 1) -> list[int]:
    ids = []
    for i in range(n):
        with session_scope(books.engine) as s:
            posted = post_draft(
                s,
                books.company_id,
                make_draft(qty=str(i + 1)),
                actor="U1",
                approver="U2",
                entry_date=date.today(),
                max_amount=MAX,
            )
        ids.append(posted.entry.id or 0)
    return ids


def messages(fake: FakeSlack, channel: str) -> list[Any]:
    return [c for c in fake.calls("chat.postMessage") if c.args["channel"] == channel]


def test_every_quickbooks_alert_names_the_company(
    world: QboWorld, beta: JobContext, fake_slack: FakeSlack
) -> None:
    [entry] = post(beta.books)
    world.fake.fault_next("journalentry", "6190", "Subscription period has ended", "ended", 400)
    sync_job(beta)
    [failed] = messages(fake_slack, BETA_ALERTS)
    assert failed.args["text"] == "Beta Ltd: JE-000001 did not reach QuickBooks"
    assert "*Beta Ltd*: *JE-000001*" in json.dumps(failed.args["blocks"])
    assert "qbo_retry" in json.dumps(failed.args["blocks"])  # Retry is still offered

    # Retried and synced: the alert turns into "resolved", still naming the company.
    assert beta.quickbooks.requeue(entry)
    sync_job(beta)
    resolved = fake_slack.message(BETA_ALERTS, failed.response["ts"])
    assert "*Beta Ltd*: Resolved: *JE-000001*" in json.dumps(resolved.blocks)

    # Deleted in QuickBooks: the drift alert (the Change Data Capture pass finds it).
    world.fake.delete_entry(world.fake.journal_entries()[-1]["Id"])
    qbo_drift_job(beta)
    drift = messages(fake_slack, BETA_ALERTS)[-1]
    assert drift.args["text"] == "Beta Ltd: JE-000001 was deleted in QuickBooks"
    assert "*Beta Ltd*: *JE-000001*" in json.dumps(drift.args["blocks"])

    # An outage of several entries: one summary, naming the company.
    post(beta.books, 4)
    world.fake.fault_next("batch", "6190", "Subscription period has ended", "ended", 400)
    sync_job(beta)
    summary = messages(fake_slack, BETA_ALERTS)[-1]
    assert summary.args["text"] == "Beta Ltd: 4 entries did not reach QuickBooks"
    assert "*Beta Ltd*: *4 entries*" in json.dumps(summary.args["blocks"])

    # The connection about to expire, then revoked.
    with session_scope(beta.books.engine) as s:
        conn = s.exec(
            select(QboConnection).where(QboConnection.company_id == beta.books.company_id)
        ).one()
        conn.refresh_expires_at = utcnow() + timedelta(days=10)
        s.add(conn)
    assert "warned" in qbo_token_check_job(beta)
    expiring = messages(fake_slack, BETA_ALERTS)[-1]
    assert expiring.args["text"] == "Beta Ltd: QuickBooks connection expires soon"
    assert "*Beta Ltd*: The QuickBooks connection expires" in json.dumps(expiring.args["blocks"])
    post(beta.books)
    world.fake.expire_access_tokens()
    world.fake.revoke_all()
    sync_job(beta)
    broken = messages(fake_slack, BETA_ALERTS)[-1]
    assert broken.args["text"] == "Beta Ltd: QuickBooks disconnected"
    assert "*Beta Ltd*: *QuickBooks disconnected.*" in json.dumps(broken.args["blocks"])
    # Nothing about Beta went to the first company's channel.
    assert messages(fake_slack, FIRST_ALERTS) == []


def test_a_stale_draft_nudge_names_the_company_only_when_there_are_several(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    first = books_for(f"sqlite:///{tmp_path / 'b.db'}", fake_slack)
    start = datetime(2026, 11, 2, 10, tzinfo=UTC)

    def nudge_after_a_day(books: Books, channel: str) -> str:
        with time_machine.travel(start, tick=False):
            with session_scope(books.engine) as s:
                entry = save_draft(
                    s, books.company_id, make_draft(), actor="U1", entry_date=start.date()
                ).entry
            publish_card(fake_slack.client(), books, entry.id or 0, channel)
        ctx = JobContext(books, QuickBooks(books), SlackChat(fake_slack.client(), books))
        with time_machine.travel(start + timedelta(hours=25), tick=False):
            assert stale_drafts(ctx).startswith("1 nudged")
        ctx.quickbooks.http.close()
        [nudge] = [
            c
            for c in fake_slack.calls("chat.postMessage")
            if c.args.get("thread_ts") and c.args["channel"] == channel
        ]
        return str(nudge.args["text"])

    # One company: the nudge reads as it always did.
    assert "<@U0CTRL>: this write-off has waited over a day" in nudge_after_a_day(first, "C0FIRST")
    directory = Directory(first.settings, first.engine)
    directory.add("Acme Foods", "cli")
    directory.set("acme-foods", "approvers", "U0ACME", "cli")
    acme = open_books(first.environment or first.settings, company="acme-foods")
    text = nudge_after_a_day(acme, "C0ACME")
    assert "<@U0ACME>: this write-off for Acme Foods has waited over a day" in text
    acme.engine.dispose()
    first.engine.dispose()
