"""Shared fixtures: fresh, migrated databases on SQLite and (when reachable) PostgreSQL.

PostgreSQL tests use WRITEOFF_TEST_POSTGRES_URL (default: the local trust-auth server).
Each test gets its own schema, so tests never see each other's rows. When the server is not
reachable the PostgreSQL variants skip with the reason shown; CI sets
WRITEOFF_REQUIRE_POSTGRES=1 so there a missing server fails instead of skipping.

A migrated SQLite database is a copy of one migrated once per test process
(`migrated_sqlite_url`): migrating costs about 0.2 s of fsyncs each time, and the migrations
themselves are tested from empty in tests/ledger/test_migrations.py.

Everything here is per process, so it holds under pytest-xdist too: each worker has its own
template, temporary directories, PostgreSQL schemas (random names) and ephemeral ports.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

from ledger.companies import get_company
from ledger.db import make_engine, session_scope, upgrade
from qbo import limits

# The tests speak only to local fakes over plain HTTP, yet every httpx client (the app's,
# the SDKs', each httpx.post) loads the whole certifi CA bundle when it is made: about
# 30 ms of CPU, a few hundred times a run. One self-signed certificate that signs nothing
# makes that free, and any HTTPS call that slips out to the real internet fails to verify.
# Subprocesses (the CLI tests) inherit it.
os.environ["SSL_CERT_FILE"] = str(Path(__file__).parent / "fakes" / "no-real-ca.pem")
os.environ.pop("SSL_CERT_DIR", None)

PG_URL = os.environ.get(
    "WRITEOFF_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
_pg_reason: str | None = None
_pg_checked = False


def postgres_unavailable() -> str | None:
    """None when PostgreSQL can be used, else why not (checked once per run)."""
    global _pg_checked, _pg_reason
    if not _pg_checked:
        _pg_checked = True
        try:
            eng = sa.create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with eng.connect() as conn:
                conn.execute(sa.text("select 1"))
            eng.dispose()
        except Exception as exc:  # any failure to connect means "skip with a reason"
            _pg_reason = f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}"
    return _pg_reason


def require_postgres() -> None:
    reason = postgres_unavailable()
    if reason:
        if os.environ.get("WRITEOFF_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " (WRITEOFF_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)


_admin: Engine | None = None


def _admin_engine() -> Engine:
    """One connection pool for creating and dropping schemas (a new one costs a connect)."""
    global _admin
    if _admin is None:
        _admin = sa.create_engine(PG_URL, pool_size=1)
    return _admin


def postgres_schema_url() -> tuple[str, str]:
    """A fresh schema on the test server and a URL whose connections use it."""
    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with _admin_engine().begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(schema: str) -> None:
    with _admin_engine().begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


_template_dir: Path | None = None


def _migrated_template() -> Path:
    global _template_dir
    if _template_dir is None:
        _template_dir = Path(tempfile.mkdtemp(prefix="writeoff-template-"))
        atexit.register(shutil.rmtree, _template_dir, ignore_errors=True)
        eng = make_engine(f"sqlite:///{_template_dir / 'head.db'}")
        upgrade(eng)
        eng.dispose()
    return _template_dir / "head.db"


def migrated_sqlite_url(directory: Path, name: str = "books.db") -> str:
    """A new SQLite database `directory/name` at the head revision, and its URL."""
    target = Path(directory) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(_migrated_template())
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # a consistent copy whatever the journal mode
    finally:
        src.close()
        dst.close()
    return f"sqlite:///{target}"


@pytest.fixture(autouse=True)
def _fresh_qbo_rate_limiters() -> None:
    """Each test starts with fresh QuickBooks rate limiters. The registry is per process
    (one limiter per company, as in production), so without this the requests of earlier
    tests in the same worker fill the per-second window and a later test waits for real,
    by an amount that depends on which tests ran before it on that worker."""
    with limits._registry_lock:
        limits._registry.clear()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'books.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    url, schema = postgres_schema_url()
    yield url
    drop_schema(schema)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'books.db'}"
        return
    url, schema = postgres_schema_url()
    yield url
    drop_schema(schema)


# A migrated database per test, made fast: the migrations run once per session, then each
# test gets a copy (SQLite: the file; PostgreSQL: the exact statements Alembic sent, replayed
# into the test's fresh schema). tests/ledger/test_migrations.py runs the real thing.
Statement = tuple[str, Any, bool]  # (SQL as sent to the driver, its parameters, executemany)


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("migrated") / "books.db"
    eng = make_engine(f"sqlite:///{path}")
    upgrade(eng)
    raw = eng.raw_connection()  # outside a transaction (the engine's begin is IMMEDIATE)
    raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the one file
    raw.close()
    eng.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_migration() -> list[Statement]:
    url, schema = postgres_schema_url()
    eng = make_engine(url)
    sent: list[Statement] = []

    @event.listens_for(eng, "before_cursor_execute")
    def _capture(
        _conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, many: bool
    ) -> None:
        sent.append((statement, params, many))

    upgrade(eng)
    eng.dispose()
    drop_schema(schema)
    return sent


def _migrated(url: str, request: pytest.FixtureRequest) -> Engine:
    eng = make_engine(url)
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database or ""
        shutil.copyfile(request.getfixturevalue("migrated_sqlite_file"), path)
        return eng
    statements: list[Statement] = request.getfixturevalue("postgres_migration")
    with eng.begin() as conn:
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        for statement, params, many in statements:
            (cursor.executemany if many else cursor.execute)(statement, params)
    return eng


@pytest.fixture
def engine(db_url: str, request: pytest.FixtureRequest) -> Iterator[Engine]:
    eng = _migrated(db_url, request)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url: str, request: pytest.FixtureRequest) -> Iterator[Engine]:
    eng = _migrated(sqlite_url, request)
    yield eng
    eng.dispose()


@pytest.fixture
def company_id(engine: Engine) -> int:
    with session_scope(engine) as s:
        return get_company(s).id or 0


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The fault suite's counts per scenario (tests/faults), also under xdist: they travel
    to the controller as the test report's user properties."""
    lines = [
        str(value)
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", ())
        if str(name).startswith("faults: ")
    ]
    if lines:
        terminalreporter.section("fault suite counts")
        for line in lines:
            terminalreporter.write_line(line)
