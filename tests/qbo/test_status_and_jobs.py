from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.services.jobs import JobContext, qbo_token_check_job
from bot.slack.chat import SlackChat
from ledger.db import session_scope
from ledger.models import utcnow
from qbo.models import QboConnection
from tests.fakes.qbo_api import FakeQbo
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_api import fake_slack_fixture as fake_slack_fixture
from tests.qbo.conftest import QboWorld, make_world


@pytest.fixture
def alerting(tmp_path: Path, fake_qbo: FakeQbo) -> Iterator[QboWorld]:
    yield from make_world(
        f"sqlite:///{tmp_path / 'b.db'}", fake_qbo, WRITEOFF_ALERT_CHANNEL="C0ALERTS"
    )


def test_expiry_warning_once_a_day_from_fourteen_days(
    alerting: QboWorld, fake_slack: FakeSlack
) -> None:
    alerting.connect()
    ctx = JobContext(alerting.books, alerting.qb, SlackChat(fake_slack.client(), alerting.books))
    assert "valid for" in qbo_token_check_job(ctx)
    with session_scope(alerting.books.engine) as s:
        conn = s.query(QboConnection).one()
        conn.refresh_expires_at = utcnow() + timedelta(days=10)
        s.add(conn)
    assert "warned" in qbo_token_check_job(ctx)
    assert "no warning" in qbo_token_check_job(ctx)  # same day: said once
    assert "warned" in qbo_token_check_job(ctx, now=utcnow() + timedelta(days=1))
    warnings = fake_slack.calls("chat.postMessage")
    assert len(warnings) == 2 and "expires in" in json.dumps(warnings[0].args["blocks"])
    assert alerting.qb.status().refresh_token_expires_soon


def test_cli_status_sync_and_accounts(
    alerting: QboWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot.cli import app

    settings = alerting.books.settings
    env = {
        "DATABASE_URL": settings.database_url,
        "QBO_CLIENT_ID": settings.qbo_client_id,
        "QBO_CLIENT_SECRET": settings.qbo_client_secret.get_secret_value(),
        "QBO_API_URL": settings.qbo_api_url,
        "QBO_TOKEN_URL": settings.qbo_token_url,
        "QBO_AUTH_URL": settings.qbo_auth_url,
        "QBO_REVOKE_URL": settings.qbo_revoke_url,
        "QBO_REDIRECT_URI": settings.qbo_redirect_uri,
        "WRITEOFF_SECRET_KEY": settings.writeoff_secret_key.get_secret_value(),
    }
    monkeypatch.chdir(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, str(v))
    runner = CliRunner()
    before = json.loads(runner.invoke(app, ["qbo", "status", "--json"]).output)
    assert before["status"] == "not_connected"
    url = runner.invoke(app, ["qbo", "connect-url"]).output
    assert "state=" in url and "com.intuit.quickbooks.accounting" in url
    alerting.connect()
    alerting.post(2)
    out = runner.invoke(app, ["sync"])
    assert out.exit_code == 0 and "2 pushed" in out.output
    entries = json.loads(runner.invoke(app, ["entries", "list", "--json"]).output)
    assert {e["quickbooks"]["status"] for e in entries} == {"synced"}
    assert all(e["quickbooks"]["id"] for e in entries)
    accounts = runner.invoke(app, ["qbo", "accounts"]).output
    assert "5400" in accounts and "UNMAPPED" in accounts
    status = json.loads(runner.invoke(app, ["qbo", "status", "--json"]).output)
    assert status["connected"] and status["unmapped_accounts"] == ["5400"]
    gone = runner.invoke(app, ["qbo", "disconnect"])
    assert "disconnected" in gone.output and alerting.qb.connection() is None


def test_cli_rotate_key_lets_the_old_key_go(
    alerting: QboWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`writeoff qbo rotate-key` with the new key first and the old one second re-encrypts
    the stored tokens; after it, the new key alone still reaches QuickBooks."""
    from bot.cli import app

    alerting.connect()
    settings = alerting.books.settings
    old = settings.writeoff_secret_key.get_secret_value()  # type: ignore[union-attr]
    new = "a-brand-new-passphrase-for-the-tokens"
    env = {
        "DATABASE_URL": settings.database_url,
        "QBO_CLIENT_ID": settings.qbo_client_id,
        "QBO_CLIENT_SECRET": settings.qbo_client_secret.get_secret_value(),  # type: ignore[union-attr]
        "QBO_API_URL": settings.qbo_api_url,
        "QBO_TOKEN_URL": settings.qbo_token_url,
        "QBO_AUTH_URL": settings.qbo_auth_url,
        "QBO_REVOKE_URL": settings.qbo_revoke_url,
        "QBO_REDIRECT_URI": settings.qbo_redirect_uri,
    }
    monkeypatch.chdir(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, str(v))
    runner = CliRunner()
    monkeypatch.setenv("WRITEOFF_SECRET_KEY", new)
    refused = runner.invoke(app, ["qbo", "rotate-key"])
    assert refused.exit_code == 2 and "WRITEOFF_SECRET_KEY" in refused.output
    assert new not in refused.output and old not in refused.output
    monkeypatch.setenv("WRITEOFF_SECRET_KEY", f"{new},{old}")
    done = runner.invoke(app, ["qbo", "rotate-key"])
    assert done.exit_code == 0 and "re-encrypted 1" in done.output, done.output
    monkeypatch.setenv("WRITEOFF_SECRET_KEY", new)
    alerting.post(1)
    synced = runner.invoke(app, ["sync"])
    assert synced.exit_code == 0 and "1 pushed" in synced.output, synced.output
