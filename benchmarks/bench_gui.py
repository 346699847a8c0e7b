"""GUI timings: start to first painted window, and regrouping villages in the sandbox.

Run: ``python benchmarks/bench_gui.py``. Prints figures; asserts nothing (budgets live here,
not in timed tests).
"""

from __future__ import annotations

import os
import time

_START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ermu.gui.main_window import MainWindow
    from ermu.gui.style import apply_style

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.grab()
    print(f"process start to first painted main window: {time.perf_counter() - _START:.3f} s")

    t = time.perf_counter()
    sandbox = window.show_view("sandbox")
    app.processEvents()
    sandbox.grab()
    print(f"open the sandbox (200 households, qing-baojia): {time.perf_counter() - t:.3f} s")
    doc = sandbox.document
    for households in (1_000, 100_000):
        t = time.perf_counter()
        doc.generate(households, 7)
        if doc.busy:
            loop = QEventLoop()
            doc.changed.connect(loop.quit)
            QTimer.singleShot(60_000, loop.quit)
            loop.exec()
        app.processEvents()
        generated = time.perf_counter() - t
        t = time.perf_counter()
        doc.set_regime("ming-lijia" if doc.regime_id == "qing-baojia" else "qing-baojia")
        app.processEvents()
        sandbox.grab()
        regroup = time.perf_counter() - t
        print(f"{households:>7,} households: new village {generated:.3f} s; regroup under another regime "
              f"(document + tree + diagram, {sandbox.builder.diagram.item_count():,} items) {regroup:.3f} s")
    window.close()


if __name__ == "__main__":
    main()
