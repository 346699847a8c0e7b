"""GUI test fixtures: an app state per test (settings in memory, data in tmp_path)."""

from __future__ import annotations

import pytest


@pytest.fixture
def state(qapp):
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState

    state = AppState(Settings(None))
    yield state
    state.shutdown()


@pytest.fixture
def window(qtbot):
    """The desktop window at 1280x800, shown (a test module may define its own)."""
    from helpers import make_window

    window = make_window()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


@pytest.fixture(scope="module")
def styled(qapp):
    """The app's own style for a module's tests, and the application as it was afterwards."""
    from ermu.gui.style import apply_style

    font, palette, sheet, style = qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyle(style)
