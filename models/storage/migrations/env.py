"""Alembic environment: runs on the connection the library hands over, never its own.

Started only from :func:`ermu.models.storage.migrate.upgrade`, which passes the open
connection in ``config.attributes["connection"]`` (already inside a transaction and, on
PostgreSQL, holding the migration lock). No logging configuration, no ini file.
"""

from __future__ import annotations

from alembic import context

from ermu.models.storage.orm import Base

VERSION_TABLE = "ermu_alembic_version"

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("Ermu's migrations run only from ermu.models.storage.migrate, on a live connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
