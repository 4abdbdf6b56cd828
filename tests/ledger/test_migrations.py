from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import bot.services.installations  # noqa: F401  (so are the Slack installation stores')
import qbo.models  # noqa: F401  (its tables are in the same history)
from ledger.db import MIGRATIONS, current_revision, downgrade, make_engine, upgrade

VERSIONS = MIGRATIONS / "versions"

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


def _model_diff(engine: Engine, metadata: sa.MetaData) -> list[Any]:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(mc, metadata))


def test_models_match_migrations(engine: Engine) -> None:
    """Autogenerate finds nothing to do: the models (ledger and qbo) and the migrations
    agree, types included, on SQLite and on PostgreSQL."""
    diff = _model_diff(engine, SQLModel.metadata)
    assert diff == []


def test_a_model_drifting_from_the_migrations_is_noticed(engine: Engine) -> None:
    """The check above can fail: a column type or a new column the migrations lack."""
    md = sa.MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(md)
    md.tables["outbox_item"].c.last_error_tid.type = sa.String(80)
    md.tables["account"].append_column(sa.Column("color", sa.String(10)))
    md.tables["audit_event"].c.at.type = sa.DateTime()  # naive: only PostgreSQL can tell
    diff = [d if isinstance(d, tuple) else d[0] for d in _model_diff(engine, md)]
    found = sorted((d[0], d[3] if d[0] == "modify_type" else d[2]) for d in diff)
    expected = [("add_column", "account"), ("modify_type", "last_error_tid")]
    if engine.dialect.name == "postgresql":
        expected.insert(1, ("modify_type", "at"))
    assert found == expected


def test_migrations_import_no_live_code() -> None:
    """A migration must build the same database whatever the code says later."""
    for path in sorted(VERSIONS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert name.split(".")[0] not in {"ledger", "qbo", "bot"}, (path.name, name)


def test_seeded_chart_is_todays_default_chart(sqlite_engine: Engine) -> None:
    """0001 froze the chart it seeds; it still equals ledger.chart.DEFAULT_CHART."""
    from ledger.chart import DEFAULT_CHART

    with sqlite_engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT code, name, type, subtype, is_contra FROM account ORDER BY code")
        ).all()
    assert [tuple(r) for r in rows] == [
        (r.code, r.name, r.type, r.subtype, r.is_contra) for r in DEFAULT_CHART
    ]


def test_revision_writes_the_next_numbered_migration(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`writeoff db revision -m ...`: autogenerate against the database, numbered after the
    newest revision, plain SQLAlchemy types, no live imports; it then applies cleanly."""
    import ledger.db

    copy = tmp_path / "migrations"
    shutil.copytree(ledger.db.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(ledger.db, "MIGRATIONS", copy)
    head = _head()
    eng = make_engine(sqlite_url)
    upgrade(eng, "0004")
    with eng.begin() as conn:  # a database that lacks what 0005 adds, marked as up to date
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{head}'")
    path = ledger.db.revision(eng, "Keep the intuit tid")
    number = int(head) + 1
    assert path.parent == copy / "versions"
    assert path.name == f"{number:04d}_keep_the_intuit_tid.py"
    text = path.read_text()
    assert re.search(rf"down_revision = [\"']{head}[\"']", text)
    assert re.search(
        r"sa\.Column\([\"']last_error_tid[\"'], sa\.String\(length=64\), nullable=True\)", text
    )
    assert "ledger" not in text and "sqlmodel" not in text
    upgrade(eng)
    assert current_revision(eng) == f"{number:04d}"
    assert _model_diff(eng, SQLModel.metadata) == []
    eng.dispose()


def _head() -> str:
    from alembic.script import ScriptDirectory

    import ledger.db

    cfg = ledger.db.alembic_config(make_engine("sqlite://"))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def test_the_highest_numbered_migration_is_the_head() -> None:
    """An up-to-date database skips Alembic at start-up by comparing its version with the
    highest-numbered file; that is only sound while numbering follows the chain."""
    from alembic.script import ScriptDirectory

    from ledger.db import alembic_config, make_engine, newest_revision

    cfg = alembic_config(make_engine("sqlite://"))
    assert ScriptDirectory.from_config(cfg).get_heads() == [newest_revision()]
