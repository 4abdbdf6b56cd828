"""Test-only: get past the database's guard to tamper with the books as an intruder with
DDL or superuser rights could, so that the second line of defence (the audit chain's
hashes, `verify_chain`) stays tested on its own.

Never used by the application. PostgreSQL: `SET LOCAL session_replication_role = replica`
turns ordinary triggers off for the rest of the transaction (needs a superuser, as the test
server's `postgres` is). SQLite: the triggers are dropped and recreated from their own
text in sqlite_master around the statements.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.engine import Connection

_TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"


@contextmanager
def guard_lifted(conn: Connection) -> Iterator[Connection]:
    """Inside `with engine.begin() as conn:`, statements in the block bypass the triggers."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SET LOCAL session_replication_role = replica"))
        yield conn
        conn.execute(sa.text("SET LOCAL session_replication_role = origin"))
        return
    triggers = conn.exec_driver_sql(_TRIGGERS).all()
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield conn
    for _name, sql in triggers:
        conn.exec_driver_sql(sql)


@contextmanager
def sqlite_guard_lifted(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """The same for a plain sqlite3 connection (tests that open the file directly)."""
    triggers = db.execute(_TRIGGERS).fetchall()
    for name, _sql in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    yield db
    for _name, sql in triggers:
        db.execute(sql)
