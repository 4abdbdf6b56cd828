"""journal_line.item_quantity: a line's quantity in its item's own unit

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 15:00:00.000000

A draft may count pieces of an item the item list (and QuickBooks) keeps by the case: "18
cans" of a case-of-12 line is quantity 18, valued as 1.5 cases. A QuickBooks
InventoryAdjustment moves the item's own unit, so the line keeps that count too (NULL: the
quantity is already in the item's unit; every line written before this migration).
A plain ADD COLUMN (no batch rebuild), so migration 0006's guard triggers stay in place; like
quantity, the column is not one the triggers freeze.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ExactDecimal's storage: the decimal's exact text
    op.add_column("journal_line", sa.Column("item_quantity", sa.String(length=40), nullable=True))


def downgrade() -> None:
    # SQLite >= 3.35 drops a column in place (no table rebuild, so the triggers stay).
    op.drop_column("journal_line", "item_quantity")
