"""Per-user folders (platformdirs), overridable for tests, kiosks and portable installs.

``ERMU_DATA_DIR`` and ``ERMU_CONFIG_DIR`` replace the platform's folders when set; the
test suite sets both to temporary folders so no test touches a user's real library.
A folder that cannot be made (a file in its place, no permission) is one sentence, a
:class:`FolderError`, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from .messages import ErmuError, msg

APP_NAME = "Ermu"
APP_AUTHOR = "Ermu"


class FolderError(ErmuError, OSError):
    """A per-user folder Ermu cannot make or use."""


def _ensure(path: Path, what: str, variable: str) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise FolderError(msg("paths.folder.is-file",
                              "Ermu's {what} folder {path} is a file, not a folder: move the file away "
                              "or set {variable} to another folder.", what=what, path=str(path),
                              variable=variable)) from None
    except PermissionError:
        raise FolderError(msg("paths.folder.denied",
                              "Ermu may not create its {what} folder {path}: set {variable} to a folder "
                              "you can write to.", what=what, path=str(path), variable=variable)) from None
    except (OSError, ValueError) as exc:  # a name too long, a NUL in it, a read-only disk
        raise FolderError(msg("paths.folder.unusable",
                              "Ermu cannot use {path} as its {what} folder ({reason}): set {variable} "
                              "to another folder.", path=str(path), what=what,
                              reason=getattr(exc, "strerror", None) or str(exc), variable=variable)) from None
    if not path.is_dir():
        raise FolderError(msg("paths.folder.is-file",
                              "Ermu's {what} folder {path} is a file, not a folder: move the file away "
                              "or set {variable} to another folder.", what=what, path=str(path),
                              variable=variable))
    return path


def data_dir() -> Path:
    """Where the library database, backups and autosaves live."""
    override = os.environ.get("ERMU_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return _ensure(path, "data", "ERMU_DATA_DIR")


def config_dir() -> Path:
    """Where preferences (QSettings as an INI file) and lesson progress live."""
    override = os.environ.get("ERMU_CONFIG_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    return _ensure(path, "settings", "ERMU_CONFIG_DIR")
