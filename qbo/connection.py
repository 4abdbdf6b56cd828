"""Connecting a company to QuickBooks: consent URL, callback, tokens kept fresh and
encrypted, status and disconnect. The refresh happens under a per-company database lock
so two processes never race a refresh-token rotation."""

from __future__ import annotations

import contextlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

import httpx
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ledger.audit import record
from ledger.db import session_scope
from ledger.models import utcnow
from qbo.crypto import TokenCipher
from qbo.errors import InvalidGrant
from qbo.models import ConnectionStatus, OAuthState, QboConnection
from qbo.oauth import (
    OAuthConfig,
    TokenSet,
    authorization_url,
    exchange_code,
    refresh_tokens,
    revoke,
)

log = logging.getLogger(__name__)

STATE_TTL = timedelta(minutes=10)
# Refresh a little before the hour is up, so a request never starts with a dying token.
ACCESS_MARGIN = timedelta(minutes=5)
REFRESH_WARNING = timedelta(days=14)


WEB_ACTOR = "web"  # a flow started from the public connect URL (Intuit's app listing)


class StateError(ValueError):
    """The callback's state is unknown, expired or used: nothing is stored."""


class NotConnected(RuntimeError):
    pass


class ConnectionBroken(RuntimeError):
    """The refresh token was refused: a person must reconnect."""


@dataclass(frozen=True)
class QboConfig:
    oauth: OAuthConfig
    api_base: str
    environment: str


def start_connect(session: Session, company_id: int, cfg: QboConfig, actor: str) -> str:
    """A fresh single-use state and the consent URL that carries it."""
    state = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        OAuthState(
            state=state,
            company_id=company_id,
            created_by=actor,
            created_at=now,
            expires_at=now + STATE_TTL,
        )
    )
    return authorization_url(cfg.oauth, state)


def consume_state(session: Session, state: str) -> OAuthState:
    """Mark the state used, or refuse it. Atomic: a replayed callback loses the race."""
    now = utcnow()
    row = session.get(OAuthState, state) if state else None
    if row is None:
        raise StateError("unknown state: start again from `writeoff qbo connect-url`")
    if row.used_at is not None:
        raise StateError("this link was already used: start again")
    if row.expires_at < now:
        raise StateError("this link has expired (10 minutes): start again")
    result = cast(
        "sa.CursorResult[Any]",
        session.execute(
            sa.update(OAuthState)
            .where(col(OAuthState.state) == state, col(OAuthState.used_at).is_(None))
            .values(used_at=now)
        ),
    )
    if result.rowcount != 1:
        raise StateError("this link was already used: start again")
    return row


def store_tokens(
    session: Session,
    company_id: int,
    realm_id: str,
    tokens: TokenSet,
    cipher: TokenCipher,
    company_name: str | None = None,
) -> QboConnection:
    conn = session.exec(select(QboConnection).where(QboConnection.company_id == company_id)).first()
    if conn is None:
        conn = QboConnection(
            company_id=company_id,
            realm_id=realm_id,
            access_token_enc="",
            refresh_token_enc="",
            access_expires_at=utcnow(),
            refresh_expires_at=utcnow(),
        )
    conn.realm_id = realm_id
    conn.company_name = company_name or conn.company_name
    conn.status = ConnectionStatus.CONNECTED
    conn.broken_reason = None
    _set_tokens(conn, tokens, cipher)
    conn.connected_at = utcnow()
    conn.refresh_warned_at = None
    session.add(conn)
    return conn


def _set_tokens(conn: QboConnection, tokens: TokenSet, cipher: TokenCipher) -> None:
    conn.access_token_enc = cipher.encrypt(tokens.access_token)
    conn.refresh_token_enc = cipher.encrypt(tokens.refresh_token)
    conn.access_expires_at = tokens.access_expires_at
    conn.refresh_expires_at = tokens.refresh_expires_at
    conn.updated_at = utcnow()


def complete_connect(
    engine: Engine,
    state: str,
    code: str,
    realm_id: str,
    cfg: QboConfig,
    cipher: TokenCipher,
    http: httpx.Client,
) -> QboConnection:
    """The callback: state checked and spent first, then the code exchanged and stored."""
    if not code or not realm_id:
        raise StateError("the callback has no code or realmId")
    with session_scope(engine) as s:
        spent = consume_state(s, state)
        company_id = spent.company_id
        linked = get_connection(s, company_id)
        if spent.created_by == WEB_ACTOR and linked is not None and linked.realm_id != realm_id:
            # Anyone can open the public connect URL: from there only the linked company
            # may be reconnected. Switching companies is an approver's decision, in Slack.
            raise StateError(
                "writeoff-bot is linked to another QuickBooks company; an approver can switch "
                "companies from Slack with /writeoff connect quickbooks"
            )
    with session_scope(engine) as s:
        _refuse_realm_of_another(s, company_id, realm_id)
    tokens = exchange_code(http, cfg.oauth, code)
    with session_scope(engine) as s:
        _refuse_realm_of_another(s, company_id, realm_id)
        conn = store_tokens(s, company_id, realm_id, tokens, cipher)
        record(s, company_id, "qbo_connected", "quickbooks", details={"realm_id": realm_id})
        return conn


