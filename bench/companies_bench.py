"""Many companies in one database: 20 companies x 500 entries against one company.

Two databases side by side: one company, and 20 companies (each with its own channel). A
draft is made as the server makes it: the company found as `CompanyDeps.pick` finds it
(with several companies the channel's link, then that company's cached `Books`), then
`Books.draft`; posting goes through the ledger, one transaction per entry, round-robin
over the companies. Both sides hold the same number of entries: only the number of
companies differs.

The machine is shared, so the two sides are measured interleaved: repeated rounds, one
side then the other (the order swapped every round), and each figure is the median over
the rounds; the ratio (20 companies / one) is taken within each round, so load that comes
and goes hits both sides of it alike; its median and its spread (lowest, highest) are
reported. Every company's `Books` and context are read once before timing, as a serving
app that has seen each company already.

Targets: drafting and posting rates within 10% of one company (ratio >= 0.9); the balance
query flat (ratio <= 1.1: an index on company_id); one sync pass per company within
QuickBooks' per-company budget, with no 429.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.services.books import Books, Resolver, open_books
from bot.services.companies import Directory
from bot.settings import Settings
from ledger.db import session_scope
from ledger.drafting import Draft
from ledger.models import OutboxStatus
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
TARGET = 0.10  # within 10% of one company


@dataclass
class Side:
    """One database: its companies, each with a linked channel, served through a Resolver."""

    label: str
    resolver: Resolver
    channels: list[str]
    drafted: list[tuple[Books, Draft]] = field(default_factory=list)
    posted: int = 0

    @property
    def base(self) -> Books:
        return self.resolver.base

    def books_for(self, channel: str) -> Books:
        """The company a request from `channel` acts on, found as the middleware finds it
        (bot/slack/companies.py: CompanyDeps.pick): with one company no lookup at all."""
        if not self.resolver.several():
            return self.base
        found = self.resolver.for_channel(channel)
        assert found is not None, channel
        return found


def _firm(url: str, companies: int, label: str) -> Side:
    settings = Settings(_env_file=None, DATABASE_URL=url)
    first = open_books(settings)
    directory = Directory(settings, first.engine)
    names = [first.company_name] + [f"Client {i:02d}" for i in range(1, companies)]
    for name in names[1:]:
        directory.add(name, "bench")
    channels = [f"CBENCH{i:04d}" for i in range(companies)]
    for name, channel in zip(names, channels, strict=True):
        directory.link(name, [channel], "bench")
    # The server's resolver keeps a company's Books 30 s; the bench's rounds take longer,
    # and a re-read every 30 s is not what is measured here (it is the same on both sides).
    side = Side(label, Resolver(first, ttl=3600), channels)
    for channel in channels:  # warm: every company's Books and context read once
        side.books_for(channel).draft(PHRASES[0])
    return side


def _texts(n: int, offset: int) -> list[str]:
    return [
        PHRASES[(offset + i) % len(PHRASES)].replace("SKU-", f"SKU-{(offset + i) % 50}")
        for i in range(n)
    ]


def _draft_round(side: Side, texts: list[str]) -> float:
    """Drafts a second: each text from the next company's channel, round-robin."""
    channels = side.channels
    out = side.drafted
    start = time.perf_counter()
    for i, text in enumerate(texts):
        books = side.books_for(channels[i % len(channels)])
        out.append((books, books.draft(text)[0]))
    return len(texts) / (time.perf_counter() - start)


def _post_round(side: Side, n: int) -> float:
    """Entries posted a second: the next `n` drafts, one transaction each."""
    batch = side.drafted[side.posted : side.posted + n]
    engine = side.base.engine
    start = time.perf_counter()
    for i, (books, d) in enumerate(batch, start=side.posted):
        with session_scope(engine) as s:
            post_draft(
                s,
                books.company_id,
                d,
                actor="bench",
                approver="ctl",
                entry_date=date(2026, 11, 2),
                max_amount=MAX,
                idempotency_key=f"bench-{i}",
            )
    side.posted += len(batch)
    return len(batch) / (time.perf_counter() - start)


