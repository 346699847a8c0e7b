"""The keyboard as a student without a mouse meets it (issue 15): single-letter keys stay out
of fields, F1 lists the keys of the face on show, every control is reachable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ermu.gui import a11y
from ermu.models.presets import Preset

from helpers import make_window, show


@pytest.fixture
def window(qtbot):
    window = make_window()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _watching(view):
    view.open_preset(Preset(view="criticism", options={"participants": 3, "rounds": 1, "seed": 1}))


def test_n_and_p_do_nothing_while_the_chairs_combo_has_focus(window, qtbot):
    view = show(window, "criticism")
    view.setup.seat.setCurrentIndex(0)  # watch: Step is enabled
    qtbot.mouseClick(view.setup.start_button, Qt.MouseButton.LeftButton)
    lines = view.transcript.count()
    view.chair_target.setFocus()
    qtbot.keyClick(view.chair_target, Qt.Key.Key_N)
    qtbot.keyClick(view.chair_target, Qt.Key.Key_P)
    qtbot.wait(250)  # a shortcut clicks its button after a short animation: give it time to (not) happen
    assert view.transcript.count() == lines and not view.play_button.isChecked()
    view.step_button.setFocus()  # outside a field, N steps
    qtbot.keyClick(view.step_button, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: view.transcript.count() > lines, timeout=2000)


def test_digits_typed_in_a_spin_box_go_to_the_box_not_the_choices(window, qtbot):
    view = show(window, "criticism")
    _watching(view)
    assert view.document.learner_turn is not None
    before = view.transcript.count()
    view.setup.seed.setFocus()
    view.setup.seed.selectAll()
    qtbot.keyClick(view.setup.seed, Qt.Key.Key_1)
    qtbot.keyClick(view.setup.seed, Qt.Key.Key_2)
    qtbot.wait(250)
    assert view.setup.seed.value() == 12
    assert view.transcript.count() == before, "typing a seed must not answer for the learner"
    view.choices.buttons[view.document.learner_turn.actions[0]].setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1)
    qtbot.waitUntil(lambda: view.transcript.count() > before, timeout=2000)


def test_tab_to_a_glossary_term_in_the_lesson_says_its_note(window, qtbot):
    from ermu.gui import announce

    view = show(window, "lessons")
    view.open_lesson("qing-baojia")
    view.browser.setFocus()
    announce.HEARD.clear()
    announce._LAST.update(text="", at=0.0)
    qtbot.keyClick(view.browser, Qt.Key.Key_Tab)  # the first link of the page
    qtbot.waitUntil(lambda: bool(announce.HEARD), timeout=2000)
    said = announce.HEARD[-1][0]
    assert said.startswith(("Term", "Source")), said
    assert view.note.plain_text() == said


def test_the_keyboard_help_of_the_lessons_lists_their_own_keys(window, qtbot):
    from ermu.gui.keyboard_help import face_keys

    view = show(window, "lessons")
    rows = dict(face_keys(view))
    assert rows["Alt+Right"] == "Next lesson" and "footnote" in rows["Tab / Shift+Tab"]


def test_i_plays_an_incident_on_the_empire_whichever_tab_is_open(window, qtbot):
    from ermu.gui import announce

    view = show(window, "empire")
    qtbot.waitUntil(lambda: view.empire is not None and view.play_button.isEnabled(), timeout=30_000)
    assert not view.play_button.isVisible(), "the Numbers tab is open: the button is out of sight"
    view.canvas.setFocus()
    announce.HEARD.clear()
    announce._LAST.update(text="", at=0.0)
    qtbot.keyClick(view.canvas, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: view.incident is not None, timeout=5000)
    qtbot.waitUntil(lambda: any("fails to pay" in text or "county" in text for text, _ in announce.HEARD), timeout=5000)
    first = view.incident
    view.regime.setFocus()  # inside the regime box, I is a letter, not a command
    qtbot.keyClick(view.regime, Qt.Key.Key_I)
    qtbot.wait(300)
    assert view.incident is first, "typing in the regime box must not start another incident"


def test_the_guard_keeps_space_and_arrows_for_the_focused_control(qtbot):
    """A face with player keys (Space plays, Right steps) and a check box and a slider: with the
    guard, Space ticks the box and Right moves the slider; elsewhere the keys still play."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QCheckBox, QPushButton, QSlider, QVBoxLayout, QWidget

    face = QWidget()
    qtbot.addWidget(face)
    box, slider, plain = QCheckBox("Predict first"), QSlider(Qt.Orientation.Horizontal), QPushButton("Restart")
    slider.setRange(0, 4)
    layout = QVBoxLayout(face)
    for widget in (box, slider, plain):
        layout.addWidget(widget)
    played, stepped = [], []
    for key, hits in ((Qt.Key.Key_Space, played), (Qt.Key.Key_Right, stepped)):
        shortcut = QShortcut(QKeySequence(key), face)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda hits=hits: hits.append(1))
    assert a11y.guard_single_keys(face) == 3
    face.show()
    face.activateWindow()
    qtbot.waitUntil(face.isActiveWindow)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and not played
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == 1 and not stepped
    plain.setFocus()
    qtbot.keyClick(plain, Qt.Key.Key_Right)  # a button does not use Right: the player steps
    assert stepped == [1]
