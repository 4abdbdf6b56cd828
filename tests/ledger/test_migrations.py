from __future__ import annotations

import sqlalchemy as sa

from ledger.db import current_revision, downgrade, make_engine, upgrade

TABLES = {
    "company",
    "account",
    "item",
    "journal_entry",
    "journal_line",
    "audit_event",
    "period_lock",
}


def _check_fresh_upgrade(url: str) -> None:
    eng = make_engine(url)
    assert current_revision(eng) is None
    upgrade(eng)
    upgrade(eng)  # running twice is harmless
    insp = sa.inspect(eng)
    assert set(insp.get_table_names()) >= TABLES
    for table in TABLES - {"company"}:
        cols = {c["name"] for c in insp.get_columns(table)}
        assert "company_id" in cols, table  # every ledger table carries a company
    with eng.connect() as conn:
        codes = [r[0] for r in conn.execute(sa.text("SELECT code FROM account ORDER BY code"))]
        companies = conn.execute(sa.text("SELECT slug FROM company")).scalars().all()
    assert codes == ["1000", "1200", "1290", "5000", "5100", "5200", "5300", "5400"]
    assert companies == ["default"]
    downgrade(eng, "base")
    assert not TABLES & set(sa.inspect(eng).get_table_names())
    upgrade(eng)
    assert current_revision(eng) is not None
    eng.dispose()


def test_migrations_from_empty_on_sqlite(sqlite_url: str) -> None:
    _check_fresh_upgrade(sqlite_url)


def test_migrations_from_empty_on_postgres(pg_url: str) -> None:
    _check_fresh_upgrade(pg_url)


def test_models_match_migrations(sqlite_url: str) -> None:
    """Autogenerate finds nothing to do: the models and the migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import qbo.models  # noqa: F401  (its tables are in the same history)

    eng = make_engine(sqlite_url)
    upgrade(eng)
    with eng.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(mc, SQLModel.metadata)
    assert diff == []
