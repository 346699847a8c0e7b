"""The shell for a keyboard and low-vision user (issue 15): F1 help, the projector theme,
visible focus, a first window that fits the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from ermu.gui import a11y, style

from helpers import make_window, show


@pytest.fixture
def window(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    style.apply_theme(QApplication.instance(), high_contrast=False)


def _press_f1(window, qtbot) -> QDialog:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "keyboard_help", None) is not None
                    and window.keyboard_help.isVisible(), timeout=2000)
    return window.keyboard_help


def test_f1_lists_every_key_of_the_criticism_session(window, qtbot):
    show(window, "criticism")
    help_ = _press_f1(window, qtbot)
    rows = dict((keys, what) for keys, what in help_.rows())
    for key in ("N", "P", "1", "2", "3", "4", "5", "Ctrl+5", "F1", "Ctrl+Shift+H"):
        assert key in rows, f"{key} missing from {sorted(rows)}"
    assert "Step" in rows["N"] and "Play" in rows["P"]
    assert help_.table.accessibleName().startswith("Keys of the Criticism session page")
    assert help_.table.hasFocus() or help_.isVisible()
    qtbot.keyClick(help_.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not help_.isVisible(), timeout=2000)


@pytest.mark.parametrize("face", ["home", "lessons", "credit", "charts", "library", "years", "empire"])
def test_f1_opens_help_on_every_face_with_the_page_keys(window, qtbot, face):
    show(window, face)
    help_ = _press_f1(window, qtbot)
    rows = help_.rows()
    assert ("Ctrl+1", "Go to Home") in rows and any(k == "F1" for k, _ in rows)
    help_.close()


def test_the_projector_theme_switches_on_from_the_view_menu_and_is_remembered(window, qtbot):
    assert window.view_menu.title().replace("&", "") == "View"
    window.contrast_action.trigger()
    assert window.state.settings.high_contrast is True
    assert QApplication.instance().property("ermuTheme") == "high-contrast"
    assert "#000000" in QApplication.instance().styleSheet()
    again = type(window)(window.state)  # the next start, same settings
    qtbot.addWidget(again)
    assert again.contrast_action.isChecked()
    again.contrast_action.trigger()
    assert window.state.settings.high_contrast is False
    assert QApplication.instance().property("ermuTheme") == "normal"


@pytest.mark.parametrize("theme", [style.NORMAL, style.HIGH_CONTRAST])
def test_every_colour_pair_a_student_reads_meets_wcag(theme):
    text_pairs = {
        "body text": (theme.ink, theme.paper), "text on fields and cards": (theme.ink, theme.base),
        "muted text": (theme.muted, theme.paper), "muted text on cards": (theme.muted, theme.base),
        "navigation": (theme.nav_text, theme.nav), "selected navigation": (theme.nav_selected_text, theme.nav_selected),
        "primary button": ("#ffffff", theme.accent), "tooltip": (theme.tooltip_text, theme.tooltip),
        "placeholder": (theme.muted, theme.base),
    }
    for what, (fg, bg) in text_pairs.items():
        assert a11y.contrast_ratio(fg, bg) >= 4.5, f"{what}: {a11y.contrast_ratio(fg, bg):.2f}"
    graphic_pairs = {
        "button border": (theme.border, theme.base), "card border": (theme.border, theme.paper),
        "focus ring on white": (theme.focus, theme.base), "focus ring on paper": (theme.focus, theme.paper),
        "selected navigation against the rest": (theme.nav_selected, theme.nav),
        "navigation focus ring": (theme.nav_focus, theme.nav),
    }
    for what, (fg, bg) in graphic_pairs.items():
        assert a11y.contrast_ratio(fg, bg) >= 3.0, f"{what}: {a11y.contrast_ratio(fg, bg):.2f}"


def test_the_style_draws_a_focus_ring_on_check_boxes_and_lists(qtbot):
    sheet = style.stylesheet(style.NORMAL, 10)
    for selector in ("QCheckBox:focus", "QSlider:focus", "QAbstractItemView:focus", "QTabBar::tab:focus",
                     "QScrollArea:focus", "QPushButton:focus", "QGraphicsView:focus"):
        assert selector in sheet
    assert "10.5pt" not in style.stylesheet(style.NORMAL, 14) and "15.0pt" in style.stylesheet(style.NORMAL, 14)


@pytest.fixture
def normal_sheet():
    """The normal theme's style sheet on the application for one test, then the old one back."""
    app = QApplication.instance()
    old = app.styleSheet()
    app.setStyleSheet(style.stylesheet(style.NORMAL, 10))
    yield
    app.setStyleSheet(old)


