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
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
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
from qbo.identity import (
    DEFAULT_DOC_PREFIX,
    clashing_txn_id,
    describe,
    doc_number,
    install_id,
    is_ours,
    request_id,
)
from qbo.inventory import (
    AdjustmentClient,
    AdjustmentPlan,
    LocalOnly,
    plan_adjustments,
    push_adjustments,
)
from qbo.journal import HeldError, LedgerEntry, LedgerLine, journal_entry_body, total_debits
from qbo.mapping import load_mapping

log = logging.getLogger(__name__)

BATCH_SIZE = 30
CLAIM_LIMIT = 300
# An in-flight claim older than this was abandoned by a crash. A live pass renews its claim
# before every batch, and one that fails part-way releases its claim at once (`_release`), so
# only a dead process ever reaches it.
LEASE = timedelta(minutes=15)
# Batches sent at once by one pass: QuickBooks allows 10 requests in flight; a batch of 30
# can take seconds, and one at a time would cap a pass far below the 40-batch/min ceiling.
PARALLEL_BATCHES = 4
# At most this many entries go as plain creates when the batch budget is spent (a burst of
# approvals); a larger backlog waits for batches, which carry 30 entries a request.
SPLIT_MAX = 10
MAX_BACKOFF = timedelta(hours=1)
# Fault 6140: the DocNumber is in use (the company warns on duplicate journal numbers).
DUPLICATE_DOC = "6140"
CONFLICT = "conflict"  # last_error_code of a clash with an entry that is not ours


class Client(Protocol):
    def journal_entries_numbered(
        self, doc_numbers: Sequence[str]
    ) -> dict[str, list[dict[str, Any]]]: ...

    def create_journal_entry(self, entry: dict[str, Any], request_id: str) -> dict[str, Any]: ...

    def batch_room(self) -> bool: ...

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
    # Someone else's entry holds our DocNumber (also in `retrying`: the next try goes under
    # the next suffix).
    conflicts: list[tuple[int, str]] = field(default_factory=list)
    # Every entry in `failed` and `retrying`, with its code and intuit_tid.
    failures: list[PushFailure] = field(default_factory=list)
    connection_problem: str | None = None
    requests: int = 0
    # What this pass left alone and why, in plain words ("20 in flight in another process").
    skipped: list[str] = field(default_factory=list)
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
        text = ", ".join(parts)
        if self.skipped:
            text += "; skipped: " + "; ".join(self.skipped)
        return text


def backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """1 min, 2, 4 ... capped at an hour, with +-20% jitter so retries do not synchronise."""
    base = min(60.0 * 2 ** max(0, attempts - 1), MAX_BACKOFF.total_seconds())
    return timedelta(seconds=base * (rng or random).uniform(0.8, 1.2))


def claim_due(
    engine: Engine,
    company_id: int,
    worker: str,
    now: datetime,
    entry_ids: Sequence[int] | None = None,
    limit: int = CLAIM_LIMIT,
    first: Sequence[int] = (),
) -> list[int]:
    """Claim due rows for this worker; returns outbox ids. Committed before any push, so a
    second pass (another process) skips them. Entries in `first` are taken before others
    (the ones just approved, when a backlog is longer than one claim)."""
    oid, status = col(OutboxItem.id), col(OutboxItem.status)
    due = sa.or_(
        sa.and_(status == OutboxStatus.PENDING, col(OutboxItem.next_attempt_at) <= now),
        sa.and_(status == OutboxStatus.IN_FLIGHT, col(OutboxItem.claimed_at) < now - LEASE),
    )
    stmt = sa.select(oid, status).where(col(OutboxItem.company_id) == company_id, due)
    if entry_ids is not None:
        stmt = stmt.where(col(OutboxItem.entry_id).in_(list(entry_ids)))
    if first:
        stmt = stmt.order_by(sa.case((col(OutboxItem.entry_id).in_(list(first)), 0), else_=1))
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
    doc_prefix: str = DEFAULT_DOC_PREFIX,
    first: Sequence[int] = (),
    ledger_currency: str | None = None,
) -> SyncReport:
    """One pass. `make_client` may raise ConnectionProblem (not connected, broken).
    `ledger_currency`: what the books are kept in (checked against QuickBooks' home
    currency, and sent as CurrencyRef to a multicurrency company)."""
    now = now or utcnow()
    report = SyncReport()
    # Unique per pass: a renewal must only ever extend this pass's own claim.
    worker = f"{worker}:{uuid.uuid4().hex[:12]}"
    claimed = claim_due(engine, company_id, worker, now, entry_ids, first=first)
    report.claimed = len(claimed)
    if not claimed:
        report.skipped = skipped(engine, company_id, worker, now)
        return report
    one = _Pass(
        engine,
        company_id,
        realm_id,
        install_id(engine, company_id),
        doc_prefix,
        worker,
        now,
        rng,
        ledger_currency,
    )
    try:
        one.run(claimed, make_client, report)
    except BaseException as exc:
        # Failed part-way (a database blip, a bug): give the rows back now rather than
        # leaving them to the lease, so the next pass takes them at once.
        _release(engine, claimed, worker, now, one.sending, exc)
        raise
    report.skipped = skipped(engine, company_id, worker, now)
    return report


