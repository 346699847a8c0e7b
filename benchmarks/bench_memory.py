"""Resident memory over a long session: 1,000 regroups, each played through (issue 17, finding 10).

    python benchmarks/bench_memory.py [--regroups 1000] [--households 200] [--every 100]

A window like the teacher's (offscreen) shows the sandbox's Player; each round changes the
regime (a regroup, pushed on the sandbox's bounded undo stack) or the village, and steps
the incident's playback from its first step to its last, as a class watching would.
Resident memory (from /proc or getrusage) and the undo stack's depth are printed every
``--every`` rounds. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def resident_mb() -> float:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: the peak is the best there is
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regroups", type=int, default=1000)
    parser.add_argument("--households", type=int, default=200)
    parser.add_argument("--every", type=int, default=100)
    args = parser.parse_args()

    import tempfile

    os.environ.setdefault("ERMU_DATA_DIR", tempfile.mkdtemp(prefix="ermu-bench-"))
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from ermu.gui.main_window import MainWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.models.population import Population
    from ermu.models.regimes import REGIMES

    app = QApplication.instance() or QApplication([])
    state = AppState(Settings(None))
    window = MainWindow(state)
    window.resize(1280, 800)
    window.show()
    sandbox = window.show_page("sandbox")
    sandbox.show_tab("player")
    document, player = state.sandbox, sandbox.player
    document.propose("village", "Village", population=Population.generate(args.households, seed=1))
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    regimes = [r for r in REGIMES if r != "wang-shouren"]
    started, steps = time.perf_counter(), 0
    print(f"{'regroups':>8} {'resident MB':>12} {'undo depth':>11} {'steps played':>13} {'s':>7}")
    print(f"{0:>8} {resident_mb():>12.1f} {document.undo_stack.count():>11} {steps:>13} {0:>7.1f}")
    for n in range(1, args.regroups + 1):
        if n % 10 == 0:  # now and then a new village instead of a new regime
            document.propose("village", f"Village {n}", population=Population.generate(args.households, seed=n))
        else:
            document.propose("regime", f"Regime {n}", regime_id=regimes[n % len(regimes)])
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        player.playback.restart()
        while not player.playback.at_end:
            player.playback.step_forward()
            steps += 1
        app.processEvents()
        if n % args.every == 0:
            gc.collect()
            print(f"{n:>8} {resident_mb():>12.1f} {document.undo_stack.count():>11} {steps:>13} "
                  f"{time.perf_counter() - started:>7.1f}", flush=True)
    window.close()
    state.shutdown()


if __name__ == "__main__":
    main()
