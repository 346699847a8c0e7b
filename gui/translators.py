"""Qt's side of a language switch: Qt's own catalogs and the CJK font of the script.

Our strings come from the gettext catalogs (:mod:`ermu.models.language`); Qt's own dialogs
and buttons (OK, Cancel, the file dialog) come from the ``qt_zh_CN.qm`` / ``qt_zh_TW.qm``
that PySide6 ships, loaded with :class:`QTranslator` from ``QLibraryInfo``'s translations path.
The bundled font (``content/fonts``) has a Simplified and a Traditional face, so each script
is drawn with its own glyph forms; the app font's fallback follows the language.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from ermu.models.language import QT_LOCALES

log = logging.getLogger(__name__)

#: The bundled font files of each script (built by tools/build_font.py).
FONT_FILES = {"zh-Hans": ("ErmuCJKsc-Regular.otf", "ErmuCJKsc-Bold.otf"),
              "zh-Hant": ("ErmuCJK-Regular.otf", "ErmuCJK-Bold.otf")}  # the name gui/style.py loads
_families: dict[str, str] = {}
#: Qt's translators are the application's, not one state's: the last language chosen wins.
_installed: list[QTranslator] = []
#: Every Qt catalog loaded so far, by (catalog, locale): switching back reuses it.
_loaded: dict[tuple[str, str], QTranslator] = {}


def install_qt_translators(language: str, old: list[QTranslator]) -> list[QTranslator]:
    """Remove the previous language's Qt translators and install this one's (none for English)."""
    app = QCoreApplication.instance()
    if app is None:
        return []
    for translator in [*old, *_installed]:
        app.removeTranslator(translator)
    _installed.clear()
    installed = _installed
    locale = QT_LOCALES.get(language, "en")
    QLocale.setDefault(QLocale(locale))
    if language != "en":
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase", "qt"):
            translator = _loaded.get((name, locale))
            if translator is not None and not isValid(translator):  # its application is gone (tests)
                translator = None
            if translator is None:  # loaded once per catalog: a kiosk switches languages for weeks
                translator = QTranslator(app)
                if not translator.load(f"{name}_{locale}", folder):
                    translator.deleteLater()
                    continue
                _loaded[(name, locale)] = translator
            app.installTranslator(translator)
            installed.append(translator)
            break
        else:
            log.info("no Qt catalog for %s in %s", locale, folder)
    use_script_font(language)
    return list(installed)


def cjk_family(language: str) -> str | None:
    """Register the bundled faces of a script once; return the family (``None``: not bundled)."""
    script = language if language in FONT_FILES else "zh-Hans"
    if script in _families:
        return _families[script]
    family = None
    for name in FONT_FILES[script]:
        try:
            data = resources.files("ermu.content").joinpath("fonts", name).read_bytes()
        except (FileNotFoundError, OSError):
            continue
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    _families[script] = family
    return family


def use_script_font(language: str) -> None:
    """Put the script's CJK family first among the app font's fallbacks (Latin stays as it is)."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return
    family = cjk_family(language)
    if not family:
        return
    font = QFont(QApplication.font())
    others = [f for f in font.families() if f not in _families.values()]
    latin = others[:1] or [font.family()]
    font.setFamilies(latin + [family] + others[1:])
    QApplication.setFont(font)


__all__ = ["FONT_FILES", "cjk_family", "install_qt_translators", "use_script_font"]
