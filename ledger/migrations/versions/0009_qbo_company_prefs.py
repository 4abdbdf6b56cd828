"""QuickBooks: keep what the connected company is like (country, account numbers on/off,
quantity tracking, multicurrency, duplicate-number warning), read on connect; SKUs mapped
to QuickBooks Items; entries sent as InventoryAdjustments with QuickBooks' own value.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table: no batch_alter_table, so the guard triggers of 0006 are untouched.
    op.create_table(
        "qbo_company_prefs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("use_account_numbers", sa.Boolean(), nullable=False),
        sa.Column("track_quantity", sa.Boolean(), nullable=False),
        sa.Column("multicurrency", sa.Boolean(), nullable=False),
        sa.Column("home_currency", sa.String(length=3), nullable=True),
        sa.Column("warn_duplicate_journal", sa.Boolean(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id"),
    )

    op.create_table(
        "qbo_item_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("qbo_id", sa.String(length=40), nullable=False),
        sa.Column("qbo_name", sa.String(length=200), nullable=False),
        sa.Column("tracked", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "sku", name="uq_qbo_item_sku"),
    )
    op.create_index(
        "ix_qbo_item_mapping_company_id", "qbo_item_mapping", ["company_id"], unique=False
    )
    op.create_table(
        "qbo_inventory_push",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("qbo_id", sa.String(length=40), nullable=False),
        sa.Column("adjust_account_id", sa.String(length=40), nullable=False),
        sa.Column("books_amount", sa.BigInteger(), nullable=False),
        sa.Column("qbo_amount", sa.BigInteger(), nullable=True),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.ForeignKeyConstraint(["entry_id"], ["journal_entry.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id"),
    )
    op.create_index(
        "ix_qbo_inventory_push_company_id", "qbo_inventory_push", ["company_id"], unique=False
    )
    op.create_table(
        "qbo_true_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("of_entry_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.ForeignKeyConstraint(["entry_id"], ["journal_entry.id"]),
        sa.ForeignKeyConstraint(["of_entry_id"], ["journal_entry.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id"),
    )
    op.create_index("ix_qbo_true_up_company_id", "qbo_true_up", ["company_id"], unique=False)
    op.create_index("ix_qbo_true_up_of_entry_id", "qbo_true_up", ["of_entry_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_qbo_true_up_of_entry_id", table_name="qbo_true_up")
    op.drop_index("ix_qbo_true_up_company_id", table_name="qbo_true_up")
    op.drop_table("qbo_true_up")
    op.drop_index("ix_qbo_inventory_push_company_id", table_name="qbo_inventory_push")
    op.drop_table("qbo_inventory_push")
    op.drop_index("ix_qbo_item_mapping_company_id", table_name="qbo_item_mapping")
    op.drop_table("qbo_item_mapping")
    op.drop_table("qbo_company_prefs")
