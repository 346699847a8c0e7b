"""Preset: what a lesson's *Try it*, a built-in example, Compare and the CLI open, parsed once.

A preset names the face it opens (``view``) and what to put there: for the sandbox and
Compare a regime (or several), a village (households and seed), a year, an incident and
any illustrative parameters the lesson sets; for the criticism session, the credit face
and the charts their own options. Front matter and saved scenarios are untrusted data:
:meth:`Preset.parse` checks every field once and raises a :class:`PresetError` that names
the first problem and where. Everything after that uses the typed object.

The sandbox's defaults (household 57 stealing in a village of 200, seed 7, under the Qing
baojia) live here and nowhere else; the parameters' defaults live in the regime specs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Mapping

from .incident_setup import PARAMETER_NAMES, IncidentError, check_probability
from .messages import ErmuError, msg
from .offences import OFFENCES
from .population import MAX_HOUSEHOLDS, PopulationError, check_count
from .propagation import Incident, Parameters, Response

VIEWS = ("sandbox", "compare", "criticism", "credit", "charts", "years", "empire")
DEFAULT_REGIME = "qing-baojia"
DEFAULT_HOUSEHOLDS = 200
DEFAULT_SEED = 7
DEFAULT_OFFENDER = 57
DEFAULT_OFFENCE = "theft"
DEFAULT_RESPONSE = "concealed"
DEFAULT_COMPARE = ("qing-baojia", "sui")
MAX_COMPARE = 4
#: Options each non-village face accepts, with their types.
FACE_OPTIONS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "criticism": {"participants": int, "rounds": int, "target": (int, str), "media": bool, "seed": int},
    "credit": {"scheme": str, "score": (int, float), "events": list},
    "charts": {"chart": str},
    "years": {"sweep": str, "repetitions": int, "years": int, "output": str, "experiment": dict},
    "empire": {"counties": int, "county": int, "zoom": str, "regime": str},  # regime: only when given
}


class PresetError(ErmuError, ValueError):
    """A preset that cannot be opened; the message names the field."""


def _fail(where: str, problem: str, **params: Any) -> PresetError:
    return PresetError(msg("preset.invalid", "{where}: {problem}", where=where,
                           problem=msg(f"preset.problem.{problem}", _PROBLEMS[problem], **params)))


_PROBLEMS = {
    "view": "must be one of {allowed}, not {value!r}.",
    "regime": "{value!r} is not a known regime: use one of {allowed}.",
    "count": "{error}",
    "int": "must be a whole number, not {value!r}.",
    "offence": "{value!r} is not a known offence: use one of {allowed}.",
    "response": "must be one of {allowed}, not {value!r}.",
    "type": "must be {kind}, not {value!r}.",
    "parameter": "{error}",
    "unknown": "is not something a preset may contain.",
    "regimes": "needs two to {most} different regimes.",
    "counties": "the empire has {allowed} counties in the sources, not {value}.",
    "county": "must be a county from 1 to {most}, not {value}.",
    "zoom": "there is no zoom {value!r} here: use one of {allowed}.",
}


def _check_empire(options: dict[str, Any], regime: str | None, where: str) -> None:
    """The empire's options: its documented county counts, a county among them, a zoom it has."""
    from .empire.registers import COUNTY_CHOICES
    from .regimes import REGIMES

    counties = options.get("counties", COUNTY_CHOICES[0])
    if counties not in COUNTY_CHOICES:
        raise _fail(f"{where}.counties", "counties", value=counties,
                    allowed=" or ".join(f"{c:,}" for c in COUNTY_CHOICES))
    if "county" in options and not 1 <= options["county"] <= counties:
        raise _fail(f"{where}.county", "county", most=f"{counties:,}", value=options["county"])
    if "zoom" in options:
        spec = REGIMES[regime or "ming-lijia"]
        allowed = ("empire", "county", *(level.id for level in reversed(spec.levels)), "household")
        if options["zoom"] not in allowed:
            raise _fail(f"{where}.zoom", "zoom", value=options["zoom"], allowed=", ".join(allowed))


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _fail(where, "int", value=value)
    try:
        return int(value)
    except ValueError:
        raise _fail(where, "int", value=value) from None


