"""Evidence: the file behind an adjustment, linked to every entry it supports and written
into the audit trail with its SHA-256, so the support cannot be swapped unnoticed."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from ledger.audit import record
from ledger.models import Evidence, EvidenceLink, JournalEntry


def add_evidence(
    session: Session,
    company_id: int,
    *,
    kind: str,
    file_name: str,
    sha256: str,
    size: int,
    external_id: str | None = None,
    uploaded_by: str | None = None,
    channel: str | None = None,
    message_ts: str | None = None,
) -> Evidence:
    """One row per file; the same file (by its id, or else its hash) is never added twice."""
    query = select(Evidence).where(Evidence.company_id == company_id)
    query = (
        query.where(Evidence.external_id == external_id)
        if external_id
        else query.where(Evidence.sha256 == sha256)
    )
    existing = session.exec(query).first()
    if existing is not None:
        return existing
    ev = Evidence(
        company_id=company_id,
        kind=kind,
        file_name=file_name[:255],
        sha256=sha256,
        size=size,
        external_id=external_id,
        uploaded_by=uploaded_by,
        channel=channel,
        message_ts=message_ts,
    )
    session.add(ev)
    session.flush()
    record(
        session,
        company_id,
        "evidence_added",
        uploaded_by or "unknown",
        details={
            "evidence_id": ev.id,
            "kind": kind,
            "file_name": file_name,
            "sha256": sha256,
            "size": size,
            "file_id": external_id,
        },
    )
    return ev


def link(
    session: Session, company_id: int, evidence: Evidence, entry_ids: Sequence[int], actor: str
) -> int:
    """Link entries to the evidence (each once); every new link is audited on the entry."""
    have = set(
        session.exec(select(EvidenceLink.entry_id).where(EvidenceLink.evidence_id == evidence.id))
    )
    added = 0
    for entry_id in entry_ids:
        if entry_id in have:
            continue
        session.add(EvidenceLink(evidence_id=evidence.id or 0, entry_id=entry_id))
        record(
            session,
            company_id,
            "evidence_linked",
            actor,
            entry_id=entry_id,
            details={
                "evidence_id": evidence.id,
                "file_name": evidence.file_name,
                "sha256": evidence.sha256,
            },
        )
        added += 1
    session.flush()
    return added


def entries_for(session: Session, evidence_id: int) -> list[JournalEntry]:
    ids = select(EvidenceLink.entry_id).where(EvidenceLink.evidence_id == evidence_id)
    return list(
        session.exec(
            select(JournalEntry).where(col(JournalEntry.id).in_(ids)).order_by(col(JournalEntry.id))
        )
    )


def evidence_for(session: Session, entry_id: int) -> list[Evidence]:
    ids = select(EvidenceLink.evidence_id).where(EvidenceLink.entry_id == entry_id)
    return list(session.exec(select(Evidence).where(col(Evidence.id).in_(ids))))
