"""The second reading as a use case (bot/services/second_reading.py), with the real Claude
drafter against the local fake Messages API: applied only to a draft still waiting for it,
recorded (never applied) once a person or a decision got there first, never left pending."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import col, select

from bot.services import intake, second_reading
from bot.services.books import Books, open_books
from bot.settings import Settings
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry
from ledger.posting import post_entry, set_second_reading
from tests.conftest import migrated_sqlite_url
from tests.fakes.anthropic_api import FakeAnthropic, entry, serve_fake_anthropic, tool_answer

TEXT = "40 units obsolete SKU-12 at $15"
AGREEING = entry(category="loss", reason="obsolete", sku="SKU-12", quantity="40", unit_cost="15")


@pytest.fixture
def claude() -> Iterator[FakeAnthropic]:
    with serve_fake_anthropic() as fake:
        yield fake


@pytest.fixture
def books(tmp_path: Path, claude: FakeAnthropic) -> Iterator[Books]:
    settings = Settings(
        _env_file=None,
        DATABASE_URL=migrated_sqlite_url(tmp_path),  # type: ignore[call-arg]
        ANTHROPIC_API_KEY=claude.api_key,
        ANTHROPIC_BASE_URL=claude.url,
        WRITEOFF_CLAUDE_TIMEOUT=2,
    )
    b = open_books(settings)
    yield b
    b.engine.dispose()


def drafted(books: Books) -> int:
    reading = intake.read(books, TEXT)
    assert reading.second_due and reading.drafts
    report = intake.Report(TEXT, "U0WORKER", "C0", key="k")
    saved = intake.save_drafts(books, report, reading.drafts, second_due=True)
    return saved.entries[0].id or 0


def get(books: Books, entry_id: int) -> JournalEntry:
    with session_scope(books.engine) as s:
        e = s.get(JournalEntry, entry_id)
        assert e is not None
        return e


def actions(books: Books) -> list[str]:
    with session_scope(books.engine) as s:
        return [a.action for a in s.exec(select(AuditEvent).order_by(col(AuditEvent.seq)))]


def test_applied_to_a_draft_waiting_for_it(books: Books, claude: FakeAnthropic) -> None:
    eid = drafted(books)
    assert second_reading.is_pending(books, eid)
    claude.script(tool_answer([AGREEING]))
    [done] = second_reading.run(books, TEXT, [eid])
    assert done.state == "agreed" and done.changed
    assert not second_reading.is_pending(books, eid)
    assert actions(books) == ["drafted", "redrafted"]


def test_recorded_not_applied_once_the_draft_is_posted(books: Books, claude: FakeAnthropic) -> None:
    eid = drafted(books)
    with session_scope(books.engine) as s:
        post_entry(s, books.company_id, eid, approver="U0CTRL", max_amount=Decimal(10**6))
    claude.script(tool_answer([{**AGREEING, "quantity": "12"}]))
    [done] = second_reading.run(books, TEXT, [eid])
    assert done.state == "differs" and not done.changed
    e = get(books, eid)
    assert e.status == "posted" and e.total == Decimal("600.00") and e.second_reading == "differs"
    assert actions(books)[-1] == "second_reading"


def test_a_correction_that_came_first_is_not_overwritten(
    books: Books, claude: FakeAnthropic
) -> None:
    eid = drafted(books)
    with session_scope(books.engine) as s:
        set_second_reading(s, books.company_id, eid, second_reading.SUPERSEDED, actor="U0WORKER")
    claude.script(tool_answer([{**AGREEING, "quantity": "12"}]))
    [done] = second_reading.run(books, TEXT, [eid])
    assert not done.changed and get(books, eid).second_reading == "superseded"
    assert "redrafted" not in actions(books)


def test_claude_failing_marks_it_unavailable(books: Books, claude: FakeAnthropic) -> None:
    eid = drafted(books)  # the fake is not scripted: it answers 500
    [done] = second_reading.run(books, TEXT, [eid])
    assert done.state == "unavailable"
    e = get(books, eid)
    assert e.second_reading == "unavailable" and json.loads(e.details)["amount"] == "600.00"


def test_a_reading_pending_long_after_any_answer_could_come_counts_as_unavailable(
    books: Books,
) -> None:
    eid = drafted(books)
    with session_scope(books.engine) as s:
        e = s.get(JournalEntry, eid)
        assert e is not None
        e.created_at -= second_reading.stale_after(books.settings) + timedelta(seconds=1)
        s.add(e)
    assert not second_reading.is_pending(books, eid)
    assert second_reading.state_of(get(books, eid), books.settings) == "unavailable"
    second_reading.give_up(books, [eid])
    assert get(books, eid).second_reading == "unavailable"
