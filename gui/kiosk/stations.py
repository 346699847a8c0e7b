"""Stations: the faces a kiosk offers, each wrapped with a way home and one line of what to do.

A :class:`Station` embeds one face (created from the page table the first time the station
is opened) under a header with a big Home button, the station's title and a sentence that
says what to do. What a visitor must not meet on a kiosk is taken away here, from outside
the face: typed numbers become steppers, desktop-only buttons (reset my progress, try it
elsewhere) are hidden, lessons keep their progress in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractScrollArea, QAbstractSpinBox, QFrame, QHBoxLayout, QGraphicsView, QScrollArea, QSizePolicy, QTableView, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from ermu.models.i18n import N_, _
from ermu.models.kiosk.profile import STATION_VIEWS

from ..pages import page


@dataclass(frozen=True)
class StationSpec:
    id: str
    title: str  # marked with N_, translated when shown
    todo: str  # one line: what to do here
    tile: str  # one line on the start screen's tile


SPECS: dict[str, StationSpec] = {s.id: s for s in (
    StationSpec("village", N_("Your village under five regimes"),
                N_("Choose a regime, tap a house to make it offend, then press Play and watch who is punished."),
                N_("Tap a house, choose a dynasty, watch the blame spread.")),
    StationSpec("compare", N_("Compare"),
                N_("The same offence in one village under several regimes: tap a house to see its fate in each."),
                N_("One village, several regimes, side by side.")),
    StationSpec("criticism", N_("Sit in a criticism session"),
                N_("Press Step to move the meeting on; when it is your turn, choose what you say."),
                N_("A short meeting where everyone must speak.")),
    StationSpec("credit", N_("A year of social credit"),
                N_("Tap what happens this month and watch the score, the lists and the consequences."),
                N_("Twelve months of scores, lists and appeals.")),
    StationSpec("timeline", N_("The timeline"),
                N_("Read the lessons in order with Next and Previous; nothing you do here is kept."),
                N_("From the Sui household groups to today.")),
    StationSpec("surveys", N_("What people think"),
                N_("Choose a survey on the left; tap Show as table to read the numbers."),
                N_("Surveys of opinion, as charts and tables.")),
)}

#: The regimes of the village station, in time order.
VILLAGE_REGIMES = ("sui", "song-baojia", "ming-lijia", "ming-baojia", "qing-baojia")


class MemorySettings:
    """The part of QSettings lesson progress uses, kept in memory (a kiosk writes no file)."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 (QSettings name)
        self.values[key] = value

    def value(self, key: str, default: object = None) -> object:
        return self.values.get(key, default)

    def childGroups(self) -> list[str]:  # noqa: N802
        return sorted({k.split("/", 1)[0] for k in self.values if "/" in k})

    def remove(self, key: str) -> None:
        self.values = {k: v for k, v in self.values.items() if k != key and not k.startswith(key + "/")}

    def sync(self) -> None:
        pass

    def clear(self) -> None:
        self.values.clear()


