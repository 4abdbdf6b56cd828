"""A local fake of QuickBooks Online: Intuit's OAuth endpoints and the v3 accounting API.

A real HTTP server on 127.0.0.1 (ephemeral port) in a background thread, so the real
httpx-based client, its headers, timeouts and error parsing all run:

    def test_x(fake_qbo):
        tokens = fake_qbo.issue_tokens()
        acct = fake_qbo.add_account("Inventory Shrinkage")
        client = QboClient(fake_qbo.api_base, fake_qbo.realm_id, StaticTokens(tokens))
        ...
        assert fake_qbo.journal_entries()[0]["DocNumber"] == "JE-000001"

It behaves like QuickBooks where that matters to a client: rotating refresh tokens, 401s with
the lower-case `fault` body, XML throttling faults even to JSON requests, HTML gateway
pages, JournalEntry validation (balance, references, inactive accounts, decimals, DocNumber
length), duplicate DocNumbers accepted, `requestid` replay, batches of at most 30 answered
in shuffled order, inactive accounts left out of a plain Account query, MAXRESULTS 100 by
default and 1000 at most. Faults are injected with `fail_next` / `fault_next`.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import itertools
import json
import random
import re
import secrets
import threading
import time
from base64 import b64decode
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from qbo.oauth import OAuthConfig, refresh_tokens
from tests.fakes.server import FakeHTTPServer

CLIENT_ID = "fake-qbo-client-id"
CLIENT_SECRET = "fake-qbo-client-secret"
REDIRECT_URI = "http://127.0.0.1:8000/qbo/callback"
REALM_ID = "9341453000000001"
ACCESS_SECONDS = 3600
REFRESH_SECONDS = 8726400
MAX_BATCH = 30
DOC_NUMBER_MAX = 21
NOTE_MAX = 4000  # PrivateNote and line Description, in UTF-16 units
DEFAULT_MAXRESULTS = 100  # what QuickBooks returns when a query names no MAXRESULTS
MAX_MAXRESULTS = 1000

PATH_KINDS = frozenset(
    {"query", "journalentry", "batch", "token", "revoke", "any", "account", "discovery"}
    | {"inventoryadjustment", "reports"}
)
# Faults answered instead of doing the work.
BEFORE_KINDS = frozenset(
    {"throttle_xml", "html_503", "empty_502", "system_fault_500", "unexpected_6000", "auth_401"}
)
# Faults applied after the work was done (the entity exists; the client never hears).
AFTER_KINDS = frozenset({"drop_after_create", "timeout_after_create"})

# w11-map: where Intuit serves its OpenID discovery documents
DISCOVERY_PATHS = (
    "/.well-known/openid_sandbox_configuration",
    "/.well-known/openid_configuration",
)
# The default chart of a brand-new US QuickBooks Online company (account numbers off).
NEW_COMPANY_CHART: tuple[tuple[str, str, str], ...] = (
    ("Checking", "Bank", "Checking"),
    ("Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable"),
    ("Inventory Asset", "Other Current Asset", "Inventory"),
    ("Uncategorized Asset", "Other Current Asset", "OtherCurrentAssets"),
    ("Undeposited Funds", "Other Current Asset", "UndepositedFunds"),
    ("Accounts Payable (A/P)", "Accounts Payable", "AccountsPayable"),
    ("Opening Balance Equity", "Equity", "OpeningBalanceEquity"),
    ("Retained Earnings", "Equity", "RetainedEarnings"),
    ("Sales of Product Income", "Income", "SalesOfProductIncome"),
    ("Services", "Income", "ServiceFeeIncome"),
    ("Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs"),
    ("Advertising & Marketing", "Expense", "AdvertisingPromotional"),
    ("Bank Charges & Fees", "Expense", "BankCharges"),
    ("Office Supplies & Software", "Expense", "OfficeGeneralAdministrativeExpenses"),
    ("Repairs & Maintenance", "Expense", "RepairMaintenance"),
    ("Supplies & Materials", "Expense", "SuppliesMaterials"),
    ("Uncategorized Expense", "Expense", "OtherMiscellaneousServiceCost"),
    ("Reconciliation Discrepancies", "Other Expense", "OtherMiscellaneousExpense"),
)
# AccountType -> the AccountSubTypes QuickBooks accepts for it (those the app may create;
# the first is QuickBooks' default when none is sent).
ACCOUNT_SUBTYPES: dict[str, tuple[str, ...]] = {
    "Bank": ("Checking", "Savings", "CashOnHand"),
    "Other Current Asset": (
        "OtherCurrentAssets",
        "Inventory",
        "AllowanceForBadDebts",
        "UndepositedFunds",
    ),
    "Cost of Goods Sold": (
        "SuppliesMaterialsCogs",
        "OtherCostsOfServiceCos",
        "CostOfLaborCos",
        "EquipmentRentalCos",
        "ShippingFreightDeliveryCos",
    ),
    "Expense": (
        "OtherMiscellaneousServiceCost",
        "SuppliesMaterials",
        "AdvertisingPromotional",
        "BankCharges",
        "OfficeGeneralAdministrativeExpenses",
        "RepairMaintenance",
    ),
    "Other Expense": ("OtherMiscellaneousExpense", "Depreciation", "Amortization"),
    "Accounts Receivable": ("AccountsReceivable",),
    "Accounts Payable": ("AccountsPayable",),
    "Equity": ("OpeningBalanceEquity", "RetainedEarnings"),
    "Income": ("SalesOfProductIncome", "ServiceFeeIncome"),
}

_THROTTLE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="{time}">'
    '<Fault type="ValidationFault"><Error code="3001" element="">'
    "<Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>"
    "<Detail>The request limit was reached.</Detail></Error></Fault></IntuitResponse>"
)
_HTML_503 = (
    "<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>"
    "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>"
)
_UNEXPECTED = (
    "An unexpected error occurred while accessing or saving your data. Please wait a few "
    "minutes and try again. If the problem persists, contact customer support."
)


@dataclass
class Request:
    """One HTTP request the fake received. `status` is None while in flight or if dropped."""

    method: str
    path: str
    kind: str  # query / journalentry / batch / token / revoke / authorize / other
    realm: str | None
    params: dict[str, str]
    headers: dict[str, str]  # the Authorization value is replaced by its scheme
    body: Any  # JSON-decoded, form fields, or text
    at: float
    raw: bytes = b""  # the body as sent
    status: int | None = None
    replayed: bool = False
    tid: str | None = None  # the intuit_tid header the fake answered with


@dataclass
class _Grant:
    realm: str
    refresh_token: str  # only the newest refresh token of a grant is valid (rotation)
    revoked: bool = False


@dataclass
class _Access:
    grant: _Grant
    expired: bool = False


@dataclass
class _Answer:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    after: str | None = None  # an AFTER_KINDS fault to apply once the work is done


class _Fault(Exception):
    """A JSON Fault answer raised inside a handler."""

    def __init__(
        self,
        code: str,
        message: str,
        detail: str = "",
        status: int = 400,
        fault_type: str = "ValidationFault",
        element: str = "",
    ) -> None:
        super().__init__(message)
        self.code, self.message, self.detail = code, message, detail
        self.status, self.fault_type, self.element = status, fault_type, element

    def fault(self) -> dict[str, Any]:
        return {
            "Error": [
                {
                    "Message": self.message,
                    "Detail": self.detail,
                    "code": self.code,
                    "element": self.element,
                }
            ],
            "type": self.fault_type,
        }


def _now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="milliseconds")


def _json(status: int, payload: Any, headers: dict[str, str] | None = None) -> _Answer:
    return _Answer(status, json.dumps(payload).encode(), "application/json", headers or {})


def _fault_answer(exc: _Fault) -> _Answer:
    return _json(exc.status, {"Fault": exc.fault(), "time": _now_iso()})


def _auth_fault(detail: str, status: int = 401) -> _Answer:
    """QuickBooks' 401/403: lower-case keys, type AUTHENTICATION / AUTHORIZATION."""
    if status == 401:
        code, name, kind = "3200", "AuthenticationFailed", "AUTHENTICATION"
    else:
        code, name, kind = "3100", "ApplicationAuthorizationFailed", "AUTHORIZATION"
    body = {
        "warnings": None,
        "intuitObject": None,
        "fault": {
            "error": [
                {
                    "message": f"message={name}; errorCode=00{code}; statusCode={status}",
                    "detail": detail,
                    "code": code,
                }
            ],
            "type": kind,
        },
        "report": None,
        "queryResponse": None,
        "batchItemResponse": [],
        "attachableResponse": [],
        "syncErrorResponse": None,
        "requestId": None,
        "time": int(time.time() * 1000),
        "status": None,
        "cdcresponse": [],
    }
    headers = {"WWW-Authenticate": 'Bearer realm="Intuit", error="invalid_token"'}
    return _json(status, body, headers)


