"""Experiments: one village under one to eight regimes, sweeps of one or two parameters.

An :class:`Experiment` is a definition (plain data, JSON both ways, so the library can
store it); :func:`~ermu.models.years.runner.run_experiment` turns it into an
:class:`~ermu.models.years.results.ExperimentResult` cell by cell — a cell is one regime at one sweep point, with
all its repetitions — summarised as a mean and an uncertainty band per year and per run.
Every regime and every sweep point sees the same village and the same random draws.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..messages import msg
from ..population import MAX_HOUSEHOLDS, Setting
from ..regimes import REGIMES
from .model import OUTPUTS, YearSeries, simulate
from .parameters import SWEEPABLE, YearParameters, YearsError, parameter_spec
from .village import MAX_YEARS, prepared

MAX_REGIMES = 8
MAX_REPETITIONS = 200
MAX_STEPS = 21
FORMAT = "ermu-years-experiment"


@dataclass(frozen=True)
class Sweep:
    """One swept parameter and the values it takes."""

    name: str
    values: tuple[float, ...]

    def __post_init__(self) -> None:
        spec = parameter_spec(self.name)
        if spec.name not in SWEEPABLE:
            raise YearsError(msg("years.sweep.not-sweepable", "The {name} cannot be swept: sweep one of {allowed}.",
                                 name=spec.name.replace("_", " "), allowed=", ".join(SWEEPABLE)))
        if not 2 <= len(self.values) <= MAX_STEPS:
            raise YearsError(msg("years.sweep.steps", "A sweep takes 2 to {most} values, not {count}.",
                                 most=MAX_STEPS, count=len(self.values)))
        object.__setattr__(self, "name", spec.name)
        object.__setattr__(self, "values", tuple(spec.check(v) for v in self.values))

    @classmethod
    def parse(cls, text: str) -> "Sweep":
        """``NAME=A:B:STEPS``: STEPS evenly spaced values from A to B (rounded for whole numbers)."""
        name, _, spread = text.partition("=")
        parts = spread.split(":")
        if not name.strip() or len(parts) != 3:
            raise YearsError(msg("years.sweep.syntax", "Write a sweep as NAME=FROM:TO:STEPS, e.g. "
                                 "register_error_rate=0:0.2:5, not {text!r}.", text=text))
        try:
            low, high, steps = float(parts[0]), float(parts[1]), int(parts[2])
        except ValueError:
            raise YearsError(msg("years.sweep.numbers", "FROM and TO in {text!r} must be numbers and STEPS a whole "
                                 "number.", text=text)) from None
        if not 2 <= steps <= MAX_STEPS:
            raise YearsError(msg("years.sweep.steps", "A sweep takes 2 to {most} values, not {count}.",
                                 most=MAX_STEPS, count=steps))
        spec = parameter_spec(name)
        values = np.linspace(low, high, steps)
        if spec.integer:
            values = np.unique(np.round(values))
            if values.shape[0] < 2:
                raise YearsError(msg("years.sweep.steps", "A sweep takes 2 to {most} values, not {count}.",
                                     most=MAX_STEPS, count=int(values.shape[0])))
        return cls(spec.name, tuple(float(round(v, 10)) for v in values))

    def label(self) -> str:
        return f"{self.name}={self.values[0]:g}:{self.values[-1]:g}:{len(self.values)}"


@dataclass(frozen=True)
class Experiment:
    regimes: tuple[str, ...]
    households: int = 200
    years: int = 50
    seed: int = 0
    repetitions: int = 1
    parameters: YearParameters = field(default_factory=YearParameters)
    sweeps: tuple[Sweep, ...] = ()
    setting: str = "rural"

    def __post_init__(self) -> None:
        regimes = tuple(self.regimes)
        if not 1 <= len(regimes) <= MAX_REGIMES:
            raise YearsError(msg("years.experiment.regimes", "Choose one to {most} regimes, not {count}.",
                                 most=MAX_REGIMES, count=len(regimes)))
        if len(set(regimes)) != len(regimes):
            raise YearsError(msg("years.experiment.repeated-regime",
                                 "Name each regime once: the same village under one regime twice shows nothing new."))
        for regime in regimes:
            if regime not in REGIMES:
                raise YearsError(msg("years.experiment.unknown-regime", "There is no regime {regime!r}: use one of "
                                     "{allowed}.", regime=regime, allowed=", ".join(REGIMES)))
        object.__setattr__(self, "regimes", regimes)
        _whole("households", self.households, 1, MAX_HOUSEHOLDS)
        _whole("years", self.years, 1, MAX_YEARS)
        _whole("repetitions", self.repetitions, 1, MAX_REPETITIONS)
        _whole("seed", self.seed, 0, 2 ** 63 - 1)  # the same range as every other seed (ermu-cli --seed)
        if str(self.setting).strip().upper() not in Setting.__members__:
            raise YearsError(msg("years.experiment.setting", "There is no setting {setting!r}: use one of {allowed}.",
                                 setting=self.setting, allowed=", ".join(s.label for s in Setting)))
        sweeps = tuple(self.sweeps)
        if len(sweeps) > 2 or len({s.name for s in sweeps}) != len(sweeps):
            raise YearsError(msg("years.experiment.sweeps", "Sweep at most two different parameters at once."))
        object.__setattr__(self, "sweeps", sweeps)
        for regime in regimes:  # every value, fixed or swept, must fit every regime
            for point in self.points():
                self.parameters.with_values(**point).resolve(REGIMES[regime])

    # -- the grid ---------------------------------------------------------------------------
    def points(self) -> list[dict[str, float]]:
        """Every combination of the swept values ([{}] without a sweep)."""
        names = [s.name for s in self.sweeps]
        return [dict(zip(names, combo)) for combo in itertools.product(*(s.values for s in self.sweeps))]

    def cells(self) -> list[tuple[str, int]]:
        return [(regime, i) for regime in self.regimes for i in range(len(self.points()))]

    @property
    def work(self) -> int:
        """Household-years to simulate: what the runner weighs before starting processes."""
        return self.households * self.years * self.repetitions * len(self.cells())

    @classmethod
    def from_preset(cls, preset) -> "Experiment":
        """What a preset of view "years" asks for: a saved experiment, or regimes, village and sweep."""
        options = preset.options
        if options.get("experiment") is not None:
            return cls.from_json(options["experiment"])
        sweep = options.get("sweep")
        return cls(tuple(preset.regimes) or (preset.regime,), households=preset.households,
                   years=options.get("years", 50), seed=preset.seed, repetitions=options.get("repetitions", 5),
                   sweeps=(Sweep.parse(sweep),) if sweep else ())

    # -- JSON ----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": 1, "regimes": list(self.regimes), "households": self.households,
                "years": self.years, "seed": self.seed, "repetitions": self.repetitions,
                "setting": self.setting, "parameters": self.parameters.to_json(),
                "sweeps": [{"name": s.name, "values": list(s.values)} for s in self.sweeps]}

    @classmethod
    def from_json(cls, data: Any) -> "Experiment":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise YearsError(msg("years.experiment.not-an-experiment",
                                 "This is not a years experiment saved by Ermu."))
        try:
            sweeps = tuple(Sweep(str(s["name"]), tuple(s["values"])) for s in data.get("sweeps", ()))
            return cls(regimes=tuple(data["regimes"]), households=data["households"], years=data["years"],
                       seed=data.get("seed", 0), repetitions=data.get("repetitions", 1),
                       parameters=YearParameters.from_json(data.get("parameters", {})), sweeps=sweeps,
                       setting=str(data.get("setting", "rural")))
        except (KeyError, TypeError) as exc:
            raise YearsError(msg("years.experiment.incomplete", "The saved experiment lacks or mangles {what}.",
                                 what=str(exc))) from None


def _whole(name: str, value: Any, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise YearsError(msg("years.experiment.range", "The {name} must be a whole number from {low:,} to {high:,}, "
                             "not {value!r}.", name=name, low=low, high=high, value=value))


# -- running one cell ------------------------------------------------------------------------
def run_cell(experiment: Experiment, regime_id: str, point: dict[str, float],
             cancelled=lambda: False) -> np.ndarray | None:
    """All repetitions of one regime at one sweep point: values[repetition, year, output]."""
    parameters = experiment.parameters.with_values(**point)
    resolved = parameters.resolve(REGIMES[regime_id])
    unit_size = int(resolved.unit_size)
    village = prepared(experiment.households, experiment.seed, experiment.setting, regime_id,
                       unit_size if unit_size != REGIMES[regime_id].levels[0].size else None)
    runs = np.empty((experiment.repetitions, experiment.years, len(OUTPUTS)))
    for r in range(experiment.repetitions):
        if cancelled():
            return None
        runs[r] = simulate(village, resolved, experiment.years, seed=experiment.seed, repetition=r).values
    return runs


def one_run(regime_id: str, households: int, years: int, seed: int = 0,
            parameters: YearParameters | None = None, setting: str = "rural") -> YearSeries:
    """A single run: what the CLI's ``years`` prints and the face redraws as a slider moves."""
    experiment = Experiment((regime_id,), households, years, seed, 1, parameters or YearParameters(),
                            setting=setting)
    return YearSeries(run_cell(experiment, regime_id, {})[0])


__all__ = ["Experiment", "FORMAT", "MAX_REGIMES", "Sweep", "one_run", "run_cell"]
