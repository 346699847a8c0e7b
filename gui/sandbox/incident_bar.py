"""IncidentBar: offender, offence and response, bound to the sandbox document.

The player and Compare show the same bar over the same document, so the incident chosen
in one is the incident played in the other. ``offences="regime"`` lists what the current
regime polices (the player); ``"all"`` lists every offence (Compare, where a regime that
does not police the chosen one says why in its pane).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from ermu.models.i18n import _
from ermu.models.offences import OFFENCES

from .document import SandboxDocument
from .session import RESPONSES


class IncidentBar(QWidget):
    def __init__(self, document: SandboxDocument, *, offences: str = "regime", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.all_offences = offences == "all"
        self.offender = QSpinBox()
        self.offender.setAccessibleName(_("Offending household"))
        self.offence = QComboBox()
        self.offence.setAccessibleName(_("Offence"))
        self.response = QComboBox()
        self.response.setAccessibleName(_("Response"))
        for value, label in RESPONSES:
            self.response.addItem(_(label), value)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        for text, widget in ((_("&Offender"), self.offender), (_("O&ffence"), self.offence),
                             (_("&Response"), self.response)):
            label = QLabel(text)
            label.setBuddy(widget)
            label.setObjectName("muted")
            self.row.addWidget(label)
            self.row.addWidget(widget)
        self.offender.editingFinished.connect(lambda: self._choose(offender=self.offender.value()))
        self.offence.activated.connect(lambda row: self._choose(offence=self.offence.itemData(row)))
        self.response.activated.connect(lambda row: self._choose(response=self.response.itemData(row)))
        document.changed.connect(self._changed)
        self._fill_offences()
        self.refresh()

    def _choose(self, **changes) -> None:
        current = self.document.incident
        if any(getattr(current, key) != value for key, value in changes.items()):
            self.document.set_incident(**changes)

    def _changed(self, change) -> None:
        if change.structure:
            self._fill_offences()
        if change.structure or change.incident:
            self.refresh()

    def _fill_offences(self) -> None:
        ids = list(OFFENCES) if self.all_offences else list(self.document.regime.offences)
        self.offence.blockSignals(True)
        self.offence.clear()
        for offence_id in ids:
            self.offence.addItem(_(OFFENCES[offence_id].label), offence_id)
        self.offence.blockSignals(False)
        self.offender.setRange(0, max(0, len(self.document.population) - 1))

    def retranslate(self) -> None:
        """The offences and the responses in the current language; the choice stays."""
        for row, (_value, label) in enumerate(RESPONSES):
            self.response.setItemText(row, _(label))
        for row in range(self.offence.count()):
            self.offence.setItemText(row, _(OFFENCES[self.offence.itemData(row)].label))

    def refresh(self) -> None:
        incident = self.document.incident if self.all_offences else self.document.fitted_incident()
        for widget, value in ((self.offence, incident.offence), (self.response, str(incident.response))):
            widget.blockSignals(True)
            widget.setCurrentIndex(max(0, widget.findData(value)))
            widget.blockSignals(False)
        self.offender.blockSignals(True)
        self.offender.setValue(min(incident.offender, self.offender.maximum()))
        self.offender.blockSignals(False)
