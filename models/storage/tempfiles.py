"""Temporary files with unique names, created with the user's umask, and their cleaning.

Every file Ermu writes (an export, the autosave, a backup) is first written to a
temporary next to it and then renamed over it, so a reader only ever sees the old file or
the whole new one. The temporary's name holds the process id and a random token, so two
processes never write the same temporary; it is created with mode 0666 less the umask
(``tempfile.mkstemp`` would make it 0600, and a colleague on a shared drive could not read
the exported example). Temporaries left by a crash are removed at the next start.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_SUFFIX = ".tmp"
#: A temporary older than this is left over from a crash (a write takes seconds at most).
STALE_SECONDS = 15 * 60


def temp_name(target: Path) -> Path:
    """A new, unique temporary name in the folder of ``target``."""
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def create_temp(target: Path) -> tuple[int, Path]:
    """Create a unique temporary beside ``target``; return its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        path = temp_name(target)
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:  # pragma: no cover - a 32-bit token repeated
            continue


def clean_stale(folder: Path, pattern: str, *, older_than: float = STALE_SECONDS,
                now: float | None = None) -> list[Path]:
    """Remove the temporaries in ``folder`` matching ``pattern`` older than ``older_than`` s."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return removed
    for path in candidates:
        try:
            if path.is_file() and now - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except OSError as exc:  # a read-only folder: leave it, nothing depends on it
            log.info("could not remove stale temporary %s (%s)", path, exc)
    if removed:
        log.info("removed %d stale temporaries in %s", len(removed), folder)
    return removed


__all__ = ["STALE_SECONDS", "TEMP_SUFFIX", "clean_stale", "create_temp", "temp_name"]
