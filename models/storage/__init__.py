"""The teachers' library: scenarios saved in SQLite (default) or a shared PostgreSQL.

Importing this package is cheap: the plain :class:`Scenario` and the errors load at once,
the database layer (SQLAlchemy, Alembic) only when :class:`Library` is first used::

    from ermu.models.storage import Library, Scenario
    library = Library()                 # or Library("postgresql://user@server/ermu")
    saved = library.save(Scenario(title="My village", regime="qing-baojia", ...))
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (BackupError, ConflictError, DamagedLibraryError, DatabaseUnavailableError, FileWriteError,
                     ForeignDatabaseError, InvalidScenarioError, LibraryPermissionError, NewerLibraryError,
                     NotFoundError, ReadOnlyError, ScenarioFileError, StorageError)
from .scenario import BUILTIN_PREFIX, KINDS, SCHEMA_VERSION, Scenario, ScenarioSummary, default_parameters

if TYPE_CHECKING:  # pragma: no cover
    from .autosaving import autosave, clear_autosave, pending_autosave
    from .library import Library

_LAZY = {
    "Library": "library",
    "autosave": "autosaving", "pending_autosave": "autosaving", "clear_autosave": "autosaving",
    "read_file": "files", "write_file": "files",
    "list_backups": "restoring", "restore_backup": "restoring", "Restored": "restoring", "Backup": "backups",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)


__all__ = [
    "BUILTIN_PREFIX", "KINDS", "SCHEMA_VERSION", "Backup", "BackupError", "ConflictError", "DamagedLibraryError",
    "DatabaseUnavailableError", "FileWriteError", "ForeignDatabaseError", "InvalidScenarioError", "Library",
    "LibraryPermissionError", "NewerLibraryError", "Restored", "list_backups", "restore_backup", "NotFoundError", "ReadOnlyError", "Scenario", "ScenarioFileError",
    "ScenarioSummary", "StorageError", "autosave", "clear_autosave", "default_parameters",
    "pending_autosave", "read_file", "write_file",
]