def skipped(engine: Engine, company_id: int, worker: str, now: datetime) -> list[str]:
    """Entries not yet in QuickBooks that this pass did not take, and why: so "0 pushed"
    never hides a queue."""
    item = OutboxItem.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(item.c.status, item.c.next_attempt_at, item.c.claimed_at, item.c.claimed_by)
            .where(item.c.company_id == company_id, item.c.status != OutboxStatus.SYNCED)
            .where(sa.or_(item.c.claimed_by.is_(None), item.c.claimed_by != worker))
        ).all()
    elsewhere = waiting = stuck = 0
    soonest: datetime | None = None
    for r in rows:
        if r.status == OutboxStatus.IN_FLIGHT and r.claimed_at and r.claimed_at >= now - LEASE:
            elsewhere += 1
        elif r.status == OutboxStatus.PENDING and r.next_attempt_at > now:
            waiting += 1
            soonest = min(soonest or r.next_attempt_at, r.next_attempt_at)
        elif r.status in (OutboxStatus.FAILED, OutboxStatus.HELD):
            stuck += 1
    out = []
    if elsewhere:
        out.append(f"{elsewhere} in flight in another process")
    if waiting and soonest is not None:
        first_at = _utc(soonest).strftime("%H:%M UTC")
        out.append(f"{waiting} waiting for their retry (the first at {first_at})")
    if stuck:
        out.append(f"{stuck} held or failed, waiting for a person (Retry)")
    return out


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


