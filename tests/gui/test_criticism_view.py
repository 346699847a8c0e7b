"""The criticism view: sit through a session as a learner, watch one on autopilot."""

from __future__ import annotations

import pytest

from ermu.models.presets import Preset
from PySide6.QtCore import Qt

from ermu.gui.criticism import CriticismView
from ermu.models.criticism import Action


@pytest.fixture
def view(qtbot, state):
    widget = CriticismView(state)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _sit_through(view, qtbot, pick) -> int:
    clicks = 0
    while not view.document.is_finished:
        turn = view.document.learner_turn
        if turn is None:
            qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
            continue
        button = view.choices.buttons[pick(turn)]
        assert button.isEnabled() and button.accessibleName()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        clicks += 1
    return clicks


def test_a_learner_sits_through_a_session_to_the_closing_screen(view, qtbot):
    view.open_preset(Preset(view="criticism", options={"participants": 4, "rounds": 2, "seed": 3, "media": True}))
    session = view.document.session
    assert session.learner == 0 and view.pages.currentIndex() == 0
    assert view.document.learner_turn is not None, "the learner speaks first"
    assert not view.step_button.isEnabled() and view.choices.buttons[Action.SINCERE].isEnabled()
    assert not view.choices.buttons[Action.SILENT].isEnabled()
    clicks = _sit_through(view, qtbot, lambda turn: turn.actions[0])
    assert clicks == 2 * 4  # per round: one self-criticism and an answer to each of the 3 others
    assert view.pages.currentIndex() == 1
    closing = view.closing.text.toPlainText()
    for member in session.members:
        assert member.name in closing and member.hanzi in closing
    assert "illustrative" in closing and "you" in closing
    with qtbot.waitSignal(view.state.requested) as asked:
        qtbot.mouseClick(view.closing.lesson_button, Qt.MouseButton.LeftButton)
    assert (asked.args[0].name, asked.args[0].args) == ("open_lesson", ("criticism",))
    with qtbot.waitSignal(view.state.requested) as asked:
        qtbot.mouseClick(view.closing.credit_button, Qt.MouseButton.LeftButton)
    assert (asked.args[0].name, asked.args[0].args) == ("open_view", ("credit",))


def test_keyboard_choices_and_their_effect_on_the_learner(view, qtbot):
    view.open_preset(Preset(view="criticism", options={"participants": 3, "rounds": 1, "seed": 1}))
    before = view.document.session.states[0].suspicion
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_1)  # admit fully (an animated click)
    qtbot.waitUntil(lambda: view.document.session.states[0].suspicion < before, timeout=2000)
    assert "admits" in view.transcript.item(view.transcript.count() - 1).text()
    table = view.states
    assert table.rowCount() == 3 and "(you)" in table.item(0, 0).text()
    assert "illustrative" in table.accessibleName()


def test_watching_on_autopilot_plays_to_the_end(view, qtbot):
    view.setup.seat.setCurrentIndex(0)  # watch
    view.setup.participants.setValue(5)
    view.setup.rounds.setValue(1)
    qtbot.mouseClick(view.setup.start_button, Qt.MouseButton.LeftButton)
    assert view.document.session.learner is None
    view.timer.setInterval(1)
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pages.currentIndex() == 1, timeout=5000)
    assert view.transcript.count() == len(view.document.session.trace)
    assert not view.play_button.isChecked()


def test_the_chair_singles_out_whom_the_teacher_picks(view, qtbot):
    view.open_preset(Preset(view="criticism", options={"participants": 4, "rounds": 2, "seed": 2, "target": 2}))
    session = view.document.session
    assert session.singled_out == {1: 2}
    assert "singled out" in view.room.accessibleDescription()
    view.chair_target.setCurrentIndex(4)  # seat 3
    view.chair_target.activated.emit(4)
    assert "single out" in view.status.text()
    _sit_through(view, qtbot, lambda turn: turn.actions[-1])
    assert session.singled_out[2] == 3


def test_bad_presets_are_adjusted_with_a_note_never_a_traceback(view):
    view.open_preset(Preset(view="criticism", options={"participants": 500, "rounds": "many", "seed": 4, "target": 99}))
    session = view.document.session
    assert len(session.members) == 20 and session.rounds == 2 and session.target is None  # the default rounds
    assert "participants" in view.status.text() and "Traceback" not in view.status.text()
    view.open_preset(Preset(view="criticism", options={}))
    assert len(view.document.session.members) == 5, "the short form by default"


def test_the_room_paints_at_classroom_size(view, qtbot):
    view.open_preset(Preset(view="criticism", options={"participants": 8, "seed": 3}))
    image = view.grab().toImage()
    assert image.width() == 1280 and image.height() == 800
    seat = view.room.seat_centre(0)
    assert 0 < seat.x() < view.room.width() and 0 < seat.y() < view.room.height()
    colours = {image.pixelColor(x, y).name() for x in range(0, 700, 7) for y in range(60, 780, 7)}
    assert len(colours) > 10, "the room shows figures, bars and a table, not a blank panel"
