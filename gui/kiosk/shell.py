"""The kiosk shell: a frameless, full-screen, stay-on-top window no visitor can break or leave.

It shows the start screen, the profile's stations (each face embedded in a
:class:`~.stations.Station`), the attract loop, and two overlays (Still there?, the staff
PIN pad). It implements the navigator's small shell interface (``show_page``, ``has_page``)
and refuses saving and opening library files. Closing is refused unless the staff PIN
was entered; then the window emits ``staff_exit`` and the app ends with status 0.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ermu.models.i18n import _
from ermu.models.kiosk.memory import release
from ermu.models.kiosk.profile import STATION_VIEWS, Profile

from ..announce import announce
from ..navigator import Navigator
from ..retranslation import retranslate_static
from .attract import Attract
from .idle import IdleClock, StillThere
from .lockdown import Lockdown
from .pinpad import CornerHold, PinPad
from .start_screen import StartScreen
from .stations import SPECS, Station
from .touch_style import BODY_PT, kiosk_stylesheet

log = logging.getLogger(__name__)
REFUSED = frozenset({"save_scenario", "open_scenario"})
SHARE_THE_SANDBOX = frozenset({"village", "compare"})


class KioskWindow(QWidget):
    staff_exit = Signal()
    view_changed = Signal(str)

    def __init__(self, state, profile: Profile, *, visits=None, heartbeat_path=None) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.state = state
        self.profile = profile
        self.visits = visits
        self.heartbeat_path = heartbeat_path
        self.started = time.monotonic()
        self._may_close = False
        self.setObjectName("kioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setStyleSheet(kiosk_stylesheet(profile.text_scale))
        state.set_text_floor(BODY_PT * profile.text_scale)  # the faces' own small sizes come up to it
        self.stack = QStackedWidget()
        self.stack.setObjectName("kioskStack")
        self.start = StartScreen(profile.stations, profile.languages)
        self.start.station_chosen.connect(self.open_station)
        self.start.language_chosen.connect(self.choose_language)
        self.stack.addWidget(self.start)
        self.stations: dict[str, Station] = {}
        for station_id in profile.stations:
            station = Station(SPECS[station_id], state, dict(profile.presets))
            station.home_requested.connect(self.go_home)
            self.stations[station_id] = station
            self.stack.addWidget(station)
        self.attract = Attract(profile.languages)
        self.attract.touched.connect(self.leave_attract)
        self.stack.addWidget(self.attract)
        self.status_line = QLabel()
        self.status_line.setObjectName("kioskHint")
        self.status_line.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_line)
        self.still_there = StillThere(profile.countdown_seconds, self)
        self.still_there.keep_going.connect(self._keep_going)
        self.still_there.start_again.connect(self.reset_all)
        self.still_there.expired.connect(self.reset_all)
        self.pin_pad = PinPad(profile.pin_hash, self)
        self.pin_pad.unlocked.connect(self._unlocked)
        self.pin_pad.closed.connect(self._pad_closed)
        self.idle = IdleClock(profile.idle_seconds, self)
        self.idle.idle.connect(self._went_idle)
        self.corner = CornerHold(self.open_pin_pad, self)
        self.lockdown = Lockdown(self, on_input=self._input, on_corner=self.corner.pressed,
                                 on_explain=self.show_status)
        self.navigator = Navigator(state, self, refused=REFUSED, parent=self)
        state.status.connect(self.show_status)
        self._shown_language = state.language  # what the faces' fixed texts show now
        state.language_changed.connect(self.retranslate)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.timeout.connect(self.write_heartbeat)
        if heartbeat_path is not None:
            from ermu.models.kiosk.heartbeat import HEARTBEAT_SECONDS

            self.heartbeat_timer.start(HEARTBEAT_SECONDS * 1000)
        if state.language != profile.default_language:
            state.set_language(profile.default_language)
        self.start.show_language(state.language)
        self.retranslate()
        self.idle.touched()

    # -- the navigator's shell interface ------------------------------------------------------
    def _station_for(self, page_id: str) -> Station | None:
        for station in self.stations.values():
            if station.page_id == page_id:
                return station
        return None

    def has_page(self, page_id: str) -> bool:
        return self._station_for(page_id) is not None

    def show_page(self, page_id: str):
        station = self._station_for(page_id)
        if station is None:
            raise KeyError(f"this kiosk has no station showing {page_id!r}")
        self.open_station(station.spec.id)
        return station.face

    def show_status(self, text: str) -> None:
        self.status_line.setText(str(text))

    # -- moving about ------------------------------------------------------------------------
    def _set_page(self, widget) -> None:
        self.stack.setCurrentWidget(widget)
        self.status_line.setVisible(widget is not self.attract)

    def current_view(self) -> str:
        widget = self.stack.currentWidget()
        if widget is self.start:
            return "start"
        if widget is self.attract:
            return "attract"
        return widget.spec.id

    def open_station(self, station_id: str) -> Station:
        station = self.stations[station_id]
        station.ensure_face()
        station.dirty = True
        self.attract.stop()
        self._set_page(station)
        station.shown()
        if self.visits is not None:
            self.visits.start(self.state.language)
            self.visits.station(station_id)
        announce(self, _(station.spec.todo))
        self.view_changed.emit(station_id)
        return station

    def rehearse(self) -> None:
        """Show and paint every station (and every survey chart) once in each offered language,
        before the first visitor.

        What a kiosk legitimately keeps once — the faces, matplotlib and its fonts, the charts'
        drawings, each language's catalogs and CJK faces, Qt's glyph caches — cost about
        120 MB more when the first visitors met them (benchmarks/bench_kiosk_soak.py, before
        this rehearsal painted anything). Paid here, right after the first paint and with
        nobody at the screen, the memory the kiosk holds when ready is what it holds after
        weeks; the soak measures from here. Nothing a visitor did is involved: every station is
        reset afterwards and the profile's language comes back.
        """
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        visits, self.visits = self.visits, None  # a rehearsal is not a visit
        cover = self._getting_ready_cover()
        try:
            default = self.profile.default_language
            for code in [c for c in self.profile.languages if c != default] + [default]:
                if self.state.language != code:
                    self.state.set_language(code)  # every face retranslates, as for a visitor
                for station in self.stations.values():
                    self._rehearse_station(station, app)
            self.reset_all()
        finally:
            self.visits = visits
            cover.deleteLater()
        self.go_home()

    def _getting_ready_cover(self):
        """An opaque card over the whole window while the rehearsal shows every station behind
        it, so the screen says what is happening instead of flashing through the stations."""
        from PySide6.QtWidgets import QLabel

        cover = QLabel(self)
        cover.setObjectName("kioskGettingReady")
        cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cover.setWordWrap(True)
        cover.setAutoFillBackground(True)
        cover.setText(_("Ermu 耳目 is getting ready…"))
        cover.setStyleSheet("QLabel#kioskGettingReady { background: #f7f3ea; color: #2b2a28; font-size: 28pt; }")
        cover.setGeometry(self.rect())
        cover.show()
        cover.raise_()
        return cover

    def _rehearse_station(self, station: Station, app) -> None:
        face = station.ensure_face()
        station.dirty = True
        self._set_page(station)  # shown, so faces that build on their first show do so now
        station.shown()
        has_charts = callable(getattr(face, "chart_ids", None)) and hasattr(face, "show_chart")
        charts = face.chart_ids() if has_charts else [None]
        for chart_id in charts:
            if chart_id is not None:
                face.show_chart(chart_id)
            for _round in range(2):  # resizes post the canvases' draws; then they run (no touches yet)
                app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            station.grab()  # painted once: matplotlib draws, Qt caches this language's glyphs

    def go_home(self) -> None:
        self.attract.stop()
        self._set_page(self.start)
        self.view_changed.emit("start")

    def choose_language(self, code: str) -> None:
        if self.visits is not None:
            self.visits.start(code)
            self.visits.language(code)
        self.state.set_language(code)
        self.start.show_language(code)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Ermu 耳目 — museum kiosk"))
        self.start.retranslate()
        self.start.show_language(self.state.language)
        previous, self._shown_language = self._shown_language, self.state.language
        for station in self.stations.values():
            if previous != self._shown_language and station.face is not None:
                retranslate_static(station.face, previous)  # the faces' fixed texts, as the desktop does
            station.retranslate()
        self.still_there.retranslate()
        self.pin_pad.retranslate()
        self.attract.retranslate()

    # -- idle, reset and attract ------------------------------------------------------------------
    def _input(self) -> None:
        self.idle.touched()

    def _went_idle(self) -> None:
        if self.pin_pad.isVisible():  # a PIN pad left open never stays on the screen
            self.pin_pad.close_pad()
        if self.current_view() == "attract":
            return
        if self.current_view() == "start" and (self.visits is None or not self.visits.active):
            # nobody has started a visit: no need to ask, but still clear any language choice
            self.reset_all()
            return
        self.idle.pause()
        self.still_there.begin()

    def _keep_going(self) -> None:
        self.idle.resume()

    def reset_all(self) -> None:
        """A new visitor: every station back to its first state, the profile's language, the start."""
        self.still_there.stop()
        touched = {sid for sid, station in self.stations.items() if station.dirty}
        if touched & SHARE_THE_SANDBOX:  # the village and Compare show one sandbox document
            touched |= SHARE_THE_SANDBOX & set(self.stations)
            self.state.sandbox.reset()
        for station_id in touched:  # a station nobody opened holds nothing of the visitor's
            self.stations[station_id].reset()
            self.stations[station_id].dirty = False
        if self.state.has_sandbox:
            self.state.sandbox.undo_stack.clear()
        if self.state.language != self.profile.default_language:
            self.state.set_language(self.profile.default_language)
        self.start.show_language(self.state.language)
        self.status_line.clear()
        if self.visits is not None:
            self.visits.end()
        log.info("kiosk reset for the next visitor")
        if self.profile.attract:
            self._set_page(self.attract)
            self.attract.start()
            self.view_changed.emit("attract")
        else:
            self.go_home()
        self.idle.resume()
        release()  # what the visitor's faces freed goes back to the system (models/kiosk/memory.py)

    def leave_attract(self) -> None:
        self.go_home()
        self.idle.resume()

    def show_attract(self) -> None:
        self._set_page(self.attract)
        self.attract.start()

    # -- the staff exit --------------------------------------------------------------------------
    def open_pin_pad(self) -> None:
        self.still_there.stop()
        self.idle.resume()  # the idle clock keeps running: a pad left open closes itself
        self.pin_pad.open_pad()

    def _pad_closed(self) -> None:
        self.idle.resume()

    def _unlocked(self) -> None:
        log.info("staff exit with the PIN")
        self._may_close = True
        if self.visits is not None:
            self.visits.end()
        self.staff_exit.emit()
        self.close()

    def dispose(self) -> None:
        """Close for good (tests, screenshots): the one way past the refused close."""
        self._may_close = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self._may_close:
            event.ignore()  # Alt+F4, the window manager's close, a stray close(): the kiosk stays
            return
        self.lockdown.release()
        self.heartbeat_timer.stop()
        self.attract.stop()
        self.idle.timer.stop()
        self.state.shutdown()
        super().closeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        for overlay in (self.still_there, self.pin_pad):
            if overlay.isVisible():
                overlay.setGeometry(self.rect())

    # -- operations ---------------------------------------------------------------------------------
    def write_heartbeat(self) -> None:
        from ermu.models.kiosk.heartbeat import heartbeat, write_heartbeat

        try:
            today = self.visits.today() if self.visits is not None else 0
            write_heartbeat(self.heartbeat_path, heartbeat(self.started, today))
        except OSError as exc:
            log.warning("could not write the heartbeat: %s", exc)


__all__ = ["KioskWindow", "REFUSED", "STATION_VIEWS"]
