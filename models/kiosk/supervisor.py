"""The supervisor: runs the kiosk and starts it again after a crash or an unexpected exit.

``supervise(command)`` runs ``command`` (the kiosk in its own process) until it exits with
status 0 (a staff exit with the PIN: stop) or 2 (a bad profile: restarting would not help;
stop with the same status). Any other end — a crash, a signal, an out-of-memory kill — is
logged and followed by a restart after a back-off that doubles from ``first_delay`` up to
``max_delay`` seconds, and falls back to ``first_delay`` once a run has lasted ``stable``
seconds. ``ermu-kiosk`` and ``ermu --kiosk --supervise`` use it.
"""

from __future__ import annotations

import logging
import subprocess
import time
from dataclasses import dataclass
from typing import Callable, Sequence

log = logging.getLogger(__name__)

STAFF_EXIT = 0
BAD_SETUP = 2


@dataclass(frozen=True)
class Backoff:
    first_delay: float = 1.0
    max_delay: float = 60.0
    stable: float = 300.0

    def delay(self, failures: int) -> float:
        return min(self.first_delay * 2 ** max(failures - 1, 0), self.max_delay)


def _run_child(command: Sequence[str]) -> int:
    """Run the kiosk; a SIGTERM or SIGHUP to the supervisor (systemd stopping it) stops the kiosk too."""
    import signal

    child = subprocess.Popen(list(command))

    def forward(signum, _frame):
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
        raise SystemExit(128 + signum)

    old = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return child.wait()
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def supervise(command: Sequence[str], *, backoff: Backoff = Backoff(), max_restarts: int | None = None,
              run: Callable[[Sequence[str]], int] | None = None, sleep: Callable[[float], None] = time.sleep,
              clock: Callable[[], float] = time.monotonic) -> int:
    """Run ``command`` until a staff exit; return the last status (0 after a staff exit)."""
    run = run or _run_child
    failures = restarts = 0
    while True:
        began = clock()
        log.info("starting the kiosk: %s", " ".join(command))
        status = run(command)
        if status == STAFF_EXIT:
            log.info("the kiosk was closed by staff")
            return STAFF_EXIT
        if status == BAD_SETUP:
            log.error("the kiosk refused its set-up (status 2); not restarting")
            return BAD_SETUP
        failures = 1 if clock() - began >= backoff.stable else failures + 1
        restarts += 1
        if max_restarts is not None and restarts > max_restarts:
            log.error("the kiosk ended with status %s; restart limit reached", status)
            return status
        wait = backoff.delay(failures)
        log.warning("the kiosk ended unexpectedly with status %s; restarting in %.0f s", status, wait)
        sleep(wait)


__all__ = ["BAD_SETUP", "Backoff", "STAFF_EXIT", "supervise"]
