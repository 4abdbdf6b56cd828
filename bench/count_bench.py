"""A physical count booked as one adjusting entry: a 5,000-line sheet read, valued, saved
as one draft and posted, on SQLite and PostgreSQL. Target: under 5 s from the file to the
posted entry, the posting itself one transaction."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ledger.chart import default_chart_info
from ledger.companies import get_company
from ledger.countsheet import COUNT_KIND, LineMode, count_entry, count_lines, read_sheet
from ledger.db import make_engine, session_scope, upgrade
from ledger.drafting import DraftContext
from ledger.policy import Policy
from ledger.posting import entry_lines, post_entry, save_lines

LINES = 5000
TARGET_S = 5.0


def sheet_bytes(n: int = LINES) -> bytes:
    rows = ["sku,expected,counted,unit_cost,location"]
    # Every line a variance: the worst case for the entry's size.
    rows += [f"SKU-{i},{100 + i % 7},{90 + i % 5},{1 + i % 50}.25,bay {i % 40}" for i in range(n)]
    return "\n".join(rows).encode()


def bench_count(url: str, mode: LineMode = LineMode.PER_SKU) -> dict[str, Any]:
    eng = make_engine(url)
    upgrade(eng)
    with session_scope(eng) as s:
        cid = get_company(s).id or 0
    data = sheet_bytes()
    t0 = time.perf_counter()
    count = count_entry(read_sheet(data, "count.csv"), DraftContext(chart=default_chart_info()))
    lines = count_lines(count, Policy(), mode, "count.csv")
    t1 = time.perf_counter()
    with session_scope(eng) as s:  # the draft: one transaction
        saved = save_lines(
            s,
            cid,
            lines,
            kind=COUNT_KIND,
            category="shrinkage",
            reason="physical count",
            memo="bench count",
            source_text="bench",
            details={"variances": [v.to_json() for v in count.variances]},
            actor="U1",
            entry_date=date.today(),
            reporter="U1",
        )
    t2 = time.perf_counter()
    with session_scope(eng) as s:  # the approval: one transaction
        posted = post_entry(s, cid, saved.entry.id or 0, approver="U2", max_amount=Decimal("1e12"))
    t3 = time.perf_counter()
    with session_scope(eng) as s:
        n_lines = len(entry_lines(s, posted.entry.id or 0))
    eng.dispose()
    total = t3 - t0
    return {
        "sheet_lines": LINES,
        "entry_lines": n_lines,
        "read_and_value_s": round(t1 - t0, 3),
        "save_draft_s": round(t2 - t1, 3),
        "post_s": round(t3 - t2, 3),
        "total_s": round(total, 3),
        "under_target": total < TARGET_S,
    }


def bench_service(url: str) -> dict[str, Any]:
    """The same sheet the way the Slack app books it: the service keeps the sheet as
    evidence, drafts the one entry and rebuilds the card; Approve posts it."""
    from bot.cli.common import deps as make_deps
    from bot.services import decisions, sheets
    from bot.services.books import open_books
    from bot.settings import Settings

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        DATABASE_URL=url,
        WRITEOFF_APPROVERS="U0CTRL",
        WRITEOFF_MAX_AMOUNT="100000000",  # this count's gross is $1.4M, over the default limit
    )
    deps = make_deps(open_books(settings))
    data = sheet_bytes()
    t0 = time.perf_counter()
    summary = sheets.draft_sheet(
        deps,
        sheets.Shared("C0COUNT", "U0WORKER", "1.1"),
        sheets.Downloaded("F1", "count.csv", "count_sheet", data),
        sheets.read(data, "count.csv"),
        ("C1", "2.2"),
        lambda done, total: None,
    )
    t1 = time.perf_counter()
    [entry] = sheets.drafts_of(deps, summary.evidence_id)
    outcome = decisions.approve(deps, "U0CTRL", entry.id or 0)
    t2 = time.perf_counter()
    found = sheets.summary_after(deps.books, summary.evidence_id)
    t3 = time.perf_counter()
    deps.books.engine.dispose()
    assert outcome.ok and found is not None, outcome
    return {
        "sheet_lines": LINES,
        "entry_lines": found[1].entry_lines,
        "upload_to_card_s": round(t1 - t0, 3),
        "approve_s": round(t2 - t1, 3),
        "card_after_s": round(t3 - t2, 3),
        "total_s": round(t3 - t0, 3),
        "under_target": t3 - t0 < TARGET_S,
    }


def run(pg_url: str | None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["count_sqlite"] = bench_count(f"sqlite:///{Path(tmp) / 'count.db'}")
        results["service_sqlite"] = bench_service(f"sqlite:///{Path(tmp) / 'service.db'}")
        results["count_sqlite_summary"] = bench_count(
            f"sqlite:///{Path(tmp) / 'summary.db'}", LineMode.SUMMARY
        )
    if pg_url:
        from bench.pg import fresh_schema

        with fresh_schema(pg_url) as url:
            results["count_postgres"] = bench_count(url)
        with fresh_schema(pg_url) as url:
            results["service_postgres"] = bench_service(url)
    return results
