"""The faces of the app the main window can show, created on first use.

Each entry names a view id, its navigation title, and a factory that imports the view's
module only when the page is first shown, so the first window paints without loading
the sandbox, the charts or the library.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    module: str  # under ermu.gui
    cls: str
    shortcut: str = ""

    def available(self) -> bool:
        try:
            return importlib.util.find_spec(f"ermu.gui.{self.module}") is not None
        except ModuleNotFoundError:  # the page's package is not there at all
            return False

    def create(self, parent: QWidget | None = None) -> QWidget:
        module = importlib.import_module(f"ermu.gui.{self.module}")
        factory: Callable[..., QWidget] = getattr(module, self.cls)
        return factory(parent)


PAGES: tuple[Page, ...] = (
    Page("home", "Home", "home.home_view", "HomeView", "Ctrl+1"),
    Page("lessons", "Lessons", "lessons.lesson_view", "LessonView", "Ctrl+2"),
    Page("sandbox", "Sandbox", "builder.sandbox_view", "SandboxView", "Ctrl+3"),
    Page("compare", "Compare", "compare.compare_view", "CompareView", "Ctrl+4"),
    Page("criticism", "Criticism session", "criticism.view", "CriticismView", "Ctrl+5"),
    Page("credit", "Social credit", "credit.credit_view", "CreditView", "Ctrl+6"),
    Page("charts", "Surveys and data", "charts.charts_view", "ChartsView", "Ctrl+7"),
    Page("library", "Library", "library.library_page", "LibraryPage", "Ctrl+8"),
)


def available_pages() -> list[Page]:
    return [page for page in PAGES if page.available()]
