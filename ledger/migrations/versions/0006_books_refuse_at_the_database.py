"""The books refuse at the database: posted entries, their lines and the audit trail

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 14:00:00.000000

ledger/immutability.py refuses these changes at flush time, with words for the person whose
click went wrong. A Core statement, a script or a hand-typed SQL never passes through a
Session, so the database refuses them too, with triggers (plpgsql on PostgreSQL, RAISE on
SQLite):

- DELETE of a posted or reversed journal_entry, or of one of its journal_line rows;
- UPDATE of such an entry's id, company_id, number, entry_date, total, approved_by,
  approved_at, posted_at or reverses_id, and any status change but posted -> reversed;
- UPDATE of such an entry's lines' entry_id, account_id, debit, credit or company_id, and
  INSERT (or moving) a line into it;
- any UPDATE or DELETE of audit_event (and, on PostgreSQL, TRUNCATE of these tables).

Still allowed on a posted entry: reversed_by_id, the card (card_channel, card_ts), the
QuickBooks link (qbo_id, qbo_sync_token), updated_at and the other columns not listed.

SQLite's RAISE takes a fixed message, so there the words cannot name the entry number.

For later migrations: on SQLite, op.batch_alter_table on journal_entry, journal_line or
audit_event rebuilds the table and silently drops its triggers. Recreate them in the same
migration (tests/ledger/test_database_guard.py fails at head otherwise).
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen here, not imported: a migration must do the same thing whatever the code says later.
BOOKED = "('posted', 'reversed')"
FROZEN_ENTRY_COLUMNS = (
    "id",
    "company_id",
    "number",
    "entry_date",
    "total",
    "approved_by",
    "approved_at",
    "posted_at",
    "reverses_id",
)
FROZEN_LINE_COLUMNS = ("entry_id", "account_id", "debit", "credit", "company_id")
GUARDED_TABLES = ("journal_entry", "journal_line", "audit_event")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _postgresql():
            op.execute(statement)
    else:
        for _name, statement in _sqlite():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in GUARDED_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_guard_truncate ON {table}")
        for function in (
            "writeoff_guard_journal_entry",
            "writeoff_guard_journal_line",
            "writeoff_guard_audit_event",
            "writeoff_guard_truncate",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    else:
        for name, _statement in _sqlite():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def _postgresql() -> list[str]:
    frozen = ", ".join(f"'{c}'" for c in FROZEN_ENTRY_COLUMNS)
    line_changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in FROZEN_LINE_COLUMNS)
    return [
        f"""
CREATE FUNCTION writeoff_guard_journal_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    col text;
BEGIN
    IF OLD.status NOT IN {BOOKED} THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'journal entry % is %: it cannot be deleted (post a reversal instead)',
            OLD.number, OLD.status USING ERRCODE = 'restrict_violation';
    END IF;
    old_row := to_jsonb(OLD);
    new_row := to_jsonb(NEW);
    FOREACH col IN ARRAY ARRAY[{frozen}] LOOP
        IF new_row -> col IS DISTINCT FROM old_row -> col THEN
            RAISE EXCEPTION
                'journal entry % is %: its % cannot change (post a reversal instead)',
                OLD.number, OLD.status, col USING ERRCODE = 'restrict_violation';
        END IF;
    END LOOP;
    IF NEW.status IS DISTINCT FROM OLD.status
            AND NOT (OLD.status = 'posted' AND NEW.status = 'reversed') THEN
        RAISE EXCEPTION
            'journal entry % is %: its status cannot become % (post a reversal instead)',
            OLD.number, OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$
""",
        f"""
CREATE FUNCTION writeoff_guard_journal_line() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entry record;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT number, status INTO entry FROM journal_entry WHERE id = OLD.entry_id;
        IF entry.status IN {BOOKED} THEN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION
                    'journal entry % is %: its lines cannot be deleted (post a reversal instead)',
                    entry.number, entry.status USING ERRCODE = 'restrict_violation';
            END IF;
            IF {line_changed} THEN
                RAISE EXCEPTION
                    'journal entry % is %: the account and amounts of its line % cannot change '
                    '(post a reversal instead)',
                    entry.number, entry.status, OLD.line_no USING ERRCODE = 'restrict_violation';
            END IF;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.entry_id IS DISTINCT FROM OLD.entry_id THEN
        SELECT number, status INTO entry FROM journal_entry WHERE id = NEW.entry_id;
        IF entry.status IN {BOOKED} THEN
            RAISE EXCEPTION
                'journal entry % is %: no line can be added to it (post a reversal instead)',
                entry.number, entry.status USING ERRCODE = 'restrict_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$
""",
        """