def _injected(kind: str) -> _Answer:
    if kind == "throttle_xml":
        return _Answer(429, _THROTTLE_XML.format(time=_now_iso()).encode(), "application/xml")
    if kind == "html_503":
        return _Answer(503, _HTML_503.encode(), "text/html")
    if kind == "empty_502":
        return _Answer(502, b"", "text/plain")
    if kind == "system_fault_500":
        return _fault_answer(
            _Fault(
                "10000",
                "An application error has occurred while processing your request",
                "System Failure Error: java.lang.NullPointerException",
                500,
                "SystemFault",
            )
        )
    if kind == "unexpected_6000":
        return _fault_answer(
            _Fault("6000", _UNEXPECTED, "Business Validation Error: " + _UNEXPECTED, 400)
        )
    if kind == "auth_401":
        return _auth_fault("Token expired")
    raise ValueError(kind)


# -- a tiny parser for the query shapes the app uses ------------------------------------------

_SELECT = re.compile(
    r"^\s*select\s+(?P<fields>.+?)\s+from\s+(?P<entity>\w+)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL
)
_START = re.compile(r"\s+startposition\s+(\d+)", re.IGNORECASE)
_MAXR = re.compile(r"\s+maxresults\s+(\d+)", re.IGNORECASE)
_ORDER = re.compile(r"\s+order\s*by\s+[\w\s,]+?(?=$|\s+startposition|\s+maxresults)", re.IGNORECASE)
_LITERAL = r"'(?:\\.|[^'\\])*'|[\w.\-]+"
_COND = re.compile(
    rf"\s*(?P<field>\w+)\s*(?:(?P<op>=)\s*(?P<value>{_LITERAL})"
    rf"|\s+in\s*\((?P<list>\s*(?:{_LITERAL})(?:\s*,\s*(?:{_LITERAL}))*\s*)\))\s*",
    re.IGNORECASE,
)
_ENTITIES = {
    "account": "Account",
    "journalentry": "JournalEntry",
    "companyinfo": "CompanyInfo",
    # w11-map: a real company's settings and its item list
    "preferences": "Preferences",
    "item": "Item",
    "inventoryadjustment": "InventoryAdjustment",
}


def _literal(text: str) -> Any:
    text = text.strip()
    if text.startswith("'"):
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _parse_query(statement: str) -> dict[str, Any]:
    def bad(why: str) -> _Fault:
        return _Fault("4000", "Error parsing query", f"QueryParserError: {why}")

    m = _SELECT.match(statement)
    if not m:
        raise bad("Encountered an unexpected statement")
    entity = _ENTITIES.get(m["entity"].lower())
    if entity is None:
        raise bad(f"Invalid entity {m['entity']}")
    rest = m["rest"]
    start = max_results = None
    if (s := _START.search(rest)) is not None:
        start = int(s.group(1))
        rest = rest[: s.start()] + rest[s.end() :]
    if (s := _MAXR.search(rest)) is not None:
        max_results = int(s.group(1))
        rest = rest[: s.start()] + rest[s.end() :]
    rest = _ORDER.sub("", rest).strip()
    conditions: list[tuple[str, list[Any]]] = []
    if rest:
        w = re.match(r"where\s+(.*)$", rest, re.IGNORECASE | re.DOTALL)
        if not w:
            raise bad(f"Encountered {rest[:30]!r}")
        text, pos = w.group(1), 0
        while True:
            c = _COND.match(text, pos)
            if not c:
                raise bad(f"Encountered {text[pos : pos + 30]!r}")
            values = (
                [_literal(c["value"])]
                if c["op"]
                else [_literal(v) for v in re.findall(_LITERAL, c["list"])]
            )
            conditions.append((c["field"], values))
            pos = c.end()
            if pos >= len(text):
                break
            a = re.match(r"and\s+", text[pos:], re.IGNORECASE)
            if not a:
                raise bad(f"Encountered {text[pos : pos + 30]!r}")
            pos += a.end()
    fields = [f.strip() for f in m["fields"].split(",")]
    return {
        "entity": entity,
        "fields": fields,
        "conditions": conditions,
        "start": start or 1,
        "max": min(max_results or DEFAULT_MAXRESULTS, MAX_MAXRESULTS),
    }


def _field(entity: dict[str, Any], name: str) -> Any:
    for key, value in entity.items():
        if key.lower() == name.lower():
            return value
    return None


def _matches(entity: dict[str, Any], conditions: list[tuple[str, list[Any]]]) -> bool:
    for name, values in conditions:
        have = _field(entity, name)
        if isinstance(have, bool):
            if have not in [v for v in values if isinstance(v, bool)]:
                return False
        elif str(have) not in [str(v) for v in values]:
            return False
    return True


def _id_order(entity: dict[str, Any]) -> int:
    return int(entity["Id"])


# -- the fake ---------------------------------------------------------------------------------


