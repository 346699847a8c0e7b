"""The page table: every face the shells can show, and what each declares.

A page declares its id, title, keyboard shortcut, the module and class of its face (the
module is imported only when the page is first shown, so the first window paints fast),
the requests its face may make, whether it opens presets, and whether it may appear on a
museum kiosk. Adding a face means one entry here and one module under ``gui/``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ermu.models.i18n import N_, _

if TYPE_CHECKING:  # pragma: no cover
    from .face import Face
    from .state import AppState


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    module: str  # under ermu.gui
    cls: str
    shortcut: str = ""
    requests: frozenset[str] = frozenset()
    presets: bool = False  # does the face open presets (Try it, built-in examples)?
    kiosk: bool = False  # may it appear on a museum kiosk?

    @property
    def shown_title(self) -> str:
        """The title in the current language (``title`` is the English msgid)."""
        return _(self.title)

    def create(self, state: "AppState", parent: QWidget | None = None) -> "Face":
        module = importlib.import_module(f"ermu.gui.{self.module}")
        factory = getattr(module, self.cls)
        if factory.page_id != self.id:
            raise TypeError(f"{self.cls}.page_id is {factory.page_id!r}, but the page table says {self.id!r}")
        return factory(state, parent)


def _r(*names: str) -> frozenset[str]:
    return frozenset(names)


PAGES: tuple[Page, ...] = (
    Page("home", N_("Home"), "home.home_view", "HomeView", "Ctrl+1", _r("open_view", "open_preset", "open_lesson"),
         kiosk=True),
    Page("lessons", N_("Lessons"), "lessons.lesson_view", "LessonView", "Ctrl+2", _r("open_preset"), kiosk=True),
    Page("sandbox", N_("Sandbox"), "sandbox.sandbox_view", "SandboxView", "Ctrl+3", _r("save_scenario"),
         presets=True, kiosk=True),
    Page("compare", N_("Compare"), "sandbox.compare_view", "CompareView", "Ctrl+4", presets=True, kiosk=True),
    Page("criticism", N_("Criticism session"), "criticism.view", "CriticismView", "Ctrl+5",
         _r("open_lesson", "open_view"), presets=True, kiosk=True),
    Page("credit", N_("Social credit"), "credit.credit_view", "CreditView", "Ctrl+6", presets=True, kiosk=True),
    Page("charts", N_("Surveys and data"), "charts.charts_view", "ChartsView", "Ctrl+7", presets=True, kiosk=True),
    Page("library", N_("Library"), "library.library_page", "LibraryPage", "Ctrl+8", _r("open_scenario")),
    Page("years", N_("Over the years"), "years.years_view", "YearsView", "Ctrl+9", _r("save_scenario"), presets=True,
         kiosk=True),
    Page("empire", N_("The empire"), "empire.view", "EmpireView", "Ctrl+Shift+E", _r("open_lesson"), presets=True,
         kiosk=True),
)


def page(page_id: str) -> Page:
    for item in PAGES:
        if item.id == page_id:
            return item
    raise KeyError(f"unknown page {page_id!r}: use one of {', '.join(p.id for p in PAGES)}")


def page_ids(*, kiosk: bool = False) -> list[str]:
    return [p.id for p in PAGES if p.kiosk or not kiosk]


__all__ = ["PAGES", "Page", "page", "page_ids"]
