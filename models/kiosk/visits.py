"""Anonymous visit counts in a local SQLite file: when a visit began and ended, the stations
used and the language. Nothing personal is ever stored (no names, no answers, no input).

``VisitLog(path)`` is used by the kiosk; ``report_csv(path)`` is ``ermu-cli kiosk report``.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    ended TEXT,
    stations TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT ''
)
"""
HEADER = ("visit", "started", "ended", "seconds", "stations", "language")


def default_path() -> Path:
    from ..paths import data_dir

    return data_dir() / "kiosk-visits.sqlite3"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class VisitLog:
    """One visit at a time: ``start()``, ``station(name)``, ``language(code)``, ``end()``."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._current: int | None = None
        self._stations: list[str] = []
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5)
        db.execute("PRAGMA synchronous=NORMAL")  # with WAL: safe after a crash, no fsync per touch
        return db

    @property
    def active(self) -> bool:
        return self._current is not None

    def start(self, language: str) -> None:
        if self._current is not None:
            return
        self._stations = []
        with self._connect() as db:
            self._current = db.execute("INSERT INTO visits (started, language) VALUES (?, ?)",
                                       (_now(), language)).lastrowid

    def station(self, name: str) -> None:
        if self._current is None or name in self._stations:
            return
        self._stations.append(name)
        with self._connect() as db:
            db.execute("UPDATE visits SET stations = ? WHERE id = ?", (" ".join(self._stations), self._current))

    def language(self, code: str) -> None:
        if self._current is not None:
            with self._connect() as db:
                db.execute("UPDATE visits SET language = ? WHERE id = ?", (code, self._current))

    def end(self) -> None:
        if self._current is None:
            return
        with self._connect() as db:
            db.execute("UPDATE visits SET ended = ? WHERE id = ?", (_now(), self._current))
        self._current = None

    def today(self) -> int:
        day = datetime.now(timezone.utc).date().isoformat()
        with self._connect() as db:
            return db.execute("SELECT COUNT(*) FROM visits WHERE started >= ?", (day,)).fetchone()[0]


def report_csv(path: str | Path | None = None) -> str:
    """Every visit as CSV (visit, started, ended, seconds, stations, language)."""
    from ..messages import ErmuError, msg
    from .profile import ProfileError, check_file

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    try:
        target = check_file(path if path is not None else default_path(), may_be_missing=True)
    except ProfileError as exc:
        raise ErmuError(exc.problems[0]) from None
    if target is None:  # no visit yet
        return out.getvalue()
    from urllib.parse import quote

    try:
        db = sqlite3.connect(f"file:{quote(str(target.resolve()))}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT id, started, ended, stations, language FROM visits ORDER BY id").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        raise ErmuError(msg("kiosk.visits.unreadable", "{where} is not a kiosk visit file.",
                            where=str(target))) from None
    for visit, started, ended, stations, language in rows:
        seconds = ""
        if ended:
            seconds = str(int((datetime.fromisoformat(ended) - datetime.fromisoformat(started)).total_seconds()))
        writer.writerow((visit, started, ended or "", seconds, stations, language))
    return out.getvalue()


__all__ = ["HEADER", "VisitLog", "default_path", "report_csv"]
