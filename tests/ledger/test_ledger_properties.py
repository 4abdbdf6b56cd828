"""Whatever sequence of posts, refusals, crashes and reversals happens, the books balance
and no entry is ever half-written."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from ledger.audit import verify_chain
from ledger.companies import get_company
from ledger.db import make_engine, session_scope
from ledger.models import JournalEntry, JournalLine
from ledger.posting import (
    LineInput,
    PostingError,
    close_period,
    edit_draft,
    post_entry,
    reverse_entry,
    save_draft,
)
from ledger.reports import ledger_sums_by_account, trial_balance
from tests.conftest import migrated_sqlite_url
from tests.ledger.factories import make_draft

MAX = Decimal("5000.00")
CODES = ["5000", "5100", "5200", "5300", "1200", "1290", "9999"]


class Crash(Exception):
    """Stands for the process dying between two writes of one transaction."""


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("4000"), places=2)
op = st.one_of(
    st.tuples(st.just("post"), amounts, st.sampled_from(["5000", "5100", "5200"])),
    st.tuples(st.just("unbalanced"), amounts, amounts),
    st.tuples(st.just("bad_account"), amounts, st.sampled_from(CODES)),
    st.tuples(st.just("crash"), amounts, st.just("5000")),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=30), st.just("")),
    st.tuples(st.just("closed_period"), amounts, st.just("5000")),
    st.tuples(st.just("too_big"), st.just(Decimal("6000")), st.just("5000")),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, min_size=1, max_size=12))
def test_any_sequence_keeps_the_books_balanced(ops: list[tuple[str, object, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        eng = make_engine(migrated_sqlite_url(Path(tmp), "p.db"))
        with session_scope(eng) as s:
            cid = get_company(s).id or 0
            close_period(s, cid, "2026-01", actor="ctl")
        posted: list[int] = []
        for kind, a, b in ops:
            with contextlib.suppress(PostingError, Crash):  # refusals are part of the test
                _apply(eng, cid, kind, a, b, posted)
        _check_invariants(eng, cid, len(posted))
        eng.dispose()


def _apply(eng: sa.Engine, cid: int, kind: str, a: object, b: object, posted: list[int]) -> None:
    today = date(2026, 11, 24)
    if kind == "reverse":
        if posted:
            with session_scope(eng) as s:
                reverse_entry(
                    s,
                    cid,
                    posted[int(a) % len(posted)],
                    actor="ctl",
                    reason="prop",  # type: ignore[call-overload]
                    entry_date=today,
                    max_amount=MAX,
                )
        return
    amount = Decimal(str(a))
    with session_scope(eng) as s:
        entry_date = date(2026, 1, 15) if kind == "closed_period" else today
        draft = save_draft(
            s, cid, make_draft(qty="1", cost=str(amount)), actor="U1", entry_date=entry_date
        ).entry
    eid = draft.id or 0
    if kind in ("unbalanced", "bad_account", "post", "too_big"):
        credit = Decimal(str(b)) if kind == "unbalanced" else amount
        code = str(b) if kind in ("bad_account", "post") else "5000"
        lines = [LineInput(code, debit=amount), LineInput("1200", credit=credit)]
        if kind == "too_big":
            lines = [LineInput("5000", debit=amount), LineInput("1200", credit=amount)]
        try:
            with session_scope(eng) as s:
                edit_draft(s, cid, eid, lines, actor="ctl", max_amount=Decimal("1000000"))
        except PostingError:
            if kind == "post":
                raise
    with session_scope(eng) as s:

        def crash(_s: object, _e: object) -> None:
            raise Crash

        post_entry(
            s,
            cid,
            eid,
            approver="ctl",
            max_amount=MAX,
            on_posted=crash if kind == "crash" else None,
        )
    posted.append(eid)


def _check_invariants(eng: sa.Engine, cid: int, n_posted: int) -> None:
    with session_scope(eng) as s:
        tb = trial_balance(s, cid)
        assert tb.balanced, tb
        sums = ledger_sums_by_account(s, cid)
        for row in tb.rows:
            assert row.debit - row.credit == sums.get(row.code, Decimal(0)), row.code
        entries = s.exec(select(JournalEntry)).all()
        for e in entries:
            lines = s.exec(select(JournalLine).where(JournalLine.entry_id == e.id)).all()
            if e.status in ("posted", "reversed"):
                assert e.number is not None and len(lines) >= 2
                assert sum(ln.debit for ln in lines) == sum(ln.credit for ln in lines)
                assert e.entry_date.month != 1  # nothing landed in the closed period
                assert e.total <= MAX
            else:
                assert e.number is None
        numbers = sorted(e.number for e in entries if e.number)
        assert numbers == [f"JE-{i:06d}" for i in range(1, len(numbers) + 1)]  # gapless
        assert verify_chain(s, cid).ok


@pytest.mark.parametrize("n", [1])
def test_crash_inside_posting_leaves_draft_untouched(sqlite_engine: sa.Engine, n: int) -> None:
    with session_scope(sqlite_engine) as s:
        cid = get_company(s).id or 0
        eid = save_draft(s, cid, make_draft(), actor="U1", entry_date=date(2026, 11, 1)).entry.id

    def crash(_s: object, _e: object) -> None:
        raise Crash

    with pytest.raises(Crash), session_scope(sqlite_engine) as s:
        post_entry(s, cid, eid or 0, approver="ctl", max_amount=MAX, on_posted=crash)
    with session_scope(sqlite_engine) as s:
        e = s.get(JournalEntry, eid)
        assert e.status == "draft" and e.number is None
        assert trial_balance(s, cid).total_debit == 0
        assert verify_chain(s, cid).ok
