"""Alembic environment.

Two ways in: `writeoff db upgrade` (ledger.db.upgrade hands over an open connection), or
`alembic ...` run by hand at the repository root (alembic.ini): then the database is
DATABASE_URL from the environment or `.env`, else the default SQLite file.
"""

from __future__ import annotations

import os
from logging.config import fileConfig
from pathlib import Path
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

import bot.services.installations  # noqa: F401  (Slack installations: distribution)
import ledger.models  # noqa: F401  (registers the tables on SQLModel.metadata)
import qbo.models  # noqa: F401  (QuickBooks' tables share the database and its history)

config = context.config
target_metadata = SQLModel.metadata


def database_url() -> str:
    """The URL when alembic runs by hand: sqlalchemy.url if set, else DATABASE_URL."""
    from ledger.db import DEFAULT_URL

    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL")
    if not url and Path(".env").is_file():
        from dotenv import dotenv_values  # python-dotenv comes with pydantic-settings

        url = dotenv_values(".env").get("DATABASE_URL")
    return url or DEFAULT_URL


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write the books' column types (UTCDateTime, EnumText, Cents, AutoString...) into a new
    revision as the plain SQLAlchemy type they store, so a migration never imports live
    code that may change after it was written."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from ledger.db import make_engine

        if config.config_file_name is not None:
            fileConfig(config.config_file_name, disable_existing_loggers=False)
        engine = make_engine(database_url())
        with engine.begin() as conn:
            _run(conn)
        engine.dispose()
        return
    _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run `writeoff db upgrade`")
run_migrations_online()
