"""GUI test helpers: a window over a fresh app state, and opening a page with a preset as a user would."""

from __future__ import annotations

def make_window():
    from ermu.gui.main_window import MainWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState

    return MainWindow(AppState(Settings(None)))


def show(window, page_id: str, **fields):
    """Show a page; with fields, open them as that page's preset (as Try it or --view would)."""
    from ermu.models.presets import Preset

    face = window.show_page(page_id)
    if fields:
        face.open_preset(Preset.parse({"view": page_id, **fields}, "test"))
    return face


def preset(**fields):
    from ermu.models.presets import Preset

    return Preset.parse(fields, "test")
