"""Month-end reminders and stale-draft nudges: what to say (the facts) and the jobs that
say it through the Chat port.

Each run is claimed in the database first (one row per job and period), so a run that fires
late, twice (a DST change) or on several processes still speaks once.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlmodel import col, select

from bot.services.books import Books
from bot.services.chat import Chat
from bot.services.companies import company_label
from bot.services.display import MonthEndFacts, PendingDraft
from bot.services.roles import approvers_from
from bot.services.sheets import sheet_card_where
from ledger.claims import claim, finish
from ledger.db import session_scope
from ledger.models import EntryStatus, JournalEntry, OutboxItem, OutboxStatus, utcnow
from ledger.periods import Period
from ledger.posting import COUNT_KIND, expire_draft
from ledger.reports import writeoff_report

log = logging.getLogger(__name__)
NUDGE_AFTER = timedelta(hours=24)
EXPIRE_AFTER = timedelta(days=7)
MAX_LINKS = 10
WAITING = (OutboxStatus.PENDING, OutboxStatus.IN_FLIGHT)
STUCK = (OutboxStatus.FAILED, OutboxStatus.HELD)


def gather(books: Books, chat: Chat, today: date, kind: str) -> MonthEndFacts:
    month = Period.of(today)
    cur = books.settings.writeoff_currency
    with session_scope(books.engine) as s:
        drafts = list(
            s.exec(
                select(JournalEntry)
                .where(
                    JournalEntry.company_id == books.company_id,
                    JournalEntry.status == EntryStatus.DRAFT,
                )
                .order_by(col(JournalEntry.id))
            )
        )
        outbox = list(
            s.exec(
                select(OutboxItem.status).where(
                    OutboxItem.company_id == books.company_id,
                    col(OutboxItem.status).in_([*WAITING, *STUCK]),
                )
            )
        )
        this = writeoff_report(s, books.company_id, str(month), cur)
        last = writeoff_report(s, books.company_id, str(month.previous()), cur)
        company = company_label(s, books.company_id)
    pending: list[PendingDraft] = []
    for d in drafts:
        where = _card_where(books, d) if len(pending) < MAX_LINKS else None
        link = chat.permalink(*where) if where is not None else None
        pending.append(PendingDraft(d.id or 0, d.total, d.memo, link))
    return MonthEndFacts(
        month=str(month),
        kind=kind,
        drafts=tuple(pending),
        drafts_total=sum((d.total for d in drafts), Decimal("0.00")),
        qbo_pending=sum(1 for st in outbox if st in WAITING),
        qbo_failed=sum(1 for st in outbox if st in STUCK),
        month_total=this.total,
        last_month_total=last.total,
        by_reason=this.by_reason,
        currency=cur,
        company=company,
    )


def send_reminder(books: Books, chat: Chat, today: date, kind: str, channels: list[str]) -> int:
    """Gather the month's facts and post them in each channel; returns the drafts pending."""
    facts = gather(books, chat, today, kind)
    for channel in channels:
        chat.month_end_reminder(channel, facts)
    return len(facts.drafts)


def month_end_job(
    books: Books, chat: Chat | None, now: datetime | None = None, force: bool = False
) -> str:
    """Runs on late weekdays; speaks on the two reminder days (or always when forced)."""
    settings = books.settings
    today = (now or utcnow()).astimezone(settings.zone).date()
    kind = "now" if force else settings.calendar.reminder_kind(today)
    if kind is None:
        return f"{today}: not a reminder day"
    channels = settings.reminder_channels
    if not channels or chat is None:
        return (
            "no reminder channel configured (WRITEOFF_REMINDER_CHANNELS or WRITEOFF_ALERT_CHANNEL)"
        )
    key = f"job:month-end:{books.company_id}:{today.isoformat()}"
    if not force and not claim(books.engine, key, lease=timedelta(hours=12)):
        return f"{today}: already sent"
    pending = send_reminder(books, chat, today, kind, channels)
    if not force:
        finish(books.engine, key)
    return f"{today}: reminded {', '.join(channels)} ({pending} drafts pending)"


def _card_where(books: Books, d: JournalEntry) -> tuple[str, str] | None:
    """Where a draft is decided: its own card, or (a count's one entry) its sheet's card."""
    if d.card_channel and d.card_ts:
        return d.card_channel, d.card_ts
    return sheet_card_where(books, d.id or 0) if d.kind == COUNT_KIND else None


def stale_drafts_job(books: Books, chat: Chat | None, now: datetime | None = None) -> str:
    """One nudge after 24 hours untouched; expiry after 7 days. Each step claimed once."""
    now = now or utcnow()
    with session_scope(books.engine) as s:
        drafts = list(
            s.exec(
                select(JournalEntry).where(
                    JournalEntry.company_id == books.company_id,
                    JournalEntry.status == EntryStatus.DRAFT,
                )
            )
        )
    nudged = expired = 0
    for d in drafts:
        age = now - d.updated_at
        if age >= EXPIRE_AFTER:
            with session_scope(books.engine) as s:
                result = expire_draft(
                    s,
                    books.company_id,
                    d.id or 0,
                    actor="scheduler",
                    reason="no decision within 7 days",
                )
            if result.created:
                expired += 1
                if chat is not None:
                    chat.refresh_card(d.id or 0)
        elif (
            age >= NUDGE_AFTER
            and (where := _card_where(books, d)) is not None
            and chat is not None
            and claim(books.engine, f"nudge:{d.id}", lease=timedelta(days=3650))
        ):
            # Those who may approve this amount (its tier, with an approval matrix).
            chat.nudge(where, approvers_from(books.settings).tier_ids(d.total), books.label)
            finish(books.engine, f"nudge:{d.id}")
            nudged += 1
    return f"{nudged} nudged, {expired} expired"
