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
from bot.slack.companies import company_jobs
from bot.slack.server import build
from tests.bot.conftest import SIGNING_SECRET
from tests.conftest import migrated_sqlite_url
from tests.fakes.slack_api import FakeSlack


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
    for name in ("sync", "qbo-drift", "qbo-token-check", "month-end", "stale-drafts"):
        assert str(jobs[name].trigger.timezone) == "America/Chicago"
        assert str(jobs[f"{name}:acme-foods"].trigger.timezone) == "Asia/Tokyo"
        assert str(jobs[f"{name}:beta-ltd"].trigger.timezone) == "UTC"
    jobs["companies"].func()  # nothing scheduled twice
    assert len(scheduler.get_jobs()) == len(jobs)
    books.engine.dispose()


def test_serve_starts_on_the_first_company_when_there_are_several(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    settings = Settings(
        _env_file=None,
        DATABASE_URL=migrated_sqlite_url(tmp_path),
        SLACK_BOT_TOKEN=fake_slack.token,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.api_url,
    )
    books = open_books(settings)
    Directory(settings, books.engine).add("Acme Foods", "cli")
    rt = build(settings, socket_mode=False)  # no "say which company" error
    assert rt.books.company_slug == "default"
    scheduler = build_scheduler(rt.jobs, company_jobs(rt.jobs, rt.app.client))
    scheduler.get_job("companies").func()
    assert scheduler.get_job("sync:acme-foods") is not None
    rt.books.engine.dispose()
    books.engine.dispose()
