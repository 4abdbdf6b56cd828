"""What the App Home tab shows a person, read from the books: for approvers the drafts
waiting for them (the ones the approval rules let them approve, oldest first), QuickBooks
pushes that failed or are held, and this month's totals; for everyone their own reports.
With several companies (`firm_home`), that queue once per company the person approves for,
each read from its own books, and their own reports across the companies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, col, select

from bot.services import periods
from bot.services.cards import build_view
from bot.services.clients import company_channel
from bot.services.decisions import draft_facts
from bot.services.deps import Deps
from bot.services.display import HomeEntry, HomePush, HomeView
from ledger.db import session_scope
from ledger.models import EntryStatus, JournalEntry, OutboxItem, OutboxStatus, utcnow
from ledger.periods import Period
from ledger.posting import approvals_of
from ledger.reports import writeoff_report

MAX_WAITING = 15  # Slack allows 100 blocks in a Home view; a queue longer than this is a
MAX_PUSHES = 10  # link to the channel, not a page
MAX_OWN = 10
SCAN_DRAFTS = 500  # drafts read to find the ones this approver may approve


def _entry(e: JournalEntry, **extra: object) -> HomeEntry:
    card = (e.card_channel, e.card_ts) if e.card_channel and e.card_ts else None
    return HomeEntry(
        entry_id=e.id or 0,
        number=e.number,
        total=e.total,
        reason=e.reason,
        reporter=e.reporter,
        created_at=e.created_at,
        status=str(e.status),
        confidence=e.confidence,
        reviewed=e.reviewed,
        card=card,
        **extra,  # type: ignore[arg-type]
    )


def home_view(deps: Deps, user: str, now: datetime | None = None, *, own: bool = True) -> HomeView:
    """One company's Home (all of it with one company). `own`: with the person's reports."""
    now = now or utcnow()
    books = deps.books
    company = books.company_id
    cur = deps.settings.writeoff_currency
    approver = deps.approvers.is_approver(user)
    waiting: list[HomeEntry] = []
    count, waiting_total = 0, Decimal("0.00")
    pushes: list[HomePush] = []
    month = Period.of(periods.today(deps))
    month_total, month_count = Decimal("0.00"), 0
    with session_scope(books.engine) as s:
        if approver:
            drafts = s.exec(
                select(JournalEntry)
                .where(
                    JournalEntry.company_id == company,
                    JournalEntry.status == EntryStatus.DRAFT,
                )
                .order_by(col(JournalEntry.created_at), col(JournalEntry.id))
                .limit(SCAN_DRAFTS)
            ).all()
            for e in drafts:
                # Waiting for this person: the rules would let them approve it now.
                if not deps.approvers.may_decide(
                    user, e.reporter, "approve", draft_facts(e)
                ).allowed:
                    continue
                count += 1
                waiting_total += e.total
                if len(waiting) < MAX_WAITING:
                    view = build_view(s, e, books)
                    waiting.append(
                        _entry(
                            e,
                            complete=view.complete,
                            approvals=len(approvals_of(e)),
                            approvals_needed=deps.approvers.approvals_needed(e.total),
                        )
                    )
            rows = s.exec(
                select(OutboxItem, JournalEntry)
                .join(JournalEntry, col(JournalEntry.id) == OutboxItem.entry_id)
                .where(
                    OutboxItem.company_id == company,
                    col(OutboxItem.status).in_([str(OutboxStatus.FAILED), str(OutboxStatus.HELD)]),
                )
                .order_by(col(OutboxItem.id))
                .limit(MAX_PUSHES)
            ).all()
            pushes = [
                HomePush(
                    e.id or 0,
                    e.number or f"#{e.id}",
                    e.total,
                    str(item.status),
                    item.last_error or "",
                )
                for item, e in rows
            ]
            report = writeoff_report(s, company, str(month), cur)
            month_total, month_count = report.total, report.count
        reports = tuple(_entry(e) for e in _own(s, [company], user)) if own else ()
    return HomeView(
        user=user,
        approver=approver,
        currency=cur,
        now=now,
        waiting=tuple(waiting),
        waiting_count=count,
        waiting_total=waiting_total,
        pushes=tuple(pushes),
        month=str(month),
        month_total=month_total,
        month_count=month_count,
        reports=reports,
    )


def _own(s: Session, companies: Sequence[int], user: str) -> Sequence[JournalEntry]:
    """The person's latest reports in these companies, newest first."""
    return s.exec(
        select(JournalEntry)
        .where(col(JournalEntry.company_id).in_(companies), JournalEntry.reporter == user)
        .order_by(col(JournalEntry.created_at).desc(), col(JournalEntry.id).desc())
        .limit(MAX_OWN)
    ).all()


def firm_home(
    base: Deps, companies: Sequence[Deps], user: str, now: datetime | None = None
) -> HomeView:
    """The Home when the deployment keeps several companies (`base`: the first company's
    Deps, for the database and the currency of an empty Home). `companies`: those of the
    person's workspace (never another workspace's). One group per company they approve for,
    each from its own books and checked against its own approvers and rules; their own
    reports across all of `companies`, each naming its company."""
    now = now or utcnow()
    groups = []
    for deps in companies:
        if not deps.approvers.is_approver(user):
            continue
        books = deps.books
        with session_scope(books.engine) as s:
            channel = company_channel(s, books)
        group = home_view(deps, user, now, own=False)
        groups.append(
            replace(
                group,
                company=books.company_name,
                company_id=books.company_id,
                channel=channel,
            )
        )
    by_id = {d.books.company_id: d.books for d in companies}
    with session_scope(base.books.engine) as s:
        reports = tuple(
            _entry(
                e,
                company=by_id[e.company_id].company_name,
                currency=by_id[e.company_id].settings.writeoff_currency,
            )
            for e in _own(s, list(by_id), user)
        )
    return HomeView(
        user=user,
        approver=bool(groups),
        currency=base.settings.writeoff_currency,
        now=now,
        reports=reports,
        by_company=True,
        groups=tuple(groups),
    )
