"""Languages: loading a catalog, and switching a window with faces open (printed, never asserted).

    python benchmarks/bench_language.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from ermu.models.language import set_language, shown_to_msgid, translations

    start = time.perf_counter()
    catalog = translations("zh-Hans")
    print(f"load the zh-Hans catalog: {1000 * (time.perf_counter() - start):.1f} ms "
          f"({len(getattr(catalog, '_catalog', {}))} entries)")
    start = time.perf_counter()
    shown_to_msgid("zh-Hans")
    print(f"reverse map of zh-Hans: {1000 * (time.perf_counter() - start):.1f} ms")
    set_language("en")

    from PySide6.QtWidgets import QApplication

    from ermu.gui.main_window import MainWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.gui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    window = MainWindow(AppState(Settings(None)))
    window.resize(1280, 800)
    window.show()
    for page in ("home", "charts", "library", "empire"):
        face = window.show_page(page)
        if hasattr(face, "wait_until_built"):
            face.wait_until_built()
        app.processEvents()
    timings = []
    for language in ("zh-Hans", "zh-Hant", "en") * 3:
        start = time.perf_counter()
        window.state.set_language(language)
        app.processEvents()
        timings.append(time.perf_counter() - start)
    print(f"switch with home, charts, library and the empire open: median {1000 * statistics.median(timings):.0f} ms, "
          f"max {1000 * max(timings):.0f} ms over {len(timings)} switches")
    if window.state.has_library:
        window.state.library.wait()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
