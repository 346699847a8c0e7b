"""YearsJob: run an experiment off the GUI thread, with progress, partial results and cancel.

The models' runner takes plain callables and a ``threading.Event``; this object turns
its callbacks into Qt signals. Signals emitted from the worker thread reach slots in the
GUI thread queued, so views only ever touch widgets on the GUI thread. A job that is
cancelled or replaced keeps quiet: only the current job's signals reach the view.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from ermu.models.messages import ErmuError
from ermu.models.years.experiment import Experiment
from ermu.models.years.results import CellResult, ExperimentResult
from ermu.models.years.runner import run_experiment

log = logging.getLogger(__name__)


class YearsJob(QObject):
    progressed = Signal(int, int, object)  # done, total, CellResult
    finished = Signal(object)  # ExperimentResult (complete or cancelled)
    failed = Signal(str)

    def __init__(self, experiment: Experiment, workers: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.experiment = experiment
        self.workers = workers
        self.cancel_event = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="ermu-years", daemon=True)
        self.thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        if self.thread is not None:
            self.thread.join(timeout)
            return not self.thread.is_alive()
        return True

    def _progress(self, done: int, total: int, cell: CellResult) -> None:
        if not self.cancelled:
            self.progressed.emit(done, total, cell)

    def _run(self) -> None:
        try:
            result: ExperimentResult = run_experiment(self.experiment, progress=self._progress,
                                                      cancel=self.cancel_event, workers=self.workers)
        except ErmuError as exc:
            self.failed.emit(str(exc))
            return
        except Exception:  # noqa: BLE001 — rule 4: log it, say one sentence
            log.exception("years experiment failed")
            self.failed.emit("The run failed and was written to the log; your settings are kept.")
            return
        self.finished.emit(result)


__all__ = ["YearsJob"]
