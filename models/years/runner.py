"""Run an experiment cell by cell, across processes when the work is worth it.

``run_experiment(experiment, progress=..., cancel=...)`` takes plain Python callables and a
``threading.Event`` (no Qt): ``progress(done, total, cell)`` is called in the caller's
process as each cell (a regime at a sweep point, all repetitions) arrives, so a face can
draw partial results; setting ``cancel`` stops the run between cells (and between
repetitions when it runs in-process) and returns what has arrived, marked incomplete.

Small experiments run in the calling process: starting workers costs more than a
200-household village takes. Larger ones go to a ``ProcessPoolExecutor`` whose workers
start with ``forkserver`` (safe from a process with threads, such as the GUI) and build
each village once.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Callable

from .experiment import Experiment, run_cell
from .results import CellResult, ExperimentResult

Progress = Callable[[int, int, CellResult], None]
#: Below this many household-years the run stays in the calling process.
PROCESS_THRESHOLD = 3_000_000


def default_workers(experiment: Experiment) -> int:
    cells = len(experiment.cells())
    if experiment.work < PROCESS_THRESHOLD or cells < 2:
        return 1
    return max(1, min(cells, os.cpu_count() or 1))


def run_experiment(experiment: Experiment, *, progress: Progress | None = None,
                   cancel: threading.Event | None = None, workers: int | None = None) -> ExperimentResult:
    workers = default_workers(experiment) if workers is None else max(1, int(workers))
    result = ExperimentResult(experiment)
    points = experiment.points()
    cells = experiment.cells()
    total = len(cells)
    cancelled = cancel.is_set if cancel is not None else (lambda: False)

    def arrived(regime: str, index: int, runs) -> None:
        cell = CellResult.summarise(regime, points[index], runs)
        result.cells.append(cell)
        if progress is not None:
            progress(len(result.cells), total, cell)

    if workers == 1:
        for regime, index in cells:
            if cancelled():
                break
            runs = run_cell(experiment, regime, points[index], cancelled)
            if runs is None:
                break
            arrived(regime, index, runs)
    else:
        _run_in_processes(experiment, cells, workers, arrived, cancelled)
    order = {cell: i for i, cell in enumerate(cells)}
    result.cells.sort(key=lambda c: order[(c.regime, points.index(c.point))])
    result.complete = len(result.cells) == total
    return result


def _context():
    """fork from a plain single-threaded process (the CLI, a benchmark): workers start at once.

    With other threads running (the GUI), forking could copy a held lock; forkserver
    starts workers from a clean single-threaded server instead.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _single_threaded():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _single_threaded() -> bool:
    """No other Python thread and no Qt loaded (a GUI runs threads Python cannot see).

    numpy's BLAS may keep an idle thread of its own; BLAS libraries re-initialise after a
    fork, so that one does not count.
    """
    return threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules


def _run_in_processes(experiment: Experiment, cells, workers: int, arrived, cancelled) -> None:
    definition = experiment.to_json()
    points = experiment.points()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
    pending: dict[Future, tuple[str, int]] = {}
    try:
        for regime, index in cells:
            pending[pool.submit(_work, definition, regime, points[index])] = (regime, index)
        while pending:
            done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            if cancelled():
                break
            for future in done:
                regime, index = pending.pop(future)
                arrived(regime, index, future.result())
    finally:
        pool.shutdown(wait=not cancelled(), cancel_futures=True)


def _work(definition: dict, regime: str, point: dict):
    """In a worker process: rebuild the experiment from its JSON and run one cell."""
    return run_cell(Experiment.from_json(definition), regime, point)


__all__ = ["PROCESS_THRESHOLD", "default_workers", "run_experiment"]
