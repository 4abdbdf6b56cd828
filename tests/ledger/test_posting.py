from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.immutability import ImmutableError
from ledger.models import Account, AuditEvent, JournalEntry, JournalLine
from ledger.posting import (
    LineInput,
    PeriodClosedError,
    PostingError,
    check_lines,
    close_period,
    edit_draft,
    post_draft,
    post_entry,
    reject_entry,
    reopen_period,
    reverse_entry,
    save_draft,
)
from ledger.reports import account_balance, ledger_sums_by_account, trial_balance
from tests.ledger.factories import make_draft

MAX = Decimal("1000000.00")
TODAY = date(2026, 11, 24)


def _count(engine: Engine, model: type) -> int:
    with session_scope(engine) as s:
        return s.exec(select(sa.func.count()).select_from(model)).one()


def test_post_draft_writes_entry_lines_balances_and_audit(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        result = post_draft(
            s,
            company_id,
            make_draft(),
            actor="U1",
            approver="U2",
            entry_date=TODAY,
            max_amount=MAX,
            idempotency_key="k1",
        )
    assert result.created
    assert result.entry.number == "JE-000001"
    assert result.entry.status == "posted"
    with session_scope(engine) as s:
        assert account_balance(s, company_id, "5000") == Decimal("600.00")
        assert account_balance(s, company_id, "1200") == Decimal("-600.00")
        tb = trial_balance(s, company_id)
        assert tb.balanced and tb.total_debit == Decimal("600.00")
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.seq))]
        assert actions == ["drafted", "posted"]
        assert verify_chain(s, company_id).ok


def test_posting_twice_returns_first_result_and_writes_nothing(
    engine: Engine, company_id: int
) -> None:
    with session_scope(engine) as s:
        saved = save_draft(s, company_id, make_draft(), actor="U1", entry_date=TODAY)
    entry_id = saved.entry.id or 0
    with session_scope(engine) as s:
        first = post_entry(s, company_id, entry_id, approver="U2", max_amount=MAX)
    before = (_count(engine, AuditEvent), _count(engine, JournalLine))
    with session_scope(engine) as s:
        again = post_entry(s, company_id, entry_id, approver="U3", max_amount=MAX)
    assert first.created and not again.created
    assert again.entry.number == first.entry.number
    assert again.entry.approved_by == "U2"
    assert (_count(engine, AuditEvent), _count(engine, JournalLine)) == before
    with session_scope(engine) as s:
        assert account_balance(s, company_id, "5000") == Decimal("600.00")


def test_same_idempotency_key_never_makes_a_second_entry(engine: Engine, company_id: int) -> None:
    for _ in range(3):
        with session_scope(engine) as s:
            post_draft(
                s,
                company_id,
                make_draft(),
                actor="U1",
                approver="U2",
                entry_date=TODAY,
                max_amount=MAX,
                idempotency_key="slack-event-Ev1",
            )
    assert _count(engine, JournalEntry) == 1
    with session_scope(engine) as s:
        assert account_balance(s, company_id, "5000") == Decimal("600.00")


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        ([LineInput("5000", debit=Decimal("10.00"))], "at least two lines"),
        (
            [LineInput("5000", debit=Decimal("10.00")), LineInput("1200", credit=Decimal("9.99"))],
            "do not equal",
        ),
        (
            [
                LineInput("5000", debit=Decimal("-10.00")),
                LineInput("1200", credit=Decimal("-10.00")),
            ],
            "positive",
        ),
        (
            [LineInput("9999", debit=Decimal("10.00")), LineInput("1200", credit=Decimal("10.00"))],
            "not in the chart",
        ),
        (
            [
                LineInput("5000", debit=Decimal("10.001")),
                LineInput("1200", credit=Decimal("10.001")),
            ],
            "whole cents",
        ),
        (
            [
                LineInput("5000", debit=Decimal("2000000")),
                LineInput("1200", credit=Decimal("2000000")),
            ],
            "limit",
        ),
        (
            [
                LineInput("5000", debit=Decimal("5"), credit=Decimal("5")),
                LineInput("1200", credit=Decimal("0")),
            ],
            "either the debit or the credit",
        ),
    ],
)
def test_check_lines_refuses_bad_entries(
    engine: Engine, company_id: int, lines: list[LineInput], problem: str
) -> None:
    with session_scope(engine) as s:
        accounts = {a.code: a for a in s.exec(select(Account))}
    problems = check_lines(lines, accounts, max_amount=MAX)
    assert any(problem in str(p) for p in problems), problems