class FakeQbo:
    """The fake. Set up with `add_account`, `issue_code` / `issue_tokens`; break things with
    `fail_next`, `fault_next`, `expire_access_tokens`, `revoke_all`, `enforce_limits`,
    `honour_request_id = False`, `latency`; look with `requests`, `journal_entries`."""

    def __init__(
        self,
        client_id: str = CLIENT_ID,
        client_secret: str = CLIENT_SECRET,
        redirect_uri: str = REDIRECT_URI,
        realm_id: str = REALM_ID,
        seed: int = 1234,
    ) -> None:
        self.client_id, self.client_secret = client_id, client_secret
        self.redirect_uri, self.realm_id = redirect_uri, realm_id
        self.honour_request_id = True
        self.company_name = "Sandbox Company_US_1"
        self.latency = 0.0  # seconds added to every API request
        self.hang_seconds = 2.0  # how long timeout_after_create keeps the client waiting
        self.max_in_flight = 0  # the most API requests seen at once
        # bIds a batch processes but leaves out of its answer (a partial answer)
        self.omit_from_batch_answer: set[str] = set()
        self.refreshes = 0  # successful refresh_token grants
        # The company's "warn if duplicate journal number" preference: on, a create reusing a
        # JournalEntry's DocNumber answers fault 6140 naming the entry (see sync identity).
        self.duplicate_doc_warning = False
        self._lock = threading.RLock()
        self._rng = random.Random(seed)
        self._requests: list[Request] = []
        self._codes: dict[str, str] = {}  # unused code -> realm
        self._grants: list[_Grant] = []
        self._refresh: dict[str, _Grant] = {}  # every refresh token ever issued -> grant
        self._access: dict[str, _Access] = {}
        self._accounts: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self._entries: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._replay: dict[tuple[str, str, str], _Answer] = {}
        self._faults: dict[str, deque[_Answer | str]] = defaultdict(deque)
        self._limits: dict[str, int | None] = {}
        self._starts: dict[str, deque[float]] = defaultdict(deque)  # realm -> request times
        self._batch_starts: dict[str, deque[float]] = defaultdict(deque)
        self._in_flight = 0
        self._in_flight_limit: int | None = None  # enforce_in_flight
        self._down: dict[str, str] = {}  # realm -> fault kind every API request of it gets
        # (entity, id, when, "Deleted" or None): what Change Data Capture reports
        self._changed: list[tuple[str, str, float, str | None]] = []
        self._account_ids = itertools.count(1)
        self._entry_ids = itertools.count(101)
        self._init_company_state()  # w11-map: preferences, items, discovery
        self._server = FakeHTTPServer(self._handler_class(), name="fake-qbo")
        self._server.start()

    # -- lifecycle and addresses

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_base(self) -> str:
        return self.url

    @property
    def auth_url(self) -> str:
        return self.url + "/connect/oauth2"

    @property
    def token_url(self) -> str:
        return self.url + "/oauth2/v1/tokens/bearer"

    @property
    def revoke_url(self) -> str:
        return self.url + "/v2/oauth2/tokens/revoke"

    def app_env(self) -> dict[str, str]:
        """The settings that point the app's QuickBooks client and OAuth at this fake."""
        return {
            "QBO_CLIENT_ID": CLIENT_ID,
            "QBO_CLIENT_SECRET": CLIENT_SECRET,
            "QBO_REDIRECT_URI": REDIRECT_URI,
            "QBO_API_URL": self.api_base,
            "QBO_AUTH_URL": self.auth_url,
            "QBO_TOKEN_URL": self.token_url,
            "QBO_REVOKE_URL": self.revoke_url,
            # The fake limits per second only when a test asks (enforce_limits): pacing at
            # Intuit's 10/s would only make the suite sleep.
            "WRITEOFF_QBO_PER_SECOND": "100",
        }

    def oauth_config(self, **overrides: str) -> OAuthConfig:
        values = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "redirect_uri": self.redirect_uri,
            "auth_url": self.auth_url,
            "token_url": self.token_url,
            "revoke_url": self.revoke_url,
            **overrides,
        }
        return OAuthConfig(**values)

    def close(self) -> None:
        self._server.stop()

    def __enter__(self) -> FakeQbo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- OAuth set-up

    def issue_code(self, realm_id: str | None = None) -> str:
        """A single-use authorization code, as the consent page would hand to the callback."""
        code = "AB11" + secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = realm_id or self.realm_id
        return code

    def issue_tokens(self, realm_id: str | None = None) -> dict[str, Any]:
        """A connected grant without the code dance: the token endpoint's answer."""
        with self._lock:
            return self._new_grant(realm_id or self.realm_id)

    def expire_access_tokens(self) -> None:
        """Every access token issued so far now gets 401 "Token expired"."""
        with self._lock:
            for access in self._access.values():
                access.expired = True

    def revoke_all(self) -> None:
        """The company disconnected the app: every token dies (refresh -> invalid_grant)."""
        with self._lock:
            for grant in self._grants:
                grant.revoked = True

    def valid_refresh_tokens(self) -> list[str]:
        with self._lock:
            return [g.refresh_token for g in self._grants if not g.revoked]

    # -- data set-up and inspection

    def add_account(
        self,
        name: str,
        acct_num: str | None = None,
        account_type: str = "Expense",
        active: bool = True,
        realm: str | None = None,
        sub_type: str | None = None,
    ) -> str:
        with self._lock:
            ident = str(next(self._account_ids))
            acct: dict[str, Any] = {
                "Name": name,
                "SubAccount": False,
                "FullyQualifiedName": name,
                "Active": active,
                "Classification": "Expense",
                "AccountType": account_type,
                "CurrentBalance": 0,
                "CurrentBalanceWithSubAccounts": 0,
                "CurrencyRef": {"value": "USD", "name": "United States Dollar"},
                "domain": "QBO",
                "sparse": False,
                "Id": ident,
                "SyncToken": "0",
                "MetaData": {"CreateTime": _now_iso(), "LastUpdatedTime": _now_iso()},
            }
            if acct_num is not None:
                acct["AcctNum"] = acct_num
            if sub_type is not None:
                acct["AccountSubType"] = sub_type
            self._accounts[realm or self.realm_id][ident] = acct
            return ident

    def set_account_active(self, account_id: str, active: bool, realm: str | None = None) -> None:
        with self._lock:
            self._accounts[realm or self.realm_id][account_id]["Active"] = active

    def journal_entries(self, realm: str | None = None) -> list[dict[str, Any]]:
        """What was created, in order (copies)."""
        with self._lock:
            return copy.deepcopy(self._entries[realm or self.realm_id])

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    def api_requests(self, kind: str | None = None) -> list[Request]:
        """Requests to the v3 API (optionally of one kind: query / journalentry / batch)."""
        return [
            r for r in self.requests if r.realm is not None and (kind is None or r.kind == kind)
        ]

    def request_count(self, kind: str | None = None) -> int:
        return len(self.api_requests(kind))

    @property
    def batch_count(self) -> int:
        return self.request_count("batch")

    # -- w11-map: a real new company (chart, preferences, items), account create, discovery

    def new_company(
        self,
        realm: str | None = None,
        *,
        country: str = "US",
        account_numbers: bool = False,
        track_quantity: bool = False,
        multicurrency: bool = False,
        home_currency: str = "USD",
        warn_duplicate_journal: bool = False,
    ) -> dict[str, str]:
        """A freshly created QuickBooks Online company: the default chart with its real names
        and types, account numbers OFF (no AcctNum), no shrinkage/write-off/write-down/
        reserve accounts. Returns name -> Id."""
        realm = realm or self.realm_id
        with self._lock:
            self._company(realm).update(
                country=country,
                account_numbers=account_numbers,
                track_quantity=track_quantity,
                multicurrency=multicurrency,
                home_currency=home_currency,
                warn_duplicate_journal=warn_duplicate_journal,
            )
        return {
            name: self.add_account(name, None, typ, realm=realm, sub_type=sub)
            for name, typ, sub in NEW_COMPANY_CHART
        }

    def add_item(
        self,
        name: str,
        sku: str | None = None,
        *,
        item_type: str = "Inventory",
        track_qty: bool = True,
        qty_on_hand: Decimal | int = 100,
        unit_cost: Decimal | str = "10.00",
        asset_account: str | None = None,
        realm: str | None = None,
    ) -> str:
        """An item of the product list; Inventory items track quantity at a FIFO cost."""
        realm = realm or self.realm_id
        with self._lock:
            ident = str(next(self._item_ids))
            item: dict[str, Any] = {
                "Id": ident,
                "Name": name,
                "FullyQualifiedName": name,
                "Type": item_type,
                "Active": True,
                "TrackQtyOnHand": track_qty and item_type == "Inventory",
                "PurchaseCost": float(Decimal(str(unit_cost))),
                "SyncToken": "0",
                "domain": "QBO",
                "sparse": False,
            }
            if sku is not None:
                item["Sku"] = sku
            if item["TrackQtyOnHand"]:
                item["QtyOnHand"] = float(Decimal(str(qty_on_hand)))
                if asset_account is not None:
                    item["AssetAccountRef"] = {"value": asset_account}
            self._items[realm][ident] = item
            return ident

    def set_preferences(self, realm: str | None = None, **changes: Any) -> None:
        """Change the company's settings: account_numbers, track_quantity, multicurrency,
        home_currency, warn_duplicate_journal, country."""
        with self._lock:
            self._company(realm or self.realm_id).update(changes)

    def accounts(self, realm: str | None = None) -> list[dict[str, Any]]:
        """The company's chart as QuickBooks holds it (copies)."""
        with self._lock:
            return copy.deepcopy(list(self._accounts[realm or self.realm_id].values()))

    @property
    def discovery_url(self) -> str:
        return self.url + DISCOVERY_PATHS[0]

    def _init_company_state(self) -> None:
        self._adjustments: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._adjustment_ids = itertools.count(501)
        self._settings: dict[str, dict[str, Any]] = {}
        self._items: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self._item_ids = itertools.count(1)
        self.discovery_served = 0  # how often the discovery document was asked for

    def _company(self, realm: str) -> dict[str, Any]:
        return self._settings.setdefault(
            realm,
            {
                "country": "US",
                "account_numbers": True,
                "track_quantity": False,
                "multicurrency": False,
                "home_currency": "USD",
                "warn_duplicate_journal": False,
            },
        )

    def _preferences(self, realm: str) -> dict[str, Any]:
        """The Preferences entity with the names QuickBooks uses."""
        c = self._company(realm)
        return {
            "Id": "1",
            "SyncToken": "0",
            "domain": "QBO",
            "AccountingInfoPrefs": {
                "UseAccountNumbers": c["account_numbers"],
                "TrackDepartments": False,
                "ClassTrackingPerTxn": False,
            },
            "ProductAndServicesPrefs": {
                "ForSales": True,
                "ForPurchase": True,
                "QuantityWithPriceAndRate": True,
                "QuantityOnHand": c["track_quantity"],
            },
            "CurrencyPrefs": {
                "MultiCurrencyEnabled": c["multicurrency"],
                "HomeCurrency": {"value": c["home_currency"]},
            },
            "OtherPrefs": {
                "NameValue": [
                    {
                        "Name": "WarnDuplicateJournalNumber",
                        "Value": "true" if c["warn_duplicate_journal"] else "false",
                    },
                ]
            },
        }

    def _create_account(self, realm: str, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict) or not str(body.get("Name") or "").strip():
            raise _Fault(
                "2020",
                "Required param missing, need to supply the required value for the API",
                "Required parameter Name is missing in the request",
                element="Name",
            )
        if "Id" in body:
            raise _Fault("2010", "Request has invalid or unsupported property", "Id on create")
        name = str(body["Name"]).strip()
        if ":" in name or '"' in name or len(name) > 100:
            raise _Fault("2050", "Invalid String", f"Invalid account name: {name}", element="Name")
        typ, sub = body.get("AccountType"), body.get("AccountSubType")
        if typ not in ACCOUNT_SUBTYPES:
            raise _Fault("2170", "Invalid Enumeration", f"Invalid Enumeration : {typ}")
        if sub is not None and sub not in ACCOUNT_SUBTYPES[typ]:
            raise _Fault("2170", "Invalid Enumeration", f"Invalid AccountSubType {sub} for {typ}")
        for acct in self._accounts[realm].values():
            if acct["Name"].casefold() == name.casefold():
                raise _Fault(
                    "6240",
                    "Duplicate Name Exists Error",
                    f"The name supplied already exists. : Another account is already using "
                    f"this name. Please use a different name.Id={acct['Id']}",
                )
        num = body.get("AcctNum")
        ident = self.add_account(
            name,
            str(num) if num and self._company(realm)["account_numbers"] else None,
            typ,
            realm=realm,
            sub_type=sub or ACCOUNT_SUBTYPES[typ][0],
        )
        return copy.deepcopy(self._accounts[realm][ident])

    def _check_text_and_currency(self, realm: str, body: dict[str, Any]) -> dict[str, Any]:
        """QuickBooks counts lengths in UTF-16 units; a CurrencyRef other than the home
        currency needs multicurrency on. Returns the entry's CurrencyRef."""
        texts = [("PrivateNote", body.get("PrivateNote"), NOTE_MAX)] + [
            ("Description", ln.get("Description"), NOTE_MAX) for ln in body.get("Line") or []
        ]
        for element, text, limit in texts:
            units = len(str(text or "").encode("utf-16-le")) // 2
            if units > limit:
                raise _Fault(
                    "2050",
                    "String length exceeds",
                    f"String length specified does not match the supported length. "
                    f"Min:0 Max:{limit} supplied:{units}",
                    element=element,
                )
        company = self._company(realm)
        home = company["home_currency"]
        ref = body.get("CurrencyRef") or {"value": home}
        value = str(ref.get("value") if isinstance(ref, dict) else "")
        if value != home and not company["multicurrency"]:
            raise _Fault(
                "6000",
                "A business validation error has occurred while processing your request",
                f"Business Validation Error: currency {value} needs multicurrency",
            )
        return {"value": value, "name": value}

    def inventory_adjustments(self, realm: str | None = None) -> list[dict[str, Any]]:
        """What was created, in order, as QuickBooks shows it (no amount: it values them)."""
        with self._lock:
            return [self._public(a) for a in self._adjustments[realm or self.realm_id]]

    def items(self, realm: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return copy.deepcopy(list(self._items[realm or self.realm_id].values()))

    @staticmethod
    def _public(adj: dict[str, Any]) -> dict[str, Any]:
        return copy.deepcopy({k: v for k, v in adj.items() if not k.startswith("_")})

    def _create_adjustment(self, realm: str, body: Any, params: dict[str, str]) -> dict[str, Any]:
        """As QuickBooks: minorversion 70 or later, quantity tracking on, tracked Inventory
        items only; valued at each item's own cost (the client is not told the value)."""
        if int(params.get("minorversion") or 0) < 70:
            raise _Fault(
                "2010",
                "Request has invalid or unsupported property",
                "InventoryAdjustment needs minorversion 70 or later",
            )
        if not self._company(realm)["track_quantity"]:
            raise _Fault(
                "6000",
                "A business validation error has occurred while processing your request",
                "Business Validation Error: quantity on hand is not tracked in this company",
            )
        if not isinstance(body, dict) or "Id" in body:
            raise _Fault("2010", "Request has invalid or unsupported property", "bad body")
        ref = (body.get("AdjustAccountRef") or {}).get("value")
        acct = self._accounts[realm].get(str(ref))
        if acct is None:
            raise _Fault(
                "2500",
                "Invalid Reference Id",
                f"Invalid Reference Id : Accounts element id {ref} not found",
                element="AdjustAccountRef",
            )
        if not acct["Active"]:
            raise _Fault("610", "Object Not Found", "The account has been made inactive")
        doc = body.get("DocNumber")
        if doc is not None and len(str(doc)) > DOC_NUMBER_MAX:
            raise _Fault("2050", "String length exceeds", "DocNumber", element="DocNumber")
        lines = body.get("Line")
        if not isinstance(lines, list) or not lines:
            raise _Fault("2020", "Required param missing", "Line", element="Line")
        value = Decimal(0)
        changes: list[tuple[dict[str, Any], Decimal]] = []
        for line in lines:
            detail = line.get("ItemAdjustmentLineDetail") if isinstance(line, dict) else None
            if line.get("DetailType") != "ItemAdjustmentLineDetail" or not isinstance(detail, dict):
                raise _Fault("2020", "Required param missing", "ItemAdjustmentLineDetail")
            item = self._items[realm].get(str((detail.get("ItemRef") or {}).get("value")))
            if item is None or not item.get("TrackQtyOnHand"):
                raise _Fault(
                    "2500",
                    "Invalid Reference Id",
                    "Invalid Reference Id : the item does not track quantity on hand",
                    element="ItemRef",
                )
            try:
                diff = Decimal(str(detail.get("QtyDiff")))
            except InvalidOperation:
                raise _Fault("2050", "Invalid Number", "QtyDiff") from None
            if diff == 0:
                raise _Fault("2050", "Invalid Number", "QtyDiff must not be 0")
            cost = Decimal(str(item["PurchaseCost"]))
            # Goods gone debit the adjust account, goods found credit it: net, per line.
            value -= (diff * cost).quantize(Decimal("0.01"))
            changes.append((item, diff))
        for item, diff in changes:
            item["QtyOnHand"] = float(Decimal(str(item["QtyOnHand"])) + diff)
        now = _now_iso()
        entity = copy.deepcopy(body)
        entity.update(
            {
                "Id": str(next(self._adjustment_ids)),
                "SyncToken": "0",
                "domain": "QBO",
                "TxnDate": body.get("TxnDate") or date.today().isoformat(),
                "MetaData": {"CreateTime": now, "LastUpdatedTime": now},
                "_value": str(abs(value)),
                "_sign": "-" if value >= 0 else "+",
            }
        )
        self._adjustments[realm].append(entity)
        return self._public(entity)

    def _general_ledger(self, realm: str, params: dict[str, str]) -> dict[str, Any]:
        """The GeneralLedger report of one account, inventory adjustments only, in the
        shape QuickBooks answers (sections of rows of ColData)."""
        account = params.get("account")
        start, end = params.get("start_date", ""), params.get("end_date", "9999")
        rows = []
        for adj in self._adjustments[realm]:
            if str((adj.get("AdjustAccountRef") or {}).get("value")) != account:
                continue
            if not start <= adj["TxnDate"] <= end:
                continue
            # A loss debits the adjust account (positive), a gain credits it.
            amount = adj["_value"] if adj["_sign"] == "-" else "-" + adj["_value"]
            rows.append(
                {
                    "type": "Data",
                    "ColData": [
                        {"value": adj["TxnDate"]},
                        {"value": "Inventory Qty Adjust", "id": adj["Id"]},
                        {"value": adj.get("DocNumber") or ""},
                        {"value": amount},
                    ],
                }
            )
        name = self._accounts[realm].get(str(account), {}).get("Name", "")
        return {
            "Header": {"ReportName": "GeneralLedger", "StartPeriod": start, "EndPeriod": end},
            "Columns": {
                "Column": [
                    {"ColTitle": "Date", "ColType": "tx_date"},
                    {"ColTitle": "Transaction Type", "ColType": "txn_type"},
                    {"ColTitle": "Num", "ColType": "doc_num"},
                    {"ColTitle": "Amount", "ColType": "subt_nat_amount"},
                ]
            },
            "Rows": {
                "Row": [
                    {
                        "type": "Section",
                        "Header": {"ColData": [{"value": name}]},
                        "Rows": {"Row": rows},
                    }
                ]
            },
        }

    def _discovery(self) -> _Answer:
        with self._lock:
            self.discovery_served += 1
        return _json(
            200,
            {
                "issuer": "https://oauth.platform.intuit.com/op/v1",
                "authorization_endpoint": self.auth_url,
                "token_endpoint": self.token_url,
                "userinfo_endpoint": self.url + "/v1/openid_connect/userinfo",
                "revocation_endpoint": self.revoke_url,
                "jwks_uri": self.url + "/op/v1/jwks",
                "response_types_supported": ["code"],
                "scopes_supported": ["openid", "email", "profile", "address", "phone"],
            },
        )

    # -- sync identity: hand-made entries sharing our DocNumber, fault 6140

    def add_hand_made_entry(
        self,
        doc_number: str,
        amount: str = "75.00",
        txn_date: str | None = None,
        note: str = "typed in by the bookkeeper",
        realm: str | None = None,
    ) -> dict[str, Any]:
        """A JournalEntry someone made in QuickBooks by hand (two accounts of its own)."""
        realm = realm or self.realm_id
        debit = self.add_account(f"Hand debit {doc_number}", realm=realm)
        credit = self.add_account(f"Hand credit {doc_number}", realm=realm)
        body = {
            "DocNumber": doc_number,
            "TxnDate": txn_date or date.today().isoformat(),
            "PrivateNote": note,
            "Line": [
                {
                    "Amount": amount,
                    "DetailType": "JournalEntryLineDetail",
                    "JournalEntryLineDetail": {"PostingType": side, "AccountRef": {"value": ref}},
                }
                for side, ref in (("Debit", debit), ("Credit", credit))
            ],
        }
        with self._lock:
            warn, self.duplicate_doc_warning = self.duplicate_doc_warning, False
            try:
                return self._create_entry(realm, body)
            finally:
                self.duplicate_doc_warning = warn

    def _refuse_duplicate_doc(self, realm: str, body: dict[str, Any]) -> None:
        doc = body.get("DocNumber")
        if not self.duplicate_doc_warning or not doc:
            return
        for held in self._entries[realm]:
            if held.get("DocNumber") == doc:
                raise _Fault(
                    "6140",
                    "Duplicate Document Number Error",
                    "Duplicate Document Number Error : You must specify a different number. "
                    f"This number has already been used. DocNumber={doc} is assigned to "
                    f"TxnType=Journal Entry with TxnId={held['Id']}",
                )

    # -- drift: people editing and deleting entries in QuickBooks; webhooks; CDC

    def edit_entry(
        self, entry_id: str, amount: str | None = None, by: str = "9130350000000001"
    ) -> dict[str, Any]:
        """Someone edits a JournalEntry in QuickBooks (every line's amount, if given)."""
        with self._lock:
            for entity in self._entries[self.realm_id]:
                if entity["Id"] == entry_id:
                    if amount is not None:
                        for line in entity["Line"]:
                            line["Amount"] = float(amount)
                        entity["TotalAmt"] = float(amount)
                    entity["SyncToken"] = str(int(entity["SyncToken"]) + 1)
                    entity["MetaData"]["LastUpdatedTime"] = _now_iso()
                    entity["MetaData"]["LastModifiedByRef"] = {"value": by}
                    self._changed.append(("JournalEntry", entry_id, time.time(), None))
                    return copy.deepcopy(entity)
        raise KeyError(entry_id)

    def delete_entry(self, entry_id: str) -> None:
        with self._lock:
            entries = self._entries[self.realm_id]
            gone = [e for e in entries if e["Id"] == entry_id]
            if not gone:
                raise KeyError(entry_id)
            entries.remove(gone[0])
            self._changed.append(("JournalEntry", entry_id, time.time(), "Deleted"))

    def edit_adjustment(
        self, adjustment_id: str, qty_diff: str | None = None, by: str = "9130350000000001"
    ) -> dict[str, Any]:
        """Someone edits an InventoryAdjustment in QuickBooks (every line's QtyDiff, if
        given; quantities on hand follow, as in QuickBooks)."""
        with self._lock:
            for adj in self._adjustments[self.realm_id]:
                if adj["Id"] == adjustment_id:
                    if qty_diff is not None:
                        for line in adj["Line"]:
                            detail = line["ItemAdjustmentLineDetail"]
                            item = self._items[self.realm_id][detail["ItemRef"]["value"]]
                            old = Decimal(str(detail["QtyDiff"]))
                            item["QtyOnHand"] = float(
                                Decimal(str(item["QtyOnHand"])) - old + Decimal(qty_diff)
                            )
                            detail["QtyDiff"] = float(qty_diff)
                    adj["SyncToken"] = str(int(adj["SyncToken"]) + 1)
                    adj["MetaData"]["LastUpdatedTime"] = _now_iso()
                    adj["MetaData"]["LastModifiedByRef"] = {"value": by}
                    self._changed.append(("InventoryAdjustment", adjustment_id, time.time(), None))
                    return self._public(adj)
        raise KeyError(adjustment_id)

    def delete_adjustment(self, adjustment_id: str) -> None:
        with self._lock:
            adjustments = self._adjustments[self.realm_id]
            gone = [a for a in adjustments if a["Id"] == adjustment_id]
            if not gone:
                raise KeyError(adjustment_id)
            adjustments.remove(gone[0])
            self._changed.append(("InventoryAdjustment", adjustment_id, time.time(), "Deleted"))

    @staticmethod
    def webhook(
        verifier: str,
        changes: list[tuple[str, str, str]],
        realm: str = REALM_ID,
        cloud_events: bool = True,
    ) -> tuple[bytes, str]:
        """(raw body, intuit-signature) of a delivery: changes are (entity, id, operation)
        such as ("JournalEntry", "101", "Update"); CloudEvents or the older shape."""
        when = datetime.now(UTC).isoformat(timespec="milliseconds")
        if cloud_events:
            payload: Any = [
                {
                    "specversion": "1.0",
                    "id": secrets.token_hex(8),
                    "source": "intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=",
                    "type": f"qbo.{entity.lower()}.{op.lower()}d.v1",
                    "datacontenttype": "application/json",
                    "time": when,
                    "intuitentityid": ident,
                    "intuitaccountid": realm,
                    "data": {},
                }
                for entity, ident, op in changes
            ]
        else:
            payload = {
                "eventNotifications": [
                    {
                        "realmId": realm,
                        "dataChangeEvent": {
                            "entities": [
                                {"name": entity, "id": ident, "operation": op, "lastUpdated": when}
                                for entity, ident, op in changes
                            ]
                        },
                    }
                ]
            }
        raw = json.dumps(payload).encode()
        digest = hmac.new(verifier.encode(), raw, hashlib.sha256).digest()
        return raw, base64.b64encode(digest).decode()

    def _cdc(self, realm: str, params: dict[str, str]) -> dict[str, Any]:
        since_text = params.get("changedSince") or ""
        try:
            since = datetime.fromisoformat(since_text.replace("Z", "+00:00")).timestamp()
        except ValueError as exc:
            raise _Fault("2050", "Invalid date", f"changedSince {since_text!r}") from exc
        wanted = {e.strip() for e in (params.get("entities") or "").split(",") if e.strip()}
        # As QuickBooks: one QueryResponse per entity asked for that changed; JournalEntry
        # and InventoryAdjustment ids are separate sequences (the same Id may be both).
        found: dict[str, dict[str, dict[str, Any]]] = {}
        for entity, ident, at, status in self._changed:
            if entity not in wanted or at < since:
                continue
            if status == "Deleted":
                found.setdefault(entity, {})[ident] = {
                    "Id": ident,
                    "status": "Deleted",
                    "domain": "QBO",
                    "MetaData": {"LastUpdatedTime": _now_iso()},
                }
            else:
                held = self._adjustments[realm] if entity == "InventoryAdjustment" else None
                pool = held if held is not None else self._entries[realm]
                current = [e for e in pool if e["Id"] == ident]
                if current:
                    found.setdefault(entity, {})[ident] = (
                        self._public(current[0]) if held is not None else copy.deepcopy(current[0])
                    )
        responses = [{entity: list(rows.values())} for entity, rows in found.items()]
        return {"CDCResponse": [{"QueryResponse": responses or [{}]}], "time": _now_iso()}

    # -- breaking things

    def fail_next(self, path_kind: str, kind: str, times: int = 1) -> None:
        """The next `times` requests of `path_kind` (query, journalentry, batch, token, revoke
        or any) fail with `kind`: throttle_xml, html_503, empty_502, system_fault_500,
        unexpected_6000, auth_401, drop_after_create or timeout_after_create."""
        if path_kind not in PATH_KINDS:
            raise ValueError(f"path_kind must be one of {sorted(PATH_KINDS)}")
        if kind not in BEFORE_KINDS | AFTER_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}")
        with self._lock:
            self._faults[path_kind].extend([kind] * times)

    def realm_down(self, realm: str, kind: str = "html_503") -> None:
        """Every API request for `realm` fails with `kind` until `realm_up`: one company's
        outage (Intuit serves each company from its own shard), the others unaffected."""
        if kind not in BEFORE_KINDS:
            raise ValueError(f"an outage answers before doing anything: one of {BEFORE_KINDS}")
        with self._lock:
            self._down[realm] = kind

    def realm_up(self, realm: str) -> None:
        with self._lock:
            self._down.pop(realm, None)

    def fault_next(
        self,
        path_kind: str,
        code: str,
        message: str,
        detail: str = "",
        status: int = 400,
        fault_type: str = "ValidationFault",
    ) -> None:
        """The next request of `path_kind` gets this JSON Fault (e.g. 6210 closed period)."""
        with self._lock:
            self._faults[path_kind].append(
                _fault_answer(_Fault(code, message, detail, status, fault_type))
            )

    def enforce_limits(
        self,
        per_minute: int | None = 500,
        batch_per_minute: int | None = 40,
        per_second: int | None = None,
    ) -> None:
        """Beyond these (per realm, sliding windows) answer 429 with the XML 3001 fault."""
        with self._lock:
            self._limits = {"minute": per_minute, "batch": batch_per_minute, "second": per_second}

    def enforce_in_flight(self, limit: int | None = 10) -> None:
        """Beyond `limit` API requests in flight at once for a company, answer 429 (as
        Intuit: 10 concurrent requests per company and app)."""
        with self._lock:
            self._in_flight_limit = limit

    # -- internals: tokens

    def _new_grant(self, realm: str) -> dict[str, Any]:
        grant = _Grant(realm, "")
        self._grants.append(grant)
        return self._issue(grant)

    def _issue(self, grant: _Grant) -> dict[str, Any]:
        access = "fake-at-" + secrets.token_urlsafe(24)
        grant.refresh_token = "fake-rt-" + secrets.token_urlsafe(24)
        self._refresh[grant.refresh_token] = grant
        self._access[access] = _Access(grant)
        return {
            "access_token": access,
            "refresh_token": grant.refresh_token,
            "token_type": "bearer",
            "expires_in": ACCESS_SECONDS,
            "x_refresh_token_expires_in": REFRESH_SECONDS,
        }

    def _client_ok(self, auth: str | None) -> bool:
        if not auth or not auth.lower().startswith("basic "):
            return False
        try:
            user, _, password = b64decode(auth[6:].strip()).decode().partition(":")
        except ValueError:
            return False
        return user == self.client_id and password == self.client_secret

    def _token(self, auth: str | None, form: dict[str, str]) -> _Answer:
        if not self._client_ok(auth):
            return _json(401, {"error": "invalid_client"})
        grant_type = form.get("grant_type")
        with self._lock:
            if grant_type == "authorization_code":
                realm = self._codes.pop(form.get("code", ""), None)  # single use
                if realm is None or form.get("redirect_uri") != self.redirect_uri:
                    return _json(400, {"error": "invalid_grant"})
                return _json(200, self._new_grant(realm))
            if grant_type == "refresh_token":
                grant = self._refresh.get(form.get("refresh_token", ""))
                if (
                    grant is None
                    or grant.revoked
                    or grant.refresh_token != form.get("refresh_token")
                ):
                    return _json(400, {"error": "invalid_grant"})
                self.refreshes += 1
                return _json(200, self._issue(grant))  # rotation: the old one is dead now
        if not grant_type:
            return _json(400, {"error": "invalid_request"})
        return _json(400, {"error": "unsupported_grant_type"})

    def _revoke(self, auth: str | None, body: Any) -> _Answer:
        if not self._client_ok(auth):
            return _json(401, {"error": "invalid_client"})
        token = body.get("token") if isinstance(body, dict) else None
        if not token:
            return _json(400, {"error": "invalid_request"})
        with self._lock:
            grant = self._refresh.get(token)
            if grant is None and token in self._access:
                grant = self._access[token].grant
            if grant is not None:
                grant.revoked = True
        return _Answer(200, b"", "application/json")

    def _bearer(self, auth: str | None, realm: str) -> _Answer | None:
        token = auth[7:].strip() if auth and auth.lower().startswith("bearer ") else ""
        with self._lock:
            access = self._access.get(token)
            if access is None or access.grant.revoked:
                return _auth_fault("Token invalid")
            if access.expired:
                return _auth_fault("Token expired")
            if access.grant.realm != realm:
                return _auth_fault("Token is not authorized for this company", 403)
        return None

    # -- internals: the API

    def _over_limit(self, realm: str, batch: bool) -> bool:
        with self._lock:
            now = time.monotonic()
            checks = [
                (self._starts[realm], 60.0, self._limits.get("minute")),
                (self._starts[realm], 1.0, self._limits.get("second")),
            ]
            if batch:
                checks.append((self._batch_starts[realm], 60.0, self._limits.get("batch")))
            for starts in (self._starts[realm], self._batch_starts[realm]):
                while starts and starts[0] <= now - 60.0:
                    starts.popleft()
            over = False
            for starts, span, limit in checks:
                recent = sum(1 for t in starts if t > now - span)
                over = over or (limit is not None and recent >= limit)
            self._starts[realm].append(now)
            if batch:
                self._batch_starts[realm].append(now)
            return over

    def _next_fault(self, kind: str) -> _Answer | str | None:
        with self._lock:
            for key in (kind, "any"):
                if self._faults.get(key):
                    return self._faults[key].popleft()
        return None

    def _api(
        self,
        method: str,
        realm: str,
        endpoint: str,
        auth: str | None,
        params: dict[str, str],
        body: Any,
    ) -> tuple[_Answer, bool]:
        """(answer, replayed)."""
        denied = self._bearer(auth, realm)
        if denied is not None:
            return denied, False
        with self._lock:
            outage = self._down.get(realm)
        if outage is not None:
            return _injected(outage), False
        fault = self._next_fault(endpoint)
        if isinstance(fault, _Answer):
            return fault, False
        if fault in BEFORE_KINDS:
            return _injected(str(fault)), False
        if self._limits and self._over_limit(realm, endpoint == "batch"):
            return _injected("throttle_xml"), False
        request_id = params.get("requestid")
        key = (realm, endpoint, request_id or "")
        with self._lock:
            if request_id and self.honour_request_id and key in self._replay:
                answer = copy.copy(self._replay[key])
                answer.after = fault if isinstance(fault, str) else None
                return answer, True
            try:
                if endpoint == "query":
                    statement = params.get("query") or (body if isinstance(body, str) else "")
                    answer = _json(200, self._query(realm, statement))
                elif endpoint == "journalentry" and method == "POST":
                    entity = self._create_entry(realm, body)
                    answer = _json(200, {"JournalEntry": entity, "time": _now_iso()})
                elif endpoint == "batch" and method == "POST":
                    answer = _json(200, self._batch(realm, body))
                elif endpoint == "account" and method == "POST":  # w11-map
                    answer = _json(200, {"Account": self._create_account(realm, body)})
                elif endpoint == "inventoryadjustment" and method == "POST":  # w11-map
                    adj = self._create_adjustment(realm, body, params)
                    answer = _json(200, {"InventoryAdjustment": adj, "time": _now_iso()})
                elif endpoint == "reports/generalledger" and method == "GET":  # w11-map
                    answer = _json(200, self._general_ledger(realm, params))
                elif endpoint == "cdc" and method == "GET":
                    answer = _json(200, self._cdc(realm, params))
                else:
                    raise _Fault(
                        "2010",
                        "Request has invalid or unsupported property",
                        f"Unsupported operation {method} {endpoint}",
                    )
            except _Fault as exc:
                answer = _fault_answer(exc)
            if request_id and method == "POST":
                self._replay[key] = answer
        answer = copy.copy(answer)
        answer.after = fault if isinstance(fault, str) else None
        return answer, False

    def _query(self, realm: str, statement: str) -> dict[str, Any]:
        q = _parse_query(statement)
        if q["entity"] == "CompanyInfo":
            rows = [
                {
                    "Id": "1",
                    "CompanyName": self.company_name,
                    "Country": self._company(realm)["country"],
                    "SyncToken": "0",
                }
            ]
        elif q["entity"] == "Preferences":
            rows = [self._preferences(realm)]
        elif q["entity"] == "Item":
            rows = list(self._items[realm].values())
        elif q["entity"] == "InventoryAdjustment":
            rows = [self._public(a) for a in self._adjustments[realm]]
        elif q["entity"] == "Account":
            rows = list(self._accounts[realm].values())
            # As QuickBooks: a name-list query without an Active condition shows active only.
            if not any(name.lower() == "active" for name, _ in q["conditions"]):
                rows = [r for r in rows if r["Active"]]
        else:
            rows = list(self._entries[realm])
        rows = sorted((r for r in rows if _matches(r, q["conditions"])), key=_id_order)
        if [f.lower().replace(" ", "") for f in q["fields"]] == ["count(*)"]:
            return {"QueryResponse": {"totalCount": len(rows)}, "time": _now_iso()}
        page = rows[q["start"] - 1 : q["start"] - 1 + q["max"]]
        if q["fields"] != ["*"]:
            wanted = {f.lower() for f in q["fields"]}
            page = [
                {
                    **{k: v for k, v in r.items() if k.lower() in wanted},
                    "domain": "QBO",
                    "sparse": True,
                }
                for r in page
            ]
        if not page:
            return {"QueryResponse": {}, "time": _now_iso()}
        return {
            "QueryResponse": {
                q["entity"]: copy.deepcopy(page),
                "startPosition": q["start"],
                "maxResults": len(page),
            },
            "time": _now_iso(),
        }

    def _validate_entry(self, realm: str, body: Any) -> None:
        if not isinstance(body, dict):
            raise _Fault(
                "2010",
                "Request has invalid or unsupported property",
                "JournalEntry must be an object",
            )
        if "Id" in body:
            # QuickBooks reads an Id as an update, which needs a SyncToken.
            raise _Fault(
                "2020",
                "Required param missing, need to supply the required value for the API",
                "Required parameter SyncToken is missing in the request",
                element="SyncToken",
            )
        doc = body.get("DocNumber")
        if doc is not None and len(str(doc)) > DOC_NUMBER_MAX:
            raise _Fault(
                "2050",
                "String length exceeds",
                "String length specified does not "
                f"match the supported length. Min:0 Max:{DOC_NUMBER_MAX} supplied:"
                f"{len(str(doc))}",
                element="DocNumber",
            )
        lines = body.get("Line")
        if not isinstance(lines, list) or not lines:
            raise _Fault(
                "2020",
                "Required param missing, need to supply the required value for the API",
                "Required parameter Line is missing in the request",
                element="Line",
            )
        totals = {"Debit": Decimal(0), "Credit": Decimal(0)}
        for line in lines:
            detail = line.get("JournalEntryLineDetail") if isinstance(line, dict) else None
            if not isinstance(detail, dict) or line.get("DetailType") != "JournalEntryLineDetail":
                raise _Fault(
                    "2020",
                    "Required param missing, need to supply the required value for the API",
                    "Required parameter JournalEntryLineDetail is missing in the request",
                )
            posting = detail.get("PostingType")
            if posting not in totals:
                raise _Fault(
                    "2170",
                    "Invalid Enumeration",
                    f"Invalid Enumeration : {posting}",
                    element="PostingType",
                )
            amount = line.get("Amount")
            try:
                value = (
                    Decimal(str(amount))
                    if isinstance(amount, int | float | str) and not isinstance(amount, bool)
                    else None
                )
            except InvalidOperation:
                value = None
            if (
                value is None
                or not value.is_finite()
                or value < 0
                or value.as_tuple().exponent < -2
            ):  # type: ignore[operator]
                raise _Fault(
                    "2050", "Invalid Number", f"Invalid Number : {amount}", element="Amount"
                )
            totals[posting] += value
            ref = detail.get("AccountRef")
            ref_id = str(ref.get("value")) if isinstance(ref, dict) and ref.get("value") else ""
            if not ref_id:
                raise _Fault(
                    "2020",
                    "Required param missing, need to supply the required value for the API",
                    "Required parameter AccountRef is missing in the request",
                    element="AccountRef",
                )
            acct = self._accounts[realm].get(ref_id)
            if acct is None:
                raise _Fault(
                    "2500",
                    "Invalid Reference Id",
                    f"Invalid Reference Id : Accounts element id {ref_id} not found",
                    element="AccountRef",
                )
            if not acct["Active"]:
                raise _Fault(
                    "610",
                    "Object Not Found",
                    "Something you're trying to use has "
                    "been made inactive. Check the fields with accounts, customers, "
                    "items, vendors or employees.",
                    element="AccountRef",
                )
        if totals["Debit"] != totals["Credit"]:
            # Business validation: code 6000, but not the transient "unexpected error".
            raise _Fault(
                "6000",
                "A business validation error has occurred while processing your request",
                "Business Validation Error: Transaction must balance.",
            )

    def _create_entry(self, realm: str, body: Any) -> dict[str, Any]:
        self._validate_entry(realm, body)
        currency = self._check_text_and_currency(realm, body)  # w11-map
        self._refuse_duplicate_doc(realm, body)
        entity = copy.deepcopy(body)
        total = Decimal(0)
        for n, line in enumerate(entity["Line"]):
            line["Id"] = str(n)
            detail = line["JournalEntryLineDetail"]
            ref = detail["AccountRef"]
            ref.setdefault("name", self._accounts[realm][str(ref["value"])]["Name"])
            if detail["PostingType"] == "Debit":
                total += Decimal(str(line["Amount"]))
        now = _now_iso()
        entity.update(
            {
                "Id": str(next(self._entry_ids)),
                "SyncToken": "0",
                "domain": "QBO",
                "sparse": False,
                "Adjustment": False,
                "TotalAmt": float(total),
                "TxnDate": entity.get("TxnDate") or date.today().isoformat(),
                "CurrencyRef": currency,
                "MetaData": {"CreateTime": now, "LastUpdatedTime": now},
            }
        )
        self._entries[realm].append(entity)  # duplicate DocNumbers accepted, as QuickBooks
        return copy.deepcopy(entity)

    def _batch(self, realm: str, body: Any) -> dict[str, Any]:
        items = body.get("BatchItemRequest") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            raise _Fault(
                "2020",
                "Required param missing, need to supply the required value for the API",
                "Required parameter BatchItemRequest is missing",
            )
        if len(items) > MAX_BATCH:
            raise _Fault(
                "1040",
                "Too many batch items",
                f"The maximum number of batch items is {MAX_BATCH}; the request has {len(items)}",
            )
        answers = []
        for item in items:
            bid = str(item.get("bId")) if isinstance(item, dict) else ""
            try:
                if item.get("operation") != "create" or "JournalEntry" not in item:
                    raise _Fault(
                        "2010",
                        "Request has invalid or unsupported property",
                        "Only create of JournalEntry is supported by this fake",
                    )
                answers.append(
                    {"bId": bid, "JournalEntry": self._create_entry(realm, item["JournalEntry"])}
                )
            except _Fault as exc:
                answers.append({"bId": bid, "Fault": exc.fault()})
        answers = [a for a in answers if a["bId"] not in self.omit_from_batch_answer]
        self._rng.shuffle(answers)  # QuickBooks promises no order: match by bId
        return {"BatchItemResponse": answers, "time": _now_iso()}

    # -- HTTP

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def do_GET(self) -> None:
                self._handle(b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._handle(self.rfile.read(length) if length else b"")

            def _handle(self, raw: bytes) -> None:
                parts = urlsplit(self.path)
                params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                body = _decode_body(ctype, raw)
                auth = self.headers.get("Authorization")
                headers = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
                if auth:
                    headers["Authorization"] = auth.split(" ", 1)[0] + " <redacted>"
                kind, realm, endpoint = _route(self.command, parts.path)
                req = Request(
                    self.command, parts.path, kind, realm, params, headers, body, time.time(), raw
                )
                with fake._lock:
                    fake._requests.append(req)
                try:
                    answer = self._answer(kind, realm, endpoint, auth, params, body, req)
                except Exception as exc:  # a bug in the fake must not hang the client
                    answer = _json(500, {"fake_error": repr(exc)})
                # As Intuit: every answer (API, token, revoke; faults too) has its own tid.
                req.tid = "1-" + secrets.token_hex(8)
                answer.headers = {**answer.headers, "intuit_tid": req.tid}
                if answer.after == "drop_after_create":
                    self.close_connection = True  # close without a word, as a dying proxy
                    req.tid = None
                    return
                if answer.after == "timeout_after_create":
                    time.sleep(fake.hang_seconds)
                req.status = answer.status
                try:
                    self._send(answer)
                except OSError:  # the client gave up waiting
                    self.close_connection = True

            def _answer(
                self,
                kind: str,
                realm: str | None,
                endpoint: str,
                auth: str | None,
                params: dict[str, str],
                body: Any,
                req: Request,
            ) -> _Answer:
                if kind in ("token", "revoke"):
                    fault = fake._next_fault(kind)
                    if isinstance(fault, _Answer):
                        return fault
                    if fault in BEFORE_KINDS:
                        return _injected(str(fault))
                    if kind == "token":
                        return fake._token(auth, body if isinstance(body, dict) else {})
                    return fake._revoke(auth, body)
                if kind == "discovery":
                    fault = fake._next_fault(kind)
                    if fault in BEFORE_KINDS:
                        return _injected(str(fault))
                    return fake._discovery()
                if kind == "authorize":
                    return _Answer(
                        200, b"<html><body>Connect to QuickBooks</body></html>", "text/html"
                    )
                if realm is None:
                    return _Answer(404, b"Not Found", "text/plain")
                with fake._lock:
                    fake._in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake._in_flight)
                    crowded = (
                        fake._in_flight_limit is not None
                        and fake._in_flight > fake._in_flight_limit
                    )
                if crowded:
                    with fake._lock:
                        fake._in_flight -= 1
                    return _injected("throttle_xml")
                try:
                    if fake.latency:
                        time.sleep(fake.latency)
                    answer, req.replayed = fake._api(
                        self.command, realm, endpoint, auth, params, body
                    )
                finally:
                    with fake._lock:
                        fake._in_flight -= 1
                return answer

            def _send(self, answer: _Answer) -> None:
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                for k, v in answer.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(answer.body)

        return Handler


