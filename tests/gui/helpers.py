"""GUI test helpers: a window over a fresh app state, and opening a page with a preset as a user would."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

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


@lru_cache(maxsize=None)
def english_with_translation(language: str) -> frozenset[str]:
    """Every English message (as written, no placeholders) that the catalog translates differently."""
    if str(ROOT / "tools") not in sys.path:
        sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    found = set()
    for message in i18n._catalog(i18n.path_of(language)):
        if message.id and isinstance(message.id, str) and "{" not in message.id and message.string \
                and message.string != message.id:
            found.add(message.id)
    return frozenset(found)
