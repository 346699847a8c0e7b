"""Benchmark: generating and grouping villages of 1,000 / 100,000 / 1,000,000 households.

Prints figures; asserts nothing. Each size runs in a fresh process so peak memory is its own.

    .venv/bin/python benchmarks/bench_hierarchy.py [regime ...]
"""

from __future__ import annotations

import json
import subprocess
import sys

SIZES = (1_000, 100_000, 1_000_000)
CHILD = r"""
import json, resource, sys, time
from ermu.models.population import Population
from ermu.models.hierarchy import group
n, regime = int(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter(); village = Population.generate(n, seed=1); t1 = time.perf_counter()
h = group(village, regime); t2 = time.perf_counter()
for k in range(len(h.levels)): h.leaders(k)
t3 = time.perf_counter()
print(json.dumps({"generate": t1 - t0, "group": t2 - t1, "leaders": t3 - t2,
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main(regimes: list[str]) -> None:
    print(f"{'regime':<14}{'households':>12}{'generate s':>12}{'group s':>10}{'leaders s':>11}"
          f"{'peak RSS MiB':>14}")
    for regime in regimes:
        for n in SIZES:
            out = subprocess.run([sys.executable, "-c", CHILD, str(n), regime], capture_output=True, text=True,
                                 check=True).stdout
            r = json.loads(out)
            print(f"{regime:<14}{n:>12,}{r['generate']:>12.3f}{r['group']:>10.3f}{r['leaders']:>11.3f}"
                  f"{r['max_rss_mib']:>14.0f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["qing-baojia", "qing-lijia", "sui"])
