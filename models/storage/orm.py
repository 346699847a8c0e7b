"""The library's tables, as SQLAlchemy 2 typed mappings.

Plain tables a teacher can query with any SQL tool::

    SELECT s.title, h.number, p.name, p.age
      FROM scenarios s JOIN households h ON h.scenario_id = s.id
      JOIN people p ON p.scenario_id = h.scenario_id AND p.household_number = h.number;

Households and people have composite keys (scenario, number[, position]) so that a
village of ten thousand households is written in a few bulk statements. Only the engine
parameters (a small, validated dict) are a JSON column. Every change to this file needs a
migration in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (JSON, BigInteger, Boolean, Column, DateTime, ForeignKey, ForeignKeyConstraint,
                        Index, Integer, MetaData, SmallInteger, String, Table, Text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


scenario_tags = Table(
    "scenario_tags", Base.metadata,
    Column("scenario_id", Integer, ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class ScenarioRow(Base):
    __tablename__ = "scenarios"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    regime: Mapped[str | None] = mapped_column(String(40), index=True)
    seed: Mapped[int | None] = mapped_column(BigInteger)
    parameters: Mapped[dict] = mapped_column(JSON)
    notes: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(100), default="", index=True)
    household_count: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deleted: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)  # in the trash
    schema_version: Mapped[int] = mapped_column(SmallInteger, default=1)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    tags: Mapped[list[TagRow]] = relationship(secondary=scenario_tags, lazy="selectin", order_by=TagRow.name)

    __mapper_args__ = {"version_id_col": version}


class HouseholdRow(Base):
    __tablename__ = "households"

    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0..N-1 in geographic order
    family: Mapped[str] = mapped_column(String(50), default="")
    setting: Mapped[str] = mapped_column(String(10))  # rural | suburban | urban | capital
    registered: Mapped[bool] = mapped_column(Boolean)
    adult_males: Mapped[int] = mapped_column(SmallInteger)


class PersonRow(Base):
    __tablename__ = "people"

    scenario_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)  # 0 is the head
    name: Mapped[str] = mapped_column(String(100))
    hanzi: Mapped[str] = mapped_column(String(50), default="")
    sex: Mapped[str] = mapped_column(String(1))  # m | f
    age: Mapped[int] = mapped_column(SmallInteger)

    __table_args__ = (
        ForeignKeyConstraint(["scenario_id", "household_number"],
                             ["households.scenario_id", "households.number"], ondelete="CASCADE",
                             name="fk_people_household"),
        Index("ix_people_name", "name"),
    )


__all__ = ["Base", "HouseholdRow", "PersonRow", "ScenarioRow", "TagRow", "scenario_tags"]
