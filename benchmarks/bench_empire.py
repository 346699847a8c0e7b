"""Benchmark: the registered empire of 1461 (7,133,995 households) under three regimes.

Prints figures; asserts nothing. Each regime runs in a fresh process so its peak memory is
its own. Then the CLI as a whole process (7,134,000 households against 1,000), and, when
``ermu.models.empire`` exists, building the empire and each zoom step's drawing data.

    .venv/bin/python benchmarks/bench_empire.py [regime ...]
    .venv/bin/python benchmarks/bench_empire.py --face   # first picture and each zoom step's paint
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HOUSEHOLDS = 7_133_995  # 64,854.5 li of 110 households (Brook 2005, 33)
CHILD = r"""
import json, resource, sys, time
from ermu.models.population import Population
from ermu.models.hierarchy import group
n, regime = int(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter(); village = Population.generate(n, seed=1)
village.columns.setting; village.columns.adult_males  # lazy columns: draw what grouping reads
t1 = time.perf_counter()
h = group(village, regime); t2 = time.perf_counter()
for k in range(len(h.levels)): h.leaders(k)
t3 = time.perf_counter()
print(json.dumps({"generate": t1 - t0, "group": t2 - t1, "leaders": t3 - t2,
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
EMPIRE_CHILD = r"""
import json, resource, sys, time
try:
    from ermu.models.empire import Empire
    from ermu.models.empire.numbers import play_incident
    from ermu.models.empire.view import Viewport, items_for, zooms
except ImportError:
    print(json.dumps(None)); sys.exit(0)
regime, counties = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter(); empire = Empire.build(counties=counties, regime=regime); t1 = time.perf_counter()
empire.prepare(); t1b = time.perf_counter()
steps = {}
for zoom in zooms(empire):
    view = Viewport.focused(empire, zoom, county=counties // 2)
    s = time.perf_counter(); layers = items_for(empire, view)
    steps[zoom] = (time.perf_counter() - s, sum(len(layer) for layer in layers))
t2 = time.perf_counter(); play_incident(empire, counties // 3); t3 = time.perf_counter()
print(json.dumps({"build": t1 - t0, "prepare": t1b - t1, "steps": steps, "incident": t3 - t2,
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str) -> dict | None:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def grouping(regimes: list[str]) -> None:
    print(f"{HOUSEHOLDS:,} households, one fresh process per regime")
    print(f"{'regime':<14}{'generate s':>12}{'group s':>10}{'leaders s':>11}{'total s':>10}{'peak RSS MiB':>14}")
    for regime in regimes:
        r = _child(CHILD, str(HOUSEHOLDS), regime)
        total = r["generate"] + r["group"] + r["leaders"]
        print(f"{regime:<14}{r['generate']:>12.3f}{r['group']:>10.3f}{r['leaders']:>11.3f}{total:>10.3f}"
              f"{r['max_rss_mib']:>14.0f}")


def cli_ratio(repeats: int = 3) -> None:
    cli = shutil.which("ermu-cli", path=str(Path(sys.executable).parent)) or "ermu-cli"

    def best(n: int) -> float:
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            subprocess.run([cli, "build", "--regime", "ming-lijia", "--households", str(n), "--json"],
                           capture_output=True, check=True)
            times.append(time.perf_counter() - t)
        return min(times)

    small, large = best(1_000), best(7_134_000)
    print(f"ermu-cli build --regime ming-lijia --json, whole process (best of {repeats}): "
          f"1,000 households {small:.2f} s, 7,134,000 households {large:.2f} s, ratio {large / small:.1f}x")


def empire(regimes: list[str]) -> None:
    for counties in (887, 1159):
        for regime in regimes:
            r = _child(EMPIRE_CHILD, regime, str(counties))
            if r is None:
                print("(ermu.models.empire not available: empire figures skipped)")
                return
            steps = ", ".join(f"{z} {t * 1000:.1f} ms ({n:,} items)" for z, (t, n) in r["steps"].items())
            print(f"empire {counties} counties, {regime}: build {r['build']:.3f} s + leaders and zoom tree "
                  f"{r['prepare']:.3f} s, incident "
                  f"{r['incident'] * 1000:.0f} ms, peak RSS {r['max_rss_mib']:.0f} MiB; zoom data: {steps}")


if __name__ == "__main__" and "--face" not in sys.argv:
    chosen = sys.argv[1:] or ["ming-lijia", "qing-baojia", "sui"]
    grouping(chosen)
    cli_ratio()
    empire(chosen)
    print("(the face: benchmarks/bench_empire.py --face)")


FACE_CHILD = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ermu.gui.settings import Settings
from ermu.gui.state import AppState
from ermu.gui.empire.view import EmpireView
face = EmpireView(AppState(Settings(None)))
face.resize(1280, 800); face.show()
t1 = time.perf_counter()
face.wait_until_built(60_000)
app.processEvents(); face.canvas.viewport().grab()
t2 = time.perf_counter()
paints = {}
for zoom in face.canvas.zoom_names():
    face.zoom_to(zoom, animate=False)
    s = time.perf_counter(); face.canvas.viewport().grab(); paints[zoom] = time.perf_counter() - s
print(json.dumps({"open": t1 - t0, "first_picture": t2 - t1, "paints": paints}))
"""


def face() -> None:
    r = _child(FACE_CHILD)
    paints = ", ".join(f"{z} {t * 1000:.0f} ms" for z, t in r["paints"].items())
    print(f"empire face: Qt and the face up in {r['open']:.2f} s, first picture {r['first_picture']:.2f} s after "
          f"the face opened (built off the GUI thread); each zoom step drawn (data + paint, 1280x800): {paints}")


if __name__ == "__main__" and "--face" in sys.argv:
    face()
