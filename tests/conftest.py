"""Test set-up: Qt offscreen, settings and data in tmp_path, deferred deletes flushed."""

from __future__ import annotations

import os

# Before anything imports Qt: render offscreen, never on the user's screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep settings, databases and autosaves of every test away from the user's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ERMU_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ERMU_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("ERMU_DATABASE_URL", raising=False)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):  # English unless a test asks otherwise
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    from ermu.models.language import set_language

    set_language("en")  # a test that switched language leaves none behind
    import sys

    if "ermu.gui.translators" in sys.modules:  # nor Qt's own catalogs and the script's font
        sys.modules["ermu.gui.translators"].install_qt_translators("en", [])


@pytest.fixture(autouse=True)
def _flush_deferred_deletes(request):
    """Widgets deleted with deleteLater must really go before the next test starts."""
    yield
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            for widget in QApplication.topLevelWidgets():
                widget.close()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
