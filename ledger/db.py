"""Database engine, sessions and migrations. SQLite by default, PostgreSQL at scale."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

import ledger.immutability  # noqa: F401  (registers the append-only guard on every Session)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_URL = "sqlite:///data/writeoff.db"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the settings the ledger relies on.

    SQLite: the data directory is created on demand; foreign keys on; WAL; and every
    transaction starts with BEGIN IMMEDIATE so two writers queue on the busy timeout instead
    of failing halfway through with 'database is locked'.
    """
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
        engine = sa.create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            if path and path != ":memory:":
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return sa.create_engine(url, **kwargs)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # New revisions are numbered in sequence, like the first ones: 0007_add_something.py
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    # configparser treats % as interpolation; URL-encoded options contain it
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def revision(engine: Engine, message: str) -> Path:
    """Write a new migration with what the models have and the database has not
    (`alembic revision --autogenerate`), numbered after the newest one; returns its path.

    The database must be at the newest revision first (`writeoff db upgrade`). Read and
    edit what it wrote before committing it: autogenerate sees tables, columns, types and
    indexes, never data, triggers or renames.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config(engine)
    if importlib.util.find_spec("ruff") is not None:  # a developer's checkout: house style
        cfg.set_section_option("post_write_hooks", "hooks", "ruff_format")
        cfg.set_section_option("post_write_hooks", "ruff_format.type", "module")
        cfg.set_section_option("post_write_hooks", "ruff_format.module", "ruff")
        cfg.set_section_option(
            "post_write_hooks", "ruff_format.options", "format REVISION_SCRIPT_FILENAME"
        )
    heads = ScriptDirectory.from_config(cfg).get_heads()
    numbers = [int(h) for h in heads if h.isdigit()]
    rev_id = f"{max(numbers, default=0) + 1:04d}"
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        script = command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
    if script is None or isinstance(script, list):  # one head, one script: never otherwise
        raise RuntimeError("alembic wrote no single revision")
    print(f"Set ledger.db.HEAD = {rev_id!r} once the migration is reviewed.")
    return Path(script.path)


def newest_revision() -> str:
    """The newest migration's id. Revisions are numbered in sequence (0001_initial.py ...,
    and `revision()` keeps it so), so the head is the highest number; no Alembic needed."""
    numbers = [p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(numbers)


def at_head(engine: Engine) -> bool:
    """True when the database is already at the newest migration. Every process start
    migrates first; a database already there needs no Alembic at all (its import alone
    was most of a command's start-up)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return False  # a new database
        found = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    return [row[0] for row in found] == [newest_revision()]


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations (idempotent: an up-to-date database is left alone)."""
    if revision == "head" and at_head(engine):
        return
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.info.clear()  # per-transaction caches (lock, chart) end with it
