"""Month-end reminders with several companies: each company's in its own time zone and
channels, naming the company, each sent once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import time_machine

from bot.services.books import open_books
from bot.services.companies import Directory
from bot.services.jobs import JobContext, month_end
from bot.services.quickbooks import QuickBooks
from bot.slack.chat import SlackChat
from tests.bot.services.test_reminders import REMIND, books_for
from tests.fakes.slack_api import FakeSlack

ACME_REMIND = "C0ACMEMONTH"


def test_each_company_is_reminded_on_its_own_day_in_its_own_channel(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    first = books_for(
        f"sqlite:///{tmp_path / 'b.db'}", fake_slack, WRITEOFF_TIMEZONE="America/New_York"
    )
    directory = Directory(first.settings, first.engine)
    directory.add("Acme Foods", "cli")
    directory.set("acme-foods", "timezone", "Asia/Tokyo", "cli")
    directory.set("acme-foods", "reminder_channels", ACME_REMIND, "cli")
    first = open_books(first.environment or first.settings, company="default")
    acme = open_books(first.environment or first.settings, company="acme-foods")
    client = fake_slack.client()
    jobs = [JobContext(b, QuickBooks(b), SlackChat(client, b)) for b in (first, acme)]

    def posted(channel: str) -> list[str]:
        return [
            c.args["text"]
            for c in fake_slack.calls("chat.postMessage")
            if c.args["channel"] == channel
        ]

    # 00:30 UTC on 25 Nov 2026: in Tokyo the 25th (three business days before the 30th);
    # in New York still the 24th, not a reminder day.
    with time_machine.travel(datetime(2026, 11, 25, 0, 30, tzinfo=UTC), tick=False):
        for ctx in jobs:
            month_end(ctx)
    assert posted(ACME_REMIND) == ["Month-end reminder 2026-11 for Acme Foods"]
    assert posted(REMIND) == []
    # 14:00 UTC: New York's 25th at 9:00; Tokyo's 25th still, already reminded.
    with time_machine.travel(datetime(2026, 11, 25, 14, 0, tzinfo=UTC), tick=False):
        for ctx in jobs:
            month_end(ctx)
    assert posted(REMIND) == ["Month-end reminder 2026-11 for Default company"]
    assert len(posted(ACME_REMIND)) == 1
    for ctx in jobs:
        ctx.quickbooks.http.close()
    first.engine.dispose()
    acme.engine.dispose()
