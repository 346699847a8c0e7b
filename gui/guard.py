"""Slots that never let an exception reach the user: log it, say one sentence, go on."""

from __future__ import annotations

import functools
import logging
from typing import Any, Callable

log = logging.getLogger("ermu.gui")


def guarded_slots(message: str, report: Callable[[Any, str], None]) -> Callable:
    """A decorator for a view's slots: on an unexpected error, log it and ``report(self, message)``."""

    def guarded(method: Callable) -> Callable:
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception:  # noqa: BLE001 — rule 4: no traceback ever reaches the user
                log.exception("%s.%s failed", type(self).__name__, method.__name__)
                report(self, message)
        return wrapper

    return guarded
