"""The knobs of the years model: every one illustrative, adjustable, with its range.

Two kinds of parameter. Those the regime already states (observation probability,
discovery probability, register error rate, the size of the smallest unit, the severity
of collective punishment, whether officials rewarded model conduct) take their default
from the regime's spec: the spec is the only place those defaults live. The rest belong
to the years model alone (how often households offend, how strongly kinship pulls
towards silence, how fast trust recovers ...) and take their defaults from
:data:`SPECS`. None of these numbers is in the sources; every one is marked illustrative
wherever a user sees it.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Mapping

from ..messages import ErmuError, Message, msg
from ..propagation import MAX_SEVERITY
from ..regimes import RegimeSpec

#: Parameters whose default is read from the regime's spec (see :func:`regime_default`).
FROM_REGIME = "regime"


class YearsError(ErmuError, ValueError):
    """A years run or experiment that cannot be made; the message says what is allowed."""


@dataclass(frozen=True)
class ParameterSpec:
    name: str
    low: float
    high: float
    default: float | str  # a number, or FROM_REGIME
    label: Message
    integer: bool = False
    mechanism: str = ""  # the model-card mechanism it belongs to

    def check(self, value: Any) -> float:
        if isinstance(value, bool):
            raise _bad(self, value)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise _bad(self, value) from None
        if math.isnan(number) or not self.low <= number <= self.high:
            raise _bad(self, value)
        if self.integer:
            if number != int(number):
                raise _bad(self, value)
            return float(int(number))
        return number


def _bad(spec: ParameterSpec, value: Any) -> YearsError:
    kind = "a whole number" if spec.integer else "a number"
    return YearsError(msg("years.parameter.range", "The {name} must be {kind} from {low:g} to {high:g}, not {value}.",
                          name=spec.name.replace("_", " "), kind=kind, low=spec.low, high=spec.high,
                          value=repr(value) if isinstance(value, str) else value))


def _p(name: str, low: float, high: float, default: float | str, label: str, *, integer: bool = False,
       mechanism: str = "") -> ParameterSpec:
    return ParameterSpec(name, low, high, default, msg(f"years.parameter.{name}", label), integer, mechanism)


SPECS: dict[str, ParameterSpec] = {p.name: p for p in (
    # -- read from the regime's spec ------------------------------------------------------
    _p("observation_probability", 0, 1, FROM_REGIME, "Chance that a household of the unit sees an offence",
       mechanism="observe"),
    _p("discovery_probability", 0, 1, FROM_REGIME,
       "Chance that the silence comes out once the authorities learn of an offence", mechanism="conceal"),
    _p("register_error_rate", 0, 0.5, FROM_REGIME, "Chance that one copying of a record names the wrong household",
       mechanism="register-errors"),
    _p("unit_size", 2, 50, FROM_REGIME, "Households in the smallest unit", integer=True, mechanism="observe"),
    _p("collective_severity", 0, MAX_SEVERITY, FROM_REGIME,
       "Severity of collective punishment (0 to 4; 0: no collective liability)", integer=True,
       mechanism="collective"),
    _p("reward", 0, 1, FROM_REGIME, "Strength of rewards for reporting (0: none; 1: as the regime's officials did)",
       mechanism="report"),
    # -- the years model's own -------------------------------------------------------------
    _p("offence_rate", 0, 0.5, 0.05, "Chance a household offends in a year when nothing deters it",
       mechanism="offend"),
    _p("deterrence", 0, 1, 0.8, "How strongly the expected punishment lowers offending", mechanism="offend"),
    _p("outside_detection", 0, 1, 0.4, "Chance the authorities learn of an unreported offence by other means",
       mechanism="conceal"),
    _p("report_duty", 0, 1, 0.3, "Chance a witness reports out of duty alone", mechanism="report"),
    _p("liability_pull", 0, 2, 1.0, "How strongly the threat of collective punishment pushes witnesses to report",
       mechanism="report"),
    _p("reward_pull", 0, 1, 0.2, "How much a full reward adds to a witness's chance of reporting", mechanism="report"),
    _p("kin_silence", 0, 1, 0.4, "How much kinship with the offender lowers a witness's chance of reporting",
       mechanism="kin"),
    _p("self_report", 0, 1, 0.3, "How readily an offender confesses when being caught seems likely",
       mechanism="self-report"),
    _p("head_pass", 0, 1, 0.95, "Chance that each unit head passes a report on", mechanism="heads"),
    _p("false_report_rate", 0, 0.2, 0.005, "Chance a household falsely accuses a neighbour in a year",
       mechanism="false-reports"),
    _p("trust_neighbours_start", 0, 1, 0.7, "Trust in the neighbours at the start", mechanism="trust"),
    _p("trust_state_start", 0, 1, 0.6, "Trust in the state at the start", mechanism="trust"),
    _p("report_hit", 0, 1, 0.1, "Trust in the neighbours lost by a household its neighbours report",
       mechanism="trust"),
    _p("innocent_hit", 0, 1, 0.3, "Trust in the state lost by a household punished though innocent",
       mechanism="trust"),
    _p("collective_hit", 0, 1, 0.15, "Trust in the state lost by a household punished for a neighbour's offence",
       mechanism="trust"),
    _p("trust_recovery", 0, 1, 0.1, "Share of lost trust that comes back each year", mechanism="trust"),
    _p("closure_threshold", 0, 1, 0.35, "Mean trust in the state below which a punished unit may close ranks",
       mechanism="closing-ranks"),
    _p("cohesion_threshold", 0, 1, 0.5, "Mean trust in the neighbours a unit needs to keep a common silence",
       mechanism="closing-ranks"),
)}

#: The parameters a sweep may vary in a class (the rest stay adjustable one at a time).
SWEEPABLE = ("unit_size", "observation_probability", "register_error_rate", "collective_severity", "reward",
             "offence_rate", "false_report_rate", "kin_silence", "outside_detection", "head_pass")


def parameter_spec(name: str) -> ParameterSpec:
    key = name.strip().replace("-", "_")
    try:
        return SPECS[key]
    except KeyError:
        raise YearsError(msg("years.parameter.unknown", "There is no parameter {name!r}: use one of {allowed}.",
                             name=name, allowed=", ".join(SPECS))) from None


def regime_default(name: str, regime: RegimeSpec) -> float:
    """The default of a parameter the regime's spec states."""
    rules = regime.liability
    if name == "observation_probability":
        return rules.observation_probability
    if name == "discovery_probability":
        return rules.discovery_probability
    if name == "register_error_rate":
        return rules.register_error_rate
    if name == "unit_size":
        return float(regime.levels[0].size)
    if name == "collective_severity":
        return float(rules.neighbours_on_concealment.severity)
    if name == "reward":
        return 1.0 if rules.reward is not None else 0.0
    raise KeyError(name)


