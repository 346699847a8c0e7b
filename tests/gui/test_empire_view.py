"""The empire face: built off the GUI thread, zoomed from the map to a house, one incident played."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from helpers import show

from ermu.gui.pages import page
from ermu.gui.style import CINNABAR


def _built(qtbot, face, timeout=30_000):
    qtbot.waitUntil(lambda: face.empire is not None and face.job is None, timeout=timeout)
    return face.empire


def test_the_empire_page_is_on_the_kiosk_and_opens_presets():
    empire = page("empire")
    assert empire.kiosk and empire.presets and empire.shortcut == "Ctrl+Shift+E"


def test_the_whole_empire_is_built_off_the_gui_thread_and_shows_its_numbers(window, qtbot):
    face = show(window, "empire")
    assert face.busy.isVisible() or face.empire is not None  # the worker reports progress meanwhile
    empire = _built(qtbot, face)
    assert empire.household_count == 7_133_995 and empire.counties == 887
    assert face.numbers.value_of("households-per-magistrate") == "8,043"
    assert face.numbers.value_of("li") == "64,854.5"
    text = face.numbers.text()
    assert "◇ illustrative" in text and "documented" in text and "brook-2005, p. 33" in text
    assert "Sui household groups: 1,784,259 heads" in face.compare.text()
    assert list(face.zoom_buttons) == ["empire", "county", "li", "jia", "household"]
    assert not face.busy.isVisible()


def test_each_zoom_draws_its_level_and_close_up_the_heads_are_marked(window, qtbot):
    face = show(window, "empire")
    _built(qtbot, face)
    for zoom, kind in (("empire", "county"), ("county", "li"), ("li", "jia"), ("jia", "household")):
        face.zoom_to(zoom, animate=False)
        image = face.canvas.grab().toImage()
        assert face.canvas.current_zoom() == zoom
        assert face.canvas.item.last_layers[-1].name == kind
        assert face.zoom_buttons[zoom].isChecked()
    houses = face.canvas.item.last_layers[-1]
    assert houses.marks["leads-jia"].any()  # this year's jiashou among the houses in view
    red = QColor(CINNABAR)
    assert any(image.pixelColor(x, y) == red for x in range(0, image.width(), 4) for y in range(0, image.height(), 4))


def test_a_preset_chooses_counties_regime_and_zoom(window, qtbot):
    face = show(window, "empire", counties=1159, regime="qing-baojia", zoom="pao")
    empire = _built(qtbot, face)
    assert empire.counties == 1159 and empire.regime.id == "qing-baojia"
    assert face.numbers.value_of("households-per-magistrate") == "6,155"
    assert "pao" in face.zoom_buttons and face.canvas.current_zoom() == "pao"


def test_an_incident_plays_its_short_chain_with_the_empire_as_context(window, qtbot):
    face = show(window, "empire")
    empire = _built(qtbot, face)
    face.county.setValue(101)
    face.play_incident()
    face.timer.stop()
    steps = len(face._steps)
    for _ in range(steps + 1):
        face._next_step()
    inc = face.incident
    assert face.narration.count() == steps and empire.county_of(inc.household) == 100
    highlighted = face.canvas.item.highlight
    assert highlighted[inc.household] == "offend"
    assert inc.chain[-1][2] in highlighted  # the lizhang passes the report on
    assert "3 steps" in window.status_message.text() and "887 counties" in window.status_message.text()


def test_cancel_keeps_the_map_and_reset_goes_back_to_887_and_the_lijia(window, qtbot):
    face = show(window, "empire")
    first = _built(qtbot, face)
    face.counties.button(1159).click()  # starts a rebuild
    face.cancel()
    assert face.empire is first and not face.busy.isVisible()
    face.regime.setCurrentIndex(2)  # the Sui groups: the same households regrouped
    sui = _built(qtbot, face)
    assert sui.regime.id == "sui" and sui.population is first.population
    face.reset()
    again = _built(qtbot, face)
    assert again.regime.id == "ming-lijia" and again.counties == 887 and face.narration.count() == 0


def test_screenshot_of_the_empire_at_a_zoom(tmp_path):
    target = tmp_path / "empire.png"
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(target), "--view", "empire",
                             "--zoom", "county", "--size", "1024x768"], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 768)
    bad = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(target), "--view", "home",
                          "--zoom", "county"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "only the empire view takes --zoom" in bad.stderr


@pytest.mark.parametrize("option, said", [
    (["--counties", "5"], "the empire has 887 or 1,159 counties in the sources, not 5."),
    (["--counties", "-1"], "not -1."),
    (["--zoom", "bogus"], "there is no zoom 'bogus' here: use one of empire, county, li, jia, household."),
])
def test_a_wrong_empire_option_is_one_line_and_no_traceback(tmp_path, option, said):
    """The empire starts building as soon as its face opens; refusing the option must not leave
    the build to die noisily as the app exits."""
    target = tmp_path / "e.png"
    result = subprocess.run([sys.executable, "-m", "ermu.gui.app", "--screenshot", str(target), "--view", "empire",
                             *option], capture_output=True, text=True, timeout=180)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ermu: error:") and said in lines[0], result.stderr
    assert not target.exists()


def test_double_click_zooms_into_the_block_under_the_pointer_and_says_what_is_in_view(window, qtbot):
    face = show(window, "empire")
    empire = _built(qtbot, face)
    face.canvas.viewport().grab()  # paint once: the blocks drawn are what a click can hit
    x, y = 5 % 30 + 0.5, 5 // 30 + 0.5  # the middle of county 6's square
    assert face.canvas.zoom_into(QPointF(x, y), animate=False)
    centre = face.canvas.visible_rect().center()
    assert face.canvas.current_zoom() == "county" and 5 < centre.x() < 6 and 0 < centre.y() < 1
    said = face.canvas.describe_view()
    assert said.startswith("Zoom: county. In view:") and "li units" in said


def test_the_empire_lesson_asks_households_per_magistrate_and_opens_the_empire(window, qtbot):
    from PySide6.QtCore import Qt

    lessons = show(window, "lessons")
    lessons.open_lesson("empire")
    lessons.tabs.setCurrentWidget(lessons.quiz)
    card = lessons.quiz.cards[0]
    card.guess.setValue(8043)
    qtbot.mouseClick(card.run_button, Qt.MouseButton.LeftButton)
    assert "8043 households per magistrate" in card.engine_label.text()
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.feedback_text.startswith("✓ Right.")
    qtbot.mouseClick(card.sandbox_button, Qt.MouseButton.LeftButton)  # "Open the empire"
    face = window.face("empire")
    assert window.stack.currentWidget() is face  # the predict question opened the empire
    assert _built(qtbot, face).counties == 887
