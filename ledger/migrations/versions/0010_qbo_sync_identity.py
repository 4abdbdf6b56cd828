"""QuickBooks sync: an install id, kept DocNumbers with a clash suffix, request generations

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-03 17:00:00.000000

Plain op.add_column (no batch_alter_table), so SQLite keeps migration 0006's triggers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox_item", sa.Column("doc_number", sa.String(length=21), nullable=True))
    op.add_column(
        "outbox_item",
        sa.Column("doc_suffix", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column(
        "outbox_item",
        sa.Column("push_generation", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "qbo_install",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("install_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("company_id"),
    )


def downgrade() -> None:
    op.drop_table("qbo_install")
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.drop_column("push_generation")
        batch_op.drop_column("doc_suffix")
        batch_op.drop_column("doc_number")