class Station(QWidget):
    home_requested = Signal()

    def __init__(self, spec: StationSpec, state, presets: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.state = state
        self.preset = presets.get(spec.id)
        self.face = None
        self.dirty = False  # opened since the last reset?
        self.page_id = STATION_VIEWS[spec.id]
        self.memory = MemorySettings()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        header = QHBoxLayout()
        self.home = QPushButton()
        self.home.setObjectName("kioskHome")
        self.home.clicked.connect(self.home_requested)
        header.addWidget(self.home)
        words = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("kioskStationTitle")
        self.todo = QLabel()
        self.todo.setObjectName("kioskDo")
        self.todo.setWordWrap(True)
        words.addWidget(self.title)
        words.addWidget(self.todo)
        header.addLayout(words, 1)
        layout.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        # A face taller or wider than the screen scrolls (by touch) rather than growing the window.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body.addWidget(self.scroll, 1)
        layout.addLayout(self.body, 1)
        self.regime_buttons: dict[str, QPushButton] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.home.setText(_("⌂ Home"))
        self.home.setAccessibleName(_("Back to the start screen"))
        self.title.setText(_(self.spec.title))
        self.todo.setText(_(self.spec.todo))
        self.setAccessibleName(_(self.spec.title))
        if self.face is not None:
            self._retranslate_regimes()
            self.face.retranslate()

    # -- the face, created on first use -------------------------------------------------------
    def ensure_face(self):
        if self.face is None:
            if self.page_id == "lessons":
                from ..lessons.lesson_view import LessonView
                from ..lessons.progress import Progress

                self.face = LessonView(self.state, self, progress=Progress(self.memory))
            else:
                self.face = page(self.page_id).create(self.state, self)
            self.scroll.setWidget(self.face)
            self._fit_face()
            self.reset()
        return self.face

    def _fit_face(self) -> None:
        face = self.face
        if self.spec.id == "village":
            face.tabs.tabBar().hide()
            face.bar.hide()  # the households, seed and undo row: the kiosk's own regime row replaces it
            ignored = QSizePolicy.Policy.Ignored
            face.builder.setSizePolicy(ignored, ignored)  # never shown here: it must not size the station
            for label in face.findChildren(QLabel, "pageSubtitle"):
                label.hide()  # the station's own title says what this is
            row = QHBoxLayout()
            for regime_id in VILLAGE_REGIMES:
                button = QPushButton()
                button.setCheckable(True)
                button.setObjectName("kioskLanguage")
                button.clicked.connect(lambda _=False, r=regime_id: self.choose_regime(r))
                self.regime_buttons[regime_id] = button
                row.addWidget(button)
            row.addStretch(1)
            self.body.insertLayout(0, row)
            self._retranslate_regimes()
            player = face.player  # the prediction's stepper and Lock in keep their whole words at 44 px
            player.guess.setMinimumWidth(player.guess.fontMetrics().horizontalAdvance(
                "9999" + player.guess.suffix()) + 2 * 48 + 16)
            player.commit_button.setMinimumWidth(player.commit_button.fontMetrics().horizontalAdvance(
                player.commit_button.text()) + 40)
        if self.spec.id == "criticism":
            face.setup.hide()  # a short session chosen by the profile; no seeds or members to type
            from ..criticism.choices import ChoicePanel

            for panel in face.findChildren(ChoicePanel):  # the choices' two-line words need room on touch
                side = panel.parentWidget()
                while side is not None and side is not face and side.maximumWidth() >= 16_000:
                    side = side.parentWidget()
                if side is not None and side is not face:
                    side.setMaximumWidth(16_777_215)
                    row = side.parentWidget().layout() if side.parentWidget() is not None else None
                    if row is not None:
                        row.setStretchFactor(side, 4)  # the room 3 : the choices 4
        if self.page_id == "lessons":
            face.reset_button.hide()  # progress is never kept on a kiosk
            face.try_button.hide()  # read-only: the timeline does not send visitors elsewhere
        for spin in face.findChildren(QAbstractSpinBox):
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
            line = spin.lineEdit() if hasattr(spin, "lineEdit") else None
            if line is not None:
                line.setReadOnly(True)  # numbers by steppers, never typed
        for table in face.findChildren(QTableView):
            table.setCornerButtonEnabled(False)  # select-all: a 2 px target of no use to a visitor
        for area in [self.scroll, *face.findChildren(QAbstractScrollArea)]:
            area.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
            from PySide6.QtWidgets import QScroller

            if isinstance(area, QGraphicsView):  # diagrams: one finger pans, two pinch (the view zooms)
                area.viewport().grabGesture(Qt.GestureType.PinchGesture)
            QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    def _retranslate_regimes(self) -> None:
        if not self.regime_buttons:
            return
        from ermu.models.regimes import get_regime

        for regime_id, button in self.regime_buttons.items():
            regime = get_regime(regime_id)
            button.setText(_(regime.title))
            button.setChecked(regime_id == self.state.sandbox.regime_id)

    def choose_regime(self, regime_id: str) -> None:
        self.state.sandbox.set_regime(regime_id)
        for rid, button in self.regime_buttons.items():
            button.setChecked(rid == regime_id)

    # -- a new visitor ---------------------------------------------------------------------
    def reset(self) -> None:
        """Everything a visitor made here, gone: the face's state, undo stacks, progress, scrolling."""
        if self.face is None:
            return
        self.memory.clear()
        self.face.reset()
        if self.preset is not None:
            self.face.open_preset(self.preset)
        if self.spec.id == "village":
            self.face.show_tab("player")
            self._retranslate_regimes()
        if self.state.has_sandbox:
            self.state.sandbox.undo_stack.clear()
        from PySide6.QtGui import QUndoStack

        for stack in self.face.findChildren(QUndoStack):
            stack.clear()
        for area in [self.scroll, *self.face.findChildren(QAbstractScrollArea)]:
            for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
                bar.setValue(bar.minimum())

    def shown(self) -> None:
        self.ensure_face().shown()


__all__ = ["MemorySettings", "SPECS", "Station", "StationSpec", "VILLAGE_REGIMES"]
