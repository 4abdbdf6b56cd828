"""After a sync pass: cards updated, failures flagged once per episode, alerts resolved."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import col, select

from bot.alert_blocks import (
    FailedPush,
    broken_connection_alert,
    failure_alert,
    resolved_text,
    summary_alert,
    summary_resolved,
)
from bot.cards import refresh_card
from bot.intake import permalink
from bot.runtime import Books
from ledger.claims import claim
from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem, OutboxStatus, utcnow
from qbo.connection import aware, get_connection
from qbo.models import ConnectionStatus
from qbo.sync import SyncReport

log = logging.getLogger(__name__)
# A blip that heals on the next try is not worth a message; an episode this old is.
ALERT_AFTER = timedelta(minutes=5)
SUMMARY_FROM = 4  # this many new failures in one pass: one summary message


def alert_channel(books: Books, entry: JournalEntry) -> str | None:
    return books.settings.writeoff_alert_channel or entry.card_channel or entry.channel


def after_sync(
    client: WebClient, books: Books, report: SyncReport, now: datetime | None = None
) -> None:
    now = now or utcnow()
    touched = set(report.synced) | {e for e, _ in report.failed + report.held + report.retrying}
    for entry_id in sorted(touched):
        refresh_card(client, books.engine, books.settings, entry_id)
    _resolve(client, books, report.synced)
    _flag_new_failures(client, books, now)
    if report.connection_problem:
        _flag_broken_connection(client, books)


def _resolve(client: WebClient, books: Books, synced: list[int]) -> None:
    if not synced:
        return
    with session_scope(books.engine) as s:
        rows = list(
            s.exec(
                select(OutboxItem, JournalEntry)
                .join(JournalEntry, JournalEntry.id == OutboxItem.entry_id)
                .where(col(OutboxItem.entry_id).in_(synced), col(OutboxItem.alert_ts).is_not(None))
            )
        )
        by_alert: dict[tuple[str, str], list[tuple[OutboxItem, JournalEntry]]] = {}
        for item, entry in rows:
            by_alert.setdefault((item.alert_channel or "", item.alert_ts or ""), []).append(
                (item, entry)
            )
        for (channel, ts), members in by_alert.items():
            open_left = s.exec(
                select(OutboxItem).where(
                    OutboxItem.alert_ts == ts,
                    OutboxItem.alert_channel == channel,
                    OutboxItem.status != OutboxStatus.SYNCED.value,
                )
            ).first()
            if open_left is not None:
                continue  # a summary resolves when all of its entries have synced
            everyone = s.exec(
                select(OutboxItem).where(
                    OutboxItem.alert_ts == ts, OutboxItem.alert_channel == channel
                )
            ).all()
            item, entry = members[0]
            blocks = (
                resolved_text(entry.number or "", item.external_id)
                if len(everyone) == 1
                else summary_resolved(len(everyone))
            )
            try:
                client.chat_update(channel=channel, ts=ts, text="Resolved", blocks=blocks)
            except SlackApiError as exc:
                log.warning("could not resolve alert %s: %s", ts, exc.response.get("error"))
            for other in everyone:
                other.alert_ts = other.alert_channel = None
                s.add(other)


def _flag_new_failures(client: WebClient, books: Books, now: datetime) -> None:
    with session_scope(books.engine) as s:
        rows = list(
            s.exec(
                select(OutboxItem, JournalEntry)
                .join(JournalEntry, JournalEntry.id == OutboxItem.entry_id)
                .where(
                    OutboxItem.company_id == books.company_id,
                    col(OutboxItem.alert_ts).is_(None),
                    col(OutboxItem.failing_since).is_not(None),
                    col(OutboxItem.status).in_(["failed", "held", "pending"]),
                )
                .order_by(OutboxItem.id)
            )
        )
    due = [
        (item, entry)
        for item, entry in rows
        if item.status in ("failed", "held")
        or (item.failing_since and aware(item.failing_since) <= now - ALERT_AFTER)
    ]
    if not due:
        return
    groups: dict[str, list[tuple[OutboxItem, JournalEntry]]] = {}
    for item, entry in due:
        channel = alert_channel(books, entry)
        if channel:
            groups.setdefault(channel, []).append((item, entry))
    cur = books.settings.writeoff_currency
    for channel, members in groups.items():
        pushes = [
            FailedPush(
                entry.id or 0,
                entry.number or f"#{entry.id}",
                entry.total,
                item.last_error or "QuickBooks refused it",
                permalink(client, entry.card_channel, entry.card_ts)
                if entry.card_channel and entry.card_ts
                else None,
            )
            for item, entry in members
        ]
        if len(pushes) >= SUMMARY_FROM:
            blocks = summary_alert(pushes, cur)
            text = f"{len(pushes)} entries did not reach QuickBooks"
            posts = [(blocks, text, [item for item, _ in members])]
        else:
            posts = [
                (failure_alert(p, cur), f"{p.number} did not reach QuickBooks", [item])
                for p, (item, _) in zip(pushes, members, strict=True)
            ]
        for blocks, text, items in posts:
            try:
                resp = client.chat_postMessage(channel=channel, text=text, blocks=blocks)
            except SlackApiError as exc:
                log.warning("could not post a sync alert: %s", exc.response.get("error"))
                continue
            with session_scope(books.engine) as s:
                for item in items:
                    fresh = s.get(OutboxItem, item.id)
                    if fresh is not None:
                        fresh.alert_channel, fresh.alert_ts = resp["channel"], resp["ts"]
                        s.add(fresh)


def _flag_broken_connection(client: WebClient, books: Books) -> None:
    with session_scope(books.engine) as s:
        conn = get_connection(s, books.company_id)
        if conn is None or conn.status != ConnectionStatus.BROKEN:
            return
        key = f"alert:qbo-broken:{books.company_id}:{aware(conn.updated_at).isoformat()}"
        reason = conn.broken_reason or "QuickBooks refused the connection"
    channel = books.settings.writeoff_alert_channel
    if not channel or not claim(books.engine, key, lease=timedelta(days=3650)):
        return  # one alert per break, however many passes see it
    client.chat_postMessage(
        channel=channel, text="QuickBooks disconnected", blocks=broken_connection_alert(reason)
    )
