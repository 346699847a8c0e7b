"""AppState: the one object that owns what the app knows, handed to every face.

napari's viewer model is the pattern: the state is created once, before any face, and
each face gets it in its constructor and keeps a reference; faces never reach into each
other. It owns

- the sandbox document (village, regime, year, incident and illustrative parameters, every
  edit on one bounded ``QUndoStack``), created the first time a face asks for it;
- the library service (one owner; database work off the GUI thread), opened on first use;
- typed settings, the language and the mode (``"desktop"`` or ``"kiosk"``);
- the choices Compare keeps between visits.

Faces ask for things beyond themselves with :meth:`request` (open a lesson, open a preset,
open or save a scenario, say a status); the shell's :class:`~ermu.gui.navigator.Navigator`
carries them out. A face may only make the requests its page declares.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from .settings import Settings

_floor_owner: weakref.ref | None = None  # the AppState that set the text floor (the kiosk)

MODES = ("desktop", "kiosk")
#: Every request a face can make, with what it carries.
REQUESTS = {
    "open_view": "a page id",
    "open_lesson": "a lesson id",
    "open_preset": "a models.presets.Preset (Try it, a lesson's question)",
    "open_scenario": "a library Scenario, opened on the page of its kind",
    "save_scenario": "a Scenario to save to the library",
}


@dataclass(frozen=True)
class Request:
    name: str
    args: tuple[Any, ...] = ()
    source: str = ""  # the page that asked


class AppState(QObject):
    requested = Signal(object)  # a Request, for the navigator
    status = Signal(str)  # one sentence for the status line (and, later, screen readers)
    language_changed = Signal(str)

    def __init__(self, settings: Settings | None = None, *, mode: str = "desktop",
                 database_url: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
        self.settings = settings or Settings(None)
        self.mode = mode
        self.database_url = database_url
        self.language = "en"
        self._qt_translators: list = []
        self._sandbox = None
        self._library = None
        wanted = self.settings.language or "en"
        if wanted != "en" or not _english_already():
            self._apply_language(wanted)

    # -- what the state owns, created on first use ---------------------------------------
    @property
    def sandbox(self):
        """The sandbox document (imports numpy and the engine the first time)."""
        if self._sandbox is None:
            from .sandbox.document import SandboxDocument

            self._sandbox = SandboxDocument(self)
            self._sandbox.status_changed.connect(self.status)
        return self._sandbox

    @property
    def has_sandbox(self) -> bool:
        return self._sandbox is not None

    @property
    def library(self):
        if self._library is None:
            from .library_service import LibraryService

            self._library = LibraryService(self.database_url, self)
            self._library.notice.connect(self.status)
        return self._library

    @property
    def has_library(self) -> bool:
        return self._library is not None

    @property
    def kiosk(self) -> bool:
        return self.mode == "kiosk"

    @property
    def text_floor(self) -> float:
        """The smallest text any face draws, in points (0 on the desktop)."""
        from .style import text_floor

        return text_floor()

    def set_text_floor(self, points: float) -> None:
        """The kiosk's reading size (16 pt times its text scale), set before any face is built:
        faces' own small sizes (style sheets through ``style.relative_size`` and
        ``style.pixel_size``, the lesson text, painted labels, charts) are raised to it."""
        from .style import set_text_floor

        global _floor_owner
        _floor_owner = weakref.ref(self) if points > 0 else None
        set_text_floor(points)

    @property
    def compare_regimes(self) -> list[str]:
        from ermu.models.regimes import REGIMES

        chosen = [r for r in self.settings.compare_regimes if r in REGIMES]
        return chosen if len(chosen) >= 2 else ["qing-baojia", "sui"]

    @compare_regimes.setter
    def compare_regimes(self, regimes: list[str]) -> None:
        self.settings.compare_regimes = list(regimes)

    # -- talking to the shell --------------------------------------------------------------
    def request(self, name: str, *args: Any, source: str = "") -> None:
        if name not in REQUESTS:
            raise ValueError(f"unknown request {name!r}: use one of {', '.join(REQUESTS)}")
        self.requested.emit(Request(name, args, source))

    def say(self, text: object) -> None:
        self.status.emit(str(text))

    def set_language(self, language: str) -> None:
        """Speak ``language`` ("en", "zh-Hans", "zh-Hant") from now on: the models' catalog, Qt's
        own dialogs, the font; the desktop remembers it; faces retranslate on ``language_changed``.

        Raises ``ermu.models.language.LanguageError`` (one sentence) for a language Ermu lacks.
        """
        from ermu.models.language import normalise

        language = normalise(language)
        if language != self.language:
            self._apply_language(language)
            if not self.kiosk:
                self.settings.language = language
            self.language_changed.emit(language)

    def _apply_language(self, language: str) -> None:
        from ermu.models.language import LanguageError, set_language

        from .translators import install_qt_translators

        try:
            self.language = set_language(language)
        except LanguageError:  # a stale setting: English, and say nothing
            self.language = set_language("en")
        self._qt_translators = install_qt_translators(self.language, self._qt_translators)

    def shutdown(self) -> None:
        """Finish background work and close the library (the shell calls this on close)."""
        if _floor_owner is not None and _floor_owner() is self:  # only the state that set it lifts it,
            # so a window closed late (deleteLater after the next one opened) cannot undo it
            self.set_text_floor(0)  # the desktop (or the next test) draws its own sizes again
        if self._library is not None:
            self._library.close()


def _english_already() -> bool:
    """Nothing to undo: no catalog and no Qt translator chosen yet in this process, so an English
    start loads neither the language layer's fonts nor Qt's catalogs (the first paint is sooner)."""
    import sys

    language = sys.modules.get("ermu.models.language")
    translators = sys.modules.get("ermu.gui.translators")
    return (language is None or language.current_language() == "en") and \
        (translators is None or not translators._installed)


__all__ = ["AppState", "MODES", "REQUESTS", "Request"]
