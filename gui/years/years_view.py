"""YearsView: a village over the years, regimes side by side, sweeps with uncertainty bands.

The settings (left) make a models ``Experiment``; a :class:`YearsJob` runs it off the GUI
thread (across processes when a sweep is large) and hands back cells as they arrive, so
the chart and the table fill in while the rest runs; Cancel keeps what arrived. In run
mode a small experiment reruns by itself a moment after a setting changes, so the lines
follow a spin box as it moves. The model card sits beside the table.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QProgressBar,
                               QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from ermu.models.messages import ErmuError
from ermu.models.regimes import REGIMES
from ermu.models.years.experiment import Experiment, Sweep
from ermu.models.years.results import CellResult, ExperimentResult
from ermu.models.years.model import OUTPUT_LABELS, OUTPUTS

from ermu.models.i18n import N_, _, ngettext

from ..charts.data_table import DataTable
from ..announce import SpokenLabel
from ..face import Face
from ..guard import guarded_slots
from .card_panel import ModelCardPanel
from .controls import ControlsPanel
from .job import YearsJob, years_runner
from .plot import YearsPlot
from .table import fill_table

#: Run mode reruns by itself below this many household-years (about a tenth of a second).
AUTO_RUN_WORK = 2_000_000
AUTO_RUN_DELAY_MS = 250
REDRAW_DELAY_MS = 150
#: Below this face width the table and the model card go under the chart.
NARROW = 1100

guarded = guarded_slots(N_("Something went wrong and was written to the log; your settings are kept."),
                        lambda self, text: self.say(_(text)))


class YearsView(Face):
    page_id = "years"

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setAccessibleName(_("A village over the years"))
        self.runner = years_runner(self)
        self.job: YearsJob | None = None
        self.result: ExperimentResult | None = None
        title = QLabel(_("A village over the years"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(_("Offending, reporting, innocents and trust under each regime's rules. "
                            "◇ Every number is illustrative; the model card says where each step comes from."))
        subtitle.setObjectName("muted")
        subtitle.setWordWrap(True)
        self.controls = ControlsPanel()
        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.controls.minimumSizeHint().width() + 24)  # room for the scroll bar
        scroll.setMaximumWidth(self.controls.minimumSizeHint().width() + 80)
        self.output = QComboBox()
        for name in OUTPUTS:
            self.output.addItem(OUTPUT_LABELS[name].render(), name)
        self.output.setCurrentIndex(OUTPUTS.index("innocents_punished"))
        self.output.setAccessibleName(_("What the chart and the table show"))
        self.run_button = QPushButton(_("▶ Run"))
        self.run_button.setObjectName("primary")
        self.run_button.setAccessibleName(_("Run the experiment"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel the run and keep what has arrived"))
        self.cancel_button.setEnabled(False)
        self.export_button = QPushButton(_("CSV…"))
        self.export_button.setToolTip(_("Export the results as CSV"))
        self.export_button.setAccessibleName(_("Export the results as CSV"))
        self.export_button.setEnabled(False)
        self.export_button.setVisible(not state.kiosk)  # no file dialogs where a visitor is
        self.save_button = QPushButton(_("Save…"))
        self.save_button.setToolTip(_("Save these settings to the library as an example"))
        self.save_button.setAccessibleName(_("Save these settings to the library as an example"))
        self.save_button.setVisible(not state.kiosk)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress of the run"))
        self.progress.setFormat(_("%v of %m"))
        self.progress.setMinimumWidth(70)
        self.status = SpokenLabel("")
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription(_("Status of the run"))
        self.output.setMinimumContentsLength(12)
        self.output.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        show = QHBoxLayout()
        show.addWidget(QLabel(_("Show")))
        show.addWidget(self.output, 1)
        show.addWidget(self.export_button)
        show.addWidget(self.save_button)
        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress, 1)
        bar = QVBoxLayout()
        bar.addLayout(show)
        bar.addLayout(actions)
        self.plot = YearsPlot()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(bar)
        centre_layout.addWidget(self.status)
        centre_layout.addWidget(self.plot, 1)
        self.table = DataTable(_("The numbers of the chart"))
        self.card = ModelCardPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, _("Table"))
        self.tabs.addTab(self.card, _("Model card"))
        self.tabs.setMinimumWidth(220)
        split = self.split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(centre)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([700, 280])
        body = QHBoxLayout()
        body.addWidget(scroll)
        body.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(body, 1)
        self.auto_timer = QTimer(self, singleShot=True, interval=AUTO_RUN_DELAY_MS)
        self.auto_timer.timeout.connect(self.run)
        self.redraw_timer = QTimer(self, singleShot=True, interval=REDRAW_DELAY_MS)
        self.redraw_timer.timeout.connect(self.redraw)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.save_button.clicked.connect(lambda: self.save_to_library())
        self.output.currentIndexChanged.connect(lambda _i: self.redraw())
        self.controls.changed.connect(self._settings_changed)
        app = QCoreApplication.instance()
        if app is not None:  # closing the app cancels a long sweep instead of waiting for it
            app.aboutToQuit.connect(self._stop_job)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Narrow windows put the table and the card under the chart, wide ones beside it."""
        super().resizeEvent(event)
        vertical = event.size().width() < NARROW
        wanted = Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
        if self.split.orientation() != wanted:
            self.split.setOrientation(wanted)
            self.split.setSizes([600, 260] if vertical else [700, 300])

    # -- running ---------------------------------------------------------------------------
    def _settings_changed(self) -> None:
        if self.controls.sweeping:
            self.status.setText(_("Settings changed: press Run to sweep."))
            return
        try:
            small = self.controls.experiment().work <= AUTO_RUN_WORK
        except ErmuError as exc:
            self.status.setText(str(exc))
            return
        if small:
            self.auto_timer.start()
        else:
            self.status.setText(_("Settings changed: press Run (a large village takes a few seconds)."))

    @guarded
    def run(self) -> YearsJob | None:
        try:
            experiment = self.controls.experiment()
        except ErmuError as exc:
            self.status.setText(str(exc))
            self.say(exc)
            return None
        self._stop_job()
        self.auto_timer.stop()
        self.result = ExperimentResult(experiment)
        job = YearsJob(experiment, self.runner, parent=self)
        job.progressed.connect(lambda done, total, cell, j=job: self._arrived(j, done, total, cell))
        job.finished.connect(lambda result, j=job: self._finished(j, result))
        job.failed.connect(lambda text, j=job: self._failed(j, text))
        self.job = job
        total = len(experiment.cells())
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.status.setText(ngettext("Running {runs} run of {years} years…", "Running {runs} runs of {years} years…",
                                     total * experiment.repetitions).format(runs=total * experiment.repetitions,
                                                                             years=experiment.years))
        return job.start()

    def _stop_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _arrived(self, job: YearsJob, done: int, total: int, cell: CellResult) -> None:
        if job is not self.job or self.result is None:
            return  # a replaced or cancelled job
        self.result.cells.append(cell)
        self.progress.setValue(done)
        if not self.redraw_timer.isActive():
            self.redraw_timer.start()

    def _finished(self, job: YearsJob, result: ExperimentResult) -> None:
        if job is not self.job:
            return
        self.job = None
        self.result = result
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(bool(result.cells))
        done = len(result.cells)
        self.announce_result()
        total = len(result.experiment.cells())
        self.progress.setValue(done)
        self.status.setText(_("Done: the same village and the same draws under every regime and at every point.")
                            if result.complete else _("Cancelled: showing the {done} of {total} results that "
                                                      "arrived.").format(done=done, total=total))
        self.redraw()

    def _failed(self, job: YearsJob, text: str) -> None:
        if job is not self.job:
            return
        self.job = None
        self.cancel_button.setEnabled(False)
        self.status.setText(text)
        self.say(text)

    def cancel(self) -> None:
        if self.job is not None:
            job, self.job = self.job, None
            job.cancel()
            result = self.result
            if result is not None:
                result.complete = False
            self._finished_cancelled()

    def _finished_cancelled(self) -> None:
        self.cancel_button.setEnabled(False)
        done = len(self.result.cells) if self.result else 0
        total = len(self.result.experiment.cells()) if self.result else 0
        self.export_button.setEnabled(done > 0)
        self.status.setText(_("Cancelled: showing the {done} of {total} results that arrived.").format(
            done=done, total=total))
        self.redraw()

    def run_now(self) -> ExperimentResult | None:
        """Run in this thread and draw (screenshots, presets that must show at once)."""
        from ermu.models.years.runner import run_experiment

        try:
            experiment = self.controls.experiment()
        except ErmuError as exc:
            self.status.setText(str(exc))
            return None
        self._stop_job()
        self.auto_timer.stop()
        self.result = run_experiment(experiment, workers=1)
        self._finished_sync()
        return self.result

    def _finished_sync(self) -> None:
        self.announce_result()
        self.progress.setRange(0, len(self.result.experiment.cells()))
        self.progress.setValue(len(self.result.cells))
        self.export_button.setEnabled(True)
        self.status.setText(_("Done: the same village and the same draws under every regime and at every point."))
        self.redraw()

    # -- showing ----------------------------------------------------------------------------
    @property
    def current_output(self) -> str:
        return self.output.currentData()

    @guarded
    def redraw(self) -> None:
        result = self.result
        if result is None or not result.cells:
            return
        output = self.current_output
        if result.experiment.sweeps:
            self.plot.draw_sweep(result, output)
        else:
            self.plot.draw_years(result, output)
        fill_table(self.table, result, output)

    # -- export, presets, reset --------------------------------------------------------------
    @guarded
    def export_csv(self, path: str | None = None) -> bool:
        if self.result is None or not self.result.cells:
            return False
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Export the results as CSV"), "years.csv", "CSV (*.csv)")
            if not path:
                return False
        kind = "sweep" if self.result.experiment.sweeps else "years"
        try:
            Path(path).write_text(self.result.to_csv(kind), encoding="utf-8")
        except OSError as exc:
            self.status.setText(_("Could not write {path}: {reason}. The results are kept.").format(
                path=path, reason=exc.strerror or exc))
            return False
        self.status.setText(_("Saved {name}.").format(name=Path(path).name))
        return True

    def open_preset(self, preset) -> None:
        """A lesson's *Try it*, a library example or ``ermu --view years``: set up and run it."""
        try:
            experiment = Experiment.from_preset(preset)
        except ErmuError as exc:
            self.status.setText(str(exc))
            self.say(exc)
            return
        self.controls.set_experiment(experiment)
        output = preset.options.get("output")
        if output in OUTPUTS:
            self.output.setCurrentIndex(OUTPUTS.index(output))
        self.run()

    def save_to_library(self, title: str | None = None) -> bool:
        """Ask the shell to save these settings as a library example (the numbers rerun the same)."""
        try:
            experiment = self.controls.experiment()
        except ErmuError as exc:
            self.status.setText(str(exc))
            return False
        if title is None:
            default = _("Over the years: {regimes}").format(regimes=", ".join(_(REGIMES[r].title)
                                                                               for r in experiment.regimes))
            title, ok = QInputDialog.getText(self, _("Save to the library"), _("Title of the example:"), text=default)
            if not ok:
                return False
        title = title.strip()
        if not title:
            self.status.setText(_("Give the example a title, then save it."))
            return False
        from ermu.models.storage.scenario import Scenario

        scenario = Scenario(title[:200], kind="years", seed=experiment.seed,
                            parameters={"experiment": experiment.to_json(), "output": self.current_output})
        self.request("save_scenario", scenario)
        return True

    def apply(self, options: dict) -> None:
        """Settings from plain data, e.g. {"regimes": [...], "sweep": "reward=0:1:5", "repetitions": 10}."""
        regimes = options.get("regimes") or ([options["regime"]] if options.get("regime") else None)
        self.controls.blockSignals(True)
        try:
            if regimes:
                self.controls.set_regimes([r for r in regimes if r in REGIMES])
            for key, box in (("households", self.controls.households), ("years", self.controls.years),
                             ("seed", self.controls.seed), ("repetitions", self.controls.repetitions)):
                if key in options:
                    box.setValue(int(options[key]))
            if options.get("sweep"):
                try:
                    sweep = Sweep.parse(str(options["sweep"]))
                except ErmuError as exc:
                    self.status.setText(str(exc))
                    return
                self.controls.sweep_mode.setChecked(True)
                self.controls.first.set_parameter(sweep.name)
                self.controls.first.low.setValue(sweep.values[0])
                self.controls.first.high.setValue(sweep.values[-1])
                self.controls.first.steps.setValue(len(sweep.values))
            else:
                self.controls.run_mode.setChecked(True)
        finally:
            self.controls.blockSignals(False)
        self.controls.sweep_box.setVisible(self.controls.sweeping)
        if options.get("output") in OUTPUTS:
            self.output.setCurrentIndex(OUTPUTS.index(options["output"]))

    def announce_result(self) -> None:
        """One sentence for the status line and screen readers: the chosen output per regime."""
        result = self.result
        if result is None or not result.cells:
            return
        i = OUTPUTS.index(self.current_output)
        first = result.experiment.points()[0]
        parts = []
        for regime in result.experiment.regimes:
            try:
                value = float(result.cell(regime, first).per_run.mean[i])
            except KeyError:
                continue
            parts.append(f"{_(REGIMES[regime].title)} {value:.2f}")
        label = OUTPUT_LABELS[self.current_output].render().lower()
        text = (_("Years run finished: {output} per year at the first sweep value, illustrative: {values}.")
                if result.experiment.sweeps else
                _("Years run finished: {output} per year, illustrative: {values}."))
        self.say(text.format(output=label, values="; ".join(parts)))

    def retranslate(self) -> None:
        """Fixed texts follow by themselves (the shell); here the outputs, the chart and the card."""
        for index, name in enumerate(OUTPUTS):
            self.output.setItemText(index, OUTPUT_LABELS[name].render())
        if hasattr(self.card, "retranslate"):
            self.card.retranslate()
        if hasattr(self.controls, "retranslate"):
            self.controls.retranslate()
        if self.result is not None:
            self.redraw()

    def shown(self) -> None:
        if self.result is None and self.job is None:
            self.run()  # a first picture: the default village under two regimes

    def reset(self) -> None:
        """The first state: default regimes and village, nothing run yet."""
        self._stop_job()
        self.auto_timer.stop()
        self.controls.blockSignals(True)
        self.controls.reset()
        self.controls.blockSignals(False)
        self.output.setCurrentIndex(OUTPUTS.index("innocents_punished"))
        self.result = None
        self.table.fill([], [])
        self.progress.setValue(0)
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.status.setText("")

    def shutdown(self) -> None:
        """Stop a running job and wait for its thread (the window is closing, or a test ends)."""
        self._stop_job()
        self.runner.wait(10_000)


__all__ = ["YearsView"]
