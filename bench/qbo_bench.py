"""QuickBooks sync benchmark: the outbox worker against the local fake QuickBooks.

Posted entries (one outbox row each) are pushed with the real QboClient, the real
RateLimiter and real time, to a FakeQbo that adds latency to every request and answers 429
beyond QuickBooks' limits. Measured: requests used, 429s, duplicates, missing entries,
wall-clock time and throughput against QuickBooks' ceiling of 40 batches x 30 entries a
minute per company.

Two runs: a short one (1,000 entries, 34 batches: under the 40-batch window, so it shows
the cost of the work itself) and a sustained one (2,400 entries, 80 batches: the batch
limit must bite). WRITEOFF_BENCH_QBO_SUSTAINED=0 skips the sustained one.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from ledger.chart import default_chart_info
from ledger.companies import get_company
from ledger.db import make_engine, session_scope, upgrade
from ledger.drafting import DraftContext, Facts, build_draft
from ledger.models import Account, JournalEntry, OutboxItem, OutboxStatus
from ledger.policy import Category
from ledger.posting import post_draft
from qbo.client import QboClient
from qbo.identity import DEFAULT_DOC_PREFIX
from qbo.limits import RateLimiter
from qbo.mapping import match_accounts, save_matches
from qbo.sync import BATCH_SIZE, run_sync
from tests.fakes.qbo_api import FakeQbo, FakeTokens

MAX = Decimal("1000000.00")
LATENCY = 0.1  # seconds the fake adds to every API request
BATCHES_PER_MINUTE = 40
CEILING_PER_MINUTE = BATCHES_PER_MINUTE * BATCH_SIZE  # 1,200 entries a minute per company
POSTS_PER_TRANSACTION = 50


def _post_entries(url: str, n: int) -> tuple[sa.Engine, int]:
    """A fresh books database with `n` posted entries (so `n` pending outbox rows)."""
    eng = make_engine(url)
    upgrade(eng)
    ctx = DraftContext(chart=default_chart_info())
    with session_scope(eng) as s:
        cid = get_company(s).id or 0
    for base in range(0, n, POSTS_PER_TRANSACTION):
        with session_scope(eng) as s:  # several entries a transaction: setup, not measured
            for i in range(base, min(n, base + POSTS_PER_TRANSACTION)):
                d = build_draft(
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
                post_draft(
                    s,
                    cid,
                    d,
                    actor="bench",
                    approver="ctl",
                    entry_date=date(2026, 11, 2),
                    max_amount=MAX,
                    idempotency_key=f"qbo-bench-{i}",
                )
    return eng, cid


def map_accounts(eng: sa.Engine, cid: int, fake: FakeQbo, realm: str | None = None) -> int:
    """Every ledger account gets a QuickBooks account with AcctNum = its code (in `realm`,
    else the fake's own), matched by number through qbo.mapping (no request: the fake's
    accounts are built here)."""
    with session_scope(eng) as s:
        ledger = [
            (a.code, a.name)
            for a in s.exec(sa.select(Account).where(Account.company_id == cid)).scalars()
        ]  # type: ignore[call-overload]
        qbo_accounts = [
            {
                "Id": fake.add_account(name, acct_num=code, realm=realm),
                "Name": name,
                "AcctNum": code,
            }
            for code, name in ledger
        ]
        result = match_accounts(ledger, qbo_accounts)
        assert not result.unmapped, result.unmapped
        save_matches(s, cid, result)
    return len(ledger)


def outbox_counts(eng: sa.Engine, cid: int) -> Counter[str]:
    table = OutboxItem.__table__  # type: ignore[attr-defined]
    with eng.connect() as conn:
        rows = conn.execute(
            sa.select(table.c.status, sa.func.count())
            .where(table.c.company_id == cid)
            .group_by(table.c.status)
        ).all()
    return Counter({status: count for status, count in rows})


def limit_like_quickbooks(fake: FakeQbo, latency: float, in_flight: bool = True) -> None:
    """From now on the fake answers like QuickBooks under load: `latency` on every request
    and 429 beyond the per-company limits (500 requests and 40 batches a minute; 10 in
    flight unless `in_flight` is False)."""
    fake.latency = latency
    fake.enforce_limits(per_minute=500, batch_per_minute=BATCHES_PER_MINUTE)
    if in_flight:
        fake.enforce_in_flight(10)


def _steady_rate(batches: list[Any]) -> float | None:
    """Entries a minute once the window is full: for every batch k with a batch k+40, the
    entries of batches k..k+39 over the time from batch k to batch k+40 (server receipt
    times). The first window's free burst does not count, so this is what a long backlog
    would see. Batches answered 429 carry nothing and are left out. None when fewer than
    41 batches went through."""
    w = BATCHES_PER_MINUTE
    ordered = sorted((r for r in batches if r.status == 200), key=lambda r: r.at)
    if len(ordered) <= w:
        return None
    sizes = [len(r.body.get("BatchItemRequest") or []) for r in ordered]
    rates = [
        sum(sizes[k : k + w]) / (ordered[k + w].at - ordered[k].at) * 60.0
        for k in range(len(ordered) - w)
    ]
    return sum(rates) / len(rates)


def bench_sync(n: int, latency: float = LATENCY) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, FakeQbo() as fake:
        url = f"sqlite:///{Path(tmp) / 'qbo.db'}"
        t0 = time.perf_counter()
        eng, cid = _post_entries(url, n)
        setup_s = time.perf_counter() - t0
        mapped = map_accounts(eng, cid, fake)
        with session_scope(eng) as s:
            numbers = [
                num
                for num in s.exec(
                    sa.select(JournalEntry.number).where(JournalEntry.company_id == cid)
                ).scalars()
            ]  # type: ignore[call-overload]
        assert outbox_counts(eng, cid)[OutboxStatus.PENDING.value] == n

        limit_like_quickbooks(fake, latency, in_flight=False)
        limiter = RateLimiter(
            per_minute=500, per_second=10, in_flight=10, batch_per_minute=BATCHES_PER_MINUTE
        )
        passes = 0
        max_passes = 4 * math.ceil(n / BATCH_SIZE) + 10
        pushed = adopted = 0
        problems: list[str] = []
        with httpx.Client(timeout=30.0) as http:
            tokens = FakeTokens(fake, http)
            client = QboClient(fake.api_base, fake.realm_id, tokens, http=http, limiter=limiter)
            requests_before = fake.request_count()  # token requests are not API requests
            start = time.perf_counter()
            while passes < max_passes:
                report = run_sync(eng, cid, fake.realm_id, lambda: client, worker="bench")
                passes += 1
                pushed += len(report.pushed)
                adopted += len(report.adopted)
                problems += [f"{k}: {m}" for k, m in report.held + report.failed + report.retrying]
                if report.connection_problem:
                    problems.append(report.connection_problem)
                if report.claimed == 0:  # nothing due: done, or only rows waiting on backoff
                    break
            elapsed = time.perf_counter() - start
        counts = outbox_counts(eng, cid)
        eng.dispose()

        api = fake.api_requests()[requests_before:]
        batches = [r for r in api if r.kind == "batch"]
        docs = Counter(
            str(e.get("DocNumber")).removeprefix(DEFAULT_DOC_PREFIX) for e in fake.journal_entries()
        )
        duplicates = sum(c - 1 for c in docs.values() if c > 1)
        missing = sum(1 for num in numbers if docs.get(num, 0) == 0)
        synced = counts[OutboxStatus.SYNCED.value]
        per_minute = synced / elapsed * 60.0
        steady = _steady_rate(batches)
        out: dict[str, Any] = {
            "entries": n,
            "accounts_mapped": mapped,
            "latency_s": latency,
            "synced": synced,
            "pushed": pushed,
            "adopted": adopted,
            "not_synced": {k: v for k, v in counts.items() if k != OutboxStatus.SYNCED.value},
            "passes": passes,
            "requests": len(api),
            "batch_requests": len(batches),
            "query_requests": sum(1 for r in api if r.kind == "query"),
            "http_429": sum(1 for r in api if r.status == 429),
            "max_in_flight": fake.max_in_flight,
            "limiter_waited_s": round(limiter.waited, 2),
            "duplicates": duplicates,
            "missing": missing,
            "problems": problems[:5],
            "setup_s": round(setup_s, 2),
            "seconds": round(elapsed, 2),
            "entries_per_minute": round(per_minute),
            "ceiling_fraction": round(per_minute / CEILING_PER_MINUTE, 3),
        }
        if steady is not None:
            out["steady_entries_per_minute"] = round(steady)
            out["steady_ceiling_fraction"] = round(steady / CEILING_PER_MINUTE, 3)
        return out


def run(
    n: int = 1000,
    sustained_n: int | None = 2400,
    latency: float = LATENCY,
    pg_url: str | None = None,
) -> dict[str, Any]:
    results: dict[str, Any] = {"ceiling_entries_per_minute": CEILING_PER_MINUTE}
    results["approvals_burst"] = bench_burst()
    if pg_url and os.environ.get("WRITEOFF_BENCH_QBO_TWO_PROCESSES", "1") != "0":
        results["two_processes"] = bench_two_processes(pg_url, 2400, latency)
    results["burst"] = bench_sync(n, latency)
    if os.environ.get("WRITEOFF_BENCH_QBO_SUSTAINED", "1") == "0":
        sustained_n = None
    if sustained_n:
        results["sustained"] = bench_sync(sustained_n, latency)
    return results


# -- two processes, one company: the request budget shared in the database -----------------


class _StaticTokens:
    """An access token handed to a worker process (the fake's tokens live an hour)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def access_token(self) -> str:
        return self.token

    def refresh_access_token(self, rejected: str) -> str:
        return self.token


def _push_worker(url: str, cid: int, api_base: str, realm: str, token: str, name: str) -> None:
    """One replica: sync passes until nothing is left to push, with the shared limiter."""
    from qbo.limits import SharedRateLimiter

    eng = make_engine(url)
    limiter = SharedRateLimiter(eng, realm, holder=name)
    deadline = time.monotonic() + 600
    with httpx.Client(timeout=30.0) as http:
        client = QboClient(api_base, realm, _StaticTokens(token), http=http, limiter=limiter)
        while time.monotonic() < deadline:
            report = run_sync(eng, cid, realm, lambda: client, worker=name)
            if report.claimed:
                continue
            counts = outbox_counts(eng, cid)
            if counts[OutboxStatus.PENDING.value] + counts[OutboxStatus.IN_FLIGHT.value] == 0:
                break
            time.sleep(0.2)  # the rest is in the other process's hands, or backing off
    eng.dispose()


def bench_two_processes(pg_url: str, n: int = 2400, latency: float = LATENCY) -> dict[str, Any]:
    """Two OS processes push one backlog to one company through the real client; the fake
    answers 429 beyond QuickBooks' per-company limits (500/min, 40 batches/min, 10 in
    flight). Without a shared budget each process would spend the company's whole budget."""
    import multiprocessing

    from bench.pg import fresh_schema

    with fresh_schema(pg_url) as url, FakeQbo() as fake:
        t0 = time.perf_counter()
        eng, cid = _post_entries(url, n)
        setup_s = time.perf_counter() - t0
        map_accounts(eng, cid, fake)
        token = fake.issue_tokens()["access_token"]
        limit_like_quickbooks(fake, latency)
        spawn = multiprocessing.get_context("spawn")
        procs = [
            spawn.Process(
                target=_push_worker,
                args=(url, cid, fake.api_base, fake.realm_id, token, f"replica-{i}"),
            )
            for i in range(2)
        ]
        start = time.perf_counter()
        for p in procs:
            p.start()
        for p in procs:
            p.join(700)
        elapsed = time.perf_counter() - start
        counts = outbox_counts(eng, cid)
        eng.dispose()
        api = fake.api_requests()
        batches = [r for r in api if r.kind == "batch"]
        docs = Counter(
            str(e.get("DocNumber")).removeprefix(DEFAULT_DOC_PREFIX) for e in fake.journal_entries()
        )
        synced = counts[OutboxStatus.SYNCED.value]
        per_minute = synced / elapsed * 60.0
        steady = _steady_rate(batches)
        # From the first request QuickBooks received to the last one (process start-up and
        # imports left out: they are not the sync's rate).
        sent = sorted(r.at for r in api)
        push_s = (sent[-1] - sent[0]) if len(sent) > 1 else elapsed
        out: dict[str, Any] = {
            "processes": len(procs),
            "push_seconds": round(push_s, 2),
            "push_entries_per_minute": round(synced / push_s * 60.0) if push_s else None,
            "entries": n,
            "synced": synced,
            "not_synced": {k: v for k, v in counts.items() if k != OutboxStatus.SYNCED.value},
            "requests": len(api),
            "batch_requests": len(batches),
            "create_requests": sum(1 for r in api if r.kind == "journalentry"),
            "http_429": sum(1 for r in api if r.status == 429),
            "max_in_flight": fake.max_in_flight,
            "duplicates": sum(c - 1 for c in docs.values() if c > 1),
            "setup_s": round(setup_s, 2),
            "seconds": round(elapsed, 2),
            "entries_per_minute": round(per_minute),
            "ceiling_fraction": round(per_minute / CEILING_PER_MINUTE, 3),
        }
        if steady is not None:
            out["steady_entries_per_minute"] = round(steady)
            out["steady_ceiling_fraction"] = round(steady / CEILING_PER_MINUTE, 3)
        return out


# -- a burst of approvals: 60 in 10 s, each pushed at once ---------------------------------


class _NobodyToTell:
    """The Chat port with nobody listening: the benchmark measures QuickBooks, not Slack."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def bench_burst(
    approvals: int = 60, over_s: float = 10.0, latency: float = LATENCY
) -> dict[str, Any]:
    """Each approval posts an entry and calls the same immediate push the Approve button
    does (bot/services/jobs.push_now, in its own thread as Bolt's lazy listener would),
    `over_s / approvals` apart. Measured: seconds from the last approval until every entry
    is in the fake QuickBooks, which enforces the per-company limits."""
    import threading
    from urllib.parse import parse_qs, urlparse

    from bot.services.books import open_books
    from bot.services.jobs import push_now
    from bot.services.quickbooks import QuickBooks
    from tests.fakes.qbo_api import REALM_ID
    from tests.ledger.factories import make_draft
    from tests.qbo.conftest import qbo_settings, seed_accounts

    with tempfile.TemporaryDirectory() as tmp, FakeQbo() as fake:
        seed_accounts(fake)
        url = f"sqlite:///{Path(tmp) / 'burst.db'}"
        upgrade(make_engine(url))
        books = open_books(qbo_settings(url, fake))
        qb = QuickBooks(books)
        link = qb.connect_url(actor="bench")
        qb.complete(parse_qs(urlparse(link).query)["state"][0], fake.issue_code(), REALM_ID)
        limit_like_quickbooks(fake, latency)
        before = fake.request_count()
        threads = []
        start = time.monotonic()
        for i in range(approvals):
            with session_scope(books.engine) as s:
                entry = post_draft(
                    s,
                    books.company_id,
                    make_draft(qty=str(i + 1)),
                    actor="U1",
                    approver="U2",
                    entry_date=date.today(),
                    max_amount=MAX,
                ).entry
            t = threading.Thread(
                target=push_now, args=(books, qb, _NobodyToTell(), [entry.id or 0])
            )
            t.start()
            threads.append(t)
            time.sleep(max(0.0, start + (i + 1) * over_s / approvals - time.monotonic()))
        last = time.monotonic()
        while len(fake.journal_entries()) < approvals and time.monotonic() - last < 120:
            time.sleep(0.01)
        took = time.monotonic() - last
        for t in threads:
            t.join(30)
        api = fake.api_requests()[before:]
        out = {
            "approvals": approvals,
            "over_seconds": over_s,
            "in_quickbooks": len(fake.journal_entries()),
            "seconds_after_last_approval": round(took, 2),
            "batch_requests": sum(1 for r in api if r.kind == "batch"),
            "create_requests": sum(1 for r in api if r.kind == "journalentry"),
            "http_429": sum(1 for r in api if r.status == 429),
        }
        qb.http.close()
        books.engine.dispose()
        return out
