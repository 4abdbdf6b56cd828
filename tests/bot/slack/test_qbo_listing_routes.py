"""The connect/reconnect and disconnect URLs Intuit requires of listed apps, served by
`writeoff serve` beside the Slack events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from tests.bot.conftest import RunningApp, start_app
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.fakes.slack_api import FakeSlack
from tests.qbo.conftest import SECRET_KEY


@pytest.fixture
def app(tmp_path: Path, fake_slack: FakeSlack, fake_qbo: FakeQbo) -> Iterator[RunningApp]:
    fake_qbo.new_company()
    yield from start_app(
        tmp_path,
        fake_slack,
        **fake_qbo.app_env(),
        WRITEOFF_SECRET_KEY=SECRET_KEY,
    )


def web_connect(app: RunningApp, fake: FakeQbo, path: str, realm: str = REALM_ID) -> httpx.Response:
    """A browser opening the connect URL, consenting, and coming back to the callback."""
    start = httpx.get(f"{app.url}{path}", follow_redirects=False)
    assert start.status_code == 302
    consent = start.headers["location"]
    assert consent.startswith(fake.auth_url + "?")
    state = parse_qs(urlparse(consent).query)["state"][0]
    return httpx.get(
        f"{app.url}/qbo/callback",
        params={"state": state, "code": fake.issue_code(realm), "realmId": realm},
    )


def test_connect_from_the_listing_then_reconnect_the_same_company(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    first = web_connect(app, fake_qbo, "/qbo/connect")
    assert first.status_code == 200 and "connected" in first.text.lower()
    assert app.deps.quickbooks.status().connected
    again = web_connect(app, fake_qbo, "/qbo/reconnect")
    assert again.status_code == 200
    assert app.deps.quickbooks.status().realm_id == REALM_ID


def test_the_public_url_cannot_switch_to_another_company(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    web_connect(app, fake_qbo, "/qbo/connect")
    other = web_connect(app, fake_qbo, "/qbo/connect", realm="4620816365000000999")
    assert other.status_code == 400 and "another QuickBooks company" in other.text
    assert app.deps.quickbooks.status().realm_id == REALM_ID  # unchanged


def test_disconnect_page_checks_with_quickbooks(app: RunningApp, fake_qbo: FakeQbo) -> None:
    web_connect(app, fake_qbo, "/qbo/connect")
    still = httpx.get(f"{app.url}/qbo/disconnect")
    assert still.status_code == 200 and "still connected" in still.text
    # Someone disconnects the app inside QuickBooks: Intuit revokes the tokens and sends
    # the browser to our disconnect URL.
    fake_qbo.revoke_all()
    fake_qbo.expire_access_tokens()
    gone = httpx.get(f"{app.url}/qbo/disconnect")
    assert gone.status_code == 200 and "no longer sends write-offs" in gone.text
    st = app.deps.quickbooks.status()
    assert not st.connected and st.status == "broken"
