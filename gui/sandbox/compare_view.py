"""CompareView: the sandbox's village and incident under two to four regimes, side by side.

Compare is a view of the app's sandbox document: the same households (edits included),
the same incident and the same illustrative parameters the teacher set. Its own choice —
which regimes stand side by side — is kept in the app state, so it survives a visit to
another page. Each pick rebuilds the panes once, and each regime's grouping is computed
once per village (cached) however often the panes are redrawn.

The panes play in lockstep: one transport and one timeline put every pane at the same step
(a pane whose incident is shorter stays at its end), each pane's camera zoomed to its
offender's unit and following its own report up its own chain, its narration line under it.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSlider, QTableView,
                               QVBoxLayout, QWidget)

from ermu.models.hierarchy import group
from ermu.models.incident_setup import fit_incident, resolve_parameters
from ermu.models.messages import ErmuError
from ermu.models.presets import DEFAULT_COMPARE, MAX_COMPARE
from ermu.models.propagation import Parameters, compare, simulate
from ermu.models.regimes import REGIMES

from ermu.models.i18n import _

from ..announce import announce
from ..face import Face
from ..widgets.hierarchy_diagram import HierarchyDiagram
from ..widgets.marks import Legend, roles_until
from ..widgets.regime_combo import RegimeCombo
from .compare_table import ComparisonTableModel
from .incident_bar import IncidentBar
from .playback import Playback, play_key
from .player_view import MANUAL_STEP_MS, step_actors

log = logging.getLogger(__name__)
MAX_PANES = MAX_COMPARE
#: Compare draws every household of every pane: beyond this the village is too large.
COMPARE_LIMIT = 20_000



def pane_caption(regime, notes) -> str:
    """A pane's caption: the regime, then why it does not police the offence or what went wrong."""
    title = _("{title} — {name}, {year}{mark}").format(title=_(regime.title), name=regime.name.shown(),
                                                      year=regime.start_year, mark="")
    return "\n".join([title, *(note.render() if hasattr(note, "render") else str(note) for note in notes)])

