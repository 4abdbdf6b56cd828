"""Reports people ask for: the month's write-offs (summary values and the chart), the
months before it, and the month's lines as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from decimal import Decimal

from sqlmodel import Session, col, select

from bot.services.books import Books
from bot.services.chart import grouped_accounts, render_chart
from bot.services.deps import Deps
from bot.services.display import ReportView
from ledger.audit import ChainReport, verify_chain
from ledger.db import session_scope
from ledger.models import EntryStatus, JournalEntry
from ledger.names import shown
from ledger.periods import Period
from ledger.posting import entry_lines
from ledger.reports import TrialBalance, WriteOffReport, trial_balance, writeoff_report

EXPORT_FIELDS = (
    "number",
    "date",
    "status",
    "reason",
    "sku",
    "location",
    "account",
    "debit",
    "credit",
    "memo",
    "source_text",
    "reporter",
    "approved_by",
)
POSTED = (EntryStatus.POSTED, EntryStatus.REVERSED)


def history_totals(
    session: Session, company_id: int, month: Period, months: int = 6, currency: str = "USD"
) -> dict[str, Decimal]:
    """Totals for the `months` months ending at `month`, zero where nothing was posted."""
    wanted = [month]
    while len(wanted) < months:
        wanted.append(wanted[-1].previous())
    by_month = writeoff_report(session, company_id, None, currency).by_month
    return {str(m): by_month.get(str(m), Decimal("0.00")) for m in sorted(wanted)}


def report_view(
    current: WriteOffReport, previous: WriteOffReport | None, company: str | None = None
) -> ReportView:
    """The summary card's values: this month, against last month when anything was posted.
    Reserve increases are provisions, shown apart and in no write-off figure. `company`:
    the name the card shows (`Books.label`: None with one company)."""
    return ReportView(
        month=current.month,
        currency=current.currency,
        total=current.total,
        count=current.count,
        previous_total=previous.total if previous is not None else None,
        by_reason=current.by_reason,
        by_sku=current.by_sku,
        split=grouped_accounts(current),
        provisions=current.provisions,
        provision_count=current.provision_count,
        company=company,
    )


def month_report(deps: Deps, month: Period) -> tuple[ReportView, bytes]:
    """The summary values and the chart (PNG) for one month."""
    cur = deps.settings.writeoff_currency
    company = deps.books.company_id
    with session_scope(deps.books.engine) as s:
        current = writeoff_report(s, company, str(month), cur)
        previous = writeoff_report(s, company, str(month.previous()), cur)
        history = history_totals(s, company, month, 6, cur)
    label = deps.books.label
    view = report_view(current, previous if previous.count else None, label)
    return view, render_chart(current, history, label)


def file_name(books: Books, month: Period, ext: str) -> str:
    """The name of a report's file in Slack: writeoffs-2026-11.csv, and with several
    companies writeoffs-<company slug>-2026-11.csv, so two clients' files never mix."""
    whose = f"{books.company_slug}-" if books.label else ""
    return f"writeoffs-{whose}{month}.{ext}"


def month_rows(deps: Deps, month: Period) -> list[dict[str, object]]:
    """Every line of the month's posted entries, for the CSV export."""
    rows: list[dict[str, object]] = []
    with session_scope(deps.books.engine) as s:
        entries = s.exec(
            select(JournalEntry)
            .where(
                JournalEntry.company_id == deps.books.company_id,
                col(JournalEntry.status).in_([str(st) for st in POSTED]),
                col(JournalEntry.entry_date) >= month.start,
                col(JournalEntry.entry_date) < month.end,
            )
            .order_by(col(JournalEntry.id))
        ).all()
        for e in entries:
            for jl, acct in entry_lines(s, e.id or 0):
                rows.append(
                    {
                        "number": e.number,
                        "date": e.entry_date.isoformat(),
                        "status": e.status,
                        "reason": e.reason or "",
                        "sku": jl.sku or "",
                        "location": jl.location or "",
                        "account": f"{acct.code} {acct.name}",
                        "debit": str(jl.debit),
                        "credit": str(jl.credit),
                        "memo": e.memo,
                        "source_text": e.source_text,
                        # Display names as kept on the entry (ids in the audit trail).
                        "reporter": shown(e, e.reporter) or "",
                        "approved_by": shown(e, e.approved_by) or "",
                    }
                )
    return rows


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet: neutralise it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def export_csv(rows: Sequence[Mapping[str, object]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(EXPORT_FIELDS), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe(row.get(k)) for k in EXPORT_FIELDS})
    return buf.getvalue().encode("utf-8")


def writeoffs(deps: Deps, month: Period | None) -> WriteOffReport:
    """Posted write-offs by reason, SKU, location, month and account (all months: None)."""
    with session_scope(deps.books.engine) as s:
        return writeoff_report(
            s, deps.books.company_id, str(month) if month else None, deps.settings.writeoff_currency
        )


def chart_png(deps: Deps, month: Period) -> bytes:
    return month_report(deps, month)[1]


def trial(deps: Deps) -> TrialBalance:
    with session_scope(deps.books.engine) as s:
        return trial_balance(s, deps.books.company_id)


def verify_audit(deps: Deps) -> ChainReport:
    with session_scope(deps.books.engine) as s:
        return verify_chain(s, deps.books.company_id)
