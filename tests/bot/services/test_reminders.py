"""Month-end reminders and stale drafts: time frozen for every schedule decision."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import time_machine
from sqlmodel import select

from bot.services.books import Books, open_books
from bot.services.jobs import JobContext, month_end, month_end_now, stale_drafts
from bot.services.quickbooks import QuickBooks
from bot.settings import Settings
from bot.slack.cards import publish_card
from bot.slack.chat import SlackChat
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry
from ledger.posting import post_draft, save_draft
from tests.fakes.slack_api import FakeSlack
from tests.ledger.factories import make_draft

REMIND = "C0MONTHEND"
MAX = Decimal("1000000")


def books_for(url: str, fake: FakeSlack, **extra: Any) -> Books:
    settings = Settings(
        _env_file=None,
        DATABASE_URL=url,
        SLACK_BOT_TOKEN=fake.token,  # type: ignore[call-arg]
        SLACK_API_URL=fake.api_url,
        WRITEOFF_REMINDER_CHANNELS=REMIND,
        WRITEOFF_APPROVERS="U0CTRL",
        **extra,
    )
    return open_books(settings)


@pytest.fixture
def ctx(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[JobContext]:
    books = books_for(
        f"sqlite:///{tmp_path / 'b.db'}", fake_slack, WRITEOFF_TIMEZONE="America/New_York"
    )
    yield JobContext(books, QuickBooks(books), SlackChat(fake_slack.client(), books))
    books.engine.dispose()


def reminders(fake: FakeSlack) -> list[Any]:
    return [c for c in fake.calls("chat.postMessage") if c.args["channel"] == REMIND]


def at_nine(day: date, tz: str = "America/New_York") -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=ZoneInfo(tz))


@pytest.mark.parametrize(
    ("day", "speaks"),
    [
        (date(2026, 11, 24), False),
        (date(2026, 11, 25), True),  # three business days before Mon 30th
        (date(2026, 11, 30), True),  # last business day
        (date(2026, 10, 27), True),
        (date(2026, 10, 30), True),  # Oct 31 is a Saturday
        (date(2026, 10, 31), False),
        (date(2026, 12, 31), True),  # year end
        (date(2027, 1, 29), True),  # Jan 31 2027 is a Sunday
        (date(2027, 1, 31), False),
    ],
)
def test_reminder_days(ctx: JobContext, fake_slack: FakeSlack, day: date, speaks: bool) -> None:
    with time_machine.travel(at_nine(day), tick=False):
        result = month_end(ctx)
    assert bool(reminders(fake_slack)) is speaks, result


def test_reminder_content(ctx: JobContext, fake_slack: FakeSlack) -> None:
    books = ctx.books
    with (
        time_machine.travel(datetime(2026, 10, 10, 12, tzinfo=UTC), tick=False),
        session_scope(books.engine) as s,
    ):
        post_draft(
            s,
            books.company_id,
            make_draft(qty="10", cost="10"),
            actor="U1",
            approver="U0CTRL",
            entry_date=date(2026, 10, 10),
            max_amount=MAX,
        )
    with (
        time_machine.travel(datetime(2026, 11, 20, 12, tzinfo=UTC), tick=False),
        session_scope(books.engine) as s,
    ):
        post_draft(
            s,
            books.company_id,
            make_draft(qty="40", cost="15"),
            actor="U1",
            approver="U0CTRL",
            entry_date=date(2026, 11, 20),
            max_amount=MAX,
        )
        save_draft(
            s,
            books.company_id,
            make_draft(qty="3", cost="7"),
            actor="U1",
            entry_date=date(2026, 11, 20),
        )
    with time_machine.travel(at_nine(date(2026, 11, 30)), tick=False):
        month_end(ctx)
    [msg] = reminders(fake_slack)
    text = json.dumps(msg.args["blocks"])
    assert "last business day" in text
    assert "1 draft(s)" in text and "$21.00" in text  # the pending draft, 3 x $7
    assert "$600.00" in text and "$100.00" in text  # this month against last month
    assert "+$500.00" in text and "obsolete" in text
    assert "QuickBooks: 2 push(es) pending" in text  # not connected: both still queued
    assert "physical count" in text


def test_a_run_fires_twice_but_speaks_once(ctx: JobContext, fake_slack: FakeSlack) -> None:
    """Late, twice (a DST fold), or on two schedulers: the database claim makes it once."""
    with time_machine.travel(at_nine(date(2026, 11, 30)), tick=False):
        month_end(ctx)
    with time_machine.travel(at_nine(date(2026, 11, 30)) + timedelta(hours=1), tick=False):
        assert "already sent" in month_end(ctx)
    assert len(reminders(fake_slack)) == 1


def test_dst_change_keeps_the_local_day(tmp_path: Path, fake_slack: FakeSlack) -> None:
    """The day is decided in the company's zone: 09:00 in Auckland is still the previous
    day in UTC, and the first Sunday of April (NZ DST ends) changes nothing."""
    books = books_for(
        f"sqlite:///{tmp_path / 'nz.db'}", fake_slack, WRITEOFF_TIMEZONE="Pacific/Auckland"
    )
    ctx = JobContext(books, QuickBooks(books), SlackChat(fake_slack.client(), books))
    # 2027-04-30 (Fri) is the last business day; 09:00 NZST is 2027-04-29 21:00 UTC.
    with time_machine.travel(at_nine(date(2027, 4, 30), "Pacific/Auckland"), tick=False):
        assert "reminded" in month_end(ctx)
    books.engine.dispose()


def test_forced_reminder_always_speaks(ctx: JobContext, fake_slack: FakeSlack) -> None:
    with time_machine.travel(at_nine(date(2026, 11, 24)), tick=False):
        month_end_now(ctx)
        month_end_now(ctx)
    assert len(reminders(fake_slack)) == 2


def test_stale_draft_nudged_once_then_expired(ctx: JobContext, fake_slack: FakeSlack) -> None:
    books = ctx.books
    start = datetime(2026, 11, 2, 10, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        with session_scope(books.engine) as s:
            entry = save_draft(
                s, books.company_id, make_draft(), actor="U1", entry_date=date(2026, 11, 2)
            ).entry
        publish_card(fake_slack.client(), books, entry.id or 0, "C0WH")
    with time_machine.travel(start + timedelta(hours=23), tick=False):
        assert stale_drafts(ctx) == "0 nudged, 0 expired"
    for hours in (25, 30, 48):
        with time_machine.travel(start + timedelta(hours=hours), tick=False):
            stale_drafts(ctx)
    nudges = [c for c in fake_slack.calls("chat.postMessage") if c.args.get("thread_ts")]
    assert len(nudges) == 1 and "<@U0CTRL>" in nudges[0].args["text"]
    with time_machine.travel(start + timedelta(days=7, hours=1), tick=False):
        assert stale_drafts(ctx) == "0 nudged, 1 expired"
    with session_scope(books.engine) as s:
        assert s.get(JournalEntry, entry.id).status == "expired"
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "expired")).one()
    card = fake_slack.message("C0WH", fake_slack.calls("chat.postMessage")[0].response["ts"])
    assert card is not None and "expired" in json.dumps(card.blocks).lower()
    # Its notification text says so too (not "awaiting approval").
    update = fake_slack.calls("chat.update")[-1].args["text"]
    assert "expired; nothing was posted" in update and "awaiting" not in update


def test_claim_once_across_two_processes_on_postgres(pg_url: str, fake_slack: FakeSlack) -> None:
    books = books_for(pg_url, fake_slack)  # migrates the schema
    books.engine.dispose()
    env = {
        **os.environ,
        "DATABASE_URL": pg_url,
        "SLACK_BOT_TOKEN": fake_slack.token,
        "SLACK_API_URL": fake_slack.api_url,
        "WRITEOFF_REMINDER_CHANNELS": REMIND,
    }
    cmd = [
        sys.executable,
        "-m",
        "bot.cli",
        "jobs",
        "run",
        "month-end-scheduled",
        "--at",
        "2026-11-30T09:00:00+00:00",
    ]
    procs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert len(reminders(fake_slack)) == 1
    said = " ".join(o[0] for o in outs)
    assert "reminded" in said and "already sent" in said


def test_a_stale_count_is_nudged_and_expired_on_its_sheet_card(
    ctx: JobContext, fake_slack: FakeSlack
) -> None:
    from bot.cli.common import deps as make_deps
    from bot.services import sheets

    books = ctx.books
    start = datetime(2026, 11, 2, 10, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        card = fake_slack.client().chat_postMessage(channel="C0WH", text="Count sheet c.csv")
        where = (str(card["channel"]), str(card["ts"]))
        data = b"sku,expected,counted,unit_cost\nSKU-1,10,7,2.50\n"
        sheets.draft_sheet(
            make_deps(books),
            sheets.Shared("C0WH", "U1", "1.1"),
            sheets.Downloaded("F1", "c.csv", "count_sheet", data),
            sheets.read(data, "c.csv"),
            where,
            lambda done, total: None,
        )
    with time_machine.travel(start + timedelta(hours=25), tick=False):
        assert stale_drafts(ctx) == "1 nudged, 0 expired"
    [nudge] = [c for c in fake_slack.calls("chat.postMessage") if c.args.get("thread_ts")]
    assert nudge.args["thread_ts"] == where[1] and "<@U0CTRL>" in nudge.args["text"]
    with time_machine.travel(start + timedelta(days=7, hours=1), tick=False):
        assert stale_drafts(ctx) == "0 nudged, 1 expired"
    message = fake_slack.message(*where)
    assert message is not None and "*Expired*" in json.dumps(message.blocks)
    assert "sheet_approve_all" not in json.dumps(message.blocks)  # nothing left to click
