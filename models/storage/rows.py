"""Between plain scenarios and table rows: write a village in bulk, read it back in order."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..population import Household, Person, Population, Setting, Sex
from .orm import HouseholdRow, PersonRow, ScenarioRow, TagRow
from .scenario import Scenario, ScenarioSummary

_SETTINGS = {s.label: s for s in Setting}
HOUSEHOLDS, PEOPLE = HouseholdRow.__tablename__, PersonRow.__tablename__
HOUSEHOLD_COLUMNS = ("scenario_id", "number", "family", "setting", "registered", "adult_males")
PERSON_COLUMNS = ("scenario_id", "household_number", "position", "name", "hanzi", "sex", "age")
_SEXES = {s.value: s for s in Sex}


def utc(moment: datetime | None) -> datetime | None:
    """Times are stored in UTC; SQLite gives them back without a zone."""
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def for_storage(moment: datetime) -> datetime:
    return utc(moment)  # type: ignore[return-value]


def write_population(session: Session, scenario_id: int, population: Population, *, replace: bool) -> None:
    """Insert (or replace) the households and people of one scenario, in bulk."""
    if replace:
        session.execute(delete(PersonRow).where(PersonRow.scenario_id == scenario_id))
        session.execute(delete(HouseholdRow).where(HouseholdRow.scenario_id == scenario_id))
    households: list[tuple] = []
    people: list[tuple] = []
    for number, household in enumerate(population):
        households.append((scenario_id, number, household.family, household.setting.label,
                           bool(household.registered), int(household.adult_males)))
        people.extend((scenario_id, number, position, p.name, p.hanzi, p.sex.value, int(p.age))
                      for position, p in enumerate(household.members))
    if not households:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":  # COPY: ten times faster than INSERTs
        with connection.connection.driver_connection.cursor() as cursor:
            for table, columns, rows in ((HOUSEHOLDS, HOUSEHOLD_COLUMNS, households),
                                         (PEOPLE, PERSON_COLUMNS, people)):
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
    elif connection.dialect.name == "sqlite":  # plain executemany, without per-row bind processing
        connection.exec_driver_sql(f"INSERT INTO {HOUSEHOLDS} ({', '.join(HOUSEHOLD_COLUMNS)}) "
                                   "VALUES (?, ?, ?, ?, ?, ?)", households)
        connection.exec_driver_sql(f"INSERT INTO {PEOPLE} ({', '.join(PERSON_COLUMNS)}) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)", people)
    else:  # pragma: no cover - other databases
        session.execute(insert(HouseholdRow.__table__), [dict(zip(HOUSEHOLD_COLUMNS, r)) for r in households])
        session.execute(insert(PersonRow.__table__), [dict(zip(PERSON_COLUMNS, r)) for r in people])


def read_population(session: Session, scenario_id: int) -> Population:
    members: dict[int, list[Person]] = {}
    person_rows = session.execute(
        select(PersonRow.household_number, PersonRow.name, PersonRow.hanzi, PersonRow.sex, PersonRow.age)
        .where(PersonRow.scenario_id == scenario_id)
        .order_by(PersonRow.household_number, PersonRow.position))
    for number, name, hanzi, sex, age in person_rows:
        members.setdefault(number, []).append(Person(name, hanzi, _SEXES[sex], age))
    household_rows = session.execute(
        select(HouseholdRow.number, HouseholdRow.family, HouseholdRow.setting, HouseholdRow.registered,
               HouseholdRow.adult_males)
        .where(HouseholdRow.scenario_id == scenario_id).order_by(HouseholdRow.number))
    return Population.from_households(
        Household(id=number, members=tuple(members.get(number, ())), adult_males=adult_males,
                  registered=bool(registered), family=family, setting=_SETTINGS[setting])
        for number, family, setting, registered, adult_males in household_rows)


def to_scenario(session: Session, row: ScenarioRow) -> Scenario:
    """A detached plain scenario with its whole village."""
    return Scenario(
        id=row.id, version=row.version, title=row.title, kind=row.kind, regime=row.regime,
        population=read_population(session, row.id), parameters=dict(row.parameters or {}), seed=row.seed,
        notes=row.notes, tags=sorted((t.name for t in row.tags), key=str.casefold), author=row.author,
        created=utc(row.created), updated=utc(row.updated), schema_version=row.schema_version,
    )


def to_summary(row: ScenarioRow) -> ScenarioSummary:
    return ScenarioSummary(
        id=row.id, title=row.title, kind=row.kind, regime=row.regime, author=row.author,
        tags=tuple(sorted((t.name for t in row.tags), key=str.casefold)), household_count=row.household_count,
        created=utc(row.created), updated=utc(row.updated), version=row.version, read_only=False,
        deleted=utc(row.deleted),
    )


def normal_tags(tags: Iterable[str]) -> list[str]:
    """Tags trimmed, without empties or repeats (in any case), sorted as people read them."""
    seen: dict[str, None] = {}
    for tag in tags:
        text = " ".join(str(tag).split())[:60]
        if text and text.casefold() not in {t.casefold() for t in seen}:
            seen[text] = None
    return sorted(seen, key=str.casefold)


def tag_rows(session: Session, names: list[str]) -> list[TagRow]:
    """The tag rows for these names, creating missing ones even if another machine races us."""
    if not names:
        return []
    dialect = session.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        module = __import__(f"sqlalchemy.dialects.{dialect}", fromlist=["insert"])
        statement = module.insert(TagRow.__table__).on_conflict_do_nothing(index_elements=["name"])
        session.execute(statement, [{"name": n} for n in names])
    else:  # pragma: no cover - other databases: best effort
        existing = set(session.scalars(select(TagRow.name).where(TagRow.name.in_(names))))
        session.add_all(TagRow(name=n) for n in names if n not in existing)
        session.flush()
    found = {t.name: t for t in session.scalars(select(TagRow).where(TagRow.name.in_(names)))}
    return [found[n] for n in names]


__all__ = ["for_storage", "normal_tags", "read_population", "tag_rows", "to_scenario", "to_summary", "utc",
           "write_population"]
