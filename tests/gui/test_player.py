"""The incident player: choose an incident, play it, step through it, read who is liable."""

import pytest
from PySide6.QtCore import Qt

from ermu.models.presets import Preset
from ermu.gui.sandbox.sandbox_view import SandboxView
from ermu.gui.style import ILLUSTRATIVE_MARK


@pytest.fixture
def sandbox(qtbot, state):
    view = SandboxView(state)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)  # shortcuts (Space, Left, Right) need an active window
    view.open_preset(Preset.parse({"regime": "qing-baojia", "households": 200, "seed": 7,
                      "incident": {"offender": 57, "offence": "theft", "response": "concealed"}}))
    return view


@pytest.fixture
def player(sandbox):
    sandbox.player.diagram.setFocus()  # as a user who clicked into the player
    return sandbox.player


def test_preset_opens_the_player_with_the_incident(player):
    assert player.isVisible()
    assert (player.offender.value(), player.offence.currentData(), player.response.currentData()) == (
        57, "theft", "concealed")
    assert player.playback.position == -1 and player.playback.steps


def test_playing_to_the_end_says_ten_households_are_liable(player, qtbot):
    player.speed.setValue(4)  # fastest
    with qtbot.waitSignal(player.playback.finished, timeout=15_000):
        qtbot.keyClick(player.diagram, Qt.Key.Key_Space)
    assert player.playback.at_end and not player.playback.playing
    text = player.summary.text()
    assert "10 household(s)" in text and "hsiao-1960" in text
    assert ILLUSTRATIVE_MARK in text  # the severities are Ermu's scale, not the sources'
    assert "punished" in player.narration.text() or "answers" in player.narration.text()
    assert player.narration.accessibleDescription() == player.narration.text()


def test_step_forward_and_back_highlight_the_actors(player, qtbot):
    qtbot.keyClick(player.diagram, Qt.Key.Key_Right)
    assert player.playback.position == 0 and "commits a theft" in player.narration.text()
    for _ in range(3):
        player.forward_button.click()
    assert player.position.text().startswith("Step 4 of")
    item = player.diagram._house_items[50]
    assert item.brush().color().name() == "#2f7d6d"  # the neighbour who saw it, in jade (and ◉)
    qtbot.keyClick(player.diagram, Qt.Key.Key_Left)
    assert player.playback.position == 2
    player.restart_button.click()
    assert player.playback.position == -1


def test_predict_first_hides_the_outcome_until_the_end(player, qtbot):
    player.predict.setChecked(True)
    player.guess.setValue(10)
    assert "10 household(s)" not in player.summary.text()
    player.playback.go_to(len(player.playback.steps) - 1)
    assert "You predicted 10: right" in player.summary.text()


def test_changing_an_illustrative_parameter_resimulates(player, qtbot):
    spin = player.summary.spins["observation_probability"]
    with qtbot.waitSignal(player.session.result_changed):
        spin.setValue(0.0)
        spin.editingFinished.emit()
    assert player.session.result.parameters_used["observation_probability"][0] == 0.0


def test_clicking_a_house_makes_it_the_offender(player, qtbot):
    diagram = player.diagram
    point = diagram.mapFromScene(diagram.position_of(12))
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert player.session.incident.offender == 12 and player.offender.value() == 12


def test_an_engine_error_is_one_sentence(player, qtbot):
    with qtbot.waitSignal(player.document.status_changed) as blocker:
        player.set_incident({"offender": "x"})
    assert "\n" not in blocker.args[0] and "whole number" in blocker.args[0]
