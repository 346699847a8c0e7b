"""The first library schema: scenarios, households, people, tags.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scenarios",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("regime", sa.String(40)),
        sa.Column("seed", sa.BigInteger),
        sa.Column("parameters", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("schema_version", sa.SmallInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scenarios"),
    )
    op.create_index("ix_scenarios_title", "scenarios", ["title"])
    op.create_index("ix_scenarios_regime", "scenarios", ["regime"])
    op.create_index("ix_scenarios_author", "scenarios", ["author"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "scenario_tags",
        sa.Column("scenario_id", sa.Integer, nullable=False),
        sa.Column("tag_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("scenario_id", "tag_id", name="pk_scenario_tags"),
        sa.ForeignKeyConstraint(["scenario_id"], ["scenarios.id"], ondelete="CASCADE",
                                name="fk_scenario_tags_scenario_id_scenarios"),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE",
                                name="fk_scenario_tags_tag_id_tags"),
    )
    op.create_table(
        "households",
        sa.Column("scenario_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("family", sa.String(50), nullable=False),
        sa.Column("setting", sa.String(10), nullable=False),
        sa.Column("registered", sa.Boolean, nullable=False),
        sa.Column("adult_males", sa.SmallInteger, nullable=False),
        sa.PrimaryKeyConstraint("scenario_id", "number", name="pk_households"),
        sa.ForeignKeyConstraint(["scenario_id"], ["scenarios.id"], ondelete="CASCADE",
                                name="fk_households_scenario_id_scenarios"),
    )
    op.create_table(
        "people",
        sa.Column("scenario_id", sa.Integer, nullable=False),
        sa.Column("household_number", sa.Integer, nullable=False),
        sa.Column("position", sa.SmallInteger, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("hanzi", sa.String(50), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("age", sa.SmallInteger, nullable=False),
        sa.PrimaryKeyConstraint("scenario_id", "household_number", "position", name="pk_people"),
        sa.ForeignKeyConstraint(["scenario_id", "household_number"], ["households.scenario_id", "households.number"],
                                ondelete="CASCADE", name="fk_people_household"),
    )
    op.create_index("ix_people_name", "people", ["name"])


def downgrade() -> None:
    for table in ("people", "households", "scenario_tags", "tags", "scenarios"):
        op.drop_table(table)
