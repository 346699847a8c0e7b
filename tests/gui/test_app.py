"""The app's start: the main window, its pages, and --screenshot."""

import subprocess
import sys

from PySide6.QtGui import QImage

from helpers import make_window, preset, show
from ermu.gui.main_window import MainWindow


def test_main_window_opens_on_home_with_a_card_per_regime(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    window.show()
    assert window.page_ids()[0] == "home"
    home = window.face("home")
    qtbot.waitUntil(lambda: len(home.cards) == 8)  # the cards below the fold follow the first paint
    assert home.cards[0].regime.id == "sui"  # oldest first
    assert all(card.accessibleName() for card in home.cards)


def test_unknown_view_is_refused_with_the_allowed_ones(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    try:
        show(window, "nowhere")
    except ValueError as exc:
        assert "use one of home" in str(exc)
    else:
        raise AssertionError("an unknown view was accepted")


def test_screenshot_writes_a_png_of_the_window(tmp_path):
    target = tmp_path / "home.png"
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(target)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)
    # the navigation bar is dark ink, the page is light paper
    assert image.pixelColor(20, 700).lightness() < 80
    assert image.pixelColor(900, 30).lightness() > 200


def test_screenshot_into_a_missing_folder_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(tmp_path / "no" / "x.png")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "does not exist" in result.stderr


def test_home_shows_the_county_structures_beside_the_regimes(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    home = window.face("home")
    home.finish()
    assert "Elaborated" in home.counties.accessibleDescription() or "elaborated" in home.counties.accessibleDescription().lower()


def test_home_builds_the_cards_below_the_fold_after_the_first_paint_and_never_squeezed(qtbot):
    """Four cards before the first paint; the rest join shown and measured at once, so the page
    is never drawn with its first cards squeezed while the layout catches up."""
    from ermu.gui.home.home_view import FIRST_CARDS

    window = make_window()
    qtbot.addWidget(window)
    window.resize(1024, 768)
    home = window.face("home")
    assert len(home.cards) == FIRST_CARDS and home.counties is None
    window.show()
    qtbot.waitUntil(lambda: home.counties is not None)
    home.retranslate()  # the cards are built again, all of them, with no event in between
    host = home.scroll.widget()
    assert all(card.isVisible() for card in home.cards) and home.counties.isVisible()
    assert host.height() >= host.minimumSizeHint().height()
