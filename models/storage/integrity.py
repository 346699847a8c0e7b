"""The start-up check of a SQLite library file, and setting a damaged one aside.

Before Ermu writes anything to a library file it looks at it, read-only:

- **damaged** (not a database, or SQLite's quick check fails): the file is renamed (never
  deleted) next to where it was, with its journal files, so that it can still be rescued;
  the library then starts on a fresh, empty file and says so in one sentence;
- **empty** (0 bytes): it becomes a new library, and the sentence points to the backups;
- **foreign** (a SQLite database with tables, none of them Ermu's): refused, never adopted;
- **newer** (an Alembic revision this Ermu does not know): refused, never written.

SQLite's own report may contain bytes that are not UTF-8 (it quotes the damaged pages),
so every text it returns is decoded with replacement characters.
"""

from __future__ import annotations

import logging
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

from ..messages import Message, msg
from .errors import DatabaseUnavailableError, ForeignDatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")
#: The tables of an Ermu library (any one of them makes a file Ermu's).
ERMU_TABLES = frozenset({"scenarios", "households", "people", "tags", "scenario_tags", "ermu_alembic_version"})

log = logging.getLogger(__name__)


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{path}?mode={mode}", uri=True, timeout=30)
    connection.text_factory = _text
    return connection


def problem_with(path: Path) -> str | None:
    """Why the file is not a healthy SQLite database, or None when it is (or does not exist)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        return "it is not a database file"
    try:
        connection = _connect(path, "rw")
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "unable to open" in str(exc) or "readonly" in str(exc):
            return None  # not damage: busy or not ours to write; the library says so if it matters
        return f"SQLite cannot read it ({_short(exc)})"
    except (sqlite3.DatabaseError, UnicodeError) as exc:
        return f"SQLite cannot read it ({_short(exc)})"
    if [tuple(r) for r in rows] != [("ok",)]:
        return f"its integrity check failed ({_short(rows[0][0] if rows and rows[0] else 'no report')})"
    return None


def _short(text: object) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 120 else text[:117] + "…"


def tables_of(path: Path) -> set[str] | None:
    """The table names of a healthy SQLite file, read-only; None if it cannot be read."""
    try:
        connection = _connect(path, "ro")
        try:
            return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except (sqlite3.Error, UnicodeError):
        return None


def revision_of(path: Path, version_table: str) -> str | None:
    """The Alembic revision recorded in the file (None: none, or it cannot be read)."""
    try:
        connection = _connect(path, "ro")
        try:
            row = connection.execute(f"SELECT version_num FROM {version_table} LIMIT 1").fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, UnicodeError):
        return None
    return None if row is None else str(row[0])


def refuse_foreign(path: Path) -> None:
    """Raise :class:`ForeignDatabaseError` if the file is another application's database."""
    tables = tables_of(path)
    if not tables:
        return
    if tables & ERMU_TABLES:
        return
    names = ", ".join(sorted(tables)[:3]) + (", …" if len(tables) > 3 else "")
    raise ForeignDatabaseError(msg(
        "storage.library.foreign",
        "The file {path} is another application's database (it holds the tables {names} and none of "
        "Ermu's), so Ermu left it untouched: choose another file for the library.",
        path=str(path), names=names))


def set_aside(path: Path, label: str = "damaged") -> Path:
    """Rename a file (and its journal files) out of the way; return the new name.

    Only an ordinary file is ever moved: a device, a pipe or a socket (a library URL naming
    /dev/zero, say) is refused, never renamed.
    """
    if not stat.S_ISREG(path.stat().st_mode):
        raise DatabaseUnavailableError(msg(
            "storage.library.not-regular",
            "{path} is not an ordinary file (it is a device, a pipe or a socket), so it cannot hold a "
            "library: give the name of a file.", path=str(path)))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{counter}{path.suffix}")
    path.replace(target)
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    return target


def check_and_set_aside(path: Path) -> tuple[Path | None, Message | None]:
    """Check the file; if damaged, set it aside. Returns (where it went, a message for people)."""
    reason = problem_with(path)
    if reason is None:
        return None, None
    aside = set_aside(path)
    log.info("library %s is damaged (%s); set aside as %s", path, reason, aside)
    return aside, msg("storage.library.damaged",
                      "Your library file was damaged ({reason}), so Ermu kept it as {aside} "
                      "and started a new, empty library.", reason=reason, aside=str(aside))


__all__ = ["COMPANIONS", "ERMU_TABLES", "check_and_set_aside", "problem_with", "refuse_foreign", "revision_of",
           "set_aside", "tables_of"]
