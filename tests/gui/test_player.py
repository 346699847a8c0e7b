"""The incident player: choose an incident, play it, step through it, read who is liable."""

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from ermu.gui.announce import HEARD
from ermu.gui.sandbox.sandbox_view import SandboxView
from ermu.gui.style import ILLUSTRATIVE_MARK
from ermu.gui.widgets.hierarchy_diagram import LABEL_PX
from ermu.models.presets import Preset

CONCEALED = {"offender": 57, "offence": "theft", "response": "concealed"}
REPORTED = {"offender": 57, "offence": "theft", "response": "reported"}


def open_incident(view, incident):
    view.open_preset(Preset.parse({"regime": "qing-baojia", "households": 200, "seed": 7, "incident": incident}))


@pytest.fixture
def sandbox(qtbot, state):
    state.settings.reduced_motion = True  # the camera lands at once: tests look at where it lands
    view = SandboxView(state)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    open_incident(view, CONCEALED)
    return view


@pytest.fixture
def player(sandbox):
    sandbox.player.diagram.setFocus()  # as a user who clicked into the player
    return sandbox.player


def visible(diagram, rect) -> bool:
    return diagram.viewport().rect().contains(diagram.mapFromScene(rect).boundingRect())


def test_preset_opens_the_player_with_the_incident(player):
    assert player.isVisible()
    assert (player.offender.value(), player.offence.currentData(), player.response.currentData()) == (
        57, "theft", "concealed")
    assert player.playback.position == -1 and player.playback.steps


def test_playing_to_the_end_says_ten_households_are_liable_and_keeps_a_log(player, qtbot):
    player.speed.setValue(4)  # fastest
    HEARD.clear()
    with qtbot.waitSignal(player.playback.finished, timeout=20_000):
        qtbot.keyClick(player.diagram, Qt.Key.Key_Space)
    assert player.playback.at_end and not player.playback.playing
    text = player.summary.text()
    assert "10 households" in text and "hsiao-1960" in text
    assert ILLUSTRATIVE_MARK in text  # the severities are Ermu's scale, not the sources'
    assert "answers" in player.narration.text()
    heard = [said for said, _ in HEARD]
    assert player.narration.text() in heard and len(heard) >= len(player.playback.steps)
    lines = player.log_lines()
    assert len(lines) == len(player.playback.steps) and lines[0].startswith("1. Household 57")
    assert player.log.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_typical_incident_plays_in_ten_to_fifteen_seconds(player):
    assert len(player.playback.steps) == 32
    assert 10_000 <= player.playback.duration_ms <= 15_000
    player.speed.setValue(4)
    assert player.playback.duration_ms < 5_000


def test_step_keys_work_in_the_player_but_never_override_a_focused_control(player, qtbot):
    qtbot.keyClick(player.diagram, Qt.Key.Key_Right)
    assert player.playback.position == 0 and "commits a theft" in player.narration.text()
    for _ in range(3):
        player.forward_button.click()
    assert player.position.text().startswith("Step 4 of")
    assert player.diagram._house_items[50].brush().color().name() == "#2f7d6d"  # saw it: jade (and ◉)
    qtbot.keyClick(player.diagram, Qt.Key.Key_Left)
    assert player.playback.position == 2
    player.speed.setFocus()
    speed = player.speed.value()
    qtbot.keyClick(player.speed, Qt.Key.Key_Right)  # the slider's own key: faster, not a step
    assert player.speed.value() == speed + 1 and player.playback.position == 2
    player.forward_button.setFocus()
    qtbot.keyClick(player.forward_button, Qt.Key.Key_Space)  # Space presses the focused button
    assert player.playback.position == 3 and not player.playback.playing
    qtbot.keyClick(player.diagram, Qt.Key.Key_Home)
    assert player.playback.position == -1


def test_play_button_says_play_or_pause_and_labels_keep_their_text(player, qtbot):
    assert player.play_button.accessibleName().startswith("Play") and "Play" in player.play_button.text()
    player.playback.play()
    assert player.play_button.accessibleName().startswith("Pause") and "Pause" in player.play_button.text()
    player.playback.pause()
    assert player.position.accessibleName() == "" and player.narration.accessibleName() == ""
    assert player.summary.outcome.accessibleName() == ""
    plain = player.summary.outcome.accessibleDescription()
    assert "10 households" in plain and "<" not in plain


def test_predict_first_hides_the_outcome_until_locked_in_and_played_to_the_end(player, qtbot):
    player.predict.setChecked(True)
    assert "10 households" not in player.summary.text() and "You predicted" not in player.summary.text()
    player.playback.go_to(len(player.playback.steps) - 1)  # at the end without a prediction
    assert "10 households" not in player.summary.text() and "You predicted 0" not in player.summary.text()
    player.playback.restart()
    player.guess.setValue(10)
    player.commit_button.click()
    assert not player.guess.isEnabled() and "10 households" not in player.summary.text()
    player.playback.go_to(len(player.playback.steps) - 1)
    assert "You predicted 10: right" in player.summary.text()
    player.restart_button.click()
    assert "10 households" not in player.summary.text()


