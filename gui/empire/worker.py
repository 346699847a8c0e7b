"""Building the empire off the GUI thread, stage by stage, with progress and cancel.

A :class:`BuildJob` runs ``Empire.build_in_stages`` in a ``QThreadPool`` worker. It never
touches a widget: it reports each stage and hands back the :class:`Empire` (or one
sentence) through signals tagged with a token, so a cancelled or superseded job is
ignored. Cancelling takes effect between stages (each a fraction of a second).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from ermu.models.empire import Empire

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, float, str)  # token, share done, what is being done
    finished = Signal(int, object)  # token, Empire
    failed = Signal(int, str)  # token, one sentence


class BuildJob(QRunnable):
    def __init__(self, token: int, counties: int, regime: str, base: Empire | None = None) -> None:
        super().__init__()
        self.token = token
        self.counties = counties
        self.regime = regime
        self.base = base
        self.cancelled = threading.Event()
        self.signals = _Signals()
        self.setAutoDelete(False)  # the view keeps the job (and its signals) until it reports

    def cancel(self) -> None:
        self.cancelled.set()

    def run(self) -> None:
        try:
            for fraction, stage, empire in Empire.build_in_stages(self.counties, self.regime, base=self.base):
                if self.cancelled.is_set():
                    return
                if empire is not None:
                    self.signals.finished.emit(self.token, empire)
                    return
                self.signals.progress.emit(self.token, fraction, stage.render())
        except ValueError as exc:  # the models' errors are sentences for people
            self.signals.failed.emit(self.token, str(exc))
        except MemoryError:
            self.signals.failed.emit(self.token, "There is not enough memory for the whole empire on this machine.")
        except Exception:  # noqa: BLE001 - never let a worker take the app down
            log.exception("building the empire failed")
            self.signals.failed.emit(self.token, "Building the empire failed and was written to the log.")