def _decode_body(ctype: str, raw: bytes) -> Any:
    if not raw:
        return None
    text = raw.decode("utf-8", "replace")
    if ctype == "application/json":
        try:
            return json.loads(text)
        except ValueError:
            return text
    if ctype == "application/x-www-form-urlencoded":
        return {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}
    return text


_REPORT_PATH = re.compile(r"^/v3/company/(?P<realm>[^/]+)/reports/(?P<report>\w+)/?$")
_API_PATH = re.compile(r"^/v3/company/(?P<realm>[^/]+)/(?P<endpoint>[^/?]+)/?$")


def _route(method: str, path: str) -> tuple[str, str | None, str]:
    """(kind, realm, endpoint) for a request path."""
    if path == "/oauth2/v1/tokens/bearer" and method == "POST":
        return "token", None, ""
    if path == "/v2/oauth2/tokens/revoke" and method == "POST":
        return "revoke", None, ""
    if path == "/connect/oauth2":
        return "authorize", None, ""
    if path in DISCOVERY_PATHS and method == "GET":
        return "discovery", None, ""
    r = _REPORT_PATH.match(path)  # w11-map: /v3/company/{realm}/reports/{name}
    if r:
        return "reports", r["realm"], "reports/" + r["report"].lower()
    m = _API_PATH.match(path)
    if m:
        endpoint = m["endpoint"].lower()
        return (endpoint if endpoint in PATH_KINDS else "other"), m["realm"], endpoint
    return "other", None, ""