def test_the_camera_zooms_to_the_offenders_unit_at_a_readable_size(player, qtbot):
    diagram = player.diagram
    assert visible(diagram, diagram.unit_rect(57)) and diagram.scale_now() * LABEL_PX >= 12  # before playing
    qtbot.keyClick(diagram, Qt.Key.Key_Right)
    assert diagram.scale_now() * LABEL_PX >= 12  # unit labels at least 12 px on screen
    assert visible(diagram, diagram.unit_rect(57))
    assert diagram.inset.isVisible() and diagram._scrim is not None  # the rest is context, dimmed


def test_the_camera_follows_the_report_up_to_the_government(sandbox, qtbot):
    open_incident(sandbox, REPORTED)
    player = sandbox.player
    steps = player.playback.steps
    last_report = max(i for i, s in enumerate(steps) if s.kind == "report")
    assert steps[last_report].target == "government"
    player.playback.go_to(last_report)
    diagram = player.diagram
    assert diagram.viewport().rect().contains(diagram.mapFromScene(diagram._government))
    assert diagram.scale_now() * LABEL_PX >= 12


def test_a_commended_household_shows_its_star(sandbox, qtbot):
    open_incident(sandbox, REPORTED)
    player = sandbox.player
    player.playback.go_to(len(player.playback.steps) - 1)
    assert player.playback.steps[-1].kind == "reward"
    assert player.diagram.stars() == [50]
    player.playback.go_to(0)
    assert player.diagram.stars() == []


def test_a_report_token_travels_unless_motion_is_reduced(sandbox, qtbot, state):
    open_incident(sandbox, REPORTED)
    player = sandbox.player
    report = next(i for i, s in enumerate(player.playback.steps) if s.kind == "report")
    player.playback.go_to(report)
    assert player.reduce_motion.isChecked()
    assert not player.diagram.moving and not player.diagram.camera.moving  # reduced: instant
    player.reduce_motion.click()  # the student's own choice, kept in the settings
    assert state.settings.reduced_motion is False
    player.playback.go_to(report + 1)
    assert player.diagram.moving  # the token is on its way to the next head
    qtbot.waitUntil(lambda: not player.diagram.moving, timeout=3_000)


def test_the_timeline_scrubs_through_the_steps(player, qtbot):
    player.timeline.setValue(10)
    assert player.playback.position == 10 and player.timeline.accessibleDescription() == "Step 11 of 32"
    assert player.narration.text().startswith(player.playback.steps[10].narration)
    player.playback.go_to(3)
    assert player.timeline.value() == 3 and len(player.log_lines()) == 4


