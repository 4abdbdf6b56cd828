"""Many companies in one database: 20 companies x 500 entries against one company.

Drafting goes through each company's `Books` (its own settings and cached context), posting
through the ledger, one transaction per entry as the app does, round-robin over the
companies; the balance query is timed on one company's account with 1 and with 20
companies' history in the tables. The figures to watch: the rates' ratio to one company
(the target is within 10%) and the balance query's (flat: an index on company_id). The same
runs on PostgreSQL when it is reachable.

Then one sync pass per company: each company's 500 posted entries pushed with the real
QboClient and RateLimiter to its own fake QuickBooks company (one realm each, which answers
429 beyond QuickBooks' per-company limits: 500 requests and 40 batches a minute). Within
budget: no 429, at most 40 batches, every entry synced once, none of another company's.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from bench.pg import fresh_schema
from bench.qbo_bench import BATCHES_PER_MINUTE, LATENCY, _map_accounts, _outbox_counts
from bot.services.books import Books, Resolver, open_books
from bot.services.companies import Directory
from bot.settings import Settings
from ledger.db import session_scope
from ledger.drafting import Draft
from ledger.models import OutboxStatus
from ledger.posting import post_draft
from ledger.reports import account_balance
from qbo.client import QboClient
from qbo.limits import RateLimiter
from qbo.sync import run_sync
from tests.fakes.qbo_api import FakeQbo, FakeTokens

PHRASES = [
    "40 units obsolete SKU-12 at $15",
    "9 cases of SKU-300 crushed at the dock, $18.75 each",
    "6x SKU-410 broken $12 ea",
    "2 units SKU-77 stolen from the showroom at $45",
    "14 bags SKU-88 expired @ 3.25 in cold storage",
]
MAX = Decimal("1000000.00")


def _firm(url: str, companies: int) -> list[Books]:
    settings = Settings(_env_file=None, DATABASE_URL=url)
    first = open_books(settings)
    directory = Directory(settings, first.engine)
    for i in range(1, companies):
        directory.add(f"Client {i:02d}", "bench")
    resolver = Resolver(first, ttl=3600)
    return [resolver.books(cid) for cid in resolver.company_ids()]


def _draft_all(books: list[Books], per_company: int) -> tuple[float, list[tuple[Books, Draft]]]:
    jobs = [
        (b, PHRASES[i % len(PHRASES)].replace("SKU-", f"SKU-{i % 50}"))
        for i in range(per_company)
        for b in books
    ]
    for b in books:  # warm-up: each company's context read once, regex caches
        b.draft(PHRASES[0])
    start = time.perf_counter()
    drafted = [(b, b.draft(text)[0]) for b, text in jobs]
    return time.perf_counter() - start, drafted


def _post_all(drafted: list[tuple[Books, Draft]]) -> float:
    engine = drafted[0][0].engine
    start = time.perf_counter()
    for i, (b, d) in enumerate(drafted):
        with session_scope(engine) as s:
            post_draft(
                s,
                b.company_id,
                d,
                actor="bench",
                approver="ctl",
                entry_date=date(2026, 11, 2),
                max_amount=MAX,
                idempotency_key=f"bench-{i}",
            )
    return time.perf_counter() - start


def _balance_us(b: Books, repeat: int = 300) -> float:
    per = []
    with session_scope(b.engine) as s:
        for _ in range(repeat):
            t0 = time.perf_counter()
            account_balance(s, b.company_id, "1200")
            per.append(time.perf_counter() - t0)
    return round(statistics.median(per) * 1e6, 1)


def _one_run(url: str, companies: int, per_company: int, sync: bool = False) -> dict[str, Any]:
    books = _firm(url, companies)
    draft_s, drafted = _draft_all(books, per_company)
    post_s = _post_all(drafted)
    n = companies * per_company
    result: dict[str, Any] = {
        "companies": companies,
        "entries": n,
        "drafts_per_s": round(n / draft_s),
        "posts_per_s": round(n / post_s),
        "balance_median_us": _balance_us(books[0]),
    }
    if sync:
        result["sync"] = _sync_each(books, per_company)
    books[0].engine.dispose()
    return result


def _sync_one(b: Books, expected: int, latency: float) -> dict[str, Any]:
    """One company's sync pass(es) to its own fake QuickBooks company, until nothing is due."""
    eng, cid = b.engine, b.company_id
    with FakeQbo() as fake:
        _map_accounts(eng, cid, fake)
        fake.latency = latency
        fake.enforce_limits(per_minute=500, batch_per_minute=BATCHES_PER_MINUTE)
        limiter = RateLimiter(
            per_minute=500, per_second=10, in_flight=10, batch_per_minute=BATCHES_PER_MINUTE
        )
        passes = 0
        with httpx.Client(timeout=30.0) as http:
            client = QboClient(
                fake.api_base, fake.realm_id, FakeTokens(fake, http), http=http, limiter=limiter
            )
            before = fake.request_count()
            start = time.perf_counter()
            while passes < 20:
                report = run_sync(eng, cid, fake.realm_id, lambda: client, worker="bench")
                passes += 1
                if report.claimed == 0:
                    break
            seconds = time.perf_counter() - start
        api = fake.api_requests()[before:]
        docs = [str(e.get("DocNumber")) for e in fake.journal_entries()]
    synced = _outbox_counts(eng, cid)[OutboxStatus.SYNCED.value]
    return {
        "synced": synced,
        "expected": expected,
        "in_quickbooks": len(docs),
        "duplicates": len(docs) - len(set(docs)),
        "passes": passes,
        "requests": len(api),
        "batches": sum(1 for r in api if r.kind == "batch"),
        "http_429": sum(1 for r in api if r.status == 429),
        "seconds": round(seconds, 2),
    }


