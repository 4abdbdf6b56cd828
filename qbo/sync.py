"""The sync outbox worker: push posted entries to QuickBooks exactly once.

A pass claims due outbox rows (FOR UPDATE SKIP LOCKED on PostgreSQL, so several processes
share the work without overlap; SQLite serialises writers itself), looks up by DocNumber
anything whose earlier push has an unknown outcome, and sends the rest in batches of up to
30 with a stable request id. Results are matched by bId. Transient failures come back with
growing delays; permanent ones wait for a person. Nothing here knows about Slack: the bot
reads the report and the rows to update cards and alert the channel.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol, cast

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ledger.db import session_scope
from ledger.models import (
    Account,
    JournalEntry,
    JournalLine,
    OutboxItem,
    OutboxStatus,
    utcnow,
)
from ledger.names import shown
from qbo.company import currency_terms
from qbo.connection import ConnectionBroken, NotConnected
from qbo.crypto import SecretKeyError
from qbo.errors import QboError
from qbo.inventory import (
    AdjustmentClient,
    AdjustmentPlan,
    LocalOnly,
    plan_adjustments,
    push_adjustments,
)
from qbo.journal import HeldError, LedgerEntry, LedgerLine, journal_entry_body
from qbo.mapping import load_mapping

log = logging.getLogger(__name__)

BATCH_SIZE = 30
CLAIM_LIMIT = 300
# An in-flight claim older than this was abandoned by a crash. A live pass renews its claim
# before every batch, so only a dead one ever reaches it.
LEASE = timedelta(minutes=15)
# Batches sent at once by one pass: QuickBooks allows 10 requests in flight; a batch of 30
# can take seconds, and one at a time would cap a pass far below the 40-batch/min ceiling.
PARALLEL_BATCHES = 4
MAX_BACKOFF = timedelta(hours=1)
REQUEST_ID_NAMESPACE = uuid.UUID("6f1c3f3e-8d8e-4d53-9a55-2b1f6f0c9a11")


class Client(Protocol):
    def find_journal_entries(self, doc_numbers: Sequence[str]) -> dict[str, dict[str, Any]]: ...

    def batch_create_journal_entries(
        self, items: Sequence[tuple[str, dict[str, Any]]], request_id: str
    ) -> dict[str, dict[str, Any] | QboError]: ...


class ConnectionProblem(Exception):
    """Raised by a client factory when the company cannot talk to QuickBooks right now."""


@dataclass(frozen=True)
class PushFailure:
    """One entry QuickBooks did not take in this pass, with what Intuit support asks for."""

    entry_id: int
    outbox_id: int
    retrying: bool  # True: comes back by itself; False: waits for a person
    message: str  # plain words, as stored in the outbox item's last_error
    code: str | None  # QuickBooks' error code, or the HTTP status, or "unknown"
    tid: str | None  # intuit_tid of the answer that carried the fault (None: no answer)


@dataclass
class SyncReport:
    claimed: int = 0
    pushed: list[int] = field(default_factory=list)  # entry ids created now
    adopted: list[int] = field(default_factory=list)  # already in QuickBooks: adopted
    held: list[tuple[int, str]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # waits for a person
    retrying: list[tuple[int, str]] = field(default_factory=list)  # will retry by itself
    # Every entry in `failed` and `retrying`, with its code and intuit_tid.
    failures: list[PushFailure] = field(default_factory=list)
    connection_problem: str | None = None
    requests: int = 0
    # Entries sent as InventoryAdjustments that QuickBooks valued differently from the
    # ledger: entry id -> QuickBooks' value minus the ledger's (qbo/inventory.py).
    value_differences: dict[int, Decimal] = field(default_factory=dict)

    @property
    def synced(self) -> list[int]:
        return self.pushed + self.adopted

    def tid_of(self, entry_id: int) -> str | None:
        """The intuit_tid of this entry's failure in this pass, if QuickBooks sent one."""
        return next((f.tid for f in self.failures if f.entry_id == entry_id), None)

    def summary(self) -> str:
        parts = [
            f"{len(self.pushed)} pushed",
            f"{len(self.adopted)} already there",
            f"{len(self.held)} held",
            f"{len(self.failed)} failed",
            f"{len(self.retrying)} to retry",
        ]
        if self.connection_problem:
            parts.append(f"not sent: {self.connection_problem}")
        if self.value_differences:
            parts.append(
                f"{len(self.value_differences)} valued differently by QuickBooks "
                f"(net {sum(self.value_differences.values(), Decimal(0)):+}; true-up offered)"
            )
        return ", ".join(parts)


def backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """1 min, 2, 4 ... capped at an hour, with +-20% jitter so retries do not synchronise."""
    base = min(60.0 * 2 ** max(0, attempts - 1), MAX_BACKOFF.total_seconds())
    return timedelta(seconds=base * (rng or random).uniform(0.8, 1.2))


def batch_request_id(realm_id: str, doc_numbers: Sequence[str]) -> str:
    """Stable for the same batch: a repeated send of the same entries replays, not re-creates.
    uuid5 text is 36 characters, QuickBooks' limit for a batch requestid."""
    return str(uuid.uuid5(REQUEST_ID_NAMESPACE, f"{realm_id}:{','.join(sorted(doc_numbers))}"))


def claim_due(
    engine: Engine,
    company_id: int,
    worker: str,
    now: datetime,
    entry_ids: Sequence[int] | None = None,
    limit: int = CLAIM_LIMIT,
) -> list[int]:
    """Claim due rows for this worker; returns outbox ids. Committed before any push, so a
    second pass (another process) skips them."""
    oid, status = col(OutboxItem.id), col(OutboxItem.status)
    due = sa.or_(
        sa.and_(status == OutboxStatus.PENDING, col(OutboxItem.next_attempt_at) <= now),
        sa.and_(status == OutboxStatus.IN_FLIGHT, col(OutboxItem.claimed_at) < now - LEASE),
    )
    stmt = sa.select(oid, status).where(col(OutboxItem.company_id) == company_id, due)
    if entry_ids is not None:
        stmt = stmt.where(col(OutboxItem.entry_id).in_(list(entry_ids)))
    stmt = stmt.order_by(oid).limit(limit)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        rows = conn.execute(stmt).all()
        if not rows:
            return []
        ids = [r.id for r in rows]
        abandoned = [r.id for r in rows if r.status == OutboxStatus.IN_FLIGHT]
        conn.execute(
            sa.update(OutboxItem)
            .where(oid.in_(ids))
            .values(
                status=OutboxStatus.IN_FLIGHT,
                claimed_at=now,
                claimed_by=worker,
                updated_at=now,
            )
        )
        if abandoned:
            # Its pass died mid-push: QuickBooks may hold it already. Look before sending.
            conn.execute(
                sa.update(OutboxItem).where(oid.in_(abandoned)).values(needs_reconcile=True)
            )
    return ids


def _ledger_entries(session: Session, entry_ids: Sequence[int]) -> dict[int, LedgerEntry]:
    entries = {
        e.id: e
        for e in session.exec(select(JournalEntry).where(col(JournalEntry.id).in_(list(entry_ids))))
    }
    lines: dict[int, list[LedgerLine]] = {}
    for jl, acct in session.exec(
        select(JournalLine, Account)
        .join(Account, col(Account.id) == col(JournalLine.account_id))
        .where(col(JournalLine.entry_id).in_(list(entry_ids)))
        .order_by(col(JournalLine.line_no))
    ):
        lines.setdefault(jl.entry_id, []).append(
            LedgerLine(acct.code, acct.name, jl.debit, jl.credit, jl.description)
        )
    return {
        eid: LedgerEntry(
            number=e.number or f"JE-{eid}",
            entry_date=e.entry_date,
            memo=e.memo,
            source_text=e.source_text,
            # Names as kept when it was approved (ids stay in the audit trail).
            reporter=shown(e, e.reporter),
            approver=shown(e, e.approved_by),
            entry_id=eid,
            lines=tuple(lines.get(eid, ())),
        )
        for eid, e in entries.items()
        if eid is not None
    }