def _refuse_realm_of_another(session: Session, company_id: int, realm_id: str) -> None:
    """One QuickBooks company (realm) keeps one company's books: two sets of books pushing
    into one realm would mix their entries and DocNumbers."""
    other = session.exec(
        select(QboConnection).where(
            QboConnection.realm_id == realm_id, QboConnection.company_id != company_id
        )
    ).first()
    if other is not None:
        raise StateError(
            "this QuickBooks company is already linked to another company's books; pick "
            "the QuickBooks company that belongs to these books"
        )


def get_connection(session: Session, company_id: int) -> QboConnection | None:
    return session.exec(select(QboConnection).where(QboConnection.company_id == company_id)).first()


class DbTokenSource:
    """Access tokens for QboClient, refreshed and persisted under the company's lock."""

    def __init__(
        self,
        engine: Engine,
        company_id: int,
        cfg: QboConfig,
        cipher: TokenCipher,
        http: httpx.Client,
    ) -> None:
        self.engine, self.company_id, self.cfg = engine, company_id, cfg
        self.cipher, self.http = cipher, http

    def _load(self, session: Session, lock: bool) -> QboConnection:
        stmt = select(QboConnection).where(QboConnection.company_id == self.company_id)
        if lock:
            stmt = stmt.with_for_update()
        conn = session.exec(stmt.execution_options(populate_existing=True)).first()
        if conn is None or conn.status == ConnectionStatus.DISCONNECTED:
            raise NotConnected("QuickBooks is not connected")
        if conn.status == ConnectionStatus.BROKEN:
            raise ConnectionBroken(conn.broken_reason or "QuickBooks must be reconnected")
        return conn

    def access_token(self) -> str:
        with session_scope(self.engine) as s:
            conn = self._load(s, lock=False)
            token = self.cipher.decrypt(conn.access_token_enc)
            if conn.access_expires_at - ACCESS_MARGIN > utcnow():
                return token
        return self.refresh_access_token(token)

    def refresh_access_token(self, rejected: str) -> str:
        with session_scope(self.engine) as s:
            conn = self._load(s, lock=True)
            current = self.cipher.decrypt(conn.access_token_enc)
            if current != rejected and conn.access_expires_at - ACCESS_MARGIN > utcnow():
                return current  # another worker refreshed while we waited for the lock
            try:
                tokens = refresh_tokens(
                    self.http, self.cfg.oauth, self.cipher.decrypt(conn.refresh_token_enc)
                )
            except InvalidGrant as exc:
                log.warning(
                    "QuickBooks refused the refresh token of company %s (realm %s), "
                    "intuit_tid %s: the connection is broken until someone reconnects",
                    self.company_id,
                    conn.realm_id,
                    exc.tid or "none",
                    extra={"company_id": self.company_id, "intuit_tid": exc.tid},
                )
                conn.status = ConnectionStatus.BROKEN
                conn.broken_reason = (
                    "QuickBooks refused the refresh token (revoked or "
                    "expired): reconnect QuickBooks"
                )
                conn.updated_at = utcnow()
                s.add(conn)
                record(
                    s,
                    self.company_id,
                    "qbo_connection_broken",
                    "quickbooks",
                    details={"reason": "invalid_grant"},
                )
                s.commit()
                raise ConnectionBroken(conn.broken_reason) from None
            # The rotated refresh token is committed before the new access token is used:
            # losing it would lock the company out until someone reconnects.
            _set_tokens(conn, tokens, self.cipher)
            s.add(conn)
            return tokens.access_token


def disconnect(
    engine: Engine,
    company_id: int,
    cfg: QboConfig,
    cipher: TokenCipher,
    http: httpx.Client,
    actor: str,
) -> bool:
    with session_scope(engine) as s:
        conn = get_connection(s, company_id)
        if conn is None:
            return False
        # Forgetting the tokens matters more than Intuit hearing about it.
        with contextlib.suppress(Exception):
            revoke(http, cfg.oauth, cipher.decrypt(conn.refresh_token_enc))
        s.delete(conn)
        record(s, company_id, "qbo_disconnected", actor)
    return True


def rotate_tokens(engine: Engine, cipher: TokenCipher, actor: str) -> int:
    """Re-encrypt every stored QuickBooks token under the cipher's newest key, in one
    transaction; returns how many connections were re-encrypted.

    The cipher must still read the old key(s) (WRITEOFF_SECRET_KEY=NEW,OLD). If any token
    opens with none of them, SecretKeyMismatch is raised and nothing is changed. Each
    company whose tokens were re-encrypted gets an audit event. Rows are locked (FOR UPDATE
    on PostgreSQL) so a concurrent refresh waits instead of writing over the rotation."""
    with session_scope(engine) as s:
        stmt = select(QboConnection).order_by(col(QboConnection.id)).with_for_update()
        rows = list(s.exec(stmt.execution_options(populate_existing=True)))
        rotated: dict[int, int] = {}  # company id -> tokens re-encrypted
        for conn in rows:
            changed = 0
            for name in ("access_token_enc", "refresh_token_enc"):
                token: str = getattr(conn, name)
                if token:
                    setattr(conn, name, cipher.rotate(token))
                    changed += 1
            if changed:
                conn.updated_at = utcnow()
                s.add(conn)
                rotated[conn.company_id] = rotated.get(conn.company_id, 0) + changed
        for company_id, tokens in rotated.items():
            record(
                s,
                company_id,
                "qbo_tokens_reencrypted",
                actor,
                details={"tokens": tokens, "keys_configured": cipher.key_count},
            )
        return sum(1 for conn in rows if conn.company_id in rotated)
