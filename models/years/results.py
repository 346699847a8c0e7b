"""Results of an experiment: a mean and an uncertainty band per year and per run, JSON, CSV.

A cell is one regime at one sweep point with all its repetitions. Its band is the mean
plus or minus :data:`BAND_Z` standard errors over the repetitions (about 95%), clipped
to what the output can be (never below zero; shares and trust never above one).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..messages import msg
from .experiment import FORMAT, Experiment
from .model import OUTPUTS
from .parameters import YearsError

#: The band is the mean plus or minus this many standard errors (about 95%).
BAND_Z = 1.96


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


__all__ = ["BAND_Z", "Band", "CellResult", "ExperimentResult"]
