"""Intuit OAuth 2.0 against the fake token server: consent URL, code exchange, rotation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from qbo.errors import (
    InvalidGrant,
    QboAuthError,
    QboError,
    QboServerError,
    QboTransportError,
)
from qbo.oauth import (
    AUTH_URL,
    REVOKE_URL,
    TOKEN_URL,
    OAuthConfig,
    TokenSet,
    authorization_url,
    endpoints,
    exchange_code,
    refresh_tokens,
    revoke,
)
from tests.fakes.qbo_api import FakeQbo, fake_qbo_fixture  # noqa: F401


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as client:
        yield client


def test_endpoints_for_intuit_environments() -> None:
    assert endpoints("sandbox", None, None, None) == (
        "https://sandbox-quickbooks.api.intuit.com",
        AUTH_URL,
        TOKEN_URL,
        REVOKE_URL,
    )
    assert endpoints("production", None, None, None)[0] == "https://quickbooks.api.intuit.com"
    assert AUTH_URL == "https://appcenter.intuit.com/connect/oauth2"
    assert TOKEN_URL == "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"
    assert REVOKE_URL == "https://developer.api.intuit.com/v2/oauth2/tokens/revoke"
    with pytest.raises(ValueError):
        endpoints("staging", None, None, None)


def test_endpoint_overrides_keep_tokens_local() -> None:
    api, auth, token, rev = endpoints(
        "sandbox",
        "http://127.0.0.1:9/",
        "http://127.0.0.1:9/a",
        "http://127.0.0.1:9/oauth2/v1/tokens/bearer",
    )
    assert (api, auth) == ("http://127.0.0.1:9", "http://127.0.0.1:9/a")
    assert token == "http://127.0.0.1:9/oauth2/v1/tokens/bearer"
    assert rev == "http://127.0.0.1:9/v2/oauth2/tokens/revoke"


def test_authorization_url() -> None:
    cfg = OAuthConfig("cid", "secret", "https://bot.example/qbo/callback?x=1")
    url = authorization_url(cfg, "st@te/1")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == AUTH_URL
    assert parse_qs(parts.query) == {
        "client_id": ["cid"],
        "response_type": ["code"],
        "scope": ["com.intuit.quickbooks.accounting"],
        "redirect_uri": ["https://bot.example/qbo/callback?x=1"],
        "state": ["st@te/1"],
    }
    assert "secret" not in url
    assert "secret" not in repr(cfg)


def test_authorization_page_of_the_fake(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    resp = http.get(authorization_url(fake_qbo.oauth_config(), "s1"))
    assert resp.status_code == 200
    assert fake_qbo.requests[-1].kind == "authorize"
    assert fake_qbo.requests[-1].params["state"] == "s1"


def test_exchange_code(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    cfg = fake_qbo.oauth_config()
    before = datetime.now(UTC)
    tokens = exchange_code(http, cfg, fake_qbo.issue_code())
    assert tokens.access_token and tokens.refresh_token
    assert (tokens.expires_in, tokens.refresh_expires_in) == (3600, 8726400)
    assert before <= tokens.obtained_at <= datetime.now(UTC)
    assert tokens.access_expires_at == tokens.obtained_at + timedelta(hours=1)
    assert tokens.refresh_expires_at == tokens.obtained_at + timedelta(seconds=8726400)
    assert tokens.access_token not in repr(tokens) and tokens.refresh_token not in repr(tokens)
    req = fake_qbo.requests[-1]
    assert req.body == {
        "grant_type": "authorization_code",
        "code": req.body["code"],
        "redirect_uri": fake_qbo.redirect_uri,
    }
    assert req.headers["Authorization"].startswith("Basic ")
    assert req.headers["Accept"] == "application/json"
    assert req.headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_codes_are_single_use(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    cfg = fake_qbo.oauth_config()
    code = fake_qbo.issue_code()
    exchange_code(http, cfg, code)
    with pytest.raises(InvalidGrant) as caught:
        exchange_code(http, cfg, code)
    assert caught.value.status == 400 and not caught.value.retryable
    assert "reconnect" in caught.value.plain_words()


def test_unknown_code_and_wrong_redirect(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    with pytest.raises(InvalidGrant):
        exchange_code(http, fake_qbo.oauth_config(), "no-such-code")
    other = fake_qbo.oauth_config(redirect_uri="https://elsewhere.example/cb")
    with pytest.raises(InvalidGrant):
        exchange_code(http, other, fake_qbo.issue_code())


def test_wrong_client_secret(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    cfg = fake_qbo.oauth_config(client_secret="wrong")
    with pytest.raises(QboAuthError) as caught:
        exchange_code(http, cfg, fake_qbo.issue_code())
    assert not isinstance(caught.value, InvalidGrant)
    assert caught.value.status == 401 and caught.value.code == "invalid_client"
    assert "wrong" not in str(caught.value)


def test_refresh_rotates(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    cfg = fake_qbo.oauth_config()
    first = exchange_code(http, cfg, fake_qbo.issue_code())
    second = refresh_tokens(http, cfg, first.refresh_token)
    assert second.refresh_token != first.refresh_token
    assert second.access_token != first.access_token
    assert fake_qbo.requests[-1].body["grant_type"] == "refresh_token"
    with pytest.raises(InvalidGrant):  # the old refresh token died with the rotation
        refresh_tokens(http, cfg, first.refresh_token)
    third = refresh_tokens(http, cfg, second.refresh_token)
    assert fake_qbo.valid_refresh_tokens() == [third.refresh_token]
    assert fake_qbo.refreshes == 2


def test_revoked_connection_refuses_refresh(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    cfg = fake_qbo.oauth_config()
    tokens = exchange_code(http, cfg, fake_qbo.issue_code())
    fake_qbo.revoke_all()
    with pytest.raises(InvalidGrant):
        refresh_tokens(http, cfg, tokens.refresh_token)


def test_revoke(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    cfg = fake_qbo.oauth_config()
    tokens = exchange_code(http, cfg, fake_qbo.issue_code())
    revoke(http, cfg, tokens.refresh_token)
    req = fake_qbo.requests[-1]
    assert req.kind == "revoke" and req.body == {"token": tokens.refresh_token}
    assert req.headers["Authorization"].startswith("Basic ")
    with pytest.raises(InvalidGrant):
        refresh_tokens(http, cfg, tokens.refresh_token)
    resp = http.get(
        f"{fake_qbo.api_base}/v3/company/{fake_qbo.realm_id}/query",
        params={"query": "select * from Account"},
        headers={"Authorization": f"Bearer {tokens.access_token}"},
    )
    assert resp.status_code == 401


def test_token_endpoint_outage(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    fake_qbo.fail_next("token", "html_503")
    with pytest.raises(QboServerError):
        exchange_code(http, fake_qbo.oauth_config(), fake_qbo.issue_code())


def test_token_endpoint_unreachable(http: httpx.Client) -> None:
    cfg = OAuthConfig("cid", "secret", "https://x/cb", token_url="http://127.0.0.1:1/t")
    with pytest.raises(QboTransportError) as caught:
        refresh_tokens(http, cfg, "rt")
    assert not caught.value.outcome_unknown  # nothing was sent: the refresh token still lives


def test_token_set_defaults() -> None:
    ts = TokenSet.from_response({"access_token": "a", "refresh_token": "r"})
    assert ts.expires_in == 3600 and ts.refresh_expires_in == 100 * 24 * 3600


def test_token_faults_carry_intuit_tid(fake_qbo: FakeQbo, http: httpx.Client) -> None:
    with pytest.raises(InvalidGrant) as refused:
        refresh_tokens(http, fake_qbo.oauth_config(), "fake-rt-unknown")
    fake_qbo.fail_next("token", "html_503")
    with pytest.raises(QboServerError) as down:
        exchange_code(http, fake_qbo.oauth_config(), fake_qbo.issue_code())
    sent = [r.tid for r in fake_qbo.requests if r.kind == "token"]
    assert len(sent) == 2 and all(sent)
    assert (refused.value.tid, down.value.tid) == tuple(sent)


@pytest.mark.parametrize("body", [b"[]", b"{}", b"not json"])
def test_unreadable_token_answer_carries_intuit_tid(body: bytes) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"intuit_tid": "1-tok"})

    cfg = OAuthConfig("cid", "secret", "https://x/cb", token_url="https://oauth.test/t")
    with (
        httpx.Client(transport=httpx.MockTransport(answer)) as mock,
        pytest.raises(QboError) as caught,
    ):
        refresh_tokens(mock, cfg, "fake-rt-x")
    assert caught.value.tid == "1-tok" and caught.value.outcome_unknown == (body != b"{}")
