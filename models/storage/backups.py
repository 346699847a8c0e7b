"""Rolling backups of the SQLite library in ``data_dir()/backups``, and restoring one.

At each start a copy is made for the current day, ISO week and month if there is none yet,
and the oldest are pruned (7 daily, 5 weekly, 12 monthly). Before a schema migration and
before a restore a further copy is always made, of which the last 3 are kept. Copies are
made with SQLite's own backup API, so they are consistent even while the file is in use;
each is written to a uniquely named temporary and renamed into place, so two processes
starting at once never write the same file. A library without scenarios is not copied:
an empty copy must never push out a copy that holds a teacher's work.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .tempfiles import clean_stale, create_temp

KEEP = {"daily": 7, "weekly": 5, "monthly": 12, "before-migration": 3, "before-restore": 10}
_PERIOD = re.compile(r"\.(daily|weekly|monthly|before-migration|before-restore)-")


@dataclass(frozen=True)
class Backup:
    """One copy of the library: where it is, what kind, when it was made, what it holds."""

    path: Path
    period: str
    made: datetime
    scenarios: int | None  # None: the copy cannot be read
    size: int

    def to_json(self) -> dict:
        return {"file": str(self.path), "period": self.period, "made": self.made.isoformat(timespec="seconds"),
                "scenarios": self.scenarios, "bytes": self.size}


def _connect_ro(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    return connection


def scenario_count(path: Path) -> int | None:
    """How many scenarios (outside the trash) a library file holds; None if it cannot tell."""
    try:
        connection = _connect_ro(path)
        try:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(scenarios)")}
            if not columns:
                return 0 if not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] else None
            where = " WHERE deleted IS NULL" if "deleted" in columns else ""
            return int(connection.execute(f"SELECT count(*) FROM scenarios{where}").fetchone()[0])
        finally:
            connection.close()
    except (sqlite3.Error, OSError, UnicodeError):
        return None


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target`` (through a unique temporary)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = create_temp(target)
    os.close(fd)
    try:
        source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        try:
            target_connection = sqlite3.connect(partial)
            try:
                source_connection.backup(target_connection)
                # A backup is one plain file: no -wal or -shm beside it when it is read later.
                target_connection.execute("PRAGMA journal_mode = DELETE")
            finally:
                target_connection.close()
        finally:
            source_connection.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _period_names(stem: str, now: datetime) -> dict[str, str]:
    year, week, _ = now.isocalendar()
    return {
        "daily": f"{stem}.daily-{now:%Y-%m-%d}.sqlite3",
        "weekly": f"{stem}.weekly-{year}-W{week:02d}.sqlite3",
        "monthly": f"{stem}.monthly-{now:%Y-%m}.sqlite3",
    }


def prune(folder: Path, stem: str, period: str) -> None:
    copies = sorted(folder.glob(f"{stem}.{period}-*.sqlite3"))  # names sort by date
    for old in copies[: max(len(copies) - KEEP[period], 0)]:
        old.unlink(missing_ok=True)


def clean_partials(folder: Path, stem: str) -> list[Path]:
    """Remove the temporaries of copies interrupted by a crash (older ones and old-style)."""
    removed = clean_stale(folder, f".{stem}.*.tmp")
    removed += clean_stale(folder, f"{stem}.*.sqlite3.partial", older_than=0)
    return removed


def rotate(database: Path, folder: Path, now: datetime | None = None) -> list[Path]:
    """Make the day's, week's and month's copies that are missing; prune old ones."""
    if not database.exists() or database.stat().st_size == 0 or scenario_count(database) == 0:
        return []
    now = now or datetime.now()
    made: list[Path] = []
    first: Path | None = None
    for period, name in _period_names(database.stem, now).items():
        target = folder / name
        if not target.exists():
            if first is None:
                first = copy_database(database, target)
            else:  # the same copy: it carries the first one's time, so lists show them as one moment
                copy_database(first, target)
                moment = first.stat().st_mtime
                os.utime(target, (moment, moment))
            made.append(target)
        prune(folder, database.stem, period)
    return made


def before(database: Path, folder: Path, what: str, detail: str = "") -> Path:
    """A copy made just before the file changes as a whole (``what``: migration or restore)."""
    name = f"{database.stem}.before-{what}-{datetime.now():%Y%m%d-%H%M%S}{detail}.sqlite3"
    target = copy_database(database, folder / name)
    prune(folder, database.stem, f"before-{what}")
    return target


def before_migration(database: Path, folder: Path, from_revision: str | None) -> Path:
    """A copy made just before the schema of the file changes."""
    return before(database, folder, "migration", f"-from-{from_revision or 'none'}")


def list_backups(folder: Path, stem: str) -> list[Backup]:
    """Every backup of the library named ``stem`` in ``folder``, newest first."""
    found: list[Backup] = []
    try:
        candidates = list(folder.glob(f"{stem}.*.sqlite3"))
    except OSError:
        return found
    for path in candidates:
        match = _PERIOD.search(path.name[len(stem):])
        if match is None or not path.is_file():
            continue
        stat = path.stat()
        found.append(Backup(path, match.group(1), datetime.fromtimestamp(stat.st_mtime),
                            scenario_count(path), stat.st_size))
    rank = {period: i for i, period in enumerate(reversed(list(KEEP)))}  # the same moment: daily first
    return sorted(found, key=lambda b: (b.made.replace(microsecond=0), rank[b.period], b.path.name), reverse=True)


def restore_into(database: Path, backup: Path) -> None:
    """Copy ``backup`` into ``database`` page by page (through SQLite, so its journal stays right)."""
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True, timeout=30)
    try:
        target = sqlite3.connect(database, timeout=30)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


__all__ = ["KEEP", "Backup", "before", "before_migration", "clean_partials", "copy_database", "list_backups",
           "prune", "restore_into", "rotate", "scenario_count"]
