"""Problems are data: each names its line and field, and reads as it always did."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from ledger.db import session_scope
from ledger.models import Account
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
    reverse_entry,
    save_draft,
)
from ledger.problems import Problem, ProblemField
from tests.ledger.factories import make_draft

MAX = Decimal("1000000.00")
TODAY = date(2026, 11, 24)


def _accounts(engine: Engine) -> dict[str, Account]:
    with session_scope(engine) as s:
        return {a.code: a for a in s.exec(select(Account))}


def test_a_problem_reads_as_before() -> None:
    p = Problem(2, ProblemField.ACCOUNT, "account 9999 is not in the chart of accounts")
    assert str(p) == "line 2: account 9999 is not in the chart of accounts"
    assert str(Problem(None, ProblemField.LINES, "an entry needs at least two lines")) == (
        "an entry needs at least two lines"
    )
    assert p.to_json() == {
        "line": 2,
        "field": "account",
        "message": "account 9999 is not in the chart of accounts",
    }
    with pytest.raises(AttributeError):
        p.line = 3  # type: ignore[misc]


def test_check_lines_places_each_problem_on_its_line_and_field(
    sqlite_engine: Engine,
) -> None:
    lines = [
        LineInput("5000", debit=Decimal("10.00")),
        LineInput("9999", credit=Decimal("10.00")),
        LineInput("1200", debit=Decimal("-1")),
        LineInput("1200", credit=Decimal("0.005")),
        LineInput("1200", debit=Decimal("1"), credit=Decimal("1")),
    ]
    problems = check_lines(lines, _accounts(sqlite_engine), max_amount=MAX)
    assert [(p.line, p.field) for p in problems] == [
        (2, "account"),
        (3, "debit"),
        (4, "credit"),
        (5, "amount"),
    ]
    assert str(problems[0]) == "line 2: account 9999 is not in the chart of accounts"
    assert problems[0].message == "account 9999 is not in the chart of accounts"
    whole = check_lines(
        [LineInput("5000", debit=Decimal("5")), LineInput("1200", credit=Decimal("4"))],
        _accounts(sqlite_engine),
        max_amount=Decimal("4"),
    )
    assert [(p.line, p.field) for p in whole] == [(None, "amount"), (None, "amount")]
    assert str(whole[0]) == "debits $5.00 do not equal credits $4.00"


def test_posting_error_carries_problems_and_joins_their_words(sqlite_engine: Engine) -> None:
    with session_scope(sqlite_engine) as s:
        cid = s.exec(select(Account)).first().company_id  # type: ignore[union-attr]
        saved = save_draft(s, cid, make_draft(), actor="U1", entry_date=TODAY)
    with pytest.raises(PostingError) as err, session_scope(sqlite_engine) as s:
        edit_draft(
            s,
            cid,
            saved.entry.id or 0,
            [LineInput("9999", debit=Decimal("1")), LineInput("8888", credit=Decimal("1"))],
            actor="U2",
            max_amount=MAX,
        )
    assert [(p.line, p.field) for p in err.value.problems] == [(1, "account"), (2, "account")]
    assert str(err.value) == (
        "line 1: account 9999 is not in the chart of accounts; "
        "line 2: account 8888 is not in the chart of accounts"
    )


def test_a_closed_period_is_a_problem_of_the_entry_date(sqlite_engine: Engine) -> None:
    with session_scope(sqlite_engine) as s:
        cid = s.exec(select(Account)).first().company_id  # type: ignore[union-attr]
        saved = save_draft(s, cid, make_draft(), actor="U1", entry_date=date(2026, 10, 5))
        close_period(s, cid, "2026-10", actor="controller")
    with pytest.raises(PeriodClosedError) as closed, session_scope(sqlite_engine) as s:
        post_entry(s, cid, saved.entry.id or 0, approver="U2", max_amount=MAX)
    (problem,) = closed.value.problems
    assert (problem.line, problem.field) == (None, "entry_date")
    assert str(closed.value).startswith("2026-10 is closed: nothing can be posted into it.")
    with pytest.raises(PostingError) as edit, session_scope(sqlite_engine) as s:
        edit_draft(
            s,
            cid,
            saved.entry.id or 0,
            [LineInput("5000", debit=Decimal("1")), LineInput("1200", credit=Decimal("1"))],
            actor="U2",
            entry_date=date(2026, 10, 30),
            max_amount=MAX,
        )
    assert [(p.field, str(p)) for p in edit.value.problems] == [
        ("entry_date", "2026-10 is closed: choose a date in an open period")
    ]


def test_state_problems_name_the_status(sqlite_engine: Engine) -> None:
    with session_scope(sqlite_engine) as s:
        cid = s.exec(select(Account)).first().company_id  # type: ignore[union-attr]
        saved = save_draft(s, cid, make_draft(), actor="U1", entry_date=TODAY)
        reject_entry(s, cid, saved.entry.id or 0, actor="U2", reason="duplicate")
        posted = post_draft(
            s, cid, make_draft(qty="1"), actor="U1", approver="U2", entry_date=TODAY, max_amount=MAX
        ).entry
        rev = reverse_entry(
            s, cid, posted.id or 0, actor="U2", reason="x", entry_date=TODAY, max_amount=MAX
        ).entry
    cases = [
        (
            lambda s: post_entry(s, cid, saved.entry.id or 0, approver="U2", max_amount=MAX),
            "status",
        ),
        (lambda s: reject_entry(s, cid, posted.id or 0, actor="U2", reason="r"), "status"),
        (
            lambda s: reverse_entry(
                s, cid, rev.id or 0, actor="U2", reason="x", entry_date=TODAY, max_amount=MAX
            ),
            "entry",
        ),
        (lambda s: post_entry(s, cid, 999, approver="U2", max_amount=MAX), "entry"),
    ]
    for call, field in cases:
        with pytest.raises(PostingError) as err, session_scope(sqlite_engine) as s:
            call(s)
        assert [p.field for p in err.value.problems] == [field], str(err.value)


def test_a_reversal_still_goes_through_an_account_made_inactive(sqlite_engine: Engine) -> None:
    """Undoing must always work: only the inactive-account problem is waived for it."""
    with session_scope(sqlite_engine) as s:
        cid = s.exec(select(Account)).first().company_id  # type: ignore[union-attr]
        first, second = (
            post_draft(
                s,
                cid,
                make_draft(qty=q),
                actor="U1",
                approver="U2",
                entry_date=TODAY,
                max_amount=MAX,
            ).entry
            for q in ("40", "2")
        )
        cogs = s.exec(select(Account).where(Account.code == "5000")).one()
        cogs.active = False
        s.add(cogs)
    with session_scope(sqlite_engine) as s:
        rev = reverse_entry(
            s, cid, first.id or 0, actor="U2", reason="typo", entry_date=TODAY, max_amount=MAX
        )
    assert rev.created and rev.entry.number == "JE-000003"
    with pytest.raises(PostingError) as err, session_scope(sqlite_engine) as s:
        reverse_entry(
            s, cid, second.id or 0, actor="U2", reason="x", entry_date=TODAY, max_amount=Decimal(1)
        )
    assert str(err.value) == "the total $30.00 is over the $1.00 limit for one entry"
