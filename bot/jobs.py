"""Scheduled work as plain functions: called by the scheduler, the tests and
`writeoff jobs run NAME` alike."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient

from bot.alert_blocks import expiry_warning
from bot.notices import after_sync
from bot.quickbooks import QuickBooks
from bot.runtime import Books
from ledger.claims import claim, finish
from ledger.models import utcnow
from qbo.connection import REFRESH_WARNING, aware

log = logging.getLogger(__name__)


@dataclass
class JobContext:
    books: Books
    quickbooks: QuickBooks
    slack: WebClient | None = None


def sync_job(ctx: JobContext, now: datetime | None = None) -> Any:
    """Push due posted entries to QuickBooks, then update cards and alerts."""
    report = ctx.quickbooks.sync(now=now)
    if ctx.slack is not None and (report.claimed or report.connection_problem):
        after_sync(ctx.slack, ctx.books, report, now)
    if report.claimed:
        log.info("sync: %s", report.summary())
    return report


def qbo_token_check_job(ctx: JobContext, now: datetime | None = None) -> str:
    """Warn the alert channel once a day from 14 days before the connection expires."""
    now = now or utcnow()
    conn = ctx.quickbooks.connection()
    if conn is None:
        return "not connected"
    left = aware(conn.refresh_expires_at) - now
    if left > REFRESH_WARNING:
        return f"connection valid for {left.days} more days"
    channel = ctx.books.settings.writeoff_alert_channel
    key = f"job:qbo-token-check:{ctx.books.company_id}:{now.date().isoformat()}"
    if (
        ctx.slack is None
        or not channel
        or not claim(ctx.books.engine, key, lease=timedelta(days=2))
    ):
        return f"expires in {left.days} days (no warning sent)"
    ctx.slack.chat_postMessage(
        channel=channel,
        text="QuickBooks connection expires soon",
        blocks=expiry_warning(max(0, left.days)),
    )
    finish(ctx.books.engine, key)
    return f"expires in {left.days} days: warned {channel}"


def month_end(ctx: JobContext, now: datetime | None = None) -> str:
    from bot.reminders import month_end_job

    return month_end_job(ctx, now)


def month_end_now(ctx: JobContext, now: datetime | None = None) -> str:
    from bot.reminders import month_end_job

    return month_end_job(ctx, now, force=True)


def stale_drafts(ctx: JobContext, now: datetime | None = None) -> str:
    from bot.reminders import stale_drafts_job

    return stale_drafts_job(ctx, now)


JOBS: dict[str, Callable[..., Any]] = {
    "sync": sync_job,
    "qbo-token-check": qbo_token_check_job,
    # `writeoff jobs run month-end` speaks now, whatever the day (the scheduler's run
    # checks the calendar and the claim instead).
    "month-end": month_end_now,
    "month-end-scheduled": month_end,
    "stale-drafts": stale_drafts,
}