CREATE FUNCTION writeoff_guard_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit event #% cannot be deleted: the audit trail is append-only',
            OLD.seq USING ERRCODE = 'restrict_violation';
    END IF;
    RAISE EXCEPTION 'audit event #% cannot be changed: the audit trail is append-only',
        OLD.seq USING ERRCODE = 'restrict_violation';
END
$$
""",
        f"""
CREATE FUNCTION writeoff_guard_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'audit_event'
            OR EXISTS (SELECT 1 FROM journal_entry WHERE status IN {BOOKED}) THEN
        RAISE EXCEPTION '% cannot be truncated: it holds posted entries or the audit trail',
            TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
END
$$
""",
        "CREATE TRIGGER journal_entry_guard BEFORE UPDATE OR DELETE ON journal_entry "
        "FOR EACH ROW EXECUTE FUNCTION writeoff_guard_journal_entry()",
        "CREATE TRIGGER journal_line_guard BEFORE INSERT OR UPDATE OR DELETE ON journal_line "
        "FOR EACH ROW EXECUTE FUNCTION writeoff_guard_journal_line()",
        "CREATE TRIGGER audit_event_guard BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION writeoff_guard_audit_event()",
        *(
            f"CREATE TRIGGER {table}_guard_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION writeoff_guard_truncate()"
            for table in GUARDED_TABLES
        ),
    ]


def _sqlite() -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER) pairs. RAISE's message must be a literal on SQLite."""

    def refuse(message: str) -> str:
        return f"BEGIN SELECT RAISE(ABORT, '{message} (post a reversal instead)'); END"

    entry_status = "(SELECT status FROM journal_entry WHERE id = {}.entry_id)"
    triggers = [
        (
            "journal_entry_refuse_delete",
            f"CREATE TRIGGER journal_entry_refuse_delete BEFORE DELETE ON journal_entry "
            f"FOR EACH ROW WHEN OLD.status IN {BOOKED} "
            + refuse("journal entry is posted: it cannot be deleted"),
        ),
        *(
            (
                f"journal_entry_refuse_{col}",
                f"CREATE TRIGGER journal_entry_refuse_{col} BEFORE UPDATE OF {col} "
                f"ON journal_entry FOR EACH ROW "
                f"WHEN OLD.status IN {BOOKED} AND NEW.{col} IS NOT OLD.{col} "
                + refuse(f"journal entry is posted: its {col} cannot change"),
            )
            for col in FROZEN_ENTRY_COLUMNS
        ),
        (
            "journal_entry_refuse_status",
            f"CREATE TRIGGER journal_entry_refuse_status BEFORE UPDATE OF status "
            f"ON journal_entry FOR EACH ROW "
            f"WHEN OLD.status IN {BOOKED} AND NEW.status IS NOT OLD.status "
            f"AND NOT (OLD.status = 'posted' AND NEW.status = 'reversed') "
            + refuse("journal entry is posted: its status can only become reversed"),
        ),
        (
            "journal_line_refuse_delete",
            f"CREATE TRIGGER journal_line_refuse_delete BEFORE DELETE ON journal_line "
            f"FOR EACH ROW WHEN {entry_status.format('OLD')} IN {BOOKED} "
            + refuse("journal entry is posted: its lines cannot be deleted"),
        ),
        (
            "journal_line_refuse_update",
            f"CREATE TRIGGER journal_line_refuse_update BEFORE UPDATE OF "
            f"{', '.join(FROZEN_LINE_COLUMNS)} ON journal_line FOR EACH ROW "
            f"WHEN {entry_status.format('OLD')} IN {BOOKED} AND ("
            + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FROZEN_LINE_COLUMNS)
            + ") "
            + refuse(
                "journal entry is posted: the accounts and amounts of its lines cannot change"
            ),
        ),
        (
            "journal_line_refuse_insert",
            f"CREATE TRIGGER journal_line_refuse_insert BEFORE INSERT ON journal_line "
            f"FOR EACH ROW WHEN {entry_status.format('NEW')} IN {BOOKED} "
            + refuse("journal entry is posted: no line can be added to it"),
        ),
        (
            "journal_line_refuse_move",
            f"CREATE TRIGGER journal_line_refuse_move BEFORE UPDATE OF entry_id ON journal_line "
            f"FOR EACH ROW WHEN NEW.entry_id IS NOT OLD.entry_id "
            f"AND {entry_status.format('NEW')} IN {BOOKED} "
            + refuse("journal entry is posted: no line can be added to it"),
        ),
        (
            "audit_event_refuse_update",
            "CREATE TRIGGER audit_event_refuse_update BEFORE UPDATE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, "
            "'audit events cannot be changed: the audit trail is append-only'); END",
        ),
        (
            "audit_event_refuse_delete",
            "CREATE TRIGGER audit_event_refuse_delete BEFORE DELETE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, "
            "'audit events cannot be deleted: the audit trail is append-only'); END",
        ),
    ]
    return triggers
