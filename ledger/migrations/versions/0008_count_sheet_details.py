"""Evidence: keep what a count sheet said (lines read, unchanged, skipped, unreadable)

The summary card of a count is rebuilt from the books after Approve or Reject; lines that
were unchanged, unreadable or could not be valued are in no entry, so the sheet's own
figures are kept with its evidence row.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-03 17:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain add_column (no batch on SQLite): batch would recreate the table and drop the
    # guard triggers of migration 0006.
    op.add_column("evidence", sa.Column("details", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("details")
