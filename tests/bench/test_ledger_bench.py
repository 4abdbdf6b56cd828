"""The ledger benchmark's setup at a tiny size, so `make bench` cannot rot: the history it
loads for the balance benchmark is posted (the books refuse a line added to a posted entry,
so it is written as drafts, then posted) and the trial balance still balances. No timing is
asserted."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from bench import ledger_bench
from ledger.companies import get_company
from ledger.db import make_engine, session_scope, upgrade
from ledger.models import JournalEntry
from ledger.reports import account_balance, trial_balance


def test_the_balance_history_is_loaded_posted_and_balanced(tmp_path: Path) -> None:
    eng = make_engine(ledger_bench.sqlite_url(str(tmp_path), "bench.db"))
    upgrade(eng)
    with session_scope(eng) as s:
        cid = get_company(s).id or 0
    ledger_bench._bulk_history(eng, cid, 12)
    with session_scope(eng) as s:
        statuses = s.execute(sa.select(JournalEntry.status)).scalars().all()  # type: ignore[call-overload]
        assert len(statuses) == 12 and {str(x) for x in statuses} == {"posted"}
        assert trial_balance(s, cid).balanced
        assert account_balance(s, cid, "5000") == 12 * 15
    eng.dispose()


def test_the_drafting_benchmark_reports_its_figures() -> None:
    got = ledger_bench.bench_drafting(50)
    assert got["drafts"] == 50 and got["drafts_per_s"] > 0 and got["p99_us"] >= got["median_us"]
