"""Alembic environment: runs on the connection ledger.db.upgrade hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import ledger.models  # noqa: F401  (registers the tables on SQLModel.metadata)
import qbo.models  # noqa: F401  (QuickBooks' tables share the database and its history)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from ledger.db import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run `writeoff db upgrade`")
run_migrations_online()
