"""QuickBooks with several companies: the OAuth state carries the company, so a callback
for one company never stores tokens on another, and one realm keeps one company's books."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from bot.services.books import open_books
from bot.services.companies import Directory
from bot.services.quickbooks import QuickBooks
from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.posting import post_draft
from qbo.connection import StateError
from qbo.models import AccountMapping, QboConnection
from tests.fakes.qbo_api import REALM_ID
from tests.ledger.factories import make_draft
from tests.qbo.conftest import MAX, QboWorld


def _state(url: str) -> str:
    return parse_qs(urlparse(url).query)["state"][0]


def second_company(world: QboWorld) -> QuickBooks:
    Directory(world.books.settings, world.books.engine).add("Beta Ltd", "U0CTRL")
    beta = open_books(world.books.settings, migrate=False, company="beta-ltd")
    return QuickBooks(beta, sleep=lambda _s: None)


def connections(world: QboWorld) -> dict[int, str]:
    with session_scope(world.books.engine) as s:
        return {c.company_id: c.realm_id for c in s.exec(select(QboConnection))}


def test_the_callback_stores_tokens_on_the_company_that_asked(world: QboWorld) -> None:
    beta = second_company(world)
    url = beta.connect_url(actor="U0CTRL")
    # The callback reaches the service built for the first company (the web server's).
    conn, mapping = world.qb.complete(_state(url), world.fake.issue_code(), REALM_ID)
    assert conn.company_id == beta.books.company_id
    assert connections(world) == {beta.books.company_id: REALM_ID}
    assert mapping is not None  # Beta's chart was mapped, not the first company's
    with session_scope(world.books.engine) as s:
        mapped = {m.company_id for m in s.exec(select(AccountMapping))}
        assert mapped == {beta.books.company_id}
        assert verify_chain(s, beta.books.company_id).ok
    assert world.qb.status().connected is False
    assert beta.status().connected is True
    beta.http.close()


def test_one_realm_keeps_one_companys_books(world: QboWorld) -> None:
    world.connect()  # the first company is linked to REALM_ID
    beta = second_company(world)
    url = beta.connect_url(actor="U0CTRL")
    with pytest.raises(StateError, match="already linked to another company's books"):
        beta.complete(_state(url), world.fake.issue_code(), REALM_ID)
    assert connections(world) == {world.books.company_id: REALM_ID}
    beta.http.close()


def test_a_sync_pass_pushes_only_its_own_companys_entries(world: QboWorld) -> None:
    beta = second_company(world)
    url = beta.connect_url(actor="U0CTRL")
    beta.complete(_state(url), world.fake.issue_code(), REALM_ID)  # only Beta is connected
    with session_scope(world.books.engine) as s:
        for books, cost in ((world.books, "10"), (beta.books, "100")):
            post_draft(
                s,
                books.company_id,
                make_draft(qty="2", cost=cost),
                actor="U1",
                approver="U2",
                entry_date=date.today(),
                max_amount=MAX,
            )
    assert world.qb.sync().claimed == 0  # the first company is not connected: nothing sent
    report = beta.sync()
    assert report.claimed == 1
    pushed = world.fake.journal_entries()
    assert [e["DocNumber"] for e in pushed] == ["WOB-JE-000001"]  # Beta's, numbered alone
    assert {line["Amount"] for e in pushed for line in e["Line"]} == {200.0}
    beta.http.close()


def test_cli_connect_url_for_a_named_company(
    world: QboWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot.cli import app

    beta = second_company(world)
    settings = world.books.settings
    env = {
        "DATABASE_URL": settings.database_url,
        "QBO_CLIENT_ID": settings.qbo_client_id,
        "QBO_CLIENT_SECRET": settings.qbo_client_secret.get_secret_value(),  # type: ignore[union-attr]
        "QBO_API_URL": settings.qbo_api_url,
        "QBO_TOKEN_URL": settings.qbo_token_url,
        "QBO_AUTH_URL": settings.qbo_auth_url,
        "QBO_REVOKE_URL": settings.qbo_revoke_url,
        "QBO_REDIRECT_URI": settings.qbo_redirect_uri,
        "WRITEOFF_SECRET_KEY": settings.writeoff_secret_key.get_secret_value(),  # type: ignore[union-attr]
    }
    monkeypatch.chdir(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, str(v))
    runner = CliRunner()
    r = runner.invoke(app, ["qbo", "connect-url"])
    assert r.exit_code == 2 and "--company" in r.stderr and "beta-ltd" in r.stderr
    url = runner.invoke(app, ["qbo", "connect-url", "--company", "beta-ltd"]).output
    state = _state(url.strip().splitlines()[-1])
    world.qb.complete(state, world.fake.issue_code(), REALM_ID)  # the web server's service
    beta_status = json.loads(
        runner.invoke(app, ["qbo", "status", "--json", "--company", "Beta Ltd"]).output
    )
    first_status = json.loads(
        runner.invoke(app, ["--company", "default", "qbo", "status", "--json"]).output
    )
    assert beta_status["connected"] and not first_status["connected"]
    # Key rotation is about every company's tokens: no --company needed.
    rotated = runner.invoke(app, ["qbo", "rotate-key"])
    assert rotated.exit_code == 0 and "re-encrypted 1" in rotated.output
    beta.http.close()
