"""Record the README's animation: a report climbing the Qing baojia and the reporter commended.

Run: ``python tools/record_propagation.py docs/propagation.gif``. The same as
``ermu --record FILE --view player``, with the incident's response set to *reported* so the
token travels up the chain (the sandbox's default incident is concealed).
"""

from __future__ import annotations

import os
import sys


def main(target: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ermu.gui.main_window import MainWindow
    from ermu.gui.recording import check_target, record
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.gui.style import apply_style
    from ermu.models.presets import Preset

    problem = check_target(target, "player")
    if problem:
        print(f"record_propagation: {problem}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    apply_style(app)
    window = MainWindow(AppState(Settings(None)))
    sandbox = window.show_page("sandbox")
    sandbox.open_preset(Preset.parse({"regime": "qing-baojia", "households": 200, "seed": 7, "incident": {
        "offender": 57, "offence": "theft", "response": "reported"}}, "the recording"))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    problem = record(window, target)
    window.close()
    if problem:
        print(f"record_propagation: {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/propagation.gif"))
