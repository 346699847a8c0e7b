"""The start-up check of a SQLite library file, and setting a damaged one aside.

A damaged file is renamed (never deleted) next to where it was, with its journal files,
so that it can still be rescued; the library then starts on a fresh, empty file.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")

log = logging.getLogger(__name__)


def problem_with(path: Path) -> str | None:
    """Why the file is not a healthy SQLite database, or None when it is (or does not exist)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        return "it is not a database file"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return f"SQLite cannot read it ({exc})"
    if [tuple(r) for r in rows] != [("ok",)]:
        return f"its integrity check failed ({rows[0][0]})"
    return None


def set_aside(path: Path) -> Path:
    """Rename a damaged file (and its journal files) out of the way; return the new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
    path.replace(target)
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    return target


def check_and_set_aside(path: Path) -> tuple[Path | None, str | None]:
    """Check the file; if damaged, set it aside. Returns (where it went, one sentence for people)."""
    reason = problem_with(path)
    if reason is None:
        return None, None
    aside = set_aside(path)
    log.info("library %s is damaged (%s); set aside as %s", path, reason, aside)
    return aside, (f"Your library file was damaged ({reason}), so Ermu kept it as {aside} "
                   "and started a new, empty library.")


__all__ = ["check_and_set_aside", "problem_with", "set_aside"]