def run_sync(
    engine: Engine,
    company_id: int,
    realm_id: str,
    make_client: Callable[[], Client],
    *,
    worker: str = "sync",
    now: datetime | None = None,
    entry_ids: Sequence[int] | None = None,
    rng: random.Random | None = None,
    ledger_currency: str | None = None,
) -> SyncReport:
    """One pass. `make_client` may raise ConnectionProblem (not connected, broken).
    `ledger_currency`: what the books are kept in (checked against QuickBooks' home
    currency, and sent as CurrencyRef to a multicurrency company)."""
    now = now or utcnow()
    report = SyncReport()
    # Unique per pass: a renewal must only ever extend this pass's own claim.
    worker = f"{worker}:{uuid.uuid4().hex[:12]}"
    claimed = claim_due(engine, company_id, worker, now, entry_ids)
    report.claimed = len(claimed)
    if not claimed:
        return report
    with session_scope(engine) as s:
        items = {
            i.id: i
            for i in s.exec(select(OutboxItem).where(col(OutboxItem.id).in_(claimed)))
            if i.id is not None
        }
        ledger = _ledger_entries(s, [i.entry_id for i in items.values()])
        mapping = load_mapping(s, company_id)
        currency = currency_terms(s, company_id, ledger_currency)
    outcomes: dict[int, tuple[str, Any]] = {}  # outbox id -> (kind, detail)
    bodies: dict[int, dict[str, Any]] = {}
    for oid, item in items.items():
        try:
            bodies[oid] = journal_entry_body(ledger[item.entry_id], mapping, currency)
        except HeldError as exc:
            outcomes[oid] = ("held", str(exc))
    # Quantities kept in step (qbo/inventory.py): in a company tracking quantity on hand,
    # a quantity loss of a tracked item goes as an InventoryAdjustment instead.
    adjusting: dict[int, AdjustmentPlan] = {}
    entries_of = {oid: items[oid].entry_id for oid in bodies}
    for oid, plan in plan_adjustments(engine, company_id, entries_of, mapping).items():
        bodies.pop(oid, None)
        if isinstance(plan, str):
            outcomes[oid] = ("held", plan)
        elif isinstance(plan, LocalOnly):  # QuickBooks already holds this value
            outcomes[oid] = ("adopted", {"Id": plan.qbo_id, "SyncToken": "0"})
        else:
            adjusting[oid] = plan
    try:
        client = make_client()
        if adjusting:
            unsure = {oid for oid in adjusting if items[oid].needs_reconcile}
            push_adjustments(engine, cast(AdjustmentClient, client), adjusting, unsure, outcomes)
            report.requests += len(adjusting)
        reconcile = [oid for oid in bodies if items[oid].needs_reconcile]
        if reconcile:
            report.requests += 1
            try:
                found = client.find_journal_entries([bodies[oid]["DocNumber"] for oid in reconcile])
            except QboError as exc:  # cannot look: do not send blind, try again later
                found = {}
                for oid in reconcile:
                    outcomes[oid] = ("error", exc)
            for oid in reconcile:
                hit = found.get(bodies[oid]["DocNumber"])
                if hit is not None:
                    outcomes[oid] = ("adopted", hit)
        to_send = [oid for oid in bodies if oid not in outcomes]
        chunks = [to_send[i : i + BATCH_SIZE] for i in range(0, len(to_send), BATCH_SIZE)]
        counting = threading.Lock()

        def send(chunk: list[int]) -> None:
            # Still ours? If this pass outlived its lease, another pass owns these rows now
            # and will look them up first: sending them too could create duplicates.
            mine = renew_claim(engine, chunk, worker, now)
            lost = [oid for oid in chunk if oid not in mine]
            for oid in lost:
                outcomes[oid] = ("lost", None)
            if mine:
                _send(client, realm_id, mine, bodies, outcomes)
                with counting:
                    report.requests += 1

        with ThreadPoolExecutor(max_workers=PARALLEL_BATCHES) as pool:
            for future in [pool.submit(send, c) for c in chunks]:
                future.result()  # re-raise a connection problem from any batch
    except (ConnectionProblem, ConnectionBroken, NotConnected, SecretKeyError) as exc:
        # SecretKeyError: WRITEOFF_SECRET_KEY does not open the stored tokens. Nothing was
        # sent; the entries wait in the queue until the key is put right.
        report.connection_problem = str(exc)
    for oid in [*bodies, *adjusting]:
        outcomes.setdefault(oid, ("released", report.connection_problem))
    _record(engine, items, outcomes, now, report, rng)
    return report


