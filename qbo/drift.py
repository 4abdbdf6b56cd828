"""Drift: our synced entries changed or deleted in QuickBooks by someone else.

Changes come queued by the webhook endpoint (qbo/webhooks.py) or found by a Change Data
Capture pass (`cdc_pass`, the scheduled fallback when webhooks are not set up). `run_drift`
works the queue: a change to a JournalEntry we synced marks the outbox row `changed` or
`deleted` with what changed, in plain words (an InventoryAdjustment we synced in a company
tracking quantities: its lines by item and QtyDiff) (before/after lines and amounts, who if
QuickBooks says). Nothing is changed back: the books keep what was approved, and a person
decides. Each new drift is returned once, for one alert.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem, OutboxStatus, utcnow
from qbo.inventory import quantity_lines, sent_quantity_lines
from qbo.mapping import load_mapping
from qbo.models import InventoryPush, QboCdcCursor, TrueUp
from qbo.webhooks import Change, mark_processed, pending, queue

log = logging.getLogger(__name__)

CHANGED, DELETED = "changed", "deleted"
JOURNAL, ADJUSTMENT = "JournalEntry", "InventoryAdjustment"
CDC_ENTITIES = (JOURNAL, ADJUSTMENT)
CDC_MAX_BACK = timedelta(days=30)  # what QuickBooks keeps
GONE = {"Delete", "Void"}


class DriftClient(Protocol):
    def journal_entry(self, entry_id: str) -> dict[str, Any] | None: ...

    def inventory_adjustment(self, adjustment_id: str) -> dict[str, Any] | None: ...

    def changed_since(
        self, entities: Sequence[str], since: str
    ) -> dict[str, list[dict[str, Any]]]: ...


@dataclass(frozen=True)
class Drift:
    entry_id: int
    number: str
    qbo_id: str
    kind: str  # changed / deleted
    before: tuple[str, ...]  # our lines, as approved: "Debit Cost of Goods Sold 600.00"
    after: tuple[str, ...]  # QuickBooks' lines now (empty: deleted)
    who: str | None  # QuickBooks' LastModifiedByRef, when it says
    entity: str = JOURNAL  # or InventoryAdjustment (lines: "Blue widget QtyDiff -40")

    def words(self) -> str:
        head = (
            f"{self.number} (QuickBooks {self.entity} {self.qbo_id}) was {self.kind} in QuickBooks"
        )
        if self.who:
            head += f" by user {self.who}"
        text = f"{head}. Before: {'; '.join(self.before) or 'nothing'}."
        if self.kind == CHANGED:
            text += f" After: {'; '.join(self.after) or 'no lines'}."
        return text + " Nothing was changed back; the books keep what was approved."


def cdc_pass(
    engine: Engine, company_id: int, realm_id: str, client: DriftClient, now: datetime
) -> int:
    """Queue what Change Data Capture reports since the last pass; returns how many changes
    were new. The first pass looks back one day (at most QuickBooks' 30)."""
    with session_scope(engine) as s:
        cursor = s.get(QboCdcCursor, company_id)
        since = cursor.changed_since if cursor else now - timedelta(days=1)
    since = max(since, now - CDC_MAX_BACK)
    found = client.changed_since(CDC_ENTITIES, since.isoformat(timespec="seconds"))
    changes = []
    for entity, rows in found.items():
        for row in rows:
            meta = row.get("MetaData") or {}
            op = "Delete" if str(row.get("status") or "").lower() == "deleted" else "Update"
            changed_at = str(meta.get("LastUpdatedTime") or row.get("SyncToken") or "")
            if row.get("Id"):
                changes.append(Change(realm_id, entity, str(row["Id"]), op, changed_at))
    added = queue(engine, changes, "cdc")
    with session_scope(engine) as s:
        cursor = s.get(QboCdcCursor, company_id) or QboCdcCursor(
            company_id=company_id, changed_since=now
        )
        # A little overlap: a change made while we asked is seen next time, and the
        # queue's unique key drops what was seen twice.
        cursor.changed_since = now - timedelta(minutes=1)
        s.add(cursor)
    return added


def _our_lines(engine: Engine, company_id: int, entry_id: int) -> tuple[str, ...]:
    from qbo.sync import _ledger_entries  # the same reading the push used

    with session_scope(engine) as s:
        entry = _ledger_entries(s, [entry_id]).get(entry_id)
        mapping = load_mapping(s, company_id)
    if entry is None:
        return ()
    out = []
    for ln in entry.lines:
        acct = mapping.get(ln.account_code)
        name = acct.name if acct else f"{ln.account_code} {ln.account_name}"
        side, amount = ("Debit", ln.debit) if ln.debit > 0 else ("Credit", ln.credit)
        out.append(f"{side} {name} {amount:,.2f}")
    return tuple(out)


def _their_lines(entity: dict[str, Any]) -> tuple[str, ...]:
    out = []
    for line in entity.get("Line") or []:
        detail = line.get("JournalEntryLineDetail") or {}
        ref = detail.get("AccountRef") or {}
        name = ref.get("name") or f"account {ref.get('value')}"
        amount = Decimal(str(line.get("Amount") or 0))
        out.append(f"{detail.get('PostingType')} {name} {amount:,.2f}")
    return tuple(out)


def _ours(
    engine: Engine, company_id: int, change: Change
) -> tuple[OutboxItem, JournalEntry] | None:
    """The synced outbox row and entry a change is about. JournalEntry and
    InventoryAdjustment Ids are separate sequences in QuickBooks, so an entry sent as an
    InventoryAdjustment (qbo_inventory_push) answers only to that entity, and a true-up kept
    in the ledger only (its external id is the adjustment it trues up) to neither."""
    pushed = sa.exists().where(col(InventoryPush.entry_id) == col(JournalEntry.id))
    trued = sa.exists().where(col(TrueUp.entry_id) == col(JournalEntry.id))
    query = (
        select(OutboxItem, JournalEntry)
        .join(JournalEntry, col(JournalEntry.id) == col(OutboxItem.entry_id))
        .where(
            col(OutboxItem.company_id) == company_id,
            col(OutboxItem.external_id) == change.entity_id,
            col(OutboxItem.status) == OutboxStatus.SYNCED,
            ~trued,
        )
    )
    query = query.where(pushed if change.entity == ADJUSTMENT else ~pushed)
    with session_scope(engine) as s:
        row = s.exec(query).first()
        return (row[0], row[1]) if row is not None else None


def run_drift(
    engine: Engine,
    company_id: int,
    realm_id: str,
    make_client: Callable[[], DriftClient],
    now: datetime | None = None,
) -> list[Drift]:
    """Work the queued changes; returns the drifts found now (each once)."""
    now = now or utcnow()
    todo = pending(engine, realm_id)
    if not todo:
        return []
    client: DriftClient | None = None
    found: list[Drift] = []
    done: list[int] = []
    for change_id, change in todo:
        done.append(change_id)
        if change.entity not in CDC_ENTITIES or change.operation == "Create":
            continue  # our own creates, and entities this pass does not follow
        row = _ours(engine, company_id, change)
        if row is None:
            continue  # not one of ours
        item, entry = row
        adjustment = change.entity == ADJUSTMENT
        now_there: dict[str, Any] | None = None
        if change.operation not in GONE:
            client = client or make_client()
            read = client.inventory_adjustment if adjustment else client.journal_entry
            now_there = read(change.entity_id)
            if now_there is not None and str(now_there.get("SyncToken")) == entry.qbo_sync_token:
                continue  # nothing new since we created it
        kind = DELETED if now_there is None else CHANGED
        who = ((now_there or {}).get("MetaData") or {}).get("LastModifiedByRef") or {}
        if adjustment:
            with session_scope(engine) as s:
                mapping = load_mapping(s, company_id)
            before = sent_quantity_lines(engine, company_id, entry.id or 0, mapping)
            after = quantity_lines(now_there) if now_there else ()
        else:
            before = _our_lines(engine, company_id, entry.id or 0)
            after = _their_lines(now_there) if now_there else ()
        drift = Drift(
            entry_id=entry.id or 0,
            number=entry.number or f"#{entry.id}",
            qbo_id=change.entity_id,
            kind=kind,
            before=before,
            after=after,
            who=str(who.get("value")) if who.get("value") else None,
            entity=change.entity,
        )
        words = drift.words()[:4000]
        if item.drift == kind and item.drift_detail == words:
            continue  # a redelivery, or the CDC pass seeing what a webhook told us
        with engine.begin() as conn:
            conn.execute(
                sa.update(OutboxItem)
                .where(col(OutboxItem.id) == item.id)
                .values(
                    drift=kind,
                    drift_detail=words,
                    drift_at=now,
                    updated_at=now,
                    version=col(OutboxItem.version) + 1,  # the card shows the drift
                )
            )
        log.warning("QuickBooks drift: %s", words)
        found.append(drift)
    mark_processed(engine, done)
    return found


def drifted(engine: Engine, company_id: int) -> list[tuple[str, str, str | None, str | None, str]]:
    """(entry number, changed/deleted, QuickBooks id, what changed, QuickBooks entity), by
    entry number."""
    with session_scope(engine) as s:
        rows = s.exec(
            select(OutboxItem, JournalEntry, InventoryPush.id)
            .join(JournalEntry, col(JournalEntry.id) == col(OutboxItem.entry_id))
            .outerjoin(InventoryPush, col(InventoryPush.entry_id) == col(JournalEntry.id))
            .where(col(OutboxItem.company_id) == company_id, col(OutboxItem.drift).is_not(None))
            .order_by(col(JournalEntry.number))
        ).all()
        return [
            (
                e.number or "",
                i.drift or "",
                i.external_id,
                i.drift_detail,
                ADJUSTMENT if pushed is not None else JOURNAL,
            )
            for i, e, pushed in rows
        ]