def _sync_each(books: list[Books], per_company: int, latency: float = LATENCY) -> dict[str, Any]:
    runs = [_sync_one(b, per_company, latency) for b in books]
    within = all(
        r["http_429"] == 0
        and r["batches"] <= BATCHES_PER_MINUTE
        and r["synced"] == r["in_quickbooks"] == per_company
        and r["duplicates"] == 0
        for r in runs
    )
    return {
        "companies": len(runs),
        "latency_s": latency,
        "within_budget": within,
        "synced_total": sum(r["synced"] for r in runs),
        "max_requests": max(r["requests"] for r in runs),
        "max_batches": max(r["batches"] for r in runs),
        "http_429_total": sum(r["http_429"] for r in runs),
        "duplicates_total": sum(r["duplicates"] for r in runs),
        "median_seconds": round(statistics.median(r["seconds"] for r in runs), 2),
        "max_seconds": max(r["seconds"] for r in runs),
        "first": runs[0],
    }


def _compare(one: dict[str, Any], many: dict[str, Any]) -> dict[str, Any]:
    return {
        "one_company": one,
        "many_companies": many,
        "drafting_ratio": round(many["drafts_per_s"] / one["drafts_per_s"], 3),
        "posting_ratio": round(many["posts_per_s"] / one["posts_per_s"], 3),
        "balance_ratio": round(many["balance_median_us"] / one["balance_median_us"], 3),
    }


def run(companies: int = 20, per_company: int = 500, pg_url: str | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        # The same number of entries in one company: only the number of companies differs.
        one = _one_run(f"sqlite:///{Path(tmp) / 'one.db'}", 1, companies * per_company)
        many = _one_run(f"sqlite:///{Path(tmp) / 'many.db'}", companies, per_company, sync=True)
    results = {"sqlite": _compare(one, many)}
    if pg_url:
        with fresh_schema(pg_url) as url:
            pg_one = _one_run(url, 1, companies * per_company)
        with fresh_schema(pg_url) as url:
            pg_many = _one_run(url, companies, per_company)
        results["postgresql"] = _compare(pg_one, pg_many)
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
