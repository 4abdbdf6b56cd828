"""Closing and reopening months (approvers only, audited), and what is still open in one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import col, select

from bot.services.deps import Deps
from bot.services.display import CloseCheck
from ledger.db import session_scope
from ledger.models import EntryStatus, JournalEntry, OutboxItem, OutboxStatus, utcnow
from ledger.periods import Period
from ledger.posting import close_period, is_period_closed, reopen_period

NOT_DONE = (OutboxStatus.PENDING, OutboxStatus.IN_FLIGHT, OutboxStatus.FAILED, OutboxStatus.HELD)


def today(deps: Deps) -> date:
    """Today in the company's time zone (a month ends at its midnight, not UTC's)."""
    return utcnow().astimezone(deps.settings.zone).date()


def close_check(deps: Deps, period: Period) -> CloseCheck:
    with session_scope(deps.books.engine) as s:
        drafts = list(
            s.exec(
                select(JournalEntry).where(
                    JournalEntry.company_id == deps.books.company_id,
                    JournalEntry.status == EntryStatus.DRAFT,
                    col(JournalEntry.entry_date) >= period.start,
                    col(JournalEntry.entry_date) < period.end,
                )
            )
        )
        stuck = s.exec(
            select(OutboxItem.id)
            .join(JournalEntry, col(JournalEntry.id) == OutboxItem.entry_id)
            .where(
                OutboxItem.company_id == deps.books.company_id,
                col(OutboxItem.status).in_([str(st) for st in NOT_DONE]),
                col(JournalEntry.entry_date) >= period.start,
                col(JournalEntry.entry_date) < period.end,
            )
        ).all()
    return CloseCheck(
        month=str(period),
        drafts=len(drafts),
        drafts_total=sum((d.total for d in drafts), Decimal("0.00")),
        pushes_not_done=len(stuck),
        currency=deps.settings.writeoff_currency,
        company_id=deps.books.company_id,
        company=deps.books.label,
    )


def close(deps: Deps, user: str, period: Period) -> bool:
    """True when the month is now closed by this call (False: it already was)."""
    with session_scope(deps.books.engine) as s:
        return close_period(s, deps.books.company_id, str(period), actor=user)


def reopen(deps: Deps, user: str, period: Period) -> bool:
    with session_scope(deps.books.engine) as s:
        return reopen_period(s, deps.books.company_id, str(period), actor=user)


def first_open_day(deps: Deps) -> date | None:
    """The first day a refused draft can be posted on: today when its month is open, else
    the first day of the next open month (None: the next two years are all closed)."""
    day = today(deps)
    with session_scope(deps.books.engine) as s:
        period = Period.of(day)
        for _ in range(24):
            if not is_period_closed(s, deps.books.company_id, period):
                return day if day in period else period.start
            period = period.next()
    return None
