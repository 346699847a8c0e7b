"""Look and feel: one palette, readable type, visible focus, the bundled CJK font."""

from __future__ import annotations

from importlib import resources

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

STYLESHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QStackedWidget > QWidget {{ background: {PAPER}; }}
QListWidget#navigation {{
    background: {INK}; color: {PAPER}; border: none; font-size: 15px; padding-top: 8px;
}}
QListWidget#navigation::item {{ padding: 12px 16px; border-left: 4px solid transparent; }}
QListWidget#navigation::item:selected {{
    background: #2d3b48; color: white; border-left: 4px solid {CINNABAR};
}}
QListWidget#navigation:focus {{ outline: 2px solid {CINNABAR}; }}
QLabel#pageTitle {{ font-size: 26px; font-weight: 600; }}
QLabel#pageSubtitle {{ font-size: 15px; color: {SLATE}; }}
QFrame#card {{ background: white; border: 1px solid {MIST}; border-radius: 10px; }}
QFrame#card:focus {{ border: 2px solid {CINNABAR}; }}
QLabel#cardTitle {{ font-size: 17px; font-weight: 600; }}
QLabel#cardName {{ font-size: 15px; color: {CINNABAR}; }}
QLabel#muted {{ color: {SLATE}; }}
QPushButton {{
    background: white; border: 1px solid #c9c2b2; border-radius: 6px; padding: 6px 14px; min-height: 22px;
}}
QPushButton:hover {{ background: {MIST}; }}
QPushButton:focus {{ border: 2px solid {CINNABAR}; }}
QPushButton#primary {{ background: {CINNABAR}; color: white; border: none; font-weight: 600; }}
QPushButton#primary:hover {{ background: #9a2f22; }}
QPushButton:disabled {{ color: #9aa5b1; }}
QToolTip {{ background: {INK}; color: {PAPER}; border: none; padding: 6px; }}
"""


def load_fonts() -> str | None:
    """Register the bundled CJK font (a subset of Noto Sans CJK TC); return its family."""
    try:
        font_file = resources.files("ermu.content").joinpath("fonts", "ErmuCJK-Regular.otf")
        data = font_file.read_bytes()
    except (FileNotFoundError, OSError):
        return None
    font_id = QFontDatabase.addApplicationFontFromData(data)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def apply_style(app: QApplication, *, scale: float = 1.0) -> None:
    app.setStyle("Fusion")
    cjk = load_fonts()
    font = QFont("DejaVu Sans" if "DejaVu Sans" in QFontDatabase.families() else app.font().family())
    font.setPointSizeF(10.5 * scale)
    if cjk:  # Latin from the UI font, characters from the CJK font
        font.setFamilies([font.family(), cjk])
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(CINNABAR))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
