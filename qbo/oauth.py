"""Intuit OAuth 2.0 (authorization code grant) for QuickBooks Online.

Plain functions over an injected httpx.Client: the consent URL, code exchange, refresh (Intuit
ROTATES refresh tokens: persist the new one before using the access token) and revoke.
Tokens and the client secret never appear in reprs, messages or logs. Refreshing under a
per-company lock is the caller's job (see qbo.connection.DbTokenSource).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from qbo.errors import InvalidGrant, QboError, QboTransportError, error_from_response

SCOPE = "com.intuit.quickbooks.accounting"
API_URLS = {
    "sandbox": "https://sandbox-quickbooks.api.intuit.com",
    "production": "https://quickbooks.api.intuit.com",
}
AUTH_URL = "https://appcenter.intuit.com/connect/oauth2"
TOKEN_URL = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"
REVOKE_URL = "https://developer.api.intuit.com/v2/oauth2/tokens/revoke"
REVOKE_PATH = urlsplit(REVOKE_URL).path
# Intuit asks clients to read the endpoints above from its discovery documents; the
# constants stay as today's values, used when the document cannot be read.
DISCOVERY_URLS = {
    "sandbox": "https://developer.api.intuit.com/.well-known/openid_sandbox_configuration",
    "production": "https://developer.api.intuit.com/.well-known/openid_configuration",
}
DISCOVERY_TTL = 24 * 3600.0  # seconds a document read is trusted
DISCOVERY_RETRY = 600.0  # after a failed read, the fallback is used this long before asking again
log = logging.getLogger(__name__)
# Intuit's documented lifetimes, used only when an answer leaves them out.
DEFAULT_ACCESS_SECONDS = 3600
DEFAULT_REFRESH_SECONDS = 100 * 24 * 3600


@dataclass(frozen=True)
class OAuthConfig:
    client_id: str
    client_secret: str = field(repr=False)
    redirect_uri: str
    auth_url: str = AUTH_URL
    token_url: str = TOKEN_URL
    revoke_url: str = REVOKE_URL


def endpoints(
    environment: str,
    api_url: str | None = None,
    auth_url: str | None = None,
    token_url: str | None = None,
    revoke_url: str | None = None,
) -> tuple[str, str, str, str]:
    """(api_base, auth_url, token_url, revoke_url) for "sandbox" or "production".

    Overrides win. When token_url is overridden and revoke_url is not, revoke goes to the
    same host (Intuit's path): a local or test token server never sends tokens to Intuit.
    """
    env = environment.strip().lower()
    if env not in API_URLS:
        raise ValueError(f"QuickBooks environment must be sandbox or production: {environment!r}")
    api = (api_url or API_URLS[env]).rstrip("/")
    token = token_url or TOKEN_URL
    if revoke_url is None:
        if token_url:
            parts = urlsplit(token_url)
            revoke_url = f"{parts.scheme}://{parts.netloc}{REVOKE_PATH}"
        else:
            revoke_url = REVOKE_URL
    return api, auth_url or AUTH_URL, token, revoke_url


def authorization_url(cfg: OAuthConfig, state: str) -> str:
    """The consent page a person opens; the callback gets code, state and realmId."""
    query = urlencode(
        {
            "client_id": cfg.client_id,
            "response_type": "code",
            "scope": SCOPE,
            "redirect_uri": cfg.redirect_uri,
            "state": state,
        }
    )
    sep = "&" if "?" in cfg.auth_url else "?"
    return f"{cfg.auth_url}{sep}{query}"


@dataclass(frozen=True)
class TokenSet:
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_in: int
    refresh_expires_in: int  # from x_refresh_token_expires_in
    obtained_at: datetime  # UTC

    @property
    def access_expires_at(self) -> datetime:
        return self.obtained_at + timedelta(seconds=self.expires_in)

    @property
    def refresh_expires_at(self) -> datetime:
        return self.obtained_at + timedelta(seconds=self.refresh_expires_in)

    @classmethod
    def from_response(cls, data: dict[str, Any], obtained_at: datetime | None = None) -> TokenSet:
        access, refresh = data.get("access_token"), data.get("refresh_token")
        if not isinstance(access, str) or not isinstance(refresh, str) or not access or not refresh:
            raise QboError("the QuickBooks token answer has no access or refresh token")
        return cls(
            access_token=access,
            refresh_token=refresh,
            expires_in=int(data.get("expires_in") or DEFAULT_ACCESS_SECONDS),
            refresh_expires_in=int(
                data.get("x_refresh_token_expires_in") or DEFAULT_REFRESH_SECONDS
            ),
            obtained_at=obtained_at or datetime.now(UTC),
        )


def _post(http: httpx.Client, cfg: OAuthConfig, url: str, **kwargs: Any) -> httpx.Response:
    try:
        return http.post(
            url,
            auth=httpx.BasicAuth(cfg.client_id, cfg.client_secret),
            headers={"Accept": "application/json"},
            **kwargs,
        )
    except httpx.TransportError as exc:
        # Not sent (connect failed) vs. maybe handled: a lost refresh answer may have rotated
        # the refresh token, which the caller should know.
        unknown = not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
        raise QboTransportError(
            f"Intuit's token service could not be reached: {type(exc).__name__}",
            outcome_unknown=unknown,
        ) from None


def _token_call(http: httpx.Client, cfg: OAuthConfig, form: dict[str, str]) -> TokenSet:
    resp = _post(http, cfg, cfg.token_url, data=form)
    tid = resp.headers.get("intuit_tid")  # Intuit's support asks for it
    if resp.status_code == 200:
        try:
            data = resp.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            # Intuit may have rotated the refresh token all the same.
            raise QboError(
                "the QuickBooks token answer is not a JSON object",
                status=200,
                retryable=True,
                outcome_unknown=True,
                tid=tid,
            )
        try:
            return TokenSet.from_response(data)
        except QboError as exc:
            exc.tid = exc.tid or tid
            raise
    err = error_from_response(resp.status_code, resp.headers, resp.content)
    if err.code == "invalid_grant":
        raise InvalidGrant(
            "Intuit refused the grant (code or refresh token revoked, expired or already used)",
            status=resp.status_code,
            code="invalid_grant",
            tid=err.tid,
        )
    raise err


def exchange_code(http: httpx.Client, cfg: OAuthConfig, code: str) -> TokenSet:
    """The callback's single-use code -> tokens."""
    return _token_call(
        http,
        cfg,
        {"grant_type": "authorization_code", "code": code, "redirect_uri": cfg.redirect_uri},
    )


def refresh_tokens(http: httpx.Client, cfg: OAuthConfig, refresh_token: str) -> TokenSet:
    """A new access token and (rotated) refresh token; the old refresh token dies."""
    return _token_call(http, cfg, {"grant_type": "refresh_token", "refresh_token": refresh_token})


def revoke(http: httpx.Client, cfg: OAuthConfig, token: str) -> None:
    """Revoke a refresh (or access) token: QuickBooks forgets the connection."""
    resp = _post(http, cfg, cfg.revoke_url, json={"token": token})
    if resp.status_code >= 300:
        raise error_from_response(resp.status_code, resp.headers, resp.content)


@dataclass(frozen=True)
class Endpoints:
    auth_url: str
    token_url: str
    revoke_url: str
    source: str  # "discovery" or "fallback"


FALLBACK_ENDPOINTS = Endpoints(AUTH_URL, TOKEN_URL, REVOKE_URL, "fallback")


class Discovery:
    """Intuit's OAuth endpoints from its discovery document, cached per URL.

    A document read is trusted DISCOVERY_TTL; when it cannot be read (Intuit down, a proxy,
    no network), today's values are used and the document is asked for again after
    DISCOVERY_RETRY, so connecting never fails only because discovery did."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, Endpoints]] = {}

    def endpoints(self, http: httpx.Client, url: str) -> Endpoints:
        with self._lock:
            hit = self._cache.get(url)
            if hit is not None and hit[0] > self._clock():
                return hit[1]
        found = _read_discovery(http, url)
        ttl = DISCOVERY_TTL if found is not None else DISCOVERY_RETRY
        result = found or FALLBACK_ENDPOINTS
        with self._lock:
            self._cache[url] = (self._clock() + ttl, result)
        return result

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


def _read_discovery(http: httpx.Client, url: str) -> Endpoints | None:
    try:
        resp = http.get(url, headers={"Accept": "application/json"}, timeout=5.0)
        data = resp.json() if resp.status_code == 200 else None
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("Intuit's discovery document %s could not be read (%s)", url, exc)
        return None
    if not isinstance(data, dict):
        log.warning("Intuit's discovery document %s answered %s", url, resp.status_code)
        return None
    scheme = urlsplit(url).scheme
    values = [
        data.get(k) for k in ("authorization_endpoint", "token_endpoint", "revocation_endpoint")
    ]
    # Tokens go to these addresses: only absolute URLs, https unless the document itself
    # came over plain http (a local test server).
    ok = all(
        isinstance(v, str) and urlsplit(v).scheme in ("https", scheme) and urlsplit(v).netloc
        for v in values
    )
    if not ok:
        log.warning("Intuit's discovery document %s lacks usable endpoints", url)
        return None
    auth, token, revoke_at = (str(v) for v in values)
    return Endpoints(auth, token, revoke_at, "discovery")


DISCOVERY = Discovery()
