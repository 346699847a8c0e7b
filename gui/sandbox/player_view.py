"""PlayerView: pick an incident, replay its trace step by step on the diagram, read who is liable.

When the player or its diagram has focus, Space plays or pauses, Left and Right step, Home
restarts; a focused button, slider or box keeps its own keys. Each step's sentence is shown
in the narration line, announced to screen readers (``gui/announce.py``) and kept in a
focusable log of steps. The camera follows the incident (see the diagram); a timeline under
the view scrubs through the steps. With "Predict first" the outcome stays hidden until the
prediction is locked in and the play has reached its end. The view replays the engine's
trace; it decides nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QSlider, QSpinBox,
                               QSplitter, QVBoxLayout, QWidget)

from ermu.models.i18n import _

from ..announce import announce
from ..style import pixel_size
from ..widgets.hierarchy_diagram import HierarchyDiagram
from ..widgets.marks import Legend, roles_until
from .document import SandboxDocument
from .incident_bar import IncidentBar
from .playback import DEFAULT_SPEED, SPEEDS, Playback, play_key
from .session import IncidentSession
from .summary import SummaryPanel

LEGEND_ROLES = ["offender", "observer", "silent", "reporter", "concealer", "punished", "rewarded"]
MANUAL_STEP_MS = 550  # how long a step's motion lasts when a student steps by hand


def step_actors(step, offender: int | None) -> list:
    """What the camera frames for a step: the offender's unit for context, then the step's own
    people (the last one matters most: a report's receiver, a punished household)."""
    actors: list = [offender] if isinstance(offender, int) else []
    for who in (step.actor, step.target):
        if isinstance(who, int) or (who == "government" and step.kind in ("report", "discover")):
            actors.append(who)
    if step.kind == "discover" and isinstance(step.target, int):
        actors = [step.target, "government"]
    return actors


class PlayerView(QWidget):
    def __init__(self, document: SandboxDocument, parent: QWidget | None = None, *, settings=None) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.session = IncidentSession(document, self)
        self.playback = Playback(self)
        self.committed: int | None = None  # the prediction locked in, if any
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.incident_bar = IncidentBar(document)
        self.offender, self.offence, self.response = (self.incident_bar.offender, self.incident_bar.offence,
                                                      self.incident_bar.response)
        self.predict = QCheckBox()
        self.guess = QSpinBox()
        self.guess.setRange(0, 10_000_000)
        self.guess.setEnabled(False)
        self.commit_button = QPushButton()
        self.commit_button.setEnabled(False)
        self.commit_button.clicked.connect(self.commit_prediction)
        choose = QHBoxLayout()
        choose.addWidget(self.incident_bar)
        choose.addStretch(1)
        prediction = QWidget()  # beside the outcome it hides
        prediction_row = QHBoxLayout(prediction)
        prediction_row.setContentsMargins(0, 0, 0, 4)
        prediction_row.addWidget(self.predict)
        prediction_row.addWidget(self.guess, 1)
        prediction_row.addWidget(self.commit_button)

        self.restart_button = self._button(self.playback.restart)
        self.back_button = self._button(self.playback.step_back)
        self.play_button = self._button(self.playback.toggle)
        self.play_button.setObjectName("primary")
        self.forward_button = self._button(self._forward)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(DEFAULT_SPEED)
        self.speed.setMaximumWidth(140)
        self.speed.valueChanged.connect(self.playback.set_speed)
        self.position = QLabel()
        transport = QHBoxLayout()
        for widget in (self.restart_button, self.back_button, self.play_button, self.forward_button):
            transport.addWidget(widget)
        self.speed_label = QLabel()
        self.speed_label.setObjectName("muted")
        self.speed_label.setBuddy(self.speed)
        transport.addSpacing(12)
        transport.addWidget(self.speed_label)
        transport.addWidget(self.speed)
        transport.addWidget(self.position)
        transport.addStretch(1)
        self.reduce_motion = QCheckBox()
        self.reduce_motion.setChecked(self.motion_reduced())
        self.reduce_motion.toggled.connect(self._set_reduced_motion)
        transport.addWidget(self.reduce_motion)

        self.narration = QLabel()
        self.narration.setTextFormat(Qt.TextFormat.PlainText)  # narration names people of the village
        self.narration.setWordWrap(True)
        self.narration.setStyleSheet(f"font-size: {pixel_size(16)}; padding: 8px 10px; background: white; "
                                     "border-left: 4px solid #b23a2b; border-radius: 4px;")
        self.diagram = HierarchyDiagram()
        self.diagram.reduced_motion = self.motion_reduced
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setRange(-1, -1)
        self.timeline.setPageStep(5)
        self.timeline.valueChanged.connect(self._scrubbed)
        self.timeline.sliderPressed.connect(self.playback.pause)
        self.summary = SummaryPanel(self.session)
        self.summary.setMinimumWidth(360)
        self.log = QListWidget()
        self.log.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.log.setWordWrap(True)
        self.log.setMinimumHeight(120)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.diagram, 1)
        timeline_row = QHBoxLayout()
        self.timeline_label = QLabel()
        self.timeline_label.setObjectName("muted")
        self.timeline_label.setBuddy(self.timeline)
        timeline_row.addWidget(self.timeline_label)
        timeline_row.addWidget(self.timeline, 1)
        centre_layout.addLayout(timeline_row)
        outcome = QWidget()
        outcome_layout = QVBoxLayout(outcome)
        outcome_layout.setContentsMargins(0, 0, 0, 0)
        outcome_layout.addWidget(prediction)
        outcome_layout.addWidget(self.summary, 1)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(outcome)
        side.addWidget(self.log)
        side.setSizes([420, 180])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(centre)
        splitter.addWidget(side)
        splitter.setSizes([820, 360])
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(choose)
        layout.addLayout(transport)
        layout.addWidget(self.narration)
        layout.addWidget(splitter, 1)
        layout.addWidget(Legend(LEGEND_ROLES))

        self.predict.toggled.connect(self._predict_toggled)
        self.diagram.household_clicked.connect(self._clicked)
        self.session.result_changed.connect(self._result)
        self.playback.position_changed.connect(self._show_position)
        self.playback.playing_changed.connect(self._playing_changed)
        self.playback.finished.connect(self._reveal)
        document.changed.connect(self._village_changed)
        self.retranslate()
        self._village_changed(None)
        self._built = True

    def retranslate(self) -> None:
        self.predict.setText(_("Predict first"))
        self.guess.setSuffix(_(" punished"))
        self.guess.setAccessibleName(_("My prediction: households punished"))
        self.commit_button.setText(_("Lock in"))
        self.commit_button.setToolTip(_("Lock in your prediction; the outcome shows when the play reaches its end"))
        for button, text, name in ((self.restart_button, _("↺ Restart"), _("Restart (Home)")),
                                   (self.back_button, _("◀ Back"), _("Step back (Left)")),
                                   (self.forward_button, _("Forward ▶"), _("Step forward (Right)"))):
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(name)
        self._playing_changed(self.playback.playing)
        self.reduce_motion.setText(_("Reduce motion"))
        self.reduce_motion.setToolTip(_("Camera moves and travelling reports become instant changes "
                                        "(also when the desktop asks for reduced motion)"))
        self.speed_label.setText(_("Speed"))
        self.speed.setAccessibleName(_("Speed"))
        self.timeline_label.setText(_("Timeline"))
        self.timeline.setAccessibleName(_("Timeline of the incident's steps"))
        self.timeline.setToolTip(_("Drag to go back and forth through the steps"))
        self.log.setAccessibleName(_("Log of the steps so far"))
        self.diagram.retranslate()
        if getattr(self, "_built", False):  # on a language switch (not while building): what was said, said again
            self.incident_bar.retranslate()
            self.summary.retranslate()
            self.log.clear()
            self._show_position(self.playback.position)

    def _button(self, slot) -> QPushButton:
        button = QPushButton()
        button.clicked.connect(slot)
        return button

    def reset(self) -> None:
        """Back to the first state (the kiosk between visitors): no prediction, default speed."""
        self.playback.pause()
        self.predict.setChecked(False)
        self.guess.setValue(0)
        self.speed.setValue(DEFAULT_SPEED)
        self.log.clear()

    def motion_reduced(self) -> bool:
        return bool(self.settings is not None and self.settings.reduced_motion)

    def _set_reduced_motion(self, on: bool) -> None:
        if self.settings is not None:
            self.settings.reduced_motion = on

    # -- keys: only what the focused control leaves -------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not play_key(event, self.playback, self._forward):
            super().keyPressEvent(event)

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
        self.committed = None
        self.guess.setEnabled(on)
        self.commit_button.setEnabled(on)
        self._update_reveal()

    def commit_prediction(self) -> None:
        if not self.predict.isChecked():
            return
        self.committed = self.guess.value()
        self.guess.setEnabled(False)
        self.commit_button.setEnabled(False)
        announce(self, _("Prediction locked in: {n} households. Play the incident to its end.").format(
            n=self.committed))
        self._update_reveal()

    def _update_reveal(self) -> None:
        """The outcome shows unless a prediction is asked for and not yet met at the end."""
        if not self.predict.isChecked():
            self.summary.set_revealed(True, None)
            return
        at_end = bool(self.playback.steps) and self.playback.position == len(self.playback.steps) - 1
        if self.committed is None:
            self.summary.set_revealed(False, hint=_("Make your prediction and lock it in, then play the "
                                                    "incident to its end to see who is liable."))
        else:
            self.summary.set_revealed(at_end, self.committed if at_end else None)

    def _reveal(self) -> None:
        self._update_reveal()

    def _village_changed(self, change) -> None:
        """Rebuild the diagram and the offence list only when the grouping changed."""
        if change is not None and not change.structure:
            if change.households:
                self.diagram.update_households(self.document.hierarchy, change.households)
            return  # the session re-simulates if the outcome can differ
        self.diagram.set_hierarchy(self.document.hierarchy)
        self.session.simulate()  # the result is cached in the document: this only redraws

    def _result(self, result) -> None:
        if self.predict.isChecked():  # a new incident is a new question
            self.committed = None
            self.guess.setEnabled(True)
            self.commit_button.setEnabled(True)
        self.diagram.open_path(self.session.incident.offender if result is not None else None)
        self.playback.load(result.trace.steps if result is not None else [])
        self._update_reveal()

    # -- replay --------------------------------------------------------------------------
    def _forward(self) -> None:
        self.playback.pause()
        self.playback.step_forward()

    def _playing_changed(self, playing: bool) -> None:
        self.play_button.setText(_("❚❚ Pause") if playing else _("▶ Play"))
        self.play_button.setAccessibleName(_("Pause (Space)") if playing else _("Play (Space)"))
        self.play_button.setToolTip(self.play_button.accessibleName())
        if playing:
            self.diagram.following = True

    def _scrubbed(self, value: int) -> None:
        if value != self.playback.position:
            self.playback.go_to(value)

    def _offender(self) -> int | None:
        steps = self.playback.steps
        first = next((s for s in steps if s.kind == "offend"), None)
        return first.actor if first is not None and isinstance(first.actor, int) else None

    def _show_position(self, position: int) -> None:
        steps = self.playback.steps
        self.position.setText(_("Step {n} of {total}").format(n=position + 1, total=len(steps)))
        self.timeline.setAccessibleDescription(self.position.text())  # the slider says the step, not -1
        self.timeline.blockSignals(True)
        self.timeline.setRange(-1, max(-1, len(steps) - 1))
        self.timeline.setValue(position)
        self.timeline.blockSignals(False)
        roles, arrows = roles_until(steps, position)
        current = set()
        if 0 <= position < len(steps):
            step = steps[position]
            current = {a for a in (step.actor, step.target) if isinstance(a, int)}
            text = step.said()
            if not step.documented:
                text += "  ◇ " + _("illustrative")
        else:
            text = (_("Press Play (Space) or step forward (Right) to watch the incident unfold.")
                    if steps else _("Nothing to play: choose an offender in the village."))
        self.diagram.set_marks(roles, arrows, current)
        self._move_camera(position)
        self.back_button.setEnabled(position >= 0)
        self.forward_button.setEnabled(position < len(steps) - 1)
        self.narration.setText(text)
        self._log_until(position)
        if 0 <= position < len(steps):
            announce(self.narration, text)
        self._update_reveal()

    def _move_camera(self, position: int) -> None:
        steps = self.playback.steps
        if not (0 <= position < len(steps)):
            offender = self._offender()
            if offender is None:
                self.diagram.fit()
            else:  # before the first step: where it will happen, in its larger unit
                self.diagram.focus([offender], level=1)
            return
        step = steps[position]
        if self.diagram.following or not self.playback.playing:
            self.diagram.focus(step_actors(step, self._offender()))
        duration = int(self.playback.interval * 0.75) if self.playback.playing else MANUAL_STEP_MS
        self.diagram.play_step(step.kind, step.actor, step.target, duration)

    def _log_until(self, position: int) -> None:
        """The log holds every step shown so far, newest last and current."""
        steps = self.playback.steps
        wanted = max(0, position + 1)
        while self.log.count() > wanted:
            self.log.takeItem(self.log.count() - 1)
        for index in range(self.log.count(), wanted):
            self.log.addItem(_("{n}. {text}").format(n=index + 1, text=steps[index].said()))
        if wanted:
            self.log.setCurrentRow(wanted - 1)
            self.log.scrollToBottom()

    def log_lines(self) -> list[str]:
        return [self.log.item(i).text() for i in range(self.log.count())]
