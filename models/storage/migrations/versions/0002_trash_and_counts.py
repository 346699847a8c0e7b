"""A trash (scenarios.deleted) and a stored household count for quick listing.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scenarios") as batch:
        batch.add_column(sa.Column("deleted", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("household_count", sa.Integer, nullable=False, server_default="0"))
        batch.create_index("ix_scenarios_deleted", ["deleted"])
    op.execute(
        "UPDATE scenarios SET household_count = "
        "(SELECT count(*) FROM households WHERE households.scenario_id = scenarios.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("scenarios") as batch:
        batch.drop_index("ix_scenarios_deleted")
        batch.drop_column("household_count")
        batch.drop_column("deleted")
