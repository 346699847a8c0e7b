"""The museum kiosk as a visitor and as staff meet it (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QDialog, QFileDialog,
                               QLineEdit, QMessageBox, QScrollBar, QSlider, QTabBar, QWidget)

PIN = "2468"


@pytest.fixture
def profile():
    from ermu.models.kiosk.pin import hash_pin
    from ermu.models.kiosk.profile import default_profile_text, parse_profile

    text = default_profile_text().replace('pin_hash = ""', f'pin_hash = "{hash_pin(PIN)}"')
    return parse_profile(text, "test profile")


@pytest.fixture
def kiosk(qtbot, profile, tmp_path):
    from ermu.gui.kiosk.shell import KioskWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.models.kiosk.visits import VisitLog

    state = AppState(Settings(None), mode="kiosk")
    window = KioskWindow(state, profile, visits=VisitLog(tmp_path / "visits.sqlite3"))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.dispose()


def _key(widget, key, mods=Qt.KeyboardModifier.NoModifier):
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, mods))


# -- lockdown ---------------------------------------------------------------------------------
def test_the_window_is_frameless_full_screen_material_and_stays_on_top(kiosk):
    flags = kiosk.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint


@pytest.mark.parametrize("station", ["start", "village", "criticism", "timeline"])
def test_escape_keys_and_close_requests_leave_the_window_open(kiosk, qtbot, station):
    if station != "start":
        kiosk.open_station(station)
    target = QApplication.focusWidget() or kiosk
    for key, mods in ((Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):
        _key(target, key, mods)
        qtbot.wait(10)
    assert kiosk.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    assert kiosk.isVisible()
    assert kiosk.current_view() == station


def _close_dialogs(seen: list[str]):
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
            seen.append(f"{type(widget).__name__}: {text}")
            widget.reject()


def _visible(widget: QWidget, kind) -> list:
    return [w for w in widget.findChildren(kind) if w.isVisibleTo(widget.window()) and w.isVisible()]


def test_walking_every_button_and_action_of_every_station_opens_no_file_dialog_path_or_library(kiosk, qtbot):
    seen: list[str] = []
    closer = QTimer()
    closer.setInterval(20)
    closer.timeout.connect(lambda: _close_dialogs(seen))
    closer.start()
    walked = 0
    try:
        for station_id in kiosk.profile.stations:
            station = kiosk.open_station(station_id)
            buttons = [b for b in _visible(station.face, QAbstractButton) if b.isEnabled()]
            walked += len(buttons)
            for button in buttons:
                if not button.isVisible():
                    continue
                kiosk.open_station(station_id)
                button.click()
                qtbot.wait(5)
            for action in station.face.findChildren(QAction):
                if action.isEnabled():
                    kiosk.open_station(station_id)
                    action.trigger()
                    qtbot.wait(5)
            # the charts' export, called directly: the file dialog is refused as it shows
            for panel in station.face.findChildren(QWidget):
                if isinstance(getattr(panel, "export_buttons", None), dict):
                    assert not any(b.isVisible() for b in panel.export_buttons.values())
                    assert panel.export("png") is None
    finally:
        closer.stop()
    qtbot.wait(50)
    _close_dialogs(seen)
    assert walked > 30
    assert not any("FileDialog" in s for s in seen), seen
    assert not any("/" in s or "\\" in s for s in seen), seen
    assert not kiosk.state.has_library  # nothing read from or written to the library
    assert kiosk.isVisible()


def test_saving_and_opening_library_examples_are_refused(kiosk):
    kiosk.state.request("save_scenario", object())
    assert not kiosk.state.has_library
    assert "not available" in kiosk.status_line.text()


def test_context_menus_and_tooltips_are_refused(kiosk):
    kiosk.open_station("village")
    target = kiosk.stations["village"].home
    from PySide6.QtGui import QContextMenuEvent, QHelpEvent

    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5))
    assert kiosk.lockdown.eventFilter(target, menu)
    tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), target.mapToGlobal(QPoint(5, 5)))
    assert kiosk.lockdown.eventFilter(target, tip)


def test_a_file_dialog_is_closed_as_it_shows(kiosk, qtbot):
    path, _ = QFileDialog.getSaveFileName(kiosk, "Save", "x.png")
    assert path == "" and "file dialog" in kiosk.lockdown.refused


# -- idle, reset, attract -------------------------------------------------------------------------
def test_idle_countdown_resets_everything_a_visitor_made_and_starts_the_attract_loop(kiosk, qtbot):
    from ermu.gui.announce import HEARD

    village = kiosk.open_station("village").face
    doc = kiosk.state.sandbox
    first_regime = doc.regime_id
    kiosk.stations["village"].choose_regime("sui")
    qtbot.waitUntil(lambda: doc.regime_id == "sui", timeout=10_000)
    village.player._clicked(3)  # a household made to offend
    assert doc.undo_stack.count() > 0

    criticism = kiosk.open_station("criticism").face
    from ermu.gui.criticism.choices import ChoicePanel

    panel = criticism.findChildren(ChoicePanel)[0]
    for _ in range(6):  # as a visitor: Step, and when it is my turn, the first choice offered
        enabled = [b for b in panel.buttons.values() if b.isEnabled() and b.isVisible()]
        if enabled:
            enabled[0].click()
        else:
            criticism.step_button.click()
    half_played = len(criticism.document.session.trace)
    assert half_played > 1

    lessons = kiosk.open_station("timeline").face
    lessons.tabs.setCurrentIndex(1)
    card = lessons.quiz.cards[0]
    if hasattr(card, "choose"):
        card.choose(0)
    card.check()
    assert lessons.progress.answer(lessons.current.id, 0) is not None
    lessons.step(+1)

    kiosk.choose_language("zh-Hans")
    assert kiosk.state.language == "zh-Hans"

    kiosk.still_there.tick.setInterval(5)
    kiosk._went_idle()
    assert kiosk.still_there.isVisible()
    from ermu.models.i18n import _

    still_there = _("Still there?")  # in the visitor's language: the overlay speaks it too
    assert still_there == "还在吗？"
    assert any(still_there in text and assertive for text, assertive in HEARD)
    assert kiosk.still_there.count.text() == str(kiosk.profile.countdown_seconds)
    qtbot.waitUntil(lambda: kiosk.current_view() == "attract", timeout=5_000)

    assert not kiosk.still_there.isVisible()
    assert kiosk.attract.running and kiosk.attract.call.text()
    assert kiosk.state.language == "en"
    assert doc.regime_id == first_regime and doc.undo_stack.count() == 0 and doc.selected != 3
    assert len(criticism.document.session.trace) < half_played
    assert lessons.current.id == lessons.lessons[0].id
    assert lessons.progress.answer(lessons.lessons[0].id, 0) is None
    assert lessons.quiz.cards[0].current_answer() is None

    QApplication.sendEvent(kiosk.attract, QEvent(QEvent.Type.KeyPress) if False else
                           QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    assert kiosk.current_view() == "start" and not kiosk.attract.running


def test_keep_going_closes_the_countdown_and_keeps_the_visit(kiosk, qtbot):
    kiosk.open_station("credit")
    kiosk._went_idle()
    assert kiosk.still_there.isVisible()
    kiosk.still_there.keep.click()
    assert not kiosk.still_there.isVisible() and kiosk.current_view() == "credit"
    assert kiosk.idle.timer.isActive()


def test_the_attract_loop_calls_in_each_offered_language(kiosk):
    from ermu.gui.kiosk.attract import CALLS

    kiosk.show_attract()
    calls = set()
    for _ in range(len(kiosk.profile.languages)):
        calls.add(kiosk.attract.call.text())
        kiosk.attract.next_call()
    assert calls == {CALLS[c] for c in kiosk.profile.languages}
    regimes = set()
    for _ in range(60):
        kiosk.attract.advance()
        regimes.add(kiosk.attract.regime.text())
    assert len(regimes) >= 3  # the incident plays across regimes


# -- staff exit ---------------------------------------------------------------------------------------
def _enter(pad, pin):
    for digit in pin:
        pad.keys[digit].click()
    pad.keys["✓"].click()


def test_the_right_pin_exits_with_status_zero(kiosk, qtbot):
    exits = []
    kiosk.staff_exit.connect(lambda: exits.append(0))
    kiosk.open_pin_pad()
    assert kiosk.pin_pad.isVisible()
    _enter(kiosk.pin_pad, PIN)
    assert exits == [0] and not kiosk.isVisible()


def test_wrong_pins_are_refused_and_three_lock_the_pad_for_a_minute(kiosk):
    now = [1000.0]
    pad = kiosk.pin_pad
    pad.clock = lambda: now[0]
    exits = []
    kiosk.staff_exit.connect(lambda: exits.append(0))
    kiosk.open_pin_pad()
    _enter(pad, "1111")
    assert "not right" in pad.message.text()
    _enter(pad, "2222")
    _enter(pad, "3333")
    assert "locked" in pad.message.text()
    _enter(pad, PIN)  # even the right PIN, while locked
    assert exits == [] and "locked" in pad.message.text() and kiosk.isVisible()
    now[0] += 61
    _enter(pad, PIN)
    assert exits == [0]


def test_a_five_second_press_in_the_corner_opens_the_pin_pad(kiosk, qtbot):
    kiosk.corner.timer.setInterval(30)
    kiosk.corner.pressed(True)
    qtbot.waitUntil(kiosk.pin_pad.isVisible, timeout=2_000)
    kiosk.pin_pad.cancel.click()
    assert not kiosk.pin_pad.isVisible()
    kiosk.corner.pressed(True)
    kiosk.corner.pressed(False)  # let go too early
    qtbot.wait(80)
    assert not kiosk.pin_pad.isVisible()


# -- touch ------------------------------------------------------------------------------------------------
TOUCH_KINDS = (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QLineEdit)


def _small_targets(root: QWidget) -> list[str]:
    small = []
    for kind in TOUCH_KINDS:
        for w in _visible(root, kind):
            if w.metaObject().className() == "QTableCornerButton" and not w.isEnabled():
                continue  # a table's select-all corner, switched off on the kiosk
            if w.width() < 44 or w.height() < 44:
                small.append(f"{type(w).__name__} {w.accessibleName() or getattr(w, 'text', lambda: '')()!r} "
                             f"{w.width()}x{w.height()}")
    for bar in _visible(root, QScrollBar):
        thickness = bar.width() if bar.orientation() == Qt.Orientation.Vertical else bar.height()
        if thickness < 44:
            small.append(f"QScrollBar {thickness}")
    for tabs in _visible(root, QTabBar):
        for i in range(tabs.count()):
            rect = tabs.tabRect(i)
            if tabs.isTabVisible(i) and (rect.width() < 44 or rect.height() < 44):
                small.append(f"tab {tabs.tabText(i)!r} {rect.width()}x{rect.height()}")
    return small


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_visible_control_of_every_station_is_at_least_44_px(kiosk, qtbot, size):
    kiosk.resize(*size)
    views = {"start": kiosk.start}
    for station_id in kiosk.profile.stations:
        views[station_id] = kiosk.open_station(station_id)
        qtbot.wait(20)
        small = _small_targets(views[station_id])
        assert not small, f"{station_id} at {size}: {small}"
    kiosk.go_home()
    qtbot.wait(20)
    assert not _small_targets(kiosk.start)


def test_numbers_are_chosen_with_steppers_never_typed(kiosk):
    for station_id in kiosk.profile.stations:
        face = kiosk.open_station(station_id).face
        for spin in face.findChildren(QAbstractSpinBox):
            assert spin.lineEdit().isReadOnly(), (station_id, spin.accessibleName())


def test_the_start_screen_switches_language_through_the_app_state(kiosk):
    seen = []
    kiosk.state.language_changed.connect(seen.append)
    kiosk.start.language_buttons["zh-Hant"].click()
    assert seen == ["zh-Hant"] and kiosk.start.language_buttons["zh-Hant"].isChecked()


def test_a_visit_is_counted_with_its_stations(kiosk, tmp_path):
    from ermu.models.kiosk.visits import report_csv

    kiosk.start.tiles["credit"].click()
    kiosk.stations["credit"].home.click()
    kiosk.start.tiles["surveys"].click()
    kiosk.reset_all()
    rows = report_csv(kiosk.visits.path).splitlines()
    assert len(rows) == 2 and ",credit surveys,en" in rows[1]


# -- starting ---------------------------------------------------------------------------------------------
def _ermu(*args, timeout=120):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "ermu.gui.app", *args], capture_output=True, text=True,
                          timeout=timeout)


def test_a_bad_profile_stops_the_kiosk_before_any_window_with_one_line_per_problem(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('stations = ["village", "bowling"]\nidle_seconds = 1\n', encoding="utf-8")
    run = _ermu("--kiosk", "--profile", str(bad), "--screenshot", str(tmp_path / "x.png"))
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and len(lines) == 2, run.stderr
    assert all(line.startswith("ermu: error: ") for line in lines)
    assert not (tmp_path / "x.png").exists()
    chart = tmp_path / "chart.toml"
    chart.write_text('[surveys]\nchart = "horoscopes"\n', encoding="utf-8")
    run = _ermu("--kiosk", "--profile", str(chart), "--screenshot", str(tmp_path / "x.png"))
    assert run.returncode == 2 and "'horoscopes' is not a chart" in run.stderr and run.stderr.count("\n") == 1
    run = _ermu("--profile", str(bad))  # --profile without --kiosk
    assert run.returncode == 2 and run.stderr.count("\n") == 1


@pytest.mark.parametrize("view", ["start", "attract", "village", "surveys"])
def test_kiosk_screenshots_render_the_start_the_attract_loop_and_stations(qapp, tmp_path, view):
    from PySide6.QtGui import QImage

    shot = tmp_path / f"{view}.png"
    run = _ermu("--kiosk", "--screenshot", str(shot), "--view", view, "--size", "1280x800")
    assert run.returncode == 0, run.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    if view == "attract":  # drawn on ink, not the paper of the start screen
        assert image.pixelColor(640, 400).lightness() < 80


def test_the_supervisor_command_runs_the_same_kiosk_options_in_a_child():
    from ermu.gui.kiosk.launch import child_command

    command = child_command(["--profile", "/etc/ermu/kiosk.toml", "--supervise"])
    assert command[1:] == ["-m", "ermu.gui.app", "--kiosk", "--profile", "/etc/ermu/kiosk.toml"]


def test_every_station_shows_a_page_the_page_table_allows_on_a_kiosk_and_never_the_library():
    from ermu.gui.pages import page
    from ermu.models.kiosk.profile import STATION_VIEWS

    for station, page_id in STATION_VIEWS.items():
        assert page(page_id).kiosk, station
    assert "library" not in STATION_VIEWS.values() and not page("library").kiosk


def test_diagrams_take_touch_pan_and_pinch(kiosk):
    from PySide6.QtWidgets import QGraphicsView

    face = kiosk.open_station("village").face
    views = face.findChildren(QGraphicsView)
    assert views
    for view in views:
        assert view.viewport().testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)


def test_a_tap_shows_what_a_tooltip_would_have_said_on_hover(kiosk, qtbot):
    from PySide6.QtTest import QTest

    face = kiosk.open_station("village").face
    button = face.player.play_button
    said = button.toolTip()  # what the button does when tapped (Play turns into Pause once pressed)
    assert said
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert kiosk.status_line.text() == said
    assert kiosk.status_line.isVisible()


def test_no_touch_for_the_idle_time_asks_still_there_and_a_touch_restarts_the_clock(kiosk, qtbot):
    from PySide6.QtTest import QTest

    kiosk.start.tiles["credit"].click()
    qtbot.wait(50)
    # Every touch restarts the clock: counted, not timed, so a busy machine (a station built
    # after the first paint) cannot make the test miss a 300 ms window.
    restarts = []
    restart = kiosk.idle.touched
    kiosk.idle.touched = lambda: (restarts.append(1), restart())
    kiosk.idle.timer.setInterval(60_000)
    for count in range(1, 4):
        QTest.mousePress(kiosk.stations["credit"].title, Qt.MouseButton.LeftButton)
        assert len(restarts) >= count and kiosk.idle.timer.remainingTime() > 55_000
    del kiosk.idle.touched
    assert not kiosk.still_there.isVisible()
    kiosk.idle.timer.setInterval(300)
    kiosk.idle.touched()
    assert not kiosk.still_there.isVisible()
    qtbot.waitUntil(kiosk.still_there.isVisible, timeout=3_000)
    assert kiosk.current_view() == "credit"  # nothing reset yet: the visitor may come back


def test_the_kiosk_writes_its_heartbeat_every_minute(qtbot, profile, tmp_path):
    import json

    from ermu.gui.kiosk.shell import KioskWindow
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.models.kiosk.visits import VisitLog

    beat = tmp_path / "heartbeat.json"
    window = KioskWindow(AppState(Settings(None), mode="kiosk"), profile,
                         visits=VisitLog(tmp_path / "v.sqlite3"), heartbeat_path=beat)
    try:
        assert window.heartbeat_timer.isActive() and window.heartbeat_timer.interval() == 60_000
        window.start.tiles["surveys"].click()
        window.write_heartbeat()
        data = json.loads(beat.read_text(encoding="utf-8"))
        assert data["visits_today"] == 1 and data["rss_bytes"] > 0
    finally:
        window.dispose()


def test_a_pin_pad_left_open_closes_when_the_kiosk_goes_idle(kiosk, qtbot):
    kiosk.open_pin_pad()
    kiosk.pin_pad.keys["1"].click()
    kiosk.idle.timer.setInterval(50)
    kiosk.idle.touched()
    qtbot.waitUntil(lambda: not kiosk.pin_pad.isVisible(), timeout=3_000)
    assert kiosk.pin_pad.entered == ""
