"""EmpireView: the registered empire of 1461 at full scale, from the whole map to one house.

Choose 887 or 1,159 counties and a regime; the empire is built off the GUI thread with
progress and cancel (``gui.ops.Runner``), then drawn by :class:`EmpireCanvas` with aggregates
far away and houses close up. The numbers panel shows each figure with its mark; one
incident plays in a chosen county, its short chain highlighted on the map while the
rest of the empire stays as context.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEventLoop, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QRadioButton, QSplitter, QVBoxLayout, QWidget)

from ermu.models.empire import COUNTY_CHOICES, Empire
from ermu.models.empire.numbers import offence_for, play_incident
from ermu.models.offences import get_offence

from ..a11y import guard_single_keys
from ..announce import announce
from ..face import Face
from ..guard import guarded_slots
from ..ops import Runner
from .canvas import EmpireCanvas, zoom_name
from .side_panel import Built, SidePanel, legend_text
from ermu.models.i18n import N_, _

log = logging.getLogger(__name__)
REGIMES = (("ming-lijia", N_("Ming lijia 里甲 (1461)")), ("qing-baojia", N_("Qing baojia 保甲")),
           ("sui", N_("Sui groups 保閭族")))
STEP_MS = 900

guarded = guarded_slots(N_("Something went wrong; the empire is kept. Try again."),
                        lambda self, text: self.say(_(text)))


class EmpireView(Face):
    page_id = "empire"
    built = Signal()  # the first picture (or a rebuilt one) is ready

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.empire: Empire | None = None
        self.job = None  # the running build (an ops.Operation)
        self._stage = ""
        self.incident = None
        self._steps: list = []
        self._pending_zoom: str | None = None
        self._chosen_county: int | None = None  # where the incident plays (0-based); None: the middle
        self.runner = Runner(QThreadPool.globalInstance(), self)
        self._compare_rows: list = []

        title = self.title = QLabel()
        title.setObjectName("pageTitle")
        subtitle = self.subtitle = QLabel()
        subtitle.setObjectName("pageSubtitle")
        subtitle.setWordWrap(True)

        self.counties = QButtonGroup(self)
        counties_row = QHBoxLayout()
        counties_label = self.counties_label = QLabel()
        counties_row.addWidget(counties_label)
        for count in COUNTY_CHOICES:
            button = QRadioButton(f"{count:,}")
            button.setMinimumHeight(44)
            self.counties.addButton(button, count)
            counties_row.addWidget(button)
        self.counties.button(COUNTY_CHOICES[0]).setChecked(True)
        self.counties.idClicked.connect(lambda _id: self.rebuild())
        self.regime = QComboBox()
        for regime_id, name in REGIMES:
            self.regime.addItem(_(name), regime_id)
        self.regime.setMinimumHeight(44)
        self.regime.currentIndexChanged.connect(lambda _i: self.rebuild(regroup=True))
        regime_label = self.regime_label = QLabel()
        regime_label.setBuddy(self.regime)
        counties_row.addSpacing(12)
        counties_row.addWidget(regime_label)
        counties_row.addWidget(self.regime)
        counties_row.addStretch(1)

        self.zoom_row = QHBoxLayout()
        self.zoom_buttons: dict[str, QPushButton] = {}
        self.zoom_label = QLabel()
        self.zoom_row.addWidget(self.zoom_label)
        self.zoom_row.addStretch(1)

        self.canvas = EmpireCanvas()
        self.canvas.tap_zooms = state.kiosk
        self.canvas.zoom_changed.connect(self._zoom_changed)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.stage = QLabel()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        busy = QHBoxLayout()
        busy.addWidget(self.stage, 1)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        self.busy = QFrame()
        self.busy.setLayout(busy)

        self.side = SidePanel()
        self.numbers, self.compare, self.county = self.side.numbers, self.side.compare, self.side.county
        self.play_button, self.narration = self.side.play_button, self.side.narration
        self.play_button.clicked.connect(self.play_incident)
        # I plays an incident from anywhere on the face, also while the Incident tab is hidden
        # (a button's own shortcut sleeps while the button is not visible)
        self.play_button.setShortcut(QKeySequence())
        self.incident_key = QShortcut(QKeySequence("I"), self)
        self.incident_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.incident_key.setWhatsThis("Play an incident in the chosen county")
        self.incident_key.activated.connect(self._incident_key)
        scroll = self.side

        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("muted")
        self.legend.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.zoom_row)
        left_layout.addWidget(self.busy)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addWidget(self.legend)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(counties_row)
        layout.addWidget(splitter, 1)
        self.status.setVisible(False)  # the shell's status line shows what the face says
        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._next_step)
        guard_single_keys(self)  # the I key never fires inside the regime or county box
        self._shown_steps: list = []
        self.retranslate()
        self.rebuild()  # off the GUI thread at once: the first picture in about a second

    def retranslate(self) -> None:
        """Every text again in the current language; the map, the incident and the choices stay."""
        self.setAccessibleName(_("The empire in 1461"))
        self.title.setText(_("The empire in 1461"))
        self.subtitle.setText(_("64,854.5 li of 110 households: seven million households, a thousand magistrates"))
        self.counties_label.setText(_("Counties:"))
        for count in COUNTY_CHOICES:
            self.counties.button(count).setAccessibleName(_("{count} counties").format(count=f"{count:,}"))
        self.regime.setAccessibleName(_("Regime"))
        for index, (regime_id, name) in enumerate(REGIMES):
            if index < self.regime.count() and self.regime.itemData(index) == regime_id:
                self.regime.setItemText(index, _(name))
        self.regime_label.setText(_("Regime:"))
        self.zoom_label.setText(_("Zoom:"))
        self.progress.setAccessibleName(_("Building the empire"))
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel building the empire"))
        self.status.setAccessibleDescription(_("Status"))
        self.canvas.setAccessibleName(_("Map of the empire"))
        self.side.retranslate()
        if self.empire is not None:
            self.legend.setText(legend_text(self.empire))
            self._show_compare()
            self._name_zoom_buttons()
        else:
            self.legend.setText(_("Counties: sand = standard, green = abbreviated, lilac = elaborated structure "
                                  "(◇ illustrative); hatched = the half li."))
        if self.busy.isVisible():
            self.stage.setText(_("Building the empire…"))
        self.narration.clear()
        for step in self._shown_steps:
            self.narration.addItem(step.said())

    def _show_compare(self) -> None:
        if self._compare_rows:
            self.compare.setText("\n".join(
                _("{regime}: {heads} heads, {per} per magistrate").format(
                    regime=_(r["title"]), heads=f"{r['heads']:,}", per=f"{r['heads_per_magistrate']:,.0f}")
                for r in self._compare_rows))

    # -- building --------------------------------------------------------------------------
    @property
    def regime_id(self) -> str:
        return self.regime.currentData()

    @guarded
    def rebuild(self, regroup: bool = False) -> None:
        """Build the empire (or regroup the same households) in a worker; the old map stays meanwhile."""
        if self.job is not None:
            self.job.cancel()
        counties, regime = self.counties.checkedId(), self.regime_id
        base = self.empire if regroup and self.empire is not None and self.empire.counties == counties else None
        county = self._chosen_county if self._chosen_county is not None else counties // 2

        def work(progress):  # in the pool's thread: the models only, never a widget
            for fraction, stage, empire in Empire.build_in_stages(counties, regime, base=base):
                if progress.cancelled:
                    return None
                if empire is not None:
                    return Built(empire, county)
                self._stage = stage.render()
                progress.update(int(fraction * 100), 100)
            return None

        self.job = self.runner.run(work, self._finished, self._failed, with_progress=True, label="empire")
        self.job.progressed.connect(self._progress)
        self.progress.setValue(0)
        self.stage.setText(_("Building the empire…"))
        self.busy.setVisible(True)
        self.play_button.setEnabled(False)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self.busy.setVisible(False)
        self.play_button.setEnabled(self.empire is not None)
        if self.empire is not None:  # the choices go back to what the map shows
            self.counties.button(self.empire.counties).setChecked(True)
            self.regime.blockSignals(True)
            self.regime.setCurrentIndex(max(0, self.regime.findData(self.empire.regime.id)))
            self.regime.blockSignals(False)
        self.say(_("Building was cancelled; the map shows the empire as it was.") if self.empire
                 else _("Building was cancelled. Choose a county count to build the empire again."))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / max(1, total)))
        self.stage.setText(self._stage + "…")

    def _failed(self, message: str) -> None:
        self.job = None
        self.busy.setVisible(False)
        self.say(message)

    @guarded
    def _finished(self, built: "Built | None") -> None:
        self.job = None
        if built is None:
            return
        empire = built.empire
        self.empire = empire
        self.busy.setVisible(False)
        self.canvas.set_empire(empire)
        self._zoom_buttons()
        self.county.setRange(1, empire.counties)
        self.county.setValue(built.county + 1)
        self.incident = None
        self.numbers.show_figures(built.figures)
        self._compare_rows = built.compare
        self._show_compare()
        self.play_button.setEnabled(True)
        self.legend.setText(legend_text(empire))
        self.say(_("The empire under the {regime}: {households} households in {counties} counties. "
                   "Scroll to zoom, drag to move.").format(regime=_(empire.regime.title),
                                                            households=f"{empire.household_count:,}",
                                                            counties=f"{empire.counties:,}"))
        if self._pending_zoom:
            zoom, self._pending_zoom = self._pending_zoom, None
            if zoom in self.canvas.zoom_names():
                self.zoom_to(zoom, animate=False)
            else:
                self.say(_("There is no zoom {zoom} under the {regime}: use one of {allowed}.").format(
                    zoom=repr(zoom), regime=_(empire.regime.title), allowed=", ".join(self.canvas.zoom_names())))
        self.built.emit()

    def wait_until_built(self, timeout_ms: int = 20_000) -> bool:
        """Block (processing events) until the current build is done: for screenshots and tests."""
        if self.job is None and self.empire is not None:
            return True
        loop = QEventLoop()
        self.built.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        if self.job is not None or self.empire is None:
            loop.exec()
        self.built.disconnect(loop.quit)
        return self.empire is not None

    # -- zoom ------------------------------------------------------------------------------
    def _zoom_buttons(self) -> None:
        for button in self.zoom_buttons.values():
            self.zoom_row.removeWidget(button)
            button.deleteLater()
        self.zoom_buttons.clear()
        for i, name in enumerate(self.canvas.zoom_names()):
            button = QPushButton()
            button.setCheckable(True)
            button.setMinimumHeight(44)
            button.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            button.clicked.connect(lambda _=False, z=name: self.zoom_to(z))
            self.zoom_row.insertWidget(self.zoom_row.count() - 1, button)
            self.zoom_buttons[name] = button
        self._name_zoom_buttons()
        self._zoom_changed(self.canvas.current_zoom())

    def _name_zoom_buttons(self) -> None:
        for name, button in self.zoom_buttons.items():
            shown = zoom_name(name)
            button.setText(shown[:1].upper() + shown[1:])
            button.setAccessibleName(_("Zoom to the {zoom}").format(zoom=shown))

    def zoom_to(self, zoom: str, animate: bool = True) -> None:
        if self.empire is None:
            return
        county = self.county.value() - 1
        if zoom == "empire":
            self.canvas.show_whole(animate)
        else:
            self.canvas.zoom_to(zoom, household=self.incident.household if self.incident else None,
                                county=county, animate=animate)

    def _zoom_changed(self, zoom: str) -> None:
        for name, button in self.zoom_buttons.items():
            button.setChecked(name == zoom)
        self.say(self.canvas.describe_view())

    # -- the incident ----------------------------------------------------------------------
    @guarded
    def _incident_key(self) -> None:
        if self.play_button.isEnabled():
            self.play_button.click()

    def play_incident(self) -> None:
        if self.empire is None:
            return
        county = self.county.value() - 1
        self._chosen_county = county
        self.incident = play_incident(self.empire, county)
        self.side.setCurrentIndex(1)
        self.canvas.item.focus_county = county
        self.canvas.item.highlight = {self.incident.household: "offend"}
        self.narration.clear()
        self._steps = list(self.incident.result.trace)
        self._shown_steps = []
        self.canvas.zoom_to("county", household=self.incident.household)
        self.timer.start()
        offence = _(get_offence(offence_for(self.empire.regime)).label)
        self.say(_("A {offence} in county {county}: watch the report travel the chain.").format(
            offence=offence, county=county + 1))

    def _next_step(self) -> None:
        if not self._steps:
            self.timer.stop()
            inc = self.incident
            self.say(_("The report took the prescribed chain: {steps} steps from a household to the magistrate, "
                       "the same in every one of the {counties} counties.").format(
                steps=inc.steps_to_magistrate, counties=f"{self.empire.counties:,}"))
            return
        step = self._steps.pop(0)
        if self.narration.count() == 0:
            self.canvas.zoom_to(self.canvas.zoom_names()[2], household=self.incident.household)
        offset = self.incident.offset
        highlight = self.canvas.item.highlight
        for who in (step.actor, step.target):
            if isinstance(who, int) and highlight.get(who + offset) != "offend":
                if step.kind in ("report", "punish") or who + offset not in highlight:
                    highlight[who + offset] = step.kind
        self._shown_steps.append(step)
        self.narration.addItem(step.said())
        self.narration.scrollToBottom()
        self.canvas.viewport().update()
        self.say(step.said())

    def say(self, text: object) -> None:
        self.status.setText(str(text))
        announce(self, str(text))  # spoken without moving the focus
        super().say(text)

    # -- the page contract -------------------------------------------------------------------
    def open_preset(self, preset) -> None:
        """Counties, regime (when the preset names one), the incident's county and a zoom."""
        counties = preset.options.get("counties", COUNTY_CHOICES[0])
        if counties not in COUNTY_CHOICES:
            self.say(_("The empire has 887 or 1,159 counties in Ermu, not {counties}; showing 887.").format(
                counties=counties))
            counties = COUNTY_CHOICES[0]
        regime = preset.options.get("regime", self.regime_id)
        index = self.regime.findData(regime)
        if index < 0:
            self.regime.addItem(regime, regime)
            index = self.regime.count() - 1
        self.counties.button(counties).setChecked(True)
        self.regime.blockSignals(True)
        self.regime.setCurrentIndex(index)
        self.regime.blockSignals(False)
        if "county" in preset.options:
            self.county.setRange(1, counties)
            self.county.setValue(max(1, min(counties, int(preset.options["county"]))))
            self._chosen_county = self.county.value() - 1
        self._pending_zoom = preset.options.get("zoom")
        if self.empire is not None and self.empire.counties == counties and self.empire.regime.id == regime \
                and self.job is None:
            self._finished(Built(self.empire, self.county.value() - 1))
        else:
            self.rebuild()

    def reset(self) -> None:
        """Back to the first state: 887 counties, the Ming lijia, the whole empire in view."""
        self.timer.stop()
        self.narration.clear()
        self._shown_steps = []
        self.incident = None
        self._chosen_county = None
        if self.canvas.item is not None:
            self.canvas.item.highlight = {}
            self.canvas.item.focus_county = None
        changed = self.counties.checkedId() != COUNTY_CHOICES[0] or self.regime.currentIndex() != 0
        self.counties.button(COUNTY_CHOICES[0]).setChecked(True)
        self.regime.blockSignals(True)
        self.regime.setCurrentIndex(0)
        self.regime.blockSignals(False)
        self.side.setCurrentIndex(0)
        if changed or self.empire is None:
            self.rebuild()
        else:
            self.county.setValue(self.empire.counties // 2 + 1)
            self.canvas.show_whole()

