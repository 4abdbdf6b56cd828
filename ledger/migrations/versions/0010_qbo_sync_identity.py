"""QuickBooks sync: an install id, kept DocNumbers with a clash suffix, request generations,
the company's request budget shared by every process, and drift (changes made in QuickBooks)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 17:00:00.000000

Plain op.add_column (no batch_alter_table), so SQLite keeps migration 0006's triggers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
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
    op.add_column("outbox_item", sa.Column("drift", sa.String(length=16), nullable=True))
    op.add_column("outbox_item", sa.Column("drift_detail", sa.String(length=4000), nullable=True))
    op.add_column("outbox_item", sa.Column("drift_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "qbo_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("realm_id", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("operation", sa.String(length=16), nullable=False),
        sa.Column("changed_at", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "realm_id", "entity", "entity_id", "operation", "changed_at", name="uq_qbo_change"
        ),
    )
    op.create_index("ix_qbo_change_processed_at", "qbo_change", ["processed_at"])
    op.create_table(
        "qbo_cdc_cursor",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("changed_since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("company_id"),
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
    op.drop_table("qbo_cdc_cursor")
    op.drop_index("ix_qbo_change_processed_at", table_name="qbo_change")
    op.drop_table("qbo_change")
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.drop_column("drift_at")
        batch_op.drop_column("drift_detail")
        batch_op.drop_column("drift")
        batch_op.drop_column("push_generation")
        batch_op.drop_column("doc_suffix")
        batch_op.drop_column("doc_number")
