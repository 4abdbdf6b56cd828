"""QuickBooks sync: an install id, kept DocNumbers with a clash suffix, request generations,
and the company's request budget shared by every process

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
    op.create_table(
        "qbo_request_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("realm_id", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.Float(), nullable=False),
        sa.Column("finished_at", sa.Float(), nullable=True),
        sa.Column("batch", sa.Boolean(), nullable=False),
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_qbo_request_slot_realm_started", "qbo_request_slot", ["realm_id", "started_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_qbo_request_slot_realm_started", table_name="qbo_request_slot")
    op.drop_table("qbo_request_slot")
    op.drop_table("qbo_install")
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.drop_column("push_generation")
        batch_op.drop_column("doc_suffix")
        batch_op.drop_column("doc_number")
