"""Benchmark: one incident at 1,000 / 100,000 / 1,000,000 households (grouping excluded).

The work is local to the offender's unit and its path to the top, so the time should not
grow with the village. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_incident.py
"""

from __future__ import annotations

import statistics
import time

from ermu.models.hierarchy import group
from ermu.models.population import Population
from ermu.models.propagation import Incident, Parameters, simulate

CASES = [("qing-baojia", "theft", "concealed", None), ("qing-baojia", "theft", "reported", None),
         ("qing-baojia", "theft", "concealed", "pao"), ("qing-lijia", "tax-default", "concealed", None)]


def main() -> None:
    print(f"{'households':>12}  {'regime':<12}{'offence':<13}{'response':<11}{'scope':<7}{'median ms':>10}{'max ms':>8}")
    for n in (1_000, 100_000, 1_000_000):
        village = Population.generate(n, seed=1)
        for regime, offence, response, scope in CASES:
            h = group(village, regime)
            for k in range(len(h.levels)):
                h.leaders(k)  # leaders are computed once per hierarchy, as the GUI does
            times = []
            for i in range(15):
                offender = (i * 7919 + n // 2) % n
                t = time.perf_counter()
                simulate(h, Incident(offender, offence, response, scope), Parameters(register_error_rate=0.1, seed=i))
                times.append((time.perf_counter() - t) * 1000)
            print(f"{n:>12,}  {regime:<12}{offence:<13}{response:<11}{scope or '-':<7}"
                  f"{statistics.median(times):>10.2f}{max(times):>8.2f}")


if __name__ == "__main__":
    main()
