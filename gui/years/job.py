"""YearsJob: an experiment run as a background operation, handing results back as they arrive.

The work goes through :mod:`ermu.gui.ops` (a thread of the global pool; progress and
cancel through its :class:`~ermu.gui.ops.Progress`). The models' runner reports each
cell (a regime at a sweep point, all repetitions) from the worker thread; the cell is
kept in a list and the operation's ``progressed`` signal, queued onto the GUI thread,
tells the view to take the new ones. So the chart fills in while the rest runs, and
only the GUI thread ever touches a widget.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from ermu.models.years.experiment import Experiment
from ermu.models.years.results import ExperimentResult
from ermu.models.years.runner import run_experiment

from ..ops import Operation, Progress, Runner


class _CancelFlag:
    """What the models' runner asks (``is_set``), answered by the operation's progress."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def is_set(self) -> bool:
        return self._progress.cancelled


class YearsJob(QObject):
    progressed = Signal(int, int, object)  # done, total, CellResult (on the GUI thread)
    finished = Signal(object)  # ExperimentResult
    failed = Signal(str)

    def __init__(self, experiment: Experiment, runner: Runner, workers: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.experiment = experiment
        self.runner = runner
        self.workers = workers
        self.cells: list = []  # appended in the worker thread, read on the GUI thread
        self._taken = 0
        self.op: Operation | None = None

    def start(self) -> "YearsJob":
        self.op = self.runner.run(self._work, self._done, self.failed.emit, with_progress=True,
                                  label="a years experiment")
        self.op.progressed.connect(self._take)
        return self

    def _work(self, progress: Progress) -> ExperimentResult:  # in the pool's thread
        def arrived(done: int, total: int, cell) -> None:
            self.cells.append(cell)
            progress.update(done, total)

        return run_experiment(self.experiment, progress=arrived, cancel=_CancelFlag(progress),
                              workers=self.workers)

    def _take(self, done: int, total: int) -> None:
        while self._taken < min(done, len(self.cells)):
            cell = self.cells[self._taken]
            self._taken += 1
            self.progressed.emit(self._taken, total, cell)

    def _done(self, result: ExperimentResult) -> None:
        self._take(len(result.cells), len(result.experiment.cells()))
        self.finished.emit(result)

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()

    @property
    def running(self) -> bool:
        return self.op is not None and self.op.running


def years_runner(parent: QObject) -> Runner:
    """The face's runner on the global pool (so ``ermu --screenshot`` waits for it too)."""
    return Runner(QThreadPool.globalInstance(), parent)


__all__ = ["YearsJob", "years_runner"]
