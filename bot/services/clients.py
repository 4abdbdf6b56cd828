"""`/writeoff clients`: a firm-wide view for an approver, one line per company they approve
for, each read from that company's own books."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.services.books import Books
from bot.services.companies import linked_channels
from bot.services.display import ClientLine
from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem, utcnow
from ledger.periods import Period
from ledger.posting import is_period_closed
from ledger.reports import writeoff_report
from ledger.status import EntryStatus, OutboxStatus


def company_channel(session: Session, books: Books) -> str | None:
    """Where a company's cards are decided: its approval channel, else its first linked
    channel, else its first watched channel."""
    settings = books.settings
    channels = linked_channels(session, books.company_id)
    channel = settings.writeoff_approval_channel or (channels[0] if channels else None)
    if channel is None and settings.writeoff_channels:
        channel = settings.writeoff_channels[0]
    return channel


def client_line(books: Books) -> ClientLine:
    settings = books.settings
    today = utcnow().astimezone(settings.zone).date()
    month = Period.of(today)
    last = month.previous()
    cid = books.company_id
    with session_scope(books.engine) as s:
        drafts = s.exec(
            select(func.count())
            .select_from(JournalEntry)
            .where(
                col(JournalEntry.company_id) == cid, col(JournalEntry.status) == EntryStatus.DRAFT
            )
        ).one()
        stuck = s.exec(
            select(func.count())
            .select_from(OutboxItem)
            .where(
                col(OutboxItem.company_id) == cid,
                col(OutboxItem.status).in_([OutboxStatus.FAILED, OutboxStatus.HELD]),
            )
        ).one()
        total = writeoff_report(s, cid, month, settings.writeoff_currency).total
        closed = is_period_closed(s, cid, last)
        channel = company_channel(s, books)
    return ClientLine(
        books.company_name,
        settings.writeoff_currency,
        int(drafts),
        int(stuck),
        str(month),
        total,
        str(last),
        closed,
        channel,
    )