def _balance_round(side: Side, repeat: int) -> float:
    """Median µs of the balance of the first company's inventory account."""
    per = []
    b = side.base
    with session_scope(b.engine) as s:
        for _ in range(repeat):
            t0 = time.perf_counter()
            account_balance(s, b.company_id, "1200")
            per.append(time.perf_counter() - t0)
    return statistics.median(per) * 1e6


def _interleaved(
    one: Side, many: Side, rounds: int, measure: Callable[[Side, int], float]
) -> dict[str, Any]:
    """`measure(side, round)` for both sides in every round, the order swapped each round;
    medians of each side and of the per-round ratio many / one, with the ratio's spread."""
    ones: list[float] = []
    manys: list[float] = []
    for r in range(rounds):
        pair = (one, many) if r % 2 == 0 else (many, one)
        got = {side.label: measure(side, r) for side in pair}
        ones.append(got[one.label])
        manys.append(got[many.label])
    ratios = [m / o for m, o in zip(manys, ones, strict=True)]
    return {
        "one_company": round(statistics.median(ones), 1),
        "many_companies": round(statistics.median(manys), 1),
        "ratio": round(statistics.median(ratios), 3),
        "ratio_low": round(min(ratios), 3),
        "ratio_high": round(max(ratios), 3),
        "rounds": rounds,
    }


