"""Rolling backups of the SQLite library in ``data_dir()/backups``.

At each start a copy is made for the current day, ISO week and month if there is none yet,
and the oldest are pruned (7 daily, 5 weekly, 12 monthly). Before a schema migration a
further copy is always made, of which the last 3 are kept. Copies are made with SQLite's
own backup API, so they are consistent even while the file is in use.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

KEEP = {"daily": 7, "weekly": 5, "monthly": 12, "before-migration": 3}


def copy_database(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        target_connection = sqlite3.connect(partial)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    partial.replace(target)
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


def rotate(database: Path, folder: Path, now: datetime | None = None) -> list[Path]:
    """Make the day's, week's and month's copies that are missing; prune old ones."""
    if not database.exists() or database.stat().st_size == 0:
        return []
    now = now or datetime.now()
    made: list[Path] = []
    first: Path | None = None
    for period, name in _period_names(database.stem, now).items():
        target = folder / name
        if not target.exists():
            if first is None:
                first = copy_database(database, target)
            else:
                target.write_bytes(first.read_bytes())
            made.append(target)
        prune(folder, database.stem, period)
    return made


def before_migration(database: Path, folder: Path, from_revision: str | None) -> Path:
    """A copy made just before the schema of the file changes."""
    name = f"{database.stem}.before-migration-{datetime.now():%Y%m%d-%H%M%S}-from-{from_revision or 'none'}.sqlite3"
    target = copy_database(database, folder / name)
    prune(folder, database.stem, "before-migration")
    return target


__all__ = ["KEEP", "before_migration", "copy_database", "prune", "rotate"]
