"""Look and feel: one palette, readable type, visible focus, the bundled CJK font."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

INK = "#1f2933"
PAPER = "#fbf8f1"
CINNABAR = "#b23a2b"  # the seal red of official documents
JADE = "#2f7d6d"
SLATE = "#52606d"
MIST = "#e9e4d8"

#: Marks drawn beside every number the sources do not give.
ILLUSTRATIVE_MARK = "◇ illustrative"


def illustrative_mark() -> str:
    """:data:`ILLUSTRATIVE_MARK` in the current language ("◇ 示意" in Chinese)."""
    from ermu.models.i18n import _

    return "◇ " + _("illustrative")

BORDER = "#837b6b"  # control and card boundaries: 4.2:1 on white, 3.3:1 on MIST
FOCUS = CINNABAR  # the focus ring: 5.9:1 on white, 5.6:1 on PAPER
FOCUS_ON_DARK = "#f2c14e"  # the focus ring on the dark navigation: 8.8:1 on INK


@dataclass(frozen=True)
class Theme:
    """The colours of one look; every pair a student reads is checked in tests/gui/test_a11y_contrast.py."""

    name: str
    ink: str
    paper: str
    base: str  # fields, cards
    muted: str
    border: str
    accent: str  # the seal red: primary buttons, marks
    accent_hover: str
    focus: str
    nav: str
    nav_text: str
    nav_selected: str
    nav_selected_text: str
    nav_focus: str
    tooltip: str
    tooltip_text: str
    disabled: str


NORMAL = Theme("normal", INK, PAPER, "#ffffff", SLATE, BORDER, CINNABAR, "#9a2f22", FOCUS, INK, PAPER,
               PAPER, INK, FOCUS_ON_DARK, INK, PAPER, "#6b7683")
#: The projector theme: black on white, thick dark borders, a blue focus ring and selection
#: that survive a washed-out projector (PhET's "projector mode").
HIGH_CONTRAST = Theme("high-contrast", "#000000", "#ffffff", "#ffffff", "#1a1a1a", "#000000", "#8b0000",
                      "#5c0000", "#0044cc", "#000000", "#ffffff", "#ffff00", "#000000", "#00c8ff", "#000000",
                      "#ffffff", "#4d4d4d")


#: The smallest text a face may draw, in points: 0 on the desktop; the kiosk sets 16 pt (times
#: its text scale) through ``AppState.set_text_floor`` before it builds any face.
_text_floor = 0.0


def set_text_floor(points: float) -> None:
    global _text_floor
    _text_floor = max(0.0, float(points))


def text_floor() -> float:
    """The smallest text size in points (0: no floor, the desktop)."""
    return _text_floor


def at_least(points: float) -> float:
    """A point size, raised to the text floor (the kiosk's 16 pt) when it is below."""
    return max(points, _text_floor)


def pixel_size(pixels: float) -> str:
    """A font size in pixels for a style sheet (``"16px"``), or the text floor when that is
    larger (16 pt is 21⅓ px at 96 dpi): what the desktop draws at 15 px the kiosk draws at 16 pt."""
    if _text_floor and pixels < _text_floor * 96 / 72:
        return f"{_text_floor:.1f}pt"
    return f"{pixels:g}px"


def relative_size(factor: float, base: float | None = None) -> str:
    """A font size for a style sheet, ``factor`` times the application's font (so the
    desktop's font size and the reader's text size carry through), never below the text
    floor: e.g. ``"13.1pt"``."""
    if base is None:
        app = QApplication.instance()
        base = app.font().pointSizeF() if app is not None else 10.0
    return f"{max(6.0, base * factor, _text_floor):.1f}pt"


def stylesheet(theme: Theme = NORMAL, base: float = 10.0) -> str:
    """The app's style sheet for a theme, with sizes relative to the base point size."""
    t, size = theme, (lambda factor: relative_size(factor, base))
    return f"""
QWidget {{ color: {t.ink}; }}
QMainWindow, QStackedWidget > QWidget {{ background: {t.paper}; }}
QListWidget#navigation {{
    background: {t.nav}; color: {t.nav_text}; border: 3px solid {t.nav}; font-size: {size(1.07)}; padding-top: 8px;
    outline: 0; show-decoration-selected: 1;
}}
QListWidget#navigation::item {{ padding: 0.6em 0.8em; border-left: 4px solid transparent; }}
QListWidget#navigation::item:selected {{
    background: {t.nav_selected}; color: {t.nav_selected_text}; border-left: 6px solid {t.accent}; font-weight: 600;
}}
QListWidget#navigation:focus {{ border: 3px solid {t.nav_focus}; }}
QLabel#pageTitle {{ font-size: {size(1.86)}; font-weight: 600; }}
QLabel#pageSubtitle {{ font-size: {size(1.07)}; color: {t.muted}; }}
QFrame#card {{ background: {t.base}; border: 1px solid {t.border}; border-radius: 10px; }}
QFrame#card:focus {{ border: 3px solid {t.focus}; }}
QLabel#cardTitle {{ font-size: {size(1.21)}; font-weight: 600; }}
QLabel#cardName {{ font-size: {size(1.07)}; color: {t.accent}; }}
QLabel#muted {{ color: {t.muted}; }}
QPushButton {{
    background: {t.base}; border: 1px solid {t.border}; border-radius: 6px; padding: 5px 13px; min-height: 1.5em;
}}
QPushButton:hover {{ background: {MIST if t is NORMAL else "#e6e6e6"}; }}
QPushButton:focus {{ border: 3px solid {t.focus}; padding: 3px 11px; }}
QPushButton:checked {{ background: {MIST if t is NORMAL else "#d9d9d9"}; border: 2px solid {t.ink}; }}
QPushButton#primary {{ background: {t.accent}; color: white; border: 1px solid {t.accent}; font-weight: 600; }}
QPushButton#primary:hover {{ background: {t.accent_hover}; }}
QPushButton#primary:focus {{ border: 3px solid {t.ink}; padding: 3px 11px; }}
QPushButton:disabled {{ color: {t.disabled}; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; padding: 1px 3px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {t.focus}; }}
QSlider {{ border: 2px solid transparent; border-radius: 4px; }}
QSlider:focus {{ border: 2px solid {t.focus}; }}
QAbstractItemView, QAbstractScrollArea, QTextEdit, QPlainTextEdit, QLineEdit, QComboBox, QAbstractSpinBox {{
    border: 1px solid {t.border};
}}
QAbstractItemView:focus, QAbstractScrollArea:focus, QTextEdit:focus, QPlainTextEdit:focus, QLineEdit:focus,
QComboBox:focus, QAbstractSpinBox:focus, QGraphicsView:focus {{ border: 2px solid {t.focus}; }}
QListWidget#navigation:focus {{ border: 3px solid {t.nav_focus}; }}
QScrollArea {{ border: 2px solid transparent; }}
QScrollArea:focus {{ border: 2px solid {t.focus}; }}
QTabBar::tab {{
    padding: 0.35em 0.9em; border: 1px solid {t.border}; border-bottom: none; background: {t.paper};
    border-top-left-radius: 4px; border-top-right-radius: 4px; margin-right: 2px;
}}
QTabBar::tab:selected {{ background: {t.base}; border-top: 3px solid {t.accent}; font-weight: 600; }}
QTabBar::tab:focus {{ border: 2px solid {t.focus}; border-bottom: none; }}
QTabWidget::pane {{ border: 1px solid {t.border}; }}
QToolTip {{ background: {t.tooltip}; color: {t.tooltip_text}; border: 1px solid {t.tooltip_text}; padding: 6px; }}
"""


#: The normal style sheet at the historical base size (for code that wants the text).
STYLESHEET = stylesheet(NORMAL, 10.5)


def _content_path(*parts: str) -> str | None:
    """A content file on disk, found without importlib.resources (which costs the first paint
    more than the font it reads); ``None`` where the package is not a folder (then use resources)."""
    import ermu.content

    folder = os.path.dirname(getattr(ermu.content, "__file__", None) or "")
    path = os.path.join(folder, *parts)
    return path if folder and os.path.isfile(path) else None


def load_fonts() -> str | None:
    """Register the bundled CJK font (a subset of Noto Sans CJK TC); return its family."""
    path = _content_path("fonts", "ErmuCJK-Regular.otf")
    if path is not None:
        font_id = QFontDatabase.addApplicationFont(path)  # Qt reads the file itself
    else:
        from importlib import resources

        try:
            data = resources.files("ermu.content").joinpath("fonts", "ErmuCJK-Regular.otf").read_bytes()
        except (FileNotFoundError, OSError):
            return None
        font_id = QFontDatabase.addApplicationFontFromData(data)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def _base_point_size(app: QApplication) -> float:
    """The desktop's font size, read once (re-applying a theme must not compound it)."""
    base = app.property("ermuBasePointSize")
    if base is None:
        size = app.font().pointSizeF()
        base = size if size > 0 else 10.0
        app.setProperty("ermuBasePointSize", base)
    return float(base)


def apply_style(app: QApplication, *, scale: float = 1.0, high_contrast: bool = False) -> None:
    """Fusion, the bundled CJK font, the desktop's own font size (times ``scale``), a theme."""
    app.setStyle("Fusion")
    cjk = load_fonts()
    font = QFont("DejaVu Sans" if "DejaVu Sans" in QFontDatabase.families() else app.font().family())
    font.setPointSizeF(max(9.0, _base_point_size(app)) * scale)
    if cjk:  # Latin from the UI font, characters from the CJK font
        font.setFamilies([font.family(), cjk])
    app.setFont(font)
    apply_theme(app, high_contrast=high_contrast)


def current_theme() -> Theme:
    app = QApplication.instance()
    return HIGH_CONTRAST if app is not None and app.property("ermuTheme") == HIGH_CONTRAST.name else NORMAL


def apply_theme(app: QApplication, *, high_contrast: bool = False) -> None:
    """Colours and the style sheet for the normal or the projector theme (sizes follow the font)."""
    theme = HIGH_CONTRAST if high_contrast else NORMAL
    app.setProperty("ermuTheme", theme.name)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(theme.paper))
    palette.setColor(QPalette.ColorRole.Base, QColor(theme.base))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(MIST if theme is NORMAL else "#eeeeee"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(theme.accent if theme is NORMAL else theme.focus))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(theme.ink))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    palette.setColor(QPalette.ColorRole.Mid, QColor(theme.border))
    palette.setColor(QPalette.ColorRole.Dark, QColor(theme.border))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(theme, app.font().pointSizeF()))


__all__ = ["BORDER", "CINNABAR", "HIGH_CONTRAST", "ILLUSTRATIVE_MARK", "illustrative_mark", "INK", "JADE", "MIST", "NORMAL", "PAPER",
           "SLATE", "STYLESHEET", "Theme", "apply_style", "apply_theme", "current_theme", "load_fonts",
           "relative_size", "stylesheet"]
