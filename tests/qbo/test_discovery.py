"""OAuth endpoints from Intuit's discovery document: read once and cached, today's values
when it cannot be read, explicit settings still winning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from bot.services.books import open_books
from bot.services.quickbooks import QuickBooks
from qbo.oauth import AUTH_URL, DISCOVERY, REVOKE_URL, TOKEN_URL, Discovery
from tests.conftest import migrated_sqlite_url
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.qbo.conftest import qbo_settings


@pytest.fixture
def qb(tmp_path: Path, fake_qbo: FakeQbo) -> Iterator[QuickBooks]:
    DISCOVERY.clear()
    settings = qbo_settings(
        migrated_sqlite_url(tmp_path),
        fake_qbo,
        QBO_AUTH_URL=None,
        QBO_TOKEN_URL=None,
        QBO_REVOKE_URL=None,
        QBO_DISCOVERY_URL=fake_qbo.discovery_url,
    )
    books = open_books(settings)
    service = QuickBooks(books)
    try:
        yield service
    finally:
        DISCOVERY.clear()
        service.http.close()
        books.engine.dispose()


def test_connecting_uses_the_discovered_endpoints_once(qb: QuickBooks, fake_qbo: FakeQbo) -> None:
    url = qb.connect_url(actor="U0CTRL")
    assert url.startswith(fake_qbo.auth_url + "?")
    state = parse_qs(urlparse(url).query)["state"][0]
    conn, _ = qb.complete(state, fake_qbo.issue_code(), REALM_ID)  # code exchanged there
    assert conn.realm_id == REALM_ID
    assert qb.disconnect("U0CTRL")  # revoked at the discovered revocation endpoint
    assert fake_qbo.valid_refresh_tokens() == []
    assert fake_qbo.discovery_served == 1  # cached for the rest


def test_an_unreadable_document_falls_back_to_todays_values(fake_qbo: FakeQbo) -> None:
    now = [0.0]
    discovery = Discovery(clock=lambda: now[0])
    fake_qbo.fail_next("discovery", "html_503")
    with httpx.Client() as http:
        found = discovery.endpoints(http, fake_qbo.discovery_url)
        assert (found.auth_url, found.token_url, found.revoke_url) == (
            AUTH_URL,
            TOKEN_URL,
            REVOKE_URL,
        )
        assert found.source == "fallback"
        assert discovery.endpoints(http, fake_qbo.discovery_url).source == "fallback"
        assert fake_qbo.discovery_served == 0  # not asked again at once
        now[0] += 3600  # later it is read again, and this time it answers
        assert discovery.endpoints(http, fake_qbo.discovery_url).token_url == fake_qbo.token_url


def test_settings_win_over_the_document(tmp_path: Path, fake_qbo: FakeQbo) -> None:
    DISCOVERY.clear()
    settings = qbo_settings(
        migrated_sqlite_url(tmp_path), fake_qbo, QBO_DISCOVERY_URL=fake_qbo.discovery_url
    )
    qb = QuickBooks(open_books(settings))
    try:
        assert qb.config().oauth.token_url == fake_qbo.token_url
        assert fake_qbo.discovery_served == 0  # every endpoint given: nothing to discover
    finally:
        qb.http.close()
        qb.books.engine.dispose()
