"""Ledger benchmarks: drafting throughput, posting throughput, balance cost vs history."""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ledger.chart import default_chart_info
from ledger.companies import get_company
from ledger.db import make_engine, session_scope, upgrade
from ledger.drafting import DraftContext, Facts, build_draft, draft
from ledger.models import Account, JournalEntry, JournalLine
from ledger.policy import Category
from ledger.posting import post_draft
from ledger.reports import account_balance, trial_balance

PHRASES = [
    "40 units obsolete SKU-12 at $15",
    "Write off $2,400 of damaged inventory from warehouse B",
    "9 cases of SKU-300 crushed at the dock, $18.75 each",
    "6x SKU-410 broken $12 ea",
    "2 units SKU-77 stolen from the showroom at $45",
    "Write down SKU-60 from $22 to $15 per unit, 80 units on hand",
    "write off twenty units of SKU-5 at nine dollars",
    "14 bags SKU-88 expired @ 3.25 in cold storage",
    "count variance: 12 pcs SKU-9 missing at $4.10 each",
    "3 pallets of SKU-XL-9 flooded in warehouse 3, $1,250 per pallet",
]
MAX = Decimal("1000000.00")


def bench_drafting(n: int = 20000) -> dict[str, Any]:
    ctx = DraftContext(chart=default_chart_info())
    texts = [PHRASES[i % len(PHRASES)].replace("SKU-", f"SKU-{i % 97}") for i in range(n)]
    for t in texts[:200]:  # warm-up: regex caches, imports
        draft(t, ctx)
    per: list[float] = []
    start = time.perf_counter()
    for t in texts:
        t0 = time.perf_counter()
        draft(t, ctx)
        per.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    return {
        "drafts": n,
        "drafts_per_s": round(n / elapsed),
        "median_us": round(statistics.median(per) * 1e6, 1),
        "p99_us": round(sorted(per)[int(n * 0.99)] * 1e6, 1),
    }


def bench_posting(url: str, n: int = 2000) -> dict[str, Any]:
    eng = make_engine(url)
    upgrade(eng)
    ctx = DraftContext(chart=default_chart_info())
    # Drafts built from facts, so this measures the books, not the parser.
    drafts = [
        build_draft(
            Facts(
                source_text="bench",
                category=Category.LOSS,
                reason="damaged",
                sku=f"SKU-{i % 50}",
                quantity=Decimal(1 + i % 9),
                unit="units",
                unit_cost=Decimal("12.50"),
            ),
            ctx,
        )
        for i in range(n)
    ]
    with session_scope(eng) as s:
        cid = get_company(s).id or 0
    start = time.perf_counter()
    for i, d in enumerate(drafts):
        with session_scope(eng) as s:  # one transaction per entry, as the app does
            post_draft(
                s,
                cid,
                d,
                actor="bench",
                approver="ctl",
                entry_date=date(2026, 11, 2),
                max_amount=MAX,
                idempotency_key=f"bench-{i}",
            )
    elapsed = time.perf_counter() - start
    with session_scope(eng) as s:
        assert trial_balance(s, cid).balanced
    eng.dispose()
    return {"entries": n, "entries_per_s": round(n / elapsed), "seconds": round(elapsed, 2)}


def _bulk_history(eng: sa.Engine, cid: int, count: int) -> None:
    """Insert `count` posted entries directly (setup only: measuring reads, not writes),
    then set the running balances to what the lines say."""
    with session_scope(eng) as s:
        accts = {
            a.code: a.id
            for a in s.exec(sa.select(Account).where(Account.company_id == cid)).scalars()
        }  # type: ignore[call-overload]
        start_no = s.execute(sa.select(sa.func.count()).select_from(JournalEntry)).scalar_one()
    batch = 5000
    now = datetime.now(UTC)
    for base in range(0, count, batch):
        size = min(batch, count - base)
        with eng.begin() as conn:
            first_id = (
                conn.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM journal_entry")).scalar_one()
            ) + 1
            entries = [
                {
                    "id": first_id + k,
                    "company_id": cid,
                    "number": f"JE-{start_no + base + k + 1:06d}",
                    "entry_date": date(2026, 1 + (k % 11), 3),
                    "memo": "bench",
                    # drafts first: the books refuse a line added to a posted entry (0006)
                    "status": "draft",
                    "kind": "write_off",
                    "source_text": "bench",
                    "reviewed": False,
                    "details": "{}",
                    "total": Decimal("15.00"),
                    "created_at": now,
                    "updated_at": now,
                }
                for k in range(size)
            ]
            conn.execute(sa.insert(JournalEntry.__table__), entries)  # type: ignore[attr-defined]
            lines = []
            for e in entries:
                lines.append(
                    {
                        "company_id": cid,
                        "entry_id": e["id"],
                        "line_no": 1,
                        "account_id": accts["5000"],
                        "debit": Decimal("15.00"),
                        "credit": Decimal(0),
                        "description": "bench",
                    }
                )
                lines.append(
                    {
                        "company_id": cid,
                        "entry_id": e["id"],
                        "line_no": 2,
                        "account_id": accts["1200"],
                        "debit": Decimal(0),
                        "credit": Decimal("15.00"),
                        "description": "bench",
                    }
                )
            conn.execute(sa.insert(JournalLine.__table__), lines)  # type: ignore[attr-defined]
            conn.execute(
                sa.text(
                    "UPDATE journal_entry SET status = 'posted' WHERE company_id = :cid "
                    "AND status = 'draft' AND memo = 'bench'"
                ),
                {"cid": cid},
            )
    with eng.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE account SET balance = (SELECT COALESCE(SUM(debit - credit), 0) FROM "
                "journal_line WHERE journal_line.account_id = account.id)"
            )
        )


def _time_balance(eng: sa.Engine, cid: int, reps: int = 2000) -> float:
    with session_scope(eng) as s:
        for _ in range(50):
            account_balance(s, cid, "5000")
        t0 = time.perf_counter()
        for _ in range(reps):
            account_balance(s, cid, "5000")
        return (time.perf_counter() - t0) / reps


def bench_balance(url_small: str, url_large: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for label, url, count in (("1k", url_small, 1000), ("100k", url_large, 100_000)):
        eng = make_engine(url)
        upgrade(eng)
        with session_scope(eng) as s:
            cid = get_company(s).id or 0
        _bulk_history(eng, cid, count)
        out[f"balance_us_{label}"] = round(_time_balance(eng, cid) * 1e6, 1)
        eng.dispose()
    out["ratio_100k_to_1k"] = round(out["balance_us_100k"] / out["balance_us_1k"], 2)
    return out


def sqlite_url(tmp: str, name: str) -> str:
    return f"sqlite:///{Path(tmp) / name}"


def run(pg_url: str | None) -> dict[str, Any]:
    results: dict[str, Any] = {"drafting": bench_drafting()}
    with tempfile.TemporaryDirectory() as tmp:
        results["posting_sqlite"] = bench_posting(sqlite_url(tmp, "post.db"))
        results["balance_sqlite"] = bench_balance(
            sqlite_url(tmp, "b1.db"), sqlite_url(tmp, "b2.db")
        )
    if pg_url:
        from bench.pg import fresh_schema

        with fresh_schema(pg_url) as url:
            results["posting_postgres"] = bench_posting(url, n=1000)
    return results