@dataclass
class _Pass:
    engine: Engine
    company_id: int
    realm_id: str
    install: str
    doc_prefix: str
    worker: str
    now: datetime
    rng: random.Random | None
    ledger_currency: str | None = None
    # Outbox ids handed to the client: QuickBooks may hold them.
    sending: set[int] = field(default_factory=set)

    def run(
        self, claimed: list[int], make_client: Callable[[], Client], report: SyncReport
    ) -> None:
        with session_scope(self.engine) as s:
            items = {
                i.id: i
                for i in s.exec(select(OutboxItem).where(col(OutboxItem.id).in_(claimed)))
                if i.id is not None
            }
            ledger = _ledger_entries(s, [i.entry_id for i in items.values()])
            mapping = load_mapping(s, self.company_id)
            currency = currency_terms(s, self.company_id, self.ledger_currency)
        outcomes: dict[int, tuple[str, Any]] = {}  # outbox id -> (kind, detail)
        bodies: dict[int, dict[str, Any]] = {}
        for oid, item in items.items():
            entry = ledger[item.entry_id]
            doc = item.doc_number or doc_number(self.doc_prefix, entry.number, item.doc_suffix)
            try:
                bodies[oid] = journal_entry_body(
                    entry, mapping, currency, doc_number=doc, install=self.install
                )
            except HeldError as exc:
                outcomes[oid] = ("held", str(exc))
        # Quantities kept in step (qbo/inventory.py): in a company tracking quantity on
        # hand, a quantity loss of a tracked item goes as an InventoryAdjustment instead,
        # under the same DocNumber.
        adjusting: dict[int, AdjustmentPlan] = {}
        entries_of = {oid: items[oid].entry_id for oid in bodies}
        sent_as: dict[int, dict[str, Any]] = {}  # what each row goes as (for its DocNumber)
        plans = plan_adjustments(self.engine, self.company_id, entries_of, mapping)
        for oid, plan in plans.items():
            sent_as[oid] = bodies.pop(oid)
            if isinstance(plan, str):
                outcomes[oid] = ("held", plan)
            elif isinstance(plan, LocalOnly):  # QuickBooks already holds this value
                outcomes[oid] = ("adopted", {"Id": plan.qbo_id, "SyncToken": "0"})
            else:
                doc = sent_as[oid]["DocNumber"]
                adjusting[oid] = replace(plan, body={**plan.body, "DocNumber": doc})
        try:
            client = make_client()
            if adjusting:
                unsure = {oid for oid in adjusting if items[oid].needs_reconcile}
                self.sending.update(adjusting)
                push_adjustments(
                    self.engine, cast(AdjustmentClient, client), adjusting, unsure, outcomes
                )
                report.requests += len(adjusting)
            reconcile = [oid for oid in bodies if items[oid].needs_reconcile]
            if reconcile:
                report.requests += 1
                self._look_up(client, reconcile, items, ledger, bodies, outcomes)
            to_send = [oid for oid in bodies if oid not in outcomes]
            chunks = [to_send[i : i + BATCH_SIZE] for i in range(0, len(to_send), BATCH_SIZE)]
            counting = threading.Lock()

            def send(chunk: list[int]) -> None:
                # Still ours? If this pass outlived its lease, another pass owns these rows
                # now and will look them up first: sending them too could create duplicates.
                mine = renew_claim(self.engine, chunk, self.worker, self.now)
                for oid in chunk:
                    if oid not in mine:
                        outcomes[oid] = ("lost", None)
                if not mine:
                    return
                self.sending.update(mine)
                # A few entries and no batch left this minute: plain creates spend from
                # the 500 a minute instead of waiting up to a minute for a batch.
                split = 1 < len(mine) <= SPLIT_MAX and not client.batch_room()
                for group in [[o] for o in mine] if split else [mine]:
                    pushes = [(bodies[o]["DocNumber"], items[o].push_generation) for o in group]
                    rid = request_id(self.install, self.realm_id, pushes)
                    _send(client, rid, group, bodies, outcomes)
                    with counting:
                        report.requests += 1

            with ThreadPoolExecutor(max_workers=PARALLEL_BATCHES) as pool:
                for future in [pool.submit(send, c) for c in chunks]:
                    future.result()  # re-raise a connection problem from any batch
        except (ConnectionProblem, ConnectionBroken, NotConnected, SecretKeyError) as exc:
            # SecretKeyError: WRITEOFF_SECRET_KEY does not open the stored tokens. Nothing
            # was sent; the entries wait in the queue until the key is put right.
            report.connection_problem = str(exc)
        for oid in [*bodies, *adjusting]:
            outcomes.setdefault(oid, ("released", report.connection_problem))
        docs = {
            oid: _Docs(
                sent=body["DocNumber"],
                next=doc_number(
                    self.doc_prefix, ledger[items[oid].entry_id].number, items[oid].doc_suffix + 1
                ),
                ours=_our_words(ledger[items[oid].entry_id].number, body),
            )
            for oid, body in {**sent_as, **bodies}.items()
        }
        _record(self.engine, items, outcomes, docs, self.now, report, self.rng)

    def _look_up(
        self,
        client: Client,
        reconcile: list[int],
        items: dict[int, OutboxItem],
        ledger: dict[int, LedgerEntry],
        bodies: dict[int, dict[str, Any]],
        outcomes: dict[int, tuple[str, Any]],
    ) -> None:
        """An earlier push's outcome is unknown: adopt what QuickBooks holds only if it is
        ours; someone else's entry under our number is a conflict, never "synced"."""
        try:
            found = client.journal_entries_numbered([bodies[oid]["DocNumber"] for oid in reconcile])
        except QboError as exc:  # cannot look: do not send blind, try again later
            for oid in reconcile:
                outcomes[oid] = ("error", exc)
            return
        for oid in reconcile:
            body = bodies[oid]
            number = ledger[items[oid].entry_id].number
            hits = found.get(body["DocNumber"], [])
            ours = [h for h in hits if is_ours(h, body, self.install, number)]
            if ours:
                outcomes[oid] = ("adopted", ours[0])
            elif hits:
                outcomes[oid] = ("conflict", describe(hits[0]))


def _release(
    engine: Engine,
    claimed: Sequence[int],
    worker: str,
    now: datetime,
    sending: set[int],
    exc: BaseException,
) -> None:
    """Back to pending, due now, with the attempt counted; a row whose batch was handed to
    QuickBooks keeps (or gains) its DocNumber look-up. Only this pass's own claims."""
    why = f"the sync pass stopped before recording: {type(exc).__name__}"
    mine = sa.and_(
        col(OutboxItem.id).in_(list(claimed)),
        col(OutboxItem.claimed_by) == worker,
        col(OutboxItem.status) == OutboxStatus.IN_FLIGHT,
    )
    values: dict[str, Any] = {
        "status": OutboxStatus.PENDING,
        "claimed_at": None,
        "claimed_by": None,
        "next_attempt_at": now,
        "attempts": col(OutboxItem.attempts) + 1,
        "last_error": why,
        "updated_at": now,
        "version": col(OutboxItem.version) + 1,  # the card shows pending again
    }
    # The failure is often the database itself going away (a restart, a failover): it is
    # usually back within seconds, so keep trying a little before leaving the rows to the
    # lease. A process being stopped (not an Exception) tries once and goes.
    waits = RELEASE_WAITS if isinstance(exc, Exception) else (0.0,)
    for attempt, wait in enumerate(waits):
        time.sleep(wait)
        try:
            with engine.begin() as conn:
                conn.execute(sa.update(OutboxItem).where(mine).values(**values))
                if sending:
                    conn.execute(
                        sa.update(OutboxItem)
                        .where(col(OutboxItem.id).in_(list(sending)))
                        .values(needs_reconcile=True)
                    )
            return
        except Exception:
            if attempt == len(waits) - 1:  # still away: the lease will free them later
                log.exception("could not release %d claimed outbox rows", len(claimed))


