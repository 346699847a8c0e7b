"""Open every face at the sizes a student meets and print what the accessibility checks find.

    QT_QPA_PLATFORM=offscreen python tools/a11y_audit.py [--sizes 1024x768,1280x800] [--faces home,lessons]
        [--langs en,zh-Hans,zh-Hant]

Per face and size: unnamed interactive controls, labels whose name hides their text,
clipped texts and keyboard-unreachable controls (``ermu.gui.a11y``). Run it with
``QT_SCALE_FACTOR=1.5`` for 1.5x; the sizes are logical pixels. Prints counts; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1024x768,1280x800,1920x1080")
    parser.add_argument("--faces", default="")
    parser.add_argument("--langs", default="en,zh-Hans,zh-Hant", help="the languages to walk, in turn")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from ermu.gui import a11y
    from ermu.gui.main_window import MainWindow
    from ermu.gui.pages import PAGES
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.gui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    window = MainWindow(AppState(Settings(None)))
    window.show()
    faces = [f for f in args.faces.split(",") if f] or [p.id for p in PAGES]
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    total = 0

    def settle():
        for _ in range(3):
            app.processEvents()

    for language in [code for code in args.langs.split(",") if code]:
        window.state.set_language(language)
        for face_id in faces:
            window.show_page(face_id)
            for width, height in sizes:
                window.resize(width, height)
                findings = a11y.audit_every_tab(window, settle)
                counts = ", ".join(f"{k} {len(v)}" for k, v in findings.items())
                print(f"{language:7} {face_id:10} {width}x{height}: {counts}")
                for kind, items in findings.items():
                    total += len(items)
                    for item in items if args.verbose else []:
                        print(f"    {item}")
    window.close()
    print(f"total findings: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
