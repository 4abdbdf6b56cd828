"""A write-off with no reason ("w/o 12 SKU-12") is drafted as a routine loss, never sure: the
card says the reason was assumed, and a reply giving the reason re-drafts it with that reason."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.services.books import Books
from bot.services.cards import ASSUMED_REASON, card_of
from bot.slack.ui.card import draft_card
from ledger.db import session_scope
from ledger.drafting import draft
from ledger.drafting.build import NO_REASON
from ledger.drafting.correction import read_correction, stored_facts
from ledger.models import JournalEntry
from ledger.policy import Category
from ledger.posting import save_draft
from tests.bot.services.test_reminders import books_for
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def books(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[Books]:
    b = books_for(f"sqlite:///{tmp_path / 'b.db'}", fake_slack)
    yield b
    b.engine.dispose()


def test_the_card_of_a_draft_with_no_reason_says_it_was_assumed(books: Books) -> None:
    (d,) = draft("w/o 40 units at $15", books.context())
    assert d.reason_assumed and d.category is Category.LOSS and d.lines
    assert d.confidence <= 0.45 and NO_REASON in d.warnings
    with session_scope(books.engine) as s:
        saved = save_draft(s, books.company_id, d, actor="U1", entry_date=date(2026, 11, 2))
        entry_id = saved.entry.id or 0
    found = card_of(books, entry_id)
    assert found is not None
    view, _ = found
    assert view.reason == ASSUMED_REASON
    assert NO_REASON in view.warnings
    shown = json.dumps(draft_card(view))
    assert ASSUMED_REASON in shown and "No reason given" in shown


def test_a_reply_with_the_reason_replaces_the_assumed_one(books: Books) -> None:
    (d,) = draft("w/o 40 units at $15", books.context())
    with session_scope(books.engine) as s:
        saved = save_draft(s, books.company_id, d, actor="U1", entry_date=date(2026, 11, 2))
        entry = s.get(JournalEntry, saved.entry.id)
        assert entry is not None
        details = json.loads(entry.details or "{}")
    # the stored draft reads back with no reason, so a reason in a reply is taken
    assert stored_facts(entry.source_text, details).category is None
    reply = read_correction(
        "they were stolen", books.settings.policy, has_quantity=True, has_unit_cost=True,
        has_reason=False,
    )  # fmt: skip
    assert reply is not None and reply.category is Category.CASUALTY
