"""Scheduled work as plain functions: called by the scheduler, the tests and
`writeoff jobs run NAME` alike. Each run gets a request id in the logs."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.logs import bind, new_request_id
from bot.services.books import Books
from bot.services.cards import stale_cards
from bot.services.chat import Chat
from bot.services.display import DriftNotice
from bot.services.notices import after_sync
from bot.services.quickbooks import QuickBooks
from bot.services.reminders import month_end_job, stale_drafts_job
from ledger.claims import claim, finish
from ledger.db import session_scope
from ledger.models import JournalEntry, utcnow
from qbo.connection import REFRESH_WARNING
from qbo.sync import SyncReport

log = logging.getLogger(__name__)
CDC_EVERY = timedelta(minutes=15)
# (database, company) -> when the push gathering a burst takes every due entry (this
# process; other processes gather their own).
_gathering: dict[tuple[str, int], float] = {}
_gather_lock = threading.Lock()


@dataclass
class JobContext:
    books: Books
    quickbooks: QuickBooks
    chat: Chat | None = None  # None: nobody to tell (the command line without Slack)


def sync_job(ctx: JobContext, now: datetime | None = None) -> SyncReport:
    """Push due posted entries to QuickBooks, then update cards and alerts."""
    report = ctx.quickbooks.sync(now=now)
    if ctx.chat is not None and (report.claimed or report.connection_problem):
        after_sync(ctx.chat, ctx.books, report, now)
    if ctx.chat is not None:
        # Cards whose last render is older than the books (a render overtaken in flight,
        # a chat.update that failed, a replica that died between commit and render).
        for entry_id in stale_cards(ctx.books):
            ctx.chat.refresh_card(entry_id)
    if report.claimed:
        log.info("sync: %s", report.summary())
    return report


def qbo_token_check_job(ctx: JobContext, now: datetime | None = None) -> str:
    """Warn the alert channel once a day from 14 days before the connection expires."""
    now = now or utcnow()
    conn = ctx.quickbooks.connection()
    if conn is None:
        return "not connected"
    left = conn.refresh_expires_at - now
    if left > REFRESH_WARNING:
        return f"connection valid for {left.days} more days"
    channel = ctx.books.settings.writeoff_alert_channel
    key = f"job:qbo-token-check:{ctx.books.company_id}:{now.date().isoformat()}"
    if ctx.chat is None or not channel or not claim(ctx.books.engine, key, lease=timedelta(days=2)):
        return f"expires in {left.days} days (no warning sent)"
    ctx.chat.connection_expiring(channel, max(0, left.days), ctx.books.label)
    finish(ctx.books.engine, key)
    return f"expires in {left.days} days: warned {channel}"


def qbo_drift_job(ctx: JobContext, now: datetime | None = None) -> str:
    """Entries changed or deleted in QuickBooks: one alert each, and their cards updated.
    Queued webhook changes every run; a Change Data Capture pass at most every CDC_EVERY."""
    now = now or utcnow()
    key = f"job:qbo-cdc:{ctx.books.company_id}:{int(now.timestamp() // CDC_EVERY.total_seconds())}"
    cdc = claim(ctx.books.engine, key, lease=CDC_EVERY * 2)
    found = ctx.quickbooks.drift(now, cdc=cdc)
    channel = ctx.books.settings.writeoff_alert_channel
    for d in found:
        if ctx.chat is None:
            continue
        ctx.chat.refresh_card(d.entry_id)
        link, home = _card(ctx, d.entry_id)
        notice = DriftNotice(
            d.entry_id,
            d.number,
            d.kind,
            d.qbo_id,
            d.before,
            d.after,
            d.who,
            link,
            d.entity,
            company=ctx.books.label,
        )
        target = channel or home
        if target:
            ctx.chat.drift_alert(target, notice)
    return f"{len(found)} drifted" + (" (with a Change Data Capture pass)" if cdc else "")


def _card(ctx: JobContext, entry_id: int) -> tuple[str | None, str | None]:
    """(a link to the entry's card, the channel to tell when no alert channel is set)."""
    with session_scope(ctx.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None:
            return None, None
        channel, ts, home = entry.card_channel, entry.card_ts, entry.card_channel or entry.channel
    link = ctx.chat.permalink(channel, ts) if ctx.chat is not None and channel and ts else None
    return link, home


def month_end(ctx: JobContext, now: datetime | None = None) -> str:
    return month_end_job(ctx.books, ctx.chat, now)


def month_end_now(ctx: JobContext, now: datetime | None = None) -> str:
    return month_end_job(ctx.books, ctx.chat, now, force=True)


def stale_drafts(ctx: JobContext, now: datetime | None = None) -> str:
    return stale_drafts_job(ctx.books, ctx.chat, now)


JOBS: dict[str, Callable[..., Any]] = {
    "sync": sync_job,
    "qbo-token-check": qbo_token_check_job,
    "qbo-drift": qbo_drift_job,
    # `writeoff jobs run month-end` speaks now, whatever the day (the scheduler's run
    # checks the calendar and the claim instead).
    "month-end": month_end_now,
    "month-end-scheduled": month_end,
    "stale-drafts": stale_drafts,
}


def run_job(name: str, ctx: JobContext, now: datetime | None = None) -> Any:
    """Run one job with its own request id in the logs; failures propagate."""
    with bind(request_id=new_request_id(), job=name, company=ctx.books.company_id):
        return JOBS[name](ctx, now=now)


def push_now(books: Books, quickbooks: QuickBooks, chat: Chat, entry_ids: list[int]) -> None:
    """Push these entries now instead of waiting for the next pass, and tell people how it
    went (cards, alerts). Nothing to do when QuickBooks is not connected.

    Approvals that arrive together go out together: the first push of a burst waits a short
    moment (WRITEOFF_QBO_GATHER_SECONDS) and then one pass takes every due entry, these
    first; a push arriving while one is gathering leaves its entry to it. One entry goes as
    a plain create, several as one batch, so 40 batches a minute are not spent one entry
    each."""
    if not entry_ids or not quickbooks.configured or quickbooks.connection() is None:
        return
    wait = books.settings.writeoff_qbo_gather_seconds
    key = (str(books.engine.url), books.company_id)
    with _gather_lock:
        pending = _gathering.get(key)
        if pending is not None and pending > time.monotonic():
            return  # a push of this burst takes every due entry in a moment, this one too
        _gathering[key] = time.monotonic() + wait
    time.sleep(wait)
    with _gather_lock:
        _gathering.pop(key, None)
    report = quickbooks.sync(worker="slack", first=entry_ids)
    if report.claimed:
        after_sync(chat, books, report)
