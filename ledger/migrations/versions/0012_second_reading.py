"""journal_entry.second_reading: where Claude's second reading of a draft stands

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 17:00:00.000000

The card is posted from the offline reading at once and Claude's reading arrives later; the
state ("pending", "agreed", "differs", "unavailable"; NULL when no second reading was asked)
is stored so a restart or a second replica shows the same card and asks the same questions.
A plain ADD COLUMN (no batch rebuild), so migration 0006's guard triggers stay in place; the
column is not one the triggers freeze.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("journal_entry", sa.Column("second_reading", sa.String(length=16), nullable=True))


def downgrade() -> None:
    # SQLite >= 3.35 drops a column in place (no table rebuild, so the triggers stay).
    op.drop_column("journal_entry", "second_reading")
