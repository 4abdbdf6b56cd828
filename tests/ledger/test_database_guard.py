"""The books refuse at the database, below the ORM: raw SQL and Core statements that would
rewrite a posted entry, its lines or the audit trail are refused by triggers, on SQLite and
on PostgreSQL, while the writes the application needs on a posted entry still go through.

One set of books per database for the module (posting is the slow part); every refusal
runs in its own transaction, which the refusal rolls back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ledger.audit import verify_chain
from ledger.companies import get_company
from ledger.db import downgrade, make_engine, session_scope, upgrade
from ledger.models import AuditEvent, JournalEntry, JournalLine
from ledger.posting import post_draft, reverse_entry, save_draft
from ledger.reports import ledger_sums_by_account, trial_balance
from tests.conftest import drop_schema, postgres_schema_url
from tests.ledger.factories import make_draft
from tests.ledger.tamper import guard_lifted

MAX = Decimal("1000000.00")
DAY = date(2026, 11, 24)


@dataclass(frozen=True)
class Books:
    engine: Engine
    company_id: int
    posted: int  # JE-000001, posted
    reversed: int  # JE-000002, reversed by JE-000003
    reversal: int  # JE-000003
    draft: int

    @property
    def postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def books(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Books]:
    schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('guard') / 'books.db'}"
    else:
        url, schema = postgres_schema_url()
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as s:
        cid = get_company(s).id or 0
        posted, to_reverse = (
            post_draft(
                s, cid, make_draft(qty=q), actor="U1", approver="U2", entry_date=DAY, max_amount=MAX
            ).entry.id
            or 0
            for q in ("40", "2")
        )
        reversal = reverse_entry(
            s, cid, to_reverse, actor="U2", reason="typo", entry_date=DAY, max_amount=MAX
        ).entry
        draft = save_draft(s, cid, make_draft(qty="3"), actor="U1", entry_date=DAY).entry
    yield Books(engine, cid, posted, to_reverse, reversal.id or 0, draft.id or 0)
    engine.dispose()
    if schema:
        drop_schema(schema)


def _refused(books: Books, sql: str | sa.Executable, words: str, number: str | None) -> None:
    """The statement fails with these words (and, on PostgreSQL, the entry's number)."""
    stmt = sa.text(sql) if isinstance(sql, str) else sql
    with pytest.raises(sa.exc.IntegrityError) as err, books.engine.begin() as conn:
        conn.execute(stmt)
    message = str(err.value.orig)
    assert re.search(words, message), message
    if books.postgres and number:
        assert f"journal entry {number} is " in message, message


def _snapshot(books: Books) -> tuple[object, ...]:
    with books.engine.connect() as conn:
        entries = conn.execute(sa.text("SELECT * FROM journal_entry ORDER BY id")).all()
        lines = conn.execute(sa.text("SELECT * FROM journal_line ORDER BY id")).all()
        events = conn.execute(sa.text("SELECT * FROM audit_event ORDER BY id")).all()
    return tuple(entries), tuple(lines), tuple(events)


ENTRY_REFUSALS = [
    ("DELETE FROM journal_entry WHERE id = {posted}", "is posted: it cannot be deleted"),
    (
        "DELETE FROM journal_entry WHERE id = {reversed}",
        "is (posted|reversed): it cannot be deleted",
    ),
    ("UPDATE journal_entry SET total = total + 100 WHERE id = {posted}", "its total cannot change"),
    ("UPDATE journal_entry SET number = 'JE-999999' WHERE id = {posted}", "its number cannot"),
    ("UPDATE journal_entry SET entry_date = '2026-01-01' WHERE id = {posted}", "its entry_date"),
    ("UPDATE journal_entry SET company_id = company_id + 1 WHERE id = {posted}", "its company_id"),
    ("UPDATE journal_entry SET approved_by = 'mallory' WHERE id = {posted}", "its approved_by"),
    ("UPDATE journal_entry SET approved_at = NULL WHERE id = {posted}", "its approved_at"),
    ("UPDATE journal_entry SET posted_at = NULL WHERE id = {posted}", "its posted_at"),
    ("UPDATE journal_entry SET total = 1 WHERE id = {reversal}", "its total cannot change"),
    ("UPDATE journal_entry SET status = 'draft' WHERE id = {posted}", "its status"),
    ("UPDATE journal_entry SET status = 'rejected' WHERE id = {posted}", "its status"),
    ("UPDATE journal_entry SET status = 'posted' WHERE id = {reversed}", "its status"),
]
LINE_REFUSALS = [
    ("DELETE FROM journal_line WHERE entry_id = {posted}", "its lines cannot be deleted"),
    ("UPDATE journal_line SET debit = debit + 100 WHERE entry_id = {posted}", "amounts"),
    ("UPDATE journal_line SET credit = credit + 100 WHERE entry_id = {reversal}", "amounts"),
    (
        "UPDATE journal_line SET account_id = (SELECT min(id) FROM account) "
        "WHERE entry_id = {posted} AND line_no = 1",
        "amounts",
    ),
    ("UPDATE journal_line SET entry_id = {draft} WHERE entry_id = {posted}", "amounts"),
    ("UPDATE journal_line SET entry_id = {posted} WHERE entry_id = {draft}", "no line can be"),
    (
        "INSERT INTO journal_line (company_id, entry_id, line_no, account_id, debit, credit, "
        "description) SELECT company_id, entry_id, 9, account_id, debit, credit, 'extra' "
        "FROM journal_line WHERE entry_id = {posted} AND line_no = 1",
        "no line can be added",
    ),
]
AUDIT_REFUSALS = [
    ("UPDATE audit_event SET actor = 'mallory' WHERE seq = 3", "cannot be changed: the audit"),
    ("UPDATE audit_event SET details = '{{}}'", "cannot be changed: the audit trail"),
    ("DELETE FROM audit_event WHERE seq = 4", "cannot be deleted: the audit trail"),
    ("DELETE FROM audit_event", "cannot be deleted: the audit trail is append-only"),
]


@pytest.mark.parametrize(("sql", "words"), ENTRY_REFUSALS + LINE_REFUSALS)
def test_raw_sql_cannot_rewrite_a_posted_entry(books: Books, sql: str, words: str) -> None:
    before = _snapshot(books)
    ids = {"posted": books.posted, "reversed": books.reversed}
    ids |= {"reversal": books.reversal, "draft": books.draft}
    number = (
        "JE-000002" if "{reversed}" in sql else "JE-000003" if "{reversal}" in sql else "JE-000001"
    )
    _refused(books, sql.format(**ids), words + r".*\(post a reversal instead\)", number)
    assert _snapshot(books) == before  # nothing changed, not even in part


@pytest.mark.parametrize(("sql", "words"), AUDIT_REFUSALS)
def test_raw_sql_cannot_touch_the_audit_trail(books: Books, sql: str, words: str) -> None:
    before = _snapshot(books)
    _refused(books, sql.format(), words, None)
    assert _snapshot(books) == before


def test_core_statements_are_refused_too(books: Books) -> None:
    entry = JournalEntry.__table__  # type: ignore[attr-defined]
    line = JournalLine.__table__  # type: ignore[attr-defined]
    audit = AuditEvent.__table__  # type: ignore[attr-defined]
    _refused(
        books,
        entry.update().where(entry.c.id == books.posted).values(total=Decimal("1.00")),
        "its total cannot change",
        "JE-000001",
    )
    _refused(books, line.delete().where(line.c.entry_id == books.posted), "lines", "JE-000001")
    _refused(books, sa.update(audit).values(actor="x"), "append-only", None)


def test_postgres_refuses_truncate(books: Books) -> None:
    if not books.postgres:
        pytest.skip("SQLite has no TRUNCATE")
    for table in ("audit_event", "journal_line", "journal_entry"):
        _refused(books, f"TRUNCATE {table} CASCADE", "cannot be truncated", None)


def test_the_writes_a_posted_entry_still_takes(books: Books) -> None:
    """The sync marks QuickBooks' id, the card refresh its message; setting a frozen column
    to the value it has is no change."""
    now = datetime.now(UTC)
    entry = JournalEntry.__table__  # type: ignore[attr-defined]
    with books.engine.begin() as conn:
        done = conn.execute(
            entry.update()
            .where(entry.c.id.in_([books.posted, books.reversed, books.reversal]))
            .values(
                qbo_id="88", qbo_sync_token="1", card_channel="C1", card_ts="1.2", updated_at=now
            )
        )
        assert done.rowcount == 3
        conn.execute(
            sa.text("UPDATE journal_entry SET total = total, memo = memo WHERE id = :id"),
            {"id": books.posted},
        )
        conn.execute(
            sa.text("UPDATE journal_line SET description = 'x' WHERE entry_id = :id AND 1 = 0"),
            {"id": books.posted},
        )
    with session_scope(books.engine) as s:
        got = s.get(JournalEntry, books.posted)
        assert got is not None and got.qbo_id == "88" and got.card_ts == "1.2"
        assert verify_chain(s, books.company_id).ok
        tb = trial_balance(s, books.company_id)
        assert tb.balanced
        assert ledger_sums_by_account(s, books.company_id) == {
            r.code: r.debit - r.credit for r in tb.rows if r.debit or r.credit
        }


def test_drafts_stay_editable_by_hand(books: Books) -> None:
    """The guard is about posted entries: a draft's lines and the draft itself may go."""
    with session_scope(books.engine) as s:
        draft = save_draft(
            s, books.company_id, make_draft(qty="5"), actor="U1", entry_date=DAY
        ).entry.id
    with books.engine.begin() as conn:
        conn.execute(sa.text("UPDATE journal_line SET debit = 1 WHERE entry_id = :d"), {"d": draft})
        conn.execute(sa.text("DELETE FROM journal_line WHERE entry_id = :d"), {"d": draft})
        conn.execute(sa.text("UPDATE journal_entry SET total = 1 WHERE id = :d"), {"d": draft})
    with session_scope(books.engine) as s:
        got = s.get(JournalEntry, draft)
        assert got is not None and got.total == Decimal("0.01")  # 1 cent


def test_posting_and_reversing_still_work_under_the_guard(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        first = post_draft(
            s, company_id, make_draft(), actor="U1", approver="U2", entry_date=DAY, max_amount=MAX
        ).entry
    with session_scope(engine) as s:
        rev = reverse_entry(
            s, company_id, first.id or 0, actor="U2", reason="x", entry_date=DAY, max_amount=MAX
        ).entry
    with session_scope(engine) as s:
        original = s.get(JournalEntry, first.id)
        assert original is not None and original.status == "reversed"
        assert original.reversed_by_id == rev.id and rev.number == "JE-000002"


def test_downgrade_removes_the_guard_and_upgrade_restores_it(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    upgrade(engine)
    with session_scope(engine) as s:
        cid = get_company(s).id or 0
        post_draft(s, cid, make_draft(), actor="U1", approver="U2", entry_date=DAY, max_amount=MAX)
    downgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_event SET actor = actor || '' WHERE seq = 1"))
    upgrade(engine)
    with pytest.raises(sa.exc.IntegrityError, match="append-only"), engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_event SET actor = 'x' WHERE seq = 1"))
    engine.dispose()


def test_the_test_only_bypass_restores_the_guard(books: Books) -> None:
    """tests/ledger/tamper.py lifts the guard for one transaction only."""
    with books.engine.begin() as conn, guard_lifted(conn):
        conn.execute(sa.text("UPDATE audit_event SET actor = actor WHERE seq = 1"))
    _refused(books, "UPDATE audit_event SET actor = actor WHERE seq = 1", "append-only", None)
