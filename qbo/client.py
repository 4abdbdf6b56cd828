"""The QuickBooks Online v3 JSON API over httpx: queries, JournalEntry create and batch.

Every request carries `Authorization: Bearer`, `Accept: application/json` and
`minorversion=75`, and goes through the company's RateLimiter.

Retry rules (inside the client):
- 401: ask the TokenSource for a fresh access token once, then resend the same request; a
  second 401 raises QboAuthError. A 401 means nothing ran, so this is safe for creates too.
- 429 / 3001: QuickBooks did not run the request: sleep `throttle_wait` (60 s: QuickBooks
  sends no Retry-After) and resend, up to `max_retries` times.
- Errors raised before anything was sent (connection refused, connect timeout) are resent
  with exponential backoff and jitter, for every request.
- GET queries are read-only, so 5xx, timeouts, dropped connections and the transient
  6000 "unexpected error" are also resent with backoff.
- POST creates and batches are NOT resent after 5xx, timeouts or dropped connections: the
  entry may already exist, and QuickBooks accepts duplicate DocNumbers. The error is raised
  with `outcome_unknown=True`; the caller must look the entries up by DocNumber
  (`find_journal_entries`) before sending them again. The `requestid` is sent as a first
  line of defence, but replay is not always honoured, so it is not relied on.
- Validation faults never retry.

Every QboError raised after QuickBooks answered carries that answer's `intuit_tid` header
(`err.tid`), batch item faults included: it is what Intuit support asks for.

Tokens are never logged or put in error messages.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Protocol
from urllib.parse import quote, urlencode

import httpx

from qbo.errors import (
    QboAuthError,
    QboError,
    QboThrottled,
    QboTransportError,
    error_from_response,
    fault_from_json,
)
from qbo.journal import dumps
from qbo.limits import Limiter, limiter_for

log = logging.getLogger(__name__)

MAX_PAGE = 1000  # QuickBooks' largest MAXRESULTS
MIN_INVENTORY_ADJUSTMENT_VERSION = 70  # InventoryAdjustment exists from minorversion 70
MAX_BATCH = 30
MAX_REQUEST_ID = 50
MAX_BATCH_REQUEST_ID = 36
MAX_BID = 10
DOC_NUMBERS_PER_QUERY = 50  # keeps the GET URL around 1.5 KB
BACKOFF_CAP = 30.0
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)

_PAGING = re.compile(r"\bstartposition\b|\bmaxresults\b", re.IGNORECASE)
# Failures where the request never left this machine: always safe to resend.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
TID_HEADER = "intuit_tid"


class TokenSource(Protocol):
    def access_token(self) -> str: ...

    def refresh_access_token(self, rejected: str) -> str:
        """A fresh access token; `rejected` is the one refused, so a refresh that another
        worker already did is not repeated (refresh tokens rotate)."""
        ...


def quote_literal(value: str) -> str:
    """A string literal for the QuickBooks query language (backslash escapes)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class QboClient:
    def __init__(
        self,
        api_base: str,
        realm_id: str,
        tokens: TokenSource,
        http: httpx.Client | None = None,
        limiter: Limiter | None = None,
        minorversion: int = 75,
        throttle_wait: float = 60.0,
        max_retries: int = 4,
        backoff_base: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self.realm_id = realm_id
        self.tokens = tokens
        self._own_http = http is None
        self.http = http or httpx.Client(timeout=DEFAULT_TIMEOUT)
        self.limiter: Limiter = limiter or limiter_for(realm_id)
        self.minorversion = minorversion
        self.throttle_wait = throttle_wait
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.sleep = sleep
        self._rng = random.Random()

    def batch_room(self) -> bool:
        """True when a batch request could start now (QuickBooks allows 40 a minute)."""
        return self.limiter.batch_room()

    def close(self) -> None:
        if self._own_http:
            self.http.close()

    def __enter__(self) -> QboClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reads -----------------------------------------------------------------------------

    def query(self, statement: str, page_size: int = MAX_PAGE) -> list[dict[str, Any]]:
        """All rows of a query, paged with STARTPOSITION/MAXRESULTS until a short page.

        A statement that already has STARTPOSITION or MAXRESULTS is the caller's own paging:
        it runs once, as written."""
        if not 1 <= page_size <= MAX_PAGE:
            raise ValueError(f"page_size must be 1..{MAX_PAGE}")
        if _PAGING.search(statement):
            return self._query_page(statement)
        rows: list[dict[str, Any]] = []
        start = 1
        while True:
            page = self._query_page(f"{statement} STARTPOSITION {start} MAXRESULTS {page_size}")
            rows.extend(page)
            if len(page) < page_size:
                return rows
            start += page_size

    def _query_page(self, statement: str) -> list[dict[str, Any]]:
        data, _ = self._request("GET", "query", {"query": statement})
        result = data.get("QueryResponse") or {}
        # The entity key is the entity's name ("Account", "JournalEntry", ...).
        for value in result.values():
            if isinstance(value, list):
                return value
        return []

    def company_name(self) -> str | None:
        """The connected company's name (CompanyInfo), for people to see what is connected."""
        rows = self.query("select * from CompanyInfo")
        return str(rows[0].get("CompanyName")) if rows else None

    def company_info(self) -> dict[str, Any] | None:
        """CompanyInfo: name, Country (decides which features exist, e.g. quantity)."""
        rows = self.query("select * from CompanyInfo")
        return rows[0] if rows else None

    def preferences(self) -> dict[str, Any] | None:
        """Preferences: account numbers on/off, quantity on hand, multicurrency, ..."""
        rows = self.query("select * from Preferences")
        return rows[0] if rows else None

    def create_account(self, account: Mapping[str, Any], request_id: str) -> dict[str, Any]:
        """Create one Account (Name, AccountType, AccountSubType). A name in use answers
        fault 6240; the caller looks the account up by name instead of creating a second."""
        _check_create_body(account)
        _check_request_id(request_id, MAX_REQUEST_ID)
        data, tid = self._request("POST", "account", {"requestid": request_id}, body=account)
        created = data.get("Account")
        if not isinstance(created, dict):
            raise QboError(
                "QuickBooks answered the create without an Account", outcome_unknown=True, tid=tid
            )
        return created

    def accounts(self) -> list[dict[str, Any]]:
        """Every account, inactive ones too: QuickBooks leaves inactive accounts out of a
        plain `select * from Account`, and mapping must see them to say "inactive"."""
        return self.query("select * from Account where Active in (true, false)")

    def find_journal_entries(self, doc_numbers: Sequence[str]) -> dict[str, dict[str, Any]]:
        """DocNumber -> JournalEntry (Id, DocNumber, SyncToken) for those that exist.

        QuickBooks accepts duplicate DocNumbers. When it holds several, the lowest Id (the
        first created) is returned, with the other Ids listed under the extra key
        "_duplicate_ids" (and a warning logged), so a person can delete the extra copies.
        """
        wanted = list(dict.fromkeys(d for d in doc_numbers if d))
        found: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(wanted), DOC_NUMBERS_PER_QUERY):
            chunk = wanted[i : i + DOC_NUMBERS_PER_QUERY]
            listed = ", ".join(quote_literal(d) for d in chunk)
            rows = self.query(
                f"select Id, DocNumber, SyncToken from JournalEntry where DocNumber in ({listed})"
            )
            for row in rows:
                doc = row.get("DocNumber")
                if doc in chunk:
                    found.setdefault(doc, []).append(row)
        out: dict[str, dict[str, Any]] = {}
        for doc, rows in found.items():
            rows.sort(key=_id_key)
            first = dict(rows[0])
            if len(rows) > 1:
                first["_duplicate_ids"] = [str(r.get("Id")) for r in rows[1:]]
                log.warning(
                    "QuickBooks holds %d journal entries with DocNumber %s (Ids %s)",
                    len(rows),
                    doc,
                    ", ".join(str(r.get("Id")) for r in rows),
                )
            out[doc] = first
        return out

    def journal_entries_numbered(
        self, doc_numbers: Sequence[str]
    ) -> dict[str, list[dict[str, Any]]]:
        """DocNumber -> every JournalEntry carrying it (lowest Id first), with what it takes
        to tell ours from someone else's: PrivateNote, TxnDate and TotalAmt."""
        wanted = list(dict.fromkeys(d for d in doc_numbers if d))
        found: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(wanted), DOC_NUMBERS_PER_QUERY):
            chunk = wanted[i : i + DOC_NUMBERS_PER_QUERY]
            listed = ", ".join(quote_literal(d) for d in chunk)
            rows = self.query(
                "select Id, DocNumber, SyncToken, TxnDate, TotalAmt, PrivateNote "
                f"from JournalEntry where DocNumber in ({listed})"
            )
            for row in rows:
                if row.get("DocNumber") in chunk:
                    found.setdefault(row["DocNumber"], []).append(row)
        return {doc: sorted(rows, key=_id_key) for doc, rows in found.items()}

    def journal_entry(self, entry_id: str) -> dict[str, Any] | None:
        """One JournalEntry as QuickBooks holds it now (None: deleted or never there)."""
        rows = self.query(f"select * from JournalEntry where Id = {quote_literal(entry_id)}")
        return rows[0] if rows else None

    def inventory_adjustment(self, adjustment_id: str) -> dict[str, Any] | None:
        """One InventoryAdjustment as QuickBooks holds it now (None: deleted)."""
        rows = self.query(
            f"select * from InventoryAdjustment where Id = {quote_literal(adjustment_id)}"
        )
        return rows[0] if rows else None

    def changed_since(self, entities: Sequence[str], since: str) -> dict[str, list[dict[str, Any]]]:
        """Change Data Capture: entity name -> objects changed since `since` (ISO 8601, at
        most 30 days back); deleted ones carry `"status": "Deleted"`."""
        data, _ = self._request(
            "GET", "cdc", {"entities": ",".join(entities), "changedSince": since}
        )
        out: dict[str, list[dict[str, Any]]] = {}
        for block in data.get("CDCResponse") or []:
            for response in block.get("QueryResponse") or []:
                for name, rows in (response or {}).items():
                    if isinstance(rows, list):
                        out.setdefault(name, []).extend(r for r in rows if isinstance(r, dict))
        return out

    # -- writes ----------------------------------------------------------------------------

    def create_journal_entry(self, entry: Mapping[str, Any], request_id: str) -> dict[str, Any]:
        """Create one JournalEntry. See the module docstring for what a failure means."""
        _check_create_body(entry)
        _check_request_id(request_id, MAX_REQUEST_ID)
        data, tid = self._request("POST", "journalentry", {"requestid": request_id}, body=entry)
        created = data.get("JournalEntry")
        if not isinstance(created, dict):
            raise QboError(
                "QuickBooks answered the create without a JournalEntry",
                outcome_unknown=True,
                tid=tid,
            )
        return created

    def create_inventory_adjustment(
        self, body: Mapping[str, Any], request_id: str
    ) -> dict[str, Any]:
        """Create one InventoryAdjustment (quantities; QuickBooks values it). Needs
        minorversion 70 or later; the answer carries no amount (see adjustment_amount)."""
        if self.minorversion < MIN_INVENTORY_ADJUSTMENT_VERSION:
            raise ValueError("InventoryAdjustment needs minorversion 70 or later")
        _check_create_body(body)
        _check_request_id(request_id, MAX_REQUEST_ID)
        data, tid = self._request(
            "POST", "inventoryadjustment", {"requestid": request_id}, body=body
        )
        created = data.get("InventoryAdjustment")
        if not isinstance(created, dict):
            raise QboError(
                "QuickBooks answered the create without an InventoryAdjustment",
                outcome_unknown=True,
                tid=tid,
            )
        return created

    def adjustment_amount(self, account_id: str, day: date, adjustment_id: str) -> Decimal | None:
        """What an InventoryAdjustment booked on its adjust account (debit positive), read
        from that account's GeneralLedger report for the day; None if it is not there."""
        data, _ = self._request(
            "GET",
            "reports/GeneralLedger",
            {
                "account": account_id,
                "start_date": day.isoformat(),
                "end_date": day.isoformat(),
                "columns": "tx_date,txn_type,doc_num,subt_nat_amount",
            },
        )
        return report_amount(data, adjustment_id)

    def items(self) -> list[dict[str, Any]]:
        """Every product and service (Sku, Name, Type, TrackQtyOnHand)."""
        return self.query("select * from Item where Active in (true, false)")

    def batch_create_journal_entries(
        self, items: Sequence[tuple[str, Mapping[str, Any]]], request_id: str
    ) -> dict[str, dict[str, Any] | QboError]:
        """bId -> created JournalEntry or the item's QboError, matched by bId.

        A bId QuickBooks does not answer for gets a QboError with outcome_unknown=True. Every
        item's error carries the batch answer's intuit_tid (QuickBooks sends one per answer)."""
        if len(items) > MAX_BATCH:
            raise ValueError(f"a QuickBooks batch holds at most {MAX_BATCH} items: {len(items)}")
        _check_request_id(request_id, MAX_BATCH_REQUEST_ID)
        bids = [bid for bid, _ in items]
        if len(set(bids)) != len(bids):
            raise ValueError("bIds in one batch must be unique")
        for bid, entry in items:
            if not bid or len(bid) > MAX_BID:
                raise ValueError(f"bId must be 1..{MAX_BID} characters: {bid!r}")
            _check_create_body(entry)
        if not items:
            return {}
        body = {
            "BatchItemRequest": [
                {"bId": bid, "operation": "create", "JournalEntry": dict(entry)}
                for bid, entry in items
            ]
        }
        data, tid = self._request("POST", "batch", {"requestid": request_id}, body=body, batch=True)
        answers: dict[str, dict[str, Any] | QboError] = {}
        for resp in data.get("BatchItemResponse") or []:
            bid = str(resp.get("bId"))
            if bid not in bids:
                log.warning("QuickBooks answered an unknown batch bId %r", bid)
                continue
            if isinstance(resp.get("Fault"), dict):
                answers[bid] = fault_from_json(resp["Fault"], tid=tid)
            elif isinstance(resp.get("JournalEntry"), dict):
                answers[bid] = resp["JournalEntry"]
            else:
                answers[bid] = QboError(
                    "QuickBooks answered this batch item with neither an entry nor a fault",
                    retryable=True,
                    outcome_unknown=True,
                    tid=tid,
                )
        for bid in bids:
            if bid not in answers:
                answers[bid] = QboError(
                    "QuickBooks did not answer for this batch item",
                    retryable=True,
                    outcome_unknown=True,
                    tid=tid,
                )
        return answers

    # -- transport -------------------------------------------------------------------------

    def _url(self, endpoint: str, params: Mapping[str, str]) -> str:
        query = {**params, "minorversion": str(self.minorversion)}
        # %20 rather than "+" for spaces, as in Intuit's examples.
        return (
            f"{self.api_base}/v3/company/{quote(self.realm_id, safe='')}/{endpoint}?"
            + urlencode(query, quote_via=quote)
        )

    def _request(
        self,
        method: str,
        endpoint: str,
        params: Mapping[str, str],
        body: Mapping[str, Any] | None = None,
        batch: bool = False,
    ) -> tuple[dict[str, Any], str | None]:
        """The answer's JSON object and its intuit_tid, after the retries described above."""
        url = self._url(endpoint, params)
        idempotent = method == "GET"
        token = self.tokens.access_token()
        refreshed = False
        throttled = failures = 0
        while True:
            try:
                return self._send_once(method, url, token, body, batch)
            except QboError as exc:
                err = exc
            if isinstance(err, QboAuthError) and err.status == 401 and not refreshed:
                refreshed = True
                token = self.tokens.refresh_access_token(token)
                continue
            if isinstance(err, QboThrottled):
                if throttled >= self.max_retries:
                    raise err
                throttled += 1
                log.info(
                    "QuickBooks throttled %s %s (intuit_tid %s); waiting %.0f s",
                    method,
                    endpoint,
                    err.tid or "none",
                    self.throttle_wait,
                )
                self.sleep(self.throttle_wait)
                continue
            safe = idempotent or not err.outcome_unknown
            if err.retryable and safe and failures < self.max_retries:
                delay = self._backoff(failures)
                failures += 1
                log.info(
                    "QuickBooks %s %s failed (%s, intuit_tid %s); retry in %.2f s",
                    method,
                    endpoint,
                    type(err).__name__,
                    err.tid or "none",
                    delay,
                )
                self.sleep(delay)
                continue
            raise err

    def _backoff(self, attempt: int) -> float:
        # Equal jitter: half fixed, half random, so clients hit by one outage spread out.
        step = min(BACKOFF_CAP, self.backoff_base * 2**attempt)
        return step / 2 + self._rng.uniform(0, step / 2)

    def _send_once(
        self, method: str, url: str, token: str, body: Mapping[str, Any] | None, batch: bool
    ) -> tuple[dict[str, Any], str | None]:
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        content = None
        if method == "POST":
            headers["Content-Type"] = "application/json"
            content = dumps(body).encode()  # Decimal amounts written exactly, never via float
        try:
            with self.limiter.acquire(batch=batch):
                resp = self.http.request(method, url, headers=headers, content=content)
        except httpx.TransportError as exc:
            raise QboTransportError(
                f"QuickBooks could not be reached: {type(exc).__name__}: {exc}",
                outcome_unknown=not isinstance(exc, _NOT_SENT),
            ) from None
        tid = resp.headers.get(TID_HEADER)
        if resp.status_code >= 300:
            raise error_from_response(resp.status_code, resp.headers, resp.content)
        try:
            data = resp.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            # A 2xx we cannot read: a create may have happened all the same.
            raise QboError(
                "QuickBooks answered with a body that is not a JSON object",
                status=resp.status_code,
                retryable=True,
                outcome_unknown=True,
                tid=tid,
            )
        fault = data.get("Fault") or data.get("fault")
        if isinstance(fault, dict):  # a fault inside a 200
            raise fault_from_json(fault, status=resp.status_code, tid=tid)
        return data, tid


