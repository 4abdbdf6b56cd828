"""`make bench`: every benchmark, figures printed and saved to bench/results/latest.json.

`python -m bench [GROUP…] [--postgres URL]`: only those groups; PostgreSQL at URL."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench import count_bench, ledger_bench
from bench.pg import reachable

PG_URL = os.environ.get(
    "WRITEOFF_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def main(argv: list[str]) -> None:
    # `--postgres URL` names the server for this run (else WRITEOFF_TEST_POSTGRES_URL, else
    # the local default); benchmarks make and drop their own schemas in it.
    pg_url = PG_URL
    if "--postgres" in argv:
        at = argv.index("--postgres")
        pg_url = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    only = set(argv)
    pg = pg_url if reachable(pg_url) else None
    if pg is None:
        print(f"PostgreSQL not reachable at {pg_url}: PostgreSQL figures skipped")
    results: dict[str, object] = {}
    if not only or "ledger" in only:
        results["ledger"] = ledger_bench.run(pg)
        print(json.dumps(results["ledger"], indent=2))
    if not only or "count" in only:
        results["count"] = count_bench.run(pg)
        print(json.dumps(results["count"], indent=2))
    if not only or "slack" in only:
        from bench import slack_bench

        results["slack"] = slack_bench.run()
        print(json.dumps(results["slack"], indent=2))
    if not only or "socket" in only:
        from bench import socket_bench

        results["socket"] = socket_bench.run()
        print(json.dumps(results["socket"], indent=2))
    if not only or "qbo" in only:
        from bench import qbo_bench

        results["qbo"] = qbo_bench.run(pg_url=pg)
        print(json.dumps(results["qbo"], indent=2))
    if not only or "companies" in only:
        from bench import companies_bench

        results["companies"] = companies_bench.run(pg_url=pg)
        print(json.dumps(results["companies"], indent=2))
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
