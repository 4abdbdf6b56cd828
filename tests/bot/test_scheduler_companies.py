"""The schedule with several companies: every company gets its sync, token check, month-end
reminder and stale-draft jobs, each in the company's own time zone; a company added while
serving joins within a minute."""

from __future__ import annotations

from pathlib import Path

from bot.scheduler import build_scheduler
from bot.services.books import Resolver, open_books
from bot.services.companies import Directory
from bot.services.jobs import JobContext
from bot.services.quickbooks import QuickBooks
from bot.settings import Settings
from tests.conftest import migrated_sqlite_url


def test_every_company_is_scheduled_in_its_own_time_zone(tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None,
        DATABASE_URL=migrated_sqlite_url(tmp_path),
        WRITEOFF_TIMEZONE="America/Chicago",
    )
    books = open_books(settings)
    directory = Directory(settings, books.engine)
    directory.add("Acme Foods", "cli")
    directory.set("acme-foods", "timezone", "Asia/Tokyo", "cli")
    resolver = Resolver(books, ttl=0)

    def contexts() -> list[JobContext]:
        others = [resolver.books(c) for c in resolver.company_ids() if c != books.company_id]
        return [JobContext(b, QuickBooks(b)) for b in others]

    scheduler = build_scheduler(JobContext(books, QuickBooks(books)), contexts)
    jobs = {j.id: j for j in scheduler.get_jobs()}
    assert {"sync", "qbo-token-check", "month-end", "stale-drafts", "companies"} <= set(jobs)
    assert "month-end:acme-foods" not in jobs  # not yet: the companies job adds them
    jobs["companies"].func()
    directory.add("Beta Ltd", "cli")  # added while serving
    jobs["companies"].func()
    jobs = {j.id: j for j in scheduler.get_jobs()}
    for name in ("sync", "qbo-token-check", "month-end", "stale-drafts"):
        assert str(jobs[name].trigger.timezone) == "America/Chicago"
        assert str(jobs[f"{name}:acme-foods"].trigger.timezone) == "Asia/Tokyo"
        assert str(jobs[f"{name}:beta-ltd"].trigger.timezone) == "UTC"
    jobs["companies"].func()  # nothing scheduled twice
    assert len(scheduler.get_jobs()) == len(jobs)
    books.engine.dispose()
