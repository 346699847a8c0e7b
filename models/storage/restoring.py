"""Restoring the SQLite library from one of its rolling backups.

Works without opening the library first, so that ``ermu-cli library restore`` helps even
when the library itself cannot be opened (emptied, damaged, written by a newer Ermu).
The library as it was is never lost: a sound file is copied among the backups
(``before-restore``), an unreadable one is set aside beside it; a file that belongs to
another application is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..messages import Message, msg
from . import backups
from .backups import Backup
from .errors import BackupError
from .integrity import ERMU_TABLES, problem_with, refuse_foreign, revision_of, set_aside, tables_of
from .locking import library_lock


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup it used and where the library as it was is kept."""

    backup: Backup
    kept: Path | None

    def message(self) -> Message:
        params = {"period": self.backup.period, "made": self.backup.made.strftime("%Y-%m-%d %H:%M"),
                  "count": self.backup.scenarios or 0, "kept": str(self.kept)}
        if self.kept is None:
            return Message("storage.backup.restored",
                           "Restored the library from the {period} backup of {made} ({count} scenario).", params,
                           plural="Restored the library from the {period} backup of {made} ({count} scenarios).",
                           count="count")
        return Message("storage.backup.restored-kept",
                       "Restored the library from the {period} backup of {made} ({count} scenario); the library "
                       "as it was is kept as {kept}.", params,
                       plural="Restored the library from the {period} backup of {made} ({count} scenarios); the "
                              "library as it was is kept as {kept}.", count="count")

    def to_json(self) -> dict:
        return {"restored": self.backup.to_json(), "kept": str(self.kept) if self.kept else None,
                "text": self.message().render()}


def choose(database: Path, folder: Path, wanted: Path | str | None) -> Backup:
    """The backup to restore: the one named (a path, or a name in the folder) or the newest with work."""
    found = backups.list_backups(folder, database.stem)
    if wanted is None:
        best = next((b for b in found if b.scenarios), None)
        if best is None:
            raise BackupError(msg("storage.backup.none",
                                  "There is no backup of {path} that holds any scenario, so there is nothing to "
                                  "restore.", path=str(database)))
        return best
    path = Path(wanted)
    candidates = [path, folder / path.name] if not path.is_absolute() else [path]
    for candidate in candidates:
        try:
            if candidate.is_file():
                match = next((b for b in found if b.path.resolve() == candidate.resolve()), None)
                if match is not None:
                    return match
                stat = candidate.stat()
                from datetime import datetime
                return Backup(candidate, "file", datetime.fromtimestamp(stat.st_mtime),
                              backups.scenario_count(candidate), stat.st_size)
        except (OSError, ValueError):
            continue
    raise BackupError(msg("storage.backup.not-found",
                          "There is no backup {name}: list them with ermu-cli library backups.",
                          name=str(wanted)[:300]))


def check_backup(backup: Backup) -> None:
    """Refuse a backup that is damaged, not Ermu's, or from a newer Ermu."""
    from .migrate import VERSION_TABLE, known_revisions

    reason = problem_with(backup.path)
    tables = tables_of(backup.path) if reason is None else None
    if reason is not None or not tables or not tables & ERMU_TABLES:
        raise BackupError(msg("storage.backup.unusable",
                              "The backup {path} is not a sound Ermu library ({reason}): choose another one.",
                              path=str(backup.path), reason=reason or "it holds none of Ermu's tables"))
    revision = revision_of(backup.path, VERSION_TABLE)
    if revision is not None and revision not in known_revisions():
        raise BackupError(msg("storage.backup.newer",
                              "The backup {path} was written by a newer version of Ermu (schema revision "
                              "{revision}): choose an older one, or update Ermu.",
                              path=str(backup.path), revision=revision))


def restore(database: Path, folder: Path, wanted: Path | str | None = None) -> Restored:
    """Replace ``database`` with a backup, keeping the library as it was; return what was done."""
    backup = choose(database, folder, wanted)
    check_backup(backup)
    with library_lock(database):
        kept: Path | None = None
        if database.exists() and database.stat().st_size > 0:
            refuse_foreign(database)
            if problem_with(database) is None:
                kept = backups.before(database, folder, "restore")
            else:
                kept = set_aside(database, "replaced")
        backups.restore_into(database, backup.path)
    return Restored(backup, kept)


def _file_and_folder(url: str | None, backup_folder: Path | None) -> tuple[Path, Path]:
    from .engine import resolve_url, sqlite_path

    file = sqlite_path(resolve_url(url))
    if file is None:
        raise BackupError(msg("storage.backup.server",
                              "A shared server library has no backups kept by Ermu: ask whoever runs the "
                              "server to restore one."))
    return file, backup_folder or file.parent / "backups"


def list_backups(url: str | None = None, *, backup_folder: Path | None = None) -> list[Backup]:
    """The backups of the library at ``url`` (default: the user's own), newest first, without opening it."""
    file, folder = _file_and_folder(url, backup_folder)
    return backups.list_backups(folder, file.stem)


def restore_backup(url: str | None = None, backup: Path | str | None = None, *,
                   backup_folder: Path | None = None) -> Restored:
    """Restore the library at ``url`` from ``backup`` (default: the newest that holds scenarios).

    For a library that is open in this process use :meth:`Library.restore_backup` instead.
    """
    file, folder = _file_and_folder(url, backup_folder)
    return restore(file, folder, backup)


__all__ = ["Restored", "check_backup", "choose", "list_backups", "restore", "restore_backup"]
