"""Which database the library uses, and how to connect to it.

By default a SQLite file in the per-user data folder, in WAL mode with foreign keys on.
A school or museum that shares one library gives a SQLAlchemy URL with ``--database-url``
or ``ERMU_DATABASE_URL``; PostgreSQL (``postgresql+psycopg://user@host/db``) is the one
we test. ``postgresql://`` URLs are read as psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, InvalidRequestError

from ..messages import msg
from ..paths import data_dir
from .errors import DatabaseUnavailableError

#: The databases Ermu is tested with; other SQLAlchemy dialects may work if their driver is installed.
SUPPORTED = ("sqlite", "postgresql")

DATABASE_FILE = "library.sqlite3"
URL_VARIABLE = "ERMU_DATABASE_URL"


def default_url() -> str:
    from ..paths import FolderError

    try:
        return f"sqlite:///{data_dir() / DATABASE_FILE}"
    except FolderError as exc:  # the library cannot open: say why, as the library's own error
        raise DatabaseUnavailableError(exc.message) from None


def resolve_url(url: str | None = None) -> URL:
    """The URL to use: the one given, else ``ERMU_DATABASE_URL``, else the per-user file."""
    text = url or os.environ.get(URL_VARIABLE) or default_url()
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise DatabaseUnavailableError(msg(
            "storage.url.control-character",
            "The database address contains a control character (such as NUL or a line break): write it on "
            "one line, like postgresql://user@server/database."))
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError, TypeError):
        raise DatabaseUnavailableError(
            "the database address is not a URL Ermu understands: write it like "
            "postgresql://user@server/database or sqlite:///path/to/library.sqlite3") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """The URL as it may be shown to people: never with a password."""
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; a driver that is not installed is one sentence, not a traceback."""
    try:
        return _make_engine(url)
    except (ImportError, ArgumentError, InvalidRequestError, TypeError, ValueError) as exc:
        backend = url.get_backend_name()
        raise DatabaseUnavailableError(msg(
            "storage.url.no-driver",
            "Ermu cannot reach a database through {driver}: that driver is not installed or does not work "
            "with Ermu, so use a PostgreSQL address (postgresql://user@server/database) or a SQLite file.",
            backend=backend, driver=url.drivername, reason=str(exc)[:120])) from None


def _make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        _sqlite_events(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2)


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (so that
        # migrations are transactional too), then switch on WAL and foreign keys.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # IMMEDIATE: take the write lock at the start, so two writers queue instead of failing.
        mode = "IMMEDIATE" if connection.get_execution_options().get("sqlite_immediate") else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")


__all__ = ["DATABASE_FILE", "URL_VARIABLE", "default_url", "describe", "make_engine", "resolve_url",
           "sqlite_path"]