def test_inactive_account_is_refused_and_nothing_written(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        saved = save_draft(s, company_id, make_draft(), actor="U1", entry_date=TODAY)
        acct = s.exec(select(Account).where(Account.code == "5000")).one()
        acct.active = False
        s.add(acct)
    events = _count(engine, AuditEvent)
    with pytest.raises(PostingError, match="inactive"), session_scope(engine) as s:
        post_entry(s, company_id, saved.entry.id or 0, approver="U2", max_amount=MAX)
    assert _count(engine, AuditEvent) == events
    with session_scope(engine) as s:
        assert s.get(JournalEntry, saved.entry.id).status == "draft"
        assert account_balance(s, company_id, "1200") == 0


def test_closed_period_refuses_posting_with_a_clear_message(
    engine: Engine, company_id: int
) -> None:
    with session_scope(engine) as s:
        assert close_period(s, company_id, "2026-10", actor="controller")
        assert not close_period(s, company_id, "2026-10", actor="controller")
    with pytest.raises(PeriodClosedError, match="2026-10 is closed"), session_scope(engine) as s:
        post_draft(
            s,
            company_id,
            make_draft(),
            actor="U1",
            approver="U2",
            entry_date=date(2026, 10, 31),
            max_amount=MAX,
        )
    assert _count(engine, JournalEntry) == 0  # the whole transaction rolled back
    with session_scope(engine) as s:
        assert reopen_period(s, company_id, "2026-10", actor="controller")
        post_draft(
            s,
            company_id,
            make_draft(),
            actor="U1",
            approver="U2",
            entry_date=date(2026, 10, 31),
            max_amount=MAX,
        )
    with session_scope(engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.seq))]
    assert actions[:2] == ["period_closed", "period_reopened"]


def test_bad_period_name_is_refused(engine: Engine, company_id: int) -> None:
    with pytest.raises(ValueError, match="YYYY-MM"), session_scope(engine) as s:
        close_period(s, company_id, "October", actor="x")