@dataclass(frozen=True)
class Preset:
    view: str = "sandbox"
    regime: str = DEFAULT_REGIME
    households: int = DEFAULT_HOUSEHOLDS
    seed: int = DEFAULT_SEED
    year: int | None = None
    incident: Incident = field(default_factory=lambda: Incident(DEFAULT_OFFENDER, DEFAULT_OFFENCE, DEFAULT_RESPONSE))
    has_incident: bool = False  # did the preset ask for an incident to be played?
    parameters: Parameters = field(default_factory=Parameters)
    regimes: tuple[str, ...] = ()  # Compare: the regimes side by side
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    # -- parsing -------------------------------------------------------------------------
    @classmethod
    def parse(cls, data: Mapping[str, Any], where: str = "preset") -> "Preset":
        from .regimes import REGIMES

        if not isinstance(data, Mapping):
            raise _fail(where, "type", kind="a table", value=data)
        view = data.get("view", "sandbox")
        if view not in VIEWS:
            raise _fail(f"{where}.view", "view", allowed=", ".join(VIEWS), value=view)
        known = {"view", "regime", "households", "seed", "year", "incident", "regimes", *PARAMETER_NAMES,
                 *FACE_OPTIONS.get(view, {})}
        for key in data:
            if key not in known:
                raise _fail(f"{where}.{key}", "unknown")
        preset = cls(view=view)
        regime = data.get("regime", DEFAULT_REGIME)
        if regime not in REGIMES:
            raise _fail(f"{where}.regime", "regime", value=regime, allowed=", ".join(REGIMES))
        changes: dict[str, Any] = {"regime": regime}
        if "households" in data:
            try:
                changes["households"] = check_count(data["households"], limit=MAX_HOUSEHOLDS)
            except PopulationError as exc:
                raise _fail(f"{where}.households", "count", error=str(exc)) from None
        if "seed" in data and view in ("sandbox", "compare", "years"):
            changes["seed"] = _int(data["seed"], f"{where}.seed")
        if data.get("year") is not None:
            changes["year"] = _int(data["year"], f"{where}.year")
        if "incident" in data:
            changes["incident"] = parse_incident(data["incident"], f"{where}.incident")
            changes["has_incident"] = True
        values = {}
        for name in PARAMETER_NAMES:
            if name in data:
                try:
                    values[name] = check_probability(name, data[name])
                except IncidentError as exc:
                    raise _fail(f"{where}.{name}", "parameter", error=str(exc)) from None
        changes["parameters"] = Parameters(**values)
        if "regimes" in data:
            regimes = data["regimes"]
            if not isinstance(regimes, (list, tuple)) or not all(isinstance(r, str) for r in regimes):
                raise _fail(f"{where}.regimes", "type", kind="a list of regime ids", value=regimes)
            for r in regimes:
                if r not in REGIMES:
                    raise _fail(f"{where}.regimes", "regime", value=r, allowed=", ".join(REGIMES))
            chosen = tuple(dict.fromkeys(regimes))
            if not 2 <= len(chosen) <= MAX_COMPARE:
                raise _fail(f"{where}.regimes", "regimes", most=MAX_COMPARE)
            changes["regimes"] = chosen
        options = {}
        for key, kind in FACE_OPTIONS.get(view, {}).items():
            if data.get(key) is not None:  # null: the face's default (a saved years example may hold one)
                value = data[key]
                if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
                    raise _fail(f"{where}.{key}", "type", kind=_kind_name(kind), value=value)
                options[key] = value
        if view == "empire":
            _check_empire(options, data.get("regime"), where)
        changes["options"] = MappingProxyType(options)
        return replace(preset, **changes)

    # -- use -----------------------------------------------------------------------------
    def compare_regimes(self) -> tuple[str, ...]:
        """The regimes Compare opens: the preset's list, or its regime beside the defaults."""
        if self.regimes:
            return self.regimes
        return tuple(dict.fromkeys((self.regime, *DEFAULT_COMPARE)))[:2] if self.regime != DEFAULT_COMPARE[0] \
            else DEFAULT_COMPARE

    def as_dict(self) -> dict[str, Any]:
        """Plain data (for JSON and the library), the inverse of :meth:`parse`."""
        data: dict[str, Any] = {"view": self.view, "regime": self.regime, "households": self.households,
                                "seed": self.seed}
        if self.year is not None:
            data["year"] = self.year
        if self.has_incident:
            data["incident"] = incident_dict(self.incident)
        for name in PARAMETER_NAMES:
            if getattr(self.parameters, name) is not None:
                data[name] = getattr(self.parameters, name)
        if self.regimes:
            data["regimes"] = list(self.regimes)
        data.update(self.options)
        return data


def incident_dict(incident: Incident) -> dict[str, Any]:
    return {"offender": incident.offender, "offence": incident.offence, "response": str(incident.response),
            "scope": incident.scope, "discovered": incident.discovered}


def _kind_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {int: "a whole number", float: "a number", str: "text", bool: "true or false", list: "a list"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def parse_incident(data: Any, where: str) -> Incident:
    if not isinstance(data, Mapping):
        raise _fail(where, "type", kind="a table", value=data)
    for key in data:
        if key not in ("offender", "offence", "response", "scope", "discovered"):
            raise _fail(f"{where}.{key}", "unknown")
    offender = _int(data.get("offender", DEFAULT_OFFENDER), f"{where}.offender")
    if offender < 0:
        raise _fail(f"{where}.offender", "int", value=offender)
    offence = data.get("offence", DEFAULT_OFFENCE)
    if offence not in OFFENCES:
        raise _fail(f"{where}.offence", "offence", value=offence, allowed=", ".join(OFFENCES))
    response = str(data.get("response", DEFAULT_RESPONSE))
    allowed = [str(r) for r in Response]
    if response not in allowed:
        raise _fail(f"{where}.response", "response", value=response, allowed=", ".join(allowed))
    scope = data.get("scope")
    if scope is not None and not isinstance(scope, str):
        raise _fail(f"{where}.scope", "type", kind="a level id", value=scope)
    discovered = data.get("discovered", True)
    if not isinstance(discovered, bool):
        raise _fail(f"{where}.discovered", "type", kind="true or false", value=discovered)
    return Incident(offender, offence, response, scope, discovered)


DEFAULT_PRESET = Preset()

__all__ = ["DEFAULT_COMPARE", "DEFAULT_HOUSEHOLDS", "DEFAULT_OFFENCE", "DEFAULT_OFFENDER", "DEFAULT_PRESET",
           "DEFAULT_REGIME", "DEFAULT_RESPONSE", "DEFAULT_SEED", "FACE_OPTIONS", "MAX_COMPARE", "Preset",
           "PresetError", "VIEWS", "incident_dict", "parse_incident"]
