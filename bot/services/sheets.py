"""Files behind adjustments: a count sheet becomes one adjusting entry (or, if a company
asks, one draft per variance) linked to the sheet as evidence; photos and PDFs become
evidence for the write-off they came with. The front end fetches the bytes and shows the
cards; this module keeps the books."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from bot.services.books import Books
from bot.services.cards import qbo_line
from bot.services.deps import Deps
from bot.services.display import SheetStatus, SheetSummary, Skipped, Variance
from ledger.chart import chart_info
from ledger.countsheet import (
    COUNT_KIND,
    NO_UNIT_COST,
    CountEntry,
    CountVariance,
    LineMode,
    Sheet,
    SheetError,
    count_entry,
    count_lines,
    draft_variances,
    read_sheet,
    variance_details,
)
from ledger.db import session_scope
from ledger.drafting.types import DraftContext
from ledger.evidence import add_evidence, entries_for, evidence_for, link
from ledger.models import EntryStatus, Evidence, JournalEntry, JournalLine
from ledger.money import format_money
from ledger.policy import Category
from ledger.posting import LineInput, PostingError, reject_entry, save_draft, save_lines

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


MAX_LISTED = 50  # skipped and unreadable lines kept by name; the counts are always whole


def draft_sheet(
    deps: Deps,
    shared: Shared,
    file: Downloaded,
    sheet: Sheet,
    card: tuple[str, str],
    progress: Progress,
    progress_every: int = 500,
) -> SheetSummary:
    """Keep the sheet as evidence and draft the count: one adjusting entry (default) or one
    entry per variance (WRITEOFF_COUNT_SHEET_ENTRIES=per-variance), linked to the sheet."""
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
    context = books.context()
    if deps.settings.writeoff_count_sheet_entries == "per-variance":
        facts = _draft_per_variance(
            deps, shared, file, sheet, evidence_id, progress, progress_every
        )
    else:
        facts = _draft_one_entry(deps, shared, file, sheet, evidence_id, context)
    with session_scope(books.engine) as s:
        fresh = s.get(Evidence, evidence_id)
        assert fresh is not None
        fresh.details = json.dumps(facts)
        s.add(fresh)
    found = summary_after(books, evidence_id)
    assert found is not None
    return found[1]


def _draft_one_entry(
    deps: Deps,
    shared: Shared,
    file: Downloaded,
    sheet: Sheet,
    evidence_id: int,
    context: DraftContext,
) -> dict[str, Any]:
    """The whole count as one draft: a 5100 line per SKU variance (or summary lines) and the
    net against inventory, saved in one transaction."""
    settings = deps.settings
    count = count_entry(sheet, context)
    mode = LineMode(settings.writeoff_count_sheet_lines)
    lines = count_lines(count, settings.policy, mode, file.name)
    facts = _sheet_facts(sheet, count.unchanged, len(count.variances) + len(count.skipped))
    facts.update(
        one_entry=True,
        shrinkage=str(count.shrinkage),
        overage=str(count.overage),
        largest=[_variance_json(v) for v in count.largest(10)],
        skipped=[[k.row.line, k.row.sku, k.reason] for k in count.skipped[:MAX_LISTED]],
        skipped_count=len(count.skipped),
    )
    if not lines:
        return facts  # nothing to book: every line unchanged, unreadable or without a cost
    details = {
        "count_sheet": {"evidence_id": evidence_id, "file_name": file.name, "lines": mode.value},
        # The per-SKU detail behind the entry, whatever its lines show.
        **variance_details(count),
    }
    try:
        _save_count(deps, shared, file, evidence_id, count, lines, details)
    except PostingError as exc:
        # The chart cannot take the entry (an account missing or inactive): say so on the
        # card; nothing is drafted.
        raise SheetError(f"the count cannot be booked: {exc}") from exc
    return facts


def _save_count(
    deps: Deps,
    shared: Shared,
    file: Downloaded,
    evidence_id: int,
    count: CountEntry,
    lines: list[LineInput],
    details: dict[str, Any],
) -> None:
    """The one draft and its link to the sheet, in one transaction."""
    books, settings = deps.books, deps.settings
    short = sum(1 for v in count.variances if not v.overage)
    with session_scope(books.engine) as s:
        saved = save_lines(
            s,
            books.company_id,
            lines,
            kind=COUNT_KIND,
            category=Category.SHRINKAGE.value if count.net >= 0 else Category.OVERAGE.value,
            reason="physical count",
            memo=(
                f"Physical count {file.name}: {short:,} short, "
                f"{len(count.variances) - short:,} over, net "
                f"{format_money(count.net, settings.writeoff_currency)}"
            ),
            source_text=f"Count sheet {file.name} shared by {shared.user}",
            details=details,
            actor=shared.user,
            entry_date=date.today(),
            reporter=shared.user,
            channel=shared.channel,
            message_ts=shared.message_ts,
            idempotency_key=f"sheet:{evidence_id}:count",
        )
        ev = s.get(Evidence, evidence_id)
        assert ev is not None
        link(s, books.company_id, ev, [saved.entry.id or 0], shared.user)


def _draft_per_variance(
    deps: Deps,
    shared: Shared,
    file: Downloaded,
    sheet: Sheet,
    evidence_id: int,
    progress: Progress,
    progress_every: int,
) -> dict[str, Any]:
    """Today's behaviour kept for those who want it: one draft per variance."""
    books = deps.books
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
    facts = _sheet_facts(sheet, result.unchanged, total)
    facts.update(
        one_entry=False,
        shrinkage=str(result.total_shrinkage),
        overage=str(result.total_overage),
        largest=[
            [
                row.line,
                row.sku,
                str(row.expected),
                str(row.counted),
                _str(d.unit_cost),
                _str(d.amount),
            ]
            for row, d in result.largest(10)
        ],
    )
    return facts


