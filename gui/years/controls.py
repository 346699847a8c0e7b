"""The Years face's settings: regimes, the village, illustrative parameters and the sweep.

Every control has an accessible name; every parameter is marked illustrative and starts
at its default (the regime's own where the regime states one). ``experiment()`` turns
the settings into a models :class:`Experiment` or raises the models' one-sentence error.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QRadioButton, QSpinBox,
                               QVBoxLayout, QWidget)

from ermu.models.regimes import REGIMES
from ermu.models.years.experiment import MAX_REGIMES, Experiment, Sweep
from ermu.models.years.parameters import FROM_REGIME, SPECS, SWEEPABLE, YearParameters, YearsError, regime_default
from ermu.models.i18n import N_, _

from ..style import ILLUSTRATIVE_MARK

#: The parameters the face shows (the rest keep their defaults; the CLI sets any of them).
SHOWN = ("observation_probability", "register_error_rate", "collective_severity", "reward", "unit_size",
         "offence_rate", "false_report_rate", "kin_silence", "outside_detection", "head_pass")
DEFAULT_REGIMES = ("qing-baojia", "wang-shouren")


def _label(name: str) -> str:
    """A parameter's short name: its code name in English, its label from the catalog in Chinese."""
    from ermu.models.language import is_chinese

    if is_chinese():
        return SPECS[name].label.render()
    return name.replace("_", " ").capitalize()


