"""PlayerView: pick an incident, replay its trace step by step on the diagram, read who is liable.

Space plays or pauses, Left and Right step, Home restarts. Each step's sentence is shown in
a narration line that screen readers announce; the houses involved carry a symbol and a
colour (see the legend). The view replays the engine's trace; it decides nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from ..widgets.hierarchy_diagram import HierarchyDiagram
from ..widgets.marks import Legend, roles_until
from .document import SandboxDocument
from .incident_bar import IncidentBar
from .playback import SPEEDS_MS, Playback
from .session import IncidentSession
from .summary import SummaryPanel

LEGEND_ROLES = ["offender", "observer", "silent", "reporter", "concealer", "punished", "rewarded"]


class PlayerView(QWidget):
    def __init__(self, document: SandboxDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session = IncidentSession(document, self)
        self.playback = Playback(self)

        self.incident_bar = IncidentBar(document)
        self.offender, self.offence, self.response = (self.incident_bar.offender, self.incident_bar.offence,
                                                      self.incident_bar.response)
        self.predict = QCheckBox("Predict first:")
        self.predict.setAccessibleName("Predict first")
        self.guess = QSpinBox()
        self.guess.setRange(0, 10_000_000)
        self.guess.setSuffix(" households punished")
        self.guess.setAccessibleName("My prediction: households punished")
        self.guess.setEnabled(False)
        choose = QHBoxLayout()
        choose.addWidget(self.incident_bar)
        choose.addSpacing(16)
        choose.addWidget(self.predict)
        choose.addWidget(self.guess)
        choose.addStretch(1)

        self.restart_button = self._button("↺ Restart", "Restart (Home)", self.playback.restart)
        self.back_button = self._button("◀ Back", "Step back (Left)", self.playback.step_back)
        self.play_button = self._button("▶ Play", "Play or pause (Space)", self.playback.toggle)
        self.play_button.setObjectName("primary")
        self.forward_button = self._button("Forward ▶", "Step forward (Right)", self._forward)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS_MS) - 1)
        self.speed.setValue(2)
        self.speed.setMaximumWidth(140)
        self.speed.setAccessibleName("Speed")
        self.speed.valueChanged.connect(self.playback.set_speed)
        self.position = QLabel()
        self.position.setAccessibleName("Step counter")
        transport = QHBoxLayout()
        for widget in (self.restart_button, self.back_button, self.play_button, self.forward_button):
            transport.addWidget(widget)
        speed_label = QLabel("Speed")
        speed_label.setObjectName("muted")
        transport.addSpacing(12)
        transport.addWidget(speed_label)
        transport.addWidget(self.speed)
        transport.addWidget(self.position)
        transport.addStretch(1)

        self.narration = QLabel()
        self.narration.setTextFormat(Qt.TextFormat.PlainText)  # narration names people of the village
        self.narration.setWordWrap(True)
        self.narration.setAccessibleName("Narration")
        self.narration.setStyleSheet("font-size: 16px; padding: 8px 10px; background: white; "
                                     "border-left: 4px solid #b23a2b; border-radius: 4px;")
        self.diagram = HierarchyDiagram()
        self.summary = SummaryPanel(self.session)
        self.summary.setMinimumWidth(360)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.diagram, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(centre)
        splitter.addWidget(self.summary)
        splitter.setSizes([780, 380])
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(choose)
        layout.addLayout(transport)
        layout.addWidget(self.narration)
        layout.addWidget(splitter, 1)
        layout.addWidget(Legend(LEGEND_ROLES))

        for key, slot in ((Qt.Key.Key_Space, self.playback.toggle), (Qt.Key.Key_Left, self.playback.step_back),
                          (Qt.Key.Key_Right, self._forward), (Qt.Key.Key_Home, self.playback.restart)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.predict.toggled.connect(self._predict_toggled)
        self.diagram.household_clicked.connect(self._clicked)
        self.session.result_changed.connect(self._result)
        self.playback.position_changed.connect(self._show_position)
        self.playback.playing_changed.connect(
            lambda playing: self.play_button.setText("❚❚ Pause" if playing else "▶ Play"))
        self.playback.finished.connect(self._finished)
        document.changed.connect(self._village_changed)
        self._village_changed(None)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(slot)
        return button

    # -- choices -------------------------------------------------------------------------
    def set_incident(self, options: dict) -> None:
        self.session.set_incident(options)

    def _choose(self, **changes) -> None:
        if any(getattr(self.session.incident, k) != v for k, v in changes.items()):
            self.session.update(**changes)

    def _clicked(self, household: int) -> None:
        self.document.select(household)
        self._choose(offender=household)

    def _predict_toggled(self, on: bool) -> None:
        self.guess.setEnabled(on)
        self.summary.set_revealed(not on or self.playback.at_end and self.playback.position >= 0,
                                  self.guess.value() if on else None)

    def _village_changed(self, change) -> None:
        """Rebuild the diagram and the offence list only when the grouping changed."""
        if change is not None and not change.structure:
            if change.households:
                self.diagram.update_households(self.document.hierarchy, change.households)
            return  # the session re-simulates if the outcome can differ
        self.diagram.set_hierarchy(self.document.hierarchy)
        self.session.simulate()  # the result is cached in the document: this only redraws  # the result is cached in the document: this only redraws

    def _result(self, result) -> None:
        self.playback.load(result.trace.steps if result is not None else [])
        if self.predict.isChecked():
            self.summary.set_revealed(False)

    # -- replay --------------------------------------------------------------------------
    def _forward(self) -> None:
        self.playback.pause()
        self.playback.step_forward()

    def _show_position(self, position: int) -> None:
        steps = self.playback.steps
        self.position.setText(f"Step {position + 1} of {len(steps)}")
        roles, arrows = roles_until(steps, position)
        current = set()
        if 0 <= position < len(steps):
            step = steps[position]
            current = {a for a in (step.actor, step.target) if isinstance(a, int)}
            text = step.narration
            if not step.documented:
                text += "  ◇ illustrative"
        else:
            text = ("Press Play (Space) or step forward (Right) to watch the incident unfold."
                    if steps else "Nothing to play: choose an offender in the village.")
        self.diagram.set_marks(roles, arrows, current)
        self.back_button.setEnabled(position >= 0)
        self.forward_button.setEnabled(position < len(steps) - 1)
        self.narration.setText(text)
        self.narration.setAccessibleDescription(text)
        QAccessible.updateAccessibility(QAccessibleEvent(self.narration, QAccessible.Event.DescriptionChanged))

    def _finished(self) -> None:
        if self.predict.isChecked():
            self.summary.set_revealed(True, self.guess.value())
