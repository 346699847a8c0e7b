"""Per-user folders (platformdirs), overridable for tests, kiosks and portable installs.

``ERMU_DATA_DIR`` and ``ERMU_CONFIG_DIR`` replace the platform's folders when set; the
test suite sets both to temporary folders so no test touches a user's real library.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Ermu"
APP_AUTHOR = "Ermu"


def data_dir() -> Path:
    """Where the library database, backups and autosaves live."""
    override = os.environ.get("ERMU_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Where preferences (QSettings as an INI file) and lesson progress live."""
    override = os.environ.get("ERMU_CONFIG_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
