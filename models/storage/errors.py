"""The errors the library raises. Every message is one sentence a teacher can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING
from ..messages import ErmuError

if TYPE_CHECKING:  # pragma: no cover
    from .scenario import Scenario


class StorageError(ErmuError):
    """Something the library cannot do; ``str(error)`` is one sentence for people."""

    full_stop = True


class NotFoundError(StorageError, LookupError):
    """No scenario with that id (or it is in the trash when it was asked for outside it)."""


class ReadOnlyError(StorageError):
    """An attempt to change a built-in lesson example; copy it first."""


class InvalidScenarioError(StorageError, ValueError):
    """A scenario that breaks a rule; the message names the first problem and where."""


class ScenarioFileError(InvalidScenarioError):
    """A file that cannot be imported: the message names the first problem and where."""


class DatabaseUnavailableError(StorageError):
    """The database cannot be reached or opened (a wrong URL, a server that is down)."""


class DamagedLibraryError(DatabaseUnavailableError):
    """The library file is damaged where Ermu tried to read; restoring a backup mends it."""


class ForeignDatabaseError(DatabaseUnavailableError):
    """A database that belongs to another application: refused, never changed."""


class NewerLibraryError(DatabaseUnavailableError):
    """A library written by a newer version of Ermu (an unknown schema revision); left unchanged."""


class LibraryPermissionError(DatabaseUnavailableError):
    """The operating system does not let Ermu read or write the library file or its folder."""


class FileWriteError(StorageError):
    """A file (an export, an autosave) that cannot be written where it was asked for."""


class BackupError(StorageError):
    """No backup to restore, or one that cannot be used."""


class ConflictError(StorageError):
    """Someone else saved the same scenario since it was opened.

    ``mine`` is the scenario the user tried to save, ``theirs`` the one now in the
    library. The GUI offers three choices: keep mine as a copy
    (``library.save(error.mine.as_new())``), overwrite theirs
    (``library.save(error.mine, overwrite=True)``) or reload theirs (``error.theirs``).
    """

    def __init__(self, mine: "Scenario", theirs: "Scenario") -> None:
        self.mine = mine
        self.theirs = theirs
        super().__init__(
            f"“{theirs.title}” was saved by someone else after you opened it (version {mine.version} became "
            f"{theirs.version}): keep yours as a copy, overwrite theirs, or reload theirs."
        )


__all__ = [
    "BackupError", "ConflictError", "DamagedLibraryError", "DatabaseUnavailableError", "FileWriteError",
    "ForeignDatabaseError", "LibraryPermissionError", "NewerLibraryError", "InvalidScenarioError", "NotFoundError", "ReadOnlyError",
    "ScenarioFileError", "StorageError",
]
