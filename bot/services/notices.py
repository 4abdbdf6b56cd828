"""After a sync pass: cards updated, failures flagged once per episode (one summary when
many fail together), alerts resolved when their entries sync, a broken connection told once."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlmodel import col, select

from bot.services.books import Books
from bot.services.chat import Chat
from bot.services.display import FailedPush
from ledger.claims import claim
from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem, OutboxStatus, utcnow
from qbo.connection import get_connection
from qbo.models import ConnectionStatus
from qbo.sync import CONFLICT, SyncReport

log = logging.getLogger(__name__)
# A blip that heals on the next try is not worth a message; an episode this old is.
ALERT_AFTER = timedelta(minutes=5)
SUMMARY_FROM = 4  # this many new failures in one pass: one summary message
STUCK = (OutboxStatus.FAILED, OutboxStatus.HELD)


def alert_channel(books: Books, entry: JournalEntry) -> str | None:
    return books.settings.writeoff_alert_channel or entry.card_channel or entry.channel


def after_sync(chat: Chat, books: Books, report: SyncReport, now: datetime | None = None) -> None:
    now = now or utcnow()
    touched = set(report.synced) | {e for e, _ in report.failed + report.held + report.retrying}
    for entry_id in sorted(touched):
        chat.refresh_card(entry_id)
    _resolve(chat, books, report.synced)
    _flag_new_failures(chat, books, now)
    if report.connection_problem:
        _flag_broken_connection(chat, books)


def _resolve(chat: Chat, books: Books, synced: list[int]) -> None:
    if not synced:
        return
    with session_scope(books.engine) as s:
        rows = list(
            s.exec(
                select(OutboxItem, JournalEntry)
                .join(JournalEntry, col(JournalEntry.id) == OutboxItem.entry_id)
                .where(col(OutboxItem.entry_id).in_(synced), col(OutboxItem.alert_ts).is_not(None))
            )
        )
        by_alert: dict[tuple[str, str], list[tuple[OutboxItem, JournalEntry]]] = {}
        for item, entry in rows:
            where = (item.alert_channel or "", item.alert_ts or "")
            by_alert.setdefault(where, []).append((item, entry))
        for where, members in by_alert.items():
            channel, ts = where
            everyone = s.exec(
                select(OutboxItem).where(
                    OutboxItem.alert_ts == ts, OutboxItem.alert_channel == channel
                )
            ).all()
            if any(o.status != OutboxStatus.SYNCED for o in everyone):
                continue  # a summary resolves when all of its entries have synced
            item, entry = members[0]
            chat.resolve_alert(
                where, entry.number or "", item.external_id, len(everyone), books.label
            )
            for other in everyone:
                other.alert_ts = other.alert_channel = None
                s.add(other)


def _flag_new_failures(chat: Chat, books: Books, now: datetime) -> None:
    with session_scope(books.engine) as s:
        rows = list(
            s.exec(
                select(OutboxItem, JournalEntry)
                .join(JournalEntry, col(JournalEntry.id) == OutboxItem.entry_id)
                .where(
                    OutboxItem.company_id == books.company_id,
                    col(OutboxItem.alert_ts).is_(None),
                    col(OutboxItem.failing_since).is_not(None),
                    col(OutboxItem.status).in_([*STUCK, OutboxStatus.PENDING]),
                )
                .order_by(col(OutboxItem.id))
            )
        )
    due = [
        (item, entry)
        for item, entry in rows
        if item.status in STUCK
        # Someone else's entry under our DocNumber: a person should know now, not in 5 min.
        or item.last_error_code == CONFLICT
        or (item.failing_since and item.failing_since <= now - ALERT_AFTER)
    ]
    groups: dict[str, list[tuple[OutboxItem, JournalEntry]]] = {}
    for item, entry in due:
        channel = alert_channel(books, entry)
        if channel:
            groups.setdefault(channel, []).append((item, entry))
    for channel, members in groups.items():
        pushes = [
            FailedPush(
                entry.id or 0,
                entry.number or f"#{entry.id}",
                entry.total,
                item.last_error or "QuickBooks refused it",
                chat.permalink(entry.card_channel, entry.card_ts)
                if entry.card_channel and entry.card_ts
                else None,
                held=item.status == OutboxStatus.HELD,
                company=books.label,
            )
            for item, entry in members
        ]
        if len(pushes) >= SUMMARY_FROM:
            posts = [(chat.summary_alert(channel, pushes), [item for item, _ in members])]
        else:
            posts = [
                (chat.failure_alert(channel, p), [item])
                for p, (item, _) in zip(pushes, members, strict=True)
            ]
        for where, items in posts:
            if where is None:
                continue  # not posted: the next pass tries again
            with session_scope(books.engine) as s:
                for item in items:
                    fresh = s.get(OutboxItem, item.id)
                    if fresh is not None:
                        fresh.alert_channel, fresh.alert_ts = where
                        s.add(fresh)


def _flag_broken_connection(chat: Chat, books: Books) -> None:
    with session_scope(books.engine) as s:
        conn = get_connection(s, books.company_id)
        if conn is None or conn.status != ConnectionStatus.BROKEN:
            return
        key = f"alert:qbo-broken:{books.company_id}:{conn.updated_at.isoformat()}"
        reason = conn.broken_reason or "QuickBooks refused the connection"
    channel = books.settings.writeoff_alert_channel
    if not channel or not claim(books.engine, key, lease=timedelta(days=3650)):
        return  # one alert per break, however many passes see it
    chat.connection_broken(channel, reason, books.label)
