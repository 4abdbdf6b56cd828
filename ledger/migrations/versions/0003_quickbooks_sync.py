"""QuickBooks: connection, OAuth states, account mapping and the sync outbox

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 18:17:41.836540
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "qbo_account_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("account_code", sa.String(length=20), nullable=False),
        sa.Column("qbo_id", sa.String(length=40), nullable=False),
        sa.Column("qbo_name", sa.String(length=200), nullable=False),
        sa.Column("qbo_active", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "account_code", name="uq_qbo_mapping_code"),
    )
    with op.batch_alter_table("qbo_account_mapping", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_qbo_account_mapping_company_id"), ["company_id"], unique=False
        )

    op.create_table(
        "qbo_connection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("realm_id", sa.String(length=40), nullable=False),
        sa.Column("company_name", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("broken_reason", sa.String(length=500), nullable=True),
        sa.Column("access_token_enc", sa.Text(), nullable=False),
        sa.Column("refresh_token_enc", sa.Text(), nullable=False),
        sa.Column("access_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("refresh_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("refresh_warned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("connected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id"),
    )
    op.create_table(
        "qbo_oauth_state",
        sa.Column("state", sa.String(length=100), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.PrimaryKeyConstraint("state"),
    )
    op.create_table(
        "outbox_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.String(length=80), nullable=True),
        sa.Column("needs_reconcile", sa.Boolean(), nullable=False),
        sa.Column("external_id", sa.String(length=40), nullable=True),
        sa.Column("last_error", sa.String(length=1000), nullable=True),
        sa.Column("last_error_code", sa.String(length=20), nullable=True),
        sa.Column("failing_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("alert_channel", sa.String(length=64), nullable=True),
        sa.Column("alert_ts", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id"),
    )
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_due", ["company_id", "status", "next_attempt_at"], unique=False
        )

    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("qbo_id", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("qbo_sync_token", sa.String(length=20), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_column("qbo_sync_token")
        batch_op.drop_column("qbo_id")

    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_due")

    op.drop_table("outbox_item")
    op.drop_table("qbo_oauth_state")
    op.drop_table("qbo_connection")
    with op.batch_alter_table("qbo_account_mapping", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qbo_account_mapping_company_id"))

    op.drop_table("qbo_account_mapping")