def test_reverse_swaps_lines_links_both_and_is_idempotent(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        posted = post_draft(
            s, company_id, make_draft(), actor="U1", approver="U2", entry_date=TODAY, max_amount=MAX
        ).entry
    with session_scope(engine) as s:
        rev = reverse_entry(
            s,
            company_id,
            posted.id or 0,
            actor="U2",
            reason="wrong SKU",
            entry_date=TODAY,
            max_amount=MAX,
        )
    with session_scope(engine) as s:
        again = reverse_entry(
            s,
            company_id,
            posted.id or 0,
            actor="U2",
            reason="wrong SKU",
            entry_date=TODAY,
            max_amount=MAX,
        )
    assert rev.created and not again.created and again.entry.id == rev.entry.id
    with session_scope(engine) as s:
        original = s.get(JournalEntry, posted.id)
        assert original.status == "reversed" and original.reversed_by_id == rev.entry.id
        assert rev.entry.reverses_id == posted.id and rev.entry.number == "JE-000002"
        assert account_balance(s, company_id, "5000") == 0
        assert account_balance(s, company_id, "1200") == 0
        with pytest.raises(PostingError, match="itself a reversal"):
            reverse_entry(
                s,
                company_id,
                rev.entry.id or 0,
                actor="U2",
                reason="x",
                entry_date=TODAY,
                max_amount=MAX,
            )


def test_reject_then_post_is_refused(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        saved = save_draft(s, company_id, make_draft(), actor="U1", entry_date=TODAY)
        reject_entry(s, company_id, saved.entry.id or 0, actor="U2", reason="duplicate report")
    with pytest.raises(PostingError, match="rejected"), session_scope(engine) as s:
        post_entry(s, company_id, saved.entry.id or 0, approver="U2", max_amount=MAX)


def test_edit_draft_validates_and_records_before_and_after(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        saved = save_draft(s, company_id, make_draft(), actor="U1", entry_date=TODAY)
    eid = saved.entry.id or 0
    with pytest.raises(PostingError, match="do not equal"), session_scope(engine) as s:
        edit_draft(
            s,
            company_id,
            eid,
            [LineInput("5100", debit=Decimal("500")), LineInput("1200", credit=Decimal("400"))],
            actor="U2",
            max_amount=MAX,
        )
    with session_scope(engine) as s:
        edited = edit_draft(
            s,
            company_id,
            eid,
            [
                LineInput("5100", debit=Decimal("500.00")),
                LineInput("1200", credit=Decimal("500.00")),
            ],
            actor="U2",
            max_amount=MAX,
            memo="recounted",
        )
        assert edited.reviewed and edited.edited_by == "U2" and edited.total == Decimal("500.00")
    with session_scope(engine) as s:
        post_entry(s, company_id, eid, approver="U3", max_amount=MAX)
        assert account_balance(s, company_id, "5100") == Decimal("500.00")
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "edited")).one()
        assert '"5000"' in ev.details and '"5100"' in ev.details
    with pytest.raises(PostingError, match="only drafts"), session_scope(engine) as s:
        edit_draft(
            s,
            company_id,
            eid,
            [LineInput("5000", debit=Decimal("1")), LineInput("1200", credit=Decimal("1"))],
            actor="U2",
            max_amount=MAX,
        )


def test_posted_lines_and_audit_events_cannot_be_rewritten(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        post_draft(
            s, company_id, make_draft(), actor="U1", approver="U2", entry_date=TODAY, max_amount=MAX
        )
    with pytest.raises(ImmutableError), session_scope(engine) as s:
        line = s.exec(select(JournalLine)).first()
        line.debit = Decimal("1.00")
        s.add(line)
    with pytest.raises(ImmutableError), session_scope(engine) as s:
        s.delete(s.exec(select(JournalEntry)).first())
    with pytest.raises(ImmutableError), session_scope(engine) as s:
        entry = s.exec(select(JournalEntry)).first()
        entry.total = Decimal("1.00")
        s.add(entry)
    with pytest.raises(ImmutableError), session_scope(engine) as s:
        s.delete(s.exec(select(AuditEvent)).first())


def test_running_balances_match_the_lines(engine: Engine, company_id: int) -> None:
    for i in range(5):
        with session_scope(engine) as s:
            post_draft(
                s,
                company_id,
                make_draft(qty=str(i + 1), cost="99.99"),
                actor="U1",
                approver="U2",
                entry_date=TODAY,
                max_amount=MAX,
            )
    with session_scope(engine) as s:
        sums = ledger_sums_by_account(s, company_id)
        for code, total in sums.items():
            assert account_balance(s, company_id, code) == total
        assert sums["5000"] == Decimal("1499.85")


def test_concurrent_approvals_post_exactly_once(engine: Engine, company_id: int) -> None:
    """Two controllers click Approve at the same moment: one posting, one number."""
    import threading

    with session_scope(engine) as s:
        saved = save_draft(s, company_id, make_draft(), actor="U1", entry_date=TODAY)
    barrier = threading.Barrier(4)
    results: list[tuple[bool, str | None]] = []
    errors: list[BaseException] = []

    def click(user: str) -> None:
        barrier.wait()
        try:
            with session_scope(engine) as s:
                r = post_entry(s, company_id, saved.entry.id or 0, approver=user, max_amount=MAX)
                results.append((r.created, r.entry.number))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=click, args=(f"U{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(created for created, _ in results) == [False, False, False, True]
    assert {number for _, number in results} == {"JE-000001"}
    with session_scope(engine) as s:
        assert account_balance(s, company_id, "5000") == Decimal("600.00")
        assert s.exec(select(sa.func.count()).select_from(AuditEvent)).one() == 2


def test_version_grows_with_every_change_a_card_shows(engine: Engine, company_id: int) -> None:
    """Card updates are ordered by it (issue 12): an edit that changes only the lines (same
    total, same editor), posting and reversing each bump it; the card's own columns do not."""

    def version() -> int:
        with session_scope(engine) as s:
            entry = s.get(JournalEntry, eid)
            assert entry is not None
            return entry.version

    with session_scope(engine) as s:
        eid = save_draft(s, company_id, make_draft(), actor="U1", entry_date=TODAY).entry.id or 0
    seen = [version()]
    for account in ("5100", "5200"):  # the same total and editor: only the lines change
        with session_scope(engine) as s:
            lines = [
                LineInput(account, debit=Decimal("600")),
                LineInput("1200", credit=Decimal("600")),
            ]
            edit_draft(s, company_id, eid, lines, actor="U2", max_amount=MAX)
        seen.append(version())
    with session_scope(engine) as s:
        entry = s.get(JournalEntry, eid)
        assert entry is not None
        entry.card_channel, entry.card_ts, entry.card_version = "C1", "1.1", 99
        s.add(entry)
    seen.append(version())
    with session_scope(engine) as s:
        post_entry(s, company_id, eid, approver="U3", max_amount=MAX)
    seen.append(version())
    assert seen[0] < seen[1] < seen[2] == seen[3] < seen[4]
