"""``ermu --open ID``: start straight into a library example, as the Library's Open does."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication

from ermu.models.population import Population
from ermu.models.storage import Library, Scenario


def test_open_puts_a_saved_example_on_the_player_tab(qtbot, monkeypatch):
    from ermu.gui import app

    with Library() as library:
        saved = library.save(Scenario(title="Lin village, concealed theft", regime="qing-baojia",
                                      population=Population.generate(40, seed=2), seed=2,
                                      parameters={"incident": {"offender": 3, "offence": "theft",
                                                               "response": "concealed"}}))
    windows = []
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)  # return once the window is up
    from ermu.gui import main_window

    original = main_window.MainWindow

    class Recorded(original):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            windows.append(self)

    monkeypatch.setattr(main_window, "MainWindow", Recorded)
    assert app.main(["--open", str(saved.id), "--view", "player"]) == 0
    window = windows[0]
    qtbot.addWidget(window)
    app._settle(QApplication.instance(), window.state)
    sandbox = window.show_page("sandbox")
    assert sandbox.tabs.tabText(sandbox.tabs.currentIndex()) == "&Player"
    assert window.status_message.text() == "Opened “Lin village, concealed theft”."
    assert window.state.sandbox.incident.offender == 3


def test_open_an_unknown_id_is_one_line_and_exit_2_with_a_screenshot(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(tmp_path / "x.png"),
                             "--open", "99"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == "ermu: error: There is no scenario 99 in the library."
    assert not (tmp_path / "x.png").exists()


def test_open_a_builtin_example_with_a_screenshot(tmp_path):
    target = tmp_path / "qing.png"
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(target),
                             "--open", "builtin:qing-baojia", "--view", "builder"], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 10_000


def test_open_with_a_view_of_another_page_is_refused(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(tmp_path / "x.png"),
                             "--open", "1", "--view", "compare"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2 and "--open goes with --view builder or --view player" in result.stderr
