"""APScheduler 3 inside `writeoff serve`: explicit time zone, coalesced runs, one instance
per job, a generous misfire grace time, and a clean shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

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


def build_scheduler(
    ctx: JobContext, companies: Callable[[], list[JobContext]] | None = None
) -> BackgroundScheduler:
    """The first company's jobs (`ctx`); with `companies`, every other company's too, each
    in its own time zone, and companies added while serving are picked up within a minute."""
    settings = ctx.books.settings
    scheduler = BackgroundScheduler(
        timezone=settings.writeoff_timezone,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    add_company_jobs(scheduler, ctx, "")
    if companies is not None:
        scheduled = {ctx.books.company_id}

        def more() -> None:
            for other in companies():
                if other.books.company_id not in scheduled:
                    add_company_jobs(scheduler, other, f":{other.books.company_slug}")
                    scheduled.add(other.books.company_id)

        scheduler.add_job(
            more,
            "interval",
            seconds=60,
            id="companies",
            name="schedule new companies",
            next_run_time=datetime.now(UTC),
        )
    return scheduler


def add_company_jobs(scheduler: BackgroundScheduler, ctx: JobContext, suffix: str) -> None:
    """One company's jobs (ids end with `suffix`), in the company's time zone. Each job's
    claims are per company, so every company is reminded and nudged once."""
    settings = ctx.books.settings
    scheduler.add_job(
        _safe("sync", ctx),
        IntervalTrigger(
            seconds=settings.writeoff_sync_interval, timezone=settings.writeoff_timezone
        ),
        id="sync" + suffix,
        name="push posted entries to QuickBooks",
    )
    scheduler.add_job(
        _safe("qbo-drift", ctx),
        IntervalTrigger(minutes=1, timezone=settings.writeoff_timezone),
        id="qbo-drift" + suffix,
        name="entries changed or deleted in QuickBooks (webhook queue, CDC every 15 min)",
    )
    scheduler.add_job(
        _safe("qbo-token-check", ctx),
        "cron",
        hour=9,
        minute=0,
        timezone=settings.writeoff_timezone,
        id="qbo-token-check" + suffix,
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
        id="month-end" + suffix,
        name="month-end reminder",
    )
    scheduler.add_job(
        _safe("stale-drafts", ctx),
        "cron",
        minute=15,
        timezone=settings.writeoff_timezone,
        id="stale-drafts" + suffix,
        name="stale draft nudges and expiry",
    )
