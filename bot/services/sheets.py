"""Files behind adjustments: a count sheet becomes a batch of drafts linked to the sheet as
evidence; photos and PDFs become evidence for the write-off they came with. The front end
fetches the bytes and shows the cards; this module keeps the books."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bot.services.deps import Deps
from bot.services.display import SheetStatus, SheetSummary, Variance
from ledger.countsheet import Sheet, SheetError, draft_variances, read_sheet
from ledger.db import session_scope
from ledger.evidence import add_evidence, entries_for, link
from ledger.models import EntryStatus, Evidence, JournalEntry
from ledger.policy import Category
from ledger.posting import PostingError, reject_entry, save_draft

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class Shared:
    """Where and by whom files were shared."""

    channel: str
    user: str
    message_ts: str


@dataclass(frozen=True)
class Downloaded:
    file_id: str
    name: str
    kind: str  # photo, document, count_sheet
    data: bytes


__all__ = ["Downloaded", "Shared", "SheetError", "read"]


def read(data: bytes, name: str) -> Sheet:
    """The rows of a CSV or XLSX count; SheetError says what is wrong with the file."""
    return read_sheet(data, name)


def draft_sheet(
    deps: Deps,
    shared: Shared,
    file: Downloaded,
    sheet: Sheet,
    card: tuple[str, str],
    progress: Progress,
    progress_every: int = 500,
) -> SheetSummary:
    """Keep the sheet as evidence, draft one entry per variance, link them all to it."""
    books = deps.books
    with session_scope(books.engine) as s:
        ev = add_evidence(
            s,
            books.company_id,
            kind="count_sheet",
            file_name=file.name,
            sha256=hashlib.sha256(file.data).hexdigest(),
            size=len(file.data),
            external_id=file.file_id,
            uploaded_by=shared.user,
            channel=shared.channel,
            message_ts=shared.message_ts,
        )
        ev.card_channel, ev.card_ts = card
        s.add(ev)
        evidence_id = ev.id or 0
    result = draft_variances(sheet, books.context(), file.name)
    total = len(result.drafts)
    entry_ids: list[int] = []
    for i, (row, draft) in enumerate(result.drafts, start=1):
        with session_scope(books.engine) as s:
            saved = save_draft(
                s,
                books.company_id,
                draft,
                actor=shared.user,
                entry_date=date.today(),
                reporter=shared.user,
                channel=shared.channel,
                message_ts=shared.message_ts,
                idempotency_key=f"sheet:{evidence_id}:{row.line}",
            )
        entry_ids.append(saved.entry.id or 0)
        if i % progress_every == 0 and i < total:
            progress(i, total)
    with session_scope(books.engine) as s:
        fresh = s.get(Evidence, evidence_id)
        assert fresh is not None
        link(s, books.company_id, fresh, entry_ids, shared.user)
    return SheetSummary(
        evidence_id=evidence_id,
        file_name=file.name,
        uploaded_by=shared.user,
        lines_read=len(sheet.rows),
        unchanged=result.unchanged,
        drafts=total,
        complete=sum(1 for _, d in result.drafts if d.complete),
        shrinkage=result.total_shrinkage,
        overage=result.total_overage,
        largest=tuple(
            Variance(row.line, row.sku, row.expected, row.counted, d.amount)
            for row, d in result.largest(10)
        ),
        problems=tuple((p.line, p.reason) for p in result.problems),
        currency=deps.settings.writeoff_currency,
    )


def summary_after(
    deps: Deps, evidence_id: int, status: SheetStatus, decided_by: str | None, note: str
) -> tuple[tuple[str, str] | None, SheetSummary] | None:
    """The summary card rebuilt from the books (after Approve all / Reject), and where the
    card is."""
    with session_scope(deps.books.engine) as s:
        ev = s.get(Evidence, evidence_id)
        if ev is None or ev.company_id != deps.books.company_id:
            return None
        entries = entries_for(s, evidence_id)
        where = (ev.card_channel, ev.card_ts) if ev.card_channel and ev.card_ts else None
        file_name, uploaded_by = ev.file_name, ev.uploaded_by
    shrink = sum((e.total for e in entries if e.category != Category.OVERAGE), Decimal("0.00"))
    over = sum((e.total for e in entries if e.category == Category.OVERAGE), Decimal("0.00"))
    return where, SheetSummary(
        evidence_id=evidence_id,
        file_name=file_name,
        uploaded_by=uploaded_by,
        lines_read=len(entries),
        unchanged=0,
        drafts=len(entries),
        complete=sum(1 for e in entries if e.status == EntryStatus.DRAFT and e.total > 0),
        shrinkage=shrink,
        overage=over,
        largest=(),
        problems=(),
        currency=deps.settings.writeoff_currency,
        status=status,
        decided_by=decided_by,
        note=note,
    )


def drafts_of(deps: Deps, evidence_id: int) -> list[JournalEntry]:
    with session_scope(deps.books.engine) as s:
        return [e for e in entries_for(s, evidence_id) if e.status == EntryStatus.DRAFT]


def reject_all(deps: Deps, user: str, entries: Sequence[JournalEntry]) -> int:
    """Reject the sheet's drafts; returns how many were rejected now."""
    rejected = 0
    for entry in entries:
        try:
            with session_scope(deps.books.engine) as s:
                reject_entry(
                    s,
                    deps.books.company_id,
                    entry.id or 0,
                    actor=user,
                    reason="count sheet rejected",
                )
            rejected += 1
        except PostingError:
            continue
    return rejected


def attach_evidence(
    deps: Deps, shared: Shared, files: Sequence[Downloaded], entry_ids: list[int]
) -> int:
    """Link photos / PDFs shared with a report to the drafts it produced."""
    linked = 0
    for f in files:
        with session_scope(deps.books.engine) as s:
            ev = add_evidence(
                s,
                deps.books.company_id,
                kind=f.kind,
                file_name=f.name,
                sha256=hashlib.sha256(f.data).hexdigest(),
                size=len(f.data),
                external_id=f.file_id,
                uploaded_by=shared.user,
                channel=shared.channel,
                message_ts=shared.message_ts,
            )
            linked += link(s, deps.books.company_id, ev, entry_ids, shared.user)
    return linked