def renew_claim(engine: Engine, ids: Sequence[int], worker: str, now: datetime) -> list[int]:
    """Extend this pass's claim on `ids`; returns the ones it still holds."""
    mine = sa.and_(
        col(OutboxItem.id).in_(list(ids)),
        col(OutboxItem.claimed_by) == worker,
        col(OutboxItem.status) == OutboxStatus.IN_FLIGHT,
    )
    with engine.begin() as conn:
        conn.execute(sa.update(OutboxItem).where(mine).values(claimed_at=max(now, utcnow())))
        return [r.id for r in conn.execute(sa.select(col(OutboxItem.id)).where(mine))]


def _send(
    client: Client,
    realm_id: str,
    chunk: list[int],
    bodies: dict[int, dict[str, Any]],
    outcomes: dict[int, tuple[str, Any]],
) -> None:
    request_id = batch_request_id(realm_id, [bodies[oid]["DocNumber"] for oid in chunk])
    try:
        results = client.batch_create_journal_entries(
            [(str(oid), bodies[oid]) for oid in chunk], request_id
        )
    except QboError as exc:
        for oid in chunk:
            outcomes[oid] = ("error", exc)
        return
    for oid in chunk:
        result = results.get(str(oid))
        if isinstance(result, dict):
            outcomes[oid] = ("created", result)
        elif isinstance(result, QboError):
            outcomes[oid] = ("error", result)
        else:
            outcomes[oid] = ("unknown", "QuickBooks did not answer for this entry")


def _record(
    engine: Engine,
    items: dict[int, OutboxItem],
    outcomes: dict[int, tuple[str, Any]],
    now: datetime,
    report: SyncReport,
    rng: random.Random | None,
) -> None:
    with session_scope(engine) as s:
        for oid, (kind, detail) in outcomes.items():
            item = s.get(OutboxItem, oid)
            if item is None or kind == "lost":
                continue  # another pass took it over: its record is the one that counts
            item.updated_at = now
            item.claimed_at, item.claimed_by = None, None
            if kind in ("created", "adopted"):
                entry = s.get(JournalEntry, item.entry_id)
                item.status = OutboxStatus.SYNCED
                item.external_id = str(detail.get("Id"))
                item.synced_at = now
                item.needs_reconcile = False
                item.last_error = item.last_error_code = None
                _set_error_tid(item, None)
                item.failing_since = None
                if entry is not None:
                    entry.qbo_id = item.external_id
                    entry.qbo_sync_token = str(detail.get("SyncToken") or "0")
                    s.add(entry)
                (report.pushed if kind == "created" else report.adopted).append(item.entry_id)
            elif kind == "held":
                item.status = OutboxStatus.HELD
                item.last_error, item.last_error_code = str(detail)[:1000], "held"
                _set_error_tid(item, None)  # held by us, not refused by QuickBooks
                item.failing_since = item.failing_since or now
                report.held.append((item.entry_id, str(detail)))
            elif kind == "released":
                # Never sent (no connection): back in the queue, no attempt spent.
                item.status = OutboxStatus.PENDING
                item.next_attempt_at = now + timedelta(minutes=1)
                item.last_error = str(detail) if detail else None
                _set_error_tid(item, None)
            else:
                _failure(item, kind, detail, now, report, rng)
            s.add(item)


