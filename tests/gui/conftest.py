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
