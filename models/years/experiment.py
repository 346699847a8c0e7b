"""Experiments: one village under one to eight regimes, sweeps of one or two parameters.

An :class:`Experiment` is a definition (plain data, JSON both ways, so the library can
store it); :func:`~ermu.models.years.runner.run_experiment` turns it into an
:class:`ExperimentResult` cell by cell — a cell is one regime at one sweep point, with
all its repetitions — summarised as a mean and an uncertainty band per year and per run.
Every regime and every sweep point sees the same village and the same random draws.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
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
#: The band is the mean plus or minus this many standard errors (about 95%).
BAND_Z = 1.96
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
        _whole("seed", self.seed, -(2 ** 31), 2 ** 31 - 1)
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


# -- summaries ----------------------------------------------------------------------------------
@dataclass
class Band:
    mean: np.ndarray
    low: np.ndarray
    high: np.ndarray

    @classmethod
    def of(cls, samples: np.ndarray) -> "Band":
        """Mean over the first axis and mean +/- BAND_Z standard errors (NaN-aware)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            count = np.sum(~np.isnan(samples), axis=0)
            mean = _nanmean(samples)
            if samples.shape[0] > 1:
                centred = np.where(np.isnan(samples), 0.0, samples - mean)
                var = np.sum(centred ** 2, axis=0) / np.maximum(count - 1, 1)
                half = BAND_Z * np.sqrt(var / np.maximum(count, 1))
            else:
                half = np.zeros_like(mean)
        return cls(mean, mean - half, mean + half)

    def to_json(self) -> dict[str, list]:
        return {k: _json_numbers(getattr(self, k)) for k in ("mean", "low", "high")}

    @classmethod
    def from_json(cls, data: dict) -> "Band":
        return cls(*(np.array(_from_json_numbers(data[k]), dtype=float) for k in ("mean", "low", "high")))


def _nanmean(samples: np.ndarray) -> np.ndarray:
    count = np.sum(~np.isnan(samples), axis=0)
    total = np.nansum(samples, axis=0)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)


#: Outputs that are shares or trust levels: their band never leaves 0..1.
_UNIT_INTERVAL = np.array([o.startswith(("share_", "trust_")) for o in OUTPUTS])


def _bounded(band: Band) -> Band:
    """No band below zero (counts, shares) or above one (shares, trust)."""
    high = np.where(_UNIT_INTERVAL, np.minimum(band.high, 1.0), band.high)
    return Band(band.mean, np.maximum(band.low, 0.0), high)


@dataclass
class CellResult:
    """One regime at one sweep point: per year (years x outputs) and over the run (outputs)."""

    regime: str
    point: dict[str, float]
    repetitions: int
    per_year: Band
    per_run: Band

    @classmethod
    def summarise(cls, regime: str, point: dict[str, float], runs: np.ndarray) -> "CellResult":
        return cls(regime, dict(point), int(runs.shape[0]), _bounded(Band.of(runs)),
                   _bounded(Band.of(_nanmean(runs.swapaxes(0, 1)))))

    def series(self, output: str) -> Band:
        i = OUTPUTS.index(output)
        return Band(self.per_year.mean[:, i], self.per_year.low[:, i], self.per_year.high[:, i])

    def to_json(self) -> dict[str, Any]:
        return {"regime": self.regime, "point": self.point, "repetitions": self.repetitions,
                "per_year": self.per_year.to_json(), "per_run": self.per_run.to_json()}

    @classmethod
    def from_json(cls, data: dict) -> "CellResult":
        return cls(data["regime"], dict(data["point"]), int(data["repetitions"]), Band.from_json(data["per_year"]),
                   Band.from_json(data["per_run"]))


@dataclass
class ExperimentResult:
    experiment: Experiment
    cells: list[CellResult] = field(default_factory=list)
    complete: bool = False

    def cell(self, regime: str, point: dict[str, float] | None = None) -> CellResult:
        point = point or {}
        for cell in self.cells:
            if cell.regime == regime and cell.point == point:
                return cell
        raise KeyError((regime, point))

    def sweep_curve(self, regime: str, output: str) -> tuple[list[dict[str, float]], Band]:
        """The run means of one output at every sweep point of a regime, in grid order."""
        cells = [c for c in self.cells if c.regime == regime]
        order = {tuple(p.items()): i for i, p in enumerate(self.experiment.points())}
        cells.sort(key=lambda c: order.get(tuple(c.point.items()), 0))
        i = OUTPUTS.index(output)
        stack = [np.array([getattr(c.per_run, k)[i] for c in cells]) for k in ("mean", "low", "high")]
        return [c.point for c in cells], Band(*stack)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT + "-result", "version": 1, "experiment": self.experiment.to_json(),
                "complete": self.complete, "outputs": list(OUTPUTS), "band": f"mean ± {BAND_Z} standard errors",
                "illustrative": True, "cells": [c.to_json() for c in self.cells]}

    @classmethod
    def from_json(cls, data: Any) -> "ExperimentResult":
        if not isinstance(data, dict) or data.get("format") != FORMAT + "-result":
            raise YearsError(msg("years.result.not-a-result", "This is not a years result saved by Ermu."))
        if list(data.get("outputs", ())) != list(OUTPUTS):
            raise YearsError(msg("years.result.outputs", "This result was saved with other outputs: run the "
                                 "experiment again."))
        try:
            cells = [CellResult.from_json(c) for c in data["cells"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise YearsError(msg("years.result.incomplete", "The saved result lacks or mangles {what}.",
                                 what=str(exc))) from None
        return cls(Experiment.from_json(data["experiment"]), cells, bool(data.get("complete", False)))

    # -- CSV ------------------------------------------------------------------------------------
    def to_csv(self, kind: str = "years") -> str:
        """``years``: one row per regime, sweep point and year; ``sweep``: one per regime and point."""
        if kind not in ("years", "sweep"):
            raise YearsError(msg("years.csv.kind", "A CSV export is of 'years' or 'sweep', not {kind!r}.", kind=kind))
        names = [s.name for s in self.experiment.sweeps]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        head = ["regime", *names] + (["year"] if kind == "years" else [])
        writer.writerow(head + [f"{o}_{k}" for o in OUTPUTS for k in ("mean", "low", "high")])
        for cell in self.cells:
            lead = [cell.regime, *(_fmt(cell.point[n]) for n in names)]
            if kind == "years":
                band = cell.per_year
                for year in range(band.mean.shape[0]):
                    writer.writerow(lead + [year + 1] + _row(band, year))
            else:
                writer.writerow(lead + _row(cell.per_run, None))
        return buffer.getvalue()


def _row(band: Band, year: int | None) -> list[str]:
    pick = (lambda a: a[year]) if year is not None else (lambda a: a)
    mean, low, high = pick(band.mean), pick(band.low), pick(band.high)
    return [_fmt(v) for i in range(len(OUTPUTS)) for v in (mean[i], low[i], high[i])]


def _fmt(value: float) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.6g}"


def _json_numbers(array: np.ndarray) -> list:
    return [_json_numbers(a) for a in array] if array.ndim > 1 else [
        None if math.isnan(v) else round(float(v), 6) for v in array]


def _from_json_numbers(data: list) -> list:
    return [_from_json_numbers(x) if isinstance(x, list) else (math.nan if x is None else float(x)) for x in data]


__all__ = ["BAND_Z", "Band", "CellResult", "Experiment", "ExperimentResult", "MAX_REGIMES", "Sweep", "one_run",
           "run_cell"]
