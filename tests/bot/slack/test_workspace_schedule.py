"""Messages sent outside a request, with several workspaces: a company tied to an installed
workspace (its team id) gets its month-end reminder, its stale-draft nudge and its
QuickBooks alert with THAT workspace's own bot token (the Authorization header the fake
Slack received), never SLACK_BOT_TOKEN's; once the workspace uninstalls the app nothing is
sent for its companies at all. The Home tab goes out with the person's workspace token."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.services.books import Resolver
from bot.services.companies import Directory
from bot.services.jobs import JobContext, run_job
from bot.slack.chat import company_chat
from bot.slack.companies import company_jobs
from ledger.db import session_scope
from ledger.models import utcnow
from ledger.posting import post_draft
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, start_app
from tests.bot.slack.test_distribution import (
    CHANNEL_B,
    TEAM_A,
    TEAM_B,
    command,
    install,
    oauth_env,
    uninstall,
    wait_card,
)
from tests.bot.slack.test_home_slack import wait_until
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import TEAM_ID, app_home_opened_event, event_callback_body
from tests.ledger.factories import make_draft
from tests.qbo.conftest import MAX, seed_accounts

REMIND_B, ALERTS_B, REMIND_OWN = "C0REMINDB", "C0ALERTSB", "C0REMINDOWN"
BRAVO_CTRL = "U0BRAVOCTRL"


@pytest.fixture
def served(
    tmp_path: Path, fake_slack: FakeSlack, fake_qbo: FakeQbo, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningApp]:
    """Distribution on, QuickBooks at its fake; Bravo Co belongs to workspace TEAM_B."""
    oauth_env(monkeypatch, fake_slack)
    seed_accounts(fake_qbo)
    for app in start_app(tmp_path, fake_slack, **fake_qbo.app_env()):
        directory = Directory(app.books.settings, app.books.engine)
        directory.add("Bravo Co", "cli", team_id=TEAM_B)
        for key, value in (
            ("approvers", BRAVO_CTRL),
            ("reminder_channels", REMIND_B),
            ("alert_channel", ALERTS_B),
        ):
            directory.set("bravo-co", key, value, "cli")
        directory.link("bravo-co", [CHANNEL_B], "cli")
        directory.set("default", "reminder_channels", REMIND_OWN, "cli")
        yield app


def schedule(app: RunningApp) -> dict[str, JobContext]:
    """The scheduler's contexts, built as `writeoff serve` builds them (bot/slack/server.py:
    build, serve_forever)."""
    client, team_client = app.fake.client(), app.deps.team_client
    assert team_client is not None  # distribution is on
    first = Resolver(app.books, ttl=0).books(app.books.company_id)  # its settings re-read
    base = JobContext(first, app.deps.quickbooks, company_chat(client, first, team_client))
    contexts = {c.books.company_slug: c for c in company_jobs(base, client, team_client)()}
    return {"default": base, **contexts}


def sent_to(app: RunningApp, channel: str) -> list[str | None]:
    """The token of every message sent to (or updated in) `channel`."""
    calls = app.fake.calls("chat.postMessage") + app.fake.calls("chat.update")
    return [c.token for c in calls if c.args.get("channel") == channel]


def test_a_companys_scheduled_messages_go_out_with_its_workspace_token(
    served: RunningApp, fake_qbo: FakeQbo, caplog: pytest.LogCaptureFixture
) -> None:
    app = served
    token_a, token_b = install(app, TEAM_A), install(app, TEAM_B)
    command(app, "40 units obsolete SKU-12 at $15", TEAM_B, CHANNEL_B)
    assert wait_card(app, CHANNEL_B).token == token_b
    jobs = schedule(app)
    bravo = jobs["bravo-co"]
    assert bravo.books.team_id == TEAM_B

    # The month-end reminder: Bravo's with Bravo's token, the first company's with SLACK_BOT_TOKEN.
    run_job("month-end", bravo)
    run_job("month-end", jobs["default"])
    assert sent_to(app, REMIND_B) == [token_b]
    assert sent_to(app, REMIND_OWN) == [app.fake.token]

    # A draft untouched for a day: the nudge in its card's thread, with Bravo's token. (The
    # card's place is stored just after the card is posted; a pass before that finds no card
    # and claims nothing, so the job is run again until it has one: a nudge is never sent
    # twice.)
    def threaded() -> list[object]:
        return [c for c in app.fake.calls("chat.postMessage") if c.args.get("thread_ts")]

    def nudged() -> bool:
        run_job("stale-drafts", bravo, now=utcnow() + timedelta(hours=25))
        return bool(threaded())

    wait_until(nudged)
    nudges = [c for c in app.fake.calls("chat.postMessage") if c.args.get("thread_ts")]
    assert [(c.args["channel"], c.token) for c in nudges] == [(CHANNEL_B, token_b)]

    # Bravo's QuickBooks company disconnects the app: the sync's alert, with Bravo's token.
    url = bravo.quickbooks.connect_url(actor=BRAVO_CTRL)
    bravo.quickbooks.complete(
        parse_qs(urlparse(url).query)["state"][0], fake_qbo.issue_code(), REALM_ID
    )
    with session_scope(bravo.books.engine) as s:
        post_draft(
            s,
            bravo.books.company_id,
            make_draft(sku="SKU-77"),
            actor=REPORTER,
            approver=BRAVO_CTRL,
            entry_date=date.today(),
            max_amount=MAX,
        )
    fake_qbo.expire_access_tokens()
    fake_qbo.revoke_all()
    assert run_job("sync", bravo).connection_problem
    assert sent_to(app, ALERTS_B) == [token_b]
    assert token_a not in {c.token for c in app.fake.calls("chat.postMessage")}

    # Bravo's workspace removes the app: nothing more is sent for Bravo, with any token.
    assert uninstall(app, TEAM_B).status_code == 200
    before = len(app.fake.calls())
    caplog.set_level(logging.WARNING)
    run_job("month-end", bravo)
    run_job("stale-drafts", bravo, now=utcnow() + timedelta(days=8))  # expires: no card update
    run_job("sync", bravo)
    assert app.fake.calls()[before:] == []
    assert "nothing sent" in caplog.text
    # The first company's reminder still goes out.
    run_job("month-end", jobs["default"])
    assert sent_to(app, REMIND_OWN) == [app.fake.token, app.fake.token]


def test_the_home_tab_goes_out_with_the_persons_workspace_token_and_not_after_it_left(
    served: RunningApp, caplog: pytest.LogCaptureFixture
) -> None:
    app = served
    caplog.set_level(logging.WARNING)
    token_b = install(app, TEAM_B)

    def published(user: str) -> list[str | None]:
        return [c.token for c in app.fake.calls("views.publish") if c.args["user_id"] == user]

    app.post_json(event_callback_body(app_home_opened_event(BRAVO_CTRL), "EvHomeB", TEAM_B))
    app.post_json(event_callback_body(app_home_opened_event(CONTROLLER), "EvHomeOwn", TEAM_ID))
    wait_until(lambda: published(BRAVO_CTRL) == [token_b])
    wait_until(lambda: published(CONTROLLER) == [app.fake.token])
    home_b = app.fake.home(BRAVO_CTRL)
    assert home_b is not None and "Bravo Co" in str(home_b)

    uninstall(app, TEAM_B)
    # A change in the books refreshes every open Home: the first workspace's, not Bravo's.
    command(app, "3 units SKU-7 broken at $9", TEAM_ID, CHANNEL)
    wait_until(lambda: len(published(CONTROLLER)) == 2)
    wait_until(lambda: f"no token for {BRAVO_CTRL}'s workspace" in caplog.text)
    assert published(BRAVO_CTRL) == [token_b]


def test_writeoff_jobs_run_speaks_for_a_company_with_its_workspace_token(
    served: RunningApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = served
    token_b = install(app, TEAM_B)
    monkeypatch.chdir(tmp_path)  # no developer .env
    monkeypatch.setenv("DATABASE_URL", app.books.settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", app.fake.token)
    monkeypatch.setenv("SLACK_API_URL", app.fake.api_url)
    run = ["--company", "bravo-co", "jobs", "run", "month-end"]
    done = CliRunner().invoke(cli, run)
    assert done.exit_code == 0, done.output
    assert sent_to(app, REMIND_B) == [token_b]
    uninstall(app, TEAM_B)
    done = CliRunner().invoke(cli, run)
    assert done.exit_code == 0, done.output
    assert sent_to(app, REMIND_B) == [token_b]  # nothing with anyone's token
