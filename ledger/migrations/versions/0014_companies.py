"""companies: per-company settings, channel links, entry number prefix, workspace

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-03 17:45:00.000000

One deployment keeps the books of several companies. The existing company (the first) keeps
everything it has: its settings stay in the environment (a company_setting row overrides
one), its numbering continues with the prefix "JE-", and it belongs to the deployment's
workspace (team_id NULL). Plain ADD COLUMN and CREATE TABLE (no batch rebuild), so
migration 0006's guard triggers stay in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "company",
        sa.Column("number_prefix", sa.String(length=8), nullable=False, server_default="JE-"),
    )
    op.add_column("company", sa.Column("team_id", sa.String(length=32), nullable=True))
    op.create_table(
        "company_setting",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=4000), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("company_id", "key"),
    )
    op.create_table(
        "channel_link",
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("linked_by", sa.String(length=64), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("channel_id"),
    )
    op.create_index("ix_channel_link_company_id", "channel_link", ["company_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_channel_link_company_id", table_name="channel_link")
    op.drop_table("channel_link")
    op.drop_table("company_setting")
    # SQLite >= 3.35 drops a column in place (no table rebuild, so the triggers stay).
    op.drop_column("company", "team_id")
    op.drop_column("company", "number_prefix")
