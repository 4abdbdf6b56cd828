"""APScheduler 3 inside `writeoff serve`: explicit time zone, coalesced runs, one instance
per job, a generous misfire grace time, and a clean shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.services.jobs import JobContext, run_job

log = logging.getLogger(__name__)


def _safe(name: str, ctx: JobContext) -> Callable[[], None]:
    def run() -> None:
        try:
            run_job(name, ctx)
        except Exception:  # a failing run must not kill the schedule; it is logged
            log.exception("job %s failed", name)

    run.__name__ = name.replace("-", "_")
    return run


def build_scheduler(ctx: JobContext) -> BackgroundScheduler:
    settings = ctx.books.settings
    scheduler = BackgroundScheduler(
        timezone=settings.writeoff_timezone,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    scheduler.add_job(
        _safe("sync", ctx),
        IntervalTrigger(
            seconds=settings.writeoff_sync_interval, timezone=settings.writeoff_timezone
        ),
        id="sync",
        name="push posted entries to QuickBooks",
    )
    scheduler.add_job(
        _safe("qbo-drift", ctx),
        IntervalTrigger(minutes=1, timezone=settings.writeoff_timezone),
        id="qbo-drift",
        name="entries changed or deleted in QuickBooks (webhook queue, CDC every 15 min)",
    )
    scheduler.add_job(
        _safe("qbo-token-check", ctx),
        "cron",
        hour=9,
        minute=0,
        id="qbo-token-check",
        name="QuickBooks connection expiry check",
    )
    # "Three business days before" can fall from the 20th; the job decides (bot/calendar).
    scheduler.add_job(
        _safe("month-end-scheduled", ctx),
        "cron",
        day="20-31",
        day_of_week="mon-fri",
        hour=9,
        minute=0,
        timezone=settings.writeoff_timezone,
        id="month-end",
        name="month-end reminder",
    )
    scheduler.add_job(
        _safe("stale-drafts", ctx),
        "cron",
        minute=15,
        timezone=settings.writeoff_timezone,
        id="stale-drafts",
        name="stale draft nudges and expiry",
    )
    return scheduler
