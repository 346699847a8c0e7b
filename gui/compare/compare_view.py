"""CompareView: one village and one incident under two to four regimes, side by side.

Each pane is a small diagram of the village under one regime with the incident's final
marks; the table below gives the engine's numbers. Choosing a household in any pane
chooses it in all of them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSpinBox, QTableView, QVBoxLayout, QWidget)

from ermu.models.hierarchy import group
from ermu.models.offences import OFFENCES
from ermu.models.population import Population, PopulationError, check_count
from ermu.models.propagation import Incident, Parameters, compare, simulate
from ermu.models.regimes import REGIMES

from ..player.session import RESPONSES
from ..widgets.hierarchy_diagram import HierarchyDiagram
from ..widgets.marks import Legend, roles_until
from ..widgets.regime_combo import RegimeCombo
from .table_model import ComparisonTableModel

log = logging.getLogger(__name__)
DEFAULT_REGIMES = ["qing-baojia", "sui"]
MAX_PANES = 4
COMPARE_LIMIT = 20_000


class CompareView(QWidget):
    status_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Compare regimes")
        self.population = Population.generate(200, 7)
        self.seed = 7
        self.incident = Incident(57, "theft", "concealed")
        self.regime_ids = list(DEFAULT_REGIMES)
        self.selected: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        title = QLabel("Compare — the same village and the same incident under several regimes")
        title.setObjectName("pageSubtitle")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.combos = [RegimeCombo(accessible_name=f"Regime {i + 1}") for i in range(MAX_PANES)]
        for i, combo in enumerate(self.combos):
            combo.setMinimumContentsLength(14)
            if i >= 2:
                combo.insertItem(0, "(none)", None)
            combo.regime_chosen.connect(lambda _id: self._regimes_from_combos())
            combo.activated.connect(lambda _row: self._regimes_from_combos())
            bar.addWidget(combo)
        layout.addLayout(bar)
        incident_bar = QHBoxLayout()
        self.offender = QSpinBox()
        self.offender.setAccessibleName("Offending household")
        self.response = QComboBox()
        self.response.setAccessibleName("Response")
        for value, label in RESPONSES:
            self.response.addItem(label, value)
        self.offence = QComboBox()
        self.offence.setAccessibleName("Offence")
        for offence in OFFENCES.values():
            self.offence.addItem(offence.label, offence.id)
        self.run = QPushButton("Compare")
        self.run.setObjectName("primary")
        self.run.setAccessibleName("Compare the regimes")
        for text, widget in (("Offender", self.offender), ("Offence", self.offence), ("Response", self.response)):
            label = QLabel(f"&{text}")
            label.setBuddy(widget)
            label.setObjectName("muted")
            incident_bar.addWidget(label)
            incident_bar.addWidget(widget)
        self.offence.setToolTip("A regime that does not police this offence says why in the table.")
        incident_bar.addWidget(self.run)
        incident_bar.addStretch(1)
        layout.addLayout(incident_bar)
        self.grid = QGridLayout()
        layout.addLayout(self.grid, 3)
        self.panes: list[tuple[QLabel, HierarchyDiagram]] = []
        layout.addWidget(Legend(["offender", "observer", "silent", "reporter", "punished"]))
        self.table_model = ComparisonTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("Comparison table")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(180)
        layout.addWidget(self.table, 1)
        self.run.clicked.connect(self._incident_from_controls)
        self.refresh()

    # -- choices -------------------------------------------------------------------------
    def open_preset(self, options: dict) -> None:
        """Open regimes side by side; ``population`` (the sandbox's own village) wins over households/seed."""
        if isinstance(options.get("population"), Population) and len(options["population"]):
            if len(options["population"]) > COMPARE_LIMIT:
                self.status_changed.emit(f"Compare takes at most {COMPARE_LIMIT:,} households; "
                                         "this village is too large to show side by side.")
                return
            self.population, self.seed = options["population"], options.get("seed", self.seed)
            options = {k: v for k, v in options.items() if k not in ("population", "households", "seed")}
        try:
            n = check_count(options.get("households", len(self.population)), limit=COMPARE_LIMIT)
            seed = int(options.get("seed", self.seed))
        except (PopulationError, ValueError) as exc:
            self.status_changed.emit(f"{exc}.")
            return
        if (n, seed) != (len(self.population), self.seed):
            self.population, self.seed = Population.generate(n, seed), seed
        regimes = list(options.get("regimes") or ([options["regime"], *DEFAULT_REGIMES] if "regime" in options
                                                  else self.regime_ids))
        regimes = list(dict.fromkeys(r for r in regimes if r in REGIMES))[:MAX_PANES]
        if len(regimes) < 2:
            regimes = (regimes + [r for r in DEFAULT_REGIMES if r not in regimes])[:2]
        self.regime_ids = regimes
        incident = options.get("incident") or {}
        self.incident = Incident(int(incident.get("offender", self.incident.offender)),
                                 incident.get("offence", self.incident.offence),
                                 str(incident.get("response", self.incident.response)), incident.get("scope"))
        self.offence.setCurrentIndex(max(0, self.offence.findData(self.incident.offence)))
        self.refresh()

    def _regimes_from_combos(self) -> None:
        chosen = [c.currentData() for c in self.combos if c.currentData()]
        self.regime_ids = list(dict.fromkeys(chosen))
        self.refresh()

    def _incident_from_controls(self) -> None:
        self.incident = Incident(self.offender.value(), self.offence.currentData(), self.response.currentData())
        self.refresh()

    def select(self, household: int) -> None:
        self.selected = household
        for _, diagram in self.panes:
            diagram.set_selected(household)
        self.status_changed.emit(f"Household {household} chosen in every pane.")

    # -- drawing -------------------------------------------------------------------------
    def refresh(self) -> None:
        for i, combo in enumerate(self.combos):
            combo.set_regime_id(self.regime_ids[i]) if i < len(self.regime_ids) else combo.setCurrentIndex(0)
        self.offender.setRange(0, len(self.population) - 1)
        self.offender.setValue(self.incident.offender)
        self.response.setCurrentIndex(max(0, self.response.findData(str(self.incident.response))))
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.panes = []
        rows = []
        for i, regime_id in enumerate(self.regime_ids):
            regime = REGIMES[regime_id]
            offence = self.incident.offence if self.incident.offence in regime.offences else regime.offences[0]
            incident = Incident(self.incident.offender, offence, self.incident.response, self.incident.scope)
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(f"<b>{regime.title}</b> — {regime.name.display()}, {regime.start_year}")
            caption.setWordWrap(True)
            diagram = HierarchyDiagram(compact=True)
            diagram.setAccessibleName(f"Diagram: {regime.title}")
            hierarchy = group(self.population, regime)
            diagram.set_hierarchy(hierarchy)
            try:
                result = simulate(hierarchy, incident, Parameters())
                roles, arrows = roles_until(result.trace.steps, len(result.trace) - 1)
                diagram.set_marks(roles, arrows)
            except ValueError as exc:
                caption.setText(caption.text() + f"<br><span style='color:#52606d'>{exc}</span>")
            rows.extend(compare(self.population, [regime_id], incident, Parameters()))
            diagram.household_clicked.connect(self.select)
            pane_layout.addWidget(caption)
            pane_layout.addWidget(diagram, 1)
            self.grid.addWidget(pane, i // 2, i % 2)
            self.panes.append((caption, diagram))
        self.table_model.set_rows(rows)
        if self.selected is not None:
            self.select(self.selected)
