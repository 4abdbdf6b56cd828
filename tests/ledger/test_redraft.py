"""A draft re-read in place (Claude's second reading, a correction in the card's thread):
new lines, amount and confidence, audited as an edit; posted entries refuse it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry
from ledger.posting import (
    PostingError,
    entry_lines,
    post_entry,
    redraft_entry,
    save_draft,
    set_second_reading,
)
from tests.ledger.factories import make_draft

TODAY = date(2026, 11, 24)
MAX = Decimal("1000000.00")


def _save(engine: Engine, company_id: int) -> int:
    with session_scope(engine) as s:
        return save_draft(s, company_id, make_draft(), actor="U1", entry_date=TODAY).entry.id or 0


def test_redraft_replaces_lines_amount_confidence_and_is_audited(
    engine: Engine, company_id: int
) -> None:
    entry_id = _save(engine, company_id)
    with session_scope(engine) as s:
        redraft_entry(
            s,
            company_id,
            entry_id,
            make_draft(qty="30", cost="9"),
            actor="U1",
            cause="thread correction",
            second_reading="agreed",
            said="make that 30",
        )
    with session_scope(engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        assert entry.total == Decimal("270.00") and entry.second_reading == "agreed"
        assert json.loads(entry.details)["quantity"] == "30"
        assert [(a.code, jl.debit, jl.credit) for jl, a in entry_lines(s, entry_id)] == [
            ("5000", Decimal("270.00"), Decimal("0.00")),
            ("1200", Decimal("0.00"), Decimal("270.00")),
        ]
        last = s.exec(select(AuditEvent).order_by(col(AuditEvent.seq).desc())).first()
        assert last is not None and last.action == "redrafted" and last.actor == "U1"
        details = json.loads(last.details)
        assert details["cause"] == "thread correction" and details["said"] == "make that 30"
        assert details["before"][0]["debit"] == "600.00"
        assert details["after"][0]["debit"] == "270.00"
        assert verify_chain(s, company_id).ok


def test_redraft_of_a_posted_entry_is_refused_with_a_pointer_to_reversal(
    engine: Engine, company_id: int
) -> None:
    entry_id = _save(engine, company_id)
    with session_scope(engine) as s:
        post_entry(s, company_id, entry_id, approver="U2", max_amount=MAX)
    with pytest.raises(PostingError) as err, session_scope(engine) as s:
        redraft_entry(s, company_id, entry_id, make_draft(qty="1"), actor="U1", cause="x")
    assert "reversal" in str(err.value.problems[0].message)
    with session_scope(engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None and entry.total == Decimal("600.00")


def test_second_reading_state_is_stored_even_on_a_posted_entry(
    engine: Engine, company_id: int
) -> None:
    entry_id = _save(engine, company_id)
    with session_scope(engine) as s:
        post_entry(s, company_id, entry_id, approver="U2", max_amount=MAX)
    with session_scope(engine) as s:
        set_second_reading(s, company_id, entry_id, "differs", actor="second-reading")
    with session_scope(engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None and entry.second_reading == "differs"
        assert entry.status == "posted" and entry.total == Decimal("600.00")
        assert set_second_reading(s, company_id, 99999, "agreed", actor="x") is None
