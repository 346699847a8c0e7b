"""What a database error means for the teacher, as one typed sentence.

SQLite and the drivers report failures as exceptions with technical text ("attempt to
write a readonly database", "Could not decode to UTF-8 column 'title'"). The library
turns each into a :class:`StorageError` subclass whose message says what happened and
what to do; the technical text goes to the log only.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..messages import msg
from .errors import (DamagedLibraryError, DatabaseUnavailableError, LibraryPermissionError, StorageError)

log = logging.getLogger(__name__)

_DAMAGE = ("malformed", "not a database", "decode", "disk i/o error", "database corrupt", "no such table",
           "no such column")
_READ_ONLY = ("readonly", "read-only", "read only")


class DamagedRow(Exception):
    """A row that SQLite read but that cannot be a scenario: a damaged byte inside a value."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(f"database corrupt: {type(cause).__name__}: {cause}")


def _restore_hint() -> str:
    return "restore a backup with “Restore from a backup…” in the Library, or with ermu-cli library restore"


def folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def permission_problem(file: Path) -> StorageError | None:
    """The permission that keeps Ermu from using ``file`` and its folder, if any."""
    folder = file.parent
    if not folder_writable(folder):
        return LibraryPermissionError(msg(
            "storage.library.folder-read-only",
            "Ermu may not write in the folder {folder}, where your library is kept (SQLite keeps its journal "
            "beside the file): ask for permission to write there, or set ERMU_DATA_DIR to a folder you may "
            "write to.", folder=str(folder)))
    if file.exists() and not os.access(file, os.R_OK):
        return LibraryPermissionError(msg(
            "storage.library.file-unreadable",
            "Ermu may not read your library file {path}: ask for permission to read and write it.",
            path=str(file)))
    if file.exists() and not os.access(file, os.W_OK):
        return LibraryPermissionError(msg(
            "storage.library.file-read-only",
            "Your library file {path} is read-only, so Ermu cannot save changes to it: export your work to a "
            "file, and ask for permission to write the library file.", path=str(file)))
    return None


def translate(exc: BaseException, *, file: Path | None, where: str, scenario: object = None) -> StorageError:
    """A database exception as one sentence (logged with its technical text)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    log.info("library %s: %s: %s", where, type(exc).__name__, exc)
    if file is not None:
        if any(word in text for word in _READ_ONLY) or "unable to open" in text or "permission" in text:
            problem = permission_problem(file)
            if problem is not None:
                return problem
        if any(word in text for word in _DAMAGE):
            if scenario is not None:
                return DamagedLibraryError(msg(
                    "storage.library.damaged-scenario",
                    "Scenario {id} could not be read because the library file {path} is damaged there: {hint}.",
                    id=scenario, path=str(file), hint=_restore_hint()))
            return DamagedLibraryError(msg(
                "storage.library.damaged-read",
                "The library file {path} is damaged and could not be read: {hint}.",
                path=str(file), hint=_restore_hint()))
        if "disk is full" in text or "database or disk is full" in text:
            return DatabaseUnavailableError(msg(
                "storage.library.disk-full",
                "The disk that holds your library {path} is full: make room and try again.", path=str(file)))
        if "locked" in text or "busy" in text:
            return DatabaseUnavailableError(msg(
                "storage.library.busy",
                "Another program kept the library {path} busy for too long: try again in a moment.",
                path=str(file)))
        return DatabaseUnavailableError(msg(
            "storage.library.sqlite-failed",
            "Ermu could not use the library file {path} ({reason}): {hint}.",
            path=str(file), reason=" ".join(str(getattr(exc, "orig", exc)).split())[:120], hint=_restore_hint()))
    if "nul" in text or "0x00" in text:
        return DatabaseUnavailableError(msg(
            "storage.library.server-refused-text",
            "The database at {where} refused a text that contains a NUL character: remove it and try again.",
            where=where))
    return DatabaseUnavailableError(msg(
        "storage.library.unreachable",
        "Ermu cannot open the library at {where}: check the address, that the server is running and that "
        "you may use it.", where=where))


__all__ = ["DamagedRow", "folder_writable", "permission_problem", "translate"]