def _sheet_facts(sheet: Sheet, unchanged: int, variances: int) -> dict[str, Any]:
    return {
        # Every line with something on it, read or not: the unreadable ones are listed.
        "lines_read": len(sheet.rows) + len(sheet.problems),
        "unchanged": unchanged,
        "variances": variances,
        "problems": [[p.line, p.reason] for p in sheet.problems[:MAX_LISTED]],
        "problem_count": len(sheet.problems),
    }


def _variance_json(v: CountVariance) -> list[object]:
    r = v.row
    return [r.line, r.sku, str(r.expected), str(r.counted), str(v.unit_cost), str(v.amount)]


def _str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _dec(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _skip_reason(entry: JournalEntry) -> str:
    """Why a per-variance draft cannot be posted as it stands, in the card's words."""
    details: dict[str, Any] = json.loads(entry.details or "{}")
    missing = [str(m) for m in details.get("missing") or ()]
    if "unit_cost" in missing:
        return NO_UNIT_COST
    if missing:
        return "missing " + ", ".join(m.replace("_", " ") for m in missing)
    return "not postable as drafted"


def summary_after(
    books: Books,
    evidence_id: int,
    decided_by: str | None = None,
    note: str = "",
    settled: bool = False,
) -> tuple[tuple[str, str] | None, SheetSummary] | None:
    """The summary card rebuilt from the books: the sheet's own figures kept with its
    evidence, the state of its entries now, and where the card is. `settled`: the
    controller has decided the sheet (Approve all): drafts left over no longer keep it open."""
    settings = books.settings
    with session_scope(books.engine) as s:
        ev = s.get(Evidence, evidence_id)
        if ev is None or ev.company_id != books.company_id:
            return None
        entries = entries_for(s, evidence_id)
        where = (ev.card_channel, ev.card_ts) if ev.card_channel and ev.card_ts else None
        facts: dict[str, Any] = json.loads(ev.details or "{}")
        chart = chart_info(s, books.company_id)
        count = next((e for e in entries if e.kind == COUNT_KIND), None)
        qbo = qbo_line(s, count) if count is not None and count.number else None
        reversal = (
            s.get(JournalEntry, count.reversed_by_id)
            if count is not None and count.reversed_by_id
            else None
        )
        reversal_qbo = qbo_line(s, reversal) if reversal is not None else None
        count_lines_n = _line_count(s, count.id or 0) if count is not None else 0
        file_name, uploaded_by = ev.file_name, ev.uploaded_by
    one_entry = bool(facts.get("one_entry", count is not None))
    limit = settings.writeoff_max_amount
    warning = None
    if count is not None and count.status == EntryStatus.DRAFT and count.total > limit:
        # Approve would be refused: say so now and offer no Approve that cannot work.
        cur = settings.writeoff_currency
        warning = (
            f"The entry's total {format_money(count.total, cur)} is over the "
            f"{format_money(limit, cur)} limit for one entry (WRITEOFF_MAX_AMOUNT): it "
            "cannot be approved as it is"
        )
    left = [e for e in entries if e.status == EntryStatus.DRAFT]
    posted = sum(1 for e in entries if e.status in (EntryStatus.POSTED, EntryStatus.REVERSED))
    rejected = sum(1 for e in entries if e.status in (EntryStatus.REJECTED, EntryStatus.EXPIRED))
    if one_entry:
        listed = facts.get("skipped", ())
        skipped = tuple(Skipped(int(n), str(sku), str(why)) for n, sku, why in listed)
        skipped_count = int(facts.get("skipped_count", len(skipped)))
    else:
        # Each draft that cannot be posted as it stands, with its own reason.
        waiting = [e for e in left if not postable(e)]
        skipped = tuple(_skipped_of(e) for e in waiting[:MAX_LISTED])
        skipped_count = len(waiting)
    if left and not settled:
        status = SheetStatus.DRAFT
    elif count is not None and count.status == EntryStatus.EXPIRED:
        status = SheetStatus.EXPIRED
    elif posted and (rejected or left):
        status = SheetStatus.PARTLY_APPROVED
    elif posted:
        status = SheetStatus.APPROVED
    elif rejected:
        status = SheetStatus.REJECTED
    else:
        status = SheetStatus.DRAFT
    policy = settings.policy
    accounts = tuple(
        f"{code} {chart[code].name}" if code in chart else code
        for code in (policy.shrinkage, policy.inventory)
    )
    return where, SheetSummary(
        evidence_id=evidence_id,
        file_name=file_name,
        uploaded_by=uploaded_by,
        # A sheet drafted before its figures were kept: what its entries can still tell.
        lines_read=int(facts.get("lines_read", len(entries))),
        unchanged=int(facts.get("unchanged", 0)),
        drafts=int(facts.get("variances", len(entries))),
        complete=0 if warning else sum(1 for e in left if postable(e)),
        shrinkage=Decimal(str(facts.get("shrinkage", _sum(entries, overage=False)))),
        overage=Decimal(str(facts.get("overage", _sum(entries, overage=True)))),
        largest=tuple(
            Variance(int(n), str(sku), Decimal(exp), Decimal(cnt), _dec(amt), _dec(cost))
            for n, sku, exp, cnt, cost, amt in facts.get("largest", ())
        ),
        problems=tuple((int(n), str(why)) for n, why in facts.get("problems", ())),
        problem_count=int(facts.get("problem_count", 0)),
        currency=settings.writeoff_currency,
        status=status,
        decided_by=decided_by or _decider(entries),
        note=note,
        one_entry=one_entry,
        accounts=accounts,
        entry_lines=count_lines_n,
        entry_number=count.number if count is not None else None,
        qbo_status=qbo,
        skipped=skipped,
        skipped_count=skipped_count,
        posted=posted,
        rejected=rejected,
        left=len(left),
        warning=warning,
        entry_id=count.id if count is not None else None,
        reversed_by=reversal.number if reversal is not None else None,
        reversal_qbo_status=reversal_qbo,
    )


def _line_count(session: Session, entry_id: int) -> int:
    query = select(sa.func.count()).where(col(JournalLine.entry_id) == entry_id)
    return int(session.exec(query).one())


def _sum(entries: Sequence[JournalEntry], *, overage: bool) -> Decimal:
    return sum(
        (e.total for e in entries if (e.category == Category.OVERAGE) == overage),
        Decimal("0.00"),
    )


def postable(entry: JournalEntry) -> bool:
    if entry.kind == COUNT_KIND:
        return True
    details: dict[str, Any] = json.loads(entry.details or "{}")
    return not details.get("missing") and entry.total > 0


def _skipped_of(entry: JournalEntry) -> Skipped:
    details: dict[str, Any] = json.loads(entry.details or "{}")
    key = entry.idempotency_key or ""
    line = key.rsplit(":", 1)[-1]
    return Skipped(
        int(line) if line.isdigit() else 0, str(details.get("sku") or ""), _skip_reason(entry)
    )


def _decider(entries: Sequence[JournalEntry]) -> str | None:
    for e in entries:
        if e.approved_by or e.rejected_by:
            return e.approved_by or e.rejected_by
    return None


def sheet_card_where(books: Books, entry_id: int) -> tuple[str, str] | None:
    """Where the summary card showing this count entry is (None: not a count's entry)."""
    evidence_id = sheet_card_of(books, entry_id)
    if evidence_id is None:
        return None
    with session_scope(books.engine) as s:
        ev = s.get(Evidence, evidence_id)
        return (ev.card_channel, ev.card_ts) if ev and ev.card_channel and ev.card_ts else None


def sheet_card_of(books: Books, entry_id: int) -> int | None:
    """The count sheet whose summary card shows this entry (the one entry of a count, or its
    reversal), so a QuickBooks push can refresh that card; None for any other entry."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return None
        if entry.reverses_id is not None:
            entry = s.get(JournalEntry, entry.reverses_id)
        if entry is None or entry.kind != COUNT_KIND:
            return None
        for ev in evidence_for(s, entry.id or 0):
            if ev.kind == "count_sheet" and ev.card_ts:
                return ev.id
    return None


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