class FakeTokens:
    """A TokenSource (see qbo.client) for tests: tokens issued by the fake, refreshed at its
    token endpoint with the real `refresh_tokens`, the rotated refresh token kept in memory.
    Counts refreshes; a refresh asked for an already replaced token is not repeated."""

    def __init__(self, fake: FakeQbo, http: httpx.Client, realm_id: str | None = None) -> None:
        issued = fake.issue_tokens(realm_id)
        self._access, self._refresh = issued["access_token"], issued["refresh_token"]
        self.cfg, self.http = fake.oauth_config(), http
        self.refreshes = 0
        self._lock = threading.Lock()

    def access_token(self) -> str:
        with self._lock:
            return self._access

    def refresh_access_token(self, rejected: str) -> str:
        with self._lock:
            if rejected != self._access:
                return self._access  # another thread already refreshed
            tokens = refresh_tokens(self.http, self.cfg, self._refresh)
            self._access, self._refresh = tokens.access_token, tokens.refresh_token
            self.refreshes += 1
            return self._access


@pytest.fixture(name="fake_qbo")
def fake_qbo_fixture() -> Iterator[FakeQbo]:
    """A running fake QuickBooks Online, stopped after the test.

    Import it as `from tests.fakes.qbo_api import fake_qbo_fixture  # noqa: F401`: pytest
    knows it as "fake_qbo", and the different Python name spares ruff's F811."""
    with FakeQbo() as fake:
        yield fake
