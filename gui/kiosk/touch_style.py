"""The kiosk's touch style: every target at least 44 px, body text at least 16 pt.

Applied to the kiosk window only (the desktop keeps its own style); it reaches every face a
station embeds, so faces need no kiosk code of their own to be touchable.
"""

from __future__ import annotations

from ..style import CINNABAR, INK, MIST, PAPER, SLATE

TARGET = 44  # px: the smallest touch target (WCAG 2.5.5, Apple's and Android's guidance)
#: Body text everywhere in the kiosk, the faces included: 16 pt (21⅓ px at 96 dpi; Qt draws it at
#: 21 px). This sheet sets it on every widget; sizes a face chooses itself (its own style sheets,
#: the lesson text, painted labels, charts) are raised to it by ``AppState.set_text_floor``.
BODY_PT = 16


def kiosk_stylesheet(scale: float = 1.0) -> str:
    body = round(BODY_PT * scale)  # pt
    t = TARGET
    return f"""
QWidget {{ font-size: {body}pt; }}
QWidget#kioskRoot, QStackedWidget#kioskStack > QWidget {{ background: {PAPER}; }}
QPushButton, QToolButton, QComboBox, QAbstractSpinBox, QLineEdit, QDateEdit {{
    min-height: {t}px; min-width: {t}px;
}}
QPushButton {{ padding: 6px 10px; }}
QComboBox QAbstractItemView::item {{ min-height: {t}px; }}
QAbstractSpinBox {{ padding-right: {2 * t + 4}px; }}
QAbstractSpinBox::up-button {{ subcontrol-origin: border; subcontrol-position: center right;
    width: {t}px; height: {t}px; right: 0px; }}
QAbstractSpinBox::down-button {{ subcontrol-origin: border; subcontrol-position: center right;
    width: {t}px; height: {t}px; right: {t + 2}px; }}
QAbstractSpinBox::up-arrow, QAbstractSpinBox::down-arrow {{ width: 16px; height: 16px; }}
QCheckBox, QRadioButton {{ min-height: {t}px; spacing: 12px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {t - 8}px; height: {t - 8}px; }}
QSlider {{ min-height: {t}px; min-width: {3 * t}px; }}
QSlider::groove:horizontal {{ height: 10px; background: {MIST}; border-radius: 5px; }}
QSlider::handle:horizontal {{ width: {t}px; height: {t}px; margin: -17px 0; border-radius: 22px;
    background: {CINNABAR}; }}
QTabBar::tab {{ min-height: {t}px; min-width: {2 * t}px; padding: 4px 18px; }}
QScrollBar:vertical {{ width: {t}px; }}
QScrollBar:horizontal {{ height: {t}px; }}
QScrollBar::handle {{ min-height: {t}px; min-width: {t}px; background: #c9c2b2; border-radius: 8px; }}
QListView::item, QTreeView::item, QTableView::item {{ min-height: {t}px; }}
QHeaderView::section {{ min-height: {t}px; }}
QPushButton#kioskTile {{
    background: white; border: 2px solid {MIST}; border-radius: 14px; min-height: 140px;
}}
QPushButton#kioskTile:pressed {{ background: {MIST}; border-color: {CINNABAR}; }}
QPushButton#kioskHome {{ background: {INK}; color: {PAPER}; font-weight: 600; min-height: 56px; min-width: 140px; }}
QPushButton#kioskLanguage {{ min-height: 56px; min-width: 140px; }}
QPushButton#kioskLanguage:checked {{ background: {INK}; color: {PAPER}; }}
QPushButton#kioskBig {{ min-height: 72px; min-width: 240px; font-size: {round(20 * scale)}pt; font-weight: 600; }}
QPushButton#kioskKey {{ min-height: 80px; min-width: 96px; font-size: {round(24 * scale)}pt; font-weight: 600; }}
QLabel#kioskTitle {{ font-size: {round(30 * scale)}pt; font-weight: 700; }}
QLabel#kioskHint {{ color: {SLATE}; font-size: {round(16 * scale)}pt; }}
QLabel#kioskTileLine, QLabel#kioskExplain {{ font-size: {round(16 * scale)}pt; }}
QLabel#kioskStationTitle {{ font-size: {round(20 * scale)}pt; font-weight: 700; }}
QLabel#kioskDo {{ color: {INK}; font-size: {round(16 * scale)}pt; }}
QWidget#kioskOverlay {{ background: rgba(31, 41, 51, 215); }}
QFrame#kioskCard {{ background: {PAPER}; border-radius: 18px; }}
QLabel#kioskCountdown {{ font-size: {round(64 * scale)}pt; font-weight: 700; color: {CINNABAR}; }}
QStackedWidget#kioskStack > QWidget#kioskAttract {{ background: {INK}; }}
QWidget#kioskAttract QLabel {{ color: {PAPER}; }}
QLabel#kioskAttractLines {{ font-size: {round(20 * scale)}pt; }}
QLabel#kioskCall {{ font-size: {round(40 * scale)}pt; font-weight: 700; color: white; }}
"""


__all__ = ["TARGET", "kiosk_stylesheet"]
