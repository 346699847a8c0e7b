"""Start-up: whole-process time from launch to the first painted window, Ermu against a bare Qt window.

Each run is a fresh process, offscreen, that exits on its window's first paint event; the
clock runs from just before the process is started. Prints the median of several runs of
each, and the ratio (the goal: Ermu within 2.0x a bare Qt window that shows a label).

    python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PAINT_THEN_EXIT = """
from PySide6.QtCore import QEvent, QObject
class _FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            import os; os._exit(0)
        return False
"""

BARE = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
""" + PAINT_THEN_EXIT + """
label = QLabel("Ermu 耳目 — eyes and ears")
watcher = _FirstPaint(); label.installEventFilter(watcher)
label.resize(1280, 800); label.show()
app.exec()
"""

ERMU = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
""" + PAINT_THEN_EXIT + """
from ermu.gui.main_window import MainWindow
from ermu.gui.settings import Settings
from ermu.gui.state import AppState
from ermu.gui.style import apply_style
apply_style(app)
window = MainWindow(AppState(Settings(None)))
watcher = _FirstPaint(); window.installEventFilter(watcher)
window.resize(1280, 800); window.show()
app.exec()
"""


def _time(code: str, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ERMU_DATA_DIR": f"{home}/d", "ERMU_CONFIG_DIR": f"{home}/c"}
        _time(BARE, env), _time(ERMU, env)  # warm the file cache
        bare, ermu = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            bare.append(_time(BARE, env))
            ermu.append(_time(ERMU, env))
    b, e = statistics.median(bare), statistics.median(ermu)
    print(f"runs: {args.runs} each, whole process to first paint (median)")
    print(f"bare Qt window with a label: {b:.3f} s")
    print(f"Ermu main window (Home):      {e:.3f} s")
    print(f"ratio: {e / b:.2f}x  (goal: at most 2.0x)")


if __name__ == "__main__":
    main()
