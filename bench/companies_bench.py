"""Many companies in one database: 20 companies x 500 entries against one company.

Drafting goes through each company's `Books` (its own settings and cached context), posting
through the ledger, one transaction per entry as the app does, round-robin over the
companies; the balance query is timed on one company's account with 1 and with 20
companies' history in the tables. The figures to watch: the rates' ratio to one company
(the target is within 10%) and the balance query's (flat: an index on company_id).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.services.books import Books, Resolver, open_books
from bot.services.companies import Directory
from bot.settings import Settings
from ledger.db import session_scope
from ledger.drafting import Draft
from ledger.posting import post_draft
from ledger.reports import account_balance

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


def _one_run(url: str, companies: int, per_company: int) -> dict[str, Any]:
    books = _firm(url, companies)
    draft_s, drafted = _draft_all(books, per_company)
    post_s = _post_all(drafted)
    n = companies * per_company
    result = {
        "companies": companies,
        "entries": n,
        "drafts_per_s": round(n / draft_s),
        "posts_per_s": round(n / post_s),
        "balance_median_us": _balance_us(books[0]),
    }
    books[0].engine.dispose()
    return result


def run(companies: int = 20, per_company: int = 500) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        # The same number of entries in one company: only the number of companies differs.
        one = _one_run(f"sqlite:///{Path(tmp) / 'one.db'}", 1, companies * per_company)
        many = _one_run(f"sqlite:///{Path(tmp) / 'many.db'}", companies, per_company)
    return {
        "sqlite": {
            "one_company": one,
            "many_companies": many,
            "drafting_ratio": round(many["drafts_per_s"] / one["drafts_per_s"], 3),
            "posting_ratio": round(many["posts_per_s"] / one["posts_per_s"], 3),
            "balance_ratio": round(many["balance_median_us"] / one["balance_median_us"], 3),
        }
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
