"""Fitting an incident to a regime, and resolving the illustrative parameters.

One place decides what an incident means under a given regime and village, so the
sandbox's player, Compare, the lessons, the library and the CLI play the same thing:

- an offence the regime does not police falls back to the regime's first offence;
- a widened scope that the regime has no level for falls back to the regime's own;
- an offender outside the village is moved to its last household.

The regime spec is the only source of parameter defaults: ``resolve_parameters`` fills
what the teacher left unset from ``regime.liability``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .messages import ErmuError, msg
from .propagation import Incident, Parameters
from .regimes import RegimeSpec

#: The illustrative parameters a teacher may change, in the order the GUI shows them.
PARAMETER_NAMES = ("observation_probability", "discovery_probability", "register_error_rate")


class IncidentError(ErmuError, ValueError):
    """An incident or parameter that cannot be played."""


@dataclass(frozen=True)
class Fitted:
    """An incident as it will be played, and what fitting changed (as message keys)."""

    incident: Incident
    notes: tuple = ()


def fit_incident(regime: RegimeSpec, incident: Incident, households: int) -> Fitted:
    """The incident as the regime and a village of ``households`` households can play it."""
    notes = []
    if regime.offences and incident.offence not in regime.offences:
        from .offences import OFFENCES

        def label(offence_id: str) -> str:
            return OFFENCES[offence_id].label if offence_id in OFFENCES else offence_id

        notes.append(msg("incident.fit.offence", "The {regime} does not police {offence}; playing {fallback} instead.",
                         regime=regime.title, offence=label(incident.offence), fallback=label(regime.offences[0])))
        incident = replace(incident, offence=regime.offences[0])
    if incident.scope is not None and incident.scope not in {level.id for level in regime.levels}:
        notes.append(msg("incident.fit.scope", "The {regime} has no level “{scope}”; its own rule applies.",
                         regime=regime.title, scope=incident.scope))
        incident = replace(incident, scope=None)
    if households and not 0 <= incident.offender < households:
        last = households - 1
        notes.append(msg("incident.fit.offender", "The village has households 0 to {last}; household {last} offends.",
                         last=last))
        incident = replace(incident, offender=min(max(incident.offender, 0), last))
    return Fitted(incident, tuple(notes))


def check_probability(name: str, value: object) -> float | None:
    """A parameter value in [0, 1] (or None for the regime's default), else an IncidentError."""
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise IncidentError(msg("incident.parameter.number", "{name} must be a number from 0 to 1, not {value!r}.",
                                name=name.replace("_", " ").capitalize(), value=value)) from None
    if not 0.0 <= number <= 1.0 or number != number:
        raise IncidentError(msg("incident.parameter.range", "{name} must be between 0 and 1, not {value}.",
                                name=name.replace("_", " ").capitalize(), value=value))
    return number


def resolve_parameters(regime: RegimeSpec, parameters: Parameters | None = None) -> Parameters:
    """Every parameter with a value: the teacher's where set, else the regime's default."""
    parameters = parameters or Parameters()
    values = {name: getattr(parameters, name) for name in PARAMETER_NAMES}
    for name, value in values.items():
        values[name] = check_probability(name, value)
        if values[name] is None:
            values[name] = getattr(regime.liability, name)
    return replace(parameters, **values)


def overrides(regime: RegimeSpec, parameters: Parameters) -> dict[str, float]:
    """The parameters that differ from the regime's defaults (what a teacher changed)."""
    resolved = resolve_parameters(regime, parameters)
    return {name: getattr(resolved, name) for name in PARAMETER_NAMES
            if getattr(resolved, name) != getattr(regime.liability, name)}


__all__ = ["Fitted", "IncidentError", "PARAMETER_NAMES", "check_probability", "fit_incident", "overrides",
           "resolve_parameters"]


def play_preset(preset) -> "IncidentResult":
    """Generate the preset's village, group it, fit its incident and play it (lessons' predict
    questions, the library's built-ins and the CLI all answer through this)."""
    from .hierarchy import group
    from .population import Population
    from .propagation import simulate
    from .regimes import get_regime

    regime = get_regime(preset.regime)
    village = Population.generate(preset.households, seed=preset.seed)
    hierarchy = group(village, regime, preset.year)
    fitted = fit_incident(regime, preset.incident, len(village))
    return simulate(hierarchy, fitted.incident, resolve_parameters(regime, preset.parameters))
