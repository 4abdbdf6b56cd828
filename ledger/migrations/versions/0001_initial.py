"""Initial ledger tables, the default company and its default chart of accounts

Revision ID: 0001
Revises:
Create Date: 2026-11-24 17:50:55.461856
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The default chart as it was seeded by this revision, frozen here: a migration must give
# the same database whatever ledger/chart.py says later. (code, name, type, subtype, contra)
SEED_CHART: tuple[tuple[str, str, str, str, bool], ...] = (
    ("1000", "Cash", "Bank", "CashOnHand", False),
    ("1200", "Inventory", "Other Current Asset", "Inventory", False),
    ("1290", "Inventory Reserve", "Other Current Asset", "AllowanceForBadDebts", True),
    ("5000", "Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs", False),
    ("5100", "Inventory Shrinkage", "Cost of Goods Sold", "OtherCostsOfServiceCos", False),
    ("5200", "Inventory Write-Off Expense", "Other Expense", "OtherMiscellaneousExpense", False),
    ("5300", "Loss on Inventory Write-Down", "Other Expense", "OtherMiscellaneousExpense", False),
    ("5400", "Inventory Obsolescence Expense", "Other Expense", "OtherMiscellaneousExpense", False),
)


def upgrade() -> None:
    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("next_entry_number", sa.Integer(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_head", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=60), nullable=False),
        sa.Column("subtype", sa.String(length=60), nullable=True),
        sa.Column("is_contra", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "code", name="uq_account_company_code"),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_company_id"), ["company_id"], unique=False)

    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit_cost", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "sku", name="uq_item_company_sku"),
    )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_company_id"), ["company_id"], unique=False)

    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=21), nullable=True),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("memo", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=True),
        sa.Column("reason", sa.String(length=60), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("reporter", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=64), nullable=True),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("card_channel", sa.String(length=64), nullable=True),
        sa.Column("card_ts", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("edited_by", sa.String(length=64), nullable=True),
        sa.Column("rejected_by", sa.String(length=64), nullable=True),
        sa.Column("rejection_reason", sa.String(length=500), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("reversed_by_id", sa.Integer(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reversed_by_id"],
            ["journal_entry.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["journal_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "idempotency_key", name="uq_entry_company_idem"),
        sa.UniqueConstraint("company_id", "number", name="uq_entry_company_number"),
    )
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_journal_entry_status"), ["status"], unique=False)

    op.create_table(
        "period_lock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopened_by", sa.String(length=64), nullable=True),
        sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "period", name="uq_period_company"),
    )
    with op.batch_alter_table("period_lock", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_period_lock_company_id"), ["company_id"], unique=False)

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "seq", name="uq_audit_company_seq"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "journal_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("debit", sa.BigInteger(), nullable=False),
        sa.Column("credit", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=True),
        sa.Column("quantity", sa.String(length=40), nullable=True),
        sa.Column("unit_cost", sa.String(length=40), nullable=True),
        sa.Column("location", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("journal_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_line_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_journal_line_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_journal_line_entry_id"), ["entry_id"], unique=False)
    _seed()


def _seed() -> None:
    """One default company with the default chart, used until channels map to companies."""
    now = datetime.now(UTC)
    company = sa.table(
        "company",
        sa.column("id", sa.Integer),
        sa.column("slug", sa.String),
        sa.column("name", sa.String),
        sa.column("currency", sa.String),
        sa.column("next_entry_number", sa.Integer),
        sa.column("audit_seq", sa.Integer),
        sa.column("audit_head", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(
        company,
        [
            {
                "id": 1,
                "slug": "default",
                "name": "Default company",
                "currency": "USD",
                "next_entry_number": 1,
                "audit_seq": 0,
                "audit_head": "0" * 64,
                "created_at": now,
            }
        ],
    )
    account = sa.table(
        "account",
        sa.column("company_id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("type", sa.String),
        sa.column("subtype", sa.String),
        sa.column("is_contra", sa.Boolean),
        sa.column("active", sa.Boolean),
        sa.column("balance", sa.BigInteger),
    )
    op.bulk_insert(
        account,
        [
            {
                "company_id": 1,
                "code": code,
                "name": name,
                "type": type_,
                "subtype": subtype,
                "is_contra": is_contra,
                "active": True,
                "balance": 0,
            }
            for code, name, type_, subtype, is_contra in SEED_CHART
        ],
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval('company_id_seq', (SELECT max(id) FROM company))")


def downgrade() -> None:
    with op.batch_alter_table("journal_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_line_entry_id"))
        batch_op.drop_index(batch_op.f("ix_journal_line_company_id"))
        batch_op.drop_index(batch_op.f("ix_journal_line_account_id"))

    op.drop_table("journal_line")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_entry_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_company_id"))

    op.drop_table("audit_event")
    with op.batch_alter_table("period_lock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_lock_company_id"))

    op.drop_table("period_lock")
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_status"))
        batch_op.drop_index(batch_op.f("ix_journal_entry_company_id"))

    op.drop_table("journal_entry")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_company_id"))

    op.drop_table("item")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_company_id"))

    op.drop_table("account")
    op.drop_table("company")
