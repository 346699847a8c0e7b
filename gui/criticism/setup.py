"""The setup row: group size, rounds, seed, the chair's first target, media, your seat."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from ermu.models.criticism import MAX_ROUNDS, members_from_village

from ermu.models.i18n import N_, _

from .document import GUI_MAX_PARTICIPANTS, SessionConfig
from .room import seat_name

WATCH = N_("Watch (all on autopilot)")
CHAIRS_RULE = N_("the chair's rule (most suspect)")


class SetupBar(QWidget):
    start = Signal(object)  # a SessionConfig

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participants = self._spin(_("Members"), 2, GUI_MAX_PARTICIPANTS, SessionConfig.participants)
        self.rounds = self._spin(_("Rounds"), 1, MAX_ROUNDS, SessionConfig.rounds)
        self.seed = self._spin(_("Seed"), 0, 999_999, 0)
        self.target = QComboBox()
        self.target.setAccessibleName(_("Whom the chair singles out in round 1"))
        self.seat = QComboBox()
        self.seat.setAccessibleName(_("Your seat, or watch"))
        self.media = QCheckBox(_("Publish the record (media)"))
        self.media.setAccessibleName(_("Media mode: publish each round's record to the unit"))
        self.start_button = QPushButton(_("Start session"))
        self.start_button.setAccessibleName(_("Start a new session with these settings"))
        self.start_button.setMinimumHeight(36)
        self.start_button.clicked.connect(lambda: self.start.emit(self.config()))
        # two rows, so every caption keeps its words in a 1024-pixel window and at large fonts
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        first, second = QHBoxLayout(), QHBoxLayout()
        for row, label, widget in ((first, _("&Members"), self.participants), (first, _("&Rounds"), self.rounds),
                                   (first, _("S&eed"), self.seed), (first, _("You &sit as"), self.seat),
                                   (second, _("&Chair singles out first"), self.target)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            caption.setMinimumWidth(caption.sizeHint().width())
            row.addWidget(caption)
            row.addWidget(widget)
        first.addStretch(1)
        first.addWidget(self.start_button)
        second.addWidget(self.media)
        second.addStretch(1)
        outer.addLayout(first)
        outer.addLayout(second)
        self.participants.valueChanged.connect(self._refresh_names)
        self.seed.valueChanged.connect(self._refresh_names)
        self.show_config(SessionConfig())  # the first visit sits the student at seat 0, as Reset does

    def _spin(self, name: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def refresh_names(self) -> None:
        """The seats' names again (in the script of the language now shown); the choices stay."""
        self._refresh_names()

    def _refresh_names(self) -> None:
        members = members_from_village(self.participants.value(), self.seed.value())
        for combo, first in ((self.target, CHAIRS_RULE), (self.seat, WATCH)):
            keep = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_(first), None)
            for m in members:
                combo.addItem(f"{m.index}: {seat_name(m)}", m.index)
            combo.setCurrentIndex(keep if 0 <= keep < combo.count() else 0)
            combo.blockSignals(False)

    def config(self) -> SessionConfig:
        return SessionConfig(self.participants.value(), self.rounds.value(), self.seed.value(),
                             self.target.currentData(), self.media.isChecked(), self.seat.currentData())

    def show_config(self, config: SessionConfig) -> None:
        for spin, value in ((self.participants, config.participants), (self.rounds, config.rounds),
                            (self.seed, config.seed)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._refresh_names()
        self.media.setChecked(config.media)
        self.target.setCurrentIndex(0 if config.target is None else config.target + 1)
        self.seat.setCurrentIndex(0 if config.learner is None else config.learner + 1)
