"""The start of a SQLite library file: where it is, whether it is sound, what to tell people.

Run by :class:`.library.Library` under the start-up lock (:mod:`.locking`), before the
engine writes anything: the place is checked (a folder, a device, a read-only folder are
each one sentence), stale temporaries are removed, a damaged file is set aside, an empty
one is reported with the backups that still hold the work, a foreign one is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..messages import Message, msg
from . import backups
from .errors import DatabaseUnavailableError, LibraryPermissionError
from .failures import folder_writable, permission_problem
from .integrity import check_and_set_aside, refuse_foreign
from .tempfiles import clean_stale

AUTOSAVE_TEMPORARIES = ".autosave.ermu.json.*.tmp"


def check_place(file: Path) -> None:
    """Raise one sentence if ``file`` cannot be a library file where it is."""
    try:
        if file.is_dir():
            raise DatabaseUnavailableError(msg(
                "storage.library.is-folder",
                "{path} is a folder, not a library file: give the name of a file inside it, such as "
                "{example}.", path=str(file), example=str(file / "library.sqlite3")))
        if file.exists() and not stat.S_ISREG(file.stat().st_mode):
            raise DatabaseUnavailableError(msg(
                "storage.library.not-regular",
                "{path} is not an ordinary file (it is a device, a pipe or a socket), so it cannot hold a "
                "library: give the name of a file.", path=str(file)))
        file.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise DatabaseUnavailableError(msg(
            "storage.library.parent-not-folder",
            "The library {path} cannot be kept there: part of its folder path is a file, not a folder.",
            path=str(file))) from None
    except PermissionError:
        raise LibraryPermissionError(msg(
            "storage.library.folder-denied",
            "Ermu may not create the folder {folder} for your library: set ERMU_DATA_DIR to a folder you may "
            "write to.", folder=str(file.parent))) from None
    except OSError as exc:
        raise DatabaseUnavailableError(msg(
            "storage.library.bad-path",
            "Ermu cannot keep a library at {path} ({reason}): give a shorter or simpler file name.",
            path=str(file)[:300], reason=exc.strerror or str(exc))) from None
    except ValueError:  # a NUL in the path
        raise DatabaseUnavailableError(msg(
            "storage.library.bad-path",
            "Ermu cannot keep a library at {path} ({reason}): give a shorter or simpler file name.",
            path=repr(str(file))[:300], reason="it contains a control character")) from None
    if not file.exists() and not folder_writable(file.parent):
        raise LibraryPermissionError(msg(
            "storage.library.first-start-read-only",
            "Ermu may not create your library in {folder}, because that folder is read-only: set ERMU_DATA_DIR "
            "to a folder you may write to.", folder=str(file.parent)))
    if file.exists() and not os.access(file, os.R_OK):
        raise permission_problem(file) or LibraryPermissionError(msg(
            "storage.library.file-unreadable",
            "Ermu may not read your library file {path}: ask for permission to read and write it.",
            path=str(file)))
    # A read-only file, or a file in a read-only folder, still opens: SQLite says what it cannot
    # do when it is asked to, and that becomes its own sentence (storage.failures).


def prepare_file(file: Path, backup_folder: Path) -> tuple[Path | None, Message | None]:
    """Clean, check and (if damaged) set aside the file; returns (where it went, a notice)."""
    backups.clean_partials(backup_folder, file.stem)
    clean_stale(file.parent, AUTOSAVE_TEMPORARIES)
    clean_stale(file.parent, f".{file.name}.*.tmp")
    if not file.exists():
        return None, None
    try:
        empty = file.stat().st_size == 0
        aside, notice = check_and_set_aside(file)
    except PermissionError:
        raise permission_problem(file) or LibraryPermissionError(msg(
            "storage.library.file-unreadable",
            "Ermu may not read your library file {path}: ask for permission to read and write it.",
            path=str(file))) from None
    if empty:
        return None, empty_notice(file, backup_folder)
    if aside is not None:
        latest = _latest_with_work(file, backup_folder)
        if latest is not None:
            notice = msg("storage.library.damaged-with-backup",
                         "{damaged} {backup}", damaged=notice,
                         backup=_backup_sentence(latest))
        return aside, notice
    refuse_foreign(file)
    return None, None


def _latest_with_work(file: Path, folder: Path) -> backups.Backup | None:
    return next((b for b in backups.list_backups(folder, file.stem) if b.scenarios), None)


def _backup_sentence(latest: backups.Backup) -> Message:
    return Message("storage.library.backup-offer",
                   "A backup from {made} holds {count} scenario: restore it with “Restore from a backup…” in "
                   "the Library, or with ermu-cli library restore.",
                   {"made": latest.made.strftime("%Y-%m-%d %H:%M"), "count": latest.scenarios},
                   plural="A backup from {made} holds {count} scenarios: restore it with “Restore from a "
                          "backup…” in the Library, or with ermu-cli library restore.", count="count")


def empty_notice(file: Path, folder: Path) -> Message:
    """What to say about a library file of 0 bytes (it opens as a new, empty library)."""
    latest = _latest_with_work(file, folder)
    if latest is None:
        return msg("storage.library.empty-no-backup",
                   "Your library file {path} was empty (0 bytes) and there is no backup of it, so Ermu started "
                   "a new, empty library.", path=str(file))
    return msg("storage.library.empty",
               "Your library file {path} was empty (0 bytes), so Ermu started a new, empty library. {backup}",
               path=str(file), backup=_backup_sentence(latest))


def writable(file: Path) -> bool:
    return os.access(file, os.W_OK) and folder_writable(file.parent)


__all__ = ["AUTOSAVE_TEMPORARIES", "check_place", "empty_notice", "prepare_file", "writable"]
