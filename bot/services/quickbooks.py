"""The QuickBooks service: connect, map accounts, sync and status, wired to the settings and
the books. Slack and the command line both call it."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
from sqlmodel import col, select

from bot.services import qbo_setup
from bot.services.books import Books
from bot.services.display import QboStatus
from ledger.audit import record
from ledger.db import session_scope
from ledger.models import OutboxItem, OutboxStatus, utcnow
from qbo import webhooks
from qbo.client import QboClient
from qbo.company import load_settings
from qbo.connection import (
    REFRESH_WARNING,
    ConnectionBroken,
    DbTokenSource,
    NotConnected,
    QboConfig,
    complete_connect,
    disconnect,
    get_connection,
    rotate_tokens,
    start_connect,
)
from qbo.crypto import SecretKeyError, TokenCipher
from qbo.drift import Drift, cdc_pass, drifted, run_drift
from qbo.errors import QboError
from qbo.inventory import ItemMatch, differences
from qbo.limits import SharedRateLimiter
from qbo.mapping import MappingResult, mapping_table, set_manual
from qbo.models import ConnectionStatus, OAuthState, QboConnection
from qbo.oauth import DISCOVERY, DISCOVERY_URLS, OAuthConfig, endpoints
from qbo.sync import ConnectionProblem, QboSyncState, SyncReport, requeue, run_sync

log = logging.getLogger(__name__)


class NotConfigured(RuntimeError):
    pass


class QuickBooks:
    def __init__(
        self,
        books: Books,
        http: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        throttle_wait: float = 60.0,
    ) -> None:
        self.books = books
        self.settings = books.settings
        self.http = http or httpx.Client(timeout=httpx.Timeout(30.0, connect=10.0))
        self.sleep = sleep
        self.throttle_wait = throttle_wait
        self._limiters: dict[str, SharedRateLimiter] = {}

    # -- configuration ---------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return bool(self.settings.qbo_client_id and self.settings.qbo_client_secret)

    def config(self) -> QboConfig:
        st = self.settings
        if not self.configured:
            raise NotConfigured(
                "QuickBooks is not configured: set QBO_CLIENT_ID and QBO_CLIENT_SECRET (from the "
                "Intuit developer portal, see the README) and QBO_REDIRECT_URI"
            )
        api, auth, token, revoke_url = endpoints(
            st.qbo_environment, st.qbo_api_url, st.qbo_auth_url, st.qbo_token_url
        )
        if not (st.qbo_auth_url and st.qbo_token_url):
            # Intuit's endpoints from its discovery document (cached; today's values when it
            # cannot be read). Explicit settings still win.
            url = st.qbo_discovery_url or DISCOVERY_URLS[st.qbo_environment.strip().lower()]
            found = DISCOVERY.endpoints(self.http, url)
            auth = st.qbo_auth_url or found.auth_url
            if not st.qbo_token_url:
                token, revoke_url = found.token_url, found.revoke_url
        oauth = OAuthConfig(
            client_id=st.qbo_client_id or "",
            client_secret=st.qbo_client_secret.get_secret_value() if st.qbo_client_secret else "",
            redirect_uri=st.qbo_redirect_uri,
            auth_url=auth,
            token_url=token,
            revoke_url=st.qbo_revoke_url or revoke_url,
        )
        return QboConfig(oauth=oauth, api_base=api, environment=st.qbo_environment)

    def cipher(self) -> TokenCipher:
        key = self.settings.writeoff_secret_key
        return TokenCipher(key.get_secret_value() if key else None)

    # -- connecting ------------------------------------------------------------------------

    def connect_url(self, actor: str) -> str:
        cfg = self.config()
        self.cipher()  # refuse to start a flow whose tokens could not be stored
        with session_scope(self.books.engine) as s:
            return start_connect(s, self.books.company_id, cfg, actor)

    def complete(
        self, state: str, code: str, realm_id: str
    ) -> tuple[QboConnection, MappingResult | None]:
        conn = complete_connect(
            self.books.engine, state, code, realm_id, self.config(), self.cipher(), self.http
        )
        if conn.company_id != self.books.company_id:
            # The state said whose consent this was: the rest (name, mapping) is that
            # company's too, never the company this service happened to be built for.
            from bot.services.books import Resolver

            other = QuickBooks(Resolver(self.books).books(conn.company_id), http=self.http)
            return other._after_connect(conn)
        return self._after_connect(conn)

    def _after_connect(self, conn: QboConnection) -> tuple[QboConnection, MappingResult | None]:
        try:
            name = self.client().company_name()
            with session_scope(self.books.engine) as s:
                stored = get_connection(s, self.books.company_id)
                if stored is not None and name:
                    stored.company_name = name[:200]
                    s.add(stored)
                    conn.company_name = stored.company_name
        except Exception:  # the name is a courtesy; the connection stands without it
            pass
        try:
            result = self.map_accounts()
        except Exception:  # the connection stands; mapping can be run again by hand
            result = None
        return conn, result

    def connected_by(self, state: str) -> str | None:
        """Who started the connect flow that `state` belonged to (a Slack user id, or
        "web" for the public connect URL)."""
        with session_scope(self.books.engine) as s:
            row = s.get(OAuthState, state) if state else None
            return row.created_by if row is not None else None

    def check_connection(self) -> QboStatus:
        """Ask QuickBooks whether the connection still works (Intuit's disconnect page, or a
        person wondering). Tokens revoked in QuickBooks show here as a broken connection."""
        try:
            self.client().company_info()
        except (ConnectionProblem, ConnectionBroken, NotConnected):
            pass  # already recorded: a refused refresh marks the connection broken
        except QboError:
            pass  # QuickBooks did not answer: the status says what is known
        return self.status()

    def connection(self) -> QboConnection | None:
        with session_scope(self.books.engine) as s:
            return get_connection(s, self.books.company_id)

    def client(self) -> QboClient:
        conn = self.connection()
        if conn is None:
            raise ConnectionProblem("QuickBooks is not connected")
        if conn.status == ConnectionStatus.BROKEN:
            raise ConnectionProblem(conn.broken_reason or "QuickBooks must be reconnected")
        cfg = self.config()
        tokens = DbTokenSource(
            self.books.engine, self.books.company_id, cfg, self.cipher(), self.http
        )
        return QboClient(
            cfg.api_base,
            conn.realm_id,
            tokens,
            http=self.http,
            limiter=self.limiter(conn.realm_id),
            throttle_wait=self.throttle_wait,
            sleep=self.sleep,
        )

    def limiter(self, realm_id: str) -> SharedRateLimiter:
        """The company's request budget, kept in the database: shared with every other
        process (replica, CLI, scheduler) pushing to the same QuickBooks company."""
        found = self._limiters.get(realm_id)
        if found is None:
            found = self._limiters[realm_id] = SharedRateLimiter(
                self.books.engine,
                realm_id,
                per_second=self.settings.writeoff_qbo_per_second,
                holder=f"pid {os.getpid()}",
            )
        return found

    # -- accounts ----------------------------------------------------------------------------

    def map_accounts(self) -> MappingResult:
        """Read the company (CompanyInfo, Preferences) and its chart; apply the safe matches
        (number, exact name, unambiguous type) and return the proposals (close names)."""
        return qbo_setup.map_accounts(self)

    def map_items(self) -> tuple[list[ItemMatch], list[str]]:
        """SKUs to QuickBooks Items (by Sku, then Name): (matches, unmapped SKUs)."""
        return qbo_setup.map_items(self)

    def map_one(self, code: str, qbo_id: str, actor: str) -> None:
        found = [a for a in self.client().accounts() if str(a.get("Id")) == qbo_id]
        if not found:
            raise ValueError(f"QuickBooks has no account with Id {qbo_id}")
        with session_scope(self.books.engine) as s:
            set_manual(s, self.books.company_id, code, found[0])
            record(
                s,
                self.books.company_id,
                "qbo_account_mapped",
                actor,
                details={"code": code, "qbo_id": qbo_id},
            )

    def accounts(self) -> list[dict[str, Any]]:
        with session_scope(self.books.engine) as s:
            return mapping_table(s, self.books.company_id)

    # -- sync ----------------------------------------------------------------------------------

    def sync(
        self,
        entry_ids: list[int] | None = None,
        now: datetime | None = None,
        worker: str = "sync",
        first: list[int] | None = None,
    ) -> SyncReport:
        conn = self.connection()
        if conn is None or not self.configured:
            report = SyncReport()
            report.connection_problem = "QuickBooks is not connected"
            return report
        try:
            qbo_setup.map_new_skus(self)
        except (ConnectionProblem, QboError, NotConfigured, SecretKeyError) as exc:
            # The push itself says what is wrong; an unmapped SKU is held, never guessed.
            log.warning("SKUs not looked up before the push: %s", exc)
        report = run_sync(
            self.books.engine,
            self.books.company_id,
            conn.realm_id,
            self.client,
            worker=worker,
            now=now,
            entry_ids=entry_ids,
            ledger_currency=self.settings.policy.currency,
            doc_prefix=self.settings.writeoff_qbo_doc_prefix,
            first=first or (),
        )
        report.value_differences = differences(self.books.engine, report.synced)
        return report

    # -- drift ---------------------------------------------------------------------------------

    def receive_webhook(self, raw: bytes, signature: str | None) -> int | None:
        """A delivery to POST /qbo/webhooks: None when the signature does not verify
        (nothing recorded), else how many changes were new (a redelivery adds none)."""
        verifier = self.settings.qbo_webhook_verifier
        if verifier is None or not webhooks.verify(raw, signature, verifier.get_secret_value()):
            return None
        return webhooks.queue(self.books.engine, webhooks.parse(raw), "webhook")

    def drift(self, now: datetime | None = None, cdc: bool = True) -> list[Drift]:
        """Work queued changes (webhooks), after a Change Data Capture pass when `cdc`:
        the fallback for deliveries never set up or missed. Returns new drifts, once each."""
        now = now or utcnow()
        conn = self.connection()
        if conn is None or conn.status != ConnectionStatus.CONNECTED or not self.configured:
            return []
        if cdc:
            try:
                with self.client() as client:
                    cdc_pass(self.books.engine, self.books.company_id, conn.realm_id, client, now)
            except QboError as exc:  # the queue is still worth working; CDC tries next time
                log.warning("Change Data Capture pass failed: %s", exc.plain_words())
        return run_drift(self.books.engine, self.books.company_id, conn.realm_id, self.client, now)

    def drifted(self) -> list[tuple[str, str, str | None, str | None, str]]:
        return drifted(self.books.engine, self.books.company_id)

    def rotate_key(self, actor: str) -> int:
        """Re-encrypt every stored token with the newest WRITEOFF_SECRET_KEY (audited)."""
        return rotate_tokens(self.books.engine, self.cipher(), actor)

    def requeue(self, entry_id: int) -> bool:
        """A person's Retry: a failed or held push goes back to the queue, due now."""
        return requeue(self.books.engine, self.books.company_id, entry_id)

    def status(self) -> QboStatus:
        with session_scope(self.books.engine) as s:
            conn = get_connection(s, self.books.company_id)
            counts: dict[str, int] = {}
            for item in s.exec(
                select(OutboxItem).where(
                    OutboxItem.company_id == self.books.company_id,
                    col(OutboxItem.status) != OutboxStatus.SYNCED,
                )
            ):
                counts[item.status] = counts.get(item.status, 0) + 1
            table = mapping_table(s, self.books.company_id)
            company = load_settings(s, self.books.company_id)
        return QboStatus(
            configured=self.configured,
            connected=bool(conn and conn.status == ConnectionStatus.CONNECTED),
            status=conn.status if conn else QboSyncState.NOT_CONNECTED,
            realm_id=conn.realm_id if conn else None,
            company_name=conn.company_name if conn else None,
            refresh_token_expires_at=conn.refresh_expires_at.isoformat() if conn else None,
            refresh_token_expires_soon=bool(
                conn and conn.refresh_expires_at - REFRESH_WARNING < utcnow()
            ),
            broken_reason=conn.broken_reason if conn else None,
            mapped_accounts=sum(1 for r in table if r["qbo_id"]),
            unmapped_accounts=tuple(r["code"] for r in table if not r["qbo_id"]),
            queue=counts,
            country=company.country if company else None,
            account_numbers=company.use_account_numbers if company else None,
            quantity_tracking=company.track_quantity if company else None,
            multicurrency=company.multicurrency if company else None,
        )

    def disconnect(self, actor: str) -> bool:
        return disconnect(
            self.books.engine, self.books.company_id, self.config(), self.cipher(), self.http, actor
        )
