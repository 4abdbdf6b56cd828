"""`python -m bench companies` at a tiny size, so the benchmark cannot rot: both sides are
measured on SQLite (and PostgreSQL when reachable), every figure is there, and the sync to
one fake QuickBooks realm per company pushes every entry with no 429. No timing is asserted."""

from __future__ import annotations

import os

from bench import companies_bench
from tests.conftest import PG_URL, postgres_unavailable, require_postgres


def postgres_or_none() -> str | None:
    """PostgreSQL when reachable (required where WRITEOFF_REQUIRE_POSTGRES=1), else None:
    the SQLite half still runs."""
    if postgres_unavailable() and os.environ.get("WRITEOFF_REQUIRE_POSTGRES") != "1":
        return None
    require_postgres()
    return PG_URL


def test_the_companies_bench_runs_at_a_tiny_size() -> None:
    pg_url = postgres_or_none()
    got = companies_bench.run(companies=3, per_company=4, rounds=2, pg_url=pg_url, latency=0.0)
    for backend in ("sqlite", "postgresql") if pg_url else ("sqlite",):
        side = got[backend]
        assert side["companies"] == 3 and side["entries_each_side"] == 12
        for measure in ("drafting", "posting", "balance"):
            figures = side[measure]
            assert figures["rounds"] == 2
            assert figures["one_company"] > 0 and figures["many_companies"] > 0
            assert figures["ratio_low"] <= figures["ratio"] <= figures["ratio_high"]
    sync = got["qbo_sync"]
    first = sync["first_pass"]
    assert [c["company"] for c in first["per_company"]] == ["default", "client-01", "client-02"]
    assert first["http_429"] == 0 and first["within_budget"]
    assert first["synced"] == first["total"] == 12
    assert all(c["requests"] >= 1 for c in first["per_company"])  # each to its own realm
    assert sync["until_done"]["synced"] == 12 and sync["until_done"]["http_429"] == 0