def test_zoom_buttons_wheel_and_keys(player, qtbot):
    diagram = player.diagram
    before = diagram.scale_now()
    diagram.zoom_buttons.zoom_in.click()
    assert diagram.scale_now() > before
    centre = QPointF(diagram.viewport().rect().center())
    wheel = QWheelEvent(centre, diagram.viewport().mapToGlobal(centre), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    zoomed = diagram.scale_now()
    QApplication.sendEvent(diagram.viewport(), wheel)
    assert diagram.scale_now() < zoomed
    qtbot.keyClick(diagram, Qt.Key.Key_Plus)
    assert diagram.scale_now() > zoomed / 1.15
    diagram.zoom_buttons.fit.click()
    assert visible(diagram, diagram.content_rect.adjusted(10, 10, -10, -10))
    assert all(b.width() >= 44 and b.accessibleName() for b in (diagram.zoom_buttons.zoom_in,
                                                                 diagram.zoom_buttons.zoom_out,
                                                                 diagram.zoom_buttons.fit))


def test_clicking_the_overview_moves_the_view_there(player, qtbot):
    diagram = player.diagram
    inset = diagram.inset
    assert inset.isVisible() and inset.pixmap is not None
    far = diagram.position_of(199)  # the village's last house, far from the offender's unit
    assert not diagram.viewport().rect().contains(diagram.mapFromScene(far))
    target = inset.from_scene(QRectF(far.x(), far.y(), 1, 1)).center().toPoint()
    qtbot.mouseClick(inset, Qt.MouseButton.LeftButton, pos=target)
    assert diagram.viewport().rect().contains(diagram.mapFromScene(far))


def test_a_pinch_zooms_the_diagram(player):
    from PySide6.QtWidgets import QGestureEvent, QPinchGesture

    diagram = player.diagram
    before = diagram.scale_now()
    pinch = QPinchGesture()
    pinch.setScaleFactor(1.5)
    QApplication.sendEvent(diagram.viewport(), QGestureEvent([pinch]))
    assert diagram.scale_now() == pytest.approx(before * 1.5)


def test_the_diagram_is_keyboard_navigable_and_described(player, qtbot):
    diagram = player.diagram
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    first = diagram.cursor
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert diagram.cursor != first
    qtbot.keyClick(diagram, Qt.Key.Key_PageDown)
    unit_of = diagram.hierarchy.levels[0].unit_of
    assert unit_of[diagram.cursor] != unit_of[first]
    chosen = diagram.cursor
    qtbot.keyClick(diagram, Qt.Key.Key_Return)
    assert player.session.incident.offender == chosen
    description = diagram.accessibleDescription()
    assert "200 households" in description and f"household {chosen}" in description
    assert "magistrate" in description.lower()  # the chain reaches the government
    diagram.setFocus()
    qtbot.waitUntil(diagram.hasFocus)
    edge = diagram.grab().toImage().pixelColor(1, diagram.height() // 2)
    assert edge.name() == "#1d5fbf"  # a visible focus frame
    player.summary.setFocus()
    qtbot.waitUntil(lambda: not diagram.hasFocus())
    assert diagram.grab().toImage().pixelColor(1, diagram.height() // 2).name() != "#1d5fbf"


def test_the_layout_takes_the_shape_of_the_viewport(player):
    from ermu.gui.widgets.diagram_layout import layout

    hierarchy = player.document.hierarchy
    wide, tall = layout(hierarchy, aspect=2.4), layout(hierarchy, aspect=0.7)
    assert wide.width / wide.height > tall.width / tall.height


def test_clicking_a_house_makes_it_the_offender(player, qtbot):
    diagram = player.diagram
    diagram.fit()
    point = diagram.mapFromScene(diagram.position_of(12))
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert player.session.incident.offender == 12 and player.offender.value() == 12


def test_changing_an_illustrative_parameter_resimulates(player, qtbot):
    spin = player.summary.spins["observation_probability"]
    with qtbot.waitSignal(player.session.result_changed):
        spin.setValue(0.0)
        spin.editingFinished.emit()
    assert player.session.result.parameters_used["observation_probability"][0] == 0.0


def test_an_engine_error_is_one_sentence(player, qtbot):
    with qtbot.waitSignal(player.document.status_changed) as blocker:
        player.set_incident({"offender": "x"})
    assert "\n" not in blocker.args[0] and "whole number" in blocker.args[0]


def test_a_large_village_shows_blocks_with_counts_and_opens_the_offenders_unit(sandbox, qtbot):
    sandbox.open_preset(Preset.parse({"regime": "qing-baojia", "households": 5000, "seed": 7,
                                      "incident": CONCEALED}))
    diagram = sandbox.player.diagram
    assert diagram.lay.mode == "blocks"
    assert sum(box.count for box in diagram.lay.boxes) == diagram.hierarchy.household_count
    assert "households" in diagram._block_items[0].toolTip()
    unit = diagram.hierarchy.unit_of(57, 0)
    members = set(int(m) for m in diagram.hierarchy.members(0, unit))
    assert members <= set(diagram._house_items)  # the offender's unit as houses
    sandbox.player.playback.go_to(0)
    assert visible(diagram, diagram.unit_rect(57)) and diagram.scale_now() * LABEL_PX >= 12
    assert diagram._house_items[57].brush().color().name() == "#b23a2b"  # the offender, marked in its house
    aspect = diagram._aspect
    sandbox.resize(1130, 1500)  # another shape: the village is laid out again, the unit stays open
    qtbot.waitUntil(lambda: diagram.viewport().height() > diagram.viewport().width())
    assert diagram._aspect < aspect / 1.35
    assert 57 in diagram._house_items and diagram._house_items[57].brush().color().name() == "#b23a2b"


def test_the_desktops_reduced_motion_preference_is_heeded(sandbox, state, monkeypatch):
    from ermu.gui.widgets import hierarchy_diagram

    state.settings.reduced_motion = False
    player = sandbox.player
    assert not player.diagram.motion_reduced()  # offscreen Qt: no preference
    monkeypatch.setattr(hierarchy_diagram, "desktop_prefers_reduced_motion", lambda: True)
    assert player.diagram.motion_reduced()
    player.playback.go_to(0)
    assert not player.diagram.camera.moving and not player.diagram.moving


def test_a_kiosk_reset_forgets_the_prediction_and_the_speed(sandbox, player):
    player.predict.setChecked(True)
    player.guess.setValue(7)
    player.commit_button.click()
    player.speed.setValue(4)
    sandbox.reset()
    assert not player.predict.isChecked() and player.committed is None and player.guess.value() == 0
    assert player.speed.value() == 2 and player.playback.position == -1


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_units_read_clearly_and_the_punished_look_unlike_the_offender(player):
    from ermu.gui.style import INK, MIST, PAPER, SLATE
    from ermu.gui.widgets.hierarchy_diagram import PUNISHED_PATTERN, UNIT_BORDER

    for background in ("#ffffff", PAPER, MIST):
        assert _contrast(UNIT_BORDER, background) >= 3.0  # unit frames: graphics 3:1
        assert min(_contrast(SLATE, background), _contrast(INK, background)) >= 4.5  # unit labels: text 4.5:1
    player.playback.go_to(0)
    offender = player.diagram._house_items[57].brush()
    player.playback.go_to(len(player.playback.steps) - 1)
    punished = player.diagram._house_items[57].brush()
    assert offender.style() == Qt.BrushStyle.SolidPattern and punished.style() == PUNISHED_PATTERN
