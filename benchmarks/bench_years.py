"""Benchmark: the years model at classroom and at experiment scale. Prints figures; asserts nothing.

Budgets (issue 19): a single 200-household, 50-year run under 50 ms, so the face can
redraw as a slider moves; 10,000 households x 50 years x 8 regimes x 20 repetitions in
at most 10 s on a 2-core machine, in one process and across processes.

    .venv/bin/python benchmarks/bench_years.py
"""

from __future__ import annotations

import os
import statistics
import time

from ermu.models.regimes import REGIMES
from ermu.models.years.experiment import Experiment, one_run
from ermu.models.years.runner import run_experiment
from ermu.models.years.village import prepared


def single_runs() -> None:
    print("One run, 200 households x 50 years (village grouped once, as the face keeps it):")
    print(f"  {'regime':<14}{'first ms':>10}{'median ms':>11}{'max ms':>8}")
    for regime in REGIMES:
        times = []
        for _ in range(15):  # the first call groups the village; the face then reuses it
            t = time.perf_counter()
            one_run(regime, 200, 50, seed=0)
            times.append((time.perf_counter() - t) * 1000)
        print(f"  {regime:<14}{times[0]:>10.1f}{statistics.median(times[1:]):>11.2f}{max(times[1:]):>8.2f}")


def big_experiment() -> None:
    experiment = Experiment(tuple(REGIMES), households=10_000, years=50, seed=0, repetitions=20)
    runs = len(experiment.cells()) * experiment.repetitions
    print(f"\nExperiment: 10,000 households x 50 years x {len(experiment.regimes)} regimes x "
          f"{experiment.repetitions} repetitions ({runs} runs, {experiment.work:,} household-years), "
          f"{os.cpu_count()} CPUs:")
    for workers in (1, 2):  # 2 processes start with fork here (one thread), forkserver in the GUI
        prepared.cache_clear()
        arrivals = []
        t = time.perf_counter()
        result = run_experiment(experiment, workers=workers,
                                progress=lambda done, total, cell: arrivals.append(time.perf_counter() - t))
        total = time.perf_counter() - t
        print(f"  {workers} process{'es' if workers > 1 else ''}: {total:6.2f} s total, first cell after "
              f"{arrivals[0]:5.2f} s, {total / runs * 1000:5.1f} ms per run, complete={result.complete}")


if __name__ == "__main__":
    single_runs()
    big_experiment()
