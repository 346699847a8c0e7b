"""Schema migrations, applied at start-up from code with Alembic.

The migrations ship in this package (``migrations/``). :func:`upgrade` runs them on the
library's own connection inside one transaction. On PostgreSQL it first takes a
transaction-level advisory lock, so several machines starting at once against one shared
database migrate it once, one after another; on SQLite the transaction begins IMMEDIATE
for the same reason, and a copy of the file is kept before its schema changes.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from ..messages import msg
from . import backups
from .errors import NewerLibraryError

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "ermu_alembic_version"
#: An arbitrary constant naming Ermu's migration lock among other PostgreSQL advisory locks.
ADVISORY_LOCK_KEY = 0x45524D55_4C494200 >> 1


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> frozenset[str]:
    """Every schema revision this version of Ermu knows how to read."""
    return frozenset(r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def newer_library(where: str, revision: str) -> NewerLibraryError:
    return NewerLibraryError(msg(
        "storage.library.newer",
        "The library at {where} was written by a newer version of Ermu (schema revision {revision}), "
        "so this version left it unchanged: update Ermu to open it, or open another library.",
        where=where, revision=revision))


def refuse_newer(engine: Engine, where: str) -> None:
    """Raise :class:`NewerLibraryError` if the database has a revision this Ermu does not know."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision is not None and revision not in known_revisions():
        raise newer_library(where, revision)


def current_revision(connection: Connection) -> str | None:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def upgrade(engine: Engine, *, target: str = "head", backup_folder: Path | None = None,
            database_file: Path | None = None) -> bool:
    """Bring the schema to ``target``; return True if anything changed."""
    head = head_revision() if target == "head" else target
    if engine.dialect.name == "sqlite" and database_file is not None and backup_folder is not None:
        with engine.connect() as probe:
            before = current_revision(probe)
            has_tables = bool(probe.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar())
        if before == head:
            return False
        if has_tables:
            backups.before_migration(database_file, backup_folder, before)
    with engine.connect().execution_options(sqlite_immediate=True) as connection:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
            before = current_revision(connection)
            if before == head:
                return False
            if before is not None and before not in known_revisions():  # a newer Ermu got there first
                raise newer_library(engine.url.render_as_string(hide_password=True), before)
            command.upgrade(alembic_config(connection), target)
    return True


__all__ = ["ADVISORY_LOCK_KEY", "MIGRATIONS", "VERSION_TABLE", "current_revision", "head_revision",
           "known_revisions", "newer_library", "refuse_newer", "upgrade"]