class CompareView(Face):
    page_id = "compare"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("Compare regimes"))
        self.document = state.sandbox
        self.regime_ids = list(state.compare_regimes)
        self.selected: int | None = None
        self.rebuilds = 0  # how many times the panes were rebuilt (tests, benchmarks)
        self._groupings: dict[str, object] = {}
        self._grouped_state: object = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        title = QLabel(_("Compare — the sandbox's village and incident under several regimes"))
        title.setObjectName("pageSubtitle")
        layout.addWidget(title)
        bar = QGridLayout()
        # one row on the desktop; two rows of two on a kiosk, where 16 pt names need the room
        per_row = 2 if state.kiosk else MAX_PANES
        self.combos = []
        for i in range(MAX_PANES):
            label = QLabel(_("Regime &{n}").format(n=i + 1))
            label.setObjectName("muted")
            combo = RegimeCombo(accessible_name=_("Regime {n}").format(n=i + 1), short=state.kiosk)
            combo.setMinimumContentsLength(14)
            if i >= 2:
                combo.insertItem(0, _("No regime"), None)
            label.setBuddy(combo)
            combo.activated.connect(lambda _row: self._regimes_from_combos())
            row, column = divmod(i, per_row)
            bar.addWidget(label, row, 2 * column)
            bar.addWidget(combo, row, 2 * column + 1)
            bar.setColumnStretch(2 * column + 1, 1)
            self.combos.append(combo)
        layout.addLayout(bar)
        incident_row = QHBoxLayout()
        self.incident_bar = IncidentBar(self.document, offences="all")
        self.incident_bar.offence.setToolTip(_("A regime that does not police this offence says why in the table."))
        incident_row.addWidget(self.incident_bar)
        incident_row.addStretch(1)
        layout.addLayout(incident_row)
        self.notice = QLabel()
        self.notice.setObjectName("muted")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.notice)
        self.playback = Playback(self)
        transport = QHBoxLayout()
        self.restart_button = QPushButton()
        self.restart_button.clicked.connect(self.playback.restart)
        self.play_button = QPushButton()
        self.play_button.setObjectName("primary")
        self.play_button.clicked.connect(self.playback.toggle)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.playback.step_back)
        self.forward_button = QPushButton()
        self.forward_button.clicked.connect(self._forward)
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setRange(-1, -1)
        self.timeline.valueChanged.connect(lambda value: self.playback.go_to(value))
        self.timeline.sliderPressed.connect(self.playback.pause)
        self.position = QLabel()
        for widget in (self.restart_button, self.back_button, self.play_button, self.forward_button):
            transport.addWidget(widget)
        transport.addWidget(self.timeline, 1)
        transport.addWidget(self.position)
        layout.addLayout(transport)
        self.grid = QGridLayout()
        layout.addLayout(self.grid, 3)
        self.panes: list[tuple[QLabel, HierarchyDiagram]] = []
        self.pane_steps: list[list] = []
        self.pane_narrations: list[QLabel] = []
        layout.addWidget(Legend(["offender", "observer", "silent", "reporter", "punished"]))
        self.table_model = ComparisonTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(_("Comparison table"))
        header = self.table.horizontalHeader()  # numbers as wide as their headings, the regime takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setCornerButtonEnabled(False)  # "select all" means nothing here, and it cannot take focus
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(180)
        layout.addWidget(self.table, 1)
        self.document.changed.connect(self._document_changed)
        self.playback.position_changed.connect(self._show_position)
        self.playback.playing_changed.connect(self._playing_changed)
        self._stale = True
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.restart_button.setText(_("↺ Restart"))
        self.restart_button.setAccessibleName(_("Restart every pane"))
        self.back_button.setText(_("◀ Back"))
        self.back_button.setAccessibleName(_("Step back in every pane"))
        self.forward_button.setText(_("Forward ▶"))
        self.forward_button.setAccessibleName(_("Step forward in every pane"))
        self.timeline.setAccessibleName(_("Timeline: the same step in every pane"))
        self._playing_changed(self.playback.playing)
        if not hasattr(self, "pane_parts"):  # while building: the panes come with the first refresh
            return
        for combo in self.combos:
            combo.retranslate()
        self.incident_bar.retranslate()
        self.table_model.retranslate()
        self.notice.setText(self._notice())
        for (caption, diagram), (regime, notes) in zip(self.panes, self.pane_parts):
            caption.setText(pane_caption(regime, notes))
            diagram.retranslate()  # the unit labels again; then the pane's own name over the diagram's
            diagram.setAccessibleName(_("Diagram: {regime}").format(regime=_(regime.title)))
        position = self.playback.position  # what each pane says, said again (not announced)
        self.position.setText(_("Step {n} of {total}").format(n=position + 1, total=len(self.playback.steps)))
        self.timeline.setAccessibleDescription(self.position.text())
        for steps, line in zip(self.pane_steps, self.pane_narrations):
            index = min(position, len(steps) - 1)
            line.setText(steps[index].said() if index >= 0 else _("Press Play to watch every pane at the same step."))

    # -- lockstep playback -----------------------------------------------------------------
    def go_to(self, position: int) -> None:
        """Every pane at the same step (``-1``: before the first)."""
        self.playback.pause()
        self.playback.go_to(position)

    def _forward(self) -> None:
        self.playback.pause()
        self.playback.step_forward()

    def _playing_changed(self, playing: bool) -> None:
        self.play_button.setText(_("❚❚ Pause") if playing else _("▶ Play"))
        self.play_button.setAccessibleName(_("Pause every pane") if playing else _("Play every pane"))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not play_key(event, self.playback, self._forward):
            super().keyPressEvent(event)

    def _show_position(self, position: int) -> None:
        total = len(self.playback.steps)
        self.position.setText(_("Step {n} of {total}").format(n=position + 1, total=total))
        self.timeline.setAccessibleDescription(self.position.text())  # the slider says the step, not -1
        self.timeline.blockSignals(True)
        self.timeline.setRange(-1, max(-1, total - 1))
        self.timeline.setValue(position)
        self.timeline.blockSignals(False)
        said = []
        duration = int(self.playback.interval * 0.75) if self.playback.playing else MANUAL_STEP_MS
        for (caption, diagram), steps, line in zip(self.panes, self.pane_steps, self.pane_narrations):
            index = min(position, len(steps) - 1)
            roles, arrows = roles_until(steps, index)
            offender = next((s.actor for s in steps if s.kind == "offend" and isinstance(s.actor, int)), None)
            if index >= 0:
                step = steps[index]
                diagram.set_marks(roles, arrows, {a for a in (step.actor, step.target) if isinstance(a, int)})
                diagram.focus(step_actors(step, offender))
                if index == position:
                    diagram.play_step(step.kind, step.actor, step.target, duration)
                line.setText(step.said())
                said.append(f"{diagram.accessibleName()}: {step.said()}")
            else:
                diagram.set_marks({}, [])
                if offender is not None:
                    diagram.focus([offender])
                line.setText(_("Press Play to watch every pane at the same step."))
        if said and position >= 0:
            announce(self, " ".join(said))

    # -- choices -------------------------------------------------------------------------
    def open_preset(self, preset) -> None:
        """A preset for Compare: its regimes side by side, its village in the sandbox."""
        sandbox_preset = replace(preset, view="sandbox")
        if self.document.modified:
            self.say(_("Compare shows your own village; the example's regimes are side by side."))
        else:
            self.document.open_preset(sandbox_preset)
            self.document.undo_stack.setClean()
        self.set_regimes(list(preset.compare_regimes()))

    def set_regimes(self, regimes: list[str]) -> None:
        regimes = list(dict.fromkeys(r for r in regimes if r in REGIMES))[:MAX_PANES]
        if len(regimes) < 2:
            regimes = (regimes + [r for r in DEFAULT_COMPARE if r not in regimes])[:2]
        if regimes != self.regime_ids:
            self.regime_ids = regimes
            self.state.compare_regimes = regimes
            self.refresh()

    def _regimes_from_combos(self) -> None:
        self.set_regimes([c.currentData() for c in self.combos if c.currentData()])

    def select(self, household: int) -> None:
        self.selected = household
        for _caption, diagram in self.panes:
            diagram.set_selected(household)
        self.say(_("Household {n} chosen in every pane.").format(n=household))

    def reset(self) -> None:
        self.selected = None
        self.set_regimes(list(DEFAULT_COMPARE))

    def shown(self) -> None:
        if self._stale:
            self.refresh()

    def _document_changed(self, change) -> None:
        if change.outcome:
            self._stale = True
            if self.isVisible():
                self.refresh()

    # -- drawing -------------------------------------------------------------------------
    def _grouping(self, regime_id: str):
        state = self.document.state()
        if state is not self._grouped_state:
            self._groupings, self._grouped_state = {}, state
        if regime_id not in self._groupings:
            self._groupings[regime_id] = group(state.population, REGIMES[regime_id], None)
        return self._groupings[regime_id]

    def refresh(self) -> None:
        self._stale = False
        self.rebuilds += 1
        for i, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.set_regime_id(self.regime_ids[i]) if i < len(self.regime_ids) else combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.playback.pause()
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.panes, self.pane_steps, self.pane_narrations, self.pane_parts = [], [], [], []
        population = self.document.population
        if len(population) > COMPARE_LIMIT:
            self._notice = lambda: _("Compare draws at most {limit} households; the sandbox's village has {n}. "
                                     "Make a smaller village in the sandbox to compare it.").format(
                limit=f"{COMPARE_LIMIT:,}", n=f"{len(population):,}")
            self.notice.setText(self._notice())
            self.table_model.set_rows([])
            self.playback.load([])
            return
        seed = self.document.seed
        self._notice = lambda: _("The sandbox's village: {n} households (seed {seed}). Parameters as set in the "
                                 "sandbox.").format(n=f"{len(population):,}", seed=seed)
        self.notice.setText(self._notice())
        rows = []
        for i, regime_id in enumerate(self.regime_ids):
            regime = REGIMES[regime_id]
            hierarchy = self._grouping(regime_id)
            fitted = fit_incident(regime, self.document.incident, len(population))
            incident = fitted.incident
            parameters = self._parameters_for(regime)
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            notes = [note for note in fitted.notes if note.key == "incident.fit.offence"]
            caption = QLabel(pane_caption(regime, notes))
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setStyleSheet("font-weight: 600;")
            caption.setWordWrap(True)
            diagram = HierarchyDiagram(compact=True)
            diagram.setAccessibleName(_("Diagram: {regime}").format(regime=_(regime.title)))
            diagram.reduced_motion = self._motion_reduced
            diagram.set_hierarchy(hierarchy)
            diagram.open_path(incident.offender)  # a large village: the offender's unit as houses
            steps = []
            try:
                result = simulate(hierarchy, incident, parameters)
                steps = list(result.trace.steps)
            except (ErmuError, ValueError) as exc:
                notes.append(exc)
                caption.setText(pane_caption(regime, notes))
            narration = QLabel()
            narration.setTextFormat(Qt.TextFormat.PlainText)
            narration.setWordWrap(True)
            narration.setStyleSheet("padding: 4px 6px; background: white; border-left: 3px solid #b23a2b;")
            rows.extend(compare(population, [regime_id], incident, parameters,
                                hierarchies={regime_id: hierarchy}))
            diagram.household_clicked.connect(self.select)
            pane_layout.addWidget(caption)
            pane_layout.addWidget(diagram, 1)
            pane_layout.addWidget(narration)
            self.grid.addWidget(pane, i // 2, i % 2)
            self.panes.append((caption, diagram))
            self.pane_parts.append((regime, notes))
            self.pane_steps.append(steps)
            self.pane_narrations.append(narration)
        self.table_model.set_rows(rows)
        longest = max((len(steps) for steps in self.pane_steps), default=0)
        self.playback.load([None] * longest)  # one timeline: as long as the longest incident
        self.playback.go_to(longest - 1)  # at rest Compare shows every outcome
        if self.selected is not None:
            self.select(self.selected)

    def _motion_reduced(self) -> bool:
        return bool(self.state.settings.reduced_motion)

    def _parameters_for(self, regime) -> Parameters:
        """The sandbox teacher's parameters where set; each regime's own defaults elsewhere."""
        return resolve_parameters(regime, self.document.parameters)
