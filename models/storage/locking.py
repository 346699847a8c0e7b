"""A lock between processes that open one library file at the same time.

Two windows (or a window and ``ermu-cli``) started together would otherwise both check
the file, both make the day's backup and both migrate. The lock is an advisory lock on
``<library>.lock`` next to the file: ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows. It is held only for the start-up work and for a restore, never while teaching.

A folder where the lock file cannot be made (a read-only folder) is not an error here:
whatever Ermu then tries to write fails with its own clear sentence.
"""

from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

log = logging.getLogger(__name__)

#: How long a start-up waits for another process's start-up before it goes on unlocked.
WAIT_SECONDS = 60.0


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextmanager
def library_lock(database: Path, *, wait: float = WAIT_SECONDS) -> Iterator[bool]:
    """Hold the lock of ``database`` for the ``with`` block; yields whether it is held."""
    try:
        fd = os.open(lock_path(database), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:  # a read-only folder, a name too long: go on without the lock
        log.info("no lock for %s (%s)", database, exc)
        yield False
        return
    held = False
    try:
        held = _acquire(fd, wait)
        yield held
    finally:
        if held:
            _release(fd)
        os.close(fd)


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _acquire(fd: int, wait: float) -> bool:
        deadline = time.monotonic() + wait
        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _acquire(fd: int, wait: float) -> bool:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    log.warning("another Ermu held the library lock for %.0f s; going on", wait)
                    return False
                time.sleep(0.02)
            except OSError as exc:  # a file system without locks (some network drives)
                log.info("cannot lock (%s); going on", exc)
                return False

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


__all__ = ["WAIT_SECONDS", "library_lock", "lock_path"]