def report_amount(report: Mapping[str, Any], txn_id: str) -> Decimal | None:
    """Sum of a report's amount column over the rows of one transaction (its id rides on
    the transaction-type cell); columns are found by ColType, not position."""
    columns = [c.get("ColType") for c in (report.get("Columns") or {}).get("Column") or []]
    if "subt_nat_amount" not in columns or "txn_type" not in columns:
        return None
    amount_at, type_at = columns.index("subt_nat_amount"), columns.index("txn_type")
    total: Decimal | None = None

    def walk(rows: Any) -> None:
        nonlocal total
        for row in (rows or {}).get("Row") or []:
            walk(row.get("Rows"))
            cells = row.get("ColData") or []
            if row.get("type", "Data") != "Data" or len(cells) <= max(amount_at, type_at):
                continue
            if str(cells[type_at].get("id") or "") != txn_id:
                continue
            try:
                value = Decimal(str(cells[amount_at].get("value") or "0").replace(",", ""))
            except ArithmeticError:
                continue
            total = (total or Decimal(0)) + value

    walk(report.get("Rows"))
    return total


def _id_key(row: Mapping[str, Any]) -> tuple[int, str]:
    ident = str(row.get("Id") or "")
    return (int(ident), ident) if ident.isdigit() else (2**63, ident)


def _check_create_body(entry: Mapping[str, Any]) -> None:
    # Never send Id on a create: QuickBooks would treat it as an update of another entity.
    if "Id" in entry or "SyncToken" in entry:
        raise ValueError("a create must not carry Id or SyncToken")


def _check_request_id(request_id: str, limit: int) -> None:
    if not request_id or len(request_id) > limit:
        raise ValueError(f"requestid must be 1..{limit} characters")
