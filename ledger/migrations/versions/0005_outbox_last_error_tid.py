"""Outbox: keep the intuit_tid of the last QuickBooks failure (Intuit support asks for it)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 13:46:56.417386
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_error_tid", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.drop_column("last_error_tid")
