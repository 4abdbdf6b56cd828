"""What the books hand back: aware UTC datetimes and status enums, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import StatementError
from sqlmodel import SQLModel, col, select

import qbo.models  # noqa: F401  (its tables are in the same metadata)
from bot.services.installations import SLACK_TABLES
from ledger.db import session_scope
from ledger.models import (
    AuditEvent,
    EntryStatus,
    EnumText,
    JournalEntry,
    OutboxItem,
    OutboxStatus,
    RequestClaim,
    UTCDateTime,
)
from ledger.posting import post_draft, save_draft
from qbo.models import ConnectionStatus, QboConnection
from tests.ledger.factories import make_draft

MAX = Decimal("1000000.00")


def _datetime_columns() -> list[sa.Column[object]]:
    # The Slack installation tables are slack_sdk's: its store writes and reads them (naive
    # UTC), never through the books' models.
    return [
        c
        for t in SQLModel.metadata.sorted_tables
        if t.name not in SLACK_TABLES
        for c in t.columns
        if isinstance(c.type, sa.DateTime | UTCDateTime)
    ]


def test_every_datetime_column_is_utc() -> None:
    """A new datetime column on plain DateTime would read back naive on SQLite."""
    plain = [
        f"{c.table.name}.{c.name}" for c in _datetime_columns() if type(c.type) is not UTCDateTime
    ]
    assert plain == []
    assert len(_datetime_columns()) >= 20


def test_every_datetime_read_back_is_aware_utc(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        post_draft(
            s,
            company_id,
            make_draft(),
            actor="U1",
            approver="U2",
            entry_date=date(2026, 11, 24),
            max_amount=MAX,
        )
        s.add(RequestClaim(key="k"))
    seen = 0
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            cols = [c for c in table.columns if isinstance(c.type, UTCDateTime)]
            for row in conn.execute(sa.select(*cols)) if cols else ():
                for value in row:
                    if value is not None:
                        assert value.utcoffset() == timedelta(0), (table.name, value)
                        seen += 1
    assert seen >= 10  # company, entry (4), audit, outbox, claim...
    with session_scope(engine) as s:
        entry = s.exec(select(JournalEntry)).one()
        assert entry.posted_at is not None and entry.posted_at.tzinfo is not None
        # Aware values compare with now() without a helper.
        assert datetime.now(UTC) - entry.posted_at < timedelta(minutes=5)


def test_naive_datetimes_are_taken_as_utc_and_offsets_converted(engine: Engine) -> None:
    noon = datetime(2026, 1, 1, 12, 0)
    with session_scope(engine) as s:
        s.add(RequestClaim(key="naive", claimed_at=noon))
        s.add(
            RequestClaim(
                key="paris",
                claimed_at=datetime(2026, 1, 1, 13, 0, tzinfo=timezone(timedelta(hours=1))),
            )
        )
    with session_scope(engine) as s:
        for key in ("naive", "paris"):
            got = s.get(RequestClaim, key, populate_existing=True)
            assert got is not None
            assert got.claimed_at == noon.replace(tzinfo=UTC)
            assert got.claimed_at.tzinfo is not None
        # Comparisons in SQL see the same instant, whatever the offset of the bound value.
        later = datetime(2026, 1, 1, 7, 30, tzinfo=timezone(timedelta(hours=-5)))  # 12:30Z
        keys = s.exec(select(RequestClaim.key).where(RequestClaim.claimed_at < later)).all()
        assert sorted(keys) == ["naive", "paris"]


def test_statuses_read_back_as_enums(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        save_draft(s, company_id, make_draft(), actor="U1", entry_date=date(2026, 11, 24))
        post_draft(
            s,
            company_id,
            make_draft(qty="2"),
            actor="U1",
            approver="U2",
            entry_date=date(2026, 11, 24),
            max_amount=MAX,
        )
        now = datetime.now(UTC)
        s.add(
            QboConnection(
                company_id=company_id,
                realm_id="123",
                access_token_enc="x",
                refresh_token_enc="y",
                access_expires_at=now,
                refresh_expires_at=now,
            )
        )
    with session_scope(engine) as s:
        statuses = s.exec(select(JournalEntry.status).order_by(JournalEntry.id)).all()
        assert statuses == [EntryStatus.DRAFT, EntryStatus.POSTED]
        assert all(type(st) is EntryStatus for st in statuses)
        item = s.exec(select(OutboxItem)).one()
        assert type(item.status) is OutboxStatus and item.status == OutboxStatus.PENDING
        conn = s.exec(select(QboConnection)).one()
        assert type(conn.status) is ConnectionStatus and conn.status == "connected"
    # Stored as the plain text it always was: nothing else reading the table changes.
    with engine.connect() as c:
        raw = c.execute(sa.text("SELECT status FROM journal_entry ORDER BY id")).scalars().all()
    assert raw == ["draft", "posted"] and type(raw[0]) is str


def test_an_unknown_status_never_reaches_the_database(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        entry = save_draft(
            s, company_id, make_draft(), actor="U1", entry_date=date(2026, 11, 24)
        ).entry
    bad = sa.update(JournalEntry).where(JournalEntry.id == entry.id).values(status="postd")
    with (
        pytest.raises(StatementError, match="'postd' is not a valid EntryStatus"),
        session_scope(engine) as s,
    ):
        s.execute(bad)
    with session_scope(engine) as s:
        got = s.get(JournalEntry, entry.id)
        assert got is not None and got.status == EntryStatus.DRAFT
        assert s.exec(select(AuditEvent)).first() is not None
        # Filtering is another matter: an unknown status simply matches nothing, as before.
        assert s.exec(select(JournalEntry).where(JournalEntry.status == "postd")).all() == []
        found = s.exec(
            select(JournalEntry.id).where(col(JournalEntry.status).in_(["draft", "postd"]))
        ).all()
        assert found == [entry.id]


def test_enum_column_keeps_the_schema_of_a_string() -> None:
    status = JournalEntry.__table__.c.status  # type: ignore[attr-defined]
    assert isinstance(status.type, EnumText) and status.type.impl.length == 16
    with pytest.raises(ValueError, match="longer than 3"):
        EnumText(EntryStatus, 3)