@dataclass(frozen=True)
class YearParameters:
    """Values a teacher set; every parameter left out takes its default.

    ``values`` maps parameter names to numbers, already checked against their ranges.
    """

    values: Mapping[str, float] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        checked = {}
        for name, value in dict(self.values).items():
            spec = parameter_spec(name)
            checked[spec.name] = spec.check(value)
        object.__setattr__(self, "values", checked)

    def with_values(self, **values: float) -> "YearParameters":
        return YearParameters({**self.values, **values})

    def resolve(self, regime: RegimeSpec) -> "Resolved":
        out = {}
        for name, spec in SPECS.items():
            if name in self.values:
                out[name] = self.values[name]
            elif spec.default == FROM_REGIME:
                out[name] = regime_default(name, regime)
            else:
                out[name] = float(spec.default)
        if out["unit_size"] != regime_default("unit_size", regime) and _has_fixed_units(regime):
            raise YearsError(msg("years.parameter.unit-size-fixed",
                                 "The {title} keeps its units of {size} households (with leading households), "
                                 "so its unit size cannot be changed: choose another regime.",
                                 title=regime.title, size=regime.households_per_unit(0) + 1))
        return Resolved(**out)

    def to_json(self) -> dict[str, float]:
        return dict(sorted(self.values.items()))

    @classmethod
    def from_json(cls, data: Any) -> "YearParameters":
        if not isinstance(data, dict):
            raise YearsError(msg("years.parameter.not-a-table", "The parameters must be a table of names and numbers."))
        return cls(data)


def _has_fixed_units(regime: RegimeSpec) -> bool:
    return any(level.head_households for level in regime.levels)


def unit_size_adjustable(regime: RegimeSpec) -> bool:
    return not _has_fixed_units(regime)


@dataclass(frozen=True)
class Resolved:
    """Every parameter with its value for one regime (the model reads only this)."""

    observation_probability: float
    discovery_probability: float
    register_error_rate: float
    unit_size: float
    collective_severity: float
    reward: float
    offence_rate: float
    deterrence: float
    outside_detection: float
    report_duty: float
    liability_pull: float
    reward_pull: float
    kin_silence: float
    self_report: float
    head_pass: float
    false_report_rate: float
    trust_neighbours_start: float
    trust_state_start: float
    report_hit: float
    innocent_hit: float
    collective_hit: float
    trust_recovery: float
    closure_threshold: float
    cohesion_threshold: float

    def as_dict(self) -> dict[str, float]:
        return dataclasses.asdict(self)


__all__ = ["FROM_REGIME", "SPECS", "SWEEPABLE", "ParameterSpec", "Resolved", "YearParameters", "YearsError",
           "parameter_spec", "regime_default", "unit_size_adjustable"]