def _failure(
    item: OutboxItem,
    kind: str,
    detail: Any,
    now: datetime,
    report: SyncReport,
    rng: random.Random | None,
) -> None:
    item.attempts += 1
    item.failing_since = item.failing_since or now
    tid: str | None = None
    if kind == "unknown":
        retryable, unknown, message, code = True, True, str(detail), "unknown"
    else:
        err: QboError = detail
        retryable, unknown = err.retryable, err.outcome_unknown
        message, code = err.plain_words(), (err.code or str(err.status or ""))
        tid = err.tid
    item.last_error, item.last_error_code = message[:1000], (code or None)
    _set_error_tid(item, tid)
    if unknown:
        item.needs_reconcile = True
    if retryable:
        item.status = OutboxStatus.PENDING
        item.next_attempt_at = now + backoff(item.attempts, rng)
        report.retrying.append((item.entry_id, message))
    else:
        item.status = OutboxStatus.FAILED
        report.failed.append((item.entry_id, message))
    report.failures.append(
        PushFailure(item.entry_id, item.id or 0, retryable, message, code or None, tid)
    )
    # Plain words and ids only: QboError messages never hold tokens, and neither does this.
    log.warning(
        "QuickBooks push of entry %s (outbox %s) failed, %s: code %s, intuit_tid %s: %s",
        item.entry_id,
        item.id,
        f"retry {item.attempts} due {item.next_attempt_at.isoformat()}"
        if retryable
        else "waits for a person",
        code or "none",
        tid or "none",
        message,
        extra={
            "entry_id": item.entry_id,
            "outbox_id": item.id,
            "qbo_code": code or None,
            "intuit_tid": tid,
        },
    )


def _set_error_tid(item: OutboxItem, tid: str | None) -> None:
    """Store the intuit_tid of the item's last failure beside last_error (None clears it):
    the reference Intuit support asks for."""
    item.last_error_tid = tid[:64] if tid else None


def requeue(engine: Engine, company_id: int, entry_id: int, now: datetime | None = None) -> bool:
    """A person's Retry: a failed or held entry goes back to the queue, due now."""
    now = now or utcnow()
    with engine.begin() as conn:
        result = conn.execute(
            sa.update(OutboxItem)
            .where(
                col(OutboxItem.company_id) == company_id,
                col(OutboxItem.entry_id) == entry_id,
                col(OutboxItem.status).in_(
                    [OutboxStatus.FAILED, OutboxStatus.HELD, OutboxStatus.PENDING]
                ),
            )
            .values(
                status=OutboxStatus.PENDING,
                next_attempt_at=now,
                updated_at=now,
                version=col(OutboxItem.version) + 1,  # the card shows failed -> pending
            )
        )
    return bool(result.rowcount)


class QboSyncState(StrEnum):
    """An entry's QuickBooks state as people see it (the card, `--json`): the outbox status,
    with in-flight shown as pending, and pending as not connected while it is not."""

    NOT_CONNECTED = "not_connected"
    PENDING = "pending"
    SYNCED = "synced"
    FAILED = "failed"
    HELD = "held"


@dataclass(frozen=True)
class QboState:
    status: QboSyncState
    id: str | None
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return {"status": str(self.status), "id": self.id, "last_error": self.last_error}

    def card_text(self) -> str:
        if self.status == QboSyncState.SYNCED:
            return f"synced, JournalEntry {self.id}"
        if self.status == QboSyncState.NOT_CONNECTED:
            return "not connected"
        if self.status in (QboSyncState.FAILED, QboSyncState.HELD):
            return f"{self.status}: {self.last_error or 'see the alert'}"
        if self.last_error:
            return f"pending (retrying: {self.last_error})"
        return "pending"


def qbo_states(session: Session, entry_ids: Sequence[int], connected: bool) -> dict[int, QboState]:
    rows = session.exec(select(OutboxItem).where(col(OutboxItem.entry_id).in_(list(entry_ids))))
    out: dict[int, QboState] = {}
    for item in rows:
        status = (
            QboSyncState.PENDING
            if item.status == OutboxStatus.IN_FLIGHT
            else QboSyncState(item.status)
        )
        if status == QboSyncState.PENDING and not connected:
            status = QboSyncState.NOT_CONNECTED
        out[item.entry_id] = QboState(status, item.external_id, item.last_error)
    return out
