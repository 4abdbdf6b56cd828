"""QuickBooks: true-ups, the drafts that bring the ledger to the value QuickBooks gave an
InventoryAdjustment (kept in the ledger only). A migration of its own: main already
applied 0009.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 17:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
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
