"""QuickBooks: keep what the connected company is like (country, account numbers on/off,
quantity tracking, multicurrency, duplicate-number warning), read on connect.

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-03 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
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


def downgrade() -> None:
    op.drop_table("qbo_company_prefs")
