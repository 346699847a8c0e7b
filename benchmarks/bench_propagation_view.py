"""The propagation view's budgets: drawing a village, playing an incident, opening a large village.

Run: ``python benchmarks/bench_propagation_view.py``. Prints figures; asserts nothing.

- layout + draw of 1,000 households (budget 50 ms): the diagram is built and painted once
  into an offscreen viewport;
- frame times of a 200-household incident playing at the default speed (goal: 60 fps, so
  at most 16.7 ms a frame): every step is shown, its camera move and travelling token run,
  and each frame is painted, timing the paint of the viewport;
- opening 100,000 households (goal: under 1 s): grouping is the document's (timed apart),
  then the diagram's blocks and the offender's unit opened down to its houses.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _hierarchy(households: int, regime: str = "qing-baojia"):
    from ermu.models.hierarchy import group
    from ermu.models.population import Population

    return group(Population.generate(households, 7), regime)


def _paint(view) -> float:
    from PySide6.QtGui import QImage, QPainter

    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    t = time.perf_counter()
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    return time.perf_counter() - t


def main() -> None:
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from ermu.gui.sandbox.playback import step_ms
    from ermu.gui.sandbox.player_view import step_actors
    from ermu.gui.widgets.hierarchy_diagram import HierarchyDiagram
    from ermu.gui.widgets.marks import roles_until
    from ermu.models.propagation import Incident, simulate

    app = QApplication.instance() or QApplication([])

    # 1. layout + draw of 1,000 households
    h1000 = _hierarchy(1_000)
    view = HierarchyDiagram()
    view.resize(900, 600)
    view.show()
    app.processEvents()
    times = []
    for _ in range(5):
        t = time.perf_counter()
        view.set_hierarchy(h1000)
        built = time.perf_counter() - t
        times.append(built + _paint(view))
    print(f"layout + draw, 1,000 households ({view.item_count():,} items): median {statistics.median(times) * 1000:.1f} ms "
          f"(budget 50 ms; best {min(times) * 1000:.1f} ms)")

    # 2. frame times of a 200-household incident at the default speed
    h200 = _hierarchy(200)
    view.set_hierarchy(h200)
    result = simulate(h200, Incident(offender=57, offence="theft", response="reported"))
    steps = result.trace.steps
    interval = step_ms(len(steps))
    frames: list[float] = []
    step_costs: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    offender = steps[0].actor
    for index, step in enumerate(steps):
        roles, arrows = roles_until(steps, index)
        t = time.perf_counter()
        view.set_marks(roles, arrows, {a for a in (step.actor, step.target) if isinstance(a, int)})
        view.focus(step_actors(step, offender))
        view.play_step(step.kind, step.actor, step.target, int(interval * 0.75))
        step_cost = time.perf_counter() - t
        step_costs.append(step_cost)
        frames.append(step_cost + _paint(view))
        end = clock.elapsed() + min(interval, 400)  # a few frames of each step's motion
        while clock.elapsed() < end:
            t = time.perf_counter()
            app.processEvents()
            frames.append(time.perf_counter() - t + _paint(view))
    frames_ms = sorted(f * 1000 for f in frames)
    p95 = frames_ms[int(len(frames_ms) * 0.95) - 1]
    print(f"incident of {len(steps)} steps, 200 households: {interval} ms a step, "
          f"{interval * len(steps) / 1000:.1f} s in all at the default speed")
    print(f"  frame times over {len(frames_ms)} frames: median {statistics.median(frames_ms):.1f} ms, "
          f"95th percentile {p95:.1f} ms, worst {frames_ms[-1]:.1f} ms (60 fps: 16.7 ms)")
    print(f"  of which the first frame of a step (marks, camera target, inset redrawn): median "
          f"{statistics.median(step_costs) * 1000:.1f} ms, worst {max(step_costs) * 1000:.1f} ms")

    # 3. opening 100,000 households
    t = time.perf_counter()
    h100k = _hierarchy(100_000)
    grouped = time.perf_counter() - t
    t = time.perf_counter()
    view.set_hierarchy(h100k)
    view.open_path(57)
    view.focus([57])
    opened = time.perf_counter() - t
    painted = _paint(view)
    print(f"100,000 households: group {grouped:.3f} s (the document's work, partly lazy); diagram {opened:.3f} s "
          f"+ first paint {painted:.3f} s = {opened + painted:.3f} s ({view.item_count():,} items; goal under 1 s)")
    view.close()


if __name__ == "__main__":
    main()
