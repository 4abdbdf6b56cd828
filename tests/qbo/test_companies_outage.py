"""A company's QuickBooks outage alerts its own alert channel only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from bot.services.books import open_books
from bot.services.companies import Directory
from bot.services.jobs import JobContext, sync_job
from bot.services.quickbooks import QuickBooks
from bot.slack.chat import SlackChat
from ledger.db import session_scope
from ledger.posting import post_draft
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_api import fake_slack_fixture as fake_slack_fixture
from tests.ledger.factories import make_draft
from tests.qbo.conftest import MAX, QboWorld, make_world


@pytest.fixture
def alerting(tmp_path: Path, fake_qbo: FakeQbo) -> Iterator[QboWorld]:
    yield from make_world(
        f"sqlite:///{tmp_path / 'b.db'}", fake_qbo, WRITEOFF_ALERT_CHANNEL="C0FIRSTALERTS"
    )


def test_an_outage_alerts_only_the_company_it_happened_to(
    alerting: QboWorld, fake_slack: FakeSlack
) -> None:
    world = alerting
    directory = Directory(world.books.settings, world.books.engine)
    directory.add("Beta Ltd", "U0CTRL")
    directory.set("beta-ltd", "alert_channel", "C0BETAALERTS", "U0CTRL")
    beta_books = open_books(world.books.settings, migrate=False, company="beta-ltd")
    beta = QuickBooks(beta_books, sleep=lambda _s: None)
    url = beta.connect_url(actor="U0CTRL")
    beta.complete(parse_qs(urlparse(url).query)["state"][0], world.fake.issue_code(), REALM_ID)
    with session_scope(beta_books.engine) as s:
        post_draft(
            s,
            beta_books.company_id,
            make_draft(),
            actor="U1",
            approver="U2",
            entry_date=date.today(),
            max_amount=MAX,
        )
    world.fake.expire_access_tokens()
    world.fake.revoke_all()  # Beta's QuickBooks company disconnected the app
    ctx = JobContext(beta_books, beta, SlackChat(fake_slack.client(), beta_books))
    report = sync_job(ctx)
    assert report.connection_problem
    channels = [c.args["channel"] for c in fake_slack.calls("chat.postMessage")]
    assert "C0BETAALERTS" in channels
    assert "C0FIRSTALERTS" not in channels
    beta.http.close()