# Seconds to wait before each try at giving back a failed pass's claims (about 30 s in all).
RELEASE_WAITS = (0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0)


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
    request_id: str,
    chunk: list[int],
    bodies: dict[int, dict[str, Any]],
    outcomes: dict[int, tuple[str, Any]],
) -> None:
    """One entry goes as a plain create (no batch to spend from the 40 a minute); several
    as one batch, matched by bId."""
    try:
        if len(chunk) == 1:
            [oid] = chunk
            outcomes[oid] = ("created", client.create_journal_entry(bodies[oid], request_id))
            return
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
    docs: dict[int, _Docs],
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
            doc = docs.get(oid)
            if doc is not None:
                item.doc_number = doc.sent
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
            elif kind == "conflict" and doc is not None:
                _conflict(item, str(detail), doc, None, now, report, rng)
            elif (
                kind == "error"
                and isinstance(detail, QboError)
                and detail.code == DUPLICATE_DOC
                and doc is not None
            ):
                # The company warns on duplicate journal numbers: QuickBooks refused ours and
                # named the entry holding the number (a fresh send: nothing of ours there).
                theirs = clashing_txn_id(detail.detail or detail.message)
                what = f"JournalEntry {theirs} ({doc.sent})" if theirs else f"an entry {doc.sent}"
                _conflict(item, what, doc, detail.tid, now, report, rng)
            else:
                _failure(item, kind, detail, now, report, rng)
            s.add(item)


@dataclass(frozen=True)
class _Docs:
    sent: str  # the DocNumber this pass used
    next: str  # the one to use after a clash
    ours: str  # our entry in a few words, for a conflict alert


def _our_words(number: str, body: dict[str, Any]) -> str:
    return f"{number} (dated {body.get('TxnDate')}, total {total_debits(body):,.2f})"


def _conflict(
    item: OutboxItem,
    theirs: str,
    doc: _Docs,
    tid: str | None,
    now: datetime,
    report: SyncReport,
    rng: random.Random | None,
) -> None:
    """QuickBooks holds someone else's entry under our DocNumber: never "synced"; the next
    push (the normal retry) goes under the next suffix, and a person is told at once."""
    message = (
        f"QuickBooks already has {theirs} under our DocNumber, and writeoff-bot did not make "
        f"it; ours is {doc.ours}. Not synced: it goes as {doc.next} on the next try"
    )
    item.doc_suffix += 1
    item.doc_number = doc.next
    item.needs_reconcile = False  # the new number was never sent
    item.push_generation += 1
    _failure(item, "conflict", (message, tid), now, report, rng)
    report.conflicts.append((item.entry_id, message))


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
    elif kind == "conflict":
        (message, tid), retryable, unknown, code = detail, True, False, CONFLICT
    else:
        err: QboError = detail
        retryable, unknown = err.retryable, err.outcome_unknown
        message, code = err.plain_words(), (err.code or str(err.status or ""))
        tid = err.tid
    item.last_error, item.last_error_code = message[:1000], (code or None)
    _set_error_tid(item, tid)
    if unknown:
        item.needs_reconcile = True
    elif kind != "conflict":
        # A definite failure: QuickBooks replays answers by requestid, failures too, so
        # the next send (after the cause is fixed) must be a new request.
        item.push_generation += 1
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
                # A new request: the old requestid would only replay the old answer.
                push_generation=col(OutboxItem.push_generation) + 1,
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
    # Synced, then someone changed or deleted it in QuickBooks (qbo/drift.py).
    CHANGED = "changed"
    DELETED = "deleted"


@dataclass(frozen=True)
class QboState:
    status: QboSyncState
    id: str | None
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return {"status": str(self.status), "id": self.id, "last_error": self.last_error}

    def card_text(self, entity: str = "JournalEntry") -> str:
        """`entity`: what the entry went to QuickBooks as (InventoryAdjustment for a
        quantity movement in a company tracking quantities)."""
        if self.status == QboSyncState.SYNCED:
            return f"synced, {entity} {self.id}"
        if self.status in (QboSyncState.CHANGED, QboSyncState.DELETED):
            return f"{self.status} in QuickBooks ({entity} {self.id}): see the alert"
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
        if status == QboSyncState.SYNCED and item.drift:
            status = QboSyncState(item.drift)
        out[item.entry_id] = QboState(status, item.external_id, item.last_error)
    return out
