"""The audit trail: an append-only, hash-chained log per company.

Each event's hash covers its content and the previous event's hash; the company row keeps
the chain's head, so editing, deleting or truncating past events is detected by verify().
Callers append while holding the company lock (ledger.companies.lock_company), which is
what keeps the chain linear under concurrent writers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from ledger.models import AuditEvent, Company, utcnow

GENESIS = "0" * 64


def _canonical_time(at: datetime) -> str:
    # Every datetime read from the books is aware (ledger.models.UTCDateTime).
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(
    *,
    company_id: int,
    seq: int,
    entry_id: int | None,
    action: str,
    actor: str,
    at: datetime,
    details: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [company_id, seq, entry_id, action, actor, _canonical_time(at), details, prev_hash],
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def append_event(
    session: Session,
    company: Company,
    action: str,
    actor: str,
    *,
    entry_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> str:
    """Append one event to the company's chain; returns its hash. The caller holds the
    company lock. Written with a Core insert: events are never updated, so they need no
    ORM identity."""
    seq = company.audit_seq + 1
    at = utcnow()
    body = json.dumps(details or {}, sort_keys=True, default=str, separators=(",", ":"))
    digest = event_hash(
        company_id=company.id or 0,
        seq=seq,
        entry_id=entry_id,
        action=action,
        actor=actor,
        at=at,
        details=body,
        prev_hash=company.audit_head,
    )
    session.connection().execute(
        AuditEvent.__table__.insert(),  # type: ignore[attr-defined]
        {
            "company_id": company.id,
            "seq": seq,
            "entry_id": entry_id,
            "action": action,
            "actor": actor[:64],
            "at": at,
            "details": body,
            "prev_hash": company.audit_head,
            "hash": digest,
        },
    )
    company.audit_seq = seq
    company.audit_head = digest
    session.add(company)
    return digest


def record(
    session: Session,
    company_id: int,
    action: str,
    actor: str,
    *,
    entry_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> str:
    """Append an event on its own (clicks, refusals): takes the company lock itself."""
    from ledger.companies import lock_company

    company = lock_company(session, company_id)
    digest = append_event(session, company, action, actor, entry_id=entry_id, details=details)
    session.flush()
    return digest


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_seq: int | None = None
    problem: str | None = None


def verify_chain(session: Session, company_id: int) -> ChainReport:
    """Walk the chain in order and name the first broken link."""
    company = session.get(Company, company_id)
    if company is None:
        return ChainReport(False, 0, None, f"company {company_id} does not exist")
    events = session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.company_id) == company_id)
        .order_by(col(AuditEvent.seq))
    )
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for ev in events:
        if ev.seq != expected_seq:
            return ChainReport(
                False, checked, expected_seq, f"event #{expected_seq} is missing (deleted?)"
            )
        if ev.prev_hash != prev:
            return ChainReport(
                False,
                checked,
                ev.seq,
                f"event #{ev.seq} does not follow event #{ev.seq - 1} (previous hash differs)",
            )
        digest = event_hash(
            company_id=ev.company_id,
            seq=ev.seq,
            entry_id=ev.entry_id,
            action=ev.action,
            actor=ev.actor,
            at=ev.at,
            details=ev.details,
            prev_hash=ev.prev_hash,
        )
        if digest != ev.hash:
            return ChainReport(False, checked, ev.seq, f"event #{ev.seq} was changed after writing")
        prev = ev.hash
        expected_seq += 1
        checked += 1
    if checked != company.audit_seq or prev != company.audit_head:
        return ChainReport(
            False,
            checked,
            checked + 1,
            f"the chain ends at event #{checked} but {company.audit_seq} were written "
            "(newest events deleted?)",
        )
    return ChainReport(True, checked)
