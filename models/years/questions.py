"""Predict-then-run questions answered by the years model (for lessons and their tests).

A quiz question of ``kind = "predict"`` with ``model = "years"`` has ``choices`` and a
``[question.years]`` table describing a small experiment and a rule that turns its
result into the index of the right choice::

    [question.years]
    regime = "qing-baojia"          # or regimes = ["qing-baojia", "sui", ...]
    households = 200
    years = 50
    seed = 1
    repetitions = 10
    vary = "register_error_rate"    # optional: one parameter at two or more values
    values = [0.0, 0.2]
    parameters = {}                 # optional fixed illustrative parameters
    measures = ["innocents_punished", "share_reported"]
    rule = "largest-change"         # largest-change | direction | highest | lowest

Rules (each measure is the run's mean per year, averaged over the repetitions):

- ``largest-change``: choice i is measure i; the answer is the measure whose value changes
  most, relative to where it started, from the first to the last value of ``vary``;
- ``direction``: choices are "rises", "falls" for ``measures[0]`` from the first to the
  last value of ``vary``;
- ``highest`` / ``lowest``: choice i is regime i; the answer is the regime with the
  highest / lowest ``measures[0]``.

The lesson's face runs the same function, so the answer is never taken on trust from
the quiz file; a test checks that the file agrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..messages import Message, msg
from .experiment import Experiment, Sweep
from .results import ExperimentResult
from .model import OUTPUTS
from .parameters import YearParameters, YearsError
from .runner import run_experiment

RULES = ("largest-change", "direction", "highest", "lowest")


@dataclass(frozen=True)
class Answer:
    index: int  # the right choice
    values: dict[str, list[float]]  # what the model measured: label -> values
    explanation: Message


def experiment_for(spec: dict[str, Any]) -> Experiment:
    regimes = tuple(spec.get("regimes") or (spec.get("regime"),))
    sweeps = ()
    if "vary" in spec:
        sweeps = (Sweep(str(spec["vary"]), tuple(spec.get("values", ()))),)
    return Experiment(regimes, households=spec.get("households", 200), years=spec.get("years", 50),
                      seed=spec.get("seed", 0), repetitions=spec.get("repetitions", 10),
                      parameters=YearParameters(spec.get("parameters", {})), sweeps=sweeps)


def answer(spec: dict[str, Any]) -> Answer:
    """Run the question's experiment and say which choice the model picks."""
    rule = spec.get("rule")
    measures = list(spec.get("measures", ()))
    if rule not in RULES:
        raise YearsError(msg("years.question.rule", "A years question's rule must be one of {allowed}, not {rule!r}.",
                             allowed=", ".join(RULES), rule=rule))
    if not measures or any(m not in OUTPUTS for m in measures):
        raise YearsError(msg("years.question.measures", "A years question measures some of {allowed}.",
                             allowed=", ".join(OUTPUTS)))
    experiment = experiment_for(spec)
    if rule in ("largest-change", "direction") and not experiment.sweeps:
        raise YearsError(msg("years.question.vary", "The rule {rule!r} needs a parameter to vary.", rule=rule))
    result = run_experiment(experiment, workers=1)
    if rule in ("highest", "lowest"):
        return _extreme(result, measures[0], rule)
    return _change(result, measures, rule)


def _curve(result: ExperimentResult, regime: str, measure: str) -> list[float]:
    _, band = result.sweep_curve(regime, measure)
    return [float(v) for v in band.mean]


def _change(result: ExperimentResult, measures: list[str], rule: str) -> Answer:
    regime = result.experiment.regimes[0]
    curves = {m: _curve(result, regime, m) for m in measures}
    sweep = result.experiment.sweeps[0]
    if rule == "direction":
        first, last = curves[measures[0]][0], curves[measures[0]][-1]
        index = 0 if last > first else 1
    else:
        change = [abs(c[-1] - c[0]) / max(abs(c[0]), 1e-9) for c in curves.values()]
        index = max(range(len(change)), key=change.__getitem__)
    parts = "; ".join(f"{m.replace('_', ' ')} {_show(m, c[0])} → {_show(m, c[-1])}" for m, c in curves.items())
    return Answer(index, curves, msg("years.question.change",
                                     "The model ran it ({repetitions} runs of {years} years at each value): as the "
                                     "{name} goes from {first:g} to {last:g}, {parts}.",
                                     repetitions=result.experiment.repetitions, years=result.experiment.years,
                                     name=sweep.name.replace("_", " "), first=sweep.values[0],
                                     last=sweep.values[-1], parts=parts))


def _extreme(result: ExperimentResult, measure: str, rule: str) -> Answer:
    values = {regime: _curve(result, regime, measure)[0] for regime in result.experiment.regimes}
    ordered = list(values)
    pick = max if rule == "highest" else min
    index = ordered.index(pick(ordered, key=values.__getitem__))
    parts = "; ".join(f"{regime} {_show(measure, v)}" for regime, v in values.items())
    return Answer(index, {r: [v] for r, v in values.items()},
                  msg("years.question.extreme", "The model ran it ({repetitions} runs of {years} years each), "
                      "{measure} per year: {parts}.", repetitions=result.experiment.repetitions,
                      years=result.experiment.years, measure=measure.replace("_", " "), parts=parts))


def _show(measure: str, value: float) -> str:
    if measure.startswith("share_"):
        return f"{value:.0%}"
    if measure.startswith("trust_"):
        return f"{value:.2f}"
    return f"{value:.1f}"


__all__ = ["Answer", "RULES", "answer", "experiment_for"]