class ParameterRow(QWidget):
    """'Set' + a spin box: unticked, the parameter keeps its default (shown, greyed)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = SPECS[name]
        self.use = QCheckBox()
        self.name_ = name
        self.use.setAccessibleName(_("Set the {parameter} yourself").format(parameter=_label(name).lower()))
        self.use.setToolTip(_("Unticked: the default (the regime's own where it states one)"))
        if self.spec.integer:
            self.box = QSpinBox()
            self.box.setRange(int(self.spec.low), int(self.spec.high))
        else:
            self.box = QDoubleSpinBox()
            self.box.setDecimals(3)
            self.box.setSingleStep(0.01 if self.spec.high <= 1 else 0.1)
            self.box.setRange(self.spec.low, self.spec.high)
        self.retranslate()
        # connected once here, not in retranslate(): each language switch added another connection
        self.box.valueChanged.connect(lambda _v: self.changed.emit() if self.use.isChecked() else None)
        self.box.setEnabled(False)
        self.box.setMinimumWidth(76)  # the value stays readable beside a long (Chinese) label
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.use)
        row.addWidget(self.box, 1)
        self.use.toggled.connect(self._toggled)

    def retranslate(self) -> None:
        mark = _(ILLUSTRATIVE_MARK)
        self.use.setAccessibleName(_("Set the {parameter} yourself").format(parameter=_label(self.name_).lower()))
        self.box.setAccessibleName(f"{_label(self.name_)} ({mark})")
        self.box.setToolTip(self.spec.label.render() + f" — {mark}")

    def _toggled(self, on: bool) -> None:
        self.box.setEnabled(on)
        self.changed.emit()

    def show_default(self, regime_id: str) -> None:
        if not self.use.isChecked():
            default = self.spec.default
            value = regime_default(self.spec.name, REGIMES[regime_id]) if default == FROM_REGIME else default
            self.box.blockSignals(True)
            self.box.setValue(int(value) if self.spec.integer else float(value))
            self.box.blockSignals(False)

    def value(self) -> float | None:
        return float(self.box.value()) if self.use.isChecked() else None


class SweepRow(QWidget):
    changed = Signal()

    def __init__(self, title: str, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = QCheckBox(_(title))
        self.name = QComboBox()
        for name in SWEEPABLE:  # the parameter's label is shown; its id is the item's data
            self.name.addItem(SPECS[name].label.render(), name)
        self.name.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.name.setMinimumContentsLength(12)
        self.set_parameter(default)
        self.title = title
        self.low, self.high = QDoubleSpinBox(), QDoubleSpinBox()
        for box in (self.low, self.high):
            box.setDecimals(3)
            box.setRange(0, 50)
        self.steps = QSpinBox()
        self.steps.setRange(2, 21)
        self.steps.setValue(5)
        self.retranslate()
        grid = QFormLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addRow(self.on)
        grid.addRow(_("Parameter"), self.name)
        span = QHBoxLayout()
        span.addWidget(self.low)
        span.addWidget(QLabel(_("to")))
        span.addWidget(self.high)
        grid.addRow(_("From"), span)
        grid.addRow(_("Steps"), self.steps)
        self.name.currentIndexChanged.connect(lambda *_: self._range(self.parameter()))
        self.name.currentIndexChanged.connect(lambda *_: self.name.setToolTip(self.name.currentText()))
        self._range(default)
        for signal in (self.on.toggled, self.name.currentIndexChanged, self.low.valueChanged,
                       self.high.valueChanged, self.steps.valueChanged):
            signal.connect(lambda *_: self.changed.emit())

    def _range(self, name: str) -> None:
        spec = SPECS[name]
        for box in (self.low, self.high):
            box.setRange(spec.low, spec.high)
        self.low.setValue(spec.low if spec.name != "unit_size" else 4)
        self.high.setValue(min(spec.high, {"unit_size": 20, "register_error_rate": 0.3}.get(name, spec.high)))

    def parameter(self) -> str:
        """The id of the parameter chosen (the combo shows its label)."""
        return self.name.currentData() or SWEEPABLE[0]

    def set_parameter(self, name: str) -> None:
        index = self.name.findData(name)
        if index >= 0:
            self.name.setCurrentIndex(index)

    def retranslate(self) -> None:
        for index in range(self.name.count()):
            self.name.setItemText(index, SPECS[self.name.itemData(index)].label.render())
            self.name.setItemData(index, SPECS[self.name.itemData(index)].label.render(),
                                  Qt.ItemDataRole.ToolTipRole)
        self.name.setToolTip(self.name.currentText())  # a long label is cut in the box: the whole of it here
        title = _(self.title)
        self.name.setAccessibleName(_("{title}: parameter").format(title=title))
        self.low.setAccessibleName(_("{title}: from").format(title=title))
        self.high.setAccessibleName(_("{title}: to").format(title=title))
        self.steps.setAccessibleName(_("{title}: steps").format(title=title))

    def sweep(self) -> Sweep | None:
        if not self.on.isChecked():
            return None
        return Sweep.parse(f"{self.parameter()}={self.low.value()}:{self.high.value()}:{self.steps.value()}")


class ControlsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Settings of the years experiment"))
        self.hidden: dict[str, float] = {}  # values of a reopened experiment the face has no control for
        self.run_mode = QRadioButton(_("Run over the years"))
        self.sweep_mode = QRadioButton(_("Sweep a parameter"))
        self.run_mode.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.run_mode)
        modes.addButton(self.sweep_mode)
        self.regimes = QListWidget()
        for regime in REGIMES.values():
            item = QListWidgetItem(_(regime.title))
            item.setData(Qt.ItemDataRole.UserRole, regime.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if regime.id in DEFAULT_REGIMES else Qt.CheckState.Unchecked)
            self.regimes.addItem(item)
        self.regimes.setMinimumHeight(170)
        self.regimes.setMaximumHeight(200)
        self.households, self.years, self.seed, self.repetitions = QSpinBox(), QSpinBox(), QSpinBox(), QSpinBox()
        for box, low, high, value, name in ((self.households, 10, 20_000, 200, _("Households in the village")),
                                            (self.years, 1, 200, 50, _("Years to run")),
                                            (self.seed, 0, 99_999, 1, _("Seed of the village and the draws")),
                                            (self.repetitions, 1, 200, 5, _("Repetitions per regime and point"))):
            box.setRange(low, high)
            box.setValue(value)
            box.setAccessibleName(name)
            box.setAccelerated(True)
        village = QFormLayout()
        village.addRow(_("Households"), self.households)
        village.addRow(_("Years"), self.years)
        village.addRow(_("Seed"), self.seed)
        village.addRow(_("Repetitions"), self.repetitions)
        self.rows = {name: ParameterRow(name) for name in SHOWN}
        # a grid, not a form: a form keeps a wrapped label at its own preferred width even when
        # it sits above its box, so a long Chinese label ran past the panel's edge
        params = self.params_layout = QGridLayout()
        params.setColumnStretch(1, 1)
        self.row_labels: dict[str, QLabel] = {}
        for name in self.rows:
            label = self.row_labels[name] = QLabel(_label(name))
            label.setWordWrap(True)
        params_box = self.params_box = QGroupBox()
        params_box.setLayout(params)
        self.first = SweepRow(N_("Sweep"), "register_error_rate")
        self.first.on.setChecked(True)
        self.first.on.setEnabled(False)  # the first sweep is what sweep mode means
        self.second = SweepRow(N_("And a second parameter"), "observation_probability")
        self.second.steps.setValue(2)
        sweep_box = QGroupBox(_("Sweep"))
        sweep_layout = QVBoxLayout(sweep_box)
        sweep_layout.addWidget(self.first)
        sweep_layout.addWidget(self.second)
        self.sweep_box = sweep_box
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_mode)
        layout.addWidget(self.sweep_mode)
        layout.addWidget(QLabel(_("Regimes")))
        layout.addWidget(self.regimes)
        layout.addLayout(village)
        layout.addWidget(params_box)
        layout.addWidget(sweep_box)
        layout.addStretch(1)
        self._mode(False)
        self.sweep_mode.toggled.connect(self._mode)
        self.regimes.itemChanged.connect(lambda _i: self._defaults())
        for box in (self.households, self.years, self.seed, self.repetitions):
            box.valueChanged.connect(lambda _v: self.changed.emit())
        for row in (*self.rows.values(), self.first, self.second):
            row.changed.connect(self.changed)
        self._defaults()
        self.retranslate()

    def retranslate(self) -> None:
        """What the shell's walk cannot know: names with parameters, regimes, parameter names."""
        self.regimes.setAccessibleName(_("Regimes to run side by side (one to {most})").format(most=MAX_REGIMES))
        self.regimes.blockSignals(True)  # renaming an item is no change of the experiment: nothing reruns
        for i in range(self.regimes.count()):
            item = self.regimes.item(i)
            item.setText(_(REGIMES[item.data(Qt.ItemDataRole.UserRole)].title))
        self.regimes.blockSignals(False)
        self.params_box.setTitle(_("Parameters ({mark})").format(mark=_(ILLUSTRATIVE_MARK)))
        for name, label in self.row_labels.items():
            label.setText(_label(name))
        self._place_rows()
        for row in (*self.rows.values(), self.first, self.second):
            row.retranslate()

    def _place_rows(self) -> None:
        """Chinese labels are whole phrases: each above its box, wrapped across the panel, never
        squeezed beside it; English names sit beside their box."""
        from ermu.models.language import is_chinese

        grid, above = self.params_layout, is_chinese()
        for index, (name, row) in enumerate(self.rows.items()):
            label = self.row_labels[name]
            grid.removeWidget(label)
            grid.removeWidget(row)
            if above:
                grid.addWidget(label, 2 * index, 0, 1, 2)
                grid.addWidget(row, 2 * index + 1, 0, 1, 2)
            else:
                grid.addWidget(label, index, 0)
                grid.addWidget(row, index, 1)

    def _mode(self, sweep: bool) -> None:
        self.sweep_box.setVisible(sweep)
        self.changed.emit()

    def _defaults(self) -> None:
        chosen = self.chosen_regimes()
        for row in self.rows.values():
            row.show_default(chosen[0] if chosen else DEFAULT_REGIMES[0])
        self.changed.emit()

    def chosen_regimes(self) -> list[str]:
        return [self.regimes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.regimes.count())
                if self.regimes.item(i).checkState() == Qt.CheckState.Checked]

    def set_regimes(self, ids: list[str]) -> None:
        self.regimes.blockSignals(True)
        for i in range(self.regimes.count()):
            item = self.regimes.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                               else Qt.CheckState.Unchecked)
        self.regimes.blockSignals(False)
        self._defaults()

    @property
    def sweeping(self) -> bool:
        return self.sweep_mode.isChecked()

    def experiment(self) -> Experiment:
        """The settings as an experiment; YearsError (one sentence) when they do not fit."""
        values = dict(self.hidden)
        values.update({name: v for name, row in self.rows.items() if (v := row.value()) is not None})
        sweeps = tuple(s for s in (self.first.sweep(), self.second.sweep()) if s) if self.sweeping else ()
        for sweep in sweeps:
            values.pop(sweep.name, None)
        if not self.chosen_regimes():
            raise YearsError(_("Tick at least one regime to run."))
        return Experiment(tuple(self.chosen_regimes()), households=self.households.value(),
                          years=self.years.value(), seed=self.seed.value(), repetitions=self.repetitions.value(),
                          parameters=YearParameters(values), sweeps=sweeps)

    def set_experiment(self, experiment: Experiment) -> None:
        """Show a saved experiment's settings (values without a control are kept aside)."""
        self.blockSignals(True)
        try:
            self.set_regimes(list(experiment.regimes))
            for box, value in ((self.households, experiment.households), (self.years, experiment.years),
                               (self.seed, experiment.seed), (self.repetitions, experiment.repetitions)):
                box.setValue(value)
            values = dict(experiment.parameters.values)
            for name, row in self.rows.items():
                row.use.setChecked(name in values)
                if name in values:
                    row.box.setValue(int(values[name]) if row.spec.integer else values[name])
            self.hidden = {k: v for k, v in values.items() if k not in self.rows}
            (self.sweep_mode if experiment.sweeps else self.run_mode).setChecked(True)
            for row, sweep in zip((self.first, self.second), (*experiment.sweeps, None, None)):
                if row is self.second:
                    row.on.setChecked(sweep is not None)
                if sweep is not None:
                    row.set_parameter(sweep.name)
                    row.low.setValue(sweep.values[0])
                    row.high.setValue(sweep.values[-1])
                    row.steps.setValue(len(sweep.values))
        finally:
            self.blockSignals(False)
        self.sweep_box.setVisible(self.sweeping)

    def reset(self) -> None:
        self.hidden = {}
        self.run_mode.setChecked(True)
        self.set_regimes(list(DEFAULT_REGIMES))
        for box, value in ((self.households, 200), (self.years, 50), (self.seed, 1), (self.repetitions, 5)):
            box.setValue(value)
        for row in self.rows.values():
            row.use.setChecked(False)
        self.second.on.setChecked(False)
        self._defaults()


__all__ = ["ControlsPanel", "SHOWN"]
