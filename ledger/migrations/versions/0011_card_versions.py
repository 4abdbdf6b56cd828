"""Card versions: ordered card updates (issue 12, defect 3)

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-03 17:00:00.000000

journal_entry.version and outbox_item.version count the changes an entry's card shows;
journal_entry.card_version is the version of the render last sent to the card, so an older
render arriving late is dropped and a card left behind is re-rendered by the sync pass.

Plain ADD COLUMN (no batch_alter_table): on SQLite a table rebuild would drop the guard
triggers of migration 0006. Not frozen columns: a posted entry may still change them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table, column in (
        ("journal_entry", "version"),
        ("journal_entry", "card_version"),
        ("outbox_item", "version"),
    ):
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place (no rebuild, so the 0006 triggers stay).
    op.drop_column("outbox_item", "version")
    op.drop_column("journal_entry", "card_version")
    op.drop_column("journal_entry", "version")