def test_a_focused_check_box_shows_a_ring_you_can_see(qtbot, normal_sheet):
    from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    box, other = QCheckBox("Predict first"), QCheckBox("Other")
    layout = QVBoxLayout(host)
    layout.addWidget(box)
    layout.addWidget(other)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    other.setFocus()
    plain = box.grab().toImage()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    ringed = box.grab().toImage()
    red = sum(1 for x in range(ringed.width()) for y in (0, 1) if ringed.pixelColor(x, y).name() == style.FOCUS)
    assert red >= ringed.width() * 0.5, "a 2 px ring in the focus colour along the top edge"
    assert sum(1 for x in range(plain.width()) if plain.pixelColor(x, 0).name() == style.FOCUS) == 0


@pytest.mark.parametrize("area, expected", [((1024, 728), (1024, 655)), ((1280, 760), (1152, 684)),
                                             ((1920, 1040), (1728, 936)), ((1280, 680), (1152, 612)),
                                             ((853, 500), (853, 500))])
def test_the_first_window_fits_the_available_area_of_any_screen(area, expected):
    from ermu.gui.main_window import first_size

    assert first_size(*area) == expected


def test_the_first_window_fits_this_screen_and_its_geometry_is_remembered(qtbot):
    area = QGuiApplication.primaryScreen().availableGeometry()
    window = make_window()
    qtbot.addWidget(window)
    assert window.width() <= area.width() and window.height() <= area.height()
    assert window.minimumWidth() <= 1024 and window.minimumHeight() <= 600
    window.show()
    assert window.state.settings.window_geometry == b""
    window.close()
    saved = window.state.settings.window_geometry
    assert saved, "closing the window remembers its geometry"
    again = type(window)(window.state)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (window.width(), window.height())


def test_focus_is_drawn_on_tabs_sliders_lists_and_scroll_areas(qtbot, normal_sheet):
    from PySide6.QtWidgets import QLabel, QListWidget, QScrollArea, QSlider, QTabWidget, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    tabs = QTabWidget()
    tabs.addTab(QLabel("a"), "First")
    tabs.addTab(QLabel("b"), "Second")
    slider, listing, scroll = QSlider(Qt.Orientation.Horizontal), QListWidget(), QScrollArea()
    listing.addItems(["one", "two"])
    scroll.setWidget(QLabel("inside"))
    scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    for widget in (tabs, slider, listing, scroll):
        layout.addWidget(widget)
    host.resize(400, 500)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    for widget in (tabs.tabBar(), slider, listing, scroll):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        image = widget.grab().toImage()
        ring = sum(1 for x in range(image.width()) for y in range(image.height())
                   if image.pixelColor(x, y).name() == style.FOCUS)
        assert ring >= 2 * min(image.width(), 40), f"no visible focus on {type(widget).__name__}"


@pytest.mark.parametrize("face", ["home", "lessons", "criticism", "credit", "charts", "library", "years", "empire"])
def test_each_face_fits_a_1024x600_window(window, face):
    """Measured as the app runs: its style and fonts, the CJK face drawing the characters."""
    from ermu.gui.style import apply_style

    app = QApplication.instance()
    font, palette, sheet, style = app.font(), app.palette(), app.styleSheet(), app.style().name()
    apply_style(app)
    try:
        show(window, face)  # the window holds Home and this face
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 600, (face, hint.width(), hint.height())
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)
        app.setFont(font)
        app.setStyle(style)


def test_play_says_pause_while_the_session_plays(window, qtbot):
    view = show(window, "criticism")
    view.setup.seat.setCurrentIndex(0)  # watch
    qtbot.mouseClick(view.setup.start_button, Qt.MouseButton.LeftButton)
    assert view.play_button.accessibleName() == "Play the session"
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    assert view.play_button.accessibleName() == "Pause the session" and view.play_button.isChecked()
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    assert view.play_button.accessibleName() == "Play the session"