def compare(one: Side, many: Side, per_side: int, rounds: int) -> dict[str, Any]:
    """Drafting, then posting, then the balance query, each interleaved over `rounds`.
    Drafting rounds come one after the other (not between posting rounds) so a company's
    context stays as warm as in a server drafting all day."""
    size = max(1, per_side // rounds)
    drafting = _interleaved(one, many, rounds, lambda side, r: _draft_round(side, _texts(size, r)))
    posting = _interleaved(one, many, rounds, lambda side, r: _post_round(side, size))
    balance = _interleaved(one, many, rounds, lambda side, r: _balance_round(side, 200))
    drafting["unit"] = posting["unit"] = "per second"
    balance["unit"] = "µs, median"
    return {
        "companies": len(many.channels),
        "entries_each_side": size * rounds,
        "drafting": drafting,
        "posting": posting,
        "balance": balance,
        "within_target": drafting["ratio"] >= 1 - TARGET
        and posting["ratio"] >= 1 - TARGET
        and balance["ratio"] <= 1 + TARGET,
    }


# -- one sync pass per company, each to its own QuickBooks realm ---------------------------


def sync_each(url: str, latency: float) -> dict[str, Any]:
    """Every company of the database at `url` (its entries posted, pending in the outbox)
    is connected to its own realm of the local fake QuickBooks through the real OAuth flow;
    then one sync pass per company, as the scheduler runs them (bot/services/jobs.sync_job),
    then passes until nothing is left. Per company: requests and batch requests against the
    per-company budget (qbo/limits.py), 429s, entries synced of its total."""
    from urllib.parse import parse_qs, urlparse

    import httpx

    from bench.qbo_bench import limit_like_quickbooks, map_accounts, outbox_counts
    from bot.services.jobs import JobContext, sync_job
    from bot.services.quickbooks import QuickBooks
    from tests.fakes.qbo_api import FakeQbo
    from tests.qbo.conftest import qbo_settings

    with FakeQbo() as fake, httpx.Client(timeout=30.0) as http:
        resolver = Resolver(open_books(qbo_settings(url, fake), first=True), ttl=3600)
        jobs: list[tuple[str, JobContext, int]] = []
        for i, cid in enumerate(resolver.company_ids()):
            realm = f"93414530{i:08d}"
            books = resolver.books(cid)
            map_accounts(books.engine, cid, fake, realm)
            qb = QuickBooks(books, http=http)
            state = parse_qs(urlparse(qb.connect_url(actor="bench")).query)["state"][0]
            qb.complete(state, fake.issue_code(realm), realm)
            total = sum(outbox_counts(books.engine, cid).values())
            jobs.append((realm, JobContext(books, qb), total))
        limit_like_quickbooks(fake, latency)
        before = fake.request_count()

        def one_pass() -> tuple[int, float]:
            claimed, t0 = 0, time.perf_counter()
            for _, ctx, _ in jobs:
                claimed += sync_job(ctx).claimed
            return claimed, time.perf_counter() - t0

        _, first_s = one_pass()
        firsts = [_company_pass(fake, before, realm, ctx, total) for realm, ctx, total in jobs]
        passes, rest_s = 1, 0.0
        while passes < 20:
            claimed, took = one_pass()
            rest_s += took
            if not claimed:
                break
            passes += 1
        api = fake.api_requests()[before:]
        synced = sum(
            outbox_counts(ctx.books.engine, ctx.books.company_id)[OutboxStatus.SYNCED.value]
            for _, ctx, _ in jobs
        )
        budget = jobs[0][1].quickbooks.limiter(jobs[0][0])
        resolver.base.engine.dispose()
    return {
        "companies": len(jobs),
        "latency_s": latency,
        "budget_per_company": {
            "requests_per_minute": budget.per_minute,
            "batches_per_minute": budget.batch_per_minute,
        },
        "first_pass": {
            "seconds": round(first_s, 2),
            "max_requests_per_company": max(c["requests"] for c in firsts),
            "max_batches_per_company": max(c["batch_requests"] for c in firsts),
            "within_budget": all(
                c["requests"] <= budget.per_minute
                and c["batch_requests"] <= budget.batch_per_minute
                for c in firsts
            ),
            "http_429": sum(c["http_429"] for c in firsts),
            "synced": sum(c["synced"] for c in firsts),
            "total": sum(c["total"] for c in firsts),
            "per_company": firsts,
        },
        "until_done": {
            "passes": passes,
            "seconds": round(first_s + rest_s, 2),
            "requests": len(api),
            "http_429": sum(1 for r in api if r.status == 429),
            "synced": synced,
            "total": sum(total for _, _, total in jobs),
        },
    }


def _company_pass(fake: Any, before: int, realm: str, ctx: Any, total: int) -> dict[str, Any]:
    from bench.qbo_bench import outbox_counts

    api = [r for r in fake.api_requests()[before:] if r.realm == realm]
    counts = outbox_counts(ctx.books.engine, ctx.books.company_id)
    return {
        "company": ctx.books.company_slug,
        "requests": len(api),
        "batch_requests": sum(1 for r in api if r.kind == "batch"),
        "http_429": sum(1 for r in api if r.status == 429),
        "synced": counts[OutboxStatus.SYNCED.value],
        "total": total,
    }


# -- the runs --------------------------------------------------------------------------------


@contextmanager
def _databases(backend: str, tmp: str, pg_url: str | None) -> Iterator[tuple[str, str]]:
    """Two fresh databases (one company, many companies) on `backend`."""
    if backend == "sqlite":
        yield f"sqlite:///{Path(tmp) / 'one.db'}", f"sqlite:///{Path(tmp) / 'many.db'}"
        return
    from bench.pg import fresh_schema

    assert pg_url
    with ExitStack() as stack:
        yield stack.enter_context(fresh_schema(pg_url)), stack.enter_context(fresh_schema(pg_url))


def run(
    companies: int = 20,
    per_company: int = 500,
    rounds: int = 10,
    pg_url: str | None = None,
    sync: bool = True,
    latency: float | None = None,
) -> dict[str, Any]:
    """SQLite, and PostgreSQL when `pg_url` is given; the QuickBooks sync on the SQLite
    firm's entries (`sync`: off for a quick look at the rates)."""
    from bench.qbo_bench import LATENCY

    results: dict[str, Any] = {}
    backends = ["sqlite"] + (["postgresql"] if pg_url else [])
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            with _databases(backend, tmp, pg_url) as (one_url, many_url):
                one = _firm(one_url, 1, "one")
                many = _firm(many_url, companies, "many")
                try:
                    results[backend] = compare(one, many, companies * per_company, rounds)
                    if sync and backend == "sqlite":
                        results["qbo_sync"] = sync_each(
                            many_url, LATENCY if latency is None else latency
                        )
                finally:
                    one.base.engine.dispose()
                    many.base.engine.dispose()
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
